#!/bin/sh
# One-shot topic creation for docker-compose.yml, with the settings of contracts/.../Topics.java and
# InternalTopics.java (broker auto-creation is off), as deploy/k8s/base/kafka/ declares them.
# --if-not-exists makes a second `docker compose up` a no-op (it never changes an existing topic's
# partitions: see deploy/README.md, "Scaling", to change the profile topic's).
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
TOPICS=/opt/kafka/bin/kafka-topics.sh
four_weeks=2419200000
week=604800000
hour=3600000
day=86400000
# scoring.candidate-profiles and scoring.evaluation-requests are co-partitioned: always the same count.
profile_partitions=12
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
create express-entry.invitation-forecasts 6 cleanup.policy=compact
# Dead letters (Topics.deadLetters): the source's partitions, at least 3; 28 days; never compacted.
create express-entry.draws.dlq 3 cleanup.policy=delete retention.ms=$four_weeks
create express-entry.invitation-likely.dlq 6 cleanup.policy=delete retention.ms=$four_weeks
create express-entry.candidate-scores.dlq 6 cleanup.policy=delete retention.ms=$four_weeks
create express-entry.draw-evaluations.dlq 3 cleanup.policy=delete retention.ms=$four_weeks
create express-entry.invitation-forecasts.dlq 6 cleanup.policy=delete retention.ms=$four_weeks
# scoring-service's internal topics (InternalTopics.java): the encrypted, compacted profiles (an erasure is
# gone from the log within about 25 h), the evaluation requests and the per-partition summaries.
create scoring.candidate-profiles $profile_partitions cleanup.policy=compact min.compaction.lag.ms=0 \
  max.compaction.lag.ms=$day segment.ms=$hour delete.retention.ms=$hour min.cleanable.dirty.ratio=0.1
create scoring.evaluation-requests $profile_partitions retention.ms=$week
create scoring.partition-summaries 3 retention.ms=$week
create scoring.evaluation-requests.dlq $profile_partitions cleanup.policy=delete retention.ms=$four_weeks
create scoring.partition-summaries.dlq 3 cleanup.policy=delete retention.ms=$four_weeks
# The Kafka Streams changelogs of the logged stores, each with the partition count of the input of its
# sub-topology (Streams checks it), created here as in Kubernetes rather than by the service.
create scoring-service-evaluation-evaluated-rounds-changelog $profile_partitions cleanup.policy=compact
create scoring-service-evaluation-round-progress-changelog 3 cleanup.policy=compact
"$TOPICS" --bootstrap-server "$BOOTSTRAP" --list
