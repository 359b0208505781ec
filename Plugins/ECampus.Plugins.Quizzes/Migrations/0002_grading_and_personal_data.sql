-- Answers name their learner, so a learner's data can be exported or erased from this table alone (the manifest
-- declares it). Filled from the attempt for answers saved before.
ALTER TABLE quizzes_answer ADD COLUMN account_id INTEGER NOT NULL DEFAULT 0;
UPDATE quizzes_answer SET account_id = (SELECT a.account_id FROM quizzes_attempt a WHERE a.id = quizzes_answer.attempt_id);

-- A tutor's grade of an answer that needs a person (an essay). Every grading is kept; the latest one per question is
-- the one in the attempt's result. completes: whether the attempt completed the activity once this grade was given.
CREATE TABLE quizzes_manual_grade (
    id          INTEGER PRIMARY KEY,
    attempt_id  TEXT NOT NULL REFERENCES quizzes_attempt (id),
    question_id TEXT NOT NULL,
    account_id  INTEGER NOT NULL,  -- the learner whose answer it is
    points      REAL NOT NULL,
    feedback    TEXT,
    graded_by   INTEGER NOT NULL,
    graded_at   TEXT NOT NULL,
    completes   INTEGER NOT NULL
);
CREATE INDEX quizzes_manual_grade_by_attempt ON quizzes_manual_grade (attempt_id, question_id, id);
