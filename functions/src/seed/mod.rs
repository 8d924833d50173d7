//! The demo company and the benchmark data set, generated through the same services the API
//! uses (so every seeded post is validated and rendered like a real one). Native only.

mod avatar;
mod content;
mod ideas;
pub mod places;
mod png;
mod reports;
mod round_tables;
mod scenery;
mod work_pages;

use crate::runtime::Runtime;
use crate::runtime::native::{NativeRuntime, block_on, pbkdf2_sha256};
use crate::service::actor::{Actor, role_str};
use crate::service::comments::Thread;
use crate::service::idempotency::Created;
use crate::service::ids::new_id;
use crate::service::password::{PBKDF2_ITERATIONS, encode};
use crate::service::{acks, comments, follows, groups, likes, posts};
use crate::stmt;
use crate::store::Db;
use balai_protocol::auth::Role;
use balai_protocol::feed::{Follow, FollowKind, NewComment, NewPost};
use balai_protocol::groups::{Category, NewGroup, Visibility};
use balai_protocol::{ApiError, Millis};

pub const DEMO_ADMIN_EMAIL: &str = "admin@balai.demo";
pub const DEMO_PASSWORD: &str = "balai-demo-2026";

pub const DEPARTMENTS: &[&str] = &[
    "Penjualan",
    "Operasional",
    "Keuangan",
    "SDM",
    "Teknologi Informasi",
];
pub const BRANCHES: &[(&str, &str)] = &[
    ("Kantor Pusat Jakarta", "Jakarta"),
    ("Cabang Surabaya", "Surabaya"),
    ("Cabang Medan", "Medan"),
];

/// A small deterministic generator, so the demo company is the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A person as the seed made them.
pub struct Seeded {
    pub actor: Actor,
}

/// The demo company: 42 people with full work pages (and photos), its groups and its map (220
/// places), 50 ideas in every status, a closed round table with answers and an open one, 300
/// posts over four weeks with comments, likes, tags and mentions, posts from its branches, a
/// reported advertisement, and a live announcement.
pub fn demo(rt: &NativeRuntime, rng: &mut Rng, now: Millis) -> Result<(), ApiError> {
    let people = demo_people(rt, 42)?;
    rt.set_now(now - 60 * 24 * 60 * 60 * 1000);
    work_pages::demo(rt, &people, rng, now)?;
    // The groups and places are a month old: older than every seeded post.
    rt.set_now(now - 30 * 24 * 60 * 60 * 1000);
    let groups = demo_groups(rt, &people, rng)?;
    let offices = places::demo(rt, &people[0], rng, now)?;
    places::demo_suggestions(rt, &people, &offices)?;
    ideas::demo(rt, &people, rng)?;
    round_tables::demo(rt, &people, rng, now)?;
    activity(rt, &people, &groups, 300, 28, now, rng, true)?;
    posts_from_branches(rt, &people, &offices, rng, now)?;
    reports::demo(rt, &people, now)?;
    demo_announcement(rt, &people, now)
}

/// A few posts "at" the branch offices, so their place sheets have something to show.
fn posts_from_branches(
    rt: &NativeRuntime,
    people: &[Seeded],
    offices: &[String],
    rng: &mut Rng,
    now: Millis,
) -> Result<(), ApiError> {
    let lines = [
        "Rapat koordinasi bulanan selesai, terima kasih tim! 🙌",
        "Stock opname done, all shelves counted. #gudang",
        "Ruang meeting lantai 2 sudah bisa dipakai lagi.",
        "Welcome to our new colleagues who started this week!",
    ];
    for (i, office) in offices.iter().take(12).enumerate() {
        rt.set_now(now - (i as i64 + 1) * 5 * 60 * 60 * 1000);
        let input = NewPost {
            body: rng.pick(&lines).to_string(),
            group_id: None,
            announce_until: None,
            place_id: Some(office.clone()),
            ack_required: false,
            // Every third comes with a photo of the office.
            photos: (i % 3 == 0)
                .then(|| crate::runtime::blob_encode(&scenery::png(i as u64 * 7_919)))
                .into_iter()
                .collect(),
        };
        block_on(posts::create(rt, &rng.pick(people).actor, &input, None))?;
    }
    Ok(())
}

