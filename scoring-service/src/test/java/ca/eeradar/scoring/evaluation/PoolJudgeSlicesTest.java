package ca.eeradar.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.PackedProfile;
import ca.eeradar.scoring.pool.PoolSlots;
import ca.eeradar.scoring.pool.SubmissionTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The slices of a round's request split a pool's candidates into disjoint parts that together are all of them. */
class PoolJudgeSlicesTest {
    private static final PoolJudge JUDGE = new PoolJudge(CrsEngine.withOfficialRules());
    private static final RoundRules CEC_300 =
            new RoundRules(Rounds.program("600", 1, Program.CEC, 300, null), ZoneId.of("Canada/Eastern"));

    @Test
    void slicesAreDisjointWholeBlocksAndTogetherTheWholePool() {
        int candidates = 3 * PoolJudge.BLOCK + 100; // four blocks, the last one short
        PoolSlots slots = new PoolSlots();
        int[] packed = PackedProfile.pack(Profiles.base().sibling().profile());
        Instant submitted = Profiles.base().sibling().profile().profileSubmittedAt();
        for (int i = 0; i < candidates; i++) {
            slots.put(
                    "c" + i,
                    SubmissionTimes.epochNanos(submitted),
                    SubmissionTimes.epochNanos(SubmissionTimes.expiresAt(submitted)),
                    packed);
        }
        slots.remove("c5"); // a freed slot is skipped by its slice

        int sliceCount = 3;
        Set<String> seen = new HashSet<>();
        long[] sums = new long[4];
        List<Integer> sizes = new ArrayList<>();
        for (int slice = 0; slice < sliceCount; slice++) {
            List<String> judged = new ArrayList<>();
            long[] counts = JUDGE.judge(slots, slice, sliceCount, CEC_300, (id, v) -> judged.add(id));
            sizes.add(judged.size());
            for (String id : judged) {
                assertTrue(seen.add(id), id + " judged by two slices");
            }
            for (int i = 0; i < 4; i++) {
                sums[i] += counts[i];
            }
        }
        // Blocks 0 and 3 go to slice 0 (4096 - 1 freed + 100), block 1 to slice 1, block 2 to slice 2.
        assertEquals(List.of(PoolJudge.BLOCK - 1 + 100, PoolJudge.BLOCK, PoolJudge.BLOCK), sizes);
        assertEquals(candidates - 1, seen.size());
        assertArrayEquals(
                JUDGE.judge(slots, CEC_300, (id, v) -> {}), sums, "the slices sum to the whole pool's counts");
    }
}
