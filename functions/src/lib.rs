//! Balai's Worker: the HTTP edge (`http`), business rules (`service`) and SQL over D1 or SQLite
//! (`store`), with the platform behind `runtime`. Only `entry` touches the `worker` crate's
//! request types; everything else also runs natively under `cargo test`.

pub mod http;
pub mod runtime;
#[cfg(not(target_arch = "wasm32"))]
pub mod seed;
pub mod service;
pub mod store;

#[cfg(target_arch = "wasm32")]
mod entry;
