#!/bin/sh
# One-shot topic creation for docker-compose.yml, with the settings of contracts/.../Topics.java
# (broker auto-creation is off). --if-not-exists makes a second `docker compose up` a no-op.
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
TOPICS=/opt/kafka/bin/kafka-topics.sh
two_weeks=1209600000
create() { # name partitions config...
  name=$1; partitions=$2; shift 2
  set -- $(for c in "$@"; do printf -- '--config %s ' "$c"; done)
  "$TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor 1 "$@"
}
create express-entry.draws 3 retention.ms=-1
create express-entry.invitation-likely 6 retention.ms=-1
create express-entry.candidate-scores 6 cleanup.policy=compact
create express-entry.draw-evaluations 3 retention.ms=-1
for t in express-entry.draws express-entry.invitation-likely express-entry.candidate-scores express-entry.draw-evaluations; do
  create "$t.dlq" 1 retention.ms=$two_weeks
done
"$TOPICS" --bootstrap-server "$BOOTSTRAP" --list
