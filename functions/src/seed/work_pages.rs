//! The demo company's work pages: everyone has a position, a manager (their department's head,
//! who reports to the admin), phones, competencies, responsibilities, hobbies, a birthday (a few
//! kept private), a start date and a photo. Departments form a small tree with heads. Someone
//! has a birthday today, someone a work anniversary this week, and someone is away with a deputy.

use super::{Rng, Seeded, avatar};
use crate::runtime::Runtime;
use crate::runtime::native::{NativeRuntime, block_on};
use crate::service::wib;
use crate::service::work_pages::{self, absence, photo};
use crate::stmt;
use crate::store::Db;
use balai_protocol::people::{AbsenceInput, OfficialEdit, ProfileEdit};
use balai_protocol::{ApiError, Millis};
use serde::Deserialize;

/// Per department (in `DEPARTMENTS` order): the head's title, staff titles, competencies.
const ROLES: &[(&str, &[&str], &[&str])] = &[
    (
        "Kepala Penjualan",
        &["Sales Executive", "Account Manager", "Sales Supervisor"],
        &[
            "Negosiasi",
            "CRM",
            "Presentasi",
            "Key accounts",
            "Tender pemerintah",
        ],
    ),
    (
        "Kepala Operasional",
        &["Kepala Gudang", "Koordinator Logistik", "Operator Forklift"],
        &[
            "Forklift",
            "K3 safety",
            "Manajemen gudang",
            "Rantai pasok",
            "SAP MM",
        ],
    ),
    (
        "Kepala Keuangan",
        &["Akuntan", "Staf Pajak", "Analis Keuangan"],
        &["Pajak", "Akuntansi", "Excel", "Audit", "SAP FI"],
    ),
    (
        "Kepala SDM",
        &["HR Business Partner", "Staf Rekrutmen", "Staf Penggajian"],
        &[
            "Rekrutmen",
            "Penggajian",
            "Hukum ketenagakerjaan",
            "Pelatihan",
            "BPJS",
        ],
    ),
    (
        "Kepala TI",
        &["Network Engineer", "Developer", "IT Support"],
        &[
            "Jaringan",
            "Rust",
            "Helpdesk",
            "Keamanan siber",
            "Cloudflare",
        ],
    ),
];

const HOBBIES: &[&str] = &[
    "Futsal dan bulu tangkis",
    "Photography on weekends",
    "Memasak rendang",
    "Hiking: Rinjani next year",
    "Membaca dan kopi",
    "Gowes pagi",
];

#[derive(Deserialize)]
struct Dept {
    id: String,
    name: String,
}

