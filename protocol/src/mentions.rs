//! @handles, as both sides read them: the Worker finds the people a text mentions
//! (functions/src/service/text.rs), and the app offers colleagues for the mention being typed.
//! A handle is the local part of a person's email, or their login name.

/// The characters of a handle.
pub fn handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')
}

/// Whether a `@` (or `#`) after `prev` starts a word, so counts: not in `ani@balai.co.id`,
/// `x#1`, or an HTML entity's `&#…`.
pub fn at_word_start(prev: Option<char>) -> bool {
    prev.is_none_or(|p| !(p.is_alphanumeric() || p == '_' || p == '&'))
}

/// The @mention being typed before byte `caret` of `text`: where its `@` is, and what follows
/// it. None unless the `@` starts a word (an email address is not a mention) and at least two
/// characters follow it.
pub fn typed_mention(text: &str, caret: usize) -> Option<(usize, &str)> {
    let before = text.get(..caret)?;
    let typed_len: usize = before
        .chars()
        .rev()
        .take_while(|c| handle_char(*c))
        .map(char::len_utf8)
        .sum();
    let at = caret.checked_sub(typed_len + 1)?;
    if !before[at..].starts_with('@') {
        return None;
    }
    let word_start = at_word_start(before[..at].chars().next_back());
    let typed = &before[at + 1..];
    (word_start && typed.len() >= 2).then_some((at, typed))
}

#[cfg(test)]
mod tests {
    use super::typed_mention;

    #[test]
    fn a_mention_is_what_follows_an_at_sign_at_a_words_start() {
        assert_eq!(typed_mention("halo @bu", 8), Some((5, "bu")));
        assert_eq!(typed_mention("@budi.s", 7), Some((0, "budi.s")));
        assert_eq!(typed_mention("(@budi", 6), Some((1, "budi")));
        // The part before the caret only.
        assert_eq!(typed_mention("@budi siap", 5), Some((0, "budi")));
        assert_eq!(
            typed_mention("siap @b", 7),
            None,
            "one character is too few"
        );
        assert_eq!(typed_mention("ani@balai", 9), None, "an email address");
        assert_eq!(typed_mention("@budi siap", 10), None, "past the mention");
        assert_eq!(typed_mention("Rapat ✓ @de", 13), Some((10, "de")));
        assert_eq!(typed_mention("abc", 9), None, "a caret past the end");
    }
}
