-- Events staged in the write that causes them (IEngineEvents.StageAsync): deleted once delivered; a row left behind
-- by a stopped process is delivered when the site starts again, or by the sweep of a running one.
CREATE TABLE event_outbox (
    id          INTEGER PRIMARY KEY,
    type        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
