-- Balai foundation schema. Ids are ULIDs (sortable text); times are unix milliseconds UTC.

CREATE TABLE departments (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE branches (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  city TEXT NOT NULL
);

CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  -- Login: a corporate email, or a login name chosen with an access code. Stored lower-case.
  email          TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('admin', 'member')),
  password_hash  TEXT NOT NULL,
  department_id  TEXT REFERENCES departments(id),
  branch_id      TEXT REFERENCES branches(id),
  -- The invite this person joined with: UNIQUE, so one invite can never create two accounts.
  invite_id      TEXT UNIQUE,
  created_at     INTEGER NOT NULL,
  -- Set when offboarded: sessions stop working and login is refused; content stays.
  deactivated_at INTEGER
);

CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users(id),
  -- SHA-256 of the cookie token; the token itself is never stored.
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE invites (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('link', 'code')),
  email       TEXT,
  role        TEXT NOT NULL CHECK (role IN ('admin', 'member')),
  -- SHA-256 of the link token or access code.
  secret_hash TEXT NOT NULL UNIQUE,
  created_by  TEXT NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER,
  used_by     TEXT REFERENCES users(id),
  revoked_at  INTEGER
);
CREATE INDEX invites_open ON invites(used_at, revoked_at, created_at);

CREATE TABLE posts (
  id            TEXT PRIMARY KEY,
  author_id     TEXT NOT NULL REFERENCES users(id),
  body          TEXT NOT NULL,
  body_html     TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  edited_at     INTEGER,
  deleted_at    INTEGER,
  like_count    INTEGER NOT NULL DEFAULT 0,
  comment_count INTEGER NOT NULL DEFAULT 0
);
-- The feed pages by (created_at, id) over live posts only.
CREATE INDEX posts_feed ON posts(created_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE comments (
  id         TEXT PRIMARY KEY,
  post_id    TEXT NOT NULL REFERENCES posts(id),
  author_id  TEXT NOT NULL REFERENCES users(id),
  body       TEXT NOT NULL,
  body_html  TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX comments_by_post ON comments(post_id, created_at, id);

CREATE TABLE likes (
  post_id    TEXT NOT NULL REFERENCES posts(id),
  user_id    TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;

-- A write's first answer, replayed for a retry with the same Idempotency-Key.
CREATE TABLE idempotency (
  user_id    TEXT NOT NULL,
  key        TEXT NOT NULL,
  status     INTEGER NOT NULL,
  response   TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

-- Fixed-window counters for rate limits (login failures per account and per address, writes).
CREATE TABLE rate_limits (
  key          TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count        INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE audit_log (
  id         TEXT PRIMARY KEY,
  actor_id   TEXT NOT NULL REFERENCES users(id),
  action     TEXT NOT NULL,
  target     TEXT,
  detail     TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX audit_by_time ON audit_log(created_at DESC);
