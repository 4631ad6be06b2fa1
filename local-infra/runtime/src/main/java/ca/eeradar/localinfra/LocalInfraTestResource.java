package ca.eeradar.localinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real broker and database of this test JVM (started once,
 * shared by every test class) and at the verification key of {@link TestTokens}.
 * Init arg {@code database}: the service's own database (default {@code ee_radar}).
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "ee_radar";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalInfra infra = LocalInfra.shared();
        Map<String, String> config = infra.quarkusConfig(database);
        config.put(
                "mp.jwt.verify.publickey.location",
                TestTokens.keys().publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", JwtKeys.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // The infrastructure outlives one Quarkus application: it is shared by every test class of
        // this JVM and stopped by the JVM's shutdown hook (or by its children noticing the JVM died).
    }
}