/// Inserts departments and branches; returns their ids in the order of the constants.
pub fn structure(rt: &NativeRuntime) -> Result<(Vec<String>, Vec<String>), ApiError> {
    let mut dept_ids = Vec::new();
    let mut branch_ids = Vec::new();
    let mut stmts = Vec::new();
    for name in DEPARTMENTS {
        let id = new_id(rt);
        stmts.push(stmt!(
            "INSERT INTO departments (id, name) VALUES (?, ?)",
            id.as_str(),
            *name
        ));
        dept_ids.push(id);
    }
    for (name, city) in BRANCHES {
        let id = new_id(rt);
        stmts.push(stmt!(
            "INSERT INTO branches (id, name, city) VALUES (?, ?, ?)",
            id.as_str(),
            *name,
            *city
        ));
        branch_ids.push(id);
    }
    block_on(rt.db().batch(stmts))?;
    Ok((dept_ids, branch_ids))
}

/// Inserts a person with a ready password hash (hashing is the slow part: callers share it
/// where the password is not meant to be used).
pub fn person(
    rt: &NativeRuntime,
    email: &str,
    name: &str,
    role: Role,
    password_hash: &str,
    department_id: Option<&str>,
    branch_id: Option<&str>,
) -> Result<Seeded, ApiError> {
    let id = new_id(rt);
    block_on(rt.db().run(stmt!(
        "INSERT INTO users (id, email, name, role, password_hash, department_id, branch_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id.as_str(),
        email,
        name,
        role_str(role),
        password_hash,
        department_id,
        branch_id,
        rt.now()
    )))?;
    Ok(Seeded {
        actor: Actor {
            id,
            name: name.to_string(),
            email: email.to_string(),
            role,
            session_id: String::new(),
            grants: Default::default(),
        },
    })
}

/// A PBKDF2 hash of `password` with a fresh salt, at the production iteration count.
pub fn hash_password(rt: &NativeRuntime, password: &str) -> String {
    let mut salt = [0u8; 16];
    rt.fill_random(&mut salt);
    encode(
        PBKDF2_ITERATIONS,
        &salt,
        &pbkdf2_sha256(password.as_bytes(), &salt, PBKDF2_ITERATIONS),
    )
}

/// Everyone in the demo company; the first is the admin. Each has their own salt.
pub fn demo_people(rt: &NativeRuntime, count: usize) -> Result<Vec<Seeded>, ApiError> {
    let (depts, branches) = structure(rt)?;
    let mut out = Vec::new();
    let admin_hash = hash_password(rt, DEMO_PASSWORD);
    out.push(person(
        rt,
        DEMO_ADMIN_EMAIL,
        "Sari Admin",
        Role::Admin,
        &admin_hash,
        Some(&depts[3]),
        Some(&branches[0]),
    )?);
    for i in 0..count.saturating_sub(1) {
        let (first, last) = content::name(i);
        let email = format!(
            "{}.{}@balai.demo",
            first.to_lowercase(),
            last.to_lowercase()
        );
        let hash = hash_password(rt, DEMO_PASSWORD);
        out.push(person(
            rt,
            &email,
            &format!("{first} {last}"),
            Role::Member,
            &hash,
            Some(&depts[i % depts.len()]),
            Some(&branches[i % branches.len()]),
        )?);
    }
    Ok(out)
}

/// A seeded group and the people (indexes into the seeded people) who are its active members.
pub struct SeededGroup {
    pub id: String,
    pub members: Vec<usize>,
}

