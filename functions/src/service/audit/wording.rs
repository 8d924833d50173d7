//! An audit entry in words, in the reader's language: the action's stable code becomes
//! "deactivated" / "menonaktifkan", and its detail a count, a name or a list the reader can take
//! in. The log stores codes, counts and ids, so it reads in whichever language an admin uses.

use crate::service::ideas::status_names;
use balai_protocol::Lang;
use balai_protocol::ideas::IdeaStatus;
use balai_protocol::people::Capability;

/// What was done, as a verb phrase that sits between the actor and the target: "Sari Admin
/// *deactivated* Budi". A code this version does not know reads as itself.
pub fn summary(action: &str, lang: Lang) -> String {
    if let Some(status) = action.strip_prefix("idea.").and_then(idea_status) {
        let (en, id) = status_names(status);
        return pick(
            lang,
            format!("moved the idea to {en}:"),
            format!("mengubah status ide menjadi {id}:"),
        );
    }
    if let Some((capability, change)) = capability_change(action) {
        let (en, id) = capability_names(capability);
        return match change {
            "grant" => pick(
                lang,
                format!("gave {en} rights to"),
                format!("memberi hak {id} kepada"),
            ),
            _ => pick(
                lang,
                format!("withdrew {en} rights from"),
                format!("mencabut hak {id} dari"),
            ),
        };
    }
    let (en, id) = match action {
        "person.deactivate" => ("deactivated", "menonaktifkan"),
        "person.reactivate" => ("reactivated", "mengaktifkan kembali"),
        "person.role.admin" => ("gave admin rights to", "memberi hak admin kepada"),
        "person.role.member" => ("withdrew admin rights from", "mencabut hak admin dari"),
        "person.password_reset" => (
            "issued a password reset link for",
            "membuat tautan atur ulang kata sandi untuk",
        ),
        "person.sessions.end" => ("ended every session of", "mengakhiri semua sesi"),
        "person.photo" => ("changed the profile photo of", "mengganti foto profil"),
        "person.official" => ("edited the official details of", "mengubah data resmi"),
        "person.import" => ("imported people", "mengimpor data karyawan"),
        "invite.link" => ("invited", "mengundang"),
        "invite.code" => ("issued an access code", "membuat kode akses"),
        "invite.revoke" => ("withdrew an invitation", "mencabut undangan"),
        "post.delete" => ("deleted the post", "menghapus postingan"),
        "comment.delete" => ("deleted the comment", "menghapus komentar"),
        "report.dismiss" => ("dismissed the reports on", "menolak laporan atas"),
        "post.ack_remind" => (
            "sent a reminder to confirm",
            "mengirim pengingat konfirmasi untuk",
        ),
        "group.member.remove" => ("removed a member from", "mengeluarkan anggota dari"),
        "group.member.role" => ("changed a member's role in", "mengubah peran anggota di"),
        "group.request.approve" => (
            "approved a request to join",
            "menyetujui permintaan bergabung ke",
        ),
        "group.request.decline" => (
            "declined a request to join",
            "menolak permintaan bergabung ke",
        ),
        "place.create" => ("added the place", "menambahkan tempat"),
        "place.update" => ("edited the place", "mengubah tempat"),
        "place.archive" => ("archived the place", "mengarsipkan tempat"),
        "place.import" => ("imported places", "mengimpor tempat"),
        "place_category.create" => ("added the place category", "menambahkan kategori tempat"),
        "place_suggestion.accepted" => ("accepted a correction to", "menerima usulan perbaikan"),
        "place_suggestion.rejected" => ("rejected a correction to", "menolak usulan perbaikan"),
        "bookmark.shared.add" => ("shared the bookmark", "membagikan penanda"),
        "bookmark.shared.remove" => ("removed a shared bookmark", "menghapus penanda bersama"),
        "absence.set" => ("recorded an absence of", "mencatat ketidakhadiran"),
        "absence.end" => ("ended the absence of", "mengakhiri ketidakhadiran"),
        "department.create" => ("created the department", "membuat departemen"),
        "department.edit" => ("edited the department", "mengubah departemen"),
        "api_token.issue" => ("issued the API token", "menerbitkan token API"),
        "api_token.revoke" => ("withdrew the API token", "mencabut token API"),
        "round_table.create" => ("opened the round table", "membuka meja bundar"),
        "question.hide" => ("hid the question", "menyembunyikan pertanyaan"),
        "question.merge" => ("merged the question", "menggabungkan pertanyaan"),
        "idea.merge" => ("merged the idea", "menggabungkan ide"),
        _ => (action, action),
    };
    pick(lang, en, id).to_string()
}

