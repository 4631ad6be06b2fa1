import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ./ee-radar demo: a story told through the real APIs of a running stack. Six named candidates and a
 * few thousand synthetic ones are stored through scoring-service, four rounds are announced through
 * ingest-service, and every verdict and each named candidate's invitation forecast are read back from
 * query-service.
 *
 * <p>Every date is relative to today (Canada/Eastern), so the story (and every score) is the same on
 * any day; only the dates printed move. Running it twice changes nothing: profiles are replaced with
 * the same facts and the rounds are already announced (ingest answers 200, no new event).
 */
public class Demo {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ZoneId CANADA = ZoneId.of("Canada/Eastern");

    static String ingest, scoring, query, admin, writer, reader;

    public static void main(String[] args) throws Exception {
        ingest = env("INGEST_URL");
        scoring = env("SCORING_URL");
        query = env("QUERY_URL");
        admin = env("EE_RADAR_ADMIN_TOKEN");
        writer = env("EE_RADAR_WRITER_TOKEN");
        reader = env("EE_RADAR_READER_TOKEN");
        int synthetic = args.length > 0 ? Integer.parseInt(args[0]) : 3000;

        ZonedDateTime now = ZonedDateTime.now(CANADA);
        LocalDate today = now.toLocalDate();
        Instant submitted = today.minusDays(90).atTime(14, 0).atZone(CANADA).toInstant();

        Map<String, String> named = new LinkedHashMap<>();
        named.put("demo-maya-cec", maya(today, submitted));
        named.put("demo-luc-french", luc(today, submitted));
        named.put("demo-amara-nurse", amara(today, submitted));
        named.put("demo-raj-nominee", raj(today, submitted));
        named.put("demo-sofia-turning-30", sofia(today, submitted));
        named.put("demo-chen-ielts-expiring", chen(today, submitted));

        System.out.printf("Storing %d named and %d synthetic profiles through scoring-service ...%n", named.size(), synthetic);
        for (Map.Entry<String, String> e : named.entrySet()) {
            putProfile(e.getKey(), e.getValue());
        }
        storeSynthetic(synthetic, today, submitted);

        List<String[]> rounds = rounds(today, now.toInstant());
        System.out.println("Announcing " + rounds.size() + " rounds through ingest-service ...");
        for (String[] r : rounds) {
            HttpResponse<String> answer = send("POST", ingest + "/api/v1/draws", admin, r[1]);
            if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                fail("announcing round " + r[0] + ": " + answer.statusCode() + " " + answer.body());
            }
        }
        System.out.println("Waiting for scoring-service to evaluate the pool and query-service to show it ...");
        for (String[] r : rounds) {
            JsonNode draw = awaitEvaluation(r[0]);
            JsonNode ev = draw.get("evaluation");
            System.out.printf("  round #%s %-45s cutoff %3d: %,d profiles evaluated, %,d eligible, %,d likely invited%n",
                    r[0], draw.get("name").asText(), draw.get("crsCutoff").asInt(), ev.get("evaluated").asLong(),
                    ev.get("eligible").asLong(), ev.get("likely").asLong());
        }

