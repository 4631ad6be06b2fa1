package ca.eeradar.crs;

import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.ScoreReport.CategoryMatch;
import ca.eeradar.crs.ScoreReport.FswGrid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Comprehensive Ranking System on a date: pure, stateless and thread-safe. {@link #assess} is
 * the hot path that re-evaluates the whole pool on every draw; {@link #score} is the full answer
 * with every section, the FSW grid, the reasons and the 24-month timeline.
 */
public final class CrsEngine {
    /** How far ahead {@link ScoreReport#timeline()} looks. */
    public static final int TIMELINE_MONTHS = 24;

    private final RuleBook rules;
    private final CategoryLists categoryLists;
    private final ScoreTimeline timeline;
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
        this.timeline = new ScoreTimeline(rules, categoryLists);
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
        return new Assessment(
                points.total,
                day.rulesVersion,
                valid,
                ProgramSets.of(programs),
                categories,
                facts.nominated,
                day.rulesComplete);
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
        ScoreExplanations.validityReasons(f, p, reasons);
        int[] grid = new int[7];
        int programMask = ProgramRules.programs(f, p, reasons, grid);
        CategoryLists.InForce inForce = day.categories;
        int categoryMask = ProgramRules.categories(f);
        if (!valid) {
            programMask = 0;
        }
        List<Program> programs = new ArrayList<>(ProgramSets.of(programMask));
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
        ScoreExplanations.warnings(f, p, warnings);

        return new ScoreReport(
                asOf,
                ruleSet.version(),
                f.withSpouse,
                p.total,
                new ScoreReport.Core(p.age, p.education, p.firstLanguage, p.secondLanguage, p.canadianWork, p.core),
                new ScoreReport.SpouseFactors(p.spouseEducation, p.spouseLanguage, p.spouseCanadianWork, p.spouse),
                new ScoreReport.Transferability(
                        p.educationLanguage,
                        p.educationCanadianWork,
                        p.educationBlock,
                        p.foreignLanguage,
                        p.foreignCanadianWork,
                        p.foreignBlock,
                        p.certificate,
                        p.transferability),
                new ScoreReport.Additional(
                        p.nomination,
                        p.sibling,
                        p.frenchBonus,
                        p.study,
                        p.arrangedEmployment,
                        p.highWageWork,
                        p.additional),
                new ScoreReport.Languages(
                        ScoreExplanations.levels(p.hasFirst, p.firstEnglish, p.first),
                        ScoreExplanations.levels(p.hasSecond, !p.firstEnglish, p.second)),
                new ScoreReport.Eligibility(
                        List.copyOf(programs),
                        List.copyOf(categories),
                        new FswGrid(
                                grid[0],
                                grid[1],
                                grid[2],
                                grid[3],
                                grid[4],
                                grid[5],
                                grid[6],
                                ProgramRules.FSW_PASS_MARK,
                                grid[6] >= ProgramRules.FSW_PASS_MARK),
                        List.copyOf(reasons)),
                timeline.from(decoded, asOf, f, p, valid, programMask, categoryMask),
                List.copyOf(warnings));
    }

    /**
     * The first official language is the declared one; undeclared, the assignment that scores
     * higher, English on a tie.
     */
    static Points points(Facts f) {
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
    static boolean valid(Facts f, Points p) {
        return p.hasFirst && !f.ecaExpired && !(f.withSpouse && f.spouseTestExpired);
    }
}
