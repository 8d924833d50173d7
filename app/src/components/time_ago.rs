use crate::i18n::{Msg, t};
use balai_protocol::Millis;
use leptos::prelude::*;

/// "5 min ago" for recent times, the local date for older ones; the exact time on hover.
#[component]
pub fn TimeAgo(at: Millis) -> impl IntoView {
    let date = js_sys::Date::new(&(at as f64).into());
    let title = String::from(date.to_locale_string("default", &js_sys::Object::new()));
    let label = move || {
        let secs = ((js_sys::Date::now() as Millis - at) / 1000).max(0);
        match secs {
            0..60 => t(Msg::JustNow).to_string(),
            60..3600 => format!("{} {}", secs / 60, t(Msg::MinutesAgo)),
            3600..86400 => format!("{} {}", secs / 3600, t(Msg::HoursAgo)),
            86400..604800 => format!("{} {}", secs / 86400, t(Msg::DaysAgo)),
            _ => String::from(
                date.to_locale_date_string(crate::i18n::current().code(), &js_sys::Object::new()),
            ),
        }
    };
    view! { <time title=title>{label}</time> }
}
