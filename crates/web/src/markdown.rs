//! Markdown written by staff becomes sanitised HTML: links and formatting
//! stay, scripts, styles and event handlers go.

use pulldown_cmark::{Options, Parser, html};

/// Renders Markdown to HTML that is safe to embed in a page.
pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "mailto"].into())
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_and_links_survive() {
        let html = render("**RIKEN** in [Yokohama](/organisations/riken-yokohama)");
        assert!(html.contains("<strong>RIKEN</strong>"));
        assert!(html.contains(r#"href="/organisations/riken-yokohama""#));
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = render(
            "<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("href=\"javascript:"), "{html}");
    }
}
