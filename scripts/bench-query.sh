#!/usr/bin/env bash
# HTTP benchmark of query-service (issue 6): wrk at 64 connections on
#   /api/v1/ping (constant authenticated answer: the baseline), /api/v1/draws/latest,
#   /api/v1/candidates/{id}/status, and the hypothetical forecast /api/v1/forecasts with a score (300-700)
#   and a set of programs drawn at random per request (6,015 different questions, asOf today),
# printing requests/s and p99 for each and their ratio to the baseline.
#
# Usage: scripts/bench-query.sh            (against the stack of ./ee-radar up)
# Environment (all optional):
#   QUERY_URL        default: from .ee-radar/stack.env, else http://127.0.0.1:8083
#   READER_TOKEN     default: EE_RADAR_READER_TOKEN from .ee-radar/tokens.env
#   CANDIDATE_ID     candidate for the status endpoint (default bench-candidate-1)
#   SEED=1           if the candidate or the draws are missing, publish one bench round and one
#                    CandidateScored for CANDIDATE_ID to KAFKA_BOOTSTRAP_SERVERS (default: from stack.env)
#   DURATION         per endpoint, default 20s (after a 5s warm-up); CONNECTIONS default 64; THREADS default 2
# Targets: each endpoint >= 0.7x the baseline's requests/s, p99 < 10 ms (issue 6); the forecast p99 < 20 ms.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# Values given in the environment win over the files of ./ee-radar up.
GIVEN_QUERY_URL="${QUERY_URL:-}"; GIVEN_KAFKA="${KAFKA_BOOTSTRAP_SERVERS:-}"
[ -f "$ROOT/.ee-radar/stack.env" ] && . "$ROOT/.ee-radar/stack.env"
[ -f "$ROOT/.ee-radar/tokens.env" ] && [ -z "${READER_TOKEN:-}" ] && . "$ROOT/.ee-radar/tokens.env"
QUERY_URL="${GIVEN_QUERY_URL:-${QUERY_URL:-http://127.0.0.1:8083}}"
KAFKA_BOOTSTRAP_SERVERS="${GIVEN_KAFKA:-${KAFKA_BOOTSTRAP_SERVERS:-}}"
READER_TOKEN="${READER_TOKEN:-${EE_RADAR_READER_TOKEN:-}}"
CANDIDATE_ID="${CANDIDATE_ID:-bench-candidate-1}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"

die() { echo "bench-query: $*" >&2; exit 1; }

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench-query: wrk not found, installing it with apt-get" >&2
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq wrk >/dev/null \
      || die "apt-get install wrk failed: install wrk (https://github.com/wg/wrk) and run again"
  else
    die "wrk is needed (apt-get install wrk / brew install wrk)"
  fi
fi
[ -n "$READER_TOKEN" ] || die "no reader token: set READER_TOKEN or run ./ee-radar up (writes .ee-radar/tokens.env)"
command -v curl >/dev/null || die "curl is needed"

status_of() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $READER_TOKEN" "$QUERY_URL$1"; }

[ "$(status_of /api/v1/ping)" = "200" ] || die "$QUERY_URL/api/v1/ping does not answer 200 (service down or token rejected)"

if [ "$(status_of /api/v1/draws/latest)" != "200" ] || [ "$(status_of "/api/v1/candidates/$CANDIDATE_ID/status")" != "200" ]; then
  [ "${SEED:-0}" = "1" ] || die "/api/v1/draws/latest or /api/v1/candidates/$CANDIDATE_ID/status is not 200: set CANDIDATE_ID to a known candidate, or SEED=1"
  BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-}"
  [ -n "$BOOTSTRAP" ] || die "SEED=1 needs KAFKA_BOOTSTRAP_SERVERS"
  LIB="$ROOT/query-service/target/quarkus-app/lib/main"
  CP="$(ls "$LIB"/org.apache.kafka.kafka-clients-*.jar "$LIB"/ca.eeradar.contracts-*.jar "$LIB"/com.fasterxml.jackson.*.jar \
        "$LIB"/org.slf4j.slf4j-api-*.jar 2>/dev/null | tr '\n' ':')"
  [ -n "$CP" ] || die "SEED=1 needs the built service (./mvnw -pl query-service package)"
  SEED_SRC="$(mktemp -d)/BenchSeed.java"
  cat > "$SEED_SRC" <<'JAVA'
import ca.eeradar.contracts.*;
import ca.eeradar.contracts.rules.Program;
import java.time.*;
import java.util.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.*;

