package ca.eeradar.scoring.profiles;

import ca.eeradar.kit.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The edge of the profile store: its refusals as problem+json answers. */
public class ProfileRefusals {
    @ServerExceptionMapper
    public Response refused(ProfileRefused e) {
        Problem problem =
                switch (e.reason()) {
                    case NO_PROFILE -> Problem.of(404, "not-found", "Not found", e.getMessage());
                    case VERSION_MOVED -> Problem.of(412, "precondition-failed", "Precondition failed", e.getMessage());
                    case CREATED_CONCURRENTLY -> Problem.of(409, "conflict", "Conflict", e.getMessage());
                };
        return problem.toResponse();
    }
}
