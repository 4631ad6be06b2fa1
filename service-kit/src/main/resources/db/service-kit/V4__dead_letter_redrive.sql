-- Dead letters re-published by the admin redrive (service-kit RedriveLedger): one row per DLQ record,
-- claimed before it is published, so asking twice publishes once; where it landed once acknowledged.
create table dead_letter_redrive (
    dlq_topic        text        not null,
    dlq_partition    integer     not null,
    dlq_offset       bigint      not null,
    redriven_at      timestamptz not null,
    target_partition integer,
    target_offset    bigint,
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
