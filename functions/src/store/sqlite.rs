//! SQLite behind [`Db`] for native tests, tools and benchmarks: same migrations, same SQL as D1.

use super::{Db, DbError, RowSet, Stmt, Usage, Value};
use rusqlite::types::ValueRef;
use serde::de::DeserializeOwned;
use std::cell::{Cell, RefCell};

pub struct SqliteDb {
    conn: RefCell<rusqlite::Connection>,
    usage: Cell<Usage>,
    vm_steps: Cell<u64>,
}

/// The migrations, in order, as the Worker's `wrangler d1 migrations apply` runs them.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_foundation.sql",
        include_str!("../../migrations/0001_foundation.sql"),
    ),
    (
        "0002_groups.sql",
        include_str!("../../migrations/0002_groups.sql"),
    ),
    (
        "0003_follows_notifications_search.sql",
        include_str!("../../migrations/0003_follows_notifications_search.sql"),
    ),
    (
        "0004_saved_filters.sql",
        include_str!("../../migrations/0004_saved_filters.sql"),
    ),
    (
        "0005_tags.sql",
        include_str!("../../migrations/0005_tags.sql"),
    ),
    (
        "0006_communications.sql",
        include_str!("../../migrations/0006_communications.sql"),
    ),
    (
        "0007_places.sql",
        include_str!("../../migrations/0007_places.sql"),
    ),
    (
        "0008_ideas.sql",
        include_str!("../../migrations/0008_ideas.sql"),
    ),
    (
        "0009_round_tables.sql",
        include_str!("../../migrations/0009_round_tables.sql"),
    ),
    (
        "0010_idea_discussion.sql",
        include_str!("../../migrations/0010_idea_discussion.sql"),
    ),
    (
        "0011_work_pages.sql",
        include_str!("../../migrations/0011_work_pages.sql"),
    ),
    (
        "0012_import_and_bookmarks.sql",
        include_str!("../../migrations/0012_import_and_bookmarks.sql"),
    ),
    (
        "0013_deputy_actions.sql",
        include_str!("../../migrations/0013_deputy_actions.sql"),
    ),
    (
        "0014_acknowledgements.sql",
        include_str!("../../migrations/0014_acknowledgements.sql"),
    ),
    (
        "0015_ack_reminders.sql",
        include_str!("../../migrations/0015_ack_reminders.sql"),
    ),
    (
        "0016_audit_lookup.sql",
        include_str!("../../migrations/0016_audit_lookup.sql"),
    ),
    (
        "0017_idea_merge_history.sql",
        include_str!("../../migrations/0017_idea_merge_history.sql"),
    ),
    (
        "0018_audit_counts.sql",
        include_str!("../../migrations/0018_audit_counts.sql"),
    ),
    (
        "0019_absences_by_deputy.sql",
        include_str!("../../migrations/0019_absences_by_deputy.sql"),
    ),
    (
        "0020_places_by_strip.sql",
        include_str!("../../migrations/0020_places_by_strip.sql"),
    ),
    (
        "0021_comment_edits.sql",
        include_str!("../../migrations/0021_comment_edits.sql"),
    ),
    (
        "0022_password_resets.sql",
        include_str!("../../migrations/0022_password_resets.sql"),
    ),
    (
        "0023_post_photos.sql",
        include_str!("../../migrations/0023_post_photos.sql"),
    ),
    (
        "0024_web_push.sql",
        include_str!("../../migrations/0024_web_push.sql"),
    ),
    (
        "0025_reports.sql",
        include_str!("../../migrations/0025_reports.sql"),
    ),
    (
        "0026_report_outcomes.sql",
        include_str!("../../migrations/0026_report_outcomes.sql"),
    ),
    (
        "0027_notification_comments.sql",
        include_str!("../../migrations/0027_notification_comments.sql"),
    ),
];

impl SqliteDb {
    /// A fresh in-memory database with every migration applied.
    pub fn in_memory() -> Self {
        let conn = rusqlite::Connection::open_in_memory().expect("open in-memory sqlite");
        // D1 enforces foreign keys; so must the tests.
        conn.execute_batch("PRAGMA foreign_keys = ON")
            .expect("enable foreign keys");
        d1_limits(&conn).expect("set D1's limits");
        for (_, sql) in MIGRATIONS {
            conn.execute_batch(sql).expect("migration applies");
        }
        SqliteDb {
            conn: RefCell::new(conn),
            usage: Cell::new(Usage::default()),
            vm_steps: Cell::new(0),
        }
    }

    /// An existing database file (such as wrangler's local D1 file), migrations already applied.
    pub fn open(path: &std::path::Path) -> Result<Self, DbError> {
        let conn = rusqlite::Connection::open(path).map_err(err)?;
        conn.execute_batch("PRAGMA foreign_keys = ON")
            .map_err(err)?;
        d1_limits(&conn).map_err(err)?;
        Ok(SqliteDb {
            conn: RefCell::new(conn),
            usage: Cell::new(Usage::default()),
            vm_steps: Cell::new(0),
        })
    }

