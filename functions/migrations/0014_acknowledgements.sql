-- Orders everyone must confirm having read: an announcement may ask for it, each person
-- confirms once ("I have read this"), and its author and admins see who has not yet.
ALTER TABLE posts ADD COLUMN ack_required INTEGER NOT NULL DEFAULT 0 CHECK (ack_required IN (0, 1));
ALTER TABLE posts ADD COLUMN ack_count INTEGER NOT NULL DEFAULT 0;
CREATE TABLE post_acks (
  post_id    TEXT NOT NULL REFERENCES posts(id),
  user_id    TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;
