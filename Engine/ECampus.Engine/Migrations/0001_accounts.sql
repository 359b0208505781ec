-- Accounts, their site roles, sessions and API tokens, password resets.
CREATE TABLE account (
    id                INTEGER PRIMARY KEY,
    email             TEXT NOT NULL,
    email_normalized  TEXT NOT NULL UNIQUE,
    display_name      TEXT NOT NULL,
    password_hash     TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('pending', 'active', 'suspended')),
    country           TEXT,
    region            TEXT,
    organisation_type TEXT,
    gender            TEXT,
    created_at        TEXT NOT NULL,
    approved_at       TEXT,
    last_sign_in_at   TEXT
);

CREATE TABLE account_role (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'author')),
    PRIMARY KEY (account_id, role)
);

-- Browser sessions and personal access tokens. Only a hash of the secret is stored, so a copy of the
-- database does not let anyone sign in.
CREATE TABLE account_session (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('browser', 'api')),
    client       TEXT,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    revoked_at   TEXT
);
CREATE INDEX account_session_by_account ON account_session (account_id);

CREATE TABLE password_reset (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

-- Course roles held per course (and cohort, once cohorts exist): learner or tutor.
CREATE TABLE course_role (
    course_id  TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('learner', 'tutor')),
    granted_at TEXT NOT NULL,
    PRIMARY KEY (course_id, account_id, role)
);
CREATE INDEX course_role_by_account ON course_role (account_id);
