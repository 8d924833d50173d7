//! A post's photos on its card: one wide, or two to four in a grid. A tap opens one on the
//! whole screen, inside the app (an installed app would otherwise leave for the browser), with
//! the post's other photos a tap away.

use crate::i18n::{Msg, t};
use leptos::prelude::*;

#[component]
pub fn PostPhotos(urls: Vec<String>) -> impl IntoView {
    let count = urls.len();
    let urls = StoredValue::new(urls);
    // The photo open on the whole screen, by its place in the post.
    let open = RwSignal::new(None::<usize>);
    let close = NodeRef::<leptos::html::Button>::new();
    // The viewer takes the focus, so a keyboard or screen reader is in it at once.
    Effect::new(move |_| {
        if open.get().is_some()
            && let Some(button) = close.get()
        {
            let _ = button.focus();
        }
    });
    let alt = move |n: usize| format!("{} {}/{count}", t(Msg::Photo), n + 1);
    let step = move |by: usize| open.update(|o| *o = o.map(|n| (n + by) % count));
    (count > 0).then(|| {
        view! {
            <div class="post-photos" class:single=count == 1>
                {(0..count).map(|n| view! {
                    <button type="button" class="photo" on:click=move |_| open.set(Some(n))>
                        <img src=urls.with_value(|u| u[n].clone()) loading="lazy"
                            decoding="async" alt=alt(n)/>
                    </button>
                }).collect_view()}
            </div>
            {move || open.get().map(|n| view! {
                <div class="photo-viewer" role="dialog" aria-modal="true" aria-label=alt(n)
                    on:click=move |_| open.set(None)
                    on:keydown=move |ev| if ev.key() == "Escape" { open.set(None) }>
                    <img src=urls.with_value(|u| u[n].clone()) alt=alt(n)/>
                    <div class="viewer-actions" on:click=|ev| ev.stop_propagation()>
                        {(count > 1).then(|| view! {
                            <button type="button" aria-label=t(Msg::PreviousPhoto)
                                on:click=move |_| step(count - 1)>"‹"</button>
                        })}
                        <button type="button" node_ref=close on:click=move |_| open.set(None)>
                            {t(Msg::Close)}
                        </button>
                        {(count > 1).then(|| view! {
                            <button type="button" aria-label=t(Msg::NextPhoto)
                                on:click=move |_| step(1)>"›"</button>
                        })}
                    </div>
                </div>
            })}
        }
    })
}
