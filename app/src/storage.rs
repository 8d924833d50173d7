//! Small wrappers over `localStorage` (absent in some private modes: then nothing is kept).

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok()?
}

/// Whether it was kept: a full storage (queued photos are large) or an absent one keeps nothing.
pub fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// Removes every key that starts with `prefix`.
pub fn remove_prefixed(prefix: &str) {
    let Some(s) = local() else { return };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    for key in keys {
        let _ = s.remove_item(&key);
    }
}
