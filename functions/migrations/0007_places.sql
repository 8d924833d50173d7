-- The company map: branches, clients, venues, suppliers and events. Coordinates are stored as
-- integer microdegrees (1e-6°, about 11 cm), so bounding boxes, grid clusters and equality are
-- exact integer arithmetic in SQLite and D1 alike.

CREATE TABLE place_categories (
  -- A slug: 'branch', 'client', … or one an admin made.
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  -- '#rrggbb', the marker colour.
  colour     TEXT NOT NULL,
  -- One emoji, shown in chips, lists and the place sheet.
  icon       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

INSERT INTO place_categories (id, name, colour, icon, created_at) VALUES
  ('branch',   'Branch / office', '#0f5e57', '🏢', 0),
  ('client',   'Client',          '#b4410e', '🤝', 0),
  ('venue',    'Venue',           '#6b3fa0', '🎪', 0),
  ('supplier', 'Supplier',        '#1d5fa8', '🏭', 0),
  ('event',    'Event',           '#b8860b', '📅', 0);

CREATE TABLE places (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  category_id   TEXT NOT NULL REFERENCES place_categories(id),
  address       TEXT NOT NULL DEFAULT '',
  lat_e6        INTEGER NOT NULL CHECK (lat_e6 BETWEEN -90000000 AND 90000000),
  lng_e6        INTEGER NOT NULL CHECK (lng_e6 BETWEEN -180000000 AND 180000000),
  description   TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  hours         TEXT NOT NULL DEFAULT '',
  -- Space-separated normalized tags (as groups keep theirs).
  tags          TEXT NOT NULL DEFAULT '',
  department_id TEXT REFERENCES departments(id),
  group_id      TEXT REFERENCES user_groups(id),
  -- 'all' employees, or 'restricted' to the departments in place_audience (editors see all).
  visibility    TEXT NOT NULL CHECK (visibility IN ('all', 'restricted')),
  starts_at     INTEGER,
  ends_at       INTEGER,
  created_by    TEXT NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  archived_at   INTEGER
);
-- Bounding boxes and nearest-place searches range over latitude, then filter longitude.
CREATE INDEX places_by_position ON places(lat_e6, lng_e6) WHERE archived_at IS NULL;
-- Duplicate checks on create and import: same name in the same category.
CREATE INDEX places_by_name ON places(category_id, name COLLATE NOCASE) WHERE archived_at IS NULL;

-- Who may see a restricted place, by department.
CREATE TABLE place_audience (
  place_id      TEXT NOT NULL REFERENCES places(id),
  department_id TEXT NOT NULL REFERENCES departments(id),
  PRIMARY KEY (place_id, department_id)
) WITHOUT ROWID;

-- Corrections anyone may suggest; a place editor accepts (the changes apply) or rejects.
CREATE TABLE place_suggestions (
  id         TEXT PRIMARY KEY,
  place_id   TEXT NOT NULL REFERENCES places(id),
  author_id  TEXT NOT NULL REFERENCES users(id),
  note       TEXT NOT NULL,
  -- The proposed field values, as JSON (balai_protocol::places::PlaceChanges).
  changes    TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'rejected')),
  created_at INTEGER NOT NULL,
  decided_by TEXT REFERENCES users(id),
  decided_at INTEGER
);
CREATE INDEX place_suggestions_open ON place_suggestions(state, created_at);

-- "At the Surabaya branch": a post may name one place; its sheet lists those posts.
ALTER TABLE posts ADD COLUMN place_id TEXT REFERENCES places(id);
CREATE INDEX posts_by_place ON posts(place_id, created_at DESC, id DESC)
  WHERE place_id IS NOT NULL AND deleted_at IS NULL;

-- A second capability, 'places' (map editors). SQLite cannot alter a CHECK, so the table is
-- rebuilt with its rows.
CREATE TABLE role_grants_new (
  user_id    TEXT NOT NULL REFERENCES users(id),
  capability TEXT NOT NULL CHECK (capability IN ('communications', 'places')),
  granted_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, capability)
) WITHOUT ROWID;
INSERT INTO role_grants_new SELECT user_id, capability, granted_by, created_at FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE role_grants_new RENAME TO role_grants;