    /// Runs `sql` (several statements) directly; for tools only.
    pub fn execute_script(&self, sql: &str) -> Result<(), DbError> {
        self.conn.borrow().execute_batch(sql).map_err(err)
    }

    /// SQLite's query plan for `sql`, one line per step: tests use it to prove indexes are used.
    pub fn explain(&self, sql: &str) -> Vec<String> {
        let conn = self.conn.borrow();
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("plan");
        // The plan does not depend on the values: any `?` is bound to NULL.
        let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
        stmt.query_map(rusqlite::params_from_iter(nulls), |row| {
            row.get::<_, String>(3)
        })
        .expect("plan rows")
        .map(|r| r.expect("plan row"))
        .collect()
    }

    /// SQLite's virtual-machine steps over every read so far. Tests compare it before and after
    /// a read to see how much a query walks: deterministic, unlike a time, and growing with the
    /// rows visited, as D1's `rows_read` does (which SQLite does not report).
    pub fn vm_steps(&self) -> u64 {
        self.vm_steps.get()
    }

    fn count(&self) {
        let mut u = self.usage.get();
        u.queries += 1;
        self.usage.set(u);
    }

    /// One statement's rows as JSON objects (as D1 answers them). Not counted: callers count
    /// round trips.
    fn query_json(&self, stmt: &Stmt) -> Result<Vec<serde_json::Value>, DbError> {
        let conn = self.conn.borrow();
        let mut prepared = conn.prepare_cached(&stmt.sql).map_err(err)?;
        let names: Vec<String> = prepared
            .column_names()
            .iter()
            .map(|s| s.to_string())
            .collect();
        // A cached statement keeps its count from earlier runs (`run` and `batch` included).
        prepared.reset_status(rusqlite::StatementStatus::VmStep);
        let mut rows = prepared
            .query(rusqlite::params_from_iter(stmt.params.iter().map(to_sql)))
            .map_err(err)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(err)? {
            let mut obj = serde_json::Map::with_capacity(names.len());
            for (i, name) in names.iter().enumerate() {
                let v = match row.get_ref(i).map_err(err)? {
                    ValueRef::Null => serde_json::Value::Null,
                    ValueRef::Integer(n) => n.into(),
                    ValueRef::Real(f) => f.into(),
                    ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                    ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned().into(),
                };
                obj.insert(name.clone(), v);
            }
            out.push(serde_json::Value::Object(obj));
        }
        drop(rows);
        let steps = prepared.reset_status(rusqlite::StatementStatus::VmStep);
        self.vm_steps.set(self.vm_steps.get() + steps as u64);
        Ok(out)
    }
}

/// D1's limits below SQLite's defaults, so a statement D1 would refuse fails the tests too:
/// 100 bound parameters, and 5 terms in a compound SELECT (measured with `wrangler d1 execute
/// --local`: 6 answer "too many terms in compound SELECT").
fn d1_limits(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::limits::Limit;
    conn.set_limit(Limit::SQLITE_LIMIT_VARIABLE_NUMBER, 100)?;
    conn.set_limit(Limit::SQLITE_LIMIT_COMPOUND_SELECT, 5)?;
    Ok(())
}

fn to_sql(v: &Value) -> rusqlite::types::Value {
    match v {
        Value::Null => rusqlite::types::Value::Null,
        Value::Int(n) => rusqlite::types::Value::Integer(*n),
        Value::Text(s) => rusqlite::types::Value::Text(s.clone()),
    }
}

fn err(e: rusqlite::Error) -> DbError {
    DbError::from_message(e.to_string())
}

fn decode<T: DeserializeOwned>(v: serde_json::Value) -> Result<T, DbError> {
    serde_json::from_value(v).map_err(|e| DbError::Other(format!("row decode: {e}")))
}

/// The rows of one statement in a read batch.
pub struct JsonRows(Vec<serde_json::Value>);

impl RowSet for JsonRows {
    fn decode<T: DeserializeOwned>(&self) -> Result<Vec<T>, DbError> {
        self.0.iter().cloned().map(decode).collect()
    }
}

impl Db for SqliteDb {
    type Rows = JsonRows;

    async fn all<T: DeserializeOwned>(&self, stmt: Stmt) -> Result<Vec<T>, DbError> {
        self.count();
        self.query_json(&stmt)?.into_iter().map(decode).collect()
    }

    async fn first<T: DeserializeOwned>(&self, stmt: Stmt) -> Result<Option<T>, DbError> {
        self.count();
        self.query_json(&stmt)?
            .into_iter()
            .next()
            .map(decode)
            .transpose()
    }

    async fn run(&self, stmt: Stmt) -> Result<u64, DbError> {
        self.count();
        let conn = self.conn.borrow();
        let n = conn
            .prepare_cached(&stmt.sql)
            .and_then(|mut p| p.execute(rusqlite::params_from_iter(stmt.params.iter().map(to_sql))))
            .map_err(err)?;
        Ok(n as u64)
    }

