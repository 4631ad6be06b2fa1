package ca.eeradar.crs;

import ca.eeradar.crs.Profile.Education;
import ca.eeradar.crs.Profile.JobOffer;

/**
 * A {@link Profile} as the rules read it on any date, decoded once: what the date does not change
 * (the with-spouse column, the days an education or a nomination starts and stops counting, whether
 * a job offer is in a skilled occupation or a trade, ...) in plain fields, next to the decoded tests
 * and work of the candidate and the spouse.
 *
 * <p>Why: a draw re-evaluates the whole pool on one date ({@link CrsEngine#assess(DecodedProfile,
 * java.time.LocalDate)}), and a pool does not fit in the processor's caches, so each separate object
 * the hot path reads (records, dates, strings) is one more wait for memory. Reading this object and
 * the two arrays of its tests and jobs instead of a dozen objects keeps {@code assess} fast (measured in
 * docs/benchmarks.md). Build it with {@link #of}; immutable and
 * thread-safe.
 */
public final class DecodedProfile {
    /** An epoch day later than any real one: "never" for the days an input starts to count. */
    private static final long NEVER = Long.MAX_VALUE;
    /** An epoch day earlier than any real one: "always" for the days an input starts to count. */
    private static final long ALWAYS = Long.MIN_VALUE;

    /** The profile as submitted, for the explanations of {@code score}; null in the form kept for a pool ({@link #forPool}). */
    final Profile profile;

    final boolean born;
    final int birthYear;
    final int birthMonth;
    final int birthDay;

    /** docs/crs-rules.md#column: the with-spouse column only if partnered AND accompanying AND not a citizen/PR. */
    final boolean withSpouse;
    /** The first official language declared, or null (the engine then takes the one that scores higher). */
    final OfficialLanguage declaredFirst;

    /** The highest credential declared, null if none. */
    final EducationLevel educationLevel;
    /**
     * The days it counts: from {@code ecaFrom} (an ECA is needed for a foreign credential, and counts
     * from its issue date) until before {@code ecaUntil} (5 years later, MI 2017-06-06;
     * docs/crs-rules.md#validity). A Canadian credential, or less than secondary school, needs none:
     * always. A foreign credential without an ECA: never.
     */
    final long ecaFrom;

    final long ecaUntil;
    /**
     * Additional points for Canadian post-secondary education, as {@link #canadianStudy(Education)}
     * reads them: 0 none, 1 one or two years (15 points), 2 three years or more or a Canadian
     * master's/professional/doctoral degree (30 points).
     */
    final int canadianStudy;
    /**
     * FSW adaptability (docs/crs-rules.md#fsw): a Canadian credential of 3 years or more proves 2 years of
     * full-time study
     * (read from {@code THREE_YEARS_OR_MORE}, which also covers a one-year Canadian master's: see ProgramRules).
     */
    final boolean threeYearCanadianStudy;

    final LanguageResults tests;
    final WorkHistory work;

    final boolean certificate;
    final boolean certificateInTrade;
    final boolean sibling;
    /** First day the nomination counts (docs/crs-rules.md#nomination: from its date); {@link #NEVER} without one. */
    final long nominatedFrom;

    /** First day a job offer in a TEER 0-3 occupation takes effect; {@link #NEVER} without one. */
    final long offerFrom;
    /** First day a job offer in a skilled trade takes effect (docs/crs-rules.md#fst); {@link #NEVER} without one. */
    final long offerInTradeFrom;

    final boolean offerLmiaBased;
    /** NOC 2021 Major Group 00 (senior management): 200 points until 2025-03-24. */
    final boolean offerMajor00;
    /** The offer's NOC code (its high-wage tier from 2026-11-03), null without an offer. */
    final String offerNoc;
    /** The offer's occupation among the work entries ({@link WorkHistory#occupationOf}), -1 if none is in it. */
    final int offerOccupation;

    /** The spouse's, read only {@link #withSpouse}. */
    final EducationLevel spouseEducationLevel;
    /** The spouse's education counts as declared unless a dated ECA says it no longer does. */
    final long spouseEcaFrom;

    final long spouseEcaUntil;
    final boolean spouseThreeYearCanadianStudy;
    final LanguageResults spouseTests;
    final WorkHistory spouseWork;

