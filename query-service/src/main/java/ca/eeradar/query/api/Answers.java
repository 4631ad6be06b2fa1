package ca.eeradar.query.api;

import ca.eeradar.contracts.EventJson;
import ca.eeradar.query.QueryConfig;
import ca.eeradar.query.readmodel.ReadModelVersion;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.util.function.Supplier;

/**
 * Serialized answers with strong ETags (SHA-256 of the exact bytes), kept in memory until the read
 * model changes: the read model only changes when an event is applied, so between two events the
 * same request has the same bytes. An entry remembers the read-model version it was computed
 * under and is used only while that version is current; a change committed while an answer was
 * being computed makes that answer stale at once.
 */
@ApplicationScoped
public class Answers {
    /** Draws and pools: public facts, the same for every caller. Candidates: revalidate every time. */
    public enum Caching { SHARED, PRIVATE }

    private record Answer(long version, byte[] body, byte[] gzipped, String etag) {
    }

    private final Map<String, Answer> cache = new ConcurrentHashMap<>();

    @Inject
    ReadModelVersion version;

    @Inject
    QueryConfig config;

    @Inject
    CurrentVertxRequest currentRequest;

    /**
     * The answer to this request: from memory on the event loop when the read model has not changed
     * since it was computed, otherwise computed on a worker thread (the read model is PostgreSQL over
     * blocking JDBC). Serving the cached case without leaving the event loop is what keeps a hot
     * answer as cheap as a constant one (scripts/bench-query.sh).
     */
    public Uni<Response> respond(Caching caching, Supplier<Object> compute) {
        // Read on the request's thread: the worker that may compute the answer has no current request.
        HttpServerRequest request = currentRequest.getCurrent().request();
        String key = request.path() + "?" + request.query();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        long current = version.current();
        Answer known = cache.get(key);
        if (known != null && known.version() == current) {
            return Uni.createFrom().item(response(known, caching, ifNoneMatch, acceptEncoding));
        }
        return Uni.createFrom().item(() -> compute(key, current, compute))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(answer -> response(answer, caching, ifNoneMatch, acceptEncoding));
    }

    private Answer compute(String key, long version, Supplier<Object> compute) {
        byte[] body = EventJson.write(compute.get());
        Answer answer = new Answer(version, body, gzip(body), etag(body));
        if (cache.size() >= config.cache().maxEntries()) {
            cache.clear();
        }
        if (config.cache().maxEntries() > 0) {
            cache.put(key, answer);
        }
        return answer;
    }

    private Response response(Answer answer, Caching caching, String ifNoneMatch, String acceptEncoding) {
        String cacheControl = caching == Caching.SHARED
                ? "public, max-age=" + config.cache().maxAge().toSeconds()
                : "private, no-cache";
        if (matches(ifNoneMatch, answer.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, answer.etag())
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        Response.ResponseBuilder ok = Response.ok().type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, answer.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        // Compressed once per answer rather than once per request: the HTTP layer leaves a response
        // that already has a Content-Encoding alone. The ETag stays the one of the JSON bytes.
        if (acceptEncoding != null && acceptEncoding.contains("gzip")) {
            return ok.entity(answer.gzipped()).header(HttpHeaders.CONTENT_ENCODING, "gzip").build();
        }
        return ok.entity(answer.body()).build();
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
