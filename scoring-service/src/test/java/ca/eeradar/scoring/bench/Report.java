package ca.eeradar.scoring.bench;

import ca.eeradar.contracts.DrawEvaluated;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures of one benchmark run and how they are printed (docs/benchmarks.md records this block). */
final class Report {
    final long n;
    final int k;
    final int heapMb;
    final String loadBefore;
    String loadAfter;
    Map<Integer, List<Integer>> held;
    final List<Map<Integer, InstanceLog.Restore>> restores = new ArrayList<>();
    final List<Long> liveHeap = new ArrayList<>();
    DrawEvaluated warmUp;
    RoundClock.Result warmUpWithEvents;
    List<Map<Integer, InstanceLog.Evaluation>> warmUpEvaluations;
    RoundClock.Result round;
    List<Map<Integer, InstanceLog.Evaluation>> evaluations;
    double produceSeconds;
    double assessSeconds;

    Report(long n, int k, int heapMb, String loadBefore) {
        this.n = n;
        this.k = k;
        this.heapMb = heapMb;
        this.loadBefore = loadBefore;
    }

    void print(PrintStream out) {
        DrawEvaluated e = round.evaluated();
        double seconds = round.lastVisibleSeconds();
        int partitions = held.values().stream().mapToInt(List::size).sum();
        out.println();
        out.println("=== ee-radar draw evaluation on Kafka Streams, " + Instant.now() + " ===");
        out.printf(
                "machine                  %d cores; load average %s before the run, %s after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        out.printf("profiles (N)             %,d in %d partitions of scoring.candidate-profiles%n", n, partitions);
        out.printf("instances (K)            %d, one stream thread each, heap %,d MiB each%n", k, heapMb);
        out.printf("in pool                  %,d%n", e.evaluated());
        out.printf("eligible                 %,d%n", e.eligible());
        out.printf(
                "likely (L)               %,d  (InvitationLikely read read_committed: %,d, value %.0f bytes on average)%n",
                e.likely(), round.invitations(), round.valueBytes());
        out.printf(
                "seconds                  %.2f  (announcement -> last InvitationLikely visible read_committed; first one at %.2f s)%n",
                seconds, round.firstVisibleSeconds());
        out.printf(
                "longest stall            %.2f s  (longest time between two moves of the round's visible end offsets: a bound on one transaction)%n",
                round.longestStallSeconds());
        out.printf(
                "machine CPU busy         %.0f%% of %d cores  (/proc/stat, every process, from the announcement to DrawEvaluated visible)%n",
                100 * round.cpuBusyShare(), Runtime.getRuntime().availableProcessors());
        out.printf("CPU by process           %s  (shares of that busy time, /proc/<pid>/stat)%n", round.cpuByProcess());
        out.printf(
                "service durationMs       %d  (DrawEvaluated: round received -> last slice's summary)%n",
                e.durationMs());
        out.printf("profiles/s               %,.0f  (N / seconds)%n", n / seconds);
        out.printf(
                "warm-up round            %d ms  (DrawEvaluated.durationMs; cutoff nobody reaches, no events: the pool's first, cold judgement)%n",
                warmUp.durationMs());
        out.printf(
                "warm-up with events      %.2f s  (the same round under another number, first to emit events: last one visible; durationMs %d)%n",
                warmUpWithEvents.lastVisibleSeconds(),
                warmUpWithEvents.evaluated().durationMs());
        long total = evaluations.stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(InstanceLog.Evaluation::inPool)
                .sum();
        for (int i = 0; i < k; i++) {
            instance(out, i, total);
        }
        out.printf(
                "baseline bare produce    %.2f s  (%,d records of an InvitationLikely's size, transactional, linger 20, batch 256 KiB, lz4, %d transactions)%n",
                produceSeconds, e.likely(), BareProduce.TRANSACTIONS);
        out.printf(
                "baseline assess          %.2f s  (the same %,d profiles packed in memory (PoolSlots), pool check + assess + verdict on %d thread(s), own JVM, median of 3)%n",
                assessSeconds, n, k);
        out.printf(
                "ratio                    %.2f x (seconds / (bare produce + assess))%n",
                seconds / (produceSeconds + assessSeconds));
    }

    private void instance(PrintStream out, int i, long total) {
        Map<Integer, InstanceLog.Restore> r = restores.get(i);
        long restored =
                r.values().stream().mapToLong(InstanceLog.Restore::records).sum();
        long wallMs = r.isEmpty()
                ? 0
                : r.values().stream()
                                .mapToLong(InstanceLog.Restore::endedAtMs)
                                .max()
                                .getAsLong()
                        - r.values().stream()
                                .mapToLong(InstanceLog.Restore::startedAtMs)
                                .min()
                                .getAsLong();
        Map<Integer, InstanceLog.Evaluation> ev = evaluations.get(i);
        long judged =
                ev.values().stream().mapToLong(InstanceLog.Evaluation::inPool).sum();
        long ms = ev.values().stream().mapToLong(InstanceLog.Evaluation::ms).sum();
        long coldMs = warmUpEvaluations.get(i).values().stream()
                .mapToLong(InstanceLog.Evaluation::ms)
                .sum();
        out.printf(
                "instance %d               partitions %s; restored %,d records of %d partitions in %.2f s (first start to last end, %,.0f records/s)%n",
                i + 1,
                held.get(i + 1),
                restored,
                r.size(),
                wallMs / 1000.0,
                wallMs == 0 ? 0 : restored * 1000.0 / wallMs);
        out.printf(
                "                         live heap after the round %,d MiB; evaluated %,d profiles (%.1f%%) on partitions %s in %d ms"
                        + " (sum of its slices; warm-up round %d ms)%n",
                liveHeap.get(i) >> 20, judged, total == 0 ? 0 : 100.0 * judged / total, ev.keySet(), ms, coldMs);
    }
}
