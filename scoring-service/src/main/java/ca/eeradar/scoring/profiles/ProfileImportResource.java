package ca.eeradar.scoring.profiles;

import ca.eeradar.kit.security.Roles;
import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.scoring.ScoringConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Many profiles in one request (an adviser migrating a client file, a mobile backend syncing):
 * each item is stored exactly as {@code PUT /api/v1/candidates/{id}/profile} without If-Match
 * would store it, with the same CandidateScored event, but all items in one transaction: any
 * invalid item and nothing is written.
 */
@Path("/api/v1/profile-imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WRITER, Roles.ADMIN})
public class ProfileImportResource {
    @Inject
    ProfileStore store;

    @Inject
    ScoringConfig config;

    public record ProfileImport(List<ProfileStore.Submission> items) {
    }

    /** {@code outcome}: CREATED or UPDATED; {@code etag}: what GET answers in ETag and If-Match expects. */
    public record Item(String candidateId, String outcome, long version, String etag, int total, String rulesVersion) {
    }

    public record Imported(int imported, int created, int updated, List<Item> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Imported importProfiles(ProfileImport request) {
        List<ProfileStore.Submission> items = request == null ? null : request.items();
        if (items == null || items.isEmpty()) {
            throw ProblemException.invalid("items", "at least one {candidateId, profile} is required");
        }
        int max = config.profileImport().maxItems();
        if (items.size() > max) {
            Problem tooMany = Problem.of(413, "too-many-items", "Too many items",
                    items.size() + " items in one import; at most " + max + ": send the rest in further imports");
            throw new ProblemException(new Problem(tooMany.type(), tooMany.title(), tooMany.status(), tooMany.detail(),
                    List.of(new Problem.FieldError("items", "at most " + max + " per import"))));
        }
        List<ProfileStore.Saved> saved = store.importAll(items, LocalDate.now(config.zone()));
        List<Item> answer = new ArrayList<>(saved.size());
        int created = 0;
        for (ProfileStore.Saved s : saved) {
            created += s.created() ? 1 : 0;
            answer.add(new Item(s.score().candidateId(), s.created() ? "CREATED" : "UPDATED", s.version(),
                    ProfileResource.etag(s.version()).toString(), s.score().total(), s.score().rulesVersion()));
        }
        return new Imported(saved.size(), created, saved.size() - created, answer);
    }
}
