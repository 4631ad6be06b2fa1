package ca.eeradar.kit.security;

import ca.eeradar.kit.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Answers a refused bearer token (bad signature, wrong issuer, expired, or meant for another service's
 * audience) with a 401 problem+json. Tokens are checked proactively, before any JAX-RS resource runs,
 * so the kit's exception mappers never see this failure: it has to be caught on the HTTP router.
 */
@ApplicationScoped
public class RefusedTokens {

    @Inject
    ObjectMapper json;

    void onRouter(@Observes Router router) {
        router.route().order(-1_000).failureHandler(this::answer);
    }

    void answer(RoutingContext ctx) {
        Problem problem;
        if (ctx.failure() instanceof AuthenticationFailedException) {
            problem = Problem.of(
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "the bearer token is missing, expired, not signed by the trusted issuer or not meant for this service");
        } else {
            ctx.next();
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        try {
            if (problem.status() == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
            }
            ctx.response()
                    .setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.next();
        }
    }
}
