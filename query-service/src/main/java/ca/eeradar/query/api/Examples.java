package ca.eeradar.query.api;

/** Example answers shown in the OpenAPI document (/q/openapi), taken from real rounds. */
public final class Examples {
    public static final String DRAW = """
            {"number":"392","date":"2026-01-21","drawnAt":"2026-01-21T15:20:33Z","name":"Canadian Experience Class",
             "roundType":"PROGRAM","program":"CEC","category":null,"categoryVersion":null,"eligiblePrograms":["CEC"],
             "invitations":6000,"crsCutoff":509,"tieBreakAt":"2025-10-29T04:35:24Z",
             "pool":{"asOf":"2026-01-19","total":237120,"bands":[{"min":601,"max":1200,"count":512},{"min":501,"max":600,"count":21007}]},
             "revision":1,"source":{"kind":"IRCC_FEED","reference":"ee_rounds_123_en.json#392","receivedAt":"2026-01-21T16:00:00Z"},
             "revisions":1,"evaluation":{"revision":1,"evaluated":1000000,"eligible":412000,"likely":5120}}""";
    public static final String DRAW_PAGE = """
            {"items":[{"number":"392","date":"2026-01-21","name":"Canadian Experience Class","roundType":"PROGRAM",
             "program":"CEC","invitations":6000,"crsCutoff":509,"revision":1,"revisions":1}],
             "nextCursor":"MjAyNi0wMS0yMXwzOTJ8"}""";
    public static final String STATS = """
            {"groups":[{"group":"2025","rounds":55,"invitations":112300,"minCutoff":379,"medianCutoff":510,"maxCutoff":752},
                       {"group":"2026","rounds":31,"invitations":70120,"minCutoff":382,"medianCutoff":497.5,"maxCutoff":764}]}""";
    public static final String POOL = """
            {"asOf":"2026-08-16","total":226859,"bands":[{"min":601,"max":1200,"count":439},{"min":501,"max":600,"count":18657},
             {"min":491,"max":500,"count":12915}]}""";
    public static final String POOL_PAGE = """
            {"items":[{"asOf":"2026-08-16","total":226859,"bands":[{"min":601,"max":1200,"count":439}]}],"nextCursor":null}""";
    public static final String STATUS = """
            {"candidateId":"c-7f3a","profileVersion":3,"asOf":"2026-11-01","total":497,
             "sections":{"core":421,"spouse":0,"transferability":50,"additional":26},"rulesVersion":"2025-03-25",
             "programs":["CEC","FSW"],"categories":[{"category":"STEM","version":"2026-Version 1"}],
             "eligibility":[{"basis":"GENERAL","lastDraw":{"number":"380","date":"2025-11-02","name":"General","crsCutoff":529},"margin":-32},
                            {"basis":"PROGRAM:CEC","lastDraw":{"number":"392","date":"2026-01-21","name":"Canadian Experience Class","crsCutoff":509},"margin":-12}],
             "rank":{"poolAsOf":"2026-08-16","poolTotal":226859,"estimate":21480,"best":19012,"worst":31926,
                     "band":{"min":491,"max":500,"count":12915}},
             "scoredAt":"2026-11-20T03:00:00Z",
             "forecast":{"asOf":"2026-11-21","dataAsOf":"2026-11-20","modelVersion":"forecast-1",
                         "estimate":"A statistical estimate from the public history of IRCC's rounds of invitations (how often each kind of round ran and where its cutoffs fell), not a prediction of IRCC's decisions.",
                         "within":{"30":0.21,"90":0.52,"180":0.74},"halfwayBy":"2027-02-14",
                         "streams":[{"stream":"GENERAL","within90Days":0.18},{"stream":"PROGRAM:CEC","within90Days":0.41}],
                         "computedAt":"2026-11-21T05:30:00Z"}}""";
    public static final String INVITATIONS = """
            {"items":[{"drawNumber":"392","drawRevision":1,"drawDate":"2026-01-21","candidateId":"c-7f3a","score":512,
             "cutoff":509,"margin":3,"tieBreak":"NOT_NEEDED","basis":"PROGRAM:CEC","rulesVersion":"2025-03-25",
             "evaluatedAt":"2026-01-21T16:00:04Z","drawName":"Canadian Experience Class","roundType":"PROGRAM","category":null}],
             "nextCursor":null}""";
    public static final String REBUILD = """
            {"replayed":{"express-entry.draws":438,"express-entry.invitation-likely":5120,
             "express-entry.candidate-scores":1000,"express-entry.draw-evaluations":438,
             "express-entry.invitation-forecasts":1000},"skipped":0,"durationMs":2310}""";
    public static final String PROBLEM = """
            {"type":"https://ee-radar.local/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"1 field is invalid","errors":[{"field":"roundType","message":"'FOO' is not one of [GENERAL, PROGRAM, CATEGORY]"}]}""";

    private Examples() {}
}
