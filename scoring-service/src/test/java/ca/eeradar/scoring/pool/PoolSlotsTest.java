package ca.eeradar.scoring.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The slots of a partition's pool hold exactly the candidates a map would, and a walk sees only them. */
class PoolSlotsTest {

    @Test
    void anErasedCandidateLeavesTheWalkAndItsSlotIsReused() {
        PoolSlots slots = new PoolSlots();
        int[] a = {1};
        int[] b = {2};
        slots.put("c-a", 10, 20, a);
        slots.put("c-b", 11, 21, b);
        assertTrue(slots.remove("c-a"));
        assertFalse(slots.remove("c-a"), "a second tombstone changes nothing");
        assertEquals(1, slots.size());
        assertEquals(-1, slots.slotOf("c-a"));
        assertEquals(1, walk(slots).size());
        assertSame(b, walk(slots).get("c-b"));

        slots.put("c-c", 12, 22, a);
        assertEquals(2, slots.limit(), "the freed slot went to the next candidate");
        slots.put("c-b", 13, 23, a);
        assertEquals(13, slots.submittedNanos(slots.slotOf("c-b")), "an update stays in its slot");
        assertEquals(23, slots.expiresNanos(slots.slotOf("c-b")));
        assertEquals(2, slots.size());
        slots.clear();
        assertEquals(0, slots.size());
        assertEquals(0, walk(slots).size());
        assertEquals(-1, slots.slotOf("c-b"));
    }

    @Test
    void randomPutsAndErasuresAgreeWithAMap() {
        Random random = new Random(14);
        PoolSlots slots = new PoolSlots();
        Map<String, int[]> expected = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            String id = "c-" + random.nextInt(5_000);
            if (random.nextInt(3) == 0) {
                assertEquals(expected.remove(id) != null, slots.remove(id), id);
            } else {
                int[] profile = {op};
                expected.put(id, profile);
                slots.put(id, op, op + 1, profile);
            }
            if (op % 20_000 == 0) {
                assertEquals(expected, walk(slots));
            }
        }
        assertEquals(expected.size(), slots.size());
        assertEquals(expected, walk(slots));
        for (String id : expected.keySet()) {
            assertSame(expected.get(id), slots.profile(slots.slotOf(id)), id);
        }
        assertEquals(-1, slots.slotOf("c-absent"));
    }

    @Test
    void submissionTimesKeepTheNanosecondsAndTheCalendarExpiry() {
        Instant leap = Instant.parse("2024-02-29T10:00:00.000000123Z");
        assertEquals(Instant.parse("2025-02-28T10:00:00.000000123Z"), SubmissionTimes.expiresAt(leap));
        assertEquals(leap.getEpochSecond() * 1_000_000_000L + 123, SubmissionTimes.epochNanos(leap));
        assertEquals(Long.MAX_VALUE, SubmissionTimes.epochNanosSaturated(Instant.parse("3000-01-01T00:00:00Z")));
        assertEquals(Long.MIN_VALUE, SubmissionTimes.epochNanosSaturated(Instant.parse("1000-01-01T00:00:00Z")));
    }

    private static Map<String, int[]> walk(PoolSlots slots) {
        Map<String, int[]> seen = new HashMap<>();
        for (int slot = 0; slot < slots.limit(); slot++) {
            String id = slots.id(slot);
            if (id == null) {
                assertNull(slots.profile(slot), "a free slot keeps no profile");
                continue;
            }
            assertNull(seen.put(id, slots.profile(slot)), "one slot per candidate: " + id);
        }
        return seen;
    }
}
