package ca.eeradar.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/**
 * "Today" for scoring: the date on the service's one clock in its zone ({@code ee-radar.scoring.zone},
 * IRCC's Canada/Eastern), so a profile written at 23:00 in Toronto is scored on Toronto's date, not UTC's.
 * Only the edges (resources, scheduled jobs, consumers) ask; everything below takes the date as a parameter.
 */
@ApplicationScoped
public class Today {
    @Inject
    Clock clock;

    @Inject
    ScoringConfig config;

    public LocalDate date() {
        return LocalDate.now(clock.withZone(config.zone()));
    }
}
