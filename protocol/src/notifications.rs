//! The notification centre: what happened that concerns me, newest first.

use crate::Millis;
use crate::feed::Author;
use crate::groups::GroupRef;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Someone @mentioned me in a post or comment.
    Mention,
    /// Someone commented on my post.
    Comment,
    /// Someone commented after me on a post I commented on.
    Reply,
    /// People liked my post (one notification per post: "Ani and 4 others").
    Like,
    /// A new post in a group I follow with notifications on.
    GroupPost,
    /// Someone asked to join a group I manage.
    JoinRequest,
    /// A company announcement.
    Announcement,
    /// An idea I wrote, voted for or discussed changed status.
    IdeaStatus,
    /// Someone commented on an idea I wrote or discussed.
    IdeaComment,
    /// A reviewer or leader thanked me for my idea.
    IdeaThanks,
    /// Whoever follows up on an order reminds me to confirm I have read it.
    AckReminder,
    /// Someone reported a post or comment (to those who moderate, on its first open report).
    Report,
    /// A moderator removed what I reported.
    ReportRemoved,
    /// A moderator reviewed what I reported and kept it.
    ReportKept,
    /// A moderator (or an admin) removed a post or comment I wrote.
    Removed,
}

impl Kind {
    pub const ALL: [Kind; 15] = [
        Kind::Mention,
        Kind::Comment,
        Kind::Reply,
        Kind::Like,
        Kind::GroupPost,
        Kind::JoinRequest,
        Kind::Announcement,
        Kind::IdeaStatus,
        Kind::IdeaComment,
        Kind::IdeaThanks,
        Kind::AckReminder,
        Kind::Report,
        Kind::ReportRemoved,
        Kind::ReportKept,
        Kind::Removed,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub kind: Kind,
    /// Who did it (the latest, for likes).
    pub actor: Author,
    /// How many people did it: "Ani and {actor_count - 1} others".
    pub actor_count: i64,
    pub post_id: Option<String>,
    /// The idea it is about (its title is the excerpt).
    #[serde(default)]
    pub idea_id: Option<String>,
    pub group: Option<GroupRef>,
    /// The start of the post, when the reader may still read it.
    pub excerpt: Option<String>,
    /// The start of the comment it is about (a comment, a reply, a mention in one, a report of
    /// one), when the reader may still read it; its author is also shown a removed one's.
    #[serde(default)]
    pub quote: Option<String>,
    /// That comment, while it is there: the app opens the post or idea at it.
    #[serde(default)]
    pub comment_id: Option<String>,
    pub created_at: Millis,
    pub read: bool,
    /// Delivered to me as the deputy of this absent colleague ("for Ani").
    #[serde(default)]
    pub for_person: Option<Author>,
}

/// The badge: unread notifications, counted up to 100 (show "99+").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Unread {
    pub unread: i64,
}

/// Marks one notification read, or all of them with `id: None`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MarkRead {
    #[serde(default)]
    pub id: Option<i64>,
}

/// Whether a kind of notification reaches me in the app, and also on my phones by push.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Setting {
    pub kind: Kind,
    pub enabled: bool,
    /// Pushed to my phones too (those where I turned notifications on). Always in an answer;
    /// left out of a change, it stays as it was (a kind switched off comes back on as it
    /// comes by default).
    #[serde(default)]
    pub push: Option<bool>,
}

/// The application server key phones subscribe with (VAPID, RFC 8292): the P-256 public key,
/// uncompressed, base64url. `None` when this deployment has no push key configured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushKey {
    pub public_key: Option<String>,
}

/// A phone's push subscription (what `PushSubscription.toJSON()` gives; its keys are not
/// needed, since a push carries no content).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushSubscription {
    pub endpoint: String,
}
