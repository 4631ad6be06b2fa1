package ca.eeradar.crs;

import ca.eeradar.crs.ScoreReport.LanguageLevels;
import java.util.List;

/**
 * The words of a score report: why a profile does not meet Express Entry's requirements on a date, and the
 * warnings a candidate or adviser should read (an incomplete rule set, an ignored spouse, a TEF scale). The
 * arithmetic is in {@link Points}; this class only explains it.
 */
final class ScoreExplanations {
    private ScoreExplanations() {}

    static void validityReasons(Facts f, Points p, List<String> reasons) {
        OfficialLanguage first = p.firstEnglish ? OfficialLanguage.ENGLISH : OfficialLanguage.FRENCH;
        if (!p.hasFirst) {
            boolean expired = p.firstEnglish ? f.englishExpired : f.frenchExpired;
            reasons.add(
                    expired
                            ? "the " + first + " test results are more than 2 years old on " + f.asOf
                                    + ": the profile no longer meets Express Entry requirements until a new test is entered"
                            : "no valid " + first + " test on " + f.asOf
                                    + ": a first-official-language test is required");
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

    static void warnings(Facts f, Points p, List<String> warnings) {
        RuleSet r = f.rules;
        if (!r.complete()) {
            warnings.add(
                    "rule set " + r.version() + " is incomplete: the high-wage factor's points per tier and its"
                            + " occupation list are not published yet (not configured); high-wage and job-offer points count as 0");
        }
        if (f.ecaMissing) {
            warnings.add(
                    "education: a foreign credential scores no points without an ECA issued on or before " + f.asOf);
        }
        if (f.profile.spouse() != null && !f.withSpouse) {
            warnings.add("spouse data ignored: scored without spouse because the partner "
                    + (f.profile.maritalStatus() == null
                                    || !f.profile.maritalStatus().partnered()
                            ? "is not a spouse or common-law partner"
                            : f.profile.spouse().canadianCitizenOrPermanentResident()
                                    ? "is a Canadian citizen or permanent resident"
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

    static LanguageLevels levels(boolean present, boolean english, int[] l) {
        return present
                ? new LanguageLevels(
                        english ? OfficialLanguage.ENGLISH : OfficialLanguage.FRENCH, l[0], l[1], l[2], l[3])
                : null;
    }
}
