package ca.eeradar.ingest.draws;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One revision of a round: the complete draw as published in its event. Never updated. */
@Entity
@Table(name = "draw_revision")
@IdClass(DrawRevision.Key.class)
public class DrawRevision extends PanacheEntityBase {
    @Id
    public String number;

    @Id
    public int revision;

    public String payload;

    @Column(name = "source_kind")
    public String sourceKind;

    @Column(name = "source_reference")
    public String sourceReference;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static class Key implements Serializable {
        public String number;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.revision == revision && java.util.Objects.equals(k.number, number);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(number, revision);
        }
    }
}