/// The demo company's groups: interests, projects (one closed, one secret) and one per branch,
/// made through the group services. People of a branch are in its group.
fn demo_groups(
    rt: &NativeRuntime,
    people: &[Seeded],
    rng: &mut Rng,
) -> Result<Vec<SeededGroup>, ApiError> {
    let mut specs: Vec<(String, &str, Category, Visibility, &[&str])> = vec![
        (
            "Sepak Bola Balai".into(),
            "Futsal every Thursday, and the office league. Semua boleh ikut!",
            Category::Interest,
            Visibility::Open,
            &["futsal", "olahraga"],
        ),
        (
            "Fotografi".into(),
            "Share your shots from the field and trips. Berbagi foto.",
            Category::Interest,
            Visibility::Open,
            &["foto", "hobi"],
        ),
        (
            "Proyek Gudang Surabaya".into(),
            "Building the new Surabaya warehouse: plans, suppliers and progress.",
            Category::Project,
            Visibility::Closed,
            &["gudang", "proyek"],
        ),
        (
            "Migrasi ERP".into(),
            "The ERP migration steering group. Rahasia sampai diumumkan.",
            Category::Project,
            Visibility::Secret,
            &["erp", "proyek"],
        ),
    ];
    for (branch, city) in BRANCHES {
        specs.push((
            branch.to_string(),
            "News and shifts for everyone at this branch.",
            Category::Branch,
            Visibility::Closed,
            if *city == "Jakarta" {
                &["jakarta"]
            } else if *city == "Surabaya" {
                &["surabaya"]
            } else {
                &["medan"]
            },
        ));
    }
    let mut out = Vec::new();
    for (g, (name, description, category, visibility, tags)) in specs.into_iter().enumerate() {
        // Branch groups: that branch's people (seeded round-robin over branches); others: a
        // random third of the company. The admin owns the branch and ERP groups.
        let branch = g.checked_sub(4);
        let owner = if branch.is_some() || visibility == Visibility::Secret {
            0
        } else {
            1 + rng.below(people.len() - 1)
        };
        let owner_actor = &people[owner].actor;
        let input = NewGroup {
            name,
            description: description.to_string(),
            category,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            visibility,
        };
        let Created::New(group) = block_on(groups::create(rt, owner_actor, &input, None))? else {
            continue;
        };
        let mut members = vec![owner];
        for (i, person) in people.iter().enumerate().skip(1) {
            let joins = match branch {
                Some(b) => (i - 1) % BRANCHES.len() == b,
                None if visibility == Visibility::Secret => i % 7 == 1,
                None => rng.below(3) == 0,
            };
            if !joins || i == owner {
                continue;
            }
            block_on(groups::invite(rt, owner_actor, &group.id, &person.actor.id))?;
            block_on(groups::join(rt, &person.actor, &group.id))?;
            members.push(i);
        }
        out.push(SeededGroup {
            id: group.id,
            members,
        });
    }
    Ok(out)
}

/// Posts spread over the `days` before `end`, with comments and likes, through the services.
/// A post by a member of one of `groups` goes to that group now and then.
#[allow(clippy::too_many_arguments)]
pub fn activity(
    rt: &NativeRuntime,
    people: &[Seeded],
    groups: &[SeededGroup],
    post_count: usize,
    days: i64,
    end: Millis,
    rng: &mut Rng,
    with_reactions: bool,
) -> Result<(), ApiError> {
    let span = days * 24 * 60 * 60 * 1000;
    for i in 0..post_count {
        // Evenly spread with jitter, oldest first, so ids and times agree.
        let at = end - span + (span / post_count as i64) * i as i64 + (rng.below(600_000) as i64);
        rt.set_now(at);
        let author_index = rng.below(people.len());
        let author = &people[author_index].actor;
        let mut body = content::post(rng);
        // One in ten asks a colleague by name.
        if rng.below(10) == 0 {
            let who = &rng.pick(people).actor;
            let handle = who.email.split('@').next().unwrap_or_default();
            body.push_str(&format!(" cc @{handle}"));
        }
        // Two posts in five go to one of the author's groups.
        let mine: Vec<&SeededGroup> = groups
            .iter()
            .filter(|g| g.members.contains(&author_index))
            .collect();
        let group = (!mine.is_empty() && rng.below(5) < 2).then(|| *rng.pick(&mine));
        let group_id = group.map(|g| g.id.clone());
        let created = block_on(posts::create(
            rt,
            author,
            &NewPost {
                body,
                group_id,
                announce_until: None,
                place_id: None,
                ack_required: false,
                photos: Vec::new(),
            },
            None,
        ))?;
        // Those who react are those who can read it: the group's members, or anyone.
        let reader = |rng: &mut Rng| match group {
            Some(g) => &people[*rng.pick(&g.members)].actor,
            None => &rng.pick(people).actor,
        };
        let Created::New(post) = created else {
            continue;
        };
        if !with_reactions {
            continue;
        }
        for _ in 0..rng.below(4) {
            rt.advance(60_000 + rng.below(3_600_000) as i64);
            let who = reader(rng);
            let body = content::comment(rng);
            block_on(comments::create(
                rt,
                who,
                Thread::Post(&post.id),
                &NewComment { body },
                None,
            ))?;
        }
        for _ in 0..rng.below(9) {
            let who = reader(rng);
            block_on(likes::set(rt, who, &post.id, true))?;
        }
    }
    Ok(())
}

