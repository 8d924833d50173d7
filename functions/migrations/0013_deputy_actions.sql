-- What a deputy did on an absent colleague's behalf (answering their group's join requests):
-- audited like any action, and marked with whom it was for, so the absent person's page lists it.
ALTER TABLE audit_log ADD COLUMN on_behalf_of TEXT REFERENCES users(id);
CREATE INDEX audit_on_behalf ON audit_log(on_behalf_of, created_at) WHERE on_behalf_of IS NOT NULL;
