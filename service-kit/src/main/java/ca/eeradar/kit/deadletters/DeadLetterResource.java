package ca.eeradar.kit.deadletters;

import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The operator's view of a consuming service's dead letters (role {@code draw-admin}): what lies in each
 * DLQ and why, and the redrive of chosen ones after a fix. Present in a service that sets the build
 * property {@code ee-radar.kit.dead-letters-api=true} and produces its {@link DeadLetterSettings}.
 */
@Path("/api/v1/dead-letters")
@IfBuildProperty(name = "ee-radar.kit.dead-letters-api", stringValue = "true")
public class DeadLetterResource {
    @Inject
    DeadLetterSettings settings;

    @Inject
    DeadLetterInventory inventory;

    @Inject
    Redrive redrive;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Dead letters per DLQ of the topics this service consumes: count, reasons with counts,"
                    + " oldest rejection, how many were redriven")
    public List<DeadLetterInventory.DeadLetterSummary> list() {
        return inventory.list(settings);
    }

    @POST
    @Path("/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Re-publish chosen dead letters (offsets, or all, optionally of one reason) unchanged to their"
                    + " original topic; each DLQ record is published once, however often it is asked for")
    @APIResponse(responseCode = "200", description = "What was redriven, skipped as redriven before, or not found")
    @APIResponse(
            responseCode = "400",
            description = "A bad field, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Redrive.RedriveResult redrive(RedriveRequest request) {
        if (request == null) {
            throw ProblemException.invalid("topic", "a body is required");
        }
        return redrive.redrive(request, settings);
    }
}
