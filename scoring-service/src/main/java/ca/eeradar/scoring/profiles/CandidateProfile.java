package ca.eeradar.scoring.profiles;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored profile (the request path's view). {@code version} is the ETag: it grows by one on every
 * replace and is checked against If-Match under a row lock. The daily re-score never loads this
 * entity: it streams the same table with plain JDBC ({@link ProfileStream}).
 */
@Entity
@Table(name = "candidate_profile")
public class CandidateProfile extends PanacheEntityBase {
    @Id
    @Column(name = "candidate_id")
    public String candidateId;

    public long version;

    @Column(name = "profile_json")
    public String profileJson;

    @Column(name = "profile_compact")
    public byte[] profileCompact;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "score_as_of")
    public LocalDate scoreAsOf;

    @Column(name = "score_total")
    public int scoreTotal;

    @Column(name = "score_fingerprint")
    public String scoreFingerprint;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
