package ca.eeradar.query.api;

import ca.eeradar.query.QueryConfig;
import ca.eeradar.query.readmodel.ReadModelVersion;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers kept in memory, by request (path and query string). An entry is used only while the
 * read-model version it was computed under is current: the read model only changes when an event is
 * applied, so between two events the same request has the same bytes, and a change committed while an
 * answer was being computed makes that answer stale at once. Bounded by {@code ee-radar.query.cache.*}:
 * when full, it starts again empty (the next change would make most entries stale anyway).
 */
@ApplicationScoped
public class AnswerCache {
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    @Inject
    ReadModelVersion version;

    @Inject
    QueryConfig config;

    static String key(HttpServerRequest request) {
        return request.path() + "?" + request.query();
    }

    long currentVersion() {
        return version.current();
    }

    /** The answer to this request if it is current, else null. */
    Answer current(String key) {
        Answer known = answers.get(key);
        return known != null && known.version() == version.current() ? known : null;
    }

    void keep(String key, Answer answer) {
        if (config.cache().maxEntries() <= 0) {
            return;
        }
        if (answers.size() >= config.cache().maxEntries()) {
            answers.clear();
        }
        answers.put(key, answer);
    }
}
