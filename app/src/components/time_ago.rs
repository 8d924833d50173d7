use crate::i18n::{Msg, use_i18n};
use balai_protocol::Millis;
use leptos::prelude::*;

/// "5 min ago" for recent times, the local date for older ones; the exact time on hover.
#[component]
pub fn TimeAgo(at: Millis) -> impl IntoView {
    let i18n = use_i18n();
    let date = js_sys::Date::new(&(at as f64).into());
    let title = String::from(date.to_locale_string("default", &js_sys::Object::new()));
    let label = move || {
        let secs = ((js_sys::Date::now() as Millis - at) / 1000).max(0);
        match secs {
            0..60 => i18n.t(Msg::JustNow).to_string(),
            60..3600 => format!("{} {}", secs / 60, i18n.t(Msg::MinutesAgo)),
            3600..86400 => format!("{} {}", secs / 3600, i18n.t(Msg::HoursAgo)),
            86400..604800 => format!("{} {}", secs / 86400, i18n.t(Msg::DaysAgo)),
            _ => String::from(
                date.to_locale_date_string(i18n.0.get().code(), &js_sys::Object::new()),
            ),
        }
    };
    view! { <time title=title>{label}</time> }
}
