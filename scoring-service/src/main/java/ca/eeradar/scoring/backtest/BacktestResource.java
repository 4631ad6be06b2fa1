package ca.eeradar.scoring.backtest;

import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import ca.eeradar.scoring.Today;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** GET /api/v1/candidates/{id}/backtest?from=&to= : the candidate against every stored round in the period. */
@Path("/api/v1/candidates/{candidateId}/backtest")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WRITER, Roles.ADMIN})
public class BacktestResource {
    @Inject
    Backtest backtest;

    @Inject
    Today today;

    @GET
    public Backtest.Result backtest(
            @PathParam("candidateId") String candidateId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate today = this.today.date();
        LocalDate toDate = date("to", to, today, errors);
        LocalDate fromDate = date("from", from, toDate == null ? today.minusYears(1) : toDate.minusYears(1), errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(new Problem.FieldError("from", "must be on or before 'to'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return backtest.run(candidateId, fromDate, toDate);
    }

    /** Defaults: the last 12 months up to today (Ottawa). */
    private static LocalDate date(String name, String value, LocalDate fallback, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "'" + value + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
