-- Work pages: what a colleague does and knows, whom they report to, the department tree, and
-- absences with a deputy.

-- The page. Official fields (position, department, manager, start date) are edited by admins and
-- HR and kept in profile_history; the rest by the person.
ALTER TABLE users ADD COLUMN position TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
-- Competencies as typed ("Forklift, K3 safety"); person_competencies holds them as tags.
ALTER TABLE users ADD COLUMN competencies TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN responsibilities TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN hobbies TEXT NOT NULL DEFAULT '';
-- 'MM-DD' (no year); shown to colleagues only while birthday_public = 1.
ALTER TABLE users ADD COLUMN birthday TEXT;
ALTER TABLE users ADD COLUMN birthday_public INTEGER NOT NULL DEFAULT 1 CHECK (birthday_public IN (0, 1));
-- 'YYYY-MM-DD'.
ALTER TABLE users ADD COLUMN start_date TEXT;
ALTER TABLE users ADD COLUMN manager_id TEXT REFERENCES users(id);
-- The photo lives in KV under photo:<user id>; this is its content hash (ETag), NULL for none.
ALTER TABLE users ADD COLUMN photo_etag TEXT;
ALTER TABLE users ADD COLUMN photo_type TEXT;
CREATE INDEX users_by_name ON users(name, id);
CREATE INDEX users_by_manager ON users(manager_id, name);
CREATE INDEX users_by_department ON users(department_id, name);
CREATE INDEX users_by_branch ON users(branch_id, name);
CREATE INDEX users_by_birthday ON users(birthday) WHERE birthday IS NOT NULL;
CREATE INDEX users_by_start_date ON users(substr(start_date, 6)) WHERE start_date IS NOT NULL;

CREATE TABLE person_competencies (
  user_id TEXT NOT NULL REFERENCES users(id),
  tag     TEXT NOT NULL,
  PRIMARY KEY (user_id, tag)
) WITHOUT ROWID;
CREATE INDEX person_competencies_by_tag ON person_competencies(tag, user_id);

-- Changes to official fields: who changed what, from what, when.
CREATE TABLE profile_history (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id),
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  actor_id   TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX profile_history_by_user ON profile_history(user_id, created_at DESC);

-- The department tree: each department may sit under another and have a head.
ALTER TABLE departments ADD COLUMN parent_id TEXT REFERENCES departments(id);
ALTER TABLE departments ADD COLUMN head_id TEXT REFERENCES users(id);
CREATE INDEX departments_by_parent ON departments(parent_id, name);

-- Away: from starts_at to ends_at (ms; whole days in WIB), notifications to the absent person
-- are also delivered to the deputy, marked "for" them.
CREATE TABLE absences (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id),
  starts_at  INTEGER NOT NULL,
  ends_at    INTEGER NOT NULL CHECK (ends_at > starts_at),
  deputy_id  TEXT NOT NULL REFERENCES users(id),
  note       TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  cancelled_at INTEGER
);
CREATE INDEX absences_by_user ON absences(user_id, ends_at);

-- People search covers position and competencies: the FTS table is rebuilt with two more
-- columns (name stays column 0, so highlights keep working).
DROP TRIGGER people_fts_insert;
DROP TRIGGER people_fts_update;
DROP TABLE people_fts;
CREATE VIRTUAL TABLE people_fts USING fts5(name, email, position, competencies, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER people_fts_insert AFTER INSERT ON users BEGIN
  INSERT INTO people_fts (rowid, name, email, position, competencies)
  VALUES (new.rowid, new.name, new.email, new.position, new.competencies);
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name, email, position, competencies ON users BEGIN
  DELETE FROM people_fts WHERE rowid = old.rowid;
  INSERT INTO people_fts (rowid, name, email, position, competencies)
  VALUES (new.rowid, new.name, new.email, new.position, new.competencies);
END;
INSERT INTO people_fts (rowid, name, email, position, competencies)
SELECT rowid, name, email, position, competencies FROM users;
