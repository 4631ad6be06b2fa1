package ca.eeradar.kit;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request carrying a query parameter its resource method does not declare (400 naming each
 * one). A misspelt filter ({@code ?progam=CEC}) would otherwise be ignored silently and answer the
 * unfiltered list; and an answer cache keyed on the query string must only ever see the parameters an
 * endpoint accepts, so that arbitrary strings cannot become new keys.
 */
public class DeclaredQueryParameters {
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUndeclared(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> names = namesIn(request.getUriInfo().getRequestUri().getRawQuery());
        if (names.isEmpty()) {
            return;
        }
        Set<String> accepted = declared.computeIfAbsent(method, DeclaredQueryParameters::namesOf);
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (String name : names) {
            if (!accepted.contains(name)) {
                unknown.add(new Problem.FieldError(
                        name,
                        accepted.isEmpty()
                                ? "unknown query parameter: this endpoint takes none"
                                : "unknown query parameter; this endpoint takes "
                                        + String.join(
                                                ", ", accepted.stream().sorted().toList())));
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(java.util.Comparator.comparing(Problem.FieldError::field));
            throw ProblemException.invalid(unknown);
        }
    }

    /**
     * The exact names of the query string: the framework's parameter map ignores case, which would let
     * {@code ?asof=} pass as {@code asOf} while the answer cache sees another key.
     */
    static Set<String> namesIn(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new java.util.TreeSet<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                names.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    private static Set<String> namesOf(Method method) {
        Set<String> names = new HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                } else if (a instanceof RestQuery r && !r.value().isEmpty()) {
                    names.add(r.value());
                }
            }
        }
        return Set.copyOf(names);
    }
}
