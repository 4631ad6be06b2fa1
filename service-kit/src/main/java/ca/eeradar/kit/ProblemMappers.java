package ca.eeradar.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error a request can cause into problem+json: bean validation, unreadable JSON (with
 * the path of the bad field), the services' own {@link ProblemException}s, and JAX-RS errors.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return Problem.invalid(List.of(jsonError(e))).toResponse();
    }

    /**
     * Quarkus REST's built-in mapper for {@link MismatchedInputException} (an unknown enum constant, a
     * string where a number belongs) is more specific than the JsonProcessingException one above and
     * answers plain JSON; this keeps such a body a problem+json 400 naming the field.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return Problem.of(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage())
                .toResponse();
    }

    static Problem.FieldError jsonError(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        String message;
        if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            message = "'" + f.getValue() + "' is not one of "
                    + Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f) {
            message =
                    "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        } else {
            message = e.getOriginalMessage();
        }
        return new Problem.FieldError(field, message);
    }

    /**
     * "score.profile.education.level" becomes "education.level" (clients know the body, not the
     * method); a violation on a query or path parameter keeps the parameter's name.
     */
    static String fieldName(ConstraintViolation<?> v) {
        List<Path.Node> nodes = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                nodes.add(node);
            }
        }
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
