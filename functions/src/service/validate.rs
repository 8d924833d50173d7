//! Field checks that turn bad input into a clear 400 naming the field.

use super::Thing;
use balai_protocol::{ApiError, ErrorCode};

/// Trims `value` and checks it is non-empty and at most `max` characters.
pub fn text(field: &str, value: &str, max: usize) -> Result<String, ApiError> {
    let trimmed = value.trim();
    let (en, id) = label(field);
    if trimmed.is_empty() {
        return Err(ApiError::field(
            ErrorCode::Validation,
            field,
            format!("{en} must not be empty."),
            format!("{id} tidak boleh kosong."),
        ));
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(ApiError::field(
            ErrorCode::Validation,
            field,
            format!("{en} is too long: {chars} characters, at most {max}."),
            format!("{id} terlalu panjang: {chars} karakter, paling banyak {max}."),
        ));
    }
    Ok(trimmed.to_string())
}

/// Like [`text`], but empty is fine (an optional field).
pub fn optional(field: &str, value: &str, max: usize) -> Result<String, ApiError> {
    if value.trim().is_empty() {
        Ok(String::new())
    } else {
        text(field, value, max)
    }
}

/// An optional phone number: digits, spaces and `+ - ( ) .` only.
pub fn phone(field: &str, value: &str, max: usize) -> Result<String, ApiError> {
    let phone = optional(field, value, max)?;
    if phone
        .chars()
        .all(|c| c.is_ascii_digit() || "+-() .".contains(c))
    {
        Ok(phone)
    } else {
        Err(ApiError::field(
            ErrorCode::Validation,
            field,
            "A phone number has digits, spaces and + - ( ) . only.",
            "Nomor telepon hanya berisi angka, spasi dan + - ( ) .",
        ))
    }
}

/// A login: an email address, or (for access-code staff) a simple login name. Lower-cased.
pub fn login(field: &str, value: &str) -> Result<String, ApiError> {
    let v = text(field, value, balai_protocol::limits::EMAIL_MAX_CHARS)?.to_lowercase();
    let ok_chars = v
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "._-+@".contains(c));
    if !ok_chars || v.len() < 3 {
        return Err(ApiError::field(
            ErrorCode::Validation,
            field,
            "Use letters, digits and . _ - + @ only (at least 3 characters).",
            "Gunakan hanya huruf, angka dan . _ - + @ (paling sedikit 3 karakter).",
        ));
    }
    Ok(v)
}

pub fn email(field: &str, value: &str) -> Result<String, ApiError> {
    let v = login(field, value)?;
    match v.split_once('@') {
        Some((user, domain))
            if !user.is_empty() && domain.contains('.') && !domain.contains('@') =>
        {
            Ok(v)
        }
        _ => Err(ApiError::field(
            ErrorCode::Validation,
            field,
            "Enter a valid email address.",
            "Masukkan alamat email yang valid.",
        )),
    }
}

pub fn password(field: &str, value: &str) -> Result<(), ApiError> {
    use balai_protocol::limits::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
    let n = value.chars().count();
    if !(PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&n) {
        return Err(ApiError::field(
            ErrorCode::Validation,
            field,
            format!(
                "The password must be {PASSWORD_MIN_CHARS} to {PASSWORD_MAX_CHARS} characters."
            ),
            format!("Kata sandi harus {PASSWORD_MIN_CHARS} sampai {PASSWORD_MAX_CHARS} karakter."),
        ));
    }
    Ok(())
}

/// An id from a URL: ULID-shaped, so junk never reaches SQL and answers 404 quickly.
pub fn id(value: &str, what: Thing) -> Result<(), ApiError> {
    if is_id(value) {
        Ok(())
    } else {
        Err(super::not_found(what))
    }
}

fn is_id(value: &str) -> bool {
    value.len() == 26 && value.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The answer to a cursor that is not one of ours.
pub fn bad_cursor() -> ApiError {
    ApiError::field(
        ErrorCode::BadRequest,
        "cursor",
        "The cursor is not valid.",
        "Kursor tidak valid.",
    )
}

/// A cursor that is an id (the last item of the previous page), if given.
pub fn id_cursor(cursor: Option<&str>) -> Result<(), ApiError> {
    match cursor {
        Some(c) if !is_id(c) => Err(bad_cursor()),
        _ => Ok(()),
    }
}

/// A field's name for a sentence, in English and in Bahasa Indonesia.
fn label(field: &str) -> (String, String) {
    let id = match field {
        "address" => "Alamat",
        "answer" => "Jawaban",
        "body" => "Isi",
        "description" => "Deskripsi",
        "email" => "Email",
        "hobbies" => "Hobi",
        "hours" => "Jam buka",
        "login" => "Nama login",
        "name" => "Nama",
        "note" => "Catatan",
        "password" => "Kata sandi",
        "phone" => "Telepon",
        "position" => "Jabatan",
        "reason" => "Alasan",
        "responsibilities" => "Tanggung jawab",
        "title" => "Judul",
        "url" => "Tautan",
        other => other,
    };
    let mut en = field.replace('_', " ");
    if let Some(first) = en.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    (en, id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_trims_and_limits() {
        assert_eq!(text("body", "  hi ", 5).unwrap(), "hi");
        assert_eq!(
            text("body", "   ", 5).unwrap_err().field.as_deref(),
            Some("body")
        );
        assert!(text("body", "ééééé", 5).is_ok());
        assert!(text("body", "éééééé", 5).is_err());
    }

    #[test]
    fn emails() {
        assert_eq!(
            email("email", " Ani@Balai.Example ").unwrap(),
            "ani@balai.example"
        );
        assert!(email("email", "ani").is_err());
        assert!(email("email", "a@b@c.d").is_err());
        assert!(email("email", "<script>@x.y").is_err());
        assert!(login("login", "budi.s").is_ok());
    }
}
