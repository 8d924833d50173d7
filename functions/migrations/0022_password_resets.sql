-- One-time links an admin issues to someone who forgot their password. No email is sent: the
-- admin passes the link on, as with invitations. Only the secret's hash is stored, and only a
-- person's newest unused link works (issuing one deletes the older ones).
CREATE TABLE password_resets (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  secret_hash TEXT NOT NULL UNIQUE,
  created_by  TEXT NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
);
CREATE INDEX password_resets_by_user ON password_resets(user_id, used_at);
