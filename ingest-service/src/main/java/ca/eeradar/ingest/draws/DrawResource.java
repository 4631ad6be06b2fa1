package ca.eeradar.ingest.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Operators announce, correct and read rounds by hand. */
@Path("/api/v1/draws")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DrawResource {

    @Inject
    DrawRegistry registry;

    @Inject
    Clock clock;

    /** A round with every revision, oldest first. */
    public record DrawHistory(String number, Draw current, List<Draw> revisions) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response announce(JsonNode body, @Context UriInfo uri) {
        Draw draw = DrawInput.read(body, null, clock.instant());
        Recorded recorded = registry.record(draw, DrawRegistry.Intent.ANNOUNCE, null);
        Response.ResponseBuilder answer = recorded.outcome() == Recorded.Outcome.ANNOUNCED
                ? Response.created(uri.getAbsolutePathBuilder()
                        .path(recorded.draw().number())
                        .build())
                : Response.ok();
        return answer.entity(recorded.draw()).tag(tag(recorded.draw())).build();
    }

    /** A new revision when the facts differ; If-Match (an ETag of GET) guards against a concurrent correction. */
    @PUT
    @Path("{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response correct(
            @PathParam("number") String number, JsonNode body, @HeaderParam("If-Match") String ifMatch) {
        Draw draw = DrawInput.read(body, number, clock.instant());
        Recorded recorded = registry.record(draw, DrawRegistry.Intent.CORRECT, expectedRevision(ifMatch));
        return Response.ok(recorded.draw()).tag(tag(recorded.draw())).build();
    }

    @GET
    @Path("{number}")
    public Response get(@PathParam("number") String number) {
        String key = number.strip().toLowerCase(Locale.ROOT);
        Draw current = registry.current(key).orElseThrow(() -> ProblemException.notFound("round " + key));
        return Response.ok(new DrawHistory(key, current, registry.revisions(key)))
                .tag(tag(current))
                .build();
    }

    private static EntityTag tag(Draw draw) {
        return new EntityTag("r" + draw.revision());
    }

    private static Integer expectedRevision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!tag.matches("r\\d{1,9}")) {
            throw ProblemException.invalid("If-Match", "must be an ETag of GET /api/v1/draws/{number}, such as \"r2\"");
        }
        return Integer.valueOf(tag.substring(1));
    }
}