/// The detail as the reader should see it. `detail` is what the entry stored (a count, an id, a
/// name or a list of fields); `detail_name` is the name of the person, idea or question a stored
/// id stands for. A detail that only repeats the target's name is left out.
pub fn detail(
    action: &str,
    detail: Option<&str>,
    detail_name: Option<&str>,
    target_name: Option<&str>,
    lang: Lang,
) -> Option<String> {
    let detail = detail?;
    if Some(detail) == target_name {
        return None;
    }
    let name = detail_name.unwrap_or(detail);
    Some(match action {
        "person.import" => count(detail, lang, ("rows", "baris")),
        "place.import" => count(detail, lang, ("places", "tempat")),
        "post.ack_remind" => count(detail, lang, ("not confirmed", "belum konfirmasi")),
        "report.dismiss" if detail == "1" => pick(lang, "1 report", "1 laporan").to_string(),
        "report.dismiss" => count(detail, lang, ("reports", "laporan")),
        "person.official" => detail
            .split(',')
            .map(|field| {
                let (en, id) = field_names(field);
                pick(lang, en, id)
            })
            .collect::<Vec<_>>()
            .join(", "),
        "post.delete" | "comment.delete" => {
            pick(lang, format!("by {name}"), format!("oleh {name}"))
        }
        "absence.set" => pick(lang, format!("deputy: {name}"), format!("wakil: {name}")),
        "bookmark.shared.add" => pick(lang, format!("for: {name}"), format!("untuk: {name}")),
        "department.edit" => pick(lang, format!("was: {name}"), format!("sebelumnya: {name}")),
        "idea.merge" | "question.merge" => {
            pick(lang, format!("into: {name}"), format!("ke: {name}"))
        }
        a if a.starts_with("idea.") => pick(lang, format!("via {name}"), format!("melalui {name}")),
        _ => name.to_string(),
    })
}

/// What names a post without text: its photos.
pub fn photos_alone(lang: Lang) -> &'static str {
    pick(lang, "📷 a post of photos", "📷 kiriman foto")
}

fn pick<T>(lang: Lang, en: T, id: T) -> T {
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}

/// "12 rows" / "12 baris"; a stored detail that is not a count reads as itself.
fn count(detail: &str, lang: Lang, (en, id): (&str, &str)) -> String {
    match detail.parse::<u64>() {
        Ok(n) => format!("{n} {}", pick(lang, en, id)),
        Err(_) => detail.to_string(),
    }
}

/// `idea.<status>`: a move through the workflow.
fn idea_status(code: &str) -> Option<IdeaStatus> {
    IdeaStatus::ALL.into_iter().find(|s| s.as_str() == code)
}

/// `person.<capability>.grant` or `.withdraw`.
fn capability_change(action: &str) -> Option<(Capability, &str)> {
    let (capability, change) = action.strip_prefix("person.")?.split_once('.')?;
    let capability = Capability::parse(capability)?;
    matches!(change, "grant" | "withdraw").then_some((capability, change))
}

fn capability_names(capability: Capability) -> (&'static str, &'static str) {
    match capability {
        Capability::Communications => ("announcement", "pengumuman"),
        Capability::Places => ("map editing", "pengubahan peta"),
        Capability::Ideas => ("idea review", "peninjauan ide"),
        Capability::Moderation => ("moderation", "moderasi"),
        Capability::Hr => ("HR", "SDM"),
    }
}

