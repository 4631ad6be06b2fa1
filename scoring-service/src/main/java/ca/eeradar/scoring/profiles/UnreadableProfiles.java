package ca.eeradar.scoring.profiles;

import ca.eeradar.kit.ProblemMappers;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST's built-in mapper for {@link MismatchedInputException} (an unknown enum constant, a
 * string where a number belongs) is more specific than service-kit's JsonProcessingException
 * mapper and answers plain JSON; this one keeps such a profile a problem+json 400 naming the field.
 */
public class UnreadableProfiles {
    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return problems.unreadableJson(e);
    }
}
