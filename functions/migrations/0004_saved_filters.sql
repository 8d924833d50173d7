-- Saved feed filters: a name and the feed query it stands for ("tag=gudang", "group=<id>",
-- "filter=following"), shown as chips above the home feed on every device.
CREATE TABLE saved_filters (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id),
  name       TEXT NOT NULL,
  query      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (user_id, query)
);
