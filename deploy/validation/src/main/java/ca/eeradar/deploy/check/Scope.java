package ca.eeradar.deploy.check;

/** What a set of manifests is meant to be, which decides the checks that need the whole picture. */
public enum Scope {
    /** overlays/dev: in-cluster Kafka and CloudNativePG, single replicas. */
    DEV,
    /** overlays/prod: HA, replication 3 and min.insync.replicas 2, external databases. */
    PROD,
    /** A loose set of files (fixtures): per-document checks only, no "every service has ..." checks. */
    FRAGMENT
}
