package ca.eeradar.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body ({@code Content-Length}) is larger than {@code ee-radar.http.max-body-size}
 * with a 413 problem+json, before any byte of it is read or stored. Quarkus' own
 * {@code quarkus.http.limits.max-body-size} stays set above this one as the hard stop for bodies sent without a
 * length (chunked): that one answers a bare 413 and closes the connection.
 */
@ApplicationScoped
public class BodyLimit {
    /** Before authentication: an oversized body is refused whoever sends it. */
    private static final int FIRST = 1_000;

    @ConfigProperty(name = "ee-radar.http.max-body-size", defaultValue = "4M")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(this::check, FIRST);
    }

    void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= maxBodySize.asLongValue()) {
            rc.next();
            return;
        }
        Problem problem = Problem.of(
                413,
                "payload-too-large",
                "Payload too large",
                "the body has " + declared + " bytes; this service accepts at most " + maxBodySize.asLongValue());
        try {
            rc.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.fail(413);
        }
    }
}
