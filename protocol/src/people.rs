use crate::Millis;
use crate::auth::Role;
use crate::feed::Author;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub department: Option<String>,
    pub branch: Option<String>,
    pub active: bool,
    pub created_at: Millis,
    pub grants: Grants,
}

/// The capabilities granted on top of a person's role (admins may do all of it anyway).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grants {
    /// 'communications': may publish company announcements.
    pub communications: bool,
    /// 'places': edits the company map and decides on corrections.
    pub place_editor: bool,
    /// 'ideas': reviews ideas.
    pub idea_reviewer: bool,
    /// 'moderation': hides and merges round-table questions, deletes anyone's posts and comments.
    pub moderator: bool,
    /// 'hr': edits anyone's official fields (position, department, manager, start date) and absences.
    pub hr: bool,
}

/// A right granted on top of a person's role (`PUT /api/people/:id/grants/:capability`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// Publish company-wide announcements.
    Communications,
    /// Create, edit and archive places on the map; accept or reject suggested corrections.
    Places,
    /// Review ideas: move them through the workflow.
    Ideas,
    /// Moderate: hide and merge round-table questions, delete anyone's posts and comments.
    Moderation,
    /// Human resources: edit official fields and anyone's absence.
    Hr,
}

impl Grants {
    pub fn holds(mut self, capability: Capability) -> bool {
        *self.field(capability)
    }

    /// Grants (`held`) or withdraws `capability`.
    pub fn set(&mut self, capability: Capability, held: bool) {
        *self.field(capability) = held;
    }

    fn field(&mut self, capability: Capability) -> &mut bool {
        match capability {
            Capability::Communications => &mut self.communications,
            Capability::Places => &mut self.place_editor,
            Capability::Ideas => &mut self.idea_reviewer,
            Capability::Moderation => &mut self.moderator,
            Capability::Hr => &mut self.hr,
        }
    }
}

impl Capability {
    pub const ALL: [Capability; 5] = [
        Capability::Communications,
        Capability::Places,
        Capability::Ideas,
        Capability::Moderation,
        Capability::Hr,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Capability::Communications => "communications",
            Capability::Places => "places",
            Capability::Ideas => "ideas",
            Capability::Moderation => "moderation",
            Capability::Hr => "hr",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "communications" => Some(Capability::Communications),
            "places" => Some(Capability::Places),
            "ideas" => Some(Capability::Ideas),
            "moderation" => Some(Capability::Moderation),
            "hr" => Some(Capability::Hr),
            _ => None,
        }
    }
}

/// An admin grants or withdraws a capability.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Grant {
    pub enabled: bool,
}

/// An admin makes a colleague an admin, or an admin a member again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoleChange {
    pub role: Role,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InviteRequest {
    pub email: String,
    #[serde(default = "member")]
    pub role: Role,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessCodeRequest {
    #[serde(default = "member")]
    pub role: Role,
}

fn member() -> Role {
    Role::Member
}

/// An invitation as the admin sees it right after creating it: the secret is shown once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuedInvite {
    pub id: String,
    pub email: Option<String>,
    /// Relative link for an email invite (`/invite/<token>`), to pass on.
    pub link: Option<String>,
    /// One-time access code for staff without corporate email.
    pub code: Option<String>,
    pub expires_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingInvite {
    pub id: String,
    pub email: Option<String>,
    pub kind: InviteKind,
    pub role: Role,
    pub created_at: Millis,
    pub expires_at: Millis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InviteKind {
    Link,
    Code,
}

/// A department, as forms offer it (the map's audiences; later, people's pages).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Department {
    pub id: String,
    pub name: String,
}

/// A person's work page as colleagues see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub email: String,
    /// Official: set by admins and HR.
    pub position: String,
    pub department: Option<Department>,
    pub branch: Option<Branch>,
    pub manager: Option<Author>,
    /// 'YYYY-MM-DD'.
    pub start_date: Option<String>,
    /// Their own: phones, what they know and do, what they enjoy.
    pub phone: String,
    pub competencies: Vec<String>,
    pub responsibilities: String,
    pub hobbies: String,
    /// 'MM-DD'; to colleagues only while public (always to the person and HR).
    pub birthday: Option<String>,
    pub birthday_public: bool,
    /// `/api/people/:id/photo?v=<etag>` when there is a photo.
    pub photo_url: Option<String>,
    /// Offboarded: the page and what they wrote stay, marked as a former employee's.
    pub former: bool,
    /// Away now (or soon): until when, and who covers.
    pub away: Option<Away>,
    /// The reader is this person.
    pub can_edit: bool,
    /// The reader edits official fields and absences (admin or HR).
    pub can_edit_official: bool,
    pub contributions: crate::ideas::Contributions,
    /// Thanks they received for their ideas, newest first.
    pub recognition: Vec<Recognition>,
    /// Changes to official fields, newest first (to the person, admins and HR only).
    pub history: Vec<OfficialChange>,
    /// On one's own page: one's bookmarks, then those shared with one's position.
    pub bookmarks: Vec<Bookmark>,
    /// What the deputy received for them in their latest absence (to the person, their
    /// manager, admins and HR).
    pub deputy_log: Option<DeputyLog>,
}

