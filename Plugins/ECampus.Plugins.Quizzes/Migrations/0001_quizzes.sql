-- The quiz exactly as an attempt started it (questions, key, settings), stored once per distinct version.
CREATE TABLE quizzes_snapshot (
    id        TEXT PRIMARY KEY,  -- SHA-256 of quiz_json
    quiz_json TEXT NOT NULL
) WITHOUT ROWID;

-- One learner's attempt at one quiz. Graded once: score columns are written when status leaves 'open'.
CREATE TABLE quizzes_attempt (
    id           TEXT PRIMARY KEY,  -- random, unguessable
    course_id    TEXT NOT NULL,
    quiz_id      TEXT NOT NULL,
    account_id   INTEGER NOT NULL,
    cohort_id    INTEGER,
    number       INTEGER NOT NULL,
    kind         TEXT NOT NULL,     -- check | pre | post | survey
    snapshot_id  TEXT NOT NULL REFERENCES quizzes_snapshot (id),
    order_json   TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    deadline_at  TEXT,              -- time limit or close date, whichever comes first
    closes_at    TEXT,              -- the quiz's close date for this learner
    status       TEXT NOT NULL,     -- open | submitted | expired
    submitted_at TEXT,
    score        REAL,
    max_points   REAL,
    percent      REAL,
    passed       INTEGER,
    pending      INTEGER,
    result_json  TEXT,
    UNIQUE (course_id, quiz_id, account_id, number)
);
CREATE INDEX quizzes_attempt_open_by_deadline ON quizzes_attempt (status, deadline_at);
CREATE INDEX quizzes_attempt_by_quiz ON quizzes_attempt (course_id, quiz_id, status);

-- The latest saved answer per question of an attempt.
CREATE TABLE quizzes_answer (
    attempt_id  TEXT NOT NULL REFERENCES quizzes_attempt (id),
    question_id TEXT NOT NULL,
    answer_json TEXT NOT NULL,
    saved_at    TEXT NOT NULL,
    PRIMARY KEY (attempt_id, question_id)
) WITHOUT ROWID;

-- Submitted survey answers. Deliberately no account, no attempt and no precise time: an anonymous survey's answers
-- cannot be traced back to the person (random ids in a table without row ids, so insertion order is not kept either).
CREATE TABLE quizzes_survey_response (
    id           TEXT PRIMARY KEY,
    course_id    TEXT NOT NULL,
    quiz_id      TEXT NOT NULL,
    cohort_id    INTEGER,
    submitted_on TEXT NOT NULL,  -- the day only
    answers_json TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX quizzes_survey_response_by_quiz ON quizzes_survey_response (course_id, quiz_id);
