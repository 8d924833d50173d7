-- Capabilities granted on top of a person's role. The first: 'communications', for the people
-- (say, corporate communications) who publish company announcements without being admins.
-- A table rather than new role values, so a role and a grant combine and users is untouched.
CREATE TABLE role_grants (
  user_id    TEXT NOT NULL REFERENCES users(id),
  capability TEXT NOT NULL CHECK (capability IN ('communications')),
  granted_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, capability)
) WITHOUT ROWID;
