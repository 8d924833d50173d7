//! The small database seam: services speak SQL through [`Db`]; the Worker runs it on D1
//! (`d1.rs`), native tests on SQLite (`sqlite.rs`), both over the same migrations.

#[cfg(target_arch = "wasm32")]
pub mod d1;
#[cfg(not(target_arch = "wasm32"))]
pub mod sqlite;

use serde::de::DeserializeOwned;

/// A value bound to a `?` placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_string())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(v.clone())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// One SQL statement with its parameters.
#[derive(Debug, Clone)]
pub struct Stmt {
    /// Static for almost every statement; built at run time only where a statement wraps another
    /// query (notification delivery around its recipients) or is one arm per source (the
    /// "following" feed).
    pub sql: std::borrow::Cow<'static, str>,
    pub params: Vec<Value>,
}

/// `stmt!("SELECT … WHERE id = ?", id)` builds a [`Stmt`], converting each argument with `Into<Value>`.
#[macro_export]
macro_rules! stmt {
    ($sql:expr $(, $param:expr)* $(,)?) => {
        $crate::store::Stmt { sql: std::borrow::Cow::Borrowed($sql), params: vec![$($crate::store::Value::from($param)),*] }
    };
}

#[derive(Debug, Clone, PartialEq)]
pub enum DbError {
    /// A UNIQUE, PRIMARY KEY or CHECK constraint refused the write.
    Constraint(String),
    Other(String),
}

impl DbError {
    pub fn from_message(message: String) -> Self {
        if message.contains("constraint failed") {
            DbError::Constraint(message)
        } else {
            DbError::Other(message)
        }
    }
}

/// Counters for the benchmark: how many round trips a request made and how many rows D1 read.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Usage {
    pub queries: u32,
    pub rows_read: u64,
}

/// The rows one statement of a [`Db::read_batch`] answered, decoded by the caller.
pub trait RowSet {
    fn decode<T: DeserializeOwned>(&self) -> Result<Vec<T>, DbError>;

    /// The first row, if any (for a statement that looks one thing up).
    fn first<T: DeserializeOwned>(&self) -> Result<Option<T>, DbError> {
        Ok(self.decode()?.into_iter().next())
    }
}

/// Async on purpose: D1 is remote. Futures are not `Send` (a Worker is single-threaded).
#[allow(async_fn_in_trait)]
pub trait Db {
    type Rows: RowSet;
    async fn all<T: DeserializeOwned>(&self, stmt: Stmt) -> Result<Vec<T>, DbError>;
    async fn first<T: DeserializeOwned>(&self, stmt: Stmt) -> Result<Option<T>, DbError>;
    /// Runs one write; returns the number of rows changed.
    async fn run(&self, stmt: Stmt) -> Result<u64, DbError>;
    /// Runs all statements atomically (D1 has no BEGIN/COMMIT; a batch is the unit).
    async fn batch(&self, stmts: Vec<Stmt>) -> Result<Vec<u64>, DbError>;
    /// Runs several reads in one round trip (D1's latency is per round trip).
    async fn read_batch(&self, stmts: Vec<Stmt>) -> Result<Vec<Self::Rows>, DbError>;
    fn usage(&self) -> Usage;

    /// [`Db::read_batch`] of a fixed list: one row set per statement, in order, to destructure.
    async fn read_each<const N: usize>(
        &self,
        stmts: [Stmt; N],
    ) -> Result<[Self::Rows; N], DbError> {
        answers(self.read_batch(stmts.into()).await?)
    }
}

/// The `N` row sets a batch of `N` statements answered, or an error if D1 answered another
/// number (a bug, not the user's: never an index out of bounds in the Worker).
pub fn answers<S, const N: usize>(sets: Vec<S>) -> Result<[S; N], DbError> {
    sets.try_into().map_err(|sets: Vec<S>| {
        DbError::Other(format!("a batch of {N} statements answered {}", sets.len()))
    })
}

/// The row of a `SELECT COUNT(*) AS n …`.
#[derive(serde::Deserialize)]
pub struct Count {
    pub n: i64,
}

/// Runs a `SELECT COUNT(*) AS n …` and answers `n`.
pub async fn count<D: Db>(db: &D, stmt: Stmt) -> Result<i64, DbError> {
    Ok(db.first::<Count>(stmt).await?.map_or(0, |c| c.n))
}

#[cfg(test)]
mod tests {
    use super::{DbError, answers};

    #[test]
    fn a_batch_answering_another_number_of_sets_is_an_error_not_a_panic() {
        let [first, second] = answers(vec!["a", "b"]).unwrap();
        assert_eq!((first, second), ("a", "b"));
        let short = answers::<_, 3>(vec!["a", "b"]).unwrap_err();
        assert!(matches!(short, DbError::Other(m) if m == "a batch of 3 statements answered 2"));
    }
}
