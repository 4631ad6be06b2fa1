package ca.eeradar.query.api;

import ca.eeradar.contracts.EventJson;
import ca.eeradar.query.QueryConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * How a REST resource of this service answers: serialized once per read-model change, with a strong ETag,
 * 304 on a matching If-None-Match, gzip when asked, and kept in {@link AnswerCache} so that the next same
 * GET is answered by {@link MemoryAnswers} before the REST layer.
 */
@ApplicationScoped
public class Answers {
    /** Draws and pools: public facts, the same for every caller. Candidates: revalidate every time. */
    public enum Caching {
        SHARED,
        PRIVATE
    }

    /** Where RESTEasy leaves the matched path template for the HTTP metrics (a candidate id must not become a tag). */
    static final String PATH_TEMPLATE = "UrlPathTemplate";

    @Inject
    AnswerCache cache;

    @Inject
    QueryConfig config;

    @Inject
    CurrentVertxRequest currentRequest;

    /**
     * The answer to this request: computed on a worker thread (the read model is PostgreSQL over
     * blocking JDBC) unless the current one is in memory. A GET with a current answer rarely gets here
     * ({@link MemoryAnswers} answered it); a HEAD, or a GET that raced a computation, does.
     */
    public Uni<Response> respond(Caching caching, Supplier<Object> compute) {
        // Read on the request's thread: the worker that may compute the answer has no current request.
        HttpServerRequest request = currentRequest.getCurrent().request();
        String key = AnswerCache.key(request);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        String template =
                Vertx.currentContext() == null ? null : Vertx.currentContext().getLocal(PATH_TEMPLATE);
        Answer known = cache.current(key);
        if (known != null) {
            return Uni.createFrom().item(response(known, ifNoneMatch, acceptEncoding));
        }
        long version = cache.currentVersion();
        return Uni.createFrom()
                .item(() -> compute(key, version, caching, template, compute))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(answer -> response(answer, ifNoneMatch, acceptEncoding));
    }

    private Answer compute(String key, long version, Caching caching, String template, Supplier<Object> compute) {
        byte[] body = EventJson.write(compute.get());
        String cacheControl = caching == Caching.SHARED
                ? "public, max-age=" + config.cache().maxAge().toSeconds()
                : "private, no-cache";
        Answer answer = Answer.of(version, body, cacheControl, template);
        cache.keep(key, answer);
        return answer;
    }

    private static Response response(Answer answer, String ifNoneMatch, String acceptEncoding) {
        Response.ResponseBuilder out = Response.ok();
        byte[] entity = answer.write(ifNoneMatch, acceptEncoding, out::header);
        return entity == null
                ? out.status(Response.Status.NOT_MODIFIED).build()
                : out.entity(entity).build();
    }
}
