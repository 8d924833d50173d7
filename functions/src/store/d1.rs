//! D1 behind [`Db`] for the Worker. Counts round trips and D1's `rows_read` for the benchmark.

use super::{Db, DbError, RowSet, Stmt, Usage, Value};
use serde::de::DeserializeOwned;
use std::cell::Cell;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result};

pub struct D1Db {
    db: D1Database,
    usage: Cell<Usage>,
}

impl D1Db {
    pub fn new(db: D1Database) -> Self {
        D1Db {
            db,
            usage: Cell::new(Usage::default()),
        }
    }

    fn prepare(&self, stmt: &Stmt) -> Result<D1PreparedStatement, DbError> {
        let params: Vec<JsValue> = stmt
            .params
            .iter()
            .map(|v| match v {
                Value::Null => JsValue::NULL,
                // Ids and times fit in 53 bits, so a JS number carries them exactly.
                Value::Int(n) => JsValue::from_f64(*n as f64),
                Value::Text(s) => JsValue::from_str(s),
            })
            .collect();
        self.db.prepare(&*stmt.sql).bind(&params).map_err(err)
    }

    /// One D1 batch: atomic, one round trip; writes and reads alike.
    async fn send_batch(&self, stmts: Vec<Stmt>) -> Result<Vec<D1Result>, DbError> {
        let prepared = stmts
            .iter()
            .map(|s| self.prepare(s))
            .collect::<Result<Vec<_>, _>>()?;
        self.round_trip();
        let results = self.db.batch(prepared).await.map_err(err)?;
        results.iter().for_each(|r| self.record(r));
        Ok(results)
    }

    fn record(&self, result: &D1Result) {
        let mut u = self.usage.get();
        if let Ok(Some(meta)) = result.meta() {
            u.rows_read += meta.rows_read.unwrap_or(0) as u64;
        }
        self.usage.set(u);
    }

    fn round_trip(&self) {
        let mut u = self.usage.get();
        u.queries += 1;
        self.usage.set(u);
    }
}

fn err(e: worker::Error) -> DbError {
    DbError::from_message(e.to_string())
}

fn changes(result: &D1Result) -> u64 {
    result
        .meta()
        .ok()
        .flatten()
        .and_then(|m| m.changes)
        .unwrap_or(0) as u64
}

impl RowSet for D1Result {
    fn decode<T: DeserializeOwned>(&self) -> Result<Vec<T>, DbError> {
        self.results::<T>().map_err(err)
    }
}

impl Db for D1Db {
    type Rows = D1Result;

    async fn all<T: DeserializeOwned>(&self, stmt: Stmt) -> Result<Vec<T>, DbError> {
        let prepared = self.prepare(&stmt)?;
        self.round_trip();
        let result = prepared.all().await.map_err(err)?;
        self.record(&result);
        result.results::<T>().map_err(err)
    }

    async fn first<T: DeserializeOwned>(&self, stmt: Stmt) -> Result<Option<T>, DbError> {
        Ok(self.all::<T>(stmt).await?.into_iter().next())
    }

    async fn run(&self, stmt: Stmt) -> Result<u64, DbError> {
        let prepared = self.prepare(&stmt)?;
        self.round_trip();
        let result = prepared.run().await.map_err(err)?;
        self.record(&result);
        Ok(changes(&result))
    }

    async fn batch(&self, stmts: Vec<Stmt>) -> Result<Vec<u64>, DbError> {
        Ok(self.send_batch(stmts).await?.iter().map(changes).collect())
    }

    async fn read_batch(&self, stmts: Vec<Stmt>) -> Result<Vec<D1Result>, DbError> {
        self.send_batch(stmts).await
    }

    fn usage(&self) -> Usage {
        self.usage.get()
    }
}
