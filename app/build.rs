//! Keeps the linker's relocations in the app's WASM: the build splits it into per-page chunks
//! at the split points in `src/chunks.rs` (scripts/split-app.mjs), which needs them.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
