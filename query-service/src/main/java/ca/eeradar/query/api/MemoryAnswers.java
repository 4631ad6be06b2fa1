package ca.eeradar.query.api;

import ca.eeradar.kit.security.Roles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * In front of the REST layer: a GET whose current answer is already in memory is answered here (most of
 * the traffic: a round or a pool is read by every client after it changes), exactly as the resource would
 * have answered it. An HTTP filter after authentication and the path permission check; it also checks the
 * reader roles the REST resources ask for, and leaves anything else (no answer, stale, another role, not a
 * GET) to them. Skipping the REST layer for these is measured in docs/benchmarks.md.
 */
@ApplicationScoped
public class MemoryAnswers {
    /**
     * Every resource answering through {@link Answers#respond} allows exactly these roles
     * ({@code @RolesAllowed({Roles.READER, Roles.WRITER, Roles.ADMIN})}): the filter checks them itself.
     */
    private static final String[] READ_ROLES = {Roles.READER, Roles.WRITER, Roles.ADMIN};
    /** Filter priority: below the authorization filter's (100), so after authentication and the path policy. */
    private static final int AFTER_AUTHORIZATION = 50;

    @Inject
    AnswerCache cache;

    @Inject
    MeterRegistry registry;

    /** Answers served here (200 and 304): against the request count, the share the cache takes. */
    private Counter served;

    @PostConstruct
    void meters() {
        served = Counter.builder("eeradar.query.answers.from.memory")
                .description("GET answers served from memory in front of the REST layer (200 and 304)")
                .register(registry);
    }

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    if (!serve(rc)) {
                        rc.next();
                    }
                },
                AFTER_AUTHORIZATION);
    }

    /** Answers a GET from memory when the current answer is here and the caller holds a reader role; false (nothing written) otherwise. */
    boolean serve(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.method() != HttpMethod.GET) {
            return false;
        }
        Answer known = cache.current(AnswerCache.key(request));
        if (known == null || !reader(rc)) {
            return false;
        }
        if (known.template() != null) {
            Vertx.currentContext().putLocal(Answers.PATH_TEMPLATE, known.template());
        }
        served.increment();
        HttpServerResponse out = rc.response();
        byte[] entity = known.write(
                request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.ACCEPT_ENCODING),
                out.headers()::set);
        if (entity == null) {
            out.setStatusCode(304).end();
        } else {
            out.end(Buffer.buffer(entity));
        }
        return true;
    }

    private static boolean reader(RoutingContext rc) {
        if (!(rc.user() instanceof QuarkusHttpUser user)
                || user.getSecurityIdentity().isAnonymous()) {
            return false;
        }
        for (String role : READ_ROLES) {
            if (user.getSecurityIdentity().hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
