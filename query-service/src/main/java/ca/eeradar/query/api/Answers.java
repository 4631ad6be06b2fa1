package ca.eeradar.query.api;

import ca.eeradar.kit.security.Roles;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.query.QueryConfig;
import ca.eeradar.query.readmodel.ReadModelVersion;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Serialized answers with strong ETags (SHA-256 of the exact bytes), kept in memory until the read
 * model changes: the read model only changes when an event is applied, so between two events the
 * same request has the same bytes. An entry remembers the read-model version it was computed
 * under and is used only while that version is current; a change committed while an answer was
 * being computed makes that answer stale at once.
 *
 * <p>Two ways out: a REST resource's {@link #respond}, which computes what is missing; and, in front
 * of the REST layer, {@link #serveFromMemory} for a GET whose current answer is already here (most of
 * the traffic: a round or a pool is read by every client after it changes). That one is an HTTP filter
 * after authentication and the path permission check; it also checks the reader roles the REST
 * resources ask for, and leaves anything else (no answer, stale, another role, not a GET) to them.
 * Skipping the REST layer for these gave about 1.7x the requests per second and brought p99 at 64
 * connections from 10-13 ms to 6-9 ms (docs/benchmarks.md).
 */
@ApplicationScoped
public class Answers {
    /** Draws and pools: public facts, the same for every caller. Candidates: revalidate every time. */
    public enum Caching { SHARED, PRIVATE }

    /**
     * Every resource answering through {@link #respond} allows exactly these roles
     * ({@code @RolesAllowed({Roles.READER, Roles.WRITER, Roles.ADMIN})}): {@link #serveFromMemory} checks them.
     */
    private static final String[] READ_ROLES = {Roles.READER, Roles.WRITER, Roles.ADMIN};
    /** Where RESTEasy leaves the matched path template for the HTTP metrics (a candidate id must not become a tag). */
    private static final String PATH_TEMPLATE = "UrlPathTemplate";
    /** Filter priority: below the authorization filter's (100), so after authentication and the path policy. */
    private static final int AFTER_AUTHORIZATION = 50;

    private record Answer(long version, byte[] body, byte[] gzipped, String etag, String cacheControl, String template) {
        /**
         * The headers of this answer to a request with these {@code If-None-Match} and {@code Accept-Encoding},
         * into {@code header}; answers the body to send, null for a 304. Both ways out write through this,
         * so an answer from memory is the REST answer header for header.
         */
        byte[] write(String ifNoneMatch, String acceptEncoding, BiConsumer<String, String> header) {
            header.accept(HttpHeaders.ETAG, etag);
            header.accept(HttpHeaders.CACHE_CONTROL, cacheControl);
            if (matches(ifNoneMatch, etag)) {
                return null;
            }
            header.accept(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            header.accept(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            // Compressed once per answer rather than once per request: the HTTP layer leaves a response
            // that already has a Content-Encoding alone. The ETag stays the one of the JSON bytes.
            if (acceptEncoding != null && acceptEncoding.contains("gzip")) {
                header.accept(HttpHeaders.CONTENT_ENCODING, "gzip");
                return gzipped;
            }
            return body;
        }
    }

    private final Map<String, Answer> cache = new ConcurrentHashMap<>();

    @Inject
    ReadModelVersion version;

    @Inject
    QueryConfig config;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    MeterRegistry registry;

    /** Answers served by {@link #serveFromMemory} (200 and 304): against the request count, the share the cache takes. */
    private Counter fromMemory;

    @PostConstruct
    void meters() {
        fromMemory = Counter.builder("eeradar.query.answers.from.memory")
                .description("GET answers served from memory in front of the REST layer (200 and 304)")
                .register(registry);
    }

    /**
     * The answer to this request: computed on a worker thread (the read model is PostgreSQL over
     * blocking JDBC) unless the current one is in memory. A GET with a current answer rarely gets here
     * ({@link #serveFromMemory} answered it); a HEAD, or a GET that raced a computation, does.
     */
    public Uni<Response> respond(Caching caching, Supplier<Object> compute) {
        // Read on the request's thread: the worker that may compute the answer has no current request.
        HttpServerRequest request = currentRequest.getCurrent().request();
        String key = key(request);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        String template = Vertx.currentContext() == null ? null : Vertx.currentContext().getLocal(PATH_TEMPLATE);
        long current = version.current();
        Answer known = cache.get(key);
        if (known != null && known.version() == current) {
            return Uni.createFrom().item(response(known, ifNoneMatch, acceptEncoding));
        }
        return Uni.createFrom().item(() -> compute(key, current, caching, template, compute))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(answer -> response(answer, ifNoneMatch, acceptEncoding));
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (!serveFromMemory(rc)) {
                rc.next();
            }
        }, AFTER_AUTHORIZATION);
    }

    /**
     * Answers a GET from memory, as {@link #respond} would, when the current answer is here and the
     * caller holds a reader role; false (nothing written) otherwise.
     */
    boolean serveFromMemory(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.method() != HttpMethod.GET) {
            return false;
        }
        Answer known = cache.get(key(request));
        if (known == null || known.version() != version.current() || !reader(rc)) {
            return false;
        }
        if (known.template() != null) {
            Vertx.currentContext().putLocal(PATH_TEMPLATE, known.template());
        }
        fromMemory.increment();
        HttpServerResponse out = rc.response();
        MultiMap headers = out.headers();
        byte[] entity = known.write(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.ACCEPT_ENCODING), headers::set);
        if (entity == null) {
            out.setStatusCode(304).end();
        } else {
            out.end(Buffer.buffer(entity));
        }
        return true;
    }

    private static boolean reader(RoutingContext rc) {
        if (!(rc.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            return false;
        }
        for (String role : READ_ROLES) {
            if (user.getSecurityIdentity().hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    private static String key(HttpServerRequest request) {
        return request.path() + "?" + request.query();
    }

    private Answer compute(String key, long version, Caching caching, String template, Supplier<Object> compute) {
        byte[] body = EventJson.write(compute.get());
        String cacheControl = caching == Caching.SHARED
                ? "public, max-age=" + config.cache().maxAge().toSeconds()
                : "private, no-cache";
        Answer answer = new Answer(version, body, gzip(body), etag(body), cacheControl, template);
        if (cache.size() >= config.cache().maxEntries()) {
            cache.clear();
        }
        if (config.cache().maxEntries() > 0) {
            cache.put(key, answer);
        }
        return answer;
    }

    private static Response response(Answer answer, String ifNoneMatch, String acceptEncoding) {
        Response.ResponseBuilder out = Response.ok();
        byte[] entity = answer.write(ifNoneMatch, acceptEncoding, out::header);
        return entity == null ? out.status(Response.Status.NOT_MODIFIED).build() : out.entity(entity).build();
    }

    static byte[] gzip(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 2 + 64);
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
