package ca.eeradar.scoring.score;

import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.Profile;
import ca.eeradar.crs.ProfileValidator;
import ca.eeradar.crs.RuleBook;
import ca.eeradar.crs.ScoreReport;
import ca.eeradar.crs.Violation;
import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.scoring.Today;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Stateless scoring of a profile on a date: validation first (every bad field at once), then the engine. */
@ApplicationScoped
public class ScoreService {
    private final CrsEngine engine;
    private final ProfileValidator validator;
    private final Today today;

    public ScoreService(CrsEngine engine, ProfileValidator validator, Today today) {
        this.engine = engine;
        this.validator = validator;
        this.today = today;
    }

    /** {@code asOf}: ISO date or null for today in Canada/Eastern (IRCC's clock). */
    public ScoreReport score(Profile profile, String asOf) {
        LocalDate today = this.today.date();
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate date = today;
        if (asOf != null && !asOf.isBlank()) {
            try {
                date = LocalDate.parse(asOf.trim());
                if (date.isBefore(engine.rules().firstDay())) {
                    errors.add(new Problem.FieldError("asOf", "the CRS exists from " + RuleBook.FIRST_DAY));
                }
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("asOf", "'" + asOf + "' is not a date (YYYY-MM-DD)"));
            }
        }
        for (Violation v : validator.validate(profile, today)) {
            errors.add(new Problem.FieldError(v.field(), v.message()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return engine.score(profile, date);
    }
}
