#!/usr/bin/env bash
# Issue 5 benchmark (not a test): N synthetic profiles loaded with COPY into a fresh PostgreSQL, one
# round announced on a real Kafka broker, the built scoring-service jar evaluating it; prints
# profiles, eligible, likely, seconds from announcement to the last InvitationLikely acknowledged,
# profiles/s, and two baselines measured in the same run (table scan with COPY ... TO STDOUT, a
# bare KafkaProducer sending N records of the same size) with the ratio against their sum.
#
#   scripts/bench-scoring.sh [N=1000000] [cutoff=480]
#
# Starts its own Kafka + PostgreSQL (local-infra, temp folders, stopped at exit) unless
# KAFKA_BOOTSTRAP_SERVERS / EE_RADAR_JDBC_URL point at external ones. Works offline once the
# project has been built once (./mvnw -B -ntp verify).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
CUTOFF="${2:-480}"
MVN=(./mvnw -B -ntp -q -o)

if [[ ! -f scoring-service/target/quarkus-app/quarkus-run.jar || ! -d scoring-service/target/test-classes ]]; then
  echo "building scoring-service (jar + test classes)..."
  "${MVN[@]}" package -pl scoring-service -DskipTests
fi
CP_FILE=scoring-service/target/bench.classpath
if [[ ! -f "$CP_FILE" || scoring-service/pom.xml -nt "$CP_FILE" ]]; then
  "${MVN[@]}" dependency:build-classpath -pl scoring-service -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE"
fi
echo "bench-scoring: N=$N cutoff=$CUTOFF on $(nproc 2>/dev/null || sysctl -n hw.ncpu) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
exec java -XX:+UseParallelGC -Xmx6g \
  -cp "scoring-service/target/test-classes:scoring-service/target/classes:$(cat "$CP_FILE")" \
  ca.eeradar.scoring.evaluation.ScoringBenchmark "$N" scoring-service/target/quarkus-app/quarkus-run.jar "$CUTOFF"
