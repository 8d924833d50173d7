-- The comment a notification is about (a comment, a reply, a mention in one, a report of one, a
-- moderator removing one): the centre quotes its words instead of only the post's or idea's.
-- Under the post `post_id` names when there is one (table comments), else under the idea
-- `idea_id` names (idea_comments); two tables, so no REFERENCES.
ALTER TABLE notifications ADD COLUMN comment_id TEXT;
