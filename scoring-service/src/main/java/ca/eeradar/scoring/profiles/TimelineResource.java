package ca.eeradar.scoring.profiles;

import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import ca.eeradar.scoring.Today;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * GET the dated timeline of a stored profile's score (role profile-writer): the part of a score that
 * reveals the birthday and the test dates, so it is never on a topic (README "Privacy").
 */
@Path("/api/v1/candidates/{candidateId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WRITER, Roles.ADMIN})
public class TimelineResource {
    @Inject
    ProfileTimeline timelines;

    @Inject
    Today today;

    @GET
    public Response timeline(@PathParam("candidateId") String candidateId) {
        ProfileChecks.checkId(candidateId);
        ProfileTimeline.Answer answer = timelines
                .of(candidateId, today.date())
                .orElseThrow(() -> ProblemException.notFound("profile of candidate " + candidateId));
        // Personal data: no shared cache may keep it.
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.ok(answer)
                .tag(ProfileResource.etag(answer.profileVersion()))
                .cacheControl(noStore)
                .build();
    }
}
