package ca.eeradar.query.candidates;

import ca.eeradar.kit.ProblemException;
import ca.eeradar.query.api.Answers;
import ca.eeradar.query.api.Examples;
import ca.eeradar.query.api.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/candidates/{candidateId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.WRITER, Roles.ADMIN})
public class CandidateResource {
    /** Candidate ids are opaque; this bounds them to what scoring-service issues and keeps junk out of SQL and logs. */
    private static final Pattern CANDIDATE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    CandidateQueries candidates;

    @Inject
    Answers answers;

    @GET
    @Path("/status")
    @Operation(summary = "Latest score, last cutoff and margin per eligible round kind, estimated rank, upcoming changes")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "status", value = Examples.STATUS)))
    @APIResponse(responseCode = "404", description = "Unknown (or erased) candidate")
    public Uni<Response> status(@PathParam("candidateId") String candidateId) {
        return answers.respond(Answers.Caching.PRIVATE, () -> {
            check(candidateId);
            return candidates.status(candidateId).orElseThrow(() -> ProblemException.notFound("Candidate " + candidateId));
        });
    }

    @GET
    @Path("/invitations")
    @Operation(summary = "Rounds the candidate would likely have been invited in, newest first")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "invitations", value = Examples.INVITATIONS)))
    @APIResponse(responseCode = "404", description = "Unknown (or erased) candidate")
    public Uni<Response> invitations(@PathParam("candidateId") String candidateId) {
        return answers.respond(Answers.Caching.PRIVATE, () -> {
            check(candidateId);
            return candidates.invitations(candidateId)
                    .orElseThrow(() -> ProblemException.notFound("Candidate " + candidateId));
        });
    }

    private static void check(String candidateId) {
        if (!CANDIDATE_ID.matcher(candidateId).matches()) {
            throw ProblemException.invalid("candidateId", "must be 1 to 100 letters, digits or . _ : -");
        }
    }
}
