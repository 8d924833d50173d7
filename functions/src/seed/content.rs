//! Demo text: names and posts in Bahasa Indonesia and English, the way a company writes.

use super::Rng;

const FIRST: &[&str] = &[
    "Ani", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika",
    "Lestari", "Made", "Nur", "Oki", "Putri", "Rizky", "Sinta", "Teguh", "Utami", "Wahyu", "Yuni",
    "Agus", "Bayu", "Dian", "Fitri", "Hadi", "Intan", "Kevin", "Maya", "Nanda", "Rina",
];
const LAST: &[&str] = &[
    "Wijaya",
    "Santoso",
    "Pratama",
    "Lestari",
    "Saputra",
    "Hidayat",
    "Nasution",
    "Siregar",
    "Kusuma",
    "Halim",
    "Gunawan",
    "Purnomo",
    "Setiawan",
    "Rahman",
    "Simanjuntak",
    "Wibowo",
    "Tanjung",
    "Harahap",
    "Susanto",
    "Nugroho",
];

/// The i-th demo name; unique for the first FIRST × LAST people.
pub fn name(i: usize) -> (&'static str, &'static str) {
    (
        FIRST[i % FIRST.len()],
        LAST[(i / FIRST.len() + i * 7) % LAST.len()],
    )
}

const POSTS: &[&str] = &[
    "Selamat pagi tim! Target penjualan bulan ini sudah tercapai **87%**. Ayo kita kejar sisanya minggu ini 💪",
    "Reminder: the quarterly safety briefing is on **Thursday at 09:00** in the main meeting room. Field teams can join by phone.",
    "Terima kasih untuk tim Surabaya yang sudah membantu pengiriman darurat ke klien kemarin malam. Luar biasa!",
    "New expense policy is live. Key changes:\n\n- receipts must be uploaded within 7 days\n- taxi rides over Rp 500.000 need approval\n- per diem for Medan updated",
    "Ada yang punya rekomendasi percetakan di Medan untuk banner pameran? Butuh cepat untuk minggu depan.",
    "Our new warehouse scanner app is rolling out to all branches. If it crashes, tell the IT desk with a screenshot.",
    "Foto-foto dari acara family gathering di Bogor sudah diunggah ke folder bersama. Terima kasih panitia!",
    "Welcome to our new colleagues joining Operations this week. Say hi when you see them in the canteen!",
    "Jadwal libur Idul Fitri sudah final. Silakan cek dengan atasan masing-masing untuk pembagian piket.",
    "Client visit recap: _PT Sinar Abadi_ wants a pilot in three of their stores by next month. Sales and Ops, let's sync tomorrow.",
    "Server maintenance malam ini pukul 22:00–23:00 WIB. Aplikasi internal mungkin tidak bisa diakses sebentar.",
    "Kudos to the finance team for closing the month two days early 🎉",
    "Tips hemat bahan bakar untuk tim lapangan:\n\n1. cek tekanan ban setiap Senin\n2. rencanakan rute sebelum berangkat\n3. hindari jam macet kalau bisa",
    "Does anyone know the wifi password for the new Surabaya meeting room? The old one stopped working.",
    "Pelatihan layanan pelanggan batch 3 dibuka. Daftar lewat SDM sebelum hari Jumat ya.",
    "Reminder that our code of conduct applies to chats with clients too. When in doubt, ask your manager.",
    "Stok brosur produk baru sudah tiba di gudang Jakarta. Cabang lain bisa request lewat form logistik.",
    "We hit 1,000 active customers in Medan this quarter. Great work everyone in the branch!",
    "Ada kendala printer di lantai 3? Tim TI sedang menangani, perkiraan selesai siang ini.",
    "Lunch & learn on Friday: **how to write a good incident report**. Snacks provided.",
    "Mohon semua kepala cabang mengirimkan laporan mingguan paling lambat Senin pukul 10.00.",
    "The new price list is effective from the 1st. Old quotes remain valid for 14 days.",
    "Selamat ulang tahun untuk rekan-rekan yang berulang tahun bulan ini! 🎂",
    "Heads up: the Jakarta office parking will be closed on Saturday for repainting.",
    "Evaluasi pameran dagang kemarin: 42 prospek baru, 6 sudah minta penawaran. Terima kasih tim Penjualan!",
    "Please update your mobile app to the latest version before Monday; older versions will stop syncing orders.",
];

const COMMENTS: &[&str] = &[
    "Mantap! 👍",
    "Thanks for sharing.",
    "Siap, dicatat.",
    "Great news!",
    "Terima kasih infonya.",
    "Can we get the slides afterwards?",
    "Setuju, ayo kita dukung.",
    "Noted, will pass it on to my team.",
    "Boleh minta detailnya lewat email?",
    "Well done, team!",
    "Kami di cabang Medan juga siap membantu.",
    "Is this also for the field staff?",
];

const TAGS: &[&str] = &[
    "penjualan",
    "gudang",
    "k3",
    "it",
    "sdm",
    "pameran",
    "klien",
    "medan",
    "surabaya",
    "jakarta",
];

/// A post; one in three carries a #tag.
pub fn post(rng: &mut Rng) -> String {
    let text = rng.pick(POSTS).to_string();
    if rng.below(3) == 0 {
        format!("{text} #{}", rng.pick(TAGS))
    } else {
        text
    }
}

pub fn comment(rng: &mut Rng) -> String {
    rng.pick(COMMENTS).to_string()
}
