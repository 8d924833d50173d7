//! Mounts the app; everything else lives in the library (`lib.rs`).

fn main() {
    leptos::mount::mount_to_body(balai_app::App);
}
