//! The demo company's ideas: 50, in every status, with votes, discussion, decisions with
//! reasons, and thanks for those implemented.

use super::{Rng, Seeded};
use crate::runtime::native::{NativeRuntime, block_on};
use crate::service::comments::{self, Thread};
use crate::service::idempotency::Created;
use crate::service::{departments, ideas};
use balai_protocol::ApiError;
use balai_protocol::feed::NewComment;
use balai_protocol::ideas::{IdeaCategory, IdeaStatus, NewIdea, NewThanks, StatusChange};

/// What colleagues say under an idea.
const REPLIES: &[&str] = &[
    "Setuju, di cabang kami masalahnya sama.",
    "We tried something like this in 2023; happy to share what we learned.",
    "Berapa kira-kira biayanya?",
    "+1, this would save my team an hour a day.",
    "Bisa diuji dulu di satu cabang?",
];

const IDEAS: &[(&str, &str, IdeaCategory)] = &[
    (
        "Scan barcodes at the loading dock",
        "Petugas gudang masih mencatat manual; pemindai murah memangkas antrean truk.",
        IdeaCategory::Process,
    ),
    (
        "Car pool for field staff in Surabaya",
        "Three teams drive the same routes each morning in separate cars.",
        IdeaCategory::Workplace,
    ),
    (
        "Solar panels on the branch roofs",
        "Atap cabang Surabaya dan Medan cukup luas; listrik siang hari bisa turun 30%.",
        IdeaCategory::Cost,
    ),
    (
        "One-page onboarding checklist",
        "New colleagues ask the same twenty questions in their first week.",
        IdeaCategory::Process,
    ),
    (
        "Helm dan rompi reflektif untuk kurir",
        "Kurir motor kita pulang malam tanpa perlengkapan yang terlihat.",
        IdeaCategory::Safety,
    ),
    (
        "WhatsApp order confirmations for clients",
        "Clients call to ask whether their order arrived; a message would answer first.",
        IdeaCategory::Customer,
    ),
    (
        "Pojok laktasi di kantor pusat",
        "Ruang kecil di lantai 3 tidak terpakai sejak renovasi.",
        IdeaCategory::Workplace,
    ),
    (
        "Reuse shipping boxes from suppliers",
        "We throw away hundreds of good boxes every week.",
        IdeaCategory::Cost,
    ),
    (
        "Katalog produk digital untuk sales",
        "Brosur cetak cepat usang; katalog di ponsel selalu terbaru.",
        IdeaCategory::Product,
    ),
    (
        "First-aid training every year",
        "Only two people in the Medan branch are trained.",
        IdeaCategory::Safety,
    ),
];

/// The status each seeded idea reaches, in order, cycling: every status is represented.
const PATHS: &[&[IdeaStatus]] = &[
    &[],
    &[IdeaStatus::UnderReview],
    &[IdeaStatus::UnderReview, IdeaStatus::Accepted],
    &[
        IdeaStatus::UnderReview,
        IdeaStatus::Accepted,
        IdeaStatus::InProgress,
    ],
    &[
        IdeaStatus::UnderReview,
        IdeaStatus::Accepted,
        IdeaStatus::InProgress,
        IdeaStatus::Implemented,
    ],
    &[IdeaStatus::UnderReview, IdeaStatus::Declined],
];

pub fn demo(
    rt: &NativeRuntime,
    people: &[Seeded],
    rng: &mut Rng,
    count: usize,
) -> Result<(), ApiError> {
    let reviewer = &people[0].actor;
    let departments = block_on(departments::list(rt, reviewer))?;
    for i in 0..count {
        // Spread over about three weeks: six hours apart, each decided within a few hours.
        rt.advance(6 * 60 * 60 * 1000 + rng.below(600_000) as i64);
        let (title, body, category) = IDEAS[i % IDEAS.len()];
        let title = if i < IDEAS.len() {
            title.to_string()
        } else {
            format!("{title} ({})", i / IDEAS.len() + 1)
        };
        let author = &rng.pick(&people[1..]).actor;
        let input = NewIdea {
            title,
            body: body.to_string(),
            category,
            // Every third idea concerns a department.
            department_id: (i % 3 == 0).then(|| rng.pick(&departments).id.clone()),
            place_id: None,
        };
        let Created::New(idea) = block_on(ideas::submit(rt, author, &input, None))? else {
            continue;
        };
        for _ in 0..rng.below(4) {
            rt.advance(120_000);
            let body = rng.pick(REPLIES).to_string();
            block_on(comments::create(
                rt,
                &rng.pick(people).actor,
                Thread::Idea(&idea.id),
                &NewComment { body },
                None,
            ))?;
        }
        for _ in 0..rng.below(12) {
            rt.advance(60_000);
            block_on(ideas::vote(rt, &rng.pick(people).actor, &idea.id, true))?;
        }
        for &status in PATHS[i % PATHS.len()] {
            rt.advance(60 * 60 * 1000);
            let reason = (status == IdeaStatus::Declined)
                .then(|| "Not this year: the budget goes to the new warehouse first.".to_string());
            block_on(ideas::set_status(
                rt,
                reviewer,
                &idea.id,
                &StatusChange { status, reason },
                None,
            ))?;
            if status == IdeaStatus::Implemented && author.id != reviewer.id {
                let note = "Terima kasih! This is now how every branch works.".to_string();
                block_on(ideas::thank(rt, reviewer, &idea.id, &NewThanks { note }))?;
            }
        }
    }
    Ok(())
}
