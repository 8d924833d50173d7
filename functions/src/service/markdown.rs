//! The markdown subset for posts and comments, rendered once on write and sanitized.
//! The app inserts `body_html` as HTML, so this is the XSS boundary: test it hard.

use super::text::{Piece, pieces};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Renders markdown (emphasis, lists, links, code, quotes, strikethrough) to sanitized HTML.
/// Raw HTML in the source is escaped, not passed through; links get
/// `rel="noopener noreferrer nofollow"`. `#tags` link to the tag's feed and `@mentions` to a
/// search for the person (not in code or links).
pub fn render(source: &str) -> String {
    let mut in_code_or_link = 0usize;
    let mut events = Vec::new();
    for event in Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH) {
        match event {
            // Show raw HTML as text instead of dropping it silently.
            Event::Html(t) | Event::InlineHtml(t) => events.push(Event::Text(t)),
            Event::Start(tag @ (Tag::Link { .. } | Tag::CodeBlock(_))) => {
                in_code_or_link += 1;
                events.push(Event::Start(tag));
            }
            Event::End(end @ (TagEnd::Link | TagEnd::CodeBlock)) => {
                in_code_or_link = in_code_or_link.saturating_sub(1);
                events.push(Event::End(end));
            }
            Event::Text(t) if in_code_or_link == 0 => link_words(&t, &mut events),
            other => events.push(other),
        }
    }
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events.into_iter());
    ammonia::Builder::default()
        .tags(
            [
                "p",
                "br",
                "em",
                "strong",
                "del",
                "a",
                "ul",
                "ol",
                "li",
                "code",
                "pre",
                "blockquote",
                "h1",
                "h2",
                "h3",
                "h4",
                "hr",
            ]
            .into_iter()
            .collect(),
        )
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&unsafe_html)
        .to_string()
}

/// A post's words as plain text for a preview (a notification): the markdown's syntax dropped,
/// whitespace collapsed, and cut after a whole word to at most `max_chars` characters, ending in
/// "…" when cut. The app shows it as text, so nothing here needs escaping.
pub fn plain_excerpt(source: &str, max_chars: usize) -> String {
    let mut text = String::with_capacity(source.len());
    for event in Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            // Inline markup may sit inside a word ("**Rp**500"); anything else ends a block.
            Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => {}
            Event::End(_) | Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let whole = words.join(" ");
    if whole.chars().count() <= max_chars {
        return whole;
    }
    let mut out = String::new();
    for word in &words {
        let room = max_chars.saturating_sub(out.chars().count() + 1); // one left for "…"
        if word.chars().count() + usize::from(!out.is_empty()) > room {
            if out.is_empty() {
                // One word longer than the preview: cut inside it.
                out.extend(word.chars().take(room));
            }
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// Text with its tags and mentions as links. Their characters are letters, digits and `._-+`
/// only, so they are safe inside the generated HTML.
fn link_words<'a>(text: &CowStr<'a>, out: &mut Vec<Event<'a>>) {
    for piece in pieces(text) {
        out.push(match piece {
            Piece::Plain(p) => Event::Text(CowStr::from(p.to_string())),
            Piece::Tag(t) => Event::InlineHtml(CowStr::from(format!(
                "<a href=\"/t/{0}\">#{1}</a>",
                t.to_lowercase(),
                t
            ))),
            Piece::Mention(m) => Event::InlineHtml(CowStr::from(format!(
                "<a href=\"/search?q={0}\">@{0}</a>",
                m
            ))),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{plain_excerpt, render};

    #[test]
    fn tags_and_mentions_become_links_outside_code() {
        let out = render("Rapat #Gudang dengan @ani.wijaya");
        assert!(
            out.contains("<a href=\"/t/gudang\" rel=\"noopener noreferrer nofollow\">#Gudang</a>"),
            "{out}"
        );
        assert!(out.contains("<a href=\"/search?q=ani.wijaya\" rel=\"noopener noreferrer nofollow\">@ani.wijaya</a>"), "{out}");
        assert!(!render("`#notatag`").contains("href"));
        assert!(!render("[see #x](https://example.com)").contains("/t/x"));
        // Markup around a tag stays text.
        assert!(render("<b>#x</b>").contains("&lt;b&gt;"));
    }

    #[test]
    fn renders_the_subset() {
        assert_eq!(
            render("**hi** _there_"),
            "<p><strong>hi</strong> <em>there</em></p>\n"
        );
        assert!(render("- a\n- b").contains("<li>a</li>"));
        assert!(render("~~old~~").contains("<del>old</del>"));
    }

    #[test]
    fn raw_html_is_escaped() {
        let out = render("<script>alert(1)</script>");
        assert!(!out.contains("<script"));
        assert!(out.contains("&lt;script&gt;"));
        let out = render("<img src=x onerror=alert(1)>");
        assert!(!out.contains("<img"));
    }

    #[test]
    fn dangerous_links_are_dropped() {
        let out = render("[click](javascript:alert(1))");
        assert!(!out.contains("javascript:"));
        let out = render("[site](https://example.com)");
        assert!(out.contains("href=\"https://example.com\""));
        assert!(out.contains("rel=\"noopener noreferrer nofollow\""));
    }

    #[test]
    fn images_are_not_embedded() {
        assert!(!render("![x](https://tracker.example/p.png)").contains("<img"));
    }

    #[test]
    fn excerpts_are_plain_words_cut_after_a_whole_word() {
        let source = "📣 **Town hall Jumat ini, 15:00 WIB** — CEO kita.\n\n- receipts within 7 days\n- taxi \
                      over Rp 500.000 need `approval`\n\n> quoted [link](https://example.com)";
        assert_eq!(
            plain_excerpt(source, 500),
            "📣 Town hall Jumat ini, 15:00 WIB — CEO kita. receipts within 7 days taxi over Rp \
             500.000 need approval quoted link"
        );
        let cut = plain_excerpt(source, 40);
        assert_eq!(cut, "📣 Town hall Jumat ini, 15:00 WIB — CEO…");
        assert!(cut.chars().count() <= 40);
        // Short text is kept whole; markup inside a word leaves no gap.
        assert_eq!(plain_excerpt("**Rp**500 ok", 140), "Rp500 ok");
        // A single word longer than the preview is cut inside it.
        assert_eq!(plain_excerpt("Supercalifragilistic", 8), "Superca…");
        assert_eq!(plain_excerpt("", 140), "");
        // Text that fits exactly is not cut.
        assert_eq!(plain_excerpt("abcde fghi", 10), "abcde fghi");
    }
}
