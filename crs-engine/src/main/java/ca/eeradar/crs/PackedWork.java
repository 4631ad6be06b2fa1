package ca.eeradar.crs;

/**
 * The jobs of a {@link PackedProfile}: a {@link WorkHistory}'s figures as {@link #STRIDE} ints a job, so
 * a pool holds no job objects and no NOC strings, and its reader re-points one WorkHistory at each
 * packed profile in turn ({@link #unpack}).
 */
final class PackedWork {
    /** Ints per job in a packed profile ({@link #pack}): first and last day, weekly hours (2), NOC and kinds. */
    static final int STRIDE = 5;

    private PackedWork() {}

    /**
     * Writes the jobs into {@code out} from {@code at}, {@link #STRIDE} ints each: days as ints
     * (ongoing = {@code Integer.MAX_VALUE}), the weekly hours' 64 bits exactly, and in one int the NOC
     * code (17 bits), its TEER (4), Canada (1), kinds (2) and occupation index (8). Throws
     * {@link IllegalArgumentException} for what does not fit: a NOC that is not 5 digits (never stored:
     * the validator refuses it), a day beyond the int range, more than 255 jobs.
     */
    static void pack(WorkHistory work, int[] out, int at) {
        for (int i = 0; i < work.jobs; i++, at += STRIDE) {
            int code = work.code(i);
            int occupation = work.occupation(i);
            if (code < 0 || occupation > 0xff) {
                throw new IllegalArgumentException("work entry " + i + " does not fit the packed form");
            }
            long weekly = Double.doubleToRawLongBits(work.weekly(i));
            out[at] = PackedProfile.day(work.from(i));
            out[at + 1] = PackedProfile.day(work.to(i));
            out[at + 2] = (int) (weekly >>> 32);
            out[at + 3] = (int) weekly;
            out[at + 4] = code
                    | Integer.numberOfTrailingZeros(work.teerBit(i)) << 17
                    | (work.canada(i) ? 1 : 0) << 21
                    | work.kinds(i) << 22
                    | occupation << 24;
        }
    }

    /** Re-points {@code work} at {@code n} jobs packed by {@link #pack} in {@code in} from {@code at}. */
    static void unpack(WorkHistory work, int[] in, int at, int n, boolean overlapping) {
        work.repoint(n, overlapping);
        for (int i = 0; i < n; i++, at += STRIDE) {
            int word = in[at + 4];
            work.set(
                    i,
                    PackedProfile.epochDay(in[at]),
                    PackedProfile.epochDay(in[at + 1]),
                    Double.longBitsToDouble((long) in[at + 2] << 32 | in[at + 3] & 0xffffffffL),
                    word & 0x1ffff,
                    word >>> 17 & 0xf,
                    (word >>> 21 & 1) != 0,
                    word >>> 22 & 0b11,
                    word >>> 24 & 0xff);
        }
    }
}
