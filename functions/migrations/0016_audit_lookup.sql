-- Admins read the audit log, newest first, and narrow it to one person: what they did
-- (actor_id) and what was done to them (target). Each side has its index, so the person's
-- entries are found without reading the whole log.
CREATE INDEX audit_by_actor ON audit_log(actor_id, created_at);
CREATE INDEX audit_by_target ON audit_log(target, created_at) WHERE target IS NOT NULL;
