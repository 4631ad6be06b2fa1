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

    public CategoryLists categoryLists() {
        return categoryLists;
    }

    /**
     * Total and eligibility on {@code asOf}, nothing else: no timeline, no text. The profile must
     * have passed {@link ProfileValidator}; {@code asOf} must be on or after 2015-01-01.
     */
    public Assessment assess(Profile profile, LocalDate asOf) {
        RuleSet ruleSet = rules.forDate(asOf);
        Facts facts = new Facts(profile, asOf, ruleSet);
        Points points = points(facts);
        boolean valid = valid(facts, points);
        int programs = 0;
        int categories = 0;
        if (valid) {
            programs = ProgramRules.programs(facts, points, null, new int[7]);
            categories = ProgramRules.categories(facts, categoryLists.inForce(asOf));
        }
        return new Assessment(points.total, ruleSet.version(), valid, PROGRAM_SETS.get(programs), categories,
                facts.nominated, ruleSet.complete());
    }

    /** The full answer on {@code asOf} (see {@link ScoreReport}). */
    public ScoreReport score(Profile profile, LocalDate asOf) {
        RuleSet ruleSet = rules.forDate(asOf);
        Facts f = new Facts(profile, asOf, ruleSet);
        Points p = points(f);
        boolean valid = valid(f, p);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        validityReasons(f, p, reasons);
        int[] grid = new int[7];
        int programMask = ProgramRules.programs(f, p, reasons, grid);
        CategoryList[] inForce = categoryLists.inForce(asOf);
        int categoryMask = ProgramRules.categories(f, inForce);
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
        for (CategoryList list : inForce) {
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
                timeline(profile, asOf, f, p, valid, programMask, categoryMask),
                List.copyOf(warnings));
    }

    /**
     * The first official language is the declared one; undeclared, the assignment that scores
     * higher (issue 3), English on a tie.
     */
    private static Points points(Facts f) {
        OfficialLanguage declared = f.profile.firstOfficialLanguage();
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
            reasons.add("the ECA expired on " + f.ecaExpiry + " (valid 5 years): education scores no points and the"
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
     */
    private List<TimelineEntry> timeline(Profile profile, LocalDate asOf, Facts f0, Points p0, boolean valid0,
                                         int programs0, int categories0) {
        List<TimelineEntry> timeline = new ArrayList<>();
        LocalDate end = asOf.plusMonths(TIMELINE_MONTHS);
        Facts prevF = f0;
        Points prevP = p0;
        boolean prevValid = valid0;
        int prevPrograms = programs0;
        int prevCategories = categories0;
        int[] grid = new int[7];
        for (LocalDate d = asOf.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            RuleSet r = rules.forDate(d);
            Facts f = new Facts(profile, d, r);
            Points p = points(f);
            boolean valid = valid(f, p);
            int programs = valid ? ProgramRules.programs(f, p, null, grid) : 0;
            int categories = valid ? ProgramRules.categories(f, categoryLists.inForce(d)) : 0;
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
