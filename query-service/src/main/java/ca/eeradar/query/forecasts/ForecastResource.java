package ca.eeradar.query.forecasts;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.CrsScale;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.kit.Problem;
import ca.eeradar.kit.security.Roles;
import ca.eeradar.query.api.Answers;
import ca.eeradar.query.api.Params;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The invitation forecast for a hypothetical candidate, and the outlook of every stream of rounds: the model of
 * docs/forecast.md fitted on the rounds of the read model dated strictly before {@code asOf}.
 */
@Path("/api/v1/forecasts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.WRITER, Roles.ADMIN})
@Tag(name = "forecasts", description = "Statistical invitation forecasts from the public round history")
public class ForecastResource {
    @Inject
    Answers answers;

    @Inject
    RoundModels models;

    @Inject
    Clock clock;

    @GET
    @Operation(
            summary = "P(invited within 30, 90 and 180 days) for a candidate of a fixed score and eligibility",
            description =
                    "Uses only rounds dated strictly before asOf (default today, UTC). The score is held fixed and the"
                            + " profile is taken not to expire within 180 days; per stream, the 90-day probability as if it were the"
                            + " only stream. A statistical estimate from public round history, with the model version.")
    @APIResponse(responseCode = "200", description = "The forecast")
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter, named in errors[].field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> hypothetical(
            @QueryParam("score") @Parameter(description = "CRS score, 0 to 1200", required = true) String score,
            @QueryParam("programs") @Parameter(description = "CEC, FSW, FST, PNP; comma-separated or repeated")
                    List<String> programs,
            @QueryParam("categories")
                    @Parameter(
                            description =
                                    "categories as in the draw schema, e.g. FRENCH_LANGUAGE; comma-separated or repeated")
                    List<String> categories,
            @QueryParam("asOf") @Parameter(description = "YYYY-MM-DD, not in the future; default today") String asOf) {
        return answers.respond(Answers.Caching.SHARED, () -> {
            Params p = new Params();
            Integer s = score(p, score);
            List<Program> ps = list(p, "programs", programs, Program.class);
            List<Category> cs = list(p, "categories", categories, Category.class);
            LocalDate date = asOf(p, asOf);
            p.check();
            return ForecastAnswers.hypothetical(models.asOf(date), s, ps, cs);
        });
    }

    @GET
    @Path("/streams")
    @Operation(
            summary = "Per stream of rounds: expected rounds per 30 days and the next round's cutoff quantiles",
            description =
                    "Uses only rounds dated strictly before asOf (default today, UTC). p10/p50/p90 of the next round's"
                            + " cutoff; null where the stream's history gives no such probability.")
    @APIResponse(responseCode = "200", description = "The streams' outlook")
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter, named in errors[].field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> streams(
            @QueryParam("asOf") @Parameter(description = "YYYY-MM-DD, not in the future; default today") String asOf) {
        return answers.respond(Answers.Caching.SHARED, () -> {
            Params p = new Params();
            LocalDate date = asOf(p, asOf);
            p.check();
            return ForecastAnswers.streams(models.asOf(date));
        });
    }

    private static Integer score(Params p, String value) {
        if (value == null || value.isBlank()) {
            p.error("score", "is required: " + CrsScale.DESCRIPTION);
            return null;
        }
        try {
            int s = Integer.parseInt(value.trim());
            if (!CrsScale.isValid(s)) {
                p.error("score", CrsScale.DESCRIPTION + ", was " + s);
            }
            return s;
        } catch (NumberFormatException e) {
            p.error("score", "'" + value + "' is not an integer");
            return null;
        }
    }

    /** Values given repeated ({@code programs=CEC&programs=FSW}) or comma-separated ({@code programs=CEC,FSW}), once each. */
    private static <E extends Enum<E>> List<E> list(Params p, String name, List<String> values, Class<E> type) {
        Set<E> out = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        E e = p.enumValue(name, part, type);
                        if (e != null) {
                            out.add(e);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    private LocalDate asOf(Params p, String value) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = p.date("asOf", value);
        if (date != null && date.isAfter(today)) {
            p.error("asOf", date + " is in the future (today is " + today + ")");
        }
        return date == null ? today : date;
    }
}
