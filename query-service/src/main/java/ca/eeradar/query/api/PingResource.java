package ca.eeradar.query.api;

import ca.eeradar.kit.security.Roles;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A constant authenticated answer: the baseline of scripts/bench-query.sh (same stack, no read model).
 * On the event loop like a cached answer, so the baseline is the cheapest the service can answer.
 */
@Path("/api/v1/ping")
public class PingResource {
    private static final byte[] PONG = "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.READER, Roles.WRITER, Roles.ADMIN})
    @Operation(summary = "Constant answer for checking a token and measuring the service's baseline")
    public byte[] ping() {
        return PONG;
    }
}
