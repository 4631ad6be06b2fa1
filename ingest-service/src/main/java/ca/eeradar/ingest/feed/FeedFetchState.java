package ca.eeradar.ingest.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the poller knows about one feed URL: validators for the conditional GET and the last outcome. */
@Entity
@Table(name = "feed_fetch")
public class FeedFetchState extends PanacheEntityBase {
    @Id
    public String url;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "content_sha256")
    public String contentSha256;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
}
