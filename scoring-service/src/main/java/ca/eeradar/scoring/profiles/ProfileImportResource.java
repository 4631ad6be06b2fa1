package ca.eeradar.scoring.profiles;

import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.Today;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

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
    Today today;

    @Inject
    ProfileStore store;

    @Inject
    ScoringConfig config;

    public record ProfileImport(@Valid List<ProfileStore.Submission> items) {}

    /** {@code outcome}: CREATED or UPDATED; {@code etag}: what GET answers in ETag and If-Match expects. */
    public record Item(String candidateId, String outcome, long version, String etag, int total, String rulesVersion) {}

    public record Imported(int imported, int created, int updated, List<Item> items) {}

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    /**
     * The body is read as a stream, one item at a time, so an import over the cap is refused when its
     * first extra item begins, before the rest is read or deserialised: an oversized import costs the
     * service one item's memory, not the whole body's.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProfileImport.class)))
    public Imported importProfiles(InputStream body) throws IOException {
        ProfileImport request = read(body, config.profileImport().maxItems());
        Set<ConstraintViolation<ProfileImport>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        List<ProfileStore.Submission> items = request.items();
        if (items == null || items.isEmpty()) {
            throw ProblemException.invalid("items", "at least one {candidateId, profile} is required");
        }
        List<ProfileStore.Saved> saved = store.importAll(items, today.date());
        List<Item> answer = new ArrayList<>(saved.size());
        int created = 0;
        for (ProfileStore.Saved s : saved) {
            created += s.created() ? 1 : 0;
            answer.add(new Item(
                    s.score().candidateId(),
                    s.created() ? "CREATED" : "UPDATED",
                    s.version(),
                    ProfileResource.etag(s.version()).toString(),
                    s.score().total(),
                    s.score().rulesVersion()));
        }
        return new Imported(saved.size(), created, saved.size() - created, answer);
    }

    /** {@code {"items": [...]}}, stopping with 413 at item {@code max + 1}. */
    private ProfileImport read(InputStream body, int max) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.invalid("body", "an object {\"items\": [...]} is required");
            }
            List<ProfileStore.Submission> items = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"items".equals(field)) {
                    throw ProblemException.invalid(field, "unknown field '" + field + "'");
                }
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw ProblemException.invalid("items", "an array of {candidateId, profile} is required");
                }
                items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (items.size() == max) {
                        throw tooMany(max);
                    }
                    try {
                        items.add(json.readValue(parser, ProfileStore.Submission.class));
                    } catch (JsonMappingException e) {
                        e.prependPath(new JsonMappingException.Reference(null, items.size()));
                        e.prependPath(new JsonMappingException.Reference(null, "items"));
                        throw e;
                    }
                }
            }
            return new ProfileImport(items);
        }
    }

    private static ProblemException tooMany(int max) {
        Problem tooMany = Problem.of(
                413,
                "too-many-items",
                "Too many items",
                "more than " + max + " items in one import: send the rest in further imports");
        return new ProblemException(new Problem(
                tooMany.type(),
                tooMany.title(),
                tooMany.status(),
                tooMany.detail(),
                List.of(new Problem.FieldError("items", "at most " + max + " per import"))));
    }
}
