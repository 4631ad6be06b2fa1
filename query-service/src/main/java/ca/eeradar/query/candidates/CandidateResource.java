package ca.eeradar.query.candidates;

import ca.eeradar.contracts.rules.CandidateId;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import ca.eeradar.query.api.Answers;
import ca.eeradar.query.api.Examples;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/candidates/{candidateId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.WRITER, Roles.ADMIN})
public class CandidateResource {

    @Inject
    CandidateQueries candidates;

    @Inject
    Answers answers;

    @GET
    @Path("/status")
    @Operation(
            summary =
                    "Latest score, last cutoff and margin per eligible round kind, estimated rank, upcoming changes,"
                            + " latest invitation forecast (a statistical estimate from public round history, with model version)")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "status", value = Examples.STATUS)))
    @APIResponse(responseCode = "404", description = "Unknown (or erased) candidate")
    public Uni<Response> status(@PathParam("candidateId") String candidateId) {
        return answers.respond(Answers.Caching.PRIVATE, () -> {
            check(candidateId);
            return candidates
                    .status(candidateId)
                    .orElseThrow(() -> ProblemException.notFound("Candidate " + candidateId));
        });
    }

    @GET
    @Path("/invitations")
    @Operation(summary = "Rounds the candidate would likely have been invited in, newest first")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "invitations", value = Examples.INVITATIONS)))
    @APIResponse(responseCode = "404", description = "Unknown (or erased) candidate")
    public Uni<Response> invitations(@PathParam("candidateId") String candidateId) {
        return answers.respond(Answers.Caching.PRIVATE, () -> {
            check(candidateId);
            return candidates
                    .invitations(candidateId)
                    .orElseThrow(() -> ProblemException.notFound("Candidate " + candidateId));
        });
    }

    private static void check(String candidateId) {
        if (!CandidateId.isValid(candidateId)) {
            throw ProblemException.invalid("candidateId", CandidateId.DESCRIPTION);
        }
    }
}
