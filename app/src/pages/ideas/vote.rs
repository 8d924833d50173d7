//! The vote button: one vote per person, taken back with a second tap.

use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use leptos::prelude::*;

#[component]
pub fn VoteButton(idea_id: String, voted: bool, count: i64) -> impl IntoView {
    let id = StoredValue::new(idea_id);
    let voted = RwSignal::new(voted);
    let count = RwSignal::new(count);
    let send = Call::new();
    let toggle = move |_| {
        let on = !voted.get_untracked();
        send.run(async move {
            let state = api::vote_idea(&id.get_value(), on).await?;
            voted.set(state.voted);
            count.set(state.vote_count);
            Ok(())
        });
    };
    view! {
        <button type="button" class="chip vote" aria-pressed=move || voted.get().to_string()
            disabled=move || send.pending.get() on:click=toggle data-testid="vote">
            "▲ " <span class="vote-count">{move || count.get()}</span>
            <span class="visually-hidden">{t(Msg::Votes)}</span>
        </button>
        {send.error_view()}
    }
}
