-- Ideas: employees propose, colleagues vote, reviewers decide in the open.

CREATE TABLE ideas (
  id             TEXT PRIMARY KEY,
  author_id      TEXT NOT NULL REFERENCES users(id),
  title          TEXT NOT NULL,
  body           TEXT NOT NULL,
  body_html      TEXT NOT NULL,
  category       TEXT NOT NULL CHECK (category IN ('process', 'product', 'customer', 'workplace', 'safety', 'cost', 'other')),
  status         TEXT NOT NULL CHECK (status IN ('new', 'under_review', 'accepted', 'in_progress', 'implemented', 'declined')),
  decline_reason TEXT,
  -- Kept with the votes in the same batch, so "top" sorts on an index.
  vote_count     INTEGER NOT NULL DEFAULT 0,
  -- A duplicate points to the original; its votes moved there. Lists leave it out.
  merged_into    TEXT REFERENCES ideas(id),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX ideas_newest ON ideas(created_at DESC, id DESC);
CREATE INDEX ideas_top ON ideas(vote_count DESC, created_at DESC, id DESC);
CREATE INDEX ideas_by_author ON ideas(author_id, created_at DESC);

-- One vote per person per idea: the primary key makes a double tap or a retry count once.
CREATE TABLE idea_votes (
  idea_id    TEXT NOT NULL REFERENCES ideas(id),
  user_id    TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (idea_id, user_id)
) WITHOUT ROWID;
-- "Trending" counts the votes of the last seven days.
CREATE INDEX idea_votes_recent ON idea_votes(created_at, idea_id);

-- Every status change: who, when, from what to what, and why (a decline's reason).
CREATE TABLE idea_history (
  id          TEXT PRIMARY KEY,
  idea_id     TEXT NOT NULL REFERENCES ideas(id),
  actor_id    TEXT NOT NULL REFERENCES users(id),
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  note        TEXT,
  created_at  INTEGER NOT NULL
);
CREATE INDEX idea_history_by_idea ON idea_history(idea_id, created_at);

-- Notifications learn a kind ('idea_status') and what idea they are about. SQLite cannot alter
-- a CHECK, so the table is rebuilt with its rows.
CREATE TABLE notifications_new (
  id          INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  kind        TEXT NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'like', 'group_post', 'join_request', 'announcement', 'idea_status')),
  actor_id    TEXT NOT NULL REFERENCES users(id),
  actor_count INTEGER NOT NULL DEFAULT 1,
  post_id     TEXT REFERENCES posts(id),
  group_id    TEXT REFERENCES user_groups(id),
  idea_id     TEXT REFERENCES ideas(id),
  group_key   TEXT,
  created_at  INTEGER NOT NULL,
  read_at     INTEGER
);
INSERT INTO notifications_new (id, user_id, kind, actor_id, actor_count, post_id, group_id, group_key, created_at, read_at)
SELECT id, user_id, kind, actor_id, actor_count, post_id, group_id, group_key, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_by_user ON notifications(user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_grouped ON notifications(user_id, group_key) WHERE group_key IS NOT NULL;

-- A third capability, 'ideas' (idea reviewers).
CREATE TABLE role_grants_new (
  user_id    TEXT NOT NULL REFERENCES users(id),
  capability TEXT NOT NULL CHECK (capability IN ('communications', 'places', 'ideas')),
  granted_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, capability)
) WITHOUT ROWID;
INSERT INTO role_grants_new SELECT user_id, capability, granted_by, created_at FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE role_grants_new RENAME TO role_grants;
