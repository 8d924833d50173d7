//! @mentions and #tags in what people write. One scanner, used both to link them in the
//! rendered HTML and to notify the people mentioned and index the tags.

use balai_protocol::mentions_and_tags::{at_word_start, handle_char, tag_char};

/// A piece of text: plain, a `#tag` (lower-cased, without `#`) or an `@handle` (without `@`).
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    Plain(&'a str),
    Tag(&'a str),
    Mention(&'a str),
}

/// Splits `text` into plain runs, tags and mentions. A `#` or `@` counts only at the start of a
/// word (so `a@b.c` and `x#1` stay plain); a mention's trailing dots are punctuation.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let starts_word = at_word_start(prev);
        prev = Some(c);
        if !(starts_word && (c == '#' || c == '@')) {
            continue;
        }
        let rest = &text[i + 1..];
        let len = if c == '#' {
            rest.find(|ch: char| !tag_char(ch)).unwrap_or(rest.len())
        } else {
            let raw = rest.find(|ch: char| !handle_char(ch)).unwrap_or(rest.len());
            rest[..raw].trim_end_matches('.').len()
        };
        let word = &rest[..len];
        let long_enough = if c == '#' {
            word.chars().count() >= 2
                && word.chars().count() <= 30
                && !word.chars().all(|ch| ch.is_ascii_digit())
        } else {
            (2..=64).contains(&word.len())
        };
        if !long_enough {
            continue;
        }
        if plain_start < i {
            out.push(Piece::Plain(&text[plain_start..i]));
        }
        out.push(if c == '#' {
            Piece::Tag(word)
        } else {
            Piece::Mention(word)
        });
        plain_start = i + 1 + len;
        // Skip the word itself.
        while iter.peek().is_some_and(|(j, _)| *j < plain_start) {
            prev = iter.next().map(|(_, ch)| ch);
        }
    }
    if plain_start < text.len() {
        out.push(Piece::Plain(&text[plain_start..]));
    }
    out
}

/// The distinct tags in `text`, lower-cased, at most 20.
pub fn tags(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in pieces(text) {
        if let Piece::Tag(t) = piece {
            let t = t.to_lowercase();
            if !out.contains(&t) && out.len() < 20 {
                out.push(t);
            }
        }
    }
    out
}

/// The distinct handles mentioned in `text`, lower-cased, at most 20.
pub fn mentions(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in pieces(text) {
        if let Piece::Mention(m) = piece {
            let m = m.to_lowercase();
            if !out.contains(&m) && out.len() < 20 {
                out.push(m);
            }
        }
    }
    out
}

/// Those `after` mentions that `before` did not: whom an edit should tell.
pub fn new_mentions(before: &str, after: &str) -> Vec<String> {
    let known = mentions(before);
    mentions(after)
        .into_iter()
        .filter(|m| !known.contains(m))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tags_and_mentions_at_word_starts_only() {
        assert_eq!(
            pieces("Hi @ani.wijaya, see #Gudang."),
            vec![
                Piece::Plain("Hi "),
                Piece::Mention("ani.wijaya"),
                Piece::Plain(", see "),
                Piece::Tag("Gudang"),
                Piece::Plain("."),
            ]
        );
        assert_eq!(
            pieces("mail budi@balai.demo"),
            vec![Piece::Plain("mail budi@balai.demo")]
        );
        assert_eq!(
            pieces("issue #1 and x#tag"),
            vec![Piece::Plain("issue #1 and x#tag")]
        );
        assert_eq!(tags("#Proyek #proyek #pameran"), vec!["proyek", "pameran"]);
        assert_eq!(mentions("@Budi.S. @budi.s"), vec!["budi.s"]);
        assert_eq!(tags("# Heading"), Vec::<String>::new());
        assert_eq!(tags("#sepakbola⚽"), vec!["sepakbola"]);
    }

    #[test]
    fn an_edit_newly_mentions_only_those_not_named_before_in_any_case() {
        assert_eq!(
            new_mentions("cc @Budi", "cc @budi @citra @CITRA"),
            vec!["citra"]
        );
        assert!(new_mentions("@ani @budi", "@budi").is_empty());
    }
}
