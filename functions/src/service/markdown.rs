//! The markdown subset for posts and comments, rendered once on write and sanitized.
//! The app inserts `body_html` as HTML, so this is the XSS boundary: test it hard.

use pulldown_cmark::{Options, Parser, html};

/// Renders markdown (emphasis, lists, links, code, quotes, strikethrough) to sanitized HTML.
/// Raw HTML in the source is escaped, not passed through; links get `rel="noopener noreferrer nofollow"`.
pub fn render(source: &str) -> String {
    let parser = Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH).map(|event| match event {
        // Show raw HTML as text instead of dropping it silently.
        pulldown_cmark::Event::Html(t) | pulldown_cmark::Event::InlineHtml(t) => {
            pulldown_cmark::Event::Text(t)
        }
        other => other,
    });
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
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

#[cfg(test)]
mod tests {
    use super::render;

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
