//! Reports in the demo company, so its admin finds the moderators' queue at work: an
//! advertisement in the company feed, reported by two colleagues.

use super::Seeded;
use crate::runtime::native::{NativeRuntime, block_on};
use crate::service::idempotency::Created;
use crate::service::{posts, reports};
use balai_protocol::feed::NewPost;
use balai_protocol::reports::{NewReport, ReportReason, ReportTarget};
use balai_protocol::{ApiError, Millis};

const HOUR: Millis = 60 * 60 * 1000;

pub fn demo(rt: &NativeRuntime, people: &[Seeded], now: Millis) -> Result<(), ApiError> {
    rt.set_now(now - 5 * HOUR);
    let ad = NewPost {
        body: "DIJUAL: motor bekas, mulus, harga nego! Minat? WA 0812-0000-1234. \
               Also selling phone credit cheap, DM me."
            .to_string(),
        group_id: None,
        announce_until: None,
        place_id: None,
        ack_required: false,
        photos: Vec::new(),
    };
    let Created::New(ad) = block_on(posts::create(rt, &people[12].actor, &ad, None))? else {
        unreachable!("no idempotency key, no replay");
    };
    let reported = [
        (&people[14], ReportReason::Spam, ""),
        (
            &people[17],
            ReportReason::Other,
            "Iklan pribadi, bukan kabar perusahaan.",
        ),
    ];
    for (i, (who, reason, note)) in reported.into_iter().enumerate() {
        rt.set_now(now - 4 * HOUR + i as Millis * HOUR);
        let report = NewReport {
            target: ReportTarget::Post,
            id: ad.id.clone(),
            reason,
            note: note.to_string(),
        };
        block_on(reports::report(rt, &who.actor, &report))?;
    }
    Ok(())
}
