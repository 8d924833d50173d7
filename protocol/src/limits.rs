//! Validation limits, enforced by the Worker and mirrored by the app's forms.

pub const POST_MAX_CHARS: usize = 10_000;
pub const COMMENT_MAX_CHARS: usize = 4_000;
pub const NAME_MAX_CHARS: usize = 100;
pub const EMAIL_MAX_CHARS: usize = 254;
pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 200;
pub const DEPARTMENT_MAX_CHARS: usize = 100;
/// Largest request body the API reads; anything bigger is refused with 413.
pub const BODY_MAX_BYTES: usize = 64 * 1024;
pub const PAGE_SIZE_DEFAULT: u32 = 20;
pub const PAGE_SIZE_MAX: u32 = 50;
pub const IDEMPOTENCY_KEY_MAX_CHARS: usize = 100;
pub const GROUP_NAME_MIN_CHARS: usize = 3;
pub const GROUP_NAME_MAX_CHARS: usize = 80;
pub const GROUP_DESCRIPTION_MAX_CHARS: usize = 1_000;
pub const GROUP_TAGS_MAX: usize = 10;
pub const TAG_MAX_CHARS: usize = 30;
/// Members listed a page at a time.
pub const MEMBERS_PAGE_SIZE: u32 = 50;
pub const SAVED_FILTER_NAME_MAX_CHARS: usize = 40;
pub const SAVED_FILTERS_MAX: usize = 20;
pub const PLACE_NAME_MAX_CHARS: usize = 120;
pub const PLACE_ADDRESS_MAX_CHARS: usize = 300;
pub const PLACE_DESCRIPTION_MAX_CHARS: usize = 2_000;
pub const PLACE_PHONE_MAX_CHARS: usize = 40;
pub const PLACE_HOURS_MAX_CHARS: usize = 200;
pub const PLACE_CATEGORY_NAME_MAX_CHARS: usize = 40;
pub const SUGGESTION_NOTE_MAX_CHARS: usize = 1_000;
/// Places one map request carries at most (the map clusters them on the phone); beyond it,
/// the answer carries cluster hints instead.
pub const PLACES_PER_BOX_MAX: u32 = 10_000;
pub const PLACES_PER_BOX_DEFAULT: u32 = 2_000;
pub const NEAR_PLACES_MAX: u32 = 20;
/// A CSV import is one request: larger than other bodies, and at most this many rows.
pub const IMPORT_BODY_MAX_BYTES: usize = 2 * 1024 * 1024;
pub const IMPORT_ROWS_MAX: usize = 10_000;
pub const IDEA_TITLE_MIN_CHARS: usize = 5;
pub const IDEA_TITLE_MAX_CHARS: usize = 140;
pub const DECLINE_REASON_MAX_CHARS: usize = 1_000;
/// A thank-you note to an idea's author.
pub const THANKS_NOTE_MAX_CHARS: usize = 500;
/// What a reporter tells the moderators.
pub const REPORT_NOTE_MAX_CHARS: usize = 500;
/// An API token's name ("Jira", "Innovation board").
pub const TOKEN_NAME_MAX_CHARS: usize = 80;
pub const QUESTION_MAX_CHARS: usize = 1_000;
pub const ANSWER_MAX_CHARS: usize = 4_000;
pub const ROUND_TABLE_LEADERS_MAX: usize = 10;
/// Reminding those who have not confirmed an order: at most once in this long (a day, in ms).
pub const ACK_REMINDER_INTERVAL_MS: i64 = 24 * 60 * 60 * 1000;
/// Audit log entries a page.
pub const AUDIT_PAGE_SIZE: u32 = 50;
/// Work pages.
pub const POSITION_MAX_CHARS: usize = 80;
pub const PHONE_MAX_CHARS: usize = 40;
pub const COMPETENCIES_MAX: usize = 20;
pub const COMPETENCY_MAX_CHARS: usize = 40;
pub const RESPONSIBILITIES_MAX_CHARS: usize = 1_000;
pub const HOBBIES_MAX_CHARS: usize = 300;
pub const ABSENCE_NOTE_MAX_CHARS: usize = 300;
/// The longest absence: a year.
pub const ABSENCE_MAX_DAYS: i64 = 366;
/// A profile photo, as uploaded (JPEG, PNG or WebP).
pub const PHOTO_MAX_BYTES: usize = 512 * 1024;
/// Photos a post carries at most, each an image of at most [`POST_PHOTO_MAX_BYTES`] (the app
/// scales a phone's photo down to [`POST_PHOTO_SIDE_PX`] first: a few hundred KB).
pub const POST_PHOTOS_MAX: usize = 4;
pub const POST_PHOTO_MAX_BYTES: usize = 768 * 1024;
pub const POST_PHOTO_SIDE_PX: u32 = 1600;
/// A new post's body: its text and its photos, sent as base64 (4 bytes for every 3).
pub const POST_BODY_MAX_BYTES: usize =
    BODY_MAX_BYTES + POST_PHOTOS_MAX * POST_PHOTO_MAX_BYTES.div_ceil(3) * 4;
pub const BOOKMARKS_MAX: usize = 50;
pub const BOOKMARK_TITLE_MAX_CHARS: usize = 80;
pub const BOOKMARK_URL_MAX_CHARS: usize = 500;
pub const DEPARTMENT_NAME_MAX_CHARS: usize = 80;
