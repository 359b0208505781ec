-- Forums: a course forum per course (per cohort in cohort-paced courses), a discussion per module where the pack asks,
-- and communities of practice with their own members. Posts keep their Markdown and the sanitised HTML rendered once
-- when written; deletion is soft, and every moderation action is logged.

CREATE TABLE forum_community (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    is_public   INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
    open_to_requests INTEGER NOT NULL DEFAULT 1 CHECK (open_to_requests IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  INTEGER REFERENCES account (id)
);

CREATE TABLE forum_community_member (
    community_id INTEGER NOT NULL REFERENCES forum_community (id) ON DELETE CASCADE,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('member', 'moderator')),
    status       TEXT NOT NULL CHECK (status IN ('active', 'requested')),
    since        TEXT NOT NULL,
    decided_by   INTEGER REFERENCES account (id),
    PRIMARY KEY (community_id, account_id)
);
CREATE INDEX forum_community_member_by_account ON forum_community_member (account_id, status);

-- A space holding threads. Course spaces are created on first use from the pack: scope_key is
-- 'course' or 'module:{moduleId}', cohort_id 0 stands for "no cohort" so the unique key holds.
CREATE TABLE forum (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('course', 'module', 'community')),
    course_id    TEXT,
    cohort_id    INTEGER NOT NULL DEFAULT 0,
    scope_key    TEXT NOT NULL,
    module_id    TEXT,
    community_id INTEGER REFERENCES forum_community (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (course_id, cohort_id, scope_key),
    UNIQUE (community_id)
);

CREATE TABLE forum_thread (
    id            INTEGER PRIMARY KEY,
    forum_id      INTEGER NOT NULL REFERENCES forum (id),
    title         TEXT NOT NULL,
    author_id     INTEGER NOT NULL REFERENCES account (id),
    created_at    TEXT NOT NULL,
    last_post_at  TEXT NOT NULL,
    last_post_id  INTEGER NOT NULL DEFAULT 0,
    reply_count   INTEGER NOT NULL DEFAULT 0,
    is_pinned     INTEGER NOT NULL DEFAULT 0 CHECK (is_pinned IN (0, 1)),
    is_locked     INTEGER NOT NULL DEFAULT 0 CHECK (is_locked IN (0, 1)),
    is_hidden     INTEGER NOT NULL DEFAULT 0 CHECK (is_hidden IN (0, 1)),
    deleted_at    TEXT,
    delete_reason TEXT
);
CREATE INDEX forum_thread_by_forum ON forum_thread (forum_id, is_pinned DESC, last_post_at DESC);

-- A post. The first post of a thread has no parent; a reply's parent is always a top-level post (one level of nesting).
CREATE TABLE forum_post (
    id            INTEGER PRIMARY KEY,
    thread_id     INTEGER NOT NULL REFERENCES forum_thread (id),
    parent_id     INTEGER REFERENCES forum_post (id),
    quote_post_id INTEGER REFERENCES forum_post (id),
    author_id     INTEGER NOT NULL REFERENCES account (id),
    body_markdown TEXT NOT NULL,
    body_html     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    edited_at     TEXT,
    is_hidden     INTEGER NOT NULL DEFAULT 0 CHECK (is_hidden IN (0, 1)),
    deleted_at    TEXT,
    delete_reason TEXT
);
CREATE INDEX forum_post_by_thread ON forum_post (thread_id, id);
CREATE INDEX forum_post_by_author ON forum_post (author_id, created_at);

-- Earlier versions of an edited post, for moderators.
CREATE TABLE forum_post_revision (
    post_id       INTEGER NOT NULL REFERENCES forum_post (id),
    revision      INTEGER NOT NULL,
    body_markdown TEXT NOT NULL,
    written_at    TEXT NOT NULL,
    replaced_at   TEXT NOT NULL,
    replaced_by   INTEGER NOT NULL REFERENCES account (id),
    PRIMARY KEY (post_id, revision)
);

CREATE TABLE forum_moderation_log (
    id        INTEGER PRIMARY KEY,
    forum_id  INTEGER NOT NULL REFERENCES forum (id),
    thread_id INTEGER REFERENCES forum_thread (id),
    post_id   INTEGER REFERENCES forum_post (id),
    action    TEXT NOT NULL,
    reason    TEXT,
    actor_id  INTEGER NOT NULL REFERENCES account (id),
    at        TEXT NOT NULL
);
CREATE INDEX forum_moderation_log_by_forum ON forum_moderation_log (forum_id, at);

CREATE TABLE forum_report (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES forum_post (id),
    reporter_id INTEGER NOT NULL REFERENCES account (id),
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by INTEGER REFERENCES account (id),
    UNIQUE (post_id, reporter_id)
);
CREATE INDEX forum_report_open ON forum_report (resolved_at, post_id);

CREATE TABLE forum_subscription (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    forum_id   INTEGER NOT NULL REFERENCES forum (id),
    since      TEXT NOT NULL,
    PRIMARY KEY (account_id, forum_id)
);
CREATE INDEX forum_subscription_by_forum ON forum_subscription (forum_id);

CREATE TABLE forum_thread_subscription (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    thread_id  INTEGER NOT NULL REFERENCES forum_thread (id),
    since      TEXT NOT NULL,
    PRIMARY KEY (account_id, thread_id)
);
CREATE INDEX forum_thread_subscription_by_thread ON forum_thread_subscription (thread_id);

-- How far each person has read each thread: the thread is unread while it has a newer post.
CREATE TABLE forum_read (
    account_id        INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    thread_id         INTEGER NOT NULL REFERENCES forum_thread (id),
    last_read_post_id INTEGER NOT NULL,
    PRIMARY KEY (account_id, thread_id)
);

-- In-app notifications of new posts to subscribers; digested_at marks those already sent by email.
CREATE TABLE forum_notification (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    post_id     INTEGER NOT NULL REFERENCES forum_post (id),
    created_at  TEXT NOT NULL,
    read_at     TEXT,
    digested_at TEXT,
    UNIQUE (account_id, post_id)
);
CREATE INDEX forum_notification_pending ON forum_notification (digested_at, account_id);
CREATE INDEX forum_notification_unread ON forum_notification (account_id, read_at);

-- The last digest mailed to each person, so a busy forum sends at most one per period.
CREATE TABLE forum_digest (
    account_id   INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    last_sent_at TEXT NOT NULL
);

-- Full-text index of posts (rowid = forum_post.id), kept by the posting use cases through IForumSearch.
CREATE VIRTUAL TABLE forum_post_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
