package ca.eeradar.crs;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.util.List;

/**
 * Program and category eligibility on a date (docs/crs-rules.md#eligibility). {@code reasons} is null on the hot
 * path: no text is built unless the full report asks for it.
 */
final class ProgramRules {
    static final int CEC = 1 << Program.CEC.ordinal();
    static final int FSW = 1 << Program.FSW.ordinal();
    static final int FST = 1 << Program.FST.ordinal();
    static final int FSW_PASS_MARK = 67;
    /** 6 months of full-time work (categories until 2026-02-17): half of 1,560 h. */
    static final double SIX_MONTHS_HOURS = 780.0;

    private ProgramRules() {}

    /** Federal programs met (bits of {@link Program}); 0 when the profile is not valid. */
    static int programs(Facts f, Points p, List<String> reasons, int[] fswGrid) {
        int mask = 0;
        if (cec(f, p, reasons)) {
            mask |= CEC;
        }
        if (fsw(f, p, reasons, fswGrid)) {
            mask |= FSW;
        }
        if (fst(f, p, reasons)) {
            mask |= FST;
        }
        return mask;
    }

    /**
     * CEC (docs/crs-rules.md#cec): 1 year (1,560 h) of skilled Canadian work in the 3 years before the date; CLB 7 in
     * all four abilities for TEER 0/1 experience, CLB 5 for TEER 2/3 (mixed experience: CLB 7).
     */
    static boolean cec(Facts f, Points p, List<String> reasons) {
        if (reasons == null && (!p.hasFirst || p.minFirst < 5 || f.work.noneCountable())) {
            return false;
        }
        double teer01 = f.watch(f.cecTeer01Hours, WorkHours.YEAR_HOURS);
        double teer23 = f.watch(f.cecTeer23Hours, WorkHours.YEAR_HOURS);
        double all = WorkHours.atLeast(teer01, WorkHours.YEAR_HOURS) || WorkHours.atLeast(teer23, WorkHours.YEAR_HOURS)
                ? WorkHours.YEAR_HOURS
                : f.watch(f.cecHours, WorkHours.YEAR_HOURS);
        if (!WorkHours.atLeast(all, WorkHours.YEAR_HOURS)) {
            if (reasons != null) {
                reasons.add("CEC: needs 1 year (1,560 h) of skilled (TEER 0-3) Canadian work in the 3 years before "
                        + f.asOf + "; counted " + Math.round(all) + " h");
            }
            return false;
        }
        boolean ok =
                p.hasFirst && (p.minFirst >= 7 || p.minFirst >= 5 && WorkHours.atLeast(teer23, WorkHours.YEAR_HOURS));
        if (!ok && reasons != null) {
            reasons.add("CEC: needs CLB/NCLC " + (WorkHours.atLeast(teer23, WorkHours.YEAR_HOURS) ? 5 : 7)
                    + " in all four abilities of the first official language; lowest is " + p.minFirst);
        }
        return ok;
    }

    /**
     * FSW (docs/crs-rules.md#fsw): 1 year of continuous work in one TEER 0-3 occupation in the last 10 years, CLB 7 in
     * all four abilities, a Canadian credential or valid ECA, and 67/100 on the selection grid.
     * {@code grid} (null on the hot path): language, education, experience, age, arranged employment,
     * adaptability, total.
     */
    static boolean fsw(Facts f, Points p, List<String> reasons, int[] grid) {
        if (reasons == null
                && (!p.hasFirst
                        || p.minFirst < 7
                        || f.education == null
                        || f.education == EducationLevel.LESS_THAN_SECONDARY)) {
            return false;
        }
        int points = fswGrid(f, p, grid);
        boolean ok = points >= FSW_PASS_MARK;
        double run = !ok && reasons == null
                ? 0
                : f.watch(
                        WorkHours.bestOccupation(
                                f.work,
                                f.windowStart(10),
                                f.day,
                                WorkHistory.ANY_COUNTRY,
                                WorkHistory.SKILLED_OCCUPATION,
                                true),
                        WorkHours.YEAR_HOURS);
        if (!WorkHours.atLeast(run, WorkHours.YEAR_HOURS)) {
            ok = false;
            if (reasons != null) {
                reasons.add(
                        "FSW: needs 1 year (1,560 h) of continuous work in one TEER 0-3 occupation in the last 10 years;"
                                + " longest is " + Math.round(run) + " h");
            }
        }
        if (!p.hasFirst || p.minFirst < 7) {
            ok = false;
            if (reasons != null) {
                reasons.add("FSW: needs CLB/NCLC 7 in all four abilities of the first official language; lowest is "
                        + p.minFirst);
            }
        }
        if (f.education == null || f.education == EducationLevel.LESS_THAN_SECONDARY) {
            ok = false;
            if (reasons != null) {
                reasons.add(
                        "FSW: needs a completed secondary or post-secondary credential, Canadian or with a valid ECA");
            }
        }
        if (points < FSW_PASS_MARK) {
            if (reasons != null) {
                reasons.add("FSW: selection grid " + points + "/100, pass mark " + FSW_PASS_MARK);
            }
        }
        return ok;
    }

