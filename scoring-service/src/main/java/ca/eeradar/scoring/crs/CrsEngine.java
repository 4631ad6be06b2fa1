package ca.eeradar.scoring.crs;

import ca.eeradar.scoring.crs.ScoreReport.CategoryMatch;
import ca.eeradar.scoring.crs.ScoreReport.FswGrid;
import ca.eeradar.scoring.crs.ScoreReport.LanguageLevels;
import ca.eeradar.scoring.crs.ScoreReport.TimelineEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The Comprehensive Ranking System on a date: pure, stateless and thread-safe. {@link #assess} is
 * the hot path used to re-evaluate the whole pool on every draw; {@link #score} is the full answer
 * with every section, the FSW grid, the reasons and the 24-month timeline.
 */
public final class CrsEngine {
    /** How far ahead {@link ScoreReport#timeline()} looks (issue 3). */
    public static final int TIMELINE_MONTHS = 24;

    private static final List<Set<Program>> PROGRAM_SETS = programSets();

    private final RuleBook rules;
    private final CategoryLists categoryLists;
    /**
     * The last date scored, reused while the next profile is scored on the same date (a draw or the
     * daily re-score goes through the whole pool on one date). Only what the date alone decides is
     * kept, never anything of a profile. Immutable, so threads racing on this field each see a
     * complete one; the worst case is building it again.
     */
    private ScoringDay lastDay;

    public CrsEngine(RuleBook rules) {
        this(rules, CategoryLists.official());
    }

    public CrsEngine(RuleBook rules, CategoryLists categoryLists) {
        this.rules = rules;
        this.categoryLists = categoryLists;
    }

    /** Every known rule set, with the 2026-11-03 high-wage values unset. */
    public static CrsEngine withOfficialRules() {
        return new CrsEngine(RuleBook.official());
    }

    public RuleBook rules() {
        return rules;
    }

    /**
     * Total and eligibility on {@code asOf}, nothing else: no timeline, no text. The profile must
     * have passed {@link ProfileValidator}; {@code asOf} must be on or after 2015-01-01.
     */
    public Assessment assess(Profile profile, LocalDate asOf) {
        return assess(DecodedProfile.of(profile), asOf);
    }

    /**
     * {@link #assess(Profile, LocalDate)} of a profile already decoded: the way to assess one profile
     * on several dates, or a pool kept in memory, without decoding it each time.
     */
    public Assessment assess(DecodedProfile profile, LocalDate asOf) {
        ScoringDay day = scoringDay(asOf);
        Facts facts = new Facts(profile, day, false);
        Points points = points(facts);
        boolean valid = valid(facts, points);
        int programs = 0;
        int categories = 0;
        if (valid) {
            programs = ProgramRules.programs(facts, points, null, null);
            categories = ProgramRules.categories(facts);
        }
        return new Assessment(points.total, day.rulesVersion, valid, PROGRAM_SETS.get(programs), categories,
                facts.nominated, day.rulesComplete);
    }

    /** What the date alone decides, reused from the last call on the same date. */
    private ScoringDay scoringDay(LocalDate asOf) {
        ScoringDay day = lastDay;
        if (day == null || !day.date.equals(asOf)) {
            day = new ScoringDay(asOf, rules, categoryLists);
            lastDay = day;
        }
        return day;
    }

    /** The full answer on {@code asOf} (see {@link ScoreReport}). */
    public ScoreReport score(Profile profile, LocalDate asOf) {
        ScoringDay day = scoringDay(asOf);
        RuleSet ruleSet = day.rules;
        DecodedProfile decoded = DecodedProfile.of(profile);
        Facts f = new Facts(decoded, day, true);
        Points p = points(f);
        boolean valid = valid(f, p);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        validityReasons(f, p, reasons);
        int[] grid = new int[7];
        int programMask = ProgramRules.programs(f, p, reasons, grid);
        CategoryLists.InForce inForce = day.categories;
        int categoryMask = ProgramRules.categories(f);
        if (!valid) {
            programMask = 0;
        }
        List<Program> programs = new ArrayList<>(PROGRAM_SETS.get(programMask));
        if (valid && f.nominated && programMask != 0) {
            programs.add(Program.PNP);
        } else if (!f.nominated) {
            reasons.add("PNP: no provincial nomination dated on or before " + asOf);
        }
        List<CategoryMatch> categories = new ArrayList<>();
        for (CategoryList list : inForce.lists()) {
            if ((categoryMask & (1 << list.category().ordinal())) != 0 && valid && programMask != 0) {
                categories.add(new CategoryMatch(list.category(), list.version()));
                if (list.provisional()) {
                    warnings.add("category " + list.category() + " " + list.version() + ": list is provisional, "
                            + list.source());
                }
            }
        }
        warnings(f, p, warnings);

        return new ScoreReport(asOf, ruleSet.version(), f.withSpouse, p.total,
                new ScoreReport.Core(p.age, p.education, p.firstLanguage, p.secondLanguage, p.canadianWork, p.core),
                new ScoreReport.SpouseFactors(p.spouseEducation, p.spouseLanguage, p.spouseCanadianWork, p.spouse),
                new ScoreReport.Transferability(p.educationLanguage, p.educationCanadianWork, p.educationBlock,
                        p.foreignLanguage, p.foreignCanadianWork, p.foreignBlock, p.certificate, p.transferability),
                new ScoreReport.Additional(p.nomination, p.sibling, p.frenchBonus, p.study, p.arrangedEmployment,
                        p.highWageWork, p.additional),
                new ScoreReport.Languages(
                        levels(p.hasFirst, p.firstEnglish, p.first),
                        levels(p.hasSecond, !p.firstEnglish, p.second)),
                new ScoreReport.Eligibility(List.copyOf(programs), List.copyOf(categories),
                        new FswGrid(grid[0], grid[1], grid[2], grid[3], grid[4], grid[5], grid[6],
                                ProgramRules.FSW_PASS_MARK, grid[6] >= ProgramRules.FSW_PASS_MARK),
                        List.copyOf(reasons)),
                timeline(decoded, asOf, f, p, valid, programMask, categoryMask),
                List.copyOf(warnings));
    }

    /**
     * The first official language is the declared one; undeclared, the assignment that scores
     * higher (issue 3), English on a tie.
     */
    private static Points points(Facts f) {
        OfficialLanguage declared = f.decoded.declaredFirst;
        if (declared != null) {
            return new Points(f, declared == OfficialLanguage.ENGLISH);
        }
        if (f.frenchTest == null) {
            return new Points(f, true);
        }
        if (f.englishTest == null) {
            return new Points(f, false);
        }
        Points english = new Points(f, true);
        Points french = new Points(f, false);
        return french.total > english.total ? french : english;
    }

    /**
     * Express Entry's minimum requirements on the date (MI 2017-06-06): a valid first-language test,
     * an unexpired ECA when the education relies on one, an unexpired spouse test.
     */
    private static boolean valid(Facts f, Points p) {
        return p.hasFirst && !f.ecaExpired && !(f.withSpouse && f.spouseTestExpired);
    }

    private static void validityReasons(Facts f, Points p, List<String> reasons) {
        OfficialLanguage first = p.firstEnglish ? OfficialLanguage.ENGLISH : OfficialLanguage.FRENCH;
        if (!p.hasFirst) {
            boolean expired = p.firstEnglish ? f.englishExpired : f.frenchExpired;
            reasons.add(expired
                    ? "the " + first + " test results are more than 2 years old on " + f.asOf
                    + ": the profile no longer meets Express Entry requirements until a new test is entered"
                    : "no valid " + first + " test on " + f.asOf + ": a first-official-language test is required");
        }
        if (f.ecaExpired) {
            reasons.add("the ECA expired on " + f.ecaExpiry() + " (valid 5 years): education scores no points and the"
                    + " profile no longer meets Express Entry requirements until a new ECA is entered");
        }
        if (f.withSpouse && f.spouseTestExpired) {
            reasons.add("the spouse's language test results are more than 2 years old on " + f.asOf
                    + ": the profile no longer meets Express Entry requirements until they are updated");
        }
    }

    private static void warnings(Facts f, Points p, List<String> warnings) {
        RuleSet r = f.rules;
        if (!r.complete()) {
            warnings.add("rule set " + r.version() + " is incomplete: the high-wage factor's points per tier and its"
                    + " occupation list are not published yet (not configured); high-wage and job-offer points count as 0");
        }
        if (f.ecaMissing) {
            warnings.add("education: a foreign credential scores no points without an ECA issued on or before " + f.asOf);
        }
        if (f.profile.spouse() != null && !f.withSpouse) {
            warnings.add("spouse data ignored: scored without spouse because the partner "
                    + (f.profile.maritalStatus() == null || !f.profile.maritalStatus().partnered()
                    ? "is not a spouse or common-law partner"
                    : f.profile.spouse().canadianCitizenOrPermanentResident() ? "is a Canadian citizen or permanent resident"
                    : "is not accompanying"));
        }
        if (f.frenchTest != null && f.frenchTest.test() == LanguageTestType.TEF_CANADA) {
            warnings.add("TEF Canada /699 scores used: IRCC bases Express Entry levels on the attestation's"
                    + " 'équivalence ancien score' column; enter TEF_CANADA_ANCIEN results when available");
        }
        OfficialLanguage declared = f.profile.firstOfficialLanguage();
        if (declared != null && !p.hasFirst && p.hasSecond) {
            warnings.add("declared first official language " + declared + " has no valid test; the other language"
                    + " has one: consider declaring it first");
        }
    }

    private static LanguageLevels levels(boolean present, boolean english, int[] l) {
        return present ? new LanguageLevels(english ? OfficialLanguage.ENGLISH : OfficialLanguage.FRENCH,
                l[0], l[1], l[2], l[3]) : null;
    }

    /**
     * Every day of the next 24 months where the total, the profile's validity, its programs or its
     * categories change (birthdays, test and ECA expiries, experience anniversaries, experience
     * leaving its window, a new rule set), with the total from that day.
     *
     * <p>Evaluating all ~731 days cost ~2.6 ms a profile, so only the days where something can change
     * are evaluated: every dated input of the profile and of the rules ({@link #changeDays}), and the
     * days work hours may reach a threshold. Hours move by at most the profile's weekly hours / 7 a
     * day at each end of a window ({@link #safeDays}), so the distance to the nearest threshold seen
     * on a date ({@link Facts#watch}) says how many following days are certainly identical to it. The
     * answer is the day-by-day one ({@link #timelineDayByDay}, kept for the tests that prove it).
     */
    private List<TimelineEntry> timeline(DecodedProfile profile, LocalDate asOf, Facts f0, Points p0, boolean valid0,
                                         int programs0, int categories0) {
        return timeline(profile, asOf, f0, p0, valid0, programs0, categories0, false);
    }

    /**
     * The reference timeline, every day of the horizon evaluated, starting from the same state as
     * {@link #score}: tests prove {@code score(profile, asOf).timeline()} equals it.
     */
    List<TimelineEntry> timelineDayByDay(Profile given, LocalDate asOf) {
        DecodedProfile profile = DecodedProfile.of(given);
        Facts f0 = new Facts(profile, new ScoringDay(asOf, rules, categoryLists), true);
        Points p0 = points(f0);
        boolean valid0 = valid(f0, p0);
        int programs0 = valid0 ? ProgramRules.programs(f0, p0, null, null) : 0;
        int categories0 = ProgramRules.categories(f0);
        return timeline(profile, asOf, f0, p0, valid0, programs0, categories0, true);
    }

    private List<TimelineEntry> timeline(DecodedProfile profile, LocalDate asOf, Facts f0, Points p0, boolean valid0,
                                         int programs0, int categories0, boolean everyDay) {
        List<TimelineEntry> timeline = new ArrayList<>();
        LocalDate end = asOf.plusMonths(TIMELINE_MONTHS);
        long endDay = end.toEpochDay();
        long[] events = everyDay ? new long[0] : changeDays(profile.profile, asOf, end);
        double[] rates = new double[2];
        int nextEvent = -1;
        Facts prevF = f0;
        Points prevP = p0;
        boolean prevValid = valid0;
        int prevPrograms = programs0;
        int prevCategories = categories0;
        long asOfDay = asOf.toEpochDay();
        long day = asOfDay;
        while (true) {
            long next = day + 1;
            if (!everyDay) {
                int passed = nextEvent;
                while (nextEvent < events.length && (nextEvent < 0 || events[nextEvent] <= day)) {
                    nextEvent++;
                }
                long limit = nextEvent < events.length ? events[nextEvent] : endDay + 1;
                if (nextEvent != passed) {
                    // a new stretch between two change days: the bounds hold from here to its end
                    hourRates(profile.profile, day, Math.min(limit, endDay), rates);
                }
                next = Math.min(limit, day + safeDays(prevF, rates[0], rates[1]));
            }
            if (next > endDay) {
                break;
            }
            if (day == asOfDay && next > day + 1) {
                // The day-by-day walk would have stored asOf + 1's categories, masked to 0 when not valid
                // (score() passes them unmasked); later days compare with that.
                prevCategories = prevValid ? prevCategories : 0;
            }
            day = next;
            LocalDate d = LocalDate.ofEpochDay(day);
            Facts f = new Facts(profile, new ScoringDay(d, rules, categoryLists), true);
            RuleSet r = f.rules;
            Points p = points(f);
            boolean valid = valid(f, p);
            int programs = valid ? ProgramRules.programs(f, p, null, null) : 0;
            int categories = valid ? ProgramRules.categories(f) : 0;
            if (p.total != prevP.total || valid != prevValid || programs != prevPrograms
                    || (categories != prevCategories && programs != 0) || r != prevF.rules) {
                timeline.add(new TimelineEntry(d, change(prevF, prevP, prevValid, prevPrograms, prevCategories,
                        f, p, valid, programs, categories), p.total));
            }
            prevF = f;
            prevP = p;
            prevValid = valid;
            prevPrograms = programs;
            prevCategories = categories;
        }
        return Collections.unmodifiableList(timeline);
    }

    /**
     * Days after {@code asOf} up to {@code end} on which a dated input starts or stops counting (sorted,
     * distinct): birthdays (a 29 February birthday is reached on 1 March, see {@link DecodedProfile#ageOn}), tests
     * taken and expiring (2 years), ECAs issued and expiring (5 years), for the candidate and the spouse,
     * the nomination, the job offer, every rule set and category list boundary and the 12-month category
     * rule (2026-02-18). Work hours are not here: {@link #safeDays} covers them.
     */
    private long[] changeDays(Profile profile, LocalDate asOf, LocalDate end) {
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        for (RuleSet r : rules.ruleSets()) {
            days.add(r.effective());
        }
        for (CategoryList l : categoryLists.all()) {
            days.add(l.from());
            if (l.until() != null) {
                days.add(l.until());
            }
        }
        days.add(CategoryLists.TWELVE_MONTHS_RULE);
        LocalDate birth = profile.dateOfBirth();
        if (birth != null) {
            for (int y = asOf.getYear(); y <= end.getYear(); y++) {
                // plusDays from the 1st: 29 February in a common year becomes 1 March, as ageOn counts it
                days.add(LocalDate.of(y, birth.getMonthValue(), 1).plusDays(birth.getDayOfMonth() - 1L));
            }
        }
        addTests(days, profile.languageTests());
        addEducation(days, profile.education());
        Profile.Spouse spouse = profile.spouse();
        if (spouse != null) {
            addTests(days, spouse.languageTests());
            addEducation(days, spouse.education());
        }
        if (profile.provincialNomination() != null && profile.provincialNomination().nominatedOn() != null) {
            days.add(profile.provincialNomination().nominatedOn());
        }
        if (profile.jobOffer() != null && profile.jobOffer().from() != null) {
            days.add(profile.jobOffer().from());
        }
        addWork(days, profile.workExperience());
        if (spouse != null) {
            addWork(days, spouse.workExperience());
        }
        return days.subSet(asOf, false, end, true).stream().mapToLong(LocalDate::toEpochDay).toArray();
    }

    private static void addTests(java.util.Set<LocalDate> days, List<Profile.LanguageTest> tests) {
        if (tests != null) {
            for (Profile.LanguageTest t : tests) {
                if (t != null && t.takenOn() != null) {
                    days.add(t.takenOn());
                    days.add(t.takenOn().plusYears(Facts.TEST_VALID_YEARS));
                }
            }
        }
    }

    /**
     * Not changes in themselves: the days a job starts or stops adding hours, or starts or stops
     * leaving a 3/5/10-year window, bound the stretches over which {@link #hourRates} are taken, so
     * the rates stay tight (any day would be correct here, these are the useful ones).
     */
    private static void addWork(java.util.Set<LocalDate> days, List<Profile.WorkExperience> work) {
        if (work == null) {
            return;
        }
        for (Profile.WorkExperience w : work) {
            if (w == null || w.from() == null) {
                continue;
            }
            days.add(w.from());
            if (w.to() != null) {
                days.add(w.to().plusDays(1));
            }
            for (int years : WINDOW_YEARS) {
                days.add(w.from().plusYears(years));
                if (w.to() != null) {
                    days.add(w.to().plusYears(years).plusDays(2));
                }
            }
        }
    }

    private static void addEducation(java.util.Set<LocalDate> days, Profile.Education education) {
        if (education != null && education.ecaIssuedOn() != null) {
            days.add(education.ecaIssuedOn());
            days.add(education.ecaIssuedOn().plusYears(Facts.ECA_VALID_YEARS));
        }
    }

    /** Windows of work experience the rules read: "in the last N years" (CEC/categories 3, FST 5, points/FSW 10). */
    private static final int[] WINDOW_YEARS = {3, 5, 10};

    /**
     * Bounds, in hours a day, of how fast any work-hour figure can rise (work done on the new day) and
     * fall (days leaving a window) while the date moves from {@code from} to at most {@code to} (epoch
     * days): the weekly hours of the jobs that can count on those days, capped at 30 a week as
     * {@link WorkHistory} caps them, divided by 7; the larger of the candidate's and the spouse's.
     */
    private static void hourRates(Profile profile, long from, long to, double[] rates) {
        rates[0] = 0;
        rates[1] = 0;
        LocalDate first = LocalDate.ofEpochDay(from);
        LocalDate last = LocalDate.ofEpochDay(to);
        person(profile.workExperience(), first, last, rates);
        if (profile.spouse() != null) {
            person(profile.spouse().workExperience(), first, last, rates);
        }
    }

    private static void person(List<Profile.WorkExperience> work, LocalDate first, LocalDate last, double[] rates) {
        if (work == null) {
            return;
        }
        double rising = 0;
        double falling = 0;
        for (Profile.WorkExperience w : work) {
            if (w == null || w.from() == null) {
                continue;
            }
            double weekly = w.hoursPerWeek() == null ? WorkHistory.FULL_TIME_WEEK
                    : Math.min(WorkHistory.FULL_TIME_WEEK, Math.max(0, w.hoursPerWeek()));
            long from = w.from().toEpochDay();
            long to = w.to() == null ? Long.MAX_VALUE : w.to().toEpochDay();
            // days added: first + 1 .. last
            if (from <= last.toEpochDay() && to > first.toEpochDay()) {
                rising += weekly;
            }
            for (int years : WINDOW_YEARS) {
                // days dropped while the window's first day (Facts.windowStart) moves from first's to last's
                long leaveFrom = first.minusYears(years).toEpochDay() + 1;
                long leaveTo = last.minusYears(years).toEpochDay();
                if (from <= leaveTo && to >= leaveFrom) {
                    falling += weekly;
                    break;
                }
            }
        }
        rates[0] = Math.max(rates[0], Math.min(WorkHistory.FULL_TIME_WEEK, rising) / 7.0);
        rates[1] = Math.max(rates[1], Math.min(WorkHistory.FULL_TIME_WEEK, falling) / 7.0);
    }

    /** Slack (hours) against floating-point differences between the sum and sweep paths of {@link WorkHistory}. */
    private static final double HOURS_SLACK = 0.01;

    /**
     * How many days after {@code f}'s date the next one that may differ is. Over j days a figure rises
     * by at most j x {@code rising} (the window's last day moves j days) and falls by at most
     * (j + 1) x {@code falling} (its first day moves j or j + 1 days: "N years before" skips a day
     * around 29 February). The days before the returned one keep every threshold comparison of
     * {@code f}, hence every branch taken and every result.
     */
    private static long safeDays(Facts f, double rising, double falling) {
        double up = f.hoursBelowThreshold - HOURS_SLACK;
        double down = f.hoursAboveThreshold - HOURS_SLACK;
        double days = TIMELINE_DAYS_CAP;
        if (rising > 0) {
            days = Math.min(days, 1 + Math.floor(up / rising));
        }
        if (falling > 0) {
            days = Math.min(days, Math.floor(down / falling));
        }
        return Math.max(1, (long) days);
    }

    private static final double TIMELINE_DAYS_CAP = 1000;

    private static String change(Facts a, Points pa, boolean validA, int programsA, int categoriesA,
                                 Facts b, Points pb, boolean validB, int programsB, int categoriesB) {
        List<String> what = new ArrayList<>();
        if (a.rules != b.rules) {
            what.add("rule set " + b.rules.version() + " takes effect" + (b.rules.complete() ? "" : " (incomplete)"));
        }
        if (pa.age != pb.age) {
            what.add("turns " + b.age + ": age points " + pa.age + " -> " + pb.age);
        }
        if (a.englishTest != null && b.englishTest == null) {
            what.add("English test of " + a.englishTest.takenOn() + " expires");
        }
        if (a.frenchTest != null && b.frenchTest == null) {
            what.add("French test of " + a.frenchTest.takenOn() + " expires");
        }
        if (a.education != null && b.education == null && b.ecaExpired) {
            what.add("ECA expires: education no longer counts");
        }
        if (a.spouseTest != null && b.spouseTest == null) {
            what.add("spouse's language test expires");
        }
        if (a.canadianYears != b.canadianYears) {
            what.add("Canadian work experience " + (b.canadianYears > a.canadianYears ? "reaches " : "falls to ")
                    + b.canadianYears + " year" + (b.canadianYears == 1 ? "" : "s"));
        }
        if (a.foreignYears != b.foreignYears) {
            what.add("foreign work experience " + (b.foreignYears > a.foreignYears ? "reaches " : "falls to ")
                    + b.foreignYears + " year" + (b.foreignYears == 1 ? "" : "s"));
        }
        if (a.spouseCanadianYears != b.spouseCanadianYears) {
            what.add("spouse's Canadian work experience " + b.spouseCanadianYears + " years");
        }
        if (validA != validB) {
            what.add(validB ? "profile meets Express Entry requirements again"
                    : "profile no longer meets Express Entry requirements");
        }
        if (programsA != programsB) {
            what.add("eligible programs " + PROGRAM_SETS.get(programsA) + " -> " + PROGRAM_SETS.get(programsB));
        }
        if (categoriesA != categoriesB && programsB != 0) {
            what.add("categories met " + names(categoriesA) + " -> " + names(categoriesB));
        }
        if (what.isEmpty()) {
            what.add("score changes " + pa.total + " -> " + pb.total);
        }
        return String.join("; ", what);
    }

    private static Set<Category> names(int mask) {
        Set<Category> set = EnumSet.noneOf(Category.class);
        for (Category c : Category.values()) {
            if ((mask & (1 << c.ordinal())) != 0) {
                set.add(c);
            }
        }
        return set;
    }

    private static List<Set<Program>> programSets() {
        List<Set<Program>> sets = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            Set<Program> set = EnumSet.noneOf(Program.class);
            for (Program program : List.of(Program.CEC, Program.FSW, Program.FST)) {
                if ((mask & (1 << program.ordinal())) != 0) {
                    set.add(program);
                }
            }
            sets.add(Collections.unmodifiableSet(set));
        }
        return List.copyOf(sets);
    }
}
