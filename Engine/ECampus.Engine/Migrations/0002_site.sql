-- Site settings an administrator changes at run time, the mail outbox, and the audit trail.
CREATE TABLE site_setting (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE mail_outbox (
    id         INTEGER PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body_text  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (sent_at, id);

-- Who did what to whom: approvals, role changes, suspensions, password changes.
CREATE TABLE audit_event (
    id               INTEGER PRIMARY KEY,
    at               TEXT NOT NULL,
    actor_account_id INTEGER,
    action           TEXT NOT NULL,
    subject          TEXT NOT NULL,
    detail           TEXT
);
CREATE INDEX audit_event_by_at ON audit_event (at);
