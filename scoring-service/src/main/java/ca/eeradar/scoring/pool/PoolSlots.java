package ca.eeradar.scoring.pool;

import java.util.Arrays;

/**
 * The candidates of one partition's pool, one slot each, in parallel arrays: candidate id, submission
 * and expiry (epoch nanoseconds, {@link SubmissionTimes}), packed profile ({@code PackedProfile}).
 * A round walks the slots in order ({@link #limit}, {@link #id} null = free slot); a profile record
 * fills its candidate's slot, a tombstone frees it for the next candidate.
 *
 * <p>Why not a map of entry objects: ten million candidates must fit in an 8 GiB heap (a map node,
 * an entry, an {@code Instant} and a decoded profile of a dozen objects weighed about 1.35 KiB each),
 * and a round reads every candidate, which over arrays walked in order is mostly sequential memory
 * instead of one pointer chase per object. The id-to-slot index is open addressing over an int array
 * (no node per candidate), with backward-shift deletion so erasures leave no tombstones behind.
 *
 * <p>Not thread-safe: one stream task owns it.
 */
public final class PoolSlots {
    private static final int INITIAL = 64;

    private String[] ids = new String[INITIAL];
    private long[] submitted = new long[INITIAL];
    private long[] expires = new long[INITIAL];
    private int[][] profiles = new int[INITIAL][];
    /** Slots ever used: [0, limit); the free ones among them are in {@link #free}. */
    private int limit;

    private int size;
    private int[] free = new int[16];
    private int freeCount;
    /** Slot + 1 per position, 0 = empty; a power of two, at most half full. */
    private int[] index = new int[2 * INITIAL];

    /** Puts the candidate's current profile: into its slot if it has one, else into a free or new slot. */
    public void put(String candidateId, long submittedNanos, long expiresNanos, int[] profile) {
        int at = position(candidateId);
        int slot = index[at] - 1;
        if (slot < 0) {
            slot = freeCount > 0 ? free[--freeCount] : newSlot();
            ids[slot] = candidateId;
            index[at] = slot + 1;
            size++;
            if (2 * size > index.length) {
                reindex(2 * index.length);
            }
        }
        submitted[slot] = submittedNanos;
        expires[slot] = expiresNanos;
        profiles[slot] = profile;
    }

    /** Frees the candidate's slot (erasure, or a record that cannot be read); false if it had none. */
    public boolean remove(String candidateId) {
        int at = position(candidateId);
        int slot = index[at] - 1;
        if (slot < 0) {
            return false;
        }
        unlink(at);
        ids[slot] = null;
        profiles[slot] = null; // the profile's memory goes with the candidate
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, 2 * free.length);
        }
        free[freeCount++] = slot;
        size--;
        return true;
    }

    /** The candidate's slot, -1 if none. */
    public int slotOf(String candidateId) {
        return index[position(candidateId)] - 1;
    }

    public int size() {
        return size;
    }

    /** Slots to walk: [0, limit). */
    public int limit() {
        return limit;
    }

    /** The candidate in {@code slot}, null for a free slot. */
    public String id(int slot) {
        return ids[slot];
    }

    public long submittedNanos(int slot) {
        return submitted[slot];
    }

    public long expiresNanos(int slot) {
        return expires[slot];
    }

    /** The packed profile in {@code slot} ({@code PackedProfile}); shared, never to be changed. */
    public int[] profile(int slot) {
        return profiles[slot];
    }

    public void clear() {
        Arrays.fill(ids, 0, limit, null);
        Arrays.fill(profiles, 0, limit, null);
        Arrays.fill(index, 0);
        limit = 0;
        size = 0;
        freeCount = 0;
    }

    private int newSlot() {
        if (limit == ids.length) {
            // 1.5x: a partition's pool is restored record by record, without knowing its size in advance.
            int capacity = limit + (limit >> 1);
            ids = Arrays.copyOf(ids, capacity);
            submitted = Arrays.copyOf(submitted, capacity);
            expires = Arrays.copyOf(expires, capacity);
            profiles = Arrays.copyOf(profiles, capacity);
        }
        return limit++;
    }

    /** The index position holding {@code candidateId}, or the empty position where it would go. */
    private int position(String candidateId) {
        int mask = index.length - 1;
        int at = spread(candidateId.hashCode()) & mask;
        while (true) {
            int e = index[at];
            if (e == 0 || ids[e - 1].equals(candidateId)) {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /** Empties position {@code at}, moving back the entries after it that probed past it (no tombstones). */
    private void unlink(int at) {
        int mask = index.length - 1;
        index[at] = 0;
        int gap = at;
        for (int next = (gap + 1) & mask; index[next] != 0; next = (next + 1) & mask) {
            int home = spread(ids[index[next] - 1].hashCode()) & mask;
            // The entry may fill the gap unless its home lies cyclically in (gap, next].
            boolean stays = gap <= next ? gap < home && home <= next : gap < home || home <= next;
            if (!stays) {
                index[gap] = index[next];
                index[next] = 0;
                gap = next;
            }
        }
    }

    private void reindex(int capacity) {
        index = new int[capacity];
        int mask = capacity - 1;
        for (int slot = 0; slot < limit; slot++) {
            if (ids[slot] != null) {
                int at = spread(ids[slot].hashCode()) & mask;
                while (index[at] != 0) {
                    at = (at + 1) & mask;
                }
                index[at] = slot + 1;
            }
        }
    }

    /** Fibonacci hashing, upper bits folded down: ids like "c-1", "c-2" must not probe in runs. */
    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
