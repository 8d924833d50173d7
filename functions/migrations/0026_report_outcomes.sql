-- A reporter hears how their report ended: a moderator removed what they reported, or kept it;
-- and an author hears when a moderator removed what they wrote (three new notification kinds,
-- each with its own switch). SQLite cannot alter a CHECK, so the
-- notifications table is rebuilt with its rows (as in 0025), and with it its indexes and the
-- push triggers of 0024 (which still use no CASE, for `wrangler d1 execute --file`).
CREATE TABLE notifications_new (
  id          INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  kind        TEXT NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'like', 'group_post', 'join_request', 'announcement', 'idea_status', 'idea_comment', 'idea_thanks', 'ack_reminder', 'report', 'report_removed', 'report_kept', 'removed')),
  actor_id    TEXT NOT NULL REFERENCES users(id),
  actor_count INTEGER NOT NULL DEFAULT 1,
  post_id     TEXT REFERENCES posts(id),
  group_id    TEXT REFERENCES user_groups(id),
  idea_id     TEXT REFERENCES ideas(id),
  group_key   TEXT,
  created_at  INTEGER NOT NULL,
  read_at     INTEGER,
  for_user_id TEXT REFERENCES users(id)
);
INSERT INTO notifications_new (id, user_id, kind, actor_id, actor_count, post_id, group_id, idea_id, group_key, created_at, read_at, for_user_id)
SELECT id, user_id, kind, actor_id, actor_count, post_id, group_id, idea_id, group_key, created_at, read_at, for_user_id FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_by_user ON notifications(user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_grouped ON notifications(user_id, group_key) WHERE group_key IS NOT NULL;
CREATE TRIGGER notifications_push_insert AFTER INSERT ON notifications
WHEN EXISTS (SELECT 1 FROM notification_settings s
             WHERE s.user_id = NEW.user_id AND s.kind = NEW.kind AND s.channel = 'push')
  OR (NEW.kind <> 'like' AND NOT EXISTS (SELECT 1 FROM notification_settings s
                                          WHERE s.user_id = NEW.user_id AND s.kind = NEW.kind))
BEGIN
  UPDATE push_subscriptions SET due_since = coalesce(due_since, NEW.created_at)
  WHERE user_id = NEW.user_id;
END;
CREATE TRIGGER notifications_push_update AFTER UPDATE OF created_at ON notifications
WHEN NEW.read_at IS NULL AND NEW.created_at > OLD.created_at
 AND (EXISTS (SELECT 1 FROM notification_settings s
              WHERE s.user_id = NEW.user_id AND s.kind = NEW.kind AND s.channel = 'push')
   OR (NEW.kind <> 'like' AND NOT EXISTS (SELECT 1 FROM notification_settings s
                                           WHERE s.user_id = NEW.user_id AND s.kind = NEW.kind)))
BEGIN
  UPDATE push_subscriptions SET due_since = coalesce(due_since, NEW.created_at)
  WHERE user_id = NEW.user_id;
END;
