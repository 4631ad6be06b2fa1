package ca.eeradar.kit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every 4xx/5xx answer of ee-radar
 * ({@code application/problem+json}). {@code errors} names each bad field or parameter, so a
 * client can show every mistake at once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String BASE = "https://ee-radar.local/problems/";

    public record FieldError(String field, String message) {}

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(BASE + slug, title, status, detail, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new Problem(BASE + "invalid-request", "Invalid request", 400, detail, List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
