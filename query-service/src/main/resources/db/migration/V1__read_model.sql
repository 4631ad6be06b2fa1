-- The query-service read model. Everything here is derived from the Kafka topics and can be dropped and
-- rebuilt by replaying them (POST /api/v1/admin/read-model/rebuild). Every write is an upsert keyed by the
-- identity of the fact (draw number + revision, candidate id, draw + revision + candidate), so a redelivered
-- or replayed event changes nothing and the order in which topics are replayed does not matter.

-- The current (highest) revision of each round; payload is the Draw event body as received.
create table draw (
    number          text primary key,
    number_num      integer not null,
    -- "91a"/"91b": IRCC numbered two rounds of 2018-05-30 with a letter; '' for every other round
    number_suffix   text    not null,
    revision        integer not null,
    revisions       integer not null default 1,
    draw_date       date    not null,
    round_type      text    not null,
    program         text,
    category        text,
    invitations     integer not null,
    crs_cutoff      integer not null,
    pool_as_of      date,
    payload         text    not null
);
create index draw_newest on draw (draw_date desc, number_num desc, number_suffix desc);
create index draw_pool_newest on draw (pool_as_of desc, draw_date desc, number_num desc, number_suffix desc)
    where pool_as_of is not null;

-- Every revision ever received, to count them (a correction may arrive before the revision it replaces).
create table draw_revision (
    number   text    not null,
    revision integer not null,
    primary key (number, revision)
);

create table draw_evaluation (
    draw_number   text    not null,
    draw_revision integer not null,
    evaluated     bigint  not null,
    eligible      bigint  not null,
    likely        bigint  not null,
    duration_ms   bigint  not null,
    primary key (draw_number, draw_revision)
);

-- The latest CandidateScored per candidate: the highest (profile version, as-of date, scored at).
create table candidate_score (
    candidate_id    text        primary key,
    profile_version bigint      not null,
    as_of           date        not null,
    scored_at       timestamptz not null,
    payload         text        not null
);

-- Erasure tombstone: only the opaque id and the time of erasure, so that an older CandidateScored or
-- InvitationLikely delivered after the erasure (another topic, a lagging partition, a replay) cannot bring
-- the candidate back. A profile created again after the erasure (scored later) is accepted.
create table candidate_erasure (
    candidate_id text        primary key,
    erased_at    timestamptz not null
);

create table invitation (
    candidate_id  text        not null,
    draw_number   text        not null,
    draw_revision integer     not null,
    evaluated_at  timestamptz not null,
    payload       text        not null,
    primary key (candidate_id, draw_number, draw_revision)
);

-- Time of the newest event applied (max of ce_time), answered as X-Data-As-Of.
create table read_model_state (
    id         integer primary key check (id = 1),
    data_as_of timestamptz
);
insert into read_model_state (id, data_as_of) values (1, null);
