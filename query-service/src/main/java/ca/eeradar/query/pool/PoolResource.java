package ca.eeradar.query.pool;

import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import ca.eeradar.query.QueryConfig;
import ca.eeradar.query.api.Answers;
import ca.eeradar.query.api.Examples;
import ca.eeradar.query.api.Params;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/pool")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.WRITER, Roles.ADMIN})
public class PoolResource {

    @Inject
    PoolQueries pools;

    @Inject
    Answers answers;

    @Inject
    QueryConfig config;

    @GET
    @Path("/latest")
    @Operation(summary = "The newest published distribution of the pool (non-overlapping CRS bands)")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pool", value = Examples.POOL)))
    @APIResponse(responseCode = "404", description = "No round has published a distribution yet")
    public Uni<Response> latest() {
        return answers.respond(
                Answers.Caching.SHARED,
                () -> pools.latest().orElseThrow(() -> ProblemException.notFound("A pool distribution")));
    }

    @GET
    @Operation(summary = "Distributions per date between from and to, newest first; cursor pagination")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pools", value = Examples.POOL_PAGE)))
    public Uni<Response> between(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return answers.respond(Answers.Caching.SHARED, () -> {
            Params p = new Params();
            LocalDate f = p.date("from", from);
            LocalDate t = p.date("to", to);
            p.range(f, t);
            int n = p.limit(limit, config.page().defaultLimit(), config.page().maxLimit());
            LocalDate before = p.cursor(cursor, PoolQueries::fromCursor);
            p.check();
            return pools.between(f, t, before, n);
        });
    }
}
