-- HR import: an invitation can carry the official fields (and phone) its person gets on joining,
-- so re-importing the HR export updates it instead of inviting twice.
ALTER TABLE invites ADD COLUMN profile TEXT;
CREATE INDEX invites_by_email ON invites(email) WHERE email IS NOT NULL;

-- Bookmarks on one's work page: title and link, in the order the person chose.
CREATE TABLE bookmarks (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id),
  title      TEXT NOT NULL,
  url        TEXT NOT NULL,
  sort       INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX bookmarks_by_user ON bookmarks(user_id, sort);

-- Shared sets: everyone whose position is `position_title` sees these links (admins keep them).
CREATE TABLE position_bookmarks (
  id             TEXT PRIMARY KEY,
  position_title TEXT NOT NULL COLLATE NOCASE,
  title          TEXT NOT NULL,
  url            TEXT NOT NULL,
  sort           INTEGER NOT NULL,
  created_by     TEXT NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL
);
CREATE INDEX position_bookmarks_by_title ON position_bookmarks(position_title, sort);
