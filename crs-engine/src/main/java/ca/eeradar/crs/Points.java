package ca.eeradar.crs;

import static ca.eeradar.crs.CrsTables.ADDITIONAL_CAP;
import static ca.eeradar.crs.CrsTables.TOTAL_CAP;
import static ca.eeradar.crs.CrsTables.TRANSFER;
import static ca.eeradar.crs.CrsTables.TRANSFER_BLOCK_CAP;
import static ca.eeradar.crs.CrsTables.TRANSFER_CAP;

/**
 * Every section of the CRS for one set of {@link Facts} and one assignment of the first official
 * language (docs/crs-rules.md#algorithm). Plain fields so the hot path allocates nothing more.
 */
final class Points {
    final boolean firstEnglish;
    final int[] first;
    final int[] second;
    final boolean hasFirst;
    final boolean hasSecond;
    final int minFirst;

    int age;
    int education;
    int firstLanguage;
    int secondLanguage;
    int canadianWork;
    int core;
    int spouseEducation;
    int spouseLanguage;
    int spouseCanadianWork;
    int spouse;
    int educationLanguage;
    int educationCanadianWork;
    int educationBlock;
    int foreignLanguage;
    int foreignCanadianWork;
    int foreignBlock;
    int certificate;
    int transferability;
    int nomination;
    int sibling;
    int frenchBonus;
    int study;
    int arrangedEmployment;
    int highWageWork;
    int additional;
    int total;

    Points(Facts f, boolean firstEnglish) {
        this.firstEnglish = firstEnglish;
        this.first = firstEnglish ? f.english : f.french;
        this.second = firstEnglish ? f.french : f.english;
        this.hasFirst = firstEnglish ? f.hasEnglish : f.hasFrench;
        this.hasSecond = firstEnglish ? f.hasFrench : f.hasEnglish;
        this.minFirst = hasFirst ? Facts.min(first) : 0;
        compute(f);
    }

    private void compute(Facts f) {
        int col = f.withSpouse ? CrsTables.WITH : CrsTables.WITHOUT;
        // A. Core (docs/crs-rules.md#core)
        age = CrsTables.age(col, f.age);
        education = f.education == null ? 0 : CrsTables.EDUCATION[col][f.education.ordinal()];
        if (hasFirst) {
            int[] t = CrsTables.FIRST_LANGUAGE[col];
            firstLanguage = t[first[0]] + t[first[1]] + t[first[2]] + t[first[3]];
        }
        if (hasSecond) {
            int[] t = CrsTables.SECOND_LANGUAGE;
            secondLanguage = Math.min(
                    CrsTables.SECOND_LANGUAGE_CAP[col], t[second[0]] + t[second[1]] + t[second[2]] + t[second[3]]);
        }
        canadianWork = CrsTables.CANADIAN_WORK[col][Math.min(5, f.canadianYears)];
        core = age + education + firstLanguage + secondLanguage + canadianWork;

        // B. Spouse (docs/crs-rules.md#spouse), only in the with-spouse case; the spouse's data is otherwise ignored.
        if (f.withSpouse) {
            spouseEducation = f.spouseEducation == null ? 0 : CrsTables.SPOUSE_EDUCATION[f.spouseEducation.ordinal()];
            if (f.hasSpouseTest) {
                int[] t = CrsTables.SPOUSE_LANGUAGE;
                int[] s = f.spouseLanguage;
                spouseLanguage = t[s[0]] + t[s[1]] + t[s[2]] + t[s[3]];
            }
            spouseCanadianWork = CrsTables.SPOUSE_CANADIAN_WORK[Math.min(5, f.spouseCanadianYears)];
            spouse = spouseEducation + spouseLanguage + spouseCanadianWork;
        }

        // C. Skill transferability (docs/crs-rules.md#transferability): minimum first-language ability;
        // blocks <= 50, section <= 100.
        int lang = CrsTables.languageCondition(minFirst);
        int cdn = CrsTables.canadianWorkCondition(f.canadianYears);
        int eduTier = CrsTables.educationTier(f.education);
        educationLanguage = TRANSFER[eduTier][lang];
        educationCanadianWork = TRANSFER[eduTier][cdn];
        educationBlock = Math.min(TRANSFER_BLOCK_CAP, educationLanguage + educationCanadianWork);
        int foreign = CrsTables.foreignTier(f.foreignYears);
        foreignLanguage = TRANSFER[foreign][lang];
        foreignCanadianWork = TRANSFER[foreign][cdn];
        foreignBlock = Math.min(TRANSFER_BLOCK_CAP, foreignLanguage + foreignCanadianWork);
        certificate = f.decoded.certificate ? CrsTables.certificate(minFirst) : 0;
        transferability = Math.min(TRANSFER_CAP, educationBlock + foreignBlock + certificate);

        // D. Additional (docs/crs-rules.md#additional), values from the rule set in force; capped at 600.
        RuleSet r = f.rules;
        nomination = f.nominated ? r.provincialNomination() : 0;
        sibling = f.decoded.sibling ? r.sibling() : 0;
        frenchBonus = frenchBonus(f, r);
        study = study(f, r);
        arrangedEmployment = arrangedEmployment(f, r);
        highWageWork = highWageWork(f, r);
        additional = Math.min(
                ADDITIONAL_CAP, nomination + sibling + frenchBonus + study + arrangedEmployment + highWageWork);

        total = Math.min(TOTAL_CAP, Math.min(500, core + spouse) + transferability + additional);
    }

