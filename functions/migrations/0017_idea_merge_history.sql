-- A merge in an idea's history names the other idea by id, so the app words it in the reader's
-- language and links it; it was an English note ("Merged into "…""). On the duplicate's row,
-- merged_into_id is the original; on the original's, merged_from_id is the duplicate.
ALTER TABLE idea_history ADD COLUMN merged_into_id TEXT REFERENCES ideas(id);
ALTER TABLE idea_history ADD COLUMN merged_from_id TEXT REFERENCES ideas(id);

-- Earlier merges: their notes become the ids they meant.
UPDATE idea_history
SET merged_into_id = (SELECT i.merged_into FROM ideas i WHERE i.id = idea_history.idea_id),
    note = NULL
WHERE from_status = to_status AND note LIKE 'Merged into "%"'
  AND EXISTS (SELECT 1 FROM ideas i WHERE i.id = idea_history.idea_id AND i.merged_into IS NOT NULL);

UPDATE idea_history
SET merged_from_id = (SELECT d.id FROM ideas d
                      WHERE d.merged_into = idea_history.idea_id
                        AND idea_history.note = '"' || d.title || '" merged into this idea'),
    note = NULL
WHERE from_status = to_status AND note LIKE '"%" merged into this idea'
  AND EXISTS (SELECT 1 FROM ideas d
              WHERE d.merged_into = idea_history.idea_id
                AND idea_history.note = '"' || d.title || '" merged into this idea');
