-- Comments can be corrected by their authors, as posts can; the time of the last edit shows.
ALTER TABLE comments ADD COLUMN edited_at INTEGER;
ALTER TABLE idea_comments ADD COLUMN edited_at INTEGER;
