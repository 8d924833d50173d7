//! The languages Balai speaks. The app shows its own text in the person's choice and sends that
//! choice as `Accept-Language`, so the server's error messages come back in the same language.

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Lang {
    #[default]
    En,
    Id,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    /// The language of a tag such as `id-ID` or `en`; `in` (the old code) and Malay read as
    /// Bahasa Indonesia. Tags are ASCII: no Unicode case tables needed.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.trim().get(..2)?.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "id" | "in" | "ms" => Some(Lang::Id),
            _ => None,
        }
    }

    /// The first language of an `Accept-Language` header that Balai speaks, else English.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        header
            .into_iter()
            .flat_map(|h| h.split(','))
            .find_map(|part| Lang::from_tag(part.split(';').next().unwrap_or("")))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn reads_tags_and_accept_language() {
        assert_eq!(Lang::from_tag("id-ID"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("IN"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
        let header = Some("fr-FR,id;q=0.9,en;q=0.8");
        assert_eq!(Lang::from_accept_language(header), Lang::Id);
        assert_eq!(Lang::from_accept_language(Some("de, *;q=0.5")), Lang::En);
        assert_eq!(Lang::from_accept_language(None), Lang::En);
    }
}