    /** The FSW six selection factors (docs/crs-rules.md#fsw), into {@code grid} unless null; returns their total. */
    static int fswGrid(Facts f, Points p, int[] grid) {
        int language = 0;
        if (p.hasFirst) {
            for (int a = 0; a < 4; a++) {
                int clb = p.first[a];
                language += clb >= 9 ? 6 : clb == 8 ? 5 : clb == 7 ? 4 : 0;
            }
        }
        if (p.hasSecond && Facts.min(p.second) >= 5) {
            language += 4;
        }
        int education = f.education == null
                ? 0
                : switch (f.education) {
                    case DOCTORAL -> 25;
                    case MASTERS -> 23;
                    case TWO_OR_MORE -> 22;
                    case BACHELORS -> 21;
                    case TWO_YEAR -> 19;
                    case ONE_YEAR -> 15;
                    case SECONDARY -> 5;
                    case LESS_THAN_SECONDARY -> 0;
                };
        int years = WorkHours.years(f.watchYears(f.skilledHours));
        int experience = years >= 6 ? 15 : years >= 4 ? 13 : years >= 2 ? 11 : years == 1 ? 9 : 0;
        int a = f.age;
        int age = a < 18 ? 0 : a <= 35 ? 12 : a <= 46 ? 47 - a : 0;
        boolean offer = fswOffer(f);
        int arranged = offer ? 10 : 0;
        int adaptability = 0;
        if (f.withSpouse && f.hasSpouseTest && Facts.min(f.spouseLanguage) >= 4) {
            adaptability += 5;
        }
        // 2+ years of full-time study in Canada: only THREE_YEARS_OR_MORE can prove it (1-2 years is ambiguous).
        // That choice also covers a Canadian master's or doctorate of one academic year (IRCC's form,
        // docs/crs-rules.md#canadian-study), which does not; the profile cannot tell the two apart, so it counts.
        if (f.decoded.threeYearCanadianStudy) {
            adaptability += 5;
        }
        if (f.withSpouse && f.decoded.spouseThreeYearCanadianStudy) {
            adaptability += 5;
        }
        if (f.canadianYears >= 1) {
            adaptability += 10;
        }
        if (f.withSpouse && f.spouseCanadianYears >= 1) {
            adaptability += 5;
        }
        if (offer) {
            adaptability += 5;
        }
        if (f.decoded.sibling) {
            adaptability += 5;
        }
        adaptability = Math.min(10, adaptability);
        int total = language + education + experience + age + arranged + adaptability;
        if (grid != null) {
            grid[0] = language;
            grid[1] = education;
            grid[2] = experience;
            grid[3] = age;
            grid[4] = arranged;
            grid[5] = adaptability;
            grid[6] = total;
        }
        return total;
    }

    /** FSW arranged employment: a TEER 0-3 offer in effect, LMIA-based or after 1 year of Canadian work in that occupation. */
    private static boolean fswOffer(Facts f) {
        return Points.offerInEffect(f)
                && (f.decoded.offerLmiaBased || Points.yearInOccupation(f, f.decoded.offerOccupation));
    }

