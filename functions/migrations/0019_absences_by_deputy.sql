-- Every read of one group asks whether the reader is the deputy of an owner or manager away
-- today (groups.rs, covering_for!). Without this index SQLite answered it by walking all of the
-- group's members; with it, it starts from the reader's own current deputyships, usually none.
CREATE INDEX absences_by_deputy ON absences(deputy_id, ends_at);
