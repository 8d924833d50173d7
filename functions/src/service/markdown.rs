//! The markdown subset for posts and comments, rendered once on write and sanitized.
//! The app inserts `body_html` as HTML, so this is the XSS boundary: test it hard.

use super::text::{Piece, pieces};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Renders markdown (emphasis, lists, links, code, quotes, strikethrough) to sanitized HTML.
/// Raw HTML in the source is escaped, not passed through; links get `rel="noopener noreferrer nofollow"`.
/// `#tags` link to the tag's feed and `@mentions` to a search for the person (not in code or links).
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
    use super::render;

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
}
