-- ingest-service schema. Every revision of every round is kept; the outbox holds the events to publish.

CREATE TABLE draw (
    number           varchar(16)  PRIMARY KEY,
    revision         integer      NOT NULL CHECK (revision >= 1),
    draw_date        date         NOT NULL,
    updated_at       timestamptz  NOT NULL
);

CREATE TABLE draw_revision (
    number           varchar(16)  NOT NULL REFERENCES draw (number),
    revision         integer      NOT NULL CHECK (revision >= 1),
    -- The complete Draw (contracts, schema draw.v1) of this revision, as published.
    payload          text         NOT NULL,
    source_kind      varchar(16)  NOT NULL,
    source_reference text,
    received_at      timestamptz  NOT NULL,
    PRIMARY KEY (number, revision)
);

CREATE TABLE outbox_event (
    id               bigserial    PRIMARY KEY,
    -- Deterministic CloudEvents id (draw-<number>-r<revision>): a second write of the same fact fails here.
    event_id         varchar(128) NOT NULL UNIQUE,
    topic            varchar(249) NOT NULL,
    event_key        varchar(128) NOT NULL,
    event_type       varchar(128) NOT NULL,
    event_source     varchar(128) NOT NULL,
    event_subject    varchar(128),
    event_time       timestamptz  NOT NULL,
    payload          text         NOT NULL,
    -- W3C trace context of the request that wrote the fact, carried to consumers as the traceparent header.
    traceparent      varchar(64),
    created_at       timestamptz  NOT NULL,
    sent_at          timestamptz,
    attempts         integer      NOT NULL DEFAULT 0,
    last_error       text
);
-- The relay's query: unsent rows in id order, and "is there an older unsent row of the same key".
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_unsent_key ON outbox_event (event_key, id) WHERE sent_at IS NULL;

CREATE TABLE quarantined_round (
    id               bigserial    PRIMARY KEY,
    number           varchar(64),
    raw              text         NOT NULL,
    -- The same bad round fetched again every poll is one row, seen more often.
    raw_sha256       char(64)     NOT NULL UNIQUE,
    reason           text         NOT NULL,
    source_kind      varchar(16)  NOT NULL,
    source_reference text,
    first_seen_at    timestamptz  NOT NULL,
    last_seen_at     timestamptz  NOT NULL,
    seen_count       integer      NOT NULL DEFAULT 1,
    -- Set when a later, readable version of the same round number was accepted.
    resolved_at      timestamptz
);
CREATE INDEX quarantined_round_number ON quarantined_round (number);

CREATE TABLE feed_fetch (
    url              text         PRIMARY KEY,
    etag             text,
    last_modified    text,
    content_sha256   char(64),
    last_attempt_at  timestamptz,
    last_success_at  timestamptz,
    last_error       text,
    consecutive_failures integer  NOT NULL DEFAULT 0
);
