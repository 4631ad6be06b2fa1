package ca.eeradar.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** A large pool stored as an adviser's system would: through scoring-service's import API. */
final class ProfileImports {
    /** Profiles per request: scoring-service's default ee-radar.scoring.profile-import.max-items. */
    static final int BATCH = 1_000;

    private ProfileImports() {}

    /**
     * Stores {@code ids.get(i)} with the profile JSON {@code profileOf.apply(i)}, {@value #BATCH} per
     * request, three requests at a time; fails unless every one is a new candidate.
     */
    static void store(List<String> ids, IntFunction<String> profileOf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> answers = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += BATCH) {
                int start = from;
                int end = Math.min(ids.size(), from + BATCH);
                answers.add(pool.submit(() -> {
                    StringBuilder body = new StringBuilder("{\"items\":[");
                    for (int i = start; i < end; i++) {
                        body.append(i == start ? "" : ",")
                                .append("{\"candidateId\":\"")
                                .append(ids.get(i))
                                .append("\",\"profile\":")
                                .append(profileOf.apply(i))
                                .append('}');
                    }
                    JsonPath imported = Api.as(E2eStack.get().scoring, "profile-writer")
                            .body(body.append("]}").toString())
                            .post("/api/v1/profile-imports")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    assertEquals(
                            end - start,
                            imported.getInt("created"),
                            "items " + start + ".." + end + " are new candidates");
                    assertEquals(ids.subList(start, end), imported.getList("items.candidateId"));
                    return null;
                }));
            }
            for (Future<?> a : answers) {
                a.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
