-- Running courses: enrolment, cohorts, progress, learning goals and completion. Courses are content packs and are
-- named by pack id; modules and activities by their ids inside the pack, never by position, so editing, reordering or
-- removing a module in the pack loses nothing here.

-- An administrator's changes to a pack's enrolment rules. A course without a row follows its pack.yml.
CREATE TABLE course_setting (
    course_id      TEXT PRIMARY KEY,
    listed         INTEGER NOT NULL DEFAULT 1 CHECK (listed IN (0, 1)),
    enrolment_mode TEXT CHECK (enrolment_mode IN ('open', 'key', 'approval')),
    enrolment_key  TEXT,
    capacity       INTEGER CHECK (capacity > 0),
    opens_on       TEXT,
    closes_on      TEXT,
    updated_at     TEXT NOT NULL,
    updated_by     INTEGER REFERENCES account (id)
);

-- A group of learners taking a cohort-paced course together from a start date, with its own tutors and records.
CREATE TABLE cohort (
    id         INTEGER PRIMARY KEY,
    course_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    starts_on  TEXT NOT NULL,
    capacity   INTEGER CHECK (capacity > 0),
    created_at TEXT NOT NULL,
    UNIQUE (course_id, name)
);
CREATE INDEX cohort_by_course ON cohort (course_id, starts_on);

CREATE TABLE cohort_tutor (
    cohort_id   INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, account_id)
);
CREATE INDEX cohort_tutor_by_account ON cohort_tutor (account_id);

-- One row per person and course, kept for the record whatever happens to it. Only 'active' gives access (mirrored in
-- course_role); 'requested' waits for a tutor or administrator; 'waitlisted' waits for a place, in queued_at order.
CREATE TABLE enrolment (
    id          INTEGER PRIMARY KEY,
    course_id   TEXT NOT NULL,
    account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    cohort_id   INTEGER REFERENCES cohort (id),
    status      TEXT NOT NULL CHECK (status IN ('active', 'requested', 'waitlisted', 'rejected', 'withdrawn', 'removed')),
    language    TEXT,
    queued_at   TEXT NOT NULL,
    enrolled_at TEXT,
    decided_at  TEXT,
    decided_by  INTEGER REFERENCES account (id),
    reason      TEXT,
    UNIQUE (course_id, account_id)
);
CREATE INDEX enrolment_by_account ON enrolment (account_id, status);
CREATE INDEX enrolment_queue ON enrolment (course_id, status, queued_at);

-- Where a learner stands in each module. module_title and content_hash say what the module was called and which pack
-- version the learner last worked on, so the record still reads right after the module changes or leaves the pack.
CREATE TABLE module_progress (
    course_id    TEXT NOT NULL,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    module_id    TEXT NOT NULL,
    module_title TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    completed_at TEXT,
    completed_by TEXT CHECK (completed_by IN ('learner', 'activities')),
    content_hash TEXT NOT NULL,
    PRIMARY KEY (course_id, account_id, module_id)
);

-- Activities reported complete by the plug-in that owns their type (a quiz passed, an assignment graded, a webinar attended).
CREATE TABLE activity_completion (
    course_id     TEXT NOT NULL,
    account_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    activity_type TEXT NOT NULL,
    activity_id   TEXT NOT NULL,
    completed_at  TEXT NOT NULL,
    PRIMARY KEY (course_id, account_id, activity_id)
);

CREATE TABLE learning_goal (
    course_id  TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
    goal       TEXT NOT NULL,
    rating     INTEGER CHECK (rating BETWEEN 1 AND 5),
    reflection TEXT,
    written_at TEXT NOT NULL,
    rated_at   TEXT,
    PRIMARY KEY (course_id, account_id, position)
);

-- A course completed, once per learner; the row is what makes the "course completed" event fire exactly once.
CREATE TABLE course_completion (
    course_id    TEXT NOT NULL,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    cohort_id    INTEGER REFERENCES cohort (id),
    completed_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    PRIMARY KEY (course_id, account_id)
);