    /**
     * FST (docs/crs-rules.md#fst): 2 years (3,120 h) in one skilled trade within 5 years; CLB 5 listening and speaking,
     * CLB 4 reading and writing; a job offer in a trade or a certificate of qualification.
     */
    static boolean fst(Facts f, Points p, List<String> reasons) {
        if (reasons == null && (!p.hasFirst || f.work.noneCountable())) {
            return false;
        }
        boolean ok = true;
        int[] l = p.first;
        if (!p.hasFirst
                || l[LanguageScales.LISTENING] < 5
                || l[LanguageScales.SPEAKING] < 5
                || l[LanguageScales.READING] < 4
                || l[LanguageScales.WRITING] < 4) {
            ok = false;
            if (reasons != null) {
                reasons.add("FST: needs CLB/NCLC 5 in listening and speaking and 4 in reading and writing");
            }
        }
        boolean offerInTrade = f.day >= f.decoded.offerInTradeFrom;
        if (!offerInTrade && !f.decoded.certificateInTrade) {
            ok = false;
            if (reasons != null) {
                reasons.add(
                        "FST: needs a job offer in a skilled trade or a Canadian certificate of qualification in it");
            }
        }
        if (ok || reasons != null) {
            double hours = f.watch(
                    WorkHours.bestOccupation(
                            f.work, f.windowStart(5), f.day, WorkHistory.ANY_COUNTRY, WorkHistory.TRADE, false),
                    2 * WorkHours.YEAR_HOURS);
            if (!WorkHours.atLeast(hours, 2 * WorkHours.YEAR_HOURS)) {
                ok = false;
                if (reasons != null) {
                    reasons.add("FST: needs 2 years (3,120 h) in one skilled trade in the last 5 years; most is "
                            + Math.round(hours) + " h");
                }
            }
        }
        return ok;
    }

    /**
     * FST trades (NOC 2021, docs/crs-rules.md#fst): Major Groups 72 (except Sub-major 726), 73, 82, 83, 92;
     * Minor Group 6320 (cooks, butchers, bakers); Unit Group 62200 (chefs). Not 93.
     */
    static boolean trade(String noc) {
        char a = noc.charAt(0);
        char b = noc.charAt(1);
        if (a == '7' && b == '2') {
            return noc.charAt(2) != '6';
        }
        if (a == '7' && b == '3' || a == '8' && (b == '2' || b == '3') || a == '9' && b == '2') {
            return true;
        }
        return noc.startsWith("6320") || noc.equals("62200");
    }

    /**
     * The category's own criterion under each list in force (docs/crs-rules.md#categories): French =
     * NCLC 7 in all four French abilities;
     * occupations = 6 continuous months (until 2026-02-17) or 12 months, not necessarily
     * continuous (from 2026-02-18), in one listed occupation in the last 3 years, in Canada for the
     * "with Canadian work experience" categories.
     */
    static int categories(Facts f) {
        CategoryLists.InForce inForce = f.scoringDay.categories;
        int mask = 0;
        boolean twelveMonths = f.scoringDay.twelveMonthCategories;
        long from = f.windowStart(3);
        WorkHistory work = f.work;
        // per job, the lists in force naming its occupation (bit i = lists[i])
        int listedAny = 0;
        int[] listedIn = null;
        for (int i = 0; i < work.jobs; i++) {
            int listing = inForce.listing(work.code(i));
            if (listing != 0) {
                if (listedIn == null) {
                    listedIn = new int[work.jobs];
                }
                listedIn[i] = listing;
                listedAny |= listing;
            }
        }
        CategoryList[] lists = inForce.lists();
        for (int k = 0; k < lists.length; k++) {
            CategoryList list = lists[k];
            boolean met;
            if (list.category() == Category.FRENCH_LANGUAGE) {
                met = f.hasFrench && Facts.min(f.french) >= 7;
            } else if ((listedAny & (1 << k)) == 0) {
                met = false;
            } else {
                int country = list.canadianOnly() ? WorkHistory.CANADA : WorkHistory.ANY_COUNTRY;
                double needed = twelveMonths ? WorkHours.YEAR_HOURS : SIX_MONTHS_HOURS;
                double hours = f.watch(
                        WorkHours.bestListedOccupation(work, from, f.day, country, listedIn, 1 << k, !twelveMonths),
                        needed);
                met = WorkHours.atLeast(hours, needed);
            }
            if (met) {
                mask |= 1 << list.category().ordinal();
            }
        }
        return mask;
    }
}
