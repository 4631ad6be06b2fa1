package ca.eeradar.forecast;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rounds.RoundStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rounds a forecast may learn from, oldest first. Only rounds IRCC published count ({@code source.kind}
 * IRCC_FEED): a round entered by hand (the demo's, a test's) says nothing about how IRCC draws, and one demo round
 * at a cutoff of 300 would otherwise promise every real candidate an invitation. Of a corrected round only its
 * latest revision counts.
 */
public final class RoundHistory {
    private final List<PastRound> rounds;

    private RoundHistory(List<PastRound> rounds) {
        List<PastRound> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparing(PastRound::date));
        this.rounds = List.copyOf(sorted);
    }

    public static RoundHistory of(Collection<PastRound> rounds) {
        return new RoundHistory(List.copyOf(rounds));
    }

    /** The IRCC rounds among {@code draws}, each in its latest revision. */
    public static RoundHistory ofDraws(Collection<Draw> draws) {
        Map<String, Draw> latest = new HashMap<>();
        for (Draw draw : draws) {
            if (draw.source() == null || draw.source().kind() != Draw.SourceKind.IRCC_FEED) {
                continue;
            }
            latest.merge(draw.number(), draw, (a, b) -> b.revision() > a.revision() ? b : a);
        }
        List<PastRound> rounds = new ArrayList<>(latest.size());
        for (Draw draw : latest.values()) {
            rounds.add(new PastRound(draw.date(), RoundStream.of(draw), draw.crsCutoff()));
        }
        return new RoundHistory(rounds);
    }

    /** The rounds dated strictly before {@code asOf}: a round of that very day may not be published yet. */
    public List<PastRound> before(LocalDate asOf) {
        int end = 0;
        while (end < rounds.size() && rounds.get(end).date().isBefore(asOf)) {
            end++;
        }
        return rounds.subList(0, end);
    }

    /** The rounds dated in (from, to]. */
    public List<PastRound> between(LocalDate fromExclusive, LocalDate toInclusive) {
        List<PastRound> result = new ArrayList<>();
        for (PastRound round : rounds) {
            if (round.date().isAfter(fromExclusive) && !round.date().isAfter(toInclusive)) {
                result.add(round);
            }
        }
        return result;
    }

    public List<PastRound> all() {
        return rounds;
    }

    public LocalDate last() {
        return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1).date();
    }
}
