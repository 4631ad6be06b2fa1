package ca.eeradar.query.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.contracts.rules.RoundNumber;
import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import ca.eeradar.query.QueryConfig;
import ca.eeradar.query.api.Answers;
import ca.eeradar.query.api.Examples;
import ca.eeradar.query.api.Params;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/draws")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.WRITER, Roles.ADMIN})
public class DrawResource {

    @Inject
    DrawQueries draws;

    @Inject
    Answers answers;

    @Inject
    QueryConfig config;

    @GET
    @Operation(
            summary =
                    "Rounds, newest first, filtered; cursor pagination (limit capped at ee-radar.query.page.max-limit)")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = Examples.DRAW_PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter, named in errors[].field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad", value = Examples.PROBLEM)))
    public Uni<Response> list(
            @QueryParam("roundType") @Parameter(description = "GENERAL, PROGRAM or CATEGORY") String roundType,
            @QueryParam("program") @Parameter(description = "CEC, FSW, FST or PNP") String program,
            @QueryParam("category") @Parameter(description = "e.g. STEM, FRENCH_LANGUAGE") String category,
            @QueryParam("from") @Parameter(description = "first draw date, YYYY-MM-DD") String from,
            @QueryParam("to") @Parameter(description = "last draw date, YYYY-MM-DD") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return answers.respond(Answers.Caching.SHARED, () -> {
            Params p = new Params();
            DrawFilter filter = filter(p, roundType, program, category, from, to);
            int n = p.limit(limit, config.page().defaultLimit(), config.page().maxLimit());
            DrawPosition after = p.cursor(cursor, DrawPosition::fromCursor);
            p.check();
            return draws.list(filter, after, n);
        });
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The newest round matching the filters")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "draw", value = Examples.DRAW)))
    @APIResponse(responseCode = "404", description = "No round matches")
    public Uni<Response> latest(
            @QueryParam("roundType") String roundType,
            @QueryParam("program") String program,
            @QueryParam("category") String category) {
        return answers.respond(Answers.Caching.SHARED, () -> {
            Params p = new Params();
            DrawFilter filter = filter(p, roundType, program, category, null, null);
            p.check();
            return draws.latest(filter)
                    .map(d -> detail(d))
                    .orElseThrow(() -> ProblemException.notFound("A round matching these filters"));
        });
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Rounds, invitations and min/median/max cutoff per year, category or program")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "by year", value = Examples.STATS)))
    public Uni<Response> stats(
            @QueryParam("groupBy") @Parameter(description = "year (default), category or program") String groupBy,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return answers.respond(Answers.Caching.SHARED, () -> {
            Params p = new Params();
            StatsGroupBy by = groupBy == null || groupBy.isBlank()
                    ? StatsGroupBy.year
                    : p.enumValue("groupBy", groupBy, StatsGroupBy.class);
            LocalDate f = p.date("from", from);
            LocalDate t = p.date("to", to);
            p.range(f, t);
            p.check();
            return draws.stats(by, f, t);
        });
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "One round: its current revision, the number of revisions received, and its evaluation")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "draw", value = Examples.DRAW)))
    @APIResponse(responseCode = "404", description = "Unknown round")
    public Uni<Response> byNumber(@PathParam("number") @Parameter(description = "e.g. 392 or 91a") String number) {
        return answers.respond(Answers.Caching.SHARED, () -> {
            if (!RoundNumber.isValid(number)) {
                throw ProblemException.invalid("number", RoundNumber.DESCRIPTION);
            }
            return draws.byNumber(number)
                    .map(this::detail)
                    .orElseThrow(() -> ProblemException.notFound("Round " + number));
        });
    }

    private ObjectNode detail(DrawQueries.StoredDraw d) {
        ObjectNode view = d.view();
        view.set("evaluation", draws.evaluation(d.draw().number()).orElse(null));
        return view;
    }

    private static DrawFilter filter(
            Params p, String roundType, String program, String category, String from, String to) {
        DrawFilter filter = new DrawFilter(
                p.enumValue("roundType", roundType, Draw.RoundType.class),
                p.enumValue("program", program, Program.class),
                p.enumValue("category", category, Category.class),
                p.date("from", from),
                p.date("to", to));
        p.range(filter.from(), filter.to());
        return filter;
    }
}