/// The benchmark set: 2,000 people (sharing one hash: they never log in, except the admin) and
/// 100,000 posts over a year.
pub fn bench(rt: &NativeRuntime, rng: &mut Rng, end: Millis) -> Result<(), ApiError> {
    let mut people = demo_people(rt, 2)?;
    let shared_hash = hash_password(rt, DEMO_PASSWORD);
    for i in 0..1998 {
        let (first, last) = content::name(i);
        let email = format!(
            "{}.{}.{i}@bench.balai.demo",
            first.to_lowercase(),
            last.to_lowercase()
        );
        people.push(person(
            rt,
            &email,
            &format!("{first} {last}"),
            Role::Member,
            &shared_hash,
            None,
            None,
        )?);
    }
    rt.set_now(end - 366 * 24 * 60 * 60 * 1000);
    let groups = bench_groups(rt, &people, rng)?;
    // The benchmark's reader (the admin) follows 30 colleagues and three tags.
    let admin = &people[0].actor;
    for _ in 0..30 {
        let target = rng.pick(&people[1..]).actor.id.clone();
        let follow = Follow {
            kind: FollowKind::Person,
            target,
            notify: false,
        };
        block_on(follows::follow(rt, admin, &follow))?;
    }
    for tag in ["gudang", "k3", "pameran"] {
        let follow = Follow {
            kind: FollowKind::Tag,
            target: tag.into(),
            notify: false,
        };
        block_on(follows::follow(rt, admin, &follow))?;
    }
    // The map benchmark's 10,000 places.
    places::bench(rt, &people[0], rng, 10_000)?;
    activity(rt, &people, &groups, 100_000, 365, end, rng, false)
}

/// Twelve groups of about a hundred people each: open, closed and secret in turn; the admin
/// owns every other one (so the benchmark's reader is in some and not in others).
fn bench_groups(
    rt: &NativeRuntime,
    people: &[Seeded],
    rng: &mut Rng,
) -> Result<Vec<SeededGroup>, ApiError> {
    let mut out = Vec::new();
    for g in 0..12 {
        let owner = if g % 2 == 0 {
            0
        } else {
            1 + rng.below(people.len() - 1)
        };
        let input = NewGroup {
            name: format!("Tim {g:02}"),
            description: "Benchmark group".into(),
            category: Category::Project,
            tags: vec![],
            visibility: [Visibility::Open, Visibility::Closed, Visibility::Secret][g % 3],
        };
        let owner_actor = &people[owner].actor;
        let Created::New(group) = block_on(groups::create(rt, owner_actor, &input, None))? else {
            continue;
        };
        let mut members = vec![owner];
        for _ in 0..100 {
            let i = 1 + rng.below(people.len() - 1);
            if members.contains(&i) {
                continue;
            }
            block_on(groups::invite(
                rt,
                owner_actor,
                &group.id,
                &people[i].actor.id,
            ))?;
            block_on(groups::join(rt, &people[i].actor, &group.id))?;
            members.push(i);
        }
        out.push(SeededGroup {
            id: group.id,
            members,
        });
    }
    Ok(out)
}

/// Live company announcements from the demo admin (the first person), pinned for two weeks: a
/// town hall, and a safety order everyone is asked to confirm, which most have.
fn demo_announcement(rt: &NativeRuntime, people: &[Seeded], now: Millis) -> Result<(), ApiError> {
    rt.set_now(now - 26 * 60 * 60 * 1000);
    let order = NewPost {
        body:
            "🦺 **Instruksi K3**: mulai Senin, helm dan rompi wajib dipakai di semua area gudang. \
               Safety vests and helmets are required in every warehouse area from Monday: \
               please confirm you have read this."
                .to_string(),
        group_id: None,
        announce_until: Some(now + 14 * 24 * 60 * 60 * 1000),
        place_id: None,
        ack_required: true,
        photos: Vec::new(),
    };
    let Created::New(order) = block_on(posts::create(rt, &people[0].actor, &order, None))? else {
        unreachable!("no idempotency key, no replay");
    };
    // Two in three have confirmed, over the day since; the rest are who the admin follows up.
    for (i, person) in people.iter().enumerate().filter(|(i, _)| i % 3 != 2) {
        rt.set_now(now - 25 * 60 * 60 * 1000 + i as i64 * 20 * 60 * 1000);
        block_on(acks::confirm(rt, &person.actor, &order.id))?;
    }
    rt.set_now(now - 2 * 60 * 60 * 1000);
    let input = NewPost {
        body: "📣 **Town hall Jumat ini, 15:00 WIB** — CEO kita akan membahas rencana 2027. \
               Join from any branch by video; questions welcome in the comments. #townhall"
            .to_string(),
        group_id: None,
        announce_until: Some(now + 14 * 24 * 60 * 60 * 1000),
        place_id: None,
        ack_required: false,
        photos: Vec::new(),
    };
    block_on(posts::create(rt, &people[0].actor, &input, None))?;
    Ok(())
}
