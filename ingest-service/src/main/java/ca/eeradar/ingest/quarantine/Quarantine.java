package ca.eeradar.ingest.quarantine;

import ca.eeradar.contracts.Draw;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rounds that could not be recorded. The same raw round seen again (every poll of an unchanged feed) stays one
 * row with a count; a later readable version of the same round number resolves it.
 */
@ApplicationScoped
public class Quarantine {
    private static final Logger LOG = Logger.getLogger(Quarantine.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private Counter quarantined;

    @PostConstruct
    void metrics() {
        quarantined = Counter.builder("eeradar.ingest.rounds.quarantined")
                .description("Rounds put in quarantine (unreadable or breaking a rule), counting repeats")
                .register(registry);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void hold(String number, String raw, String reason, Draw.Source source) {
        String sha = sha256(raw);
        QuarantinedRound row = QuarantinedRound.find("rawSha256", sha).firstResult();
        if (row == null) {
            row = new QuarantinedRound();
            row.number = number;
            row.raw = raw;
            row.rawSha256 = sha;
            row.firstSeenAt = source.receivedAt();
            row.seenCount = 0;
        }
        row.reason = reason;
        row.sourceKind = source.kind().name();
        row.sourceReference = source.reference();
        row.lastSeenAt = source.receivedAt();
        row.seenCount++;
        row.resolvedAt = null;
        row.persist();
        quarantined.increment();
        // The raw round holds only public round data (no personal data), but the reason is enough for the log.
        LOG.warnf("round %s quarantined: %s", number, reason);
    }

    /** A readable version of the round was recorded: its earlier quarantine rows are resolved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(String number, Instant at) {
        em.createQuery(
                        "UPDATE QuarantinedRound q SET q.resolvedAt = :at WHERE q.number = :number AND q.resolvedAt IS NULL")
                .setParameter("at", at)
                .setParameter("number", number)
                .executeUpdate();
    }

    @Transactional
    public List<QuarantinedRound> list(boolean includeResolved, int limit) {
        String query = includeResolved
                ? "FROM QuarantinedRound ORDER BY lastSeenAt DESC, id DESC"
                : "FROM QuarantinedRound WHERE resolvedAt IS NULL ORDER BY lastSeenAt DESC, id DESC";
        return em.createQuery(query, QuarantinedRound.class)
                .setMaxResults(limit)
                .getResultList();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
