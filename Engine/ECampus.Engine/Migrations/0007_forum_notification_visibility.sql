-- Whether a notification's post is out of sight (the post or its thread hidden or deleted), kept by moderation, so the
-- nav's unread count is an index count instead of a join over posts and threads: someone following a busy thread
-- may hold hundreds of unread notifications, and each new post there recounts everyone it notifies.
ALTER TABLE forum_notification ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
UPDATE forum_notification SET hidden = (
    SELECT p.deleted_at IS NOT NULL OR p.is_hidden OR t.deleted_at IS NOT NULL OR t.is_hidden
    FROM forum_post p JOIN forum_thread t ON t.id = p.thread_id WHERE p.id = forum_notification.post_id);
CREATE INDEX forum_notification_unread_visible ON forum_notification (account_id) WHERE read_at IS NULL AND hidden = 0;
