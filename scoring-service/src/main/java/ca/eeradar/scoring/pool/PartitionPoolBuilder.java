package ca.eeradar.scoring.pool;

import java.util.Map;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds one {@link PartitionPool} per task. Logging and caching stay off: the profile topic is the
 * store's changelog ({@code Topology#addReadOnlyStateStore}), and nothing is written back.
 */
public final class PartitionPoolBuilder implements StoreBuilder<PartitionPool> {
    private final String name;
    private final ProfileRecords records;

    public PartitionPoolBuilder(String name, ProfileRecords records) {
        this.name = name;
        this.records = records;
    }

    @Override
    public StoreBuilder<PartitionPool> withCachingEnabled() {
        throw new UnsupportedOperationException("the pool is read in full by each draw: no cache");
    }

    @Override
    public StoreBuilder<PartitionPool> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<PartitionPool> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException("the profile topic is the pool's changelog");
    }

    @Override
    public StoreBuilder<PartitionPool> withLoggingDisabled() {
        return this;
    }

    @Override
    public PartitionPool build() {
        return new PartitionPool(name, records);
    }

    @Override
    public Map<String, String> logConfig() {
        return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }
}
