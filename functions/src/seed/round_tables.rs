//! The demo company's round tables: last month's, closed, with answered questions (some asked
//! anonymously), and this month's, open now, with questions waiting for answers.

use super::{Rng, Seeded};
use crate::runtime::native::{NativeRuntime, block_on};
use crate::service::idempotency::Created;
use crate::service::round_tables;
use balai_protocol::round_tables::{NewQuestion, NewRoundTable};
use balai_protocol::{ApiError, Millis};

const DAY: Millis = 24 * 60 * 60 * 1000;

const QUESTIONS: &[(&str, Option<&str>)] = &[
    (
        "Apakah ada rencana membuka cabang di Makassar?",
        Some("Ya: studi kelayakan selesai Desember, keputusan di kuartal pertama."),
    ),
    (
        "When will field staff get new phones?",
        Some("The rollout starts in Surabaya next month, then Medan."),
    ),
    (
        "Bagaimana kebijakan kerja jarak jauh tahun depan?",
        Some("Dua hari dari rumah untuk peran yang memungkinkan; detail dari SDM minggu depan."),
    ),
    (
        "Is the annual bonus tied to branch results or company results?",
        Some("Both: 60% company, 40% branch, as last year."),
    ),
    (
        "Kapan kantin lantai 3 dibuka lagi?",
        Some("Awal bulan depan, setelah perbaikan dapur."),
    ),
    (
        "Will overtime pay for warehouse shifts be reviewed?",
        Some("Yes; HR presents a proposal at the next town hall."),
    ),
    (
        "Apakah pelatihan K3 akan diwajibkan untuk semua kurir?",
        None,
    ),
    (
        "Can we get a shuttle from the station to the Jakarta office?",
        None,
    ),
];

/// Asked since this month's round table opened; not answered yet.
const OPEN_QUESTIONS: &[&str] = &[
    "Apakah gudang baru di Medan jadi dibangun tahun depan?",
    "Will the Balai app get a dark mode for night shifts?",
    "Bagaimana hasil survei karyawan bulan lalu?",
    "Can field staff claim mobile data costs?",
];

pub fn demo(
    rt: &NativeRuntime,
    people: &[Seeded],
    rng: &mut Rng,
    now: Millis,
) -> Result<(), ApiError> {
    let admin = &people[0].actor;
    let leaders = vec![admin.email.clone(), people[1].actor.email.clone()];
    // Last month's, held over a week and closed three weeks ago.
    rt.set_now(now - 28 * DAY);
    let closed = NewRoundTable {
        title: "Tanya Direksi: Oktober / Ask the board: October".into(),
        description: "Pertanyaan untuk direksi; jawaban tetap di sini sebagai arsip.".into(),
        opens_at: now - 28 * DAY,
        closes_at: now - 21 * DAY,
        leaders: leaders.clone(),
    };
    let Created::New(table) = block_on(round_tables::create(rt, admin, &closed, None))? else {
        return Ok(());
    };
    for (i, (body, answer)) in QUESTIONS.iter().enumerate() {
        rt.advance(3 * 60 * 60 * 1000);
        let asked = ask(rt, people, rng, &table.id, body, i % 3 == 0, 15)?;
        if let (Some(q), Some(a)) = (asked, answer) {
            block_on(round_tables::answer(rt, admin, &q, a))?;
        }
    }
    // This month's, open now for a week.
    rt.set_now(now - DAY);
    let open = NewRoundTable {
        title: "Tanya Direksi: November / Ask the board: November".into(),
        description:
            "Tanyakan apa saja, dengan nama atau anonim. / Ask anything, by name or anonymously."
                .into(),
        opens_at: now - DAY,
        closes_at: now + 7 * DAY,
        leaders,
    };
    let Created::New(table) = block_on(round_tables::create(rt, admin, &open, None))? else {
        return Ok(());
    };
    for (i, body) in OPEN_QUESTIONS.iter().enumerate() {
        rt.advance(2 * 60 * 60 * 1000);
        ask(rt, people, rng, &table.id, body, i % 2 == 1, 10)?;
    }
    Ok(())
}

/// A colleague asks `body` at round table `table_id`, and up to `max_votes` others vote for
/// it; answers the question's id.
fn ask(
    rt: &NativeRuntime,
    people: &[Seeded],
    rng: &mut Rng,
    table_id: &str,
    body: &str,
    anonymous: bool,
    max_votes: usize,
) -> Result<Option<String>, ApiError> {
    let asker = &rng.pick(&people[2..]).actor;
    let input = NewQuestion {
        body: body.to_string(),
        anonymous,
    };
    let Created::New(q) = block_on(round_tables::ask(rt, asker, table_id, &input, None))? else {
        return Ok(None);
    };
    for _ in 0..rng.below(max_votes) {
        block_on(round_tables::vote(rt, &rng.pick(people).actor, &q.id, true))?;
    }
    Ok(Some(q.id))
}