pub fn demo(
    rt: &NativeRuntime,
    people: &[Seeded],
    rng: &mut Rng,
    now: Millis,
) -> Result<(), ApiError> {
    let admin = &people[0].actor;
    let depts: Vec<Dept> = block_on(rt.db().all(stmt!(
        "SELECT d.id, d.name FROM departments d ORDER BY rowid"
    )))?;
    #[derive(Deserialize)]
    struct Member {
        id: String,
        department_id: Option<String>,
    }
    let members: Vec<Member> = block_on(
        rt.db()
            .all(stmt!("SELECT id, department_id FROM users ORDER BY rowid")),
    )?;
    // The first member of each department (after the admin) heads it.
    let heads: Vec<Option<String>> = depts
        .iter()
        .map(|d| {
            members
                .iter()
                .skip(1)
                .find(|m| m.department_id.as_deref() == Some(d.id.as_str()))
                .map(|m| m.id.clone())
        })
        .collect();
    // IT sits under Operations: a small tree to walk.
    let mut tree = Vec::new();
    for (d, head) in depts.iter().zip(&heads) {
        let parent = (d.name == "Teknologi Informasi")
            .then(|| depts.iter().find(|p| p.name == "Operasional"))
            .flatten()
            .map(|p| p.id.as_str());
        tree.push(stmt!(
            "UPDATE departments SET head_id = ?, parent_id = ? WHERE id = ?",
            head.as_deref(),
            parent,
            d.id.as_str()
        ));
    }
    block_on(rt.db().batch(tree))?;

    let (year, month, day) = wib::date_of(now);
    for (i, (seeded, member)) in people.iter().zip(&members).enumerate() {
        let who = &seeded.actor;
        let dept = depts
            .iter()
            .position(|d| Some(d.id.as_str()) == member.department_id.as_deref())
            .unwrap_or(0);
        let (head_title, titles, skills) = ROLES[dept % ROLES.len()];
        let is_head = heads[dept].as_deref() == Some(who.id.as_str());
        let position = if i == 0 {
            "Direktur Utama".to_string()
        } else if is_head {
            head_title.to_string()
        } else {
            rng.pick(titles).to_string()
        };
        let manager = match (i, is_head) {
            (0, _) => String::new(),
            (_, true) => admin.id.clone(),
            _ => heads[dept].clone().unwrap_or_else(|| admin.id.clone()),
        };
        // Someone started this week some years ago; the rest over the past fourteen years.
        let start_date = if i == 2 {
            let (_, m, d) = wib::date_of(now + 2 * wib::DAY_MS);
            format!("{}-{m:02}-{d:02}", year - 6)
        } else {
            format!(
                "{}-{:02}-{:02}",
                2012 + rng.below(14),
                1 + rng.below(12),
                1 + rng.below(28)
            )
        };
        block_on(work_pages::edit_official(
            rt,
            admin,
            &who.id,
            &OfficialEdit {
                position: Some(position),
                manager_id: Some(manager),
                start_date: Some(start_date),
                ..OfficialEdit::default()
            },
        ))?;
        let mut competencies: Vec<String> = Vec::new();
        for _ in 0..2 + rng.below(3) {
            let skill = rng.pick(skills).to_string();
            if !competencies.contains(&skill) {
                competencies.push(skill);
            }
        }
        if i % 7 == 3 {
            competencies.push("Bahasa Inggris".into());
        }
        // Someone's birthday is today; every fifth keeps theirs private.
        let birthday = if i == 1 {
            format!("{month:02}-{day:02}")
        } else {
            format!("{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))
        };
        let phone = format!(
            "+62 81{}-{:04}-{:04}",
            rng.below(10),
            rng.below(10_000),
            rng.below(10_000)
        );
        block_on(work_pages::edit_own(
            rt,
            who,
            &who.id,
            &ProfileEdit {
                phone,
                competencies,
                responsibilities: format!(
                    "{} untuk {}; cadangan rekan satu tim saat cuti.",
                    if is_head {
                        "Memimpin tim"
                    } else {
                        "Tugas harian"
                    },
                    depts[dept].name
                ),
                hobbies: rng.pick(HOBBIES).to_string(),
                birthday: Some(birthday),
                birthday_public: i % 5 != 4,
            },
        ))?;
        block_on(photo::upload(
            rt,
            who,
            &who.id,
            &avatar::png(rng.next_u64()),
        ))?;
    }
    // Someone in Operations is on leave this week; a colleague covers.
    if let (Some(away), Some(deputy)) = (people.get(7), people.get(12)) {
        let (y1, m1, d1) = wib::date_of(now - wib::DAY_MS);
        let (y2, m2, d2) = wib::date_of(now + 4 * wib::DAY_MS);
        block_on(absence::set(
            rt,
            &away.actor,
            &away.actor.id,
            &AbsenceInput {
                starts_on: format!("{y1}-{m1:02}-{d1:02}"),
                ends_on: format!("{y2}-{m2:02}-{d2:02}"),
                deputy_id: deputy.actor.id.clone(),
                note: "Cuti tahunan: pulang kampung ke Padang.".into(),
            },
        ))?;
    }
    Ok(())
}
