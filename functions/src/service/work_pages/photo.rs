//! Profile photos: JPEG, PNG or WebP (recognised by their first bytes, not by a name or a
//! header), at most `PHOTO_MAX_BYTES`, kept in KV under `photo:<person id>`, served as
//! uploaded. The page links `?v=<content hash>`, so a browser may keep a photo until it
//! changes.

use super::super::actor::Actor;
use super::super::ids::sha256_hex;
use super::super::image::{self, Image};
use super::super::policy::{Action, may_manage_staff, require};
use super::super::{audit, forbidden, not_found, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::Db;
use balai_protocol::ApiError;
use balai_protocol::limits::PHOTO_MAX_BYTES;
use serde::Deserialize;

fn key(user_id: &str) -> String {
    format!("photo:{user_id}")
}

/// Who may change `user_id`'s photo: the person, admins and HR.
fn may_change(actor: &Actor, user_id: &str) -> bool {
    actor.id == user_id || may_manage_staff(actor)
}

/// Stores a new photo; answers its content hash. Putting the same photo again is harmless.
pub async fn upload<R: Runtime>(
    rt: &R,
    actor: &Actor,
    user_id: &str,
    bytes: &[u8],
) -> Result<String, ApiError> {
    validate::id(user_id, Thing::Person)?;
    if !may_change(actor, user_id) {
        return Err(forbidden());
    }
    let kind = image::check("photo", bytes, PHOTO_MAX_BYTES)?;
    let etag = sha256_hex(bytes)[..16].to_string();
    // The blob first: the row only ever points at a photo that is there.
    rt.blob_put(&key(user_id), bytes).await?;
    let mut stmts = vec![stmt!(
        "UPDATE users SET photo_etag = ?, photo_type = ? WHERE id = ?",
        etag.as_str(),
        kind,
        user_id
    )];
    if actor.id != user_id {
        stmts.push(audit::entry(rt, actor, "person.photo", Some(user_id), None));
    }
    rt.db().batch(stmts).await?;
    Ok(etag)
}

/// Removes a photo.
pub async fn remove<R: Runtime>(rt: &R, actor: &Actor, user_id: &str) -> Result<(), ApiError> {
    validate::id(user_id, Thing::Person)?;
    if !may_change(actor, user_id) {
        return Err(forbidden());
    }
    rt.db()
        .run(stmt!(
            "UPDATE users SET photo_etag = NULL, photo_type = NULL WHERE id = ?",
            user_id
        ))
        .await?;
    rt.blob_delete(&key(user_id)).await
}

pub async fn get<R: Runtime>(rt: &R, actor: &Actor, user_id: &str) -> Result<Image, ApiError> {
    require(actor, Action::ReadFeed)?;
    validate::id(user_id, Thing::Person)?;
    #[derive(Deserialize)]
    struct Row {
        photo_etag: Option<String>,
        photo_type: Option<String>,
    }
    let row: Row = rt
        .db()
        .first(stmt!(
            "SELECT photo_etag, photo_type FROM users WHERE id = ?",
            user_id
        ))
        .await?
        .ok_or_else(|| not_found(Thing::Photo))?;
    let (Some(etag), Some(content_type)) = (row.photo_etag, row.photo_type) else {
        return Err(not_found(Thing::Photo));
    };
    let bytes = rt
        .blob_get(&key(user_id))
        .await?
        .ok_or_else(|| not_found(Thing::Photo))?;
    Ok(Image {
        bytes,
        content_type,
        etag,
    })
}
