-- A new post is announced to the people watching live as soon as it is stored, and its followers' notifications are
-- written after that, in a write of their own (hundreds of rows for a busy thread would otherwise hold the announcement
-- back). Until then the post is marked, so a process stopped in between leaves nothing unsent: the after-commit sweep
-- notifies the followers of every marked post.
ALTER TABLE forum_post ADD COLUMN followers_pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX forum_post_followers_pending ON forum_post (id) WHERE followers_pending = 1;