/// The record of a deputy's cover: what reached them for the absent person, what they opened,
/// and what they did on the person's behalf.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeputyLog {
    pub deputy: Author,
    pub starts_at: Millis,
    pub ends_at: Millis,
    pub items: Vec<CoveredItem>,
    /// Newest first.
    #[serde(default)]
    pub actions: Vec<DeputyAction>,
}

/// Something a deputy did for the absent person (it is also in the audit log).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeputyAction {
    pub kind: DeputyActionKind,
    /// Whom it concerned: the colleague who asked to join.
    pub person: Author,
    pub group_id: String,
    pub group_name: String,
    pub at: Millis,
}

/// Named as in the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeputyActionKind {
    #[serde(rename = "group.request.approve")]
    ApprovedJoin,
    #[serde(rename = "group.request.decline")]
    DeclinedJoin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoveredItem {
    pub kind: crate::notifications::Kind,
    pub actor: Author,
    pub post_id: Option<String>,
    pub idea_id: Option<String>,
    pub at: Millis,
    /// When the deputy opened it; `None` while they have not.
    pub opened_at: Option<Millis>,
}

/// A branch, linked to its office on the map when there is one the reader may see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Branch {
    pub id: String,
    pub name: String,
    pub place_id: Option<String>,
}

/// An absence: the deputy gets the absent person's notifications, marked "for" them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Away {
    pub starts_at: Millis,
    /// The first moment they are back (midnight WIB after the last day away).
    pub ends_at: Millis,
    pub deputy: Author,
    pub note: String,
}

/// Setting an absence: whole days in WIB, `YYYY-MM-DD`, both included.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AbsenceInput {
    pub starts_on: String,
    pub ends_on: String,
    pub deputy_id: String,
    #[serde(default)]
    pub note: String,
}

/// What a person edits on their own page.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProfileEdit {
    pub phone: String,
    /// Comma-separated as typed, or a list: stored as tags.
    pub competencies: Vec<String>,
    pub responsibilities: String,
    pub hobbies: String,
    /// 'MM-DD' or none.
    pub birthday: Option<String>,
    pub birthday_public: bool,
}

/// What admins and HR edit: the official fields. Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OfficialEdit {
    #[serde(default)]
    pub position: Option<String>,
    /// `""` clears it.
    #[serde(default)]
    pub department_id: Option<String>,
    #[serde(default)]
    pub branch_id: Option<String>,
    #[serde(default)]
    pub manager_id: Option<String>,
    #[serde(default)]
    pub start_date: Option<String>,
}

/// One change to an official field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficialChange {
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub actor: Author,
    pub at: Millis,
}

/// One thank-you, with the idea it was for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recognition {
    pub idea: crate::ideas::IdeaRef,
    pub thanks: crate::ideas::Thanks,
}

/// What importing one row of the HR export did (or would do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonImportAction {
    /// A new invitation (its link is in the row).
    Invited,
    /// Already invited: the invitation's details were updated, no second invitation.
    InviteUpdated,
    /// Already in Balai: their official fields were updated.
    Updated,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonImportRow {
    pub line: i64,
    pub email: String,
    pub name: String,
    pub errors: Vec<String>,
    /// What was done; none while the file is only checked or the row is bad.
    pub action: Option<PersonImportAction>,
    /// For a new invitation: the link to pass on.
    pub link: Option<String>,
}

/// What an HR import found and did. Nothing is written while any row is bad, unless only the
/// valid rows were asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeopleImportReport {
    pub rows: Vec<PersonImportRow>,
    pub valid: i64,
    pub invalid: i64,
    pub imported: i64,
}

/// A link on a work page: one's own, or shared with everyone in a position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    pub id: String,
    pub title: String,
    pub url: String,
    /// Shared with everyone whose position is this (set by admins); `None` for one's own.
    pub position: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewBookmark {
    pub title: String,
    pub url: String,
}

/// An admin's shared link for a position ("Duty engineer").
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewPositionBookmark {
    pub position: String,
    pub title: String,
    pub url: String,
}

/// The new order of one's bookmarks, by id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BookmarkOrder {
    pub ids: Vec<String>,
}
