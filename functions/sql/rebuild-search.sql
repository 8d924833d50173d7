-- Rebuilds the full-text search tables from the base tables, if the index is ever in doubt.
-- Safe to run any time. Run with scripts/rebuild-search.sh; scripts/export-db.sh ends its
-- export with it, to fill the search tables of a restored database.
DELETE FROM posts_fts;
DELETE FROM comments_fts;
DELETE FROM people_fts;
DELETE FROM groups_fts;
INSERT INTO posts_fts (rowid, body) SELECT rowid, body FROM posts WHERE deleted_at IS NULL;
INSERT INTO comments_fts (rowid, body) SELECT rowid, body FROM comments WHERE deleted_at IS NULL;
INSERT INTO people_fts (rowid, name, email, position, competencies) SELECT rowid, name, email, position, competencies FROM users;
INSERT INTO groups_fts (rowid, name, description, tags) SELECT rowid, name, description, tags FROM user_groups;
