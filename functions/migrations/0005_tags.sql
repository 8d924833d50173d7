-- Tags anyone may see (used on company posts or in open groups), with how often: what tag
-- search looks up by prefix, without walking every tagged post. Tags used only in closed or
-- secret groups never appear here.
CREATE TABLE tags (
  tag  TEXT PRIMARY KEY,
  uses INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO tags (tag, uses)
SELECT t.tag, COUNT(*) FROM post_tags t
JOIN posts p ON p.id = t.post_id
LEFT JOIN user_groups g ON g.id = p.group_id
WHERE p.deleted_at IS NULL AND (p.group_id IS NULL OR g.visibility = 'open')
GROUP BY t.tag;