    async fn batch(&self, stmts: Vec<Stmt>) -> Result<Vec<u64>, DbError> {
        self.count();
        let mut conn = self.conn.borrow_mut();
        let tx = conn.transaction().map_err(err)?;
        let mut changed = Vec::with_capacity(stmts.len());
        for stmt in &stmts {
            let n = tx
                .prepare_cached(&stmt.sql)
                .and_then(|mut p| {
                    p.execute(rusqlite::params_from_iter(stmt.params.iter().map(to_sql)))
                })
                .map_err(err)?;
            changed.push(n as u64);
        }
        tx.commit().map_err(err)?;
        Ok(changed)
    }

    async fn read_batch(&self, stmts: Vec<Stmt>) -> Result<Vec<JsonRows>, DbError> {
        self.count();
        stmts
            .iter()
            .map(|s| self.query_json(s).map(JsonRows))
            .collect()
    }

    fn usage(&self) -> Usage {
        self.usage.get()
    }
}

#[cfg(test)]
mod tests {
    /// Every file in migrations/ is in MIGRATIONS, in order: tests run what D1 runs.
    #[test]
    fn the_migration_list_is_the_migrations_folder() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("migrations folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<&str> = super::MIGRATIONS.iter().map(|(name, _)| *name).collect();
        assert_eq!(listed, files);
    }

    /// An in-memory database with the migrations before `name` applied and one admin, `u`;
    /// and the migrations still to apply.
    fn migrated_until(
        name: &str,
    ) -> (
        rusqlite::Connection,
        &'static [(&'static str, &'static str)],
    ) {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let at = super::MIGRATIONS
            .iter()
            .position(|(n, _)| *n == name)
            .unwrap();
        let (before, after) = super::MIGRATIONS.split_at(at);
        for (_, sql) in before {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO users (id, email, name, role, password_hash, created_at)
             VALUES ('u', 'u@x.id', 'U', 'admin', 'h', 1);",
        )
        .unwrap();
        (conn, after)
    }

    /// 0018 turns the counts earlier audit entries wrote in English ("12 places") into bare
    /// numbers, and leaves every other detail alone.
    #[test]
    fn earlier_audit_counts_become_numbers() {
        let (conn, after) = migrated_until("0018_audit_counts.sql");
        conn.execute_batch(
            r#"INSERT INTO audit_log (id, actor_id, action, target, detail, created_at)
                 VALUES ('a1', 'u', 'place.import', NULL, '12 places', 1),
                        ('a2', 'u', 'person.import', NULL, '3 rows', 1),
                        ('a3', 'u', 'post.ack_remind', 'p', '5 not confirmed', 1),
                        ('a4', 'u', 'department.create', 'd', '12 Logistik', 1),
                        ('a5', 'u', 'place.import', NULL, 'ten places', 1);"#,
        )
        .unwrap();
        for (_, sql) in after {
            conn.execute_batch(sql).unwrap();
        }
        let detail = |id: &str| -> String {
            conn.query_row("SELECT detail FROM audit_log WHERE id = ?", [id], |r| {
                r.get(0)
            })
            .unwrap()
        };
        assert_eq!(detail("a1"), "12");
        assert_eq!(detail("a2"), "3");
        assert_eq!(detail("a3"), "5");
        assert_eq!(detail("a4"), "12 Logistik");
        assert_eq!(detail("a5"), "ten places");
    }

    /// 0017 turns the English notes earlier merges left in ideas' histories into the ids they
    /// named, and leaves every other note alone.
    #[test]
    fn earlier_merge_notes_become_ids() {
        let (conn, after) = migrated_until("0017_idea_merge_history.sql");
        conn.execute_batch(
            r#"INSERT INTO ideas (id, author_id, title, body, body_html, category, status, created_at, updated_at)
                 VALUES ('orig', 'u', 'Shift roster', 'b', 'b', 'process', 'new', 1, 1),
                        ('dup', 'u', 'Roster on screens', 'b', 'b', 'process', 'new', 1, 1);
               UPDATE ideas SET merged_into = 'orig' WHERE id = 'dup';
               INSERT INTO idea_history (id, idea_id, actor_id, from_status, to_status, note, created_at)
                 VALUES ('h1', 'dup', 'u', 'new', 'new', 'Merged into "Shift roster"', 2),
                        ('h2', 'orig', 'u', 'new', 'new', '"Roster on screens" merged into this idea', 2),
                        ('h3', 'orig', 'u', 'new', 'declined', 'Merged into "nothing": a reason', 3);"#,
        )
        .unwrap();
        for (_, sql) in after {
            conn.execute_batch(sql).unwrap();
        }
        let row = |id: &str| -> (Option<String>, Option<String>, Option<String>) {
            conn.query_row(
                "SELECT merged_into_id, merged_from_id, note FROM idea_history WHERE id = ?",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
        };
        assert_eq!(row("h1"), (Some("orig".into()), None, None));
        assert_eq!(row("h2"), (None, Some("dup".into()), None));
        let reason = Some("Merged into \"nothing\": a reason".to_string());
        assert_eq!(row("h3"), (None, None, reason));
    }
}
