//! @mentions and #tags, as both sides read them: the Worker finds the people a text mentions
//! and the tags it carries (functions/src/service/text.rs), and the app offers colleagues and
//! tags for the one being typed. A handle is the local part of a person's email, or their
//! login name; a tag is letters, digits, `_` and `-`.

/// The characters of a handle.
pub fn handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')
}

/// The characters of a tag.
pub fn tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Whether a `@` (or `#`) after `prev` starts a word, so counts: not in `ani@balai.co.id`,
/// `x#1`, or an HTML entity's `&#…`.
pub fn at_word_start(prev: Option<char>) -> bool {
    prev.is_none_or(|p| !(p.is_alphanumeric() || p == '_' || p == '&'))
}

/// What is being typed: a mention after `@`, or a tag after `#`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    Mention,
    Tag,
}

impl Typed {
    /// The character it begins with.
    pub fn sigil(self) -> char {
        match self {
            Typed::Mention => '@',
            Typed::Tag => '#',
        }
    }
}

/// The @mention or #tag being typed before byte `caret` of `text`: which, where its sign is,
/// and what follows it. None unless the sign starts a word (an email address is not a
/// mention) and at least two characters follow it.
pub fn typed_word(text: &str, caret: usize) -> Option<(Typed, usize, &str)> {
    let before = text.get(..caret)?;
    [
        (Typed::Mention, handle_char as fn(char) -> bool),
        (Typed::Tag, tag_char),
    ]
    .into_iter()
    .find_map(|(typed, word_char)| {
        let typed_len: usize = before
            .chars()
            .rev()
            .take_while(|c| word_char(*c))
            .map(char::len_utf8)
            .sum();
        let (head, word) = before.split_at(caret - typed_len);
        let head = head.strip_suffix(typed.sigil())?;
        (at_word_start(head.chars().next_back()) && word.chars().nth(1).is_some()).then_some((
            typed,
            head.len(),
            word,
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::{Typed, typed_word};

    #[test]
    fn a_mention_is_what_follows_an_at_sign_at_a_words_start() {
        let mention = |text, caret| {
            typed_word(text, caret)
                .filter(|(typed, ..)| *typed == Typed::Mention)
                .map(|(_, at, word)| (at, word))
        };
        assert_eq!(mention("halo @bu", 8), Some((5, "bu")));
        assert_eq!(mention("@budi.s", 7), Some((0, "budi.s")));
        assert_eq!(mention("(@budi", 6), Some((1, "budi")));
        // The part before the caret only.
        assert_eq!(mention("@budi siap", 5), Some((0, "budi")));
        assert_eq!(mention("siap @b", 7), None, "one character is too few");
        assert_eq!(mention("ani@balai", 9), None, "an email address");
        assert_eq!(mention("@budi siap", 10), None, "past the mention");
        assert_eq!(mention("Rapat ✓ @de", 13), Some((10, "de")));
        assert_eq!(mention("abc", 9), None, "a caret past the end");
        // Whatever precedes the caret, however wide, is read without splitting a character.
        assert_eq!(mention("✓bu", 5), None, "a word after a wide character");
        assert_eq!(typed_word("café", 5), None);
        assert_eq!(typed_word("Siap 👍", 9), None);
    }

    #[test]
    fn a_tag_is_what_follows_a_hash_at_a_words_start() {
        assert_eq!(typed_word("cek #ke", 7), Some((Typed::Tag, 4, "ke")));
        assert_eq!(
            typed_word("#keselamatan-kerja", 18),
            Some((Typed::Tag, 0, "keselamatan-kerja"))
        );
        // Letters beyond ASCII are a tag's too, and count as characters, not bytes.
        assert_eq!(typed_word("#dé", 4), Some((Typed::Tag, 0, "dé")));
        assert_eq!(typed_word("#é", 3), None, "one character is too few");
        assert_eq!(typed_word("x#ke", 4), None, "not at a word's start");
        assert_eq!(typed_word("&#12", 4), None, "an HTML entity");
        assert_eq!(typed_word("#ke.", 4), None, "a dot ends a tag");
        assert_eq!(typed_word("#ke siap", 8), None, "past the tag");
        assert_eq!(typed_word("✓#ke", 6), Some((Typed::Tag, 3, "ke")));
    }
}
