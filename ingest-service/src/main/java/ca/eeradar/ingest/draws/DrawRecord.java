package ca.eeradar.ingest.draws;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A round and its current revision; every revision is a {@link DrawRevision}. */
@Entity
@Table(name = "draw")
public class DrawRecord extends PanacheEntityBase {
    @Id
    public String number;

    public int revision;

    @Column(name = "draw_date")
    public LocalDate drawDate;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
