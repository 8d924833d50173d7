//! The demo company's map: an office in each of 30 Indonesian cities (the three real branches
//! among them), clients (visible to Sales only), verified printers and other suppliers,
//! venues, and upcoming events. 220 places, made through the places service.

use super::{DEPARTMENTS, Rng, Seeded};
use crate::runtime::native::{NativeRuntime, block_on};
use crate::service::idempotency::Created;
use crate::service::places::{self, import, suggestions};
use balai_protocol::Millis;
use balai_protocol::places::{NewSuggestion, PlaceChanges, PlaceInput, PlaceVisibility};
use balai_protocol::{ApiError, Lang};

/// (city, latitude, longitude, phone area code).
pub const CITIES: &[(&str, f64, f64, &str)] = &[
    ("Jakarta", -6.2088, 106.8456, "21"),
    ("Surabaya", -7.2575, 112.7521, "31"),
    ("Medan", 3.5952, 98.6722, "61"),
    ("Bandung", -6.9175, 107.6191, "22"),
    ("Semarang", -6.9667, 110.4167, "24"),
    ("Makassar", -5.1477, 119.4327, "411"),
    ("Palembang", -2.9761, 104.7754, "711"),
    ("Denpasar", -8.6705, 115.2126, "361"),
    ("Yogyakarta", -7.7956, 110.3695, "274"),
    ("Balikpapan", -1.2379, 116.8529, "542"),
    ("Pontianak", -0.0263, 109.3425, "561"),
    ("Manado", 1.4748, 124.8421, "431"),
    ("Pekanbaru", 0.5071, 101.4478, "761"),
    ("Padang", -0.9471, 100.4172, "751"),
    ("Banjarmasin", -3.3186, 114.5944, "511"),
    ("Malang", -7.9666, 112.6326, "341"),
    ("Batam", 1.0456, 104.0305, "778"),
    ("Jayapura", -2.5337, 140.7181, "967"),
    ("Kupang", -10.1772, 123.6070, "380"),
    ("Mataram", -8.5833, 116.1167, "370"),
    ("Ambon", -3.6954, 128.1814, "911"),
    ("Samarinda", -0.5022, 117.1536, "541"),
    ("Bandar Lampung", -5.4500, 105.2667, "721"),
    ("Jambi", -1.6101, 103.6131, "741"),
    ("Surakarta", -7.5755, 110.8243, "271"),
    ("Cirebon", -6.7320, 108.5523, "231"),
    ("Bogor", -6.5971, 106.8060, "251"),
    ("Tangerang", -6.1783, 106.6319, "21"),
    ("Bekasi", -6.2383, 106.9756, "21"),
    ("Palu", -0.8917, 119.8707, "451"),
];

const STREETS: &[&str] = &[
    "Jl. Sudirman",
    "Jl. Gatot Subroto",
    "Jl. Ahmad Yani",
    "Jl. Diponegoro",
    "Jl. Pahlawan",
    "Jl. Merdeka",
    "Jl. Gajah Mada",
    "Jl. Imam Bonjol",
];
const CLIENT_WORDS: &[&str] = &[
    "Sinar",
    "Maju",
    "Jaya",
    "Abadi",
    "Nusantara",
    "Sentosa",
    "Mandiri",
    "Makmur",
];
const CLIENT_TRADES: &[&str] = &["Logistik", "Retail", "Farma", "Konstruksi", "Agro"];
const SUPPLIERS: &[(&str, &str)] = &[
    ("Percetakan", "percetakan verified"),
    ("Toko ATK", "atk"),
    ("Bengkel Armada", "armada servis"),
];
const VENUES: &[&str] = &["Gedung Serbaguna", "Convention Hall", "Hotel Ballroom"];
const EVENTS: &[(&str, &str)] = &[
    ("Pameran Produk", "pameran"),
    ("Cross-marketing Day", "cross-marketing"),
    ("Job Fair Kampus", "rekrutmen"),
];

/// A point near a city centre: up to about 5 km away.
fn near(rng: &mut Rng, lat: f64, lng: f64) -> (f64, f64) {
    let jitter = |rng: &mut Rng| (rng.below(1000) as f64 - 500.0) / 10_000.0;
    (lat + jitter(rng), lng + jitter(rng))
}

fn address(rng: &mut Rng, city: &str) -> String {
    format!("{} No. {}, {city}", rng.pick(STREETS), 1 + rng.below(200))
}

fn phone(rng: &mut Rng, area: &str) -> String {
    format!("+62 {area} {}", 5_000_000 + rng.below(4_000_000))
}

