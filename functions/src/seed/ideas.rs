//! The demo company's ideas: 50 different ones, in every status, with votes, discussion,
//! decisions with reasons, and thanks for those implemented.

use super::{Rng, Seeded};
use crate::runtime::Runtime;
use crate::runtime::native::{NativeRuntime, block_on};
use crate::service::comments::{self, Thread};
use crate::service::idempotency::Created;
use crate::service::{departments, ideas};
use crate::store::Db;
use balai_protocol::ApiError;
use balai_protocol::feed::NewComment;
use balai_protocol::ideas::{IdeaCategory, IdeaStatus, NewIdea, NewThanks, StatusChange};
use balai_protocol::people::Department;

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
    (
        "Digital delivery receipts",
        "Drivers photograph signed paper receipts; a signature on the phone would skip the scanning.",
        IdeaCategory::Process,
    ),
    (
        "Jadwal shift gudang di aplikasi",
        "Jadwal masih ditempel di papan; yang libur tidak tahu kalau ada perubahan.",
        IdeaCategory::Process,
    ),
    (
        "Water refill stations instead of bottled water",
        "We buy around 400 bottles a week for the Jakarta office alone.",
        IdeaCategory::Cost,
    ),
    (
        "Ruang salat yang lebih besar di Surabaya",
        "Saat Jumat banyak yang harus antre di lorong.",
        IdeaCategory::Workplace,
    ),
    (
        "Route planning for the Medan delivery vans",
        "Vans cross the city twice a day; grouping stops by district would save fuel.",
        IdeaCategory::Cost,
    ),
    (
        "Pelatihan Excel untuk staf administrasi",
        "Banyak laporan masih dihitung manual dengan kalkulator.",
        IdeaCategory::Workplace,
    ),
    (
        "Client portal to track shipments",
        "Clients would see where their goods are without calling the branch.",
        IdeaCategory::Customer,
    ),
    (
        "Lampu LED di area gudang",
        "Lampu lama boros listrik dan sering mati di lorong belakang.",
        IdeaCategory::Cost,
    ),
    (
        "Buddy for every new hire",
        "A colleague to ask for the first month makes the first weeks much easier.",
        IdeaCategory::Workplace,
    ),
    (
        "Forklift licence refresher",
        "Some operators got their licence more than five years ago.",
        IdeaCategory::Safety,
    ),
    (
        "Paket produk untuk toko kecil",
        "Warung dan toko kelontong minta ukuran kemasan yang lebih kecil.",
        IdeaCategory::Product,
    ),
    (
        "Monthly open office hours with the branch head",
        "An hour a month where anyone can drop in with a question.",
        IdeaCategory::Workplace,
    ),
    (
        "Rak pallet berlabel QR",
        "Mencari barang di gudang Surabaya bisa makan waktu 20 menit.",
        IdeaCategory::Process,
    ),
    (
        "Shared calendar for meeting rooms",
        "Rooms are double-booked almost every week at head office.",
        IdeaCategory::Workplace,
    ),
    (
        "Survey kepuasan pelanggan setelah pengiriman",
        "Kita baru tahu pelanggan kecewa ketika mereka sudah pindah pemasok.",
        IdeaCategory::Customer,
    ),
    (
        "Electric motorbikes for city couriers",
        "Fuel and servicing for petrol bikes keep rising; charging could happen at the branch.",
        IdeaCategory::Cost,
    ),
    (
        "Kotak P3K di setiap kendaraan",
        "Beberapa mobil operasional tidak punya kotak P3K sama sekali.",
        IdeaCategory::Safety,
    ),
    (
        "Bundle offers for repeat clients",
        "Clients who order every month could get a fixed price for the quarter.",
        IdeaCategory::Product,
    ),
    (
        "Arsip dokumen digital",
        "Lemari arsip di lantai 2 sudah penuh dan sulit dicari.",
        IdeaCategory::Process,
    ),
    (
        "Standing desks for the IT team",
        "Long days at the screen; a few shared standing desks would help.",
        IdeaCategory::Workplace,
    ),
    (
        "Hotline WhatsApp untuk keluhan",
        "Pelanggan lebih cepat membalas WhatsApp daripada email.",
        IdeaCategory::Customer,
    ),
    (
        "Quarterly fire drill in every branch",
        "The last drill in Medan was two years ago.",
        IdeaCategory::Safety,
    ),
    (
        "Tukar shift lewat aplikasi",
        "Tukar shift sekarang lewat grup chat dan sering terlewat oleh supervisor.",
        IdeaCategory::Process,
    ),
    (
        "Print less: double-sided by default",
        "Printers at head office still print single-sided unless you change it.",
        IdeaCategory::Cost,
    ),
    (
        "Produk ramah lingkungan",
        "Beberapa klien besar mulai meminta kemasan yang bisa didaur ulang.",
        IdeaCategory::Product,
    ),
    (
        "Lunch-and-learn on Fridays",
        "Colleagues teach each other a skill over lunch, once a month per branch.",
        IdeaCategory::Workplace,
    ),
    (
        "Sensor suhu di gudang obat",
        "Suhu ruang penyimpanan dicatat dua kali sehari dengan tangan.",
        IdeaCategory::Safety,
    ),
    (
        "Same-day delivery in central Jakarta",
        "Competitors offer it; we have the vans in the morning anyway.",
        IdeaCategory::Customer,
    ),
    (
        "Pengingat otomatis untuk tagihan",
        "Tim keuangan mengirim pengingat satu per satu setiap akhir bulan.",
        IdeaCategory::Cost,
    ),
    (
        "Sample kits for the sales team",
        "Salespeople borrow samples from the warehouse and forget to return them.",
        IdeaCategory::Product,
    ),
    (
        "Parkir sepeda di kantor pusat",
        "Beberapa karyawan ingin bersepeda tapi tidak ada tempat aman.",
        IdeaCategory::Workplace,
    ),
    (
        "Loading dock booking for suppliers",
        "Supplier trucks arrive at the same time and wait for hours.",
        IdeaCategory::Process,
    ),
    (
        "Evaluasi ban kendaraan tiap bulan",
        "Dua insiden ban pecah di tol bulan lalu.",
        IdeaCategory::Safety,
    ),
    (
        "Loyalty points for retail partners",
        "Small shops that order every week get nothing for their loyalty.",
        IdeaCategory::Customer,
    ),
    (
        "Kantin sehat",
        "Menu kantin kebanyakan gorengan; pilihan sayur sering habis jam 12.",
        IdeaCategory::Workplace,
    ),
    (
        "Energy audit of the head office",
        "Air conditioning runs all weekend on some floors.",
        IdeaCategory::Cost,
    ),
    (
        "Katalog suku cadang untuk teknisi",
        "Teknisi menelepon gudang untuk menanyakan stok setiap kali ke lapangan.",
        IdeaCategory::Product,
    ),
    (
        "Mentoring programme across branches",
        "Juniors in Medan rarely get to learn from seniors in Jakarta.",
        IdeaCategory::Other,
    ),
    (
        "Hari relawan tahunan",
        "Satu hari setahun untuk kegiatan sosial bersama di kota masing-masing.",
        IdeaCategory::Other,
    ),
    (
        "Return pickups on the next delivery run",
        "Clients wait a week for returns although we pass by every day.",
        IdeaCategory::Customer,
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

pub fn demo(rt: &NativeRuntime, people: &[Seeded], rng: &mut Rng) -> Result<(), ApiError> {
    let reviewer = &people[0].actor;
    let departments: Vec<Department> = block_on(rt.db().all(departments::all_stmt()))?;
    for (i, &(title, body, category)) in IDEAS.iter().enumerate() {
        // Spread over about three weeks: six hours apart, each decided within a few hours.
        rt.advance(6 * 60 * 60 * 1000 + rng.below(600_000) as i64);
        let author = &rng.pick(&people[1..]).actor;
        let input = NewIdea {
            title: title.to_string(),
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
