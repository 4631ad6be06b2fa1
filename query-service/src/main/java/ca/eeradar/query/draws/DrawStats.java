package ca.eeradar.query.draws;

import java.util.List;

/** {@code GET /api/v1/draws/stats}: one group per year, category or program, in ascending order of group. */
public record DrawStats(List<Group> groups) {

    /** {@code medianCutoff} is a whole number, or ends in .5 for an even count of rounds. */
    public record Group(
            String group, long rounds, long invitations, int minCutoff, Number medianCutoff, int maxCutoff) {}
}
