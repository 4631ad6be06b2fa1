#!/usr/bin/env bash
# Draw-evaluation benchmark (issue 14; a command that prints numbers, not a test): N synthetic profiles
# written encrypted into scoring.candidate-profiles, K scoring-service instances (the built jar, one stream
# thread each) evaluating one GENERAL round announced on express-entry.draws; prints N, partitions, in pool,
# eligible, likely (L), restore time and evaluation time per instance, seconds from the announcement to the
# last InvitationLikely visible to a read_committed consumer, profiles/s; then, with the service stopped, two
# baselines of the same run (a bare transactional producer of exactly L records; the same N profiles decoded
# and assessed on K threads in a JVM of their own) and the ratio against their sum.
#
#   scripts/bench-scoring.sh [N=1000000] [K=1] [cutoff=480]
#   scripts/bench-scoring.sh pool-memory [N=1000000] [packed|decoded]
#
# pool-memory: no broker, no service; the heap a pool keeps per profile (N synthetic profiles read as a
# partition reads a record, held in 12 partitions' pools, heap used after full collections), in the
# pool's packed form or in the decoded form it had before (BENCH_HEAP_MB, default 4096, sizes its heap).
#
# Starts its own Kafka + PostgreSQL (local-infra, temp folders, stopped at exit) unless
# KAFKA_BOOTSTRAP_SERVERS / EE_RADAR_JDBC_URL point at external ones. BENCH_HEAP_MB fixes each instance's heap.
# BENCH_INSTANCE_JAVA_OPTS: extra JVM options for each instance (e.g. -XX:StartFlightRecording:filename=/tmp/i-%p.jfr).
# EE_RADAR_KAFKA_JAVA_OPTS: extra JVM options for the local broker (e.g. -XX:TieredStopAtLevel=4: it runs with the
# first compiler only by default, to start fast).
# Works on a fresh clone after ./mvnw -B -ntp verify: it builds with the reactor (-am) and runs against the
# modules' target/classes, never against ee-radar artifacts in the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=draw
if [[ "${1:-}" == pool-memory ]]; then
  MODE=pool-memory
  shift
fi
N="${1:-1000000}"
K="${2:-1}"
CUTOFF="${3:-480}"
MVN=(./mvnw -B -ntp -q -o)
JAR=scoring-service/target/quarkus-app/quarkus-run.jar
CP_FILE=scoring-service/target/bench.classpath
MODULES=(pom.xml contracts crs-engine forecast service-kit local-infra scoring-service)

# Any file of scoring-service or of a module it depends on newer than $1 (target/ folders aside; with a
# second argument "main", test sources aside too: the jar does not depend on them).
changed_since() {
  local skip=(-name target)
  [[ "${2:-}" == main ]] && skip=(-name target -o -path '*/src/test')
  [[ ! -f "$1" ]] || [[ -n "$(find "${MODULES[@]}" \( "${skip[@]}" \) -prune -o -type f -newer "$1" -print -quit)" ]]
}

if changed_since "$JAR" main; then
  echo "building scoring-service and the modules it uses (reactor, tests skipped)..."
  "${MVN[@]}" package -pl scoring-service -am -DskipTests
fi
if changed_since "$CP_FILE"; then
  # test-compile in the same reactor makes the sibling modules resolve to their target/classes;
  # each module writes its own target/bench.classpath (a relative path is taken per module).
  "${MVN[@]}" test-compile dependency:build-classpath -pl scoring-service -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
if tr ':' '\n' < "$CP_FILE" | grep -q '/ca/eeradar/'; then
  echo "bench-scoring: $CP_FILE names ee-radar jars of the local Maven repository; delete it and run again" >&2
  exit 1
fi
CP="scoring-service/target/test-classes:scoring-service/target/classes:$(cat "$CP_FILE")"
if [[ "$MODE" == pool-memory ]]; then
  echo "bench-scoring pool-memory: N=$N form=${2:-packed} on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), uptime:$(uptime)"
  exec java -XX:+UseParallelGC -Xms"${BENCH_HEAP_MB:-4096}m" -Xmx"${BENCH_HEAP_MB:-4096}m" -cp "$CP" \
    ca.eeradar.scoring.bench.PoolMemory "$N" "${2:-packed}"
fi
echo "bench-scoring: N=$N K=$K cutoff=$CUTOFF on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), uptime:$(uptime)"
exec java -XX:+UseParallelGC -Xmx2g \
  -cp "$CP" \
  ca.eeradar.scoring.bench.DrawEvaluationBenchmark "$N" "$K" "$JAR" "$CUTOFF"
