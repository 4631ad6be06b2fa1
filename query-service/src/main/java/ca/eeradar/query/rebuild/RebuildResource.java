package ca.eeradar.query.rebuild;

import ca.eeradar.kit.security.Roles;
import ca.eeradar.query.api.Examples;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/admin/read-model/rebuild")
public class RebuildResource {

    @Inject
    RebuildService rebuild;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Drop the read model and replay every topic from the beginning (synchronous; live consumption waits)")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "result", value = Examples.REBUILD)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running")
    public RebuildService.Result rebuild() {
        return rebuild.rebuild();
    }
}
