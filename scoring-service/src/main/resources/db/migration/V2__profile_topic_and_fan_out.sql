-- The draw evaluation runs on Kafka Streams (docs/topology.md): stored profiles reach the internal,
-- encrypted topic scoring.candidate-profiles through this outbox, and a round is fanned out to every
-- profile partition instead of being evaluated here.

-- Profile records: encrypted payload, the id of the key that encrypted it (a record header), and a
-- null payload for an erasure (a tombstone on the compacted topic).
alter table outbox_event alter column payload drop not null;
alter table outbox_event add column key_id varchar(64);

-- One row per round revision fanned out to the partitions: "never fan this revision out again".
-- DrawEvaluated itself is emitted by the topology when every partition reported.
create table draw_fan_out (
    draw_number   varchar(16)  not null,
    draw_revision integer      not null,
    partitions    integer      not null,
    received_at   timestamptz  not null,
    requested_at  timestamptz  not null,
    primary key (draw_number, draw_revision)
);
drop table draw_evaluation;

-- The one-time publication of every stored profile onto the topic, per compact layout: resumable
-- (the last candidate id published) and run by one replica at a time (an advisory lock). A new
-- layout of the compact form publishes every profile again, so the pools never hold a stale layout.
create table profile_topic_backfill (
    layout             varchar(64)  primary key,
    last_candidate_id  varchar(64),
    done               boolean      not null default false,
    updated_at         timestamptz  not null default now()
);
