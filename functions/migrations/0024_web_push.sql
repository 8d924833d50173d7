-- Web push: a phone (a browser's push subscription) is told that something new is waiting, and
-- its service worker fetches what, with the session's cookie. The push itself carries nothing:
-- no post or name ever passes through the browser vendor's push service.
--
-- A subscription belongs to the session that made it, so it ends with it: logging out, ending
-- the session from another device, a lost phone's sessions ended by an admin, and offboarding
-- all delete the session and, with it, its push subscription.
CREATE TABLE push_subscriptions (
  endpoint   TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  -- Since when a notification waits to be announced on this phone; NULL when none does. Many
  -- notifications before the next send make one push.
  due_since  INTEGER,
  sent_at    INTEGER,
  -- Failed sends in a row (the push service down or refusing); the subscription goes at 10.
  failures   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX push_subscriptions_by_user ON push_subscriptions(user_id);
CREATE INDEX push_subscriptions_by_session ON push_subscriptions(session_id);
CREATE INDEX push_subscriptions_due ON push_subscriptions(due_since) WHERE due_since IS NOT NULL;

-- A kind now reaches a person 'off' (not at all), 'app' (in the app only) or 'push' (in the app
-- and on their phones). Without a row: 'push', but likes 'app'. SQLite cannot alter a CHECK, so
-- the table is rebuilt; an 'app' row meant "on" before and is the default now, so only the 'off'
-- rows are kept.
CREATE TABLE notification_settings_new (
  user_id TEXT NOT NULL REFERENCES users(id),
  kind    TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('app', 'off', 'push')),
  PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;
INSERT INTO notification_settings_new (user_id, kind, channel)
SELECT user_id, kind, channel FROM notification_settings WHERE channel = 'off';
DROP TABLE notification_settings;
ALTER TABLE notification_settings_new RENAME TO notification_settings;

-- A new notification (or a like's notification brought back by a new like) makes its person's
-- phones due, when that kind reaches them by push: they chose 'push', or chose nothing and it is
-- not a like. (No CASE here: `wrangler d1 execute --file` splits statements on BEGIN/END and
-- takes a CASE's END for the trigger's, so a backup holding one would not restore.)
CREATE TRIGGER notifications_push_insert AFTER INSERT ON notifications
WHEN EXISTS (SELECT 1 FROM notification_settings s
             WHERE s.user_id = NEW.user_id AND s.kind = NEW.kind AND s.channel = 'push')
  OR (NEW.kind <> 'like' AND NOT EXISTS (SELECT 1 FROM notification_settings s
                                          WHERE s.user_id = NEW.user_id AND s.kind = NEW.kind))
BEGIN
  UPDATE push_subscriptions SET due_since = coalesce(due_since, NEW.created_at)
  WHERE user_id = NEW.user_id;
END;
CREATE TRIGGER notifications_push_update AFTER UPDATE OF created_at ON notifications
WHEN NEW.read_at IS NULL AND NEW.created_at > OLD.created_at
 AND (EXISTS (SELECT 1 FROM notification_settings s
              WHERE s.user_id = NEW.user_id AND s.kind = NEW.kind AND s.channel = 'push')
   OR (NEW.kind <> 'like' AND NOT EXISTS (SELECT 1 FROM notification_settings s
                                           WHERE s.user_id = NEW.user_id AND s.kind = NEW.kind)))
BEGIN
  UPDATE push_subscriptions SET due_since = coalesce(due_since, NEW.created_at)
  WHERE user_id = NEW.user_id;
END;
