package ca.eeradar.deploy.config;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which environment variables each service really reads. A variable is accepted when it is:
 * <ul>
 *   <li>a key of the service's application.properties, or a property of its {@code @ConfigMapping}s;</li>
 *   <li>a run-time property of a Quarkus extension (the extensions' own config model), such as the
 *       Kafka Streams client's {@code quarkus.kafka-streams.*};</li>
 *   <li>{@code KAFKA_STREAMS_*} only for a {@code kafka-streams.*} property the service's
 *       application.properties declares: the extension passes on the {@code kafka-streams.*} names the
 *       configuration knows, and an environment variable alone does not make its dotted name known (the
 *       '-' cannot be told from a '.'), so an undeclared one would be silently ignored;</li>
 *   <li>{@code KAFKA_*}: Quarkus hands every {@code kafka.} property to the Kafka clients, turning the
 *       env form's '_' into '.', so the rest must be a real Kafka client setting;</li>
 *   <li>a MicroProfile JWT property (SmallRye JWT reads them; they are not in the Quarkus model);</li>
 *   <li>{@code JAVA_TOOL_OPTIONS}, which the JVM itself reads.</li>
 * </ul>
 */
public final class ConfigCatalog {
    public static final List<String> SERVICES = List.of("ingest-service", "scoring-service", "query-service");

    /** MicroProfile JWT 2.1, section "Configuration": the names SmallRye JWT reads. */
    private static final Set<String> MP_JWT = Set.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.publickey.algorithm", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences",
            "mp.jwt.verify.clock.skew", "mp.jwt.verify.token.age", "mp.jwt.token.header", "mp.jwt.token.cookie",
            "mp.jwt.decrypt.key.location", "mp.jwt.decrypt.key.algorithm");
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

    private final Path repoRoot;
    private final QuarkusConfigModel quarkus;
    private final Set<String> kafkaClientSettings = new HashSet<>();
    private final Map<String, ServiceConfig> services = new LinkedHashMap<>();

    public ConfigCatalog(Path repoRoot, QuarkusConfigModel quarkus) {
        this.repoRoot = repoRoot;
        this.quarkus = quarkus;
        kafkaClientSettings.addAll(ProducerConfig.configNames());
        kafkaClientSettings.addAll(ConsumerConfig.configNames());
        kafkaClientSettings.addAll(AdminClientConfig.configNames());
        for (String service : SERVICES) {
            services.put(service, ServiceConfig.read(repoRoot, service));
        }
    }

    public Optional<ServiceConfig> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** Where a variable comes from: the property it sets, and its declaring source. */
    public record Resolution(String property, String declaredBy, boolean fixedAtBuildTime) {
    }

    public Optional<Resolution> resolve(String service, String env) {
        ServiceConfig config = services.get(service);
        if (config != null) {
            String key = config.declaredKeys().get(env);
            if (key != null) {
                Optional<QuarkusConfigModel.Property> q = quarkus.find(env);
                return Optional.of(new Resolution(key, service + "/src/main/resources/application.properties",
                        q.map(QuarkusConfigModel.Property::fixedAtBuildTime).orElse(false)));
            }
            for (ConfigMappingSource.Declared declared : config.mapped()) {
                if (declared.envPattern().matcher(env).matches()) {
                    return Optional.of(new Resolution(declared.property(), "@ConfigMapping in "
                            + repoRoot.relativize(Path.of(declared.source())), false));
                }
            }
        }
        if (env.startsWith("KAFKA_STREAMS_")) {
            return Optional.empty();
        }
        Optional<QuarkusConfigModel.Property> q = quarkus.find(env);
        if (q.isPresent()) {
            return Optional.of(new Resolution(q.get().property(), "Quarkus extension " + q.get().extension(),
                    q.get().fixedAtBuildTime()));
        }
        if (env.startsWith("KAFKA_")) {
            String setting = env.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (kafkaClientSettings.contains(setting)) {
                return Optional.of(new Resolution("kafka." + setting, "Kafka client configuration", false));
            }
        }
        for (String property : MP_JWT) {
            if (EnvNames.of(property).equals(env)) {
                return Optional.of(new Resolution(property, "MicroProfile JWT", false));
            }
        }
        if (JVM.contains(env)) {
            return Optional.of(new Resolution(env, "the JVM", false));
        }
        return Optional.empty();
    }

    public QuarkusConfigModel quarkus() {
        return quarkus;
    }
}
