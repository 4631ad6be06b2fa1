-- The outbox takes the form of service-kit's shared outbox (the same table in every service): each row
-- keeps its CloudEvent source and the trace context of the transaction that wrote it.
alter table outbox_event add column event_source varchar(128) not null default '/ee-radar/scoring-service';
alter table outbox_event alter column event_source drop default;
alter table outbox_event add column traceparent varchar(64);
alter table outbox_event alter column subject drop not null;
