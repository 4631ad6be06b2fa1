package ca.eeradar.query.candidates;

import ca.eeradar.contracts.Draw;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A candidate's place in the pool from IRCC's published distribution. Bands are 10 to 600 points
 * wide and only counted, so the rank is known only within bounds: everyone in the bands above is
 * ahead ({@code best} = that + 1), and anyone of the own band may be ahead too ({@code worst} = that
 * + the band's count). {@code estimate} assumes the band's candidates are spread evenly over its
 * points. The snapshot may predate the candidate's profile; the rank is "as if in that pool".
 */
public record RankEstimate(LocalDate poolAsOf, int poolTotal, int estimate, int best, int worst, Draw.Band band) {

    /** The rank of {@code score} in {@code pool}, or null when the pool has no bands. */
    public static RankEstimate of(int score, Draw.Pool pool) {
        if (pool == null || pool.bands() == null || pool.bands().isEmpty()) {
            return null;
        }
        List<Draw.Band> highestFirst = pool.bands().stream()
                .sorted(Comparator.comparingInt(Draw.Band::min).reversed())
                .toList();
        long ahead = 0;
        Draw.Band own = null;
        for (Draw.Band band : highestFirst) {
            if (band.min() > score) {
                ahead += band.count();
            } else if (band.max() >= score) {
                own = band;
                break;
            }
        }
        if (own == null) {
            int rank = (int) ahead + 1;
            return new RankEstimate(pool.asOf(), pool.total(), rank, rank, rank, null);
        }
        int width = own.max() - own.min() + 1;
        long aboveInBand = (long) own.count() * (own.max() - score) / width;
        return new RankEstimate(
                pool.asOf(),
                pool.total(),
                (int) (ahead + aboveInBand + 1),
                (int) ahead + 1,
                (int) (ahead + Math.max(own.count(), 1)),
                own);
    }
}
