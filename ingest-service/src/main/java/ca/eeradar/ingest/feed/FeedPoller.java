package ca.eeradar.ingest.feed;

import ca.eeradar.ingest.IngestConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * Polls the configured feed URL. A tick every second decides whether a poll is due, so the interval and the
 * backoff after failures (doubling from initialBackoff up to maxBackoff, never beyond the interval) come from
 * configuration and from the last outcome, without a thread sleeping between retries.
 */
@ApplicationScoped
public class FeedPoller {
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    @Inject
    IngestConfig config;

    @Inject
    FeedImporter importer;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private FeedFetcher fetcher;
    private Counter failures;
    private volatile Instant nextPollAt;
    private volatile FeedReport lastReport;
    private volatile Instant lastReportAt;

    /** The poller's state for operators (GET /api/v1/feeds/ircc/status). */
    public record Status(
            String url,
            boolean enabled,
            Instant lastAttemptAt,
            Instant lastSuccessAt,
            String lastError,
            int consecutiveFailures,
            Instant nextPollAt,
            Instant lastImportAt,
            FeedReport lastImport) {}

    @PostConstruct
    void init() {
        IngestConfig.Feed feed = config.feed();
        fetcher = new FeedFetcher(feed.connectTimeout(), feed.readTimeout(), feed.maxBytes());
        failures = Counter.builder("eeradar.ingest.feed.poll.failures")
                .description("Feed polls that failed (unreachable, HTTP error, not a rounds feed)")
                .register(registry);
        nextPollAt = clock.instant().plus(feed.initialDelay());
    }

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.feed().pollEnabled() && !stopping && !clock.instant().isBefore(nextPollAt)) {
            poll();
        }
    }

    /** Polls now, whatever the schedule says. */
    public synchronized Status poll() {
        String url = config.feed().url();
        FeedFetchState state = QuarkusTransaction.requiringNew().call(() -> {
            FeedFetchState s = FeedFetchState.findById(url);
            return s == null ? new FeedFetchState() : s;
        });
        Instant started = clock.instant();
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(url, state.etag, state.lastModified);
            String sha = fetched.notModified() ? state.contentSha256 : sha256(fetched.body());
            if (!fetched.notModified() && !sha.equals(state.contentSha256)) {
                lastReport = importer.importFeed(fetched.body(), url);
                lastReportAt = clock.instant();
            } else {
                LOG.debugf("feed %s unchanged", url);
            }
            save(url, s -> {
                s.etag = fetched.etag();
                s.lastModified = fetched.lastModified();
                s.contentSha256 = sha;
                s.lastAttemptAt = started;
                s.lastSuccessAt = clock.instant();
                s.lastError = null;
                s.consecutiveFailures = 0;
            });
            nextPollAt = clock.instant().plus(config.feed().interval());
        } catch (IOException | RuntimeException e) {
            failures.increment();
            String error = e instanceof FeedFormatException f
                    ? f.field() + ": " + f.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            FeedFetchState saved = save(url, s -> {
                s.lastAttemptAt = started;
                s.lastError = error;
                s.consecutiveFailures++;
            });
            Duration backoff = backoff(saved.consecutiveFailures);
            nextPollAt = clock.instant().plus(backoff);
            LOG.warnf(
                    "feed poll of %s failed (%d in a row), next try in %s: %s",
                    url, saved.consecutiveFailures, backoff, error);
        }
        return status();
    }

    private Duration backoff(int consecutiveFailures) {
        IngestConfig.Feed feed = config.feed();
        return backoff(feed.initialBackoff(), feed.maxBackoff(), feed.interval(), consecutiveFailures);
    }

    /** initial, doubled after each further failure, capped by max and by the regular interval. */
    static Duration backoff(Duration initial, Duration max, Duration interval, int consecutiveFailures) {
        Duration cap = max.compareTo(interval) < 0 ? max : interval;
        Duration d = initial;
        for (int i = 1; i < consecutiveFailures && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(cap) > 0 ? cap : d;
    }

    public Status status() {
        String url = config.feed().url();
        FeedFetchState s = QuarkusTransaction.requiringNew().call(() -> {
            FeedFetchState found = FeedFetchState.findById(url);
            return found == null ? new FeedFetchState() : found;
        });
        return new Status(
                url,
                config.feed().pollEnabled(),
                s.lastAttemptAt,
                s.lastSuccessAt,
                s.lastError,
                s.consecutiveFailures,
                nextPollAt,
                lastReportAt,
                lastReport);
    }

    private FeedFetchState save(String url, java.util.function.Consumer<FeedFetchState> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedFetchState s = FeedFetchState.findById(url);
            if (s == null) {
                s = new FeedFetchState();
                s.url = url;
                change.accept(s);
                s.persist();
            } else {
                change.accept(s);
            }
            return s;
        });
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
