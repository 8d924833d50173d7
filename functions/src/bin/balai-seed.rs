//! Seeds a database with the demo company or the benchmark data set.
//!
//!   balai-seed demo  <sqlite file> [kv file]   40+ people, 5 departments, 3 branches, ~300 posts (idempotent)
//!   balai-seed bench <sqlite file> [kv file]   2,000 people and 100,000 posts, for the feed benchmark
//!
//! The file is wrangler's local D1 database, with migrations already applied. What belongs in KV
//! (profile photos) is written to the kv file, in `wrangler kv bulk put`'s format.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use balai_functions::runtime::Runtime;
    use balai_functions::runtime::native::{NativeRuntime, block_on, system_now};
    use balai_functions::seed;
    use balai_functions::store::Db;
    use balai_functions::store::sqlite::SqliteDb;

    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: balai-seed demo|bench <sqlite file>");
        std::process::exit(2);
    };
    let db = SqliteDb::open(std::path::Path::new(path)).expect("open the database");
    // Seeding writes tens of thousands of rows: skip fsync, it is a throwaway local file.
    db.execute_script("PRAGMA synchronous = OFF")
        .expect("pragma");
    let rt = NativeRuntime::over(db);
    let existing: Option<serde_json::Value> = block_on(
        rt.db()
            .first(balai_functions::stmt!("SELECT COUNT(*) AS n FROM users")),
    )
    .expect("count users");
    if existing.and_then(|v| v["n"].as_i64()).unwrap_or(0) > 0 {
        println!("already seeded; leaving the data as it is");
        return;
    }
    let now = system_now();
    let mut rng = seed::Rng::new(0xBA1A1);
    let result = match mode.as_str() {
        "demo" => seed::demo(&rt, &mut rng, now),
        "bench" => seed::bench(&rt, &mut rng, now),
        _ => {
            eprintln!("unknown mode {mode}: use demo or bench");
            std::process::exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("seeding failed: {e}");
        std::process::exit(1);
    }
    // Only when there is something for KV (the benchmark set has no photos).
    if let Some(kv_path) = args.get(3).filter(|_| !rt.blobs.borrow().is_empty()) {
        // The values are what the Worker keeps in KV: base64 text (see `blob_encode`).
        let entries: Vec<serde_json::Value> = rt
            .blobs
            .borrow()
            .iter()
            .map(|(key, value)| serde_json::json!({ "key": key, "value": value }))
            .collect();
        std::fs::write(kv_path, serde_json::to_string(&entries).expect("json"))
            .expect("write the KV file");
    }
    println!("seeded {mode} data into {path}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
