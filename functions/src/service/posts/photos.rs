//! A post's photos: JPEG, PNG or WebP images, sent as base64 with the post's text in one write
//! (a retried or queued post is answered from its idempotency record, and stores nothing
//! again) and kept in KV as `post-photo:<post id>:<n>`. The post's `photos` column lists them
//! (`<type> <sha256>`, comma-separated); each is served to whoever may read the post, under a
//! URL carrying its hash, so a browser may keep it for good. Deleting the post deletes them.

use super::super::actor::Actor;
use super::super::ids::sha256_hex;
use super::super::image::{self, Image};
use super::super::not_found;
use super::super::policy::{Action, require};
use crate::runtime::{Runtime, blob_decode};
use crate::service::Thing;
use balai_protocol::limits::{POST_PHOTO_MAX_BYTES, POST_PHOTOS_MAX};
use balai_protocol::{ApiError, ErrorCode};

/// A photo sent with a new post, checked and ready to keep.
pub struct NewPhoto {
    bytes: Vec<u8>,
    content_type: &'static str,
    hash: String,
}

fn key(post_id: &str, n: usize) -> String {
    format!("post-photo:{post_id}:{n}")
}

fn invalid(en: &str, id: &str) -> ApiError {
    ApiError::field(ErrorCode::Validation, "photos", en, id)
}

/// The photos of a new post, checked: at most [`POST_PHOTOS_MAX`], each base64 of a JPEG, PNG
/// or WebP image of at most [`POST_PHOTO_MAX_BYTES`].
pub fn decode(photos: &[String]) -> Result<Vec<NewPhoto>, ApiError> {
    if photos.len() > POST_PHOTOS_MAX {
        return Err(invalid(
            &format!("A post carries at most {POST_PHOTOS_MAX} photos."),
            &format!("Satu kiriman paling banyak berisi {POST_PHOTOS_MAX} foto."),
        ));
    }
    photos
        .iter()
        .map(|text| {
            let bytes = blob_decode(text).ok_or_else(|| {
                invalid(
                    "A photo could not be read (it is sent as base64).",
                    "Foto tidak dapat dibaca (dikirim sebagai base64).",
                )
            })?;
            let content_type = image::check("photos", &bytes, POST_PHOTO_MAX_BYTES)?;
            Ok(NewPhoto {
                hash: sha256_hex(&bytes),
                bytes,
                content_type,
            })
        })
        .collect()
}

/// Keeps the photos of post `post_id` in KV, before the post that lists them is written: a
/// post only ever points at photos that are there.
pub async fn keep<R: Runtime>(rt: &R, post_id: &str, photos: &[NewPhoto]) -> Result<(), ApiError> {
    for (n, photo) in photos.iter().enumerate() {
        rt.blob_put(&key(post_id, n), &photo.bytes).await?;
    }
    Ok(())
}

/// Deletes the photos a deleted post's `photos` column lists.
pub async fn forget<R: Runtime>(
    rt: &R,
    post_id: &str,
    column: Option<&str>,
) -> Result<(), ApiError> {
    for n in 0..listed(column.unwrap_or_default()).count() {
        rt.blob_delete(&key(post_id, n)).await?;
    }
    Ok(())
}

/// The `photos` column of a post with these photos (`None` without any).
pub fn column(photos: &[NewPhoto]) -> Option<String> {
    (!photos.is_empty()).then(|| {
        photos
            .iter()
            .map(|p| format!("{} {}", p.content_type, p.hash))
            .collect::<Vec<_>>()
            .join(",")
    })
}

/// The `(content type, hash)` of each photo a `photos` column lists.
fn listed(column: &str) -> impl Iterator<Item = (&str, &str)> {
    column.split(',').filter_map(|entry| entry.split_once(' '))
}

/// What a photo's URL carries of its hash: enough to tell versions apart.
fn etag(hash: &str) -> &str {
    &hash[..hash.len().min(16)]
}

/// The URLs of a post's photos, in their order.
pub fn urls(post_id: &str, column: Option<&str>) -> Vec<String> {
    listed(column.unwrap_or_default())
        .enumerate()
        .map(|(n, (_, hash))| format!("/api/posts/{post_id}/photos/{n}?v={}", etag(hash)))
        .collect()
}

/// Photo `n` (from 0) of a post `actor` may read; 404 otherwise, as for the post itself.
pub async fn get<R: Runtime>(
    rt: &R,
    actor: &Actor,
    post_id: &str,
    n: &str,
) -> Result<Image, ApiError> {
    require(actor, Action::ReadFeed)?;
    let n: usize = n.parse().map_err(|_| not_found(Thing::Photo))?;
    let post = super::require_readable(rt, actor, post_id).await?;
    let (content_type, hash) = listed(post.photos.as_deref().unwrap_or_default())
        .nth(n)
        .ok_or_else(|| not_found(Thing::Photo))?;
    let bytes = rt
        .blob_get(&key(post_id, n))
        .await?
        .ok_or_else(|| not_found(Thing::Photo))?;
    Ok(Image {
        bytes,
        content_type: content_type.to_string(),
        etag: etag(hash).to_string(),
    })
}
