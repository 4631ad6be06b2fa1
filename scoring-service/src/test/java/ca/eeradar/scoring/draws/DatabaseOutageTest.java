package ca.eeradar.scoring.draws;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfra;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.PostgresNode;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.Rounds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A database outage while a round arrives pauses its evaluation; it resumes once, losing and duplicating nothing. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class DatabaseOutageTest {

    @Test
    void roundArrivingDuringADatabaseOutageIsEvaluatedOnceItIsBack() throws Exception {
        PostgresNode postgres = LocalInfra.shared().postgres().orElse(null);
        Assumptions.assumeTrue(
                postgres != null, "needs the test JVM's own PostgreSQL (not an external one) to stop it");
        Rounds.awaitReady();
        String run = "o" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Rounds.store(run + "a", Profiles.base().sibling());
        String number = Rounds.newNumber();

        postgres.stop();
        try {
            Rounds.announce(Rounds.program(number, 1, Program.CEC, 300, null));
            await().during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> Rounds.invitations(number, 1).isEmpty());
        } finally {
            postgres.start();
        }

        assertEquals(1, Rounds.evaluated(number, 1).size());
        long ours = Rounds.invitations(number, 1).stream()
                .filter(r -> (run + "a").equals(r.key()))
                .count();
        assertEquals(1, ours, "the candidate's InvitationLikely exactly once");
    }
}
