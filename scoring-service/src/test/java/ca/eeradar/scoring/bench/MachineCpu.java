package ca.eeradar.scoring.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The machine's CPU time so far, from Linux's /proc (all cores, in clock ticks): read twice, it tells how busy the
 * cores were in between, all processes counted, and which processes used that time (the scoring instances, the
 * broker, PostgreSQL, this benchmark). A round that already keeps every core busy with one instance leaves a second
 * instance no core to gain from; the split says what else holds the cores.
 *
 * @param byProcess CPU ticks (user + system) so far of the processes alive now, summed by {@link #kind}
 */
record MachineCpu(long busy, long total, Map<String, Long> byProcess) {
    private static final Path PROC = Path.of("/proc");
    private static final List<String> KINDS =
            List.of("scoring instances", "broker", "PostgreSQL", "benchmark", "other");

    /** Now, or null where there is no /proc/stat. */
    static MachineCpu now() {
        try {
            String[] f = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are the time not busy.
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new MachineCpu(total - idle, total, processes());
        } catch (IOException | RuntimeException unavailable) {
            return null;
        }
    }

    private static Map<String, Long> processes() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        KINDS.forEach(k -> ticks.put(k, 0L));
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : pids) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    // After the command in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    long pid = Long.parseLong(dir.getFileName().toString());
                    ticks.merge(pid == self ? "benchmark" : kind(dir), used, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the process ended between the listing and the read
                }
            }
        }
        return ticks;
    }

    /** What a process is, from its command line. */
    private static String kind(Path dir) throws IOException {
        String cmd = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        if (cmd.contains("BrokerMain")) {
            return "broker";
        }
        if (cmd.contains("postgres")) {
            return "PostgreSQL";
        }
        if (cmd.contains("scoring-service") && cmd.contains("-jar")) {
            return "scoring instances";
        }
        return "other";
    }

    /** The share of all cores' time that was busy between {@code before} and {@code after}; NaN if unknown. */
    static double busyShare(MachineCpu before, MachineCpu after) {
        if (before == null || after == null || after.total <= before.total) {
            return Double.NaN;
        }
        return (double) (after.busy - before.busy) / (after.total - before.total);
    }

    /**
     * Who used the busy time between {@code before} and {@code after}, as shares of it ("scoring instances 61%, broker
     * 30%, ..."); processes started in between count from 0, those ended in between not at all.
     */
    static String byProcess(MachineCpu before, MachineCpu after) {
        if (before == null || after == null || after.busy <= before.busy) {
            return "unknown";
        }
        double busy = after.busy - before.busy;
        return KINDS.stream()
                .map(k -> String.format(
                        "%s %.0f%%", k, 100 * Math.max(0, after.byProcess.get(k) - before.byProcess.get(k)) / busy))
                .collect(Collectors.joining(", "));
    }
}