        System.out.println("Waiting for scoring-service's forecasts of the named candidates (IRCC's rounds only) ...");
        awaitForecasts(named.keySet());
        System.out.println();
        for (String id : named.keySet()) {
            report(id);
        }
    }

    // --- the named candidates ---------------------------------------------------------------------

    /** Software developer in Canada for 3 years, Canadian master's, IELTS CLB 10: just above a CEC cutoff. */
    static String maya(LocalDate d, Instant submitted) {
        return profile(submitted, d.minusYears(28).minusDays(40), "MASTERS", "THREE_YEARS_OR_MORE", null,
                ielts(d.minusMonths(8), 8.5, 8.0, 7.5, 7.5), List.of(work("21231", "CA", d.minusYears(3).minusDays(20), null)),
                false, null);
    }

    /** Francophone accountant, TEF Canada NCLC 9, English CLB 7: French-language rounds. */
    static String luc(LocalDate d, Instant submitted) {
        return profile(submitted, d.minusYears(33).minusDays(10), "BACHELORS", "NONE", d.minusYears(1),
                "[" + tef(d.minusMonths(5)) + "," + ieltsOne(d.minusMonths(5), 6.0, 6.0, 6.0, 6.0) + "]",
                List.of(work("11100", "FR", d.minusYears(5), null)), false, null);
    }

    /** Registered nurse (NOC 31301) working in Canada for 2 years, a brother in Canada: healthcare and social services rounds. */
    static String amara(LocalDate d, Instant submitted) {
        return profile(submitted, d.minusYears(31).minusDays(200), "BACHELORS", "NONE", d.minusYears(2),
                celpip(d.minusMonths(10), 10), List.of(work("31301", "CA", d.minusYears(2).minusDays(30), null)), true, null);
    }

    /** Electrician nominated by Ontario 30 days ago: +600, provincial nominee rounds. */
    static String raj(LocalDate d, Instant submitted) {
        return profile(submitted, d.minusYears(36), "TWO_YEAR", "NONE", d.minusYears(3),
                celpip(d.minusMonths(14), 7), List.of(work("72200", "CA", d.minusYears(2).minusDays(10), null)), false,
                "{\"province\":\"ON\",\"nominatedOn\":\"" + d.minusDays(30) + "\"}");
    }

    /** 29 today, 30 in three weeks: the age factor drops from 110 to 105 on that birthday. */
    static String sofia(LocalDate d, Instant submitted) {
        return profile(submitted, d.minusYears(30).plusDays(21), "MASTERS", "NONE", d.minusYears(1),
                ielts(d.minusMonths(3), 8.0, 7.0, 7.0, 7.0), List.of(work("21211", "CA", d.minusYears(2).minusDays(60), null)),
                false, null);
    }

    /** IELTS taken almost two years ago: the results stop counting in 40 days, and the profile with them. */
    static String chen(LocalDate d, Instant submitted) {
        return profile(submitted, d.minusYears(27).minusDays(100), "BACHELORS", "NONE", d.minusYears(2),
                ielts(d.minusYears(2).plusDays(40), 8.0, 7.5, 7.0, 7.0),
                List.of(work("21232", "CA", d.minusYears(1).minusDays(100), null)), false, null);
    }

    // --- the rounds ------------------------------------------------------------------------------

    /** Four rounds of the last three days, numbered from the date so that each day has its own. */
    static List<String[]> rounds(LocalDate today, Instant now) {
        long base = 90000 + (today.toEpochDay() % 2000) * 4;
        List<String[]> rounds = new ArrayList<>();
        rounds.add(round(base, today.minusDays(3), "Provincial Nominee Program", "PROGRAM", "\"PNP\"", "null", "null",
                "[\"PNP\"]", 450, 700));
        rounds.add(round(base + 1, today.minusDays(2), "Canadian Experience Class", "PROGRAM", "\"CEC\"", "null", "null",
                "[\"CEC\"]", 3000, 520));
        rounds.add(round(base + 2, today.minusDays(1), "French-Language proficiency 2026-Version 2", "CATEGORY", "null",
                "\"FRENCH_LANGUAGE\"", "\"2026-Version 2\"", "[\"FSW\",\"CEC\",\"FST\"]", 5000, 400));
        rounds.add(round(base + 3, today.minusDays(1), "Healthcare and Social Services Occupations, 2026-Version 3", "CATEGORY",
                "null", "\"HEALTHCARE_SOCIAL_SERVICES\"", "\"2026-Version 3\"", "[\"FSW\",\"CEC\",\"FST\"]", 2500, 470));
        return rounds;
    }

    static String[] round(long number, LocalDate date, String name, String type, String program, String category,
                          String version, String programs, int invitations, int cutoff) {
        Instant drawnAt = date.atTime(11, 0).atZone(CANADA).toInstant();
        String json = """
            {"number":"%d","date":"%s","drawnAt":"%s","name":"%s","roundType":"%s","program":%s,"category":%s,
             "categoryVersion":%s,"eligiblePrograms":%s,"invitations":%d,"crsCutoff":%d,"tieBreakAt":"%s","pool":null}
            """.formatted(number, date, drawnAt, name, type, program, category, version, programs, invitations, cutoff,
                drawnAt.minus(Duration.ofDays(45)));
        return new String[] {String.valueOf(number), json};
    }

    // --- reading the verdicts back ---------------------------------------------------------------

    static void report(String id) throws Exception {
        JsonNode status = getJson(query + "/api/v1/candidates/" + id + "/status", reader);
        JsonNode invitations = getJson(query + "/api/v1/candidates/" + id + "/invitations", reader);
        // The dated timeline (birthdays, expiries) is personal data: only scoring-service serves it, to the
        // profile writer the demo acts as. Its total is today's; the published one is as of the 1st of the month.
        JsonNode timeline = getJson(scoring + "/api/v1/candidates/" + id + "/timeline", writer);
        System.out.printf("%s: CRS %d (rules %s)%n", id, timeline.get("total").asInt(), status.get("rulesVersion").asText());
        if (timeline.get("total").asInt() != status.get("total").asInt()) {
            System.out.printf("  published: CRS %d as of %s (scores are published at month precision)%n",
                    status.get("total").asInt(), status.get("asOf").asText());
        }
        List<String> programs = new ArrayList<>();
        status.get("programs").forEach(p -> programs.add(p.asText()));
        List<String> categories = new ArrayList<>();
        status.get("categories").forEach(c -> categories.add(c.get("category").asText()));
        System.out.printf("  eligible for: %s%s%n", programs.isEmpty() ? "no program" : String.join(", ", programs),
                categories.isEmpty() ? "" : "; categories " + String.join(", ", categories));
        if (invitations.get("items").isEmpty()) {
            System.out.println("  likely invited: no");
        }
        for (JsonNode inv : invitations.get("items")) {
            System.out.printf("  likely invited: YES in round #%s (%s), score %d vs cutoff %d, margin +%d, tie-break %s%n",
                    inv.get("drawNumber").asText(), inv.path("drawName").asText(inv.path("name").asText("")),
                    inv.get("score").asInt(), inv.get("cutoff").asInt(), inv.get("margin").asInt(), inv.get("tieBreak").asText());
        }
        printForecast(status.path("forecast"));
        for (JsonNode e : status.path("eligibility")) {
            if (e.hasNonNull("lastDraw") && e.hasNonNull("margin") && e.get("margin").asInt() < 0) {
                System.out.printf("  %s: last round #%s cutoff %d, %d points short%n", e.get("basis").asText(),
                        e.get("lastDraw").get("number").asText(), e.get("lastDraw").get("crsCutoff").asInt(),
                        -e.get("margin").asInt());
            }
        }
        int shown = 0;
        for (JsonNode t : timeline.path("timeline")) {
            if (shown++ == 3) {
                break;
            }
            System.out.printf("  %s  %s -> CRS %d%n", t.get("date").asText(), t.get("change").asText(), t.get("total").asInt());
        }
        System.out.println();
    }

    /**
     * The forecast beside the verdict: scoring-service publishes it after each profile write once it knows IRCC's
     * rounds (ingest's bundled feed); the demo's own rounds are typed in by hand and never move it.
     */
    static void printForecast(JsonNode f) {
        if (f.isMissingNode() || f.isNull()) {
            System.out.println("  forecast: none yet (scoring-service publishes one once it knows IRCC's rounds)");
            return;
        }
        JsonNode within = f.get("within");
        String halfway = f.hasNonNull("halfwayBy") ? "50% by " + f.get("halfwayBy").asText() : "50% not within 180 days";
        System.out.printf("  forecast: P30 %.2f, P90 %.2f, P180 %.2f; %s (%s, rounds up to %s; a statistical estimate)%n",
                within.get("30").asDouble(), within.get("90").asDouble(), within.get("180").asDouble(), halfway,
                f.get("modelVersion").asText(), f.get("dataAsOf").asText());
    }

    /**
     * Until each named candidate's forecast has learned from the latest IRCC round query-service knows (on a fresh
     * stack the feed's 438 rounds are still arriving while the profiles are stored), or two minutes passed.
     */
    static void awaitForecasts(Iterable<String> ids) throws Exception {
        String latest = getJson(query + "/api/v1/forecasts/streams", reader).path("dataAsOf").asText("");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (String id : ids) {
            while (System.nanoTime() < deadline) {
                JsonNode f = getJson(query + "/api/v1/candidates/" + id + "/status", reader).path("forecast");
                if (f.isMissingNode() || (!f.isNull() && f.path("dataAsOf").asText("").compareTo(latest) >= 0)) {
                    break;
                }
                Thread.sleep(500);
            }
        }
    }

    static JsonNode awaitEvaluation(String number) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send("GET", query + "/api/v1/draws/" + number, reader, null);
            if (r.statusCode() == 200) {
                JsonNode draw = JSON.readTree(r.body());
                // Complete once the read model holds every InvitationLikely the summary counts.
                JsonNode ev = draw.get("evaluation");
                if (ev != null && !ev.isNull() && ev.path("invitationsRecorded").asLong(-1) >= ev.get("likely").asLong()) {
                    return draw;
                }
            }
            Thread.sleep(500);
        }
        fail("round " + number + " was not evaluated within 3 minutes: ./ee-radar logs scoring");
        return null;
    }

    // --- synthetic pool --------------------------------------------------------------------------

    static void storeSynthetic(int n, LocalDate d, Instant submitted) throws Exception {
        Random random = new Random(42);
        String[] levels = {"SECONDARY", "ONE_YEAR", "TWO_YEAR", "BACHELORS", "TWO_OR_MORE", "MASTERS", "DOCTORAL"};
        String[] nocs = {"21231", "31301", "72200", "11100", "41200", "62200", "00012", "21211"};
        String[] countries = {"CA", "IN", "NG", "PH", "FR", "BR"};
        List<String[]> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double band = 5.0 + random.nextInt(8) * 0.5;
            String tests = ielts(d.minusDays(30 + random.nextInt(600)), Math.min(9, band + 0.5), band, band, band);
            String work = work(nocs[random.nextInt(nocs.length)], countries[random.nextInt(countries.length)],
                    d.minusDays(200 + random.nextInt(3000)), null);
            String nomination = random.nextInt(40) == 0 ? "{\"province\":\"BC\",\"nominatedOn\":\"" + d.minusDays(20) + "\"}" : null;
            batch.add(new String[] {"demo-synthetic-" + i, profile(submitted.minus(Duration.ofMinutes(random.nextInt(100000))),
                    d.minusYears(22 + random.nextInt(20)).minusDays(random.nextInt(365)), levels[random.nextInt(levels.length)],
                    "NONE", d.minusYears(1), tests, List.of(work),
                    random.nextInt(10) == 0, nomination)});
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (String[] p : batch) {
            futures.add(pool.submit(() -> {
                try {
                    HttpResponse<String> r = send("PUT", scoring + "/api/v1/candidates/" + p[0] + "/profile", writer, p[1]);
                    if (r.statusCode() >= 300 && failed.incrementAndGet() == 1) {
                        System.err.println("a synthetic profile was refused: " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        if (failed.get() > 0) {
            fail(failed.get() + " synthetic profiles were refused");
        }
    }

    // --- profile JSON v1 -------------------------------------------------------------------------

    static String profile(Instant submitted, LocalDate birth, String level, String canadian, LocalDate eca, String tests,
                          List<String> work, boolean sibling, String nomination) {
        return """
            {"profileSubmittedAt":"%s","dateOfBirth":"%s","maritalStatus":"SINGLE","spouse":null,
             "education":{"level":"%s","canadianCredential":"%s","ecaIssuedOn":%s},
             "languageTests":%s,"workExperience":[%s],"certificateOfQualification":null,
             "siblingInCanada":%s,"provincialNomination":%s,"jobOffer":null}
            """.formatted(submitted, birth, level, canadian, eca == null ? "null" : "\"" + eca + "\"",
                tests.startsWith("[") ? tests : "[" + tests + "]", String.join(",", work), sibling, nomination);
    }

    static String ielts(LocalDate on, double l, double r, double w, double s) {
        return "[" + ieltsOne(on, l, r, w, s) + "]";
    }

    static String ieltsOne(LocalDate on, double l, double r, double w, double s) {
        return "{\"test\":\"IELTS_GENERAL\",\"takenOn\":\"%s\",\"listening\":%s,\"reading\":%s,\"writing\":%s,\"speaking\":%s}"
                .formatted(on, l, r, w, s);
    }

    static String tef(LocalDate on) {
        // TEF Canada "équivalence ancien score" scale, NCLC 9 in every ability (docs/crs-rules.md#language-tests).
        return "{\"test\":\"TEF_CANADA_ANCIEN\",\"takenOn\":\"%s\",\"listening\":300,\"reading\":250,\"writing\":380,\"speaking\":380}"
                .formatted(on);
    }

    static String celpip(LocalDate on, int level) {
        return "[{\"test\":\"CELPIP_GENERAL\",\"takenOn\":\"%s\",\"listening\":%d,\"reading\":%d,\"writing\":%d,\"speaking\":%d}]"
                .formatted(on, level, level, level, level);
    }

    static String work(String noc, String country, LocalDate from, LocalDate to) {
        return "{\"noc\":\"%s\",\"country\":\"%s\",\"from\":\"%s\",\"to\":%s,\"hoursPerWeek\":40}"
                .formatted(noc, country, from, to == null ? "null" : "\"" + to + "\"");
    }

    // --- HTTP ------------------------------------------------------------------------------------

    static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void putProfile(String id, String json) throws Exception {
        HttpResponse<String> r = send("PUT", scoring + "/api/v1/candidates/" + id + "/profile", writer, json);
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            fail("storing " + id + ": " + r.statusCode() + " " + r.body());
        }
    }

    static JsonNode getJson(String url, String token) throws Exception {
        HttpResponse<String> r = send("GET", url, token, null);
        if (r.statusCode() != 200) {
            fail("GET " + url + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            fail(name + " is not set: run ./ee-radar up -d first");
        }
        return v;
    }

    static void fail(String message) {
        System.err.println("demo: " + message);
        System.exit(1);
    }
}
