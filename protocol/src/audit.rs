//! The audit log: who did what to whom, for admins to read.

use crate::Millis;
use crate::feed::Author;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: String,
    /// Who did it.
    pub actor: Author,
    /// What, as a stable code: `person.deactivate`, `post.delete`, `person.communications.grant`…
    pub action: String,
    /// What was done in the reader's language (`Accept-Language`), to read between the actor
    /// and the target: "deactivated", "menonaktifkan".
    pub summary: String,
    /// The id of what it was done to, if anything.
    pub target: Option<String>,
    /// Its name or title: a person, group, place, idea, round table or department; a post's
    /// first words.
    pub target_name: Option<String>,
    /// More about it, in the reader's language: a count ("12 places"), the person it concerned
    /// ("by Ani"), the fields changed.
    pub detail: Option<String>,
    /// Done as the deputy of this absent colleague.
    pub on_behalf_of: Option<Author>,
    pub at: Millis,
}
