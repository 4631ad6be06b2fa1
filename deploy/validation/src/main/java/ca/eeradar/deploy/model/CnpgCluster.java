package ca.eeradar.deploy.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.Map;

/**
 * The part of CloudNativePG's {@code postgresql.cnpg.io/v1} Cluster this project writes (field names
 * from the CloudNativePG 1.27 API reference). CloudNativePG publishes no Java model, so this one is
 * deliberately narrow: a field outside it fails validation, a typo as much as a real field nobody
 * reviewed here, and whoever needs another field adds it to this record.
 */
public record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(Integer instances, String imageName, Storage storage, Bootstrap bootstrap,
                       ResourceRequirements resources, PostgresConfiguration postgresql, Monitoring monitoring,
                       String primaryUpdateStrategy, Boolean enableSuperuserAccess) {
    }

    public record Storage(String size, String storageClass) {
    }

    public record Bootstrap(InitDb initdb) {
    }

    public record InitDb(String database, String owner, SecretRef secret) {
    }

    public record SecretRef(String name) {
    }

    public record PostgresConfiguration(Map<String, String> parameters) {
    }

    public record Monitoring(Boolean enablePodMonitor) {
    }
}
