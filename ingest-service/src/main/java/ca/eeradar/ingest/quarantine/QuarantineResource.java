package ca.eeradar.ingest.quarantine;

import ca.eeradar.kit.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Rounds that could not be recorded, newest first; resolved ones only on request. */
@Path("/api/v1/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class QuarantineResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Quarantine quarantine;

    public record QuarantineEntry(
            long id,
            String number,
            String reason,
            JsonNode raw,
            String sourceKind,
            String sourceReference,
            Instant firstSeenAt,
            Instant lastSeenAt,
            int seenCount,
            Instant resolvedAt) {}

    @GET
    public List<QuarantineEntry> list(
            @QueryParam("includeResolved") @DefaultValue("false") boolean includeResolved,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return quarantine.list(includeResolved, limit).stream()
                .map(QuarantineResource::entry)
                .toList();
    }

    private static QuarantineEntry entry(QuarantinedRound q) {
        return new QuarantineEntry(
                q.id,
                q.number,
                q.reason,
                raw(q.raw),
                q.sourceKind,
                q.sourceReference,
                q.firstSeenAt,
                q.lastSeenAt,
                q.seenCount,
                q.resolvedAt);
    }

    private static JsonNode raw(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return TextNode.valueOf(raw);
        }
    }
}
