package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.Profile;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import ca.eeradar.scoring.Today;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The profile store: PUT (create/replace, answers the score summary), GET, DELETE (erasure). ETag = version. */
@Path("/api/v1/candidates/{candidateId}/profile")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WRITER, Roles.ADMIN})
public class ProfileResource {
    @Inject
    ProfileStore store;

    @Inject
    Today today;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(
            @PathParam("candidateId") String candidateId,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @BoundedLists Profile profile) {
        ProfileStore.Saved saved = store.put(
                candidateId,
                profile,
                version(ifMatch),
                "*".equals(ifNoneMatch == null ? null : ifNoneMatch.trim()),
                today.date());
        return Response.status(saved.created() ? 201 : 200)
                .tag(etag(saved.version()))
                .entity(saved.score())
                .build();
    }

    @GET
    public Response get(@PathParam("candidateId") String candidateId) {
        ProfileStore.Stored stored = store.get(candidateId)
                .orElseThrow(() -> ProblemException.notFound("profile of candidate " + candidateId));
        return Response.ok(stored.profile()).tag(etag(stored.version())).build();
    }

    @DELETE
    public Response delete(@PathParam("candidateId") String candidateId, @HeaderParam("If-Match") String ifMatch) {
        store.erase(candidateId, version(ifMatch));
        return Response.noContent().build();
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** "3", "\"3\"" or W/"3" -> 3; "*" -> any; absent -> no check. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.equals("*")) {
            return ProfileStore.ANY_VERSION;
        }
        v = v.startsWith("W/") ? v.substring(2) : v;
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the ETag of the stored profile, e.g. \"3\"");
        }
    }
}
