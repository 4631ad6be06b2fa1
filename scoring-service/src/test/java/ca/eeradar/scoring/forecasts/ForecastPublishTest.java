package ca.eeradar.scoring.forecasts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.forecast.CandidateTimeline;
import ca.eeradar.forecast.Forecast;
import ca.eeradar.forecast.ForecastModel;
import ca.eeradar.forecast.Horizon;
import ca.eeradar.forecast.RoundHistory;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.draws.DrawStore;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.Rounds;
import ca.eeradar.scoring.evaluation.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A stored candidate's forecast through the real broker and database: published after a profile write and after
 * a round, exactly what the pure model answers on the IRCC rounds scoring knows (a demo round left out), not
 * published again when a recomputation changes nothing, and a tombstone once the profile is erased.
 */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ForecastPublishTest {
    private static final ZoneId OTTAWA = ZoneId.of("Canada/Eastern");

    @Inject
    DrawStore draws;

    @Inject
    CrsEngine engine;

    @Inject
    ForecastRun run;

    @Inject
    DataSource ds;

    @Test
    void aStoredProfileGetsItsForecastAfterARoundAndNoneAgainWhenNothingChanged() throws Exception {
        Rounds.awaitReady();
        LocalDate today = LocalDate.now(OTTAWA);
        String id = "f" + UUID.randomUUID().toString().substring(0, 8) + "-cec";
        // 25 all through the window, Canadian work for 6 years, a recent test and submission: nothing in the
        // profile changes within 180 days, so its standing is one score and one set of streams.
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("noc", "21231");
        job.put("country", "CA");
        job.put("from", today.minusYears(6).toString());
        job.put("to", null);
        job.put("hoursPerWeek", 40);
        Profiles profile = Profiles.base()
                .bornOn(today.minusYears(25).minusDays(40).toString())
                .with("workExperience", List.of(job))
                .languageTestTakenOn(today.minusDays(60).toString())
                .submittedAt(today.minusDays(5)
                        .atTime(10, 0)
                        .atZone(OTTAWA)
                        .toInstant()
                        .toString());
        int score = engine.assess(profile.profile(), today).total();

        // A year of CEC rounds every 14 days, all 30 points above the candidate, up to six weeks ago; and a demo
        // round (typed in by hand) at 100 that must not count.
        List<Draw> irccRounds = new ArrayList<>();
        for (int k = 26; k >= 3; k--) {
            irccRounds.add(cec(today.minusDays(14L * k), score + 30, Draw.SourceKind.IRCC_FEED));
        }
        for (Draw d : irccRounds) {
            draws.keep(d, Instant.now());
        }
        draws.keep(cec(today.minusDays(2), 100, Draw.SourceKind.MANUAL), Instant.now());

        Rounds.store(id, profile);
        InvitationForecast afterWrite = awaitForecasts(id, 1).get(0);
        Forecast expectedAfterWrite = expected(irccRounds, today, score);
        assertForecast(expectedAfterWrite, irccRounds.get(irccRounds.size() - 1).date(), afterWrite);

        // The round of two weeks ago arrives (on the topic, as from ingest) with a cutoff below the candidate.
        Draw round = cec(today.minusDays(14), score - 10, Draw.SourceKind.IRCC_FEED);
        Rounds.announce(round);
        irccRounds.add(round);
        Forecast expectedAfterRound = expected(irccRounds, today, score);
        assertTrue(
                ForecastChange.worthPublishing(afterWrite, event(id, expectedAfterRound)),
                "the scenario moves the forecast by at least a point");
        InvitationForecast afterRound = awaitForecasts(id, 2).get(1);
        assertForecast(expectedAfterRound, round.date(), afterRound);

        // The daily run recomputes the same forecast: nothing is news, nothing is published.
        run.everyone(today, Instant.now());
        awaitOutboxEmpty();
        assertEquals(2, forecastsOf(id).size());
        assertEquals(afterRound, lastPublished(id));

        // Erasure: the last published forecast is forgotten and a tombstone closes the key on the topic.
        given().header("Authorization", TestTokens.bearer(TestTokens.WRITER))
                .delete("/api/v1/candidates/{id}/profile", id)
                .then()
                .statusCode(204);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> records(id).size() == 3);
        ConsumerRecord<String, byte[]> tombstone = records(id).get(2);
        assertNull(tombstone.value());
        assertEquals(0, tombstone.headers().toArray().length);
        assertNull(lastPublished(id));
    }

    private static Draw cec(LocalDate date, int cutoff, Draw.SourceKind kind) {
        return new Draw(
                Rounds.newNumber(),
                date,
                date.atTime(15, 0).atZone(OTTAWA).toInstant(),
                "test CEC",
                Draw.RoundType.PROGRAM,
                Program.CEC,
                null,
                null,
                List.of(),
                1000,
                cutoff,
                null,
                null,
                1,
                new Draw.Source(kind, "forecast test", Instant.now()));
    }

    /** The pure model on the IRCC rounds alone, for a candidate whose standing stays the same. */
    private Forecast expected(List<Draw> rounds, LocalDate asOf, int score) {
        Set<RoundStream> streams = Set.of(RoundStream.GENERAL, RoundStream.program(Program.CEC));
        return new ForecastModel(RoundHistory.ofDraws(rounds))
                .asOf(asOf)
                .forecast(CandidateTimeline.fixed(score, streams), null);
    }

    private static InvitationForecast event(String id, Forecast f) {
        return ForecastEvents.of(id, f, "forecast-1", f.asOf().minusDays(1), Instant.EPOCH);
    }

    private static void assertForecast(Forecast expected, LocalDate dataAsOf, InvitationForecast actual) {
        assertEquals(expected.asOf(), actual.asOf());
        assertEquals(dataAsOf, actual.dataAsOf());
        assertEquals("forecast-1", actual.modelVersion());
        assertEquals(
                List.of(
                        new InvitationForecast.HorizonProbability(30, expected.within(Horizon.D30)),
                        new InvitationForecast.HorizonProbability(90, expected.within(Horizon.D90)),
                        new InvitationForecast.HorizonProbability(180, expected.within(Horizon.D180))),
                actual.horizons());
        assertEquals(expected.halfwayBy(), actual.halfwayBy());
        // Only streams that drew rounds have a chance of their own: here CEC (no general round in the history).
        assertEquals(
                List.of(new InvitationForecast.StreamProbability(
                        "PROGRAM:CEC", expected.streamsAlone90().get(RoundStream.program(Program.CEC)))),
                actual.streams());
        assertEquals(1, expected.streamsAlone90().size());
    }

    private static List<ConsumerRecord<String, byte[]>> records(String id) {
        return Topic.read(Topics.INVITATION_FORECASTS, r -> id.equals(r.key()));
    }

    private static List<InvitationForecast> forecastsOf(String id) {
        return records(id).stream()
                .filter(r -> r.value() != null)
                .peek(r -> assertEquals(EventTypes.INVITATION_FORECAST, Topic.header(r, CloudEvent.TYPE)))
                .map(r -> EventJson.read(r.value(), InvitationForecast.class))
                .toList();
    }

    private static List<InvitationForecast> awaitForecasts(String id, int count) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> forecastsOf(id).size() >= count);
        List<InvitationForecast> all = forecastsOf(id);
        assertEquals(count, all.size());
        return all;
    }

    private void awaitOutboxEmpty() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from outbox_event") == 0);
    }

    private long count(String sql) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private InvitationForecast lastPublished(String id) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select forecast::text from candidate_forecast where candidate_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? EventJson.read(rs.getString(1).getBytes(), InvitationForecast.class) : null;
            }
        }
    }
}
