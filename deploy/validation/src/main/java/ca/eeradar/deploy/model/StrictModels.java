package ca.eeradar.deploy.model;

import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads every document into its typed model, strictly: a field the model does not have is an error.
 * Both fabric8 and Strimzi models keep unknown fields in an "additionalProperties" map (a
 * {@code @JsonAnySetter}) so that a client survives newer API servers; here that leniency would hide
 * a typo such as {@code readinessProb}, so the any-setters are switched off and
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} makes Jackson name the field and its path.
 */
public final class StrictModels {

    /** apiVersion + kind -> model. A kind missing here fails: nothing is applied unchecked. */
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            // Strimzi's model serves every version of its CRDs; v1 is current since Strimzi 0.49.
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CnpgCluster.class));

    private final ObjectMapper mapper = JsonMapper.builder()
            .annotationIntrospector(new NoAnySetter())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    public static String supportedKinds() {
        return MODELS.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    /** The typed resource, or a finding naming the file, the document and the field at fault. */
    public Typed read(Manifest manifest) {
        Class<?> model = MODELS.get(manifest.apiVersion() + "/" + manifest.kind());
        if (model == null) {
            return new Typed(manifest, null, List.of(Finding.of(manifest, "no typed model for apiVersion '"
                    + manifest.apiVersion() + "' kind '" + manifest.kind() + "' (known: " + supportedKinds() + ")")));
        }
        try {
            return new Typed(manifest, mapper.treeToValue(manifest.body(), model), List.of());
        } catch (UnrecognizedPropertyException e) {
            return new Typed(manifest, null, List.of(Finding.of(manifest, "unknown field '" + e.getPropertyName()
                    + "' at " + path(e) + " (not in " + model.getSimpleName() + " " + manifest.apiVersion()
                    + "; known here: " + known(e) + ")")));
        } catch (JsonMappingException e) {
            return new Typed(manifest, null, List.of(Finding.of(manifest, "invalid " + model.getSimpleName() + " at "
                    + path(e) + ": " + e.getOriginalMessage())));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Typed(manifest, null, List.of(Finding.of(manifest, "invalid " + model.getSimpleName() + ": "
                    + e.getMessage())));
        }
    }

    private static String known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null ? "?" : e.getKnownPropertyIds().stream().map(String::valueOf)
                .filter(id -> !id.equals("additionalProperties")).sorted().collect(Collectors.joining(", "));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(document)" : path.substring(1);
    }

    /** A document with its model instance (null when it did not deserialize). */
    public record Typed(Manifest manifest, Object resource, List<Finding> findings) {
    }

    /** Turns off {@code @JsonAnySetter} and {@code ignoreUnknown} so unknown fields surface. */
    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            JsonIgnoreProperties.Value value = super.findPropertyIgnoralByName(config, a);
            return value == null ? null : value.withoutIgnoreUnknown();
        }
    }
}
