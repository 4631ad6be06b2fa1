package ca.eeradar.ingest.quarantine;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A round of a feed that could not be recorded, kept verbatim with the reason for an operator to look at. */
@Entity
@Table(name = "quarantined_round")
public class QuarantinedRound extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String number;
    public String raw;

    @Column(name = "raw_sha256")
    public String rawSha256;

    public String reason;

    @Column(name = "source_kind")
    public String sourceKind;

    @Column(name = "source_reference")
    public String sourceReference;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "seen_count")
    public int seenCount;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
