-- Every change to a learner's record in a course (progress, activities, goals, completion) gives their enrolment a
-- new record_version, so a page that kept the record in memory can tell with one indexed lookup whether it is still
-- current, whichever process or node wrote the change. Versions are random rather than counted so that an enrolment
-- deleted with its account and created again under a reused id never meets a version it had before.
ALTER TABLE enrolment ADD COLUMN record_version INTEGER NOT NULL DEFAULT 0;
UPDATE enrolment SET record_version = random();

CREATE TRIGGER enrolment_record_version_new AFTER INSERT ON enrolment BEGIN
    UPDATE enrolment SET record_version = random() WHERE id = NEW.id;
END;

CREATE TRIGGER module_progress_inserted AFTER INSERT ON module_progress BEGIN
    UPDATE enrolment SET record_version = random() WHERE course_id = NEW.course_id AND account_id = NEW.account_id;
END;
CREATE TRIGGER module_progress_updated AFTER UPDATE ON module_progress BEGIN
    UPDATE enrolment SET record_version = random()
    WHERE (course_id = OLD.course_id AND account_id = OLD.account_id) OR (course_id = NEW.course_id AND account_id = NEW.account_id);
END;
CREATE TRIGGER module_progress_deleted AFTER DELETE ON module_progress BEGIN
    UPDATE enrolment SET record_version = random() WHERE course_id = OLD.course_id AND account_id = OLD.account_id;
END;

CREATE TRIGGER activity_completion_inserted AFTER INSERT ON activity_completion BEGIN
    UPDATE enrolment SET record_version = random() WHERE course_id = NEW.course_id AND account_id = NEW.account_id;
END;
CREATE TRIGGER activity_completion_updated AFTER UPDATE ON activity_completion BEGIN
    UPDATE enrolment SET record_version = random()
    WHERE (course_id = OLD.course_id AND account_id = OLD.account_id) OR (course_id = NEW.course_id AND account_id = NEW.account_id);
END;
CREATE TRIGGER activity_completion_deleted AFTER DELETE ON activity_completion BEGIN
    UPDATE enrolment SET record_version = random() WHERE course_id = OLD.course_id AND account_id = OLD.account_id;
END;

CREATE TRIGGER learning_goal_inserted AFTER INSERT ON learning_goal BEGIN
    UPDATE enrolment SET record_version = random() WHERE course_id = NEW.course_id AND account_id = NEW.account_id;
END;
CREATE TRIGGER learning_goal_updated AFTER UPDATE ON learning_goal BEGIN
    UPDATE enrolment SET record_version = random()
    WHERE (course_id = OLD.course_id AND account_id = OLD.account_id) OR (course_id = NEW.course_id AND account_id = NEW.account_id);
END;
CREATE TRIGGER learning_goal_deleted AFTER DELETE ON learning_goal BEGIN
    UPDATE enrolment SET record_version = random() WHERE course_id = OLD.course_id AND account_id = OLD.account_id;
END;

CREATE TRIGGER course_completion_inserted AFTER INSERT ON course_completion BEGIN
    UPDATE enrolment SET record_version = random() WHERE course_id = NEW.course_id AND account_id = NEW.account_id;
END;
CREATE TRIGGER course_completion_updated AFTER UPDATE ON course_completion BEGIN
    UPDATE enrolment SET record_version = random()
    WHERE (course_id = OLD.course_id AND account_id = OLD.account_id) OR (course_id = NEW.course_id AND account_id = NEW.account_id);
END;
CREATE TRIGGER course_completion_deleted AFTER DELETE ON course_completion BEGIN
    UPDATE enrolment SET record_version = random() WHERE course_id = OLD.course_id AND account_id = OLD.account_id;
END;
