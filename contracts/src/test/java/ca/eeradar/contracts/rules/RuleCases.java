package ca.eeradar.contracts.rules;

import java.util.List;

/**
 * The values every service must accept or refuse alike, shared (as a test jar) by the tests of each
 * service so that none of them can drift from the rule in this module.
 */
public final class RuleCases {
    public static final List<String> VALID_ROUND_NUMBERS = List.of("1", "91a", "392", "999999");
    public static final List<String> INVALID_ROUND_NUMBERS = List.of("1000000", "0", "392A", " 392", "", "01", "91ab");

    /** At the length limit, and one past it. */
    public static final String LONGEST_CANDIDATE_ID = "c" + "0".repeat(CandidateId.MAX_LENGTH - 1);

    public static final String TOO_LONG_CANDIDATE_ID = LONGEST_CANDIDATE_ID + "0";
    public static final List<String> VALID_CANDIDATE_IDS = List.of("a", "cand-001", "A.b_c-9", LONGEST_CANDIDATE_ID);
    public static final List<String> INVALID_CANDIDATE_IDS =
            List.of(TOO_LONG_CANDIDATE_ID, "", "-leading", "with space", "me@example.com", "a:b", "é");

    public static final List<Integer> VALID_SCORES = List.of(0, 1, 600, 1200);
    public static final List<Integer> INVALID_SCORES = List.of(-1, 1201);

    private RuleCases() {}
}