/// Creates the demo places as the admin; answers the ids of the branch offices (for posts).
pub fn demo(
    rt: &NativeRuntime,
    admin: &Seeded,
    rng: &mut Rng,
    now: Millis,
) -> Result<Vec<String>, ApiError> {
    let catalog = block_on(places::Catalog::load(rt))?;
    let sales = catalog
        .department(DEPARTMENTS[0])
        .map(str::to_string)
        .into_iter()
        .collect::<Vec<_>>();
    let mut offices = Vec::new();
    let day = 24 * 60 * 60 * 1000;
    let create = |input: PlaceInput| -> Result<String, ApiError> {
        match block_on(places::create(rt, &admin.actor, &input, None))? {
            Created::New(place) => Ok(place.id),
            Created::Replay(_) => unreachable!("no idempotency key was given"),
        }
    };
    let blank = |name: String, category: &str, lat: f64, lng: f64| PlaceInput {
        name,
        category_id: category.into(),
        address: String::new(),
        lat,
        lng,
        description: String::new(),
        phone: String::new(),
        hours: String::new(),
        tags: Vec::new(),
        department_id: None,
        group_id: None,
        visibility: PlaceVisibility::All,
        audience: Vec::new(),
        starts_at: None,
        ends_at: None,
    };
    for (i, (city, lat, lng, area)) in CITIES.iter().enumerate() {
        let office = match i {
            0 => "Kantor Pusat Jakarta".to_string(),
            1 | 2 => format!("Cabang {city}"),
            _ => format!("Kantor Perwakilan {city}"),
        };
        offices.push(create(PlaceInput {
            address: address(rng, city),
            phone: phone(rng, area),
            hours: "Sen–Jum 08:00–17:00".into(),
            tags: vec!["kantor".into()],
            description:
                "Kantor Balai Nusantara. Tamu lapor ke resepsionis / visitors sign in at reception."
                    .into(),
            ..blank(office, "branch", *lat, *lng)
        })?);
        for _ in 0..3 {
            let (la, ln) = near(rng, *lat, *lng);
            let name = format!(
                "PT {} {} {}",
                rng.pick(CLIENT_WORDS),
                rng.pick(CLIENT_WORDS),
                rng.pick(CLIENT_TRADES)
            );
            create(PlaceInput {
                address: address(rng, city),
                phone: phone(rng, area),
                description: "Klien korporat. Kontak: bagian pengadaan.".into(),
                visibility: PlaceVisibility::Restricted,
                audience: sales.clone(),
                tags: vec!["klien".into()],
                ..blank(format!("{name} ({city})"), "client", la, ln)
            })?;
        }
        for (kind, tags) in SUPPLIERS.iter().take(2) {
            let (la, ln) = near(rng, *lat, *lng);
            create(PlaceInput {
                address: address(rng, city),
                phone: phone(rng, area),
                hours: "Sen–Sab 08:00–20:00".into(),
                description: "Pemasok terverifikasi oleh Operasional / verified supplier.".into(),
                tags: tags.split(' ').map(str::to_string).collect(),
                ..blank(
                    format!("{kind} {} {city}", rng.pick(CLIENT_WORDS)),
                    "supplier",
                    la,
                    ln,
                )
            })?;
        }
        let (la, ln) = near(rng, *lat, *lng);
        create(PlaceInput {
            address: address(rng, city),
            description: "Kapasitas 300 orang, parkir luas.".into(),
            tags: vec!["venue".into()],
            ..blank(format!("{} {city}", rng.pick(VENUES)), "venue", la, ln)
        })?;
        if i % 3 == 0 {
            let (name, tag) = EVENTS[(i / 3) % EVENTS.len()];
            let start = now + (3 + i as i64) * day + 9 * 60 * 60 * 1000;
            let (la, ln) = near(rng, *lat, *lng);
            create(PlaceInput {
                address: address(rng, city),
                description: "Semua karyawan diundang / everyone welcome.".into(),
                tags: vec![tag.into()],
                starts_at: Some(start),
                ends_at: Some(start + 8 * 60 * 60 * 1000),
                ..blank(format!("{name} {city}"), "event", la, ln)
            })?;
        }
    }
    Ok(offices)
}

/// Corrections colleagues in the field have suggested and no editor has decided yet, so the
/// map editors' queue has something in it: new opening hours for the Surabaya branch, a new
/// phone number for Medan's.
pub fn demo_suggestions(
    rt: &NativeRuntime,
    people: &[Seeded],
    offices: &[String],
) -> Result<(), ApiError> {
    let corrections = [
        (
            &people[6],
            &offices[1],
            "Sejak bulan ini buka Sabtu pagi juga / now open on Saturday mornings.",
            PlaceChanges {
                hours: Some("Sen–Jum 08:00–17:00, Sab 08:00–12:00".into()),
                ..PlaceChanges::default()
            },
        ),
        (
            &people[11],
            &offices[2],
            "Nomor lama sudah tidak aktif / the old number no longer works.",
            PlaceChanges {
                phone: Some("+62 61 4567 8900".into()),
                ..PlaceChanges::default()
            },
        ),
    ];
    for (who, office, note, changes) in corrections {
        let input = NewSuggestion {
            note: note.into(),
            changes,
        };
        block_on(suggestions::suggest(rt, &who.actor, office, &input, None))?;
    }
    Ok(())
}

/// `count` places spread over Indonesia, imported as one CSV as an editor would: the data set
/// the map benchmark renders.
pub fn bench(
    rt: &NativeRuntime,
    admin: &Seeded,
    rng: &mut Rng,
    count: usize,
) -> Result<(), ApiError> {
    let categories = ["branch", "client", "venue", "supplier"];
    let mut csv = String::from("name,category,lat,lng,address\n");
    for i in 0..count {
        let (city, lat, lng, _) = rng.pick(CITIES);
        // Up to about 50 km around a city: dense clusters, as real data is.
        let spread = |rng: &mut Rng| (rng.below(10_000) as f64 - 5_000.0) / 10_000.0;
        let (la, ln) = (lat + spread(rng), lng + spread(rng));
        csv.push_str(&format!(
            "Tempat {i} {city},{},{la:.6},{ln:.6},{}\n",
            categories[i % categories.len()],
            address(rng, city)
        ));
    }
    let report = block_on(import::import(rt, &admin.actor, &csv, false, Lang::En))?;
    assert_eq!(report.imported as usize, count, "bench places import");
    Ok(())
}
