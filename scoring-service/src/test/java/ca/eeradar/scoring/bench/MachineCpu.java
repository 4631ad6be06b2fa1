package ca.eeradar.scoring.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time so far, from Linux's /proc/stat (all cores, in clock ticks): read twice, it tells how busy
 * the cores were in between, all processes counted (the broker, PostgreSQL, every instance, this benchmark). A
 * round that already keeps every core busy with one instance leaves a second instance no core to gain from.
 */
record MachineCpu(long busy, long total) {
    private static final Path STAT = Path.of("/proc/stat");

    /** Now, or null where there is no /proc/stat. */
    static MachineCpu now() {
        try {
            String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are the time not busy.
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new MachineCpu(total - idle, total);
        } catch (IOException | RuntimeException unavailable) {
            return null;
        }
    }

    /** The share of all cores' time that was busy between {@code before} and {@code after}; NaN if unknown. */
    static double busyShare(MachineCpu before, MachineCpu after) {
        if (before == null || after == null || after.total <= before.total) {
            return Double.NaN;
        }
        return (double) (after.busy - before.busy) / (after.total - before.total);
    }
}