    /**
     * docs/crs-rules.md#french (MI 2017-06-06, raised 2020-10-20): NCLC 7+ in all four French abilities; 50 with CLB 5+
     * in all four English abilities, else 25 (one English ability at CLB 4, or no English test).
     * Independent of which language is "first".
     */
    private static int frenchBonus(Facts f, RuleSet r) {
        if (!f.hasFrench || Facts.min(f.french) < 7) {
            return 0;
        }
        return f.hasEnglish && Facts.min(f.english) >= 5 ? r.frenchStrongEnglish() : r.frenchWeakEnglish();
    }

    /**
     * docs/crs-rules.md#canadian-study (MI 2016-11-19): 15 for a Canadian credential of 1-2 years, 30 for
     * one of 3+ years or a Canadian master's/professional/doctoral degree;
     * the Canadian credential only ({@link DecodedProfile#canadianStudy(
     * Profile.Education)}).
     */
    private static int study(Facts f, RuleSet r) {
        return switch (f.decoded.canadianStudy) {
            case 0 -> 0;
            case 1 -> r.studyOneOrTwo();
            default -> r.studyThreePlus();
        };
    }

    /**
     * docs/crs-rules.md#job-offer: an offer in effect on that date, in a TEER 0-3 occupation. Until 2026-11-03 it needs
     * an LMIA, or (MI 2016-11-19) an LMIA-exempt work permit and 1 year with that employer, taken here
     * as 1 year of Canadian work in the same occupation. 200 for NOC 2021 Major Group 00, 50 otherwise
     * (0 for both since 2025-03-25); from 2026-11-03 the configured high-wage tier points instead.
     */
    static int arrangedEmployment(Facts f, RuleSet r) {
        DecodedProfile d = f.decoded;
        if (!offerInEffect(f)) {
            return 0;
        }
        if (r.highWage() != null) {
            // With a high-wage factor, the rule set is complete exactly when the factor is (read once per date).
            return f.scoringDay.rulesComplete
                    ? r.highWage().jobOfferPoints(r.highWage().tierOf(d.offerNoc))
                    : 0;
        }
        if (r.jobOfferNeedsLmia() && !d.offerLmiaBased && !yearInOccupation(f, d.offerOccupation)) {
            return 0;
        }
        return d.offerMajor00 ? r.jobOfferMajor00() : r.jobOfferSkilled();
    }

    /** A job offer in a TEER 0-3 occupation, in effect on that date. */
    static boolean offerInEffect(Facts f) {
        return f.day >= f.decoded.offerFrom;
    }

    /** 1 year (1,560 h) of Canadian work in the last 10 years in occupation {@code occ} ({@link WorkHistory#occupationOf}). */
    static boolean yearInOccupation(Facts f, int occ) {
        return WorkHours.atLeast(
                f.watch(
                        WorkHours.occupationHours(f.work, f.windowStart(10), f.day, WorkHistory.CANADA, occ),
                        WorkHours.YEAR_HOURS),
                WorkHours.YEAR_HOURS);
    }

    /**
     * 2026-11-03 (docs/crs-rules.md#high-wage, UNCONFIRMED values): points for 1+ year of skilled Canadian
     * work (last 10 years) in a high-wage occupation, best tier; 0 while the factor is not fully configured.
     */
    private static int highWageWork(Facts f, RuleSet r) {
        HighWageFactor hw = r.highWage();
        if (hw == null || !f.scoringDay.rulesComplete || f.canadianYears < 1) {
            return 0;
        }
        int best = 0;
        WorkHistory work = f.work;
        for (int i = 0; i < work.jobs; i++) {
            HighWageTier tier = hw.tierOf(work.noc(i));
            if (tier != HighWageTier.NONE && work.canada(i) && yearInOccupation(f, work.occupation(i))) {
                best = Math.max(best, hw.canadianWorkPoints(tier));
            }
        }
        return best;
    }
}