public class BenchSeed {
    public static void main(String[] a) throws Exception {
        String bootstrap = a[0], candidate = a[1];
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            Instant at = Instant.parse("2026-11-20T15:00:00Z");
            Draw.Pool pool = new Draw.Pool(LocalDate.of(2026, 11, 18), 226859, List.of(new Draw.Band(601, 1200, 439),
                    new Draw.Band(501, 600, 18657), new Draw.Band(491, 500, 12915), new Draw.Band(0, 490, 194848)));
            Draw draw = new Draw("99001", LocalDate.of(2026, 11, 20), at, "Canadian Experience Class", Draw.RoundType.PROGRAM,
                    Program.CEC, null, null, List.of(Program.CEC), 3000, 509, at.minusSeconds(86400 * 40), pool, 1,
                    new Draw.Source(Draw.SourceKind.MANUAL, "bench-query.sh", at));
            send(producer, Topics.DRAWS, draw.number(), new CloudEvent(EventTypes.drawEventId("99001", 1), EventTypes.DRAW_ANNOUNCED,
                    EventTypes.SOURCE_INGEST, at, draw.number()), EventJson.write(draw));
            CandidateScored s = new CandidateScored(candidate, 1, LocalDate.of(2026, 11, 1), 497,
                    new CandidateScored.Sections(421, 0, 50, 26), "2025-03-25", List.of(Program.CEC, Program.FSW),
                    List.of(), List.of(), at);
            send(producer, Topics.CANDIDATE_SCORES, candidate, new CloudEvent(EventTypes.candidateScoredId(candidate, 1, s.asOf(), "497"),
                    EventTypes.CANDIDATE_SCORED, EventTypes.SOURCE_SCORING, at, candidate), EventJson.write(s));
        }
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, String key, CloudEvent e, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, null, key, value, e.headers())).get();
    }
}
JAVA
  echo "bench-query: seeding round 99001 and candidate $CANDIDATE_ID through $BOOTSTRAP" >&2
  java -cp "$CP" "$SEED_SRC" "$BOOTSTRAP" "$CANDIDATE_ID" 2>/dev/null || die "seeding failed"
  for _ in $(seq 1 60); do
    [ "$(status_of "/api/v1/candidates/$CANDIDATE_ID/status")" = "200" ] && [ "$(status_of /api/v1/draws/latest)" = "200" ] && break
    sleep 1
  done
  [ "$(status_of "/api/v1/candidates/$CANDIDATE_ID/status")" = "200" ] || die "the seeded candidate did not appear"
fi

# wrk prints latency percentiles like "99%    3.21ms" (us, ms or s): normalise to ms.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}'; }

declare -A RPS P99
# The forecast's questions: a random score and a random non-empty set of programs per request (LuaJIT: no bit ops).
FORECASTS_LUA="$(mktemp)"
cat > "$FORECASTS_LUA" <<'LUA'
math.randomseed(1)
local programs = {"CEC", "FSW", "FST", "PNP"}
request = function()
  local mask = math.random(1, 15)
  local chosen = {}
  for i = 1, 4 do
    if math.floor(mask / 2 ^ (i - 1)) % 2 == 1 then chosen[#chosen + 1] = programs[i] end
  end
  return wrk.format("GET", "/api/v1/forecasts?score=" .. math.random(300, 700) .. "&programs=" .. table.concat(chosen, ","))
end
LUA
run() {
  local name="$1" path="$2" script="${3:-}" out
  local extra=(); [ -n "$script" ] && extra=(-s "$script")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "${extra[@]}" -H "Authorization: Bearer $READER_TOKEN" -H "Accept-Encoding: gzip" "$QUERY_URL$path" >/dev/null
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${extra[@]}" -H "Authorization: Bearer $READER_TOKEN" \
        -H "Accept-Encoding: gzip" "$QUERY_URL$path")"
  if echo "$out" | grep -q "Non-2xx"; then
    echo "$out" >&2; die "$path answered non-2xx responses"
  fi
  RPS[$name]="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  P99[$name]="$(echo "$out" | awk '$1 == "99%" {print $2}' | to_ms)"
}

run ping "/api/v1/ping"
run latest "/api/v1/draws/latest"
run status "/api/v1/candidates/$CANDIDATE_ID/status"
run forecast "/api/v1/forecasts?score=480&programs=CEC" "$FORECASTS_LUA"
run ping2 "/api/v1/ping"

BASE="$(awk -v a="${RPS[ping]}" -v b="${RPS[ping2]}" 'BEGIN {printf "%.2f", (a + b) / 2}')"
echo "query-service benchmark: $(date -u +%Y-%m-%dT%H:%M:%SZ), $QUERY_URL, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores"
printf '%-44s %12s %10s %10s\n' "endpoint" "requests/s" "p99 ms" "vs ping"
printf '%-44s %12s %10s %10s\n' "/api/v1/ping (baseline, mean of before/after)" "$BASE" "${P99[ping]}" "1.00"
for k in latest status forecast; do
  case "$k" in
    latest) path="/api/v1/draws/latest" ;;
    status) path="/api/v1/candidates/{id}/status" ;;
    forecast) path="/api/v1/forecasts?score=R&programs=P" ;;
  esac
  printf '%-44s %12s %10s %10s\n' "$path" "${RPS[$k]}" "${P99[$k]}" "$(awk -v a="${RPS[$k]}" -v b="$BASE" 'BEGIN {printf "%.2f", a / b}')"
done
