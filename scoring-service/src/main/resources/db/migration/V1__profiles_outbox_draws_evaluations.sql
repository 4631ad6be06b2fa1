-- Stored candidate profiles. The profile document (JSON v1 of the CRS issue) is kept verbatim as
-- text: the draw evaluation streams it with plain JDBC and parses it in parallel, and text avoids
-- the jsonb -> text conversion on a 1,000,000-row scan. The columns beside it are what SQL needs
-- without parsing: the submission instant (pool membership, tie-break) and the last score the
-- daily re-score compares with.
create table candidate_profile (
    candidate_id      varchar(64)  primary key,
    version           bigint       not null,
    profile_json      text         not null,
    -- CompactProfile: the same profile pre-parsed into a small binary form for the evaluation's hot path.
    profile_compact   bytea,
    submitted_at      timestamptz  not null,
    score_as_of       date         not null,
    score_total       integer      not null,
    score_fingerprint varchar(200) not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);

-- Transactional outbox: every CandidateScored / CandidateErased / DrawEvaluated is written here in
-- the same transaction as the state change, and a relay publishes it (acks=all) before deleting
-- the row. event_id is the deterministic CloudEvent id: writing the same fact twice is a no-op.
create table outbox_event (
    id          bigserial     primary key,
    event_id    varchar(300)  not null unique,
    topic       varchar(200)  not null,
    event_key   varchar(200)  not null,
    event_type  varchar(100)  not null,
    subject     varchar(300)  not null,
    event_time  timestamptz   not null,
    payload     bytea         not null,
    created_at  timestamptz   not null default now()
);

-- Local copy of every revision of every round read from express-entry.draws (the backtest and
-- the evaluation read it; no other service's table is ever read).
create table draw_revision (
    draw_number  varchar(16)  not null,
    revision     integer      not null,
    draw_date    date         not null,
    payload      text         not null,
    received_at  timestamptz  not null,
    primary key (draw_number, revision)
);
create index draw_revision_by_date on draw_revision (draw_date);

-- One row per (round, revision) whose evaluation finished: written only after every
-- InvitationLikely of that evaluation was acknowledged by the broker, together with the
-- DrawEvaluated outbox row. A row here means "never evaluate this revision again".
create table draw_evaluation (
    draw_number   varchar(16)  not null,
    draw_revision integer      not null,
    evaluated     bigint       not null,
    eligible      bigint       not null,
    likely        bigint       not null,
    duration_ms   bigint       not null,
    completed_at  timestamptz  not null,
    primary key (draw_number, draw_revision)
);
