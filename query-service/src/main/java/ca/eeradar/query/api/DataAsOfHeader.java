package ca.eeradar.query.api;

import ca.eeradar.query.readmodel.ReadModelVersion;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * {@code X-Data-As-Of} on every HTTP response (errors, 304s and health included): the time of the
 * newest event the read model has applied, so a mobile client can show "data as of". Absent only
 * while the read model is empty.
 */
@ApplicationScoped
public class DataAsOfHeader {
    public static final String HEADER = "X-Data-As-Of";
    /** A filter's route order is minus its priority: this runs before authentication, so 401s carry the header too. */
    private static final int FIRST = 2_000_000_000;

    @Inject
    ReadModelVersion version;

    /** The last time formatted: it changes only when an event is applied, and every response carries it. */
    private volatile Formatted last;

    private record Formatted(Instant asOf, String text) {}

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    rc.addHeadersEndHandler(v -> {
                        Instant asOf = version.dataAsOf();
                        if (asOf != null) {
                            rc.response().headers().set(HEADER, text(asOf));
                        }
                    });
                    rc.next();
                },
                FIRST);
    }

    private String text(Instant asOf) {
        Formatted f = last;
        if (f == null || !f.asOf().equals(asOf)) {
            f = new Formatted(asOf, asOf.toString());
            last = f;
        }
        return f.text();
    }
}
