-- Groups: open, closed or secret; members with a role; posts may belong to a group.
-- ("groups" is an SQL keyword, hence user_groups.)

CREATE TABLE user_groups (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  -- Lower-cased name: two groups may not share a name, whatever the case.
  name_key       TEXT NOT NULL UNIQUE,
  description    TEXT NOT NULL DEFAULT '',
  category       TEXT NOT NULL CHECK (category IN ('project', 'branch', 'department', 'interest', 'other')),
  -- Lower-case tags separated by single spaces.
  tags           TEXT NOT NULL DEFAULT '',
  visibility     TEXT NOT NULL CHECK (visibility IN ('open', 'closed', 'secret')),
  created_by     TEXT NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL,
  member_count   INTEGER NOT NULL DEFAULT 0,
  pinned_post_id TEXT REFERENCES posts(id)
);

CREATE TABLE group_members (
  group_id   TEXT NOT NULL REFERENCES user_groups(id),
  user_id    TEXT NOT NULL REFERENCES users(id),
  role       TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'member')),
  state      TEXT NOT NULL CHECK (state IN ('active', 'requested', 'invited')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;
-- "My groups", and the membership check every group read makes.
CREATE INDEX group_members_by_user ON group_members(user_id, state, group_id);

ALTER TABLE posts ADD COLUMN group_id TEXT REFERENCES user_groups(id);
-- A group's page pages by (created_at, id) over its live posts.
CREATE INDEX posts_by_group ON posts(group_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
