//! Asking before something that cannot be undone, with the browser's own dialog (accessible,
//! translated by our text, no extra code).

pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}
