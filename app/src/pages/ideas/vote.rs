//! The vote button: one vote per person, taken back with a second tap.

use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use crate::offline::outbox::{Sent, send_or_queue};
use balai_protocol::ideas::VoteState;
use leptos::prelude::*;

#[component]
pub fn VoteButton(idea_id: String, voted: bool, count: i64) -> impl IntoView {
    let id = StoredValue::new(idea_id);
    let voted = RwSignal::new(voted);
    let count = RwSignal::new(count);
    let send = Call::new();
    let show = move |on: bool| {
        voted.set(on);
        count.update(|c| *c += if on { 1 } else { -1 });
    };
    let toggle = move |_| {
        let on = !voted.get_untracked();
        // Shown at once; the server's answer settles the count. Offline, the vote waits in the
        // outbox and the button keeps showing it.
        show(on);
        let write = api::set_idea_vote(&id.get_value(), on);
        send.run(async move {
            match send_or_queue::<VoteState>(write, api::new_key()).await {
                Ok(Sent::Now(state)) => {
                    voted.set(state.voted);
                    count.set(state.vote_count);
                }
                Ok(Sent::Queued) => {}
                Err(refused) => {
                    show(!on);
                    return Err(refused);
                }
            }
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
