-- Follows, announcements, tags, notifications, and full-text search.

-- What a person follows: people, groups and tags. `notify`: a new post there notifies them
-- (for groups; people and tags feed the "following" filter only).
CREATE TABLE follows (
  user_id    TEXT NOT NULL REFERENCES users(id),
  kind       TEXT NOT NULL CHECK (kind IN ('person', 'group', 'tag')),
  target     TEXT NOT NULL,
  notify     INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind, target)
) WITHOUT ROWID;
-- Fan-out: who follows this group with notifications on.
CREATE INDEX follows_by_target ON follows(kind, target, notify);

-- #tags of live posts, for the tag filter and tag search.
CREATE TABLE post_tags (
  tag        TEXT NOT NULL,
  post_id    TEXT NOT NULL REFERENCES posts(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tag, created_at, post_id)
) WITHOUT ROWID;
CREATE INDEX post_tags_by_post ON post_tags(post_id);

-- Announcements: company-wide posts pinned above the feed until they expire.
ALTER TABLE posts ADD COLUMN announce_until INTEGER;
CREATE INDEX posts_announced ON posts(announce_until) WHERE announce_until IS NOT NULL AND deleted_at IS NULL;
-- "Mine" and the "following" filter page a person's posts.
CREATE INDEX posts_by_author ON posts(author_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

-- One row per notification a person gets. Likes of one post collapse into one row
-- (group_key 'like:<post id>'): "Ani and 4 others liked your post".
CREATE TABLE notifications (
  -- An integer: one event inserts a row per recipient in a single INSERT … SELECT.
  id          INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  kind        TEXT NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'like', 'group_post', 'join_request', 'announcement')),
  actor_id    TEXT NOT NULL REFERENCES users(id),
  -- How many people did it (likes); 1 otherwise.
  actor_count INTEGER NOT NULL DEFAULT 1,
  post_id     TEXT REFERENCES posts(id),
  group_id    TEXT REFERENCES user_groups(id),
  group_key   TEXT,
  created_at  INTEGER NOT NULL,
  read_at     INTEGER
);
CREATE INDEX notifications_by_user ON notifications(user_id, created_at DESC, id DESC);
-- The unread badge counts this, capped.
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_grouped ON notifications(user_id, group_key) WHERE group_key IS NOT NULL;

-- Per person and kind: 'app' (the default when no row) or 'off'. Web push would be a new channel.
CREATE TABLE notification_settings (
  user_id TEXT NOT NULL REFERENCES users(id),
  kind    TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('app', 'off')),
  PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;

-- Full-text search: one FTS5 table per kind, its rowid the base row's rowid, kept in step by
-- triggers. `wrangler d1 export` skips FTS5 tables: functions/sql/rebuild-search.sql rebuilds
-- them from the base tables (scripts/rebuild-search.sh).
CREATE VIRTUAL TABLE posts_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE comments_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE people_fts USING fts5(name, email, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE groups_fts USING fts5(name, description, tags, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
  INSERT INTO posts_fts (rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF body, deleted_at ON posts BEGIN
  DELETE FROM posts_fts WHERE rowid = old.rowid;
  INSERT INTO posts_fts (rowid, body) SELECT new.rowid, new.body WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
  INSERT INTO comments_fts (rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER comments_fts_update AFTER UPDATE OF body, deleted_at ON comments BEGIN
  DELETE FROM comments_fts WHERE rowid = old.rowid;
  INSERT INTO comments_fts (rowid, body) SELECT new.rowid, new.body WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER people_fts_insert AFTER INSERT ON users BEGIN
  INSERT INTO people_fts (rowid, name, email) VALUES (new.rowid, new.name, new.email);
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name, email ON users BEGIN
  DELETE FROM people_fts WHERE rowid = old.rowid;
  INSERT INTO people_fts (rowid, name, email) VALUES (new.rowid, new.name, new.email);
END;
CREATE TRIGGER groups_fts_insert AFTER INSERT ON user_groups BEGIN
  INSERT INTO groups_fts (rowid, name, description, tags) VALUES (new.rowid, new.name, new.description, new.tags);
END;
CREATE TRIGGER groups_fts_update AFTER UPDATE OF name, description, tags ON user_groups BEGIN
  DELETE FROM groups_fts WHERE rowid = old.rowid;
  INSERT INTO groups_fts (rowid, name, description, tags) VALUES (new.rowid, new.name, new.description, new.tags);
END;

-- What already exists when this migration runs.
INSERT INTO posts_fts (rowid, body) SELECT rowid, body FROM posts WHERE deleted_at IS NULL;
INSERT INTO comments_fts (rowid, body) SELECT rowid, body FROM comments WHERE deleted_at IS NULL;
INSERT INTO people_fts (rowid, name, email) SELECT rowid, name, email FROM users;
INSERT INTO groups_fts (rowid, name, description, tags) SELECT rowid, name, description, tags FROM user_groups;
