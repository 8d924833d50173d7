-- Following up an order: whoever follows up on its confirmations may remind those who have not
-- confirmed yet, at most once a day per post (`ack_reminded_at`, the last reminder), and the
-- reminder is a notification of a new kind, 'ack_reminder'. SQLite cannot alter a CHECK, so the
-- notifications table is rebuilt with its rows (as in 0010).
ALTER TABLE posts ADD COLUMN ack_reminded_at INTEGER;

CREATE TABLE notifications_new (
  id          INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  kind        TEXT NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'like', 'group_post', 'join_request', 'announcement', 'idea_status', 'idea_comment', 'idea_thanks', 'ack_reminder')),
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
