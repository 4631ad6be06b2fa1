-- The outbox takes the form of service-kit's shared outbox (the same table in every service): the relay
-- deletes a row once the broker acknowledged it, payloads are bytes, an internal record may name its key.
-- Rows already sent are history, not work: they go.
DELETE FROM outbox_event WHERE sent_at IS NOT NULL;
DROP INDEX IF EXISTS outbox_event_unsent;
DROP INDEX IF EXISTS outbox_event_unsent_key;
ALTER TABLE outbox_event DROP COLUMN sent_at, DROP COLUMN attempts, DROP COLUMN last_error;
ALTER TABLE outbox_event RENAME COLUMN event_subject TO subject;
ALTER TABLE outbox_event ALTER COLUMN payload TYPE bytea USING convert_to(payload, 'UTF8');
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE outbox_event ADD COLUMN key_id varchar(64);
