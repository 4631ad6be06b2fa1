package ca.eeradar.scoring.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one scoring instance says in its log about the pools it restored and the partitions it
 * evaluated: the lines of {@code RestoreLog} and {@code PartitionEvaluation}, read back because
 * they are the service's own measurements (no extra endpoint just for the benchmark).
 */
final class InstanceLog {
    private static final Pattern RESTORING =
            Pattern.compile("restoring candidate-pool from scoring\\.candidate-profiles-(\\d+):");
    private static final Pattern RESTORED = Pattern.compile(
            "restored candidate-pool from scoring\\.candidate-profiles-(\\d+): (\\d+) records in (\\d+) ms");
    private static final Pattern EVALUATED = Pattern.compile(
            "round (\\S+) on partition (\\d+) slice \\d+/\\d+: (\\d+) in pool, (\\d+) eligible, (\\d+) likely, (\\d+) ms");
    /** Quarkus's default console format starts with the local time, e.g. {@code 2026-12-04 15:40:00,123}. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    /** One partition's restore: records and milliseconds as logged, and when it started and ended (epoch ms). */
    record Restore(int partition, long records, long ms, long startedAtMs, long endedAtMs) {}

    /** One partition's evaluation of a round, as logged: the sums of its slices. */
    record Evaluation(int partition, long inPool, long eligible, long likely, long ms) {
        Evaluation plus(Evaluation slice) {
            return new Evaluation(
                    partition, inPool + slice.inPool, eligible + slice.eligible, likely + slice.likely, ms + slice.ms);
        }
    }

    private final Path file;

    InstanceLog(Path file) {
        this.file = file;
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether any line of the log contains {@code text}. */
    boolean mentions(String text) {
        return lines().stream().anyMatch(l -> l.contains(text));
    }

    /**
     * Partitions whose latest restore line is a start: being restored. (A restore cut short by a
     * rebalance logs no end, so only the partitions the instance holds now are worth asking about.)
     */
    java.util.Set<Integer> restoring() {
        java.util.Set<Integer> open = new java.util.TreeSet<>();
        for (String line : lines()) {
            Matcher m = RESTORING.matcher(line);
            if (m.find()) {
                open.add(Integer.parseInt(m.group(1)));
                continue;
            }
            m = RESTORED.matcher(line);
            if (m.find()) {
                open.remove(Integer.parseInt(m.group(1)));
            }
        }
        return open;
    }

    /** The latest finished restore of each partition, by partition. */
    Map<Integer, Restore> restores() {
        Map<Integer, Long> started = new TreeMap<>();
        Map<Integer, Restore> done = new TreeMap<>();
        for (String line : lines()) {
            Matcher m = RESTORING.matcher(line);
            if (m.find()) {
                started.put(Integer.parseInt(m.group(1)), time(line));
                continue;
            }
            m = RESTORED.matcher(line);
            if (m.find()) {
                int p = Integer.parseInt(m.group(1));
                long end = time(line);
                long ms = Long.parseLong(m.group(3));
                done.put(p, new Restore(p, Long.parseLong(m.group(2)), ms, started.getOrDefault(p, end - ms), end));
            }
        }
        return done;
    }

    /** The partitions this instance evaluated for the round (key {@code number/rN}), by partition, slices summed. */
    Map<Integer, Evaluation> evaluations(String roundKey) {
        Map<Integer, Evaluation> found = new TreeMap<>();
        for (String line : lines()) {
            Matcher m = EVALUATED.matcher(line);
            if (m.find() && m.group(1).equals(roundKey)) {
                int p = Integer.parseInt(m.group(2));
                found.merge(
                        p,
                        new Evaluation(
                                p,
                                Long.parseLong(m.group(3)),
                                Long.parseLong(m.group(4)),
                                Long.parseLong(m.group(5)),
                                Long.parseLong(m.group(6))),
                        Evaluation::plus);
            }
        }
        return found;
    }

    private static long time(String line) {
        try {
            return LocalDateTime.parse(line.substring(0, 23), TIME)
                    .atZone(ZoneId.systemDefault())
                    .toInstant()
                    .toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
