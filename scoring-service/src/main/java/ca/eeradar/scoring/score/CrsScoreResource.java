package ca.eeradar.scoring.score;

import ca.eeradar.crs.Profile;
import ca.eeradar.crs.ScoreReport;
import ca.eeradar.kit.Problem;
import ca.eeradar.kit.security.Roles;
import ca.eeradar.scoring.profiles.BoundedLists;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/crs")
@Tag(name = "CRS", description = "Comprehensive Ranking System score and eligibility of a profile on a date")
public class CrsScoreResource {
    private final ScoreService scores;

    public CrsScoreResource(ScoreService scores) {
        this.scores = scores;
    }

    @POST
    @Path("/score")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.READER, Roles.WRITER, Roles.ADMIN})
    @Operation(
            summary = "Score a profile",
            description =
                    "CRS score of an Express Entry profile (JSON contract v1) on a date, under the rule set in force"
                            + " that day: every section with its caps, the CLB/NCLC levels used, program and category eligibility"
                            + " (with the FSW 67-point grid and the reasons), the dated changes of the next 24 months and"
                            + " warnings (e.g. a rule set whose values are not published yet). Nothing is stored.")
    @APIResponse(
            responseCode = "200",
            description = "The score report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScoreReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid profile or date: every bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(
            responseCode = "403",
            description = "The token has none of the roles reader, profile-writer, draw-admin")
    public ScoreReport score(
            @Parameter(
                            description =
                                    "Date to score on (YYYY-MM-DD), on or after 2015-01-01; default today in Canada/Eastern."
                                            + " Age, test and ECA validity, experience and nomination are taken on that date.")
                    @QueryParam("asOf")
                    String asOf,
            @RequestBody(
                            required = true,
                            description = "The candidate profile, JSON contract v1",
                            content = @Content(schema = @Schema(implementation = Profile.class)))
                    @BoundedLists
                    Profile profile) {
        return scores.score(profile, asOf);
    }
}
