-- Ideas grow a discussion, a place in the company, thanks for their authors, and a way back in
-- for the innovation system; 'moderation' and 'hr' become capabilities; notifications can be
-- delivered to a deputy.

-- What an idea concerns, if anything: a department, or a place on the map.
ALTER TABLE ideas ADD COLUMN department_id TEXT REFERENCES departments(id);
ALTER TABLE ideas ADD COLUMN place_id TEXT REFERENCES places(id);

-- Comments under an idea, oldest first (the same shape as comments on posts).
CREATE TABLE idea_comments (
  id         TEXT PRIMARY KEY,
  idea_id    TEXT NOT NULL REFERENCES ideas(id),
  author_id  TEXT NOT NULL REFERENCES users(id),
  body       TEXT NOT NULL,
  body_html  TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX idea_comments_by_idea ON idea_comments(idea_id, created_at, id);

-- A reviewer or leader thanks an idea's author, once per idea; the profile counts them.
CREATE TABLE idea_thanks (
  idea_id    TEXT NOT NULL REFERENCES ideas(id),
  from_id    TEXT NOT NULL REFERENCES users(id),
  note       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (idea_id, from_id)
) WITHOUT ROWID;

-- Tokens with which an outside system (the innovation or project tracker) sets ideas' status.
-- Only the SHA-256 of a token is kept; the admin who issued it answers for what it does.
CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  scope        TEXT NOT NULL CHECK (scope IN ('ideas:status')),
  created_by   TEXT NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER
);

-- A status change made through a token names it ("via Jira").
ALTER TABLE idea_history ADD COLUMN via TEXT;

-- Notifications learn 'idea_comment' and 'idea_thanks', and whom a notification is for when a
-- deputy receives it for an absent colleague (`for_user_id`). SQLite cannot alter a CHECK, so
-- the table is rebuilt with its rows.
CREATE TABLE notifications_new (
  id          INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  kind        TEXT NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'like', 'group_post', 'join_request', 'announcement', 'idea_status', 'idea_comment', 'idea_thanks')),
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
INSERT INTO notifications_new (id, user_id, kind, actor_id, actor_count, post_id, group_id, idea_id, group_key, created_at, read_at)
SELECT id, user_id, kind, actor_id, actor_count, post_id, group_id, idea_id, group_key, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_by_user ON notifications(user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_grouped ON notifications(user_id, group_key) WHERE group_key IS NOT NULL;

-- Two more capabilities: 'moderation' (hide and merge round-table questions, delete anyone's
-- posts and comments) and 'hr' (edit people's official fields: position, department, manager,
-- start date; set anyone's absence).
CREATE TABLE role_grants_new (
  user_id    TEXT NOT NULL REFERENCES users(id),
  capability TEXT NOT NULL CHECK (capability IN ('communications', 'places', 'ideas', 'moderation', 'hr')),
  granted_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, capability)
) WITHOUT ROWID;
INSERT INTO role_grants_new SELECT user_id, capability, granted_by, created_at FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE role_grants_new RENAME TO role_grants;