/// The official fields an HR edit names (`work_pages::update_official`).
fn field_names(field: &str) -> (&str, &str) {
    match field {
        "position" => ("position", "jabatan"),
        "department" => ("department", "departemen"),
        "branch" => ("branch", "cabang"),
        "manager" => ("manager", "atasan"),
        "start_date" => ("start date", "tanggal mulai"),
        other => (other, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_audited_action_reads_in_both_languages() {
        let actions = [
            "person.deactivate",
            "person.hr.grant",
            "person.places.withdraw",
            "person.role.admin",
            "person.role.member",
            "person.password_reset",
            "idea.under_review",
            "place_suggestion.accepted",
            "post.ack_remind",
        ];
        for action in actions {
            let (en, id) = (summary(action, Lang::En), summary(action, Lang::Id));
            assert_ne!(en, action, "{action} has English words");
            assert_ne!(id, action, "{action} has Indonesian words");
            assert_ne!(en, id, "{action} differs between the languages");
        }
        assert_eq!(
            summary("person.hr.grant", Lang::Id),
            "memberi hak SDM kepada"
        );
        assert_eq!(
            summary("idea.accepted", Lang::En),
            "moved the idea to accepted:"
        );
        assert_eq!(summary("future.thing", Lang::Id), "future.thing");
    }

    /// Every action code the services write, found as a string literal in their source (and
    /// the codes they build with `format!`), has words of its own.
    #[test]
    fn every_action_the_services_audit_has_words() {
        const FAMILIES: [&str; 15] = [
            "person",
            "invite",
            "post",
            "comment",
            "group",
            "place",
            "place_category",
            "place_suggestion",
            "bookmark",
            "absence",
            "department",
            "api_token",
            "round_table",
            "question",
            "idea",
        ];
        let is_code = |s: &str| {
            s.split_once('.').is_some_and(|(family, rest)| {
                FAMILIES.contains(&family)
                    && !rest.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.')
            })
        };
        let mut codes: Vec<String> = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/service"
        ))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("wording.rs")
                {
                    let source = std::fs::read_to_string(&path).unwrap();
                    // Odd pieces between quotes are string literals (close enough for codes).
                    codes.extend(
                        source
                            .split('"')
                            .skip(1)
                            .step_by(2)
                            .filter(|s| is_code(s))
                            .map(String::from),
                    );
                }
            }
        }
        // The webhook's event name, not an audit action.
        codes.retain(|c| c != "idea.status");
        for built in [
            "invite.link",
            "invite.code",
            "place_suggestion.rejected",
            "idea.declined",
        ] {
            codes.push(built.into());
        }
        assert!(codes.len() > 30, "found the codes: {codes:?}");
        for code in codes {
            assert_ne!(summary(&code, Lang::En), code, "{code} has no words");
        }
    }

    #[test]
    fn details_become_counts_names_and_fields() {
        let d = |action, stored, name, lang| detail(action, Some(stored), name, None, lang);
        assert_eq!(
            d("place.import", "12", None, Lang::Id).unwrap(),
            "12 tempat"
        );
        assert_eq!(d("person.import", "3", None, Lang::En).unwrap(), "3 rows");
        assert_eq!(
            d("person.import", "3 rows", None, Lang::En).unwrap(),
            "3 rows"
        );
        assert_eq!(
            d("person.official", "position,start_date", None, Lang::Id).unwrap(),
            "jabatan, tanggal mulai"
        );
        assert_eq!(
            d("post.delete", "01ID", Some("Ani"), Lang::Id).unwrap(),
            "oleh Ani"
        );
        assert_eq!(
            d("absence.set", "01ID", Some("Budi"), Lang::En).unwrap(),
            "deputy: Budi"
        );
        assert_eq!(
            detail(
                "department.create",
                Some("Logistik"),
                None,
                Some("Logistik"),
                Lang::En
            ),
            None
        );
        assert_eq!(
            detail("person.deactivate", None, None, None, Lang::En),
            None
        );
    }
}