    private DecodedProfile(Profile p, boolean keepProfile) {
        profile = keepProfile ? p : null;
        born = p.dateOfBirth() != null;
        birthYear = born ? p.dateOfBirth().getYear() : 0;
        birthMonth = born ? p.dateOfBirth().getMonthValue() : 0;
        birthDay = born ? p.dateOfBirth().getDayOfMonth() : 0;
        Profile.Spouse spouse = p.spouse();
        withSpouse = spouse != null
                && p.maritalStatus() != null
                && p.maritalStatus().partnered()
                && spouse.accompanying()
                && !spouse.canadianCitizenOrPermanentResident();
        declaredFirst = p.firstOfficialLanguage();

        Education edu = p.education();
        educationLevel = edu == null ? null : edu.level();
        if (educationLevel == null || canadian(edu) || educationLevel == EducationLevel.LESS_THAN_SECONDARY) {
            ecaFrom = ALWAYS;
            ecaUntil = NEVER;
        } else if (edu.ecaIssuedOn() == null) {
            ecaFrom = NEVER;
            ecaUntil = NEVER;
        } else {
            ecaFrom = edu.ecaIssuedOn().toEpochDay();
            ecaUntil = edu.ecaIssuedOn().plusYears(Facts.ECA_VALID_YEARS).toEpochDay();
        }
        canadianStudy = canadianStudy(edu);
        threeYearCanadianStudy = edu != null && edu.canadianCredential() == CanadianCredential.THREE_YEARS_OR_MORE;

        tests = LanguageResults.of(p.languageTests());
        work = WorkHistory.of(p.workExperience());

        Profile.CertificateOfQualification coq = p.certificateOfQualification();
        certificate = coq != null;
        certificateInTrade = coq != null && fiveCharacters(coq.noc()) && ProgramRules.trade(coq.noc());
        sibling = p.siblingInCanada();
        nominatedFrom =
                p.provincialNomination() == null || p.provincialNomination().nominatedOn() == null
                        ? NEVER
                        : p.provincialNomination().nominatedOn().toEpochDay();

        JobOffer offer = p.jobOffer();
        boolean dated = offer != null && offer.from() != null;
        offerFrom = dated && Noc.skilled(offer.noc()) ? offer.from().toEpochDay() : NEVER;
        offerInTradeFrom = dated && fiveCharacters(offer.noc()) && ProgramRules.trade(offer.noc())
                ? offer.from().toEpochDay()
                : NEVER;
        offerLmiaBased = offer != null && offer.lmiaBased();
        offerMajor00 = offer != null && offer.noc() != null && offer.noc().startsWith("00");
        offerOccupation = offer == null ? -1 : work.occupationOf(offer.noc());
        offerNoc = offer == null ? null : offer.noc();

        Education se = withSpouse ? spouse.education() : null;
        spouseEducationLevel = se == null ? null : se.level();
        if (se == null || se.ecaIssuedOn() == null || canadian(se)) {
            spouseEcaFrom = ALWAYS;
            spouseEcaUntil = NEVER;
        } else {
            spouseEcaFrom = se.ecaIssuedOn().toEpochDay();
            spouseEcaUntil = se.ecaIssuedOn().plusYears(Facts.ECA_VALID_YEARS).toEpochDay();
        }
        spouseThreeYearCanadianStudy = se != null && se.canadianCredential() == CanadianCredential.THREE_YEARS_OR_MORE;
        spouseTests = withSpouse ? LanguageResults.of(spouse.languageTests()) : LanguageResults.NONE;
        spouseWork = withSpouse ? WorkHistory.of(spouse.workExperience()) : WorkHistory.NONE;
    }

    /** The profile decoded; the engine's {@code assess} and {@code score} of a {@link Profile} do this first. */
    public static DecodedProfile of(Profile profile) {
        return new DecodedProfile(profile, true);
    }

    /**
     * The profile decoded without keeping the submitted profile: enough for
     * {@link CrsEngine#assess(DecodedProfile, java.time.LocalDate)}, which is all a draw needs, in about half the
     * memory, since a partition holds hundreds of thousands of them.
     */
    public static DecodedProfile forPool(Profile profile) {
        return new DecodedProfile(profile, false);
    }

    public Profile profile() {
        return profile;
    }

    /** Whole years on {@code date}; a 29 February birthday is reached on 1 March in other years. */
    int ageOn(int year, int month, int dayOfMonth) {
        if (!born) {
            return 0;
        }
        int age = year - birthYear;
        if (month < birthMonth || month == birthMonth && dayOfMonth < birthDay) {
            age--;
        }
        return Math.max(0, age);
    }

    /**
     * Additional points for Canadian post-secondary education (Ministerial Instructions respecting the
     * Express Entry system, section 30; IRCC's "Comprehensive Ranking System (CRS) criteria" page; the
     * rule in this project's words: docs/crs-rules.md#canadian-study). The points go to the Canadian
     * credential alone, as {@code canadianCredential} declares
     * it with the three choices of IRCC's own form: {@code ONE_OR_TWO_YEARS} 1 (15 points),
     * {@code THREE_YEARS_OR_MORE} (three years or more, or a Canadian master's, entry-to-practice
     * professional or doctoral degree) 2 (30 points), {@code NONE} 0. Never upgraded from
     * {@code education.level}: that is the highest credential held anywhere, so a foreign master's next
     * to a Canadian one-year diploma must stay at 15.
     */
    static int canadianStudy(Education e) {
        if (e == null || e.canadianCredential() == null) {
            return 0;
        }
        return switch (e.canadianCredential()) {
            case NONE -> 0;
            case ONE_OR_TWO_YEARS -> 1;
            case THREE_YEARS_OR_MORE -> 2;
        };
    }

    private static boolean canadian(Education e) {
        return e.canadianCredential() != null && e.canadianCredential() != CanadianCredential.NONE;
    }

    private static boolean fiveCharacters(String noc) {
        return noc != null && noc.length() == 5;
    }
}
