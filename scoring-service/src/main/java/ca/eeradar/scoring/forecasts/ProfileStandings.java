package ca.eeradar.scoring.forecasts;

import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.Assessment;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.DecodedProfile;
import ca.eeradar.crs.Profile;
import ca.eeradar.crs.ScoreReport;
import ca.eeradar.forecast.CandidateTimeline;
import ca.eeradar.forecast.Eligibility;
import ca.eeradar.forecast.Horizon;
import ca.eeradar.forecast.Standing;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stored profile as the forecast model sees it: its score and the streams it may be invited in on each day of
 * the forecast window, and the last day it is in the pool. The engine's score timeline already names every day on
 * which the total, the validity, the programs or the categories change (a birthday, an expiring test, a year of
 * Canadian experience), so the profile is assessed on the as-of date and on those days only, and each day between
 * answers the standing of the last change before it (the same instance, which the model reuses).
 */
final class ProfileStandings {
    private ProfileStandings() {}

    static CandidateTimeline timeline(CrsEngine engine, Profile profile, LocalDate asOf) {
        DecodedProfile decoded = DecodedProfile.of(profile);
        LocalDate end = asOf.plusDays(Horizon.LONGEST);
        TreeMap<LocalDate, Standing> byDay = new TreeMap<>();
        byDay.put(asOf, standing(engine.assess(decoded, asOf)));
        for (ScoreReport.TimelineEntry change : engine.score(profile, asOf).timeline()) {
            LocalDate day = change.date();
            if (day != null && day.isAfter(asOf) && !day.isAfter(end)) {
                byDay.put(day, standing(engine.assess(decoded, day)));
            }
        }
        if (byDay.size() == 1) {
            Standing only = byDay.firstEntry().getValue();
            return date -> only;
        }
        return date -> {
            Map.Entry<LocalDate, Standing> e = byDay.floorEntry(date);
            return e == null ? byDay.firstEntry().getValue() : e.getValue();
        };
    }

    /**
     * The last day the profile can be invited: an Express Entry profile expires 12 months after its submission
     * (UTC calendar, as the pool rule of the evaluation), so the day before that date in the service's zone is the
     * last whole day in the pool.
     */
    static LocalDate lastDayInPool(Profile profile, ZoneId zone) {
        if (profile.profileSubmittedAt() == null) {
            return null;
        }
        return profile.profileSubmittedAt()
                .atOffset(ZoneOffset.UTC)
                .plusMonths(12)
                .atZoneSameInstant(zone)
                .toLocalDate()
                .minusDays(1);
    }

    /**
     * The streams as the evaluation judges a round: nothing while the profile misses Express Entry's minimum
     * requirements; PNP rounds with a nomination; a category only with a federal program (a category round invites
     * from CEC, FSW or FST).
     */
    static Standing standing(Assessment a) {
        if (!a.valid()) {
            return new Standing(a.total(), Set.of());
        }
        List<Program> programs = new ArrayList<>(4);
        for (Program p : a.programs()) {
            programs.add(Program.valueOf(p.name()));
        }
        if (a.meetsProgram(Program.PNP)) {
            programs.add(Program.PNP);
        }
        List<Category> categories = new ArrayList<>();
        if (!a.programs().isEmpty()) {
            for (Category c : a.categories()) {
                categories.add(Category.valueOf(c.name()));
            }
        }
        Set<RoundStream> streams = Eligibility.streams(programs, categories);
        return new Standing(a.total(), streams);
    }
}
