-- The last invitation forecast published per candidate: a recomputed forecast is published only when a horizon's
-- probability moved by at least 0.01 or the 50% date changed (ForecastChange), so the previous one must be kept.
-- Holds no personal data: the forecast event's JSON as published. Tied to the profile row, so erasing the
-- profile (deleting its row) forgets the forecast in the same transaction.
create table candidate_forecast (
    candidate_id  varchar(64)  not null primary key
                  references candidate_profile (candidate_id) on delete cascade,
    forecast      jsonb        not null,
    published_at  timestamptz  not null
);
