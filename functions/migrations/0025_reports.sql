-- Reports: a colleague flags a post or comment (on a post or an idea) that breaks the company's
-- rules; those who moderate decide from one queue. One report per person and thing: reporting
-- again changes nothing. A decision closes the thing's open reports (`decided_at`); a later
-- report by someone else opens it again.
CREATE TABLE reports (
  target      TEXT NOT NULL CHECK (target IN ('post', 'comment', 'idea_comment')),
  target_id   TEXT NOT NULL,
  reporter_id TEXT NOT NULL REFERENCES users(id),
  reason      TEXT NOT NULL CHECK (reason IN ('harassment', 'confidential', 'misleading', 'spam', 'other')),
  note        TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  decided_at  INTEGER,
  decided_by  TEXT REFERENCES users(id),
  removed     INTEGER,
  PRIMARY KEY (target, target_id, reporter_id)
) WITHOUT ROWID;
-- The queue reads only open reports, grouped by what they report.
CREATE INDEX reports_open ON reports(target, target_id) WHERE decided_at IS NULL;

-- Moderators hear of a report: a notification of a new kind. SQLite cannot alter a CHECK, so the
-- notifications table is rebuilt with its rows (as in 0015), and with it its indexes and the
-- push triggers of 0024 (which still use no CASE, for `wrangler d1 execute --file`).
CREATE TABLE notifications_new (
  id          INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  kind        TEXT NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'like', 'group_post', 'join_request', 'announcement', 'idea_status', 'idea_comment', 'idea_thanks', 'ack_reminder', 'report')),
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
