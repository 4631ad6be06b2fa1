package ca.eeradar.ingest.feed;

import ca.eeradar.contracts.Draw;
import ca.eeradar.ingest.draws.DrawRegistry;
import ca.eeradar.ingest.draws.DrawRules;
import ca.eeradar.ingest.draws.Recorded;
import ca.eeradar.ingest.quarantine.Quarantine;
import ca.eeradar.kit.Problem.FieldError;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The one path of a feed document into the registry, whether the poller fetched it or an operator posted it.
 * Each round is recorded in its own transaction: a bad round is quarantined and the rest of the import goes on.
 */
@ApplicationScoped
public class FeedImporter {
    private static final Logger LOG = Logger.getLogger(FeedImporter.class);

    /** Rounds recorded per transaction. */
    static final int CHUNK = 50;

    @Inject
    DrawRegistry registry;

    @Inject
    Quarantine quarantine;

    @Inject
    Clock clock;

    private volatile boolean stopping;

    /**
     * @throws FeedFormatException when the document is not a rounds feed at all (nothing is imported)
     */
    public FeedReport importFeed(byte[] document, String reference) {
        Instant now = clock.instant();
        Draw.Source source = new Draw.Source(Draw.SourceKind.IRCC_FEED, reference, now);
        List<FeedRound> rounds = new ArrayList<>(IrccFeedParser.parse(document, source));
        // IRCC lists the newest round first; recording the oldest first puts the topic in the order rounds ran.
        java.util.Collections.reverse(rounds);
        Map<String, Draw> current = registry.currentByNumber();
        Tally tally = new Tally();
        List<FeedRound.Parsed> toRecord = new ArrayList<>();
        for (FeedRound round : rounds) {
            if (stopping) {
                throw new IllegalStateException("shutting down: import of " + reference + " interrupted");
            }
            if (round instanceof FeedRound.Unreadable u) {
                hold(round, u.reason(), source, tally);
            } else if (round instanceof FeedRound.Parsed p) {
                List<FieldError> errors = DrawRules.check(p.draw(), now);
                if (!errors.isEmpty()) {
                    hold(
                            round,
                            errors.stream()
                                    .map(e -> e.field() + ": " + e.message())
                                    .collect(Collectors.joining("; ")),
                            source,
                            tally);
                } else if (current.containsKey(p.number())
                        && DrawRegistry.sameFacts(current.get(p.number()), p.draw())) {
                    tally.unchanged++;
                } else {
                    toRecord.add(p);
                    if (toRecord.size() == CHUNK) {
                        record(toRecord, source, tally);
                    }
                }
            }
        }
        record(toRecord, source, tally);
        List<FeedReport.Held> held = tally.held;
        java.util.Collections.reverse(held);
        LOG.infof(
                "feed %s: %d rounds, %d announced, %d corrected, %d unchanged, %d quarantined",
                reference, rounds.size(), tally.announced, tally.corrected, tally.unchanged, held.size());
        return new FeedReport(rounds.size(), tally.announced, tally.corrected, tally.unchanged, List.copyOf(held));
    }

    private static final class Tally {
        int announced;
        int corrected;
        int unchanged;
        final List<FeedReport.Held> held = new ArrayList<>();

        void count(Recorded recorded) {
            switch (recorded.outcome()) {
                case ANNOUNCED -> announced++;
                case CORRECTED -> corrected++;
                case UNCHANGED -> unchanged++;
            }
        }
    }

    /** Records a chunk in one transaction; if that fails, round by round, quarantining the ones that fail alone. */
    private void record(List<FeedRound.Parsed> chunk, Draw.Source source, Tally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            registry.recordAll(chunk.stream().map(FeedRound.Parsed::draw).toList())
                    .forEach(tally::count);
        } catch (RuntimeException chunkFailed) {
            LOG.warnf(
                    "recording %d rounds together failed (%s); recording them one by one",
                    chunk.size(), chunkFailed.getMessage());
            for (FeedRound.Parsed p : chunk) {
                try {
                    tally.count(registry.record(p.draw(), DrawRegistry.Intent.IMPORT, null));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "round %s could not be recorded", p.number());
                    hold(p, "could not be recorded: " + e.getMessage(), source, tally);
                }
            }
        }
        chunk.clear();
    }

    private void hold(FeedRound round, String reason, Draw.Source source, Tally tally) {
        quarantine.hold(round.number(), round.raw(), reason, source);
        tally.held.add(new FeedReport.Held(round.number(), reason));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
