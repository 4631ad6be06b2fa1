package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.contracts.Topics;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The projection of express-entry.invitation-forecasts into the candidate status: the forecast computed last is
 * shown (an older one arriving after it changes nothing), with the statement and the model version, and a
 * tombstone (the profile was erased) removes it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class CandidateForecastTest {
    private static final String READER = TestTokens.bearer(TestTokens.READER);
    private static final Instant EARLIER = Instant.parse("2080-03-10T05:30:00Z");
    private static final Instant LATER = Instant.parse("2080-03-11T05:30:00Z");

    @Test
    void theStatusShowsTheLatestForecastAndATombstoneClearsIt() {
        String id = "fc-" + UUID.randomUUID().toString().substring(0, 8);
        TopicEvents.scored(CandidateApiTest.scored(id, 1, LocalDate.of(2080, 3, 9), 497, EARLIER.minusSeconds(60)));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(id).extract().statusCode() == 200);
        status(id).body("forecast", nullValue());

        // The newer forecast first, then an older one (a redelivery): the newer one stays.
        forecast(forecast(id, LocalDate.of(2080, 3, 11), 0.2137, 0.52, 0.74, LocalDate.of(2080, 5, 2), LATER));
        forecast(forecast(id, LocalDate.of(2080, 3, 10), 0.05, 0.1, 0.2, null, EARLIER));
        TopicEvents.barrier(Topics.INVITATION_FORECASTS, id);

        status(id)
                .body("forecast.asOf", equalTo("2080-03-11"))
                .body("forecast.dataAsOf", equalTo("2080-03-04"))
                .body("forecast.modelVersion", equalTo("forecast-1"))
                .body(
                        "forecast.estimate",
                        equalTo("A statistical estimate from the public history of IRCC's rounds of invitations"
                                + " (how often each kind of round ran and where its cutoffs fell), not a prediction"
                                + " of IRCC's decisions."))
                .body("forecast.within.'30'", equalTo(0.214f))
                .body("forecast.within.'90'", equalTo(0.52f))
                .body("forecast.within.'180'", equalTo(0.74f))
                .body("forecast.halfwayBy", equalTo("2080-05-02"))
                .body("forecast.streams.stream", equalTo(List.of("GENERAL", "PROGRAM:CEC")))
                .body("forecast.streams.within90Days", equalTo(List.of(0.18f, 0.415f)))
                .body("forecast.computedAt", equalTo("2080-03-11T05:30:00Z"));

        // Erasure: scoring closes the key with a tombstone (no value, no headers).
        TopicEvents.send(Topics.INVITATION_FORECASTS, id, null, null);
        TopicEvents.barrier(Topics.INVITATION_FORECASTS, id);
        status(id).body("forecast", nullValue()).body("total", equalTo(497));
    }

    private static InvitationForecast forecast(
            String id, LocalDate asOf, double p30, double p90, double p180, LocalDate halfwayBy, Instant at) {
        return new InvitationForecast(
                id,
                asOf,
                LocalDate.of(2080, 3, 4),
                "forecast-1",
                List.of(
                        new InvitationForecast.HorizonProbability(30, p30),
                        new InvitationForecast.HorizonProbability(90, p90),
                        new InvitationForecast.HorizonProbability(180, p180)),
                halfwayBy,
                List.of(
                        new InvitationForecast.StreamProbability("GENERAL", 0.18),
                        new InvitationForecast.StreamProbability("PROGRAM:CEC", 0.4149)),
                at);
    }

    private static void forecast(InvitationForecast f) {
        TopicEvents.send(
                Topics.INVITATION_FORECASTS,
                f.candidateId(),
                new CloudEvent(
                        EventTypes.invitationForecastId(f.candidateId(), f.asOf(), f.computedAt()),
                        EventTypes.INVITATION_FORECAST,
                        EventTypes.SOURCE_SCORING,
                        f.computedAt(),
                        f.candidateId()),
                EventJson.write(f));
    }

    private static ValidatableResponse status(String id) {
        return given().header("Authorization", READER)
                .get("/api/v1/candidates/{id}/status", id)
                .then();
    }
}
