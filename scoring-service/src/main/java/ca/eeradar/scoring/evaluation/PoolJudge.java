package ca.eeradar.scoring.evaluation;

import ca.eeradar.crs.Assessment;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.PackedProfile;
import ca.eeradar.scoring.pool.PoolSlots;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Judges one partition's pool against one round, slot by slot: pool check, {@code CrsEngine.assess}
 * on the packed profile as of the draw date, verdict; each likely candidate goes to the caller. The
 * service's evaluation and the benchmark's assess baseline both run this loop, so the baseline does
 * exactly the service's work per profile, without Kafka.
 *
 * <p>One instance per stream thread: its {@link PackedProfile.Reader} is re-pointed at each profile.
 */
public final class PoolJudge {
    private static final Logger LOG = Logger.getLogger(PoolJudge.class);

    /** Counts of {@link #judge}, by index. */
    public static final int IN_POOL = 0;

    public static final int ELIGIBLE = 1;
    public static final int LIKELY = 2;
    public static final int UNASSESSABLE = 3;

    /** Slots per block of a slice: a candidate's slot never moves, so neither does their slice. */
    public static final int BLOCK = 4096;

    private final CrsEngine engine;
    private final PackedProfile.Reader reader = new PackedProfile.Reader();

    public PoolJudge(CrsEngine engine) {
        this.engine = engine;
    }

    /** Who is likely invited. */
    @FunctionalInterface
    public interface Likely {
        void accept(String candidateId, Verdict verdict);
    }

    /** Judges every candidate of {@code slots} in slot order; answers the counts (see the constants). */
    public long[] judge(PoolSlots slots, RoundRules rules, Likely likely) {
        return judge(slots, 0, 1, rules, likely);
    }

    /**
     * Judges the candidates of one slice of an {@link EvaluationRequest}: the slots of blocks {@code slice, slice +
     * slices, ...} of {@link #BLOCK} slots each (whole blocks, not every n-th slot: a walk in slot order keeps the
     * arrays' cache lines and prefetching); answers the counts (see the constants).
     */
    public long[] judge(PoolSlots slots, int slice, int slices, RoundRules rules, Likely likely) {
        long[] counts = new long[4];
        for (int from = slice * BLOCK; from < slots.limit(); from += slices * BLOCK) {
            judge(slots, from, Math.min(from + BLOCK, slots.limit()), rules, likely, counts);
        }
        return counts;
    }

    private void judge(PoolSlots slots, int from, int to, RoundRules rules, Likely likely, long[] counts) {
        LocalDate date = rules.draw().date();
        for (int slot = from; slot < to; slot++) {
            String candidateId = slots.id(slot);
            if (candidateId == null) {
                continue; // freed by an erasure
            }
            long submitted = slots.submittedNanos(slot);
            long expires = slots.expiresNanos(slot);
            if (rules.outsidePool(submitted, expires) != null) {
                continue;
            }
            Verdict v;
            try {
                Assessment a = engine.assess(reader.read(slots.profile(slot)), date);
                v = rules.judge(submitted, expires, a);
            } catch (RuntimeException e) {
                // One profile the engine cannot assess must not stop a round for everyone else: counted, logged by id
                // only.
                counts[UNASSESSABLE]++;
                LOG.warnf(
                        "candidate %s skipped in round %s/r%d: %s",
                        candidateId,
                        rules.draw().number(),
                        rules.draw().revision(),
                        e.getClass().getSimpleName());
                continue;
            }
            counts[IN_POOL]++;
            if (v.eligible()) {
                counts[ELIGIBLE]++;
            }
            if (v.likely()) {
                counts[LIKELY]++;
                likely.accept(candidateId, v);
            }
        }
    }
}
