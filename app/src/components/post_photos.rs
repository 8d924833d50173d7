//! A post's photos on its card: one wide, or two to four in a grid; tapping one opens it whole.

use crate::i18n::{Msg, t};
use leptos::prelude::*;

#[component]
pub fn PostPhotos(urls: Vec<String>) -> impl IntoView {
    let count = urls.len();
    (count > 0).then(|| {
        view! {
            <div class="post-photos" class:single=count == 1>
                {urls.into_iter().enumerate().map(|(n, url)| {
                    let alt = format!("{} {}/{count}", t(Msg::Photo), n + 1);
                    let href = url.clone();
                    view! {
                        <a href=href target="_blank" rel="noopener">
                            <img src=url loading="lazy" decoding="async" alt=alt/>
                        </a>
                    }
                }).collect_view()}
            </div>
        }
    })
}
