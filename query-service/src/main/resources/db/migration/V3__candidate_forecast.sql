-- The latest InvitationForecast per candidate, from the compacted topic express-entry.invitation-forecasts: the
-- one computed last (computed_at, the event's time) wins, so a redelivered or replayed older forecast changes
-- nothing. A tombstone on the topic (the profile was erased) deletes the row.
create table candidate_forecast (
    candidate_id  text         primary key,
    computed_at   timestamptz  not null,
    payload       text         not null
);
