//! Highlighted snippets: safe HTML with the matches in `<mark>`.

use std::collections::BTreeMap;

use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;

use crate::query::{FUZZY_MIN_CHARS, Group, Parsed};
use crate::text::{escape_html, truncate_chars, within_one_edit};

/// Longest snippet cut from the summary, in bytes (Tantivy counts bytes).
const SNIPPET_BYTES: usize = 220;
/// Length of the fallback snippet, in characters.
const FALLBACK_CHARS: usize = 160;

/// Cuts snippets for the hits of one query.
pub struct Highlighter {
    /// Query terms as indexed, each worth the same.
    terms: BTreeMap<String, f32>,
    /// Words that also match with one typo.
    fuzzy: Vec<String>,
    /// The word being typed, matched as a prefix.
    prefix: Option<(String, bool)>,
    analyzer: TextAnalyzer,
    field: Field,
    /// The generator of every hit's snippet when the query's own terms are
    /// all there is to mark (built once per query, not once per hit).
    exact: Option<SnippetGenerator>,
}

impl Highlighter {
    /// Prepares highlighting of `parsed` in texts tokenised by `analyzer`.
    pub fn new(parsed: &Parsed, analyzer: TextAnalyzer, field: Field) -> Self {
        let mut terms = BTreeMap::new();
        let mut fuzzy = Vec::new();
        let mut prefix = None;
        for group in &parsed.groups {
            match group {
                Group::Word {
                    text,
                    fuzzy: f,
                    prefix: p,
                } => {
                    terms.insert(text.clone(), 1.0);
                    if *f {
                        fuzzy.push(text.clone());
                    }
                    if *p {
                        prefix = Some((text.clone(), *f));
                    }
                }
                Group::Cjk(bigrams) => {
                    terms.extend(bigrams.iter().map(|b| (b.clone(), 1.0)));
                }
            }
        }
        let mut highlighter = Highlighter {
            terms,
            fuzzy,
            prefix,
            analyzer,
            field,
            exact: None,
        };
        if !highlighter.matches_loosely() {
            highlighter.exact = Some(highlighter.generator(highlighter.terms.clone()));
        }
        highlighter
    }

    fn generator(&self, terms: BTreeMap<String, f32>) -> SnippetGenerator {
        SnippetGenerator::new(terms, self.analyzer.clone(), self.field, SNIPPET_BYTES)
    }

    /// Whether some token may match the query only loosely (typo, prefix,
    /// lone CJK character): otherwise the query's own terms are all there is
    /// to mark, and the text need not be read twice.
    fn matches_loosely(&self) -> bool {
        !self.fuzzy.is_empty()
            || self.prefix.is_some()
            || self
                .terms
                .keys()
                .any(|t| t.chars().count() == 1 && !t.is_ascii())
    }

    /// Whether a token of the text matches the query only loosely (typo, prefix, lone CJK char).
    fn loose_match(&self, token: &str) -> bool {
        if self.fuzzy.iter().any(|q| within_one_edit(q, token)) {
            return true;
        }
        if let Some((p, fuzzy)) = &self.prefix {
            if token.starts_with(p.as_str()) {
                return true;
            }
            if *fuzzy {
                let n = p.chars().count();
                return (n - 1..=n + 1).any(|len| {
                    let head: String = token.chars().take(len).collect();
                    head.chars().count() >= FUZZY_MIN_CHARS - 1 && within_one_edit(p, &head)
                });
            }
        }
        // A lone CJK character of the query is highlighted where a bigram starts with it.
        self.terms
            .keys()
            .any(|t| t.chars().count() == 1 && !t.is_ascii() && token.starts_with(t.as_str()))
    }

    /// The snippet of one hit: the best fragment of `summary` with matches
    /// marked, else the start of `fallback`. Always escaped HTML.
    pub fn snippet(&self, summary: &str, fallback: &str) -> String {
        if !self.terms.is_empty() && !summary.is_empty() {
            let loose;
            let generator = match &self.exact {
                Some(generator) => generator,
                None => {
                    let mut terms = self.terms.clone();
                    let mut analyzer = self.analyzer.clone();
                    let mut stream = analyzer.token_stream(summary);
                    while let Some(token) = stream.next() {
                        if !terms.contains_key(&token.text) && self.loose_match(&token.text) {
                            terms.insert(token.text.clone(), 1.0);
                        }
                    }
                    loose = self.generator(terms);
                    &loose
                }
            };
            let mut snippet = generator.snippet(summary);
            if !snippet.is_empty() {
                snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
                let range = snippet.fragment_range();
                let mut html = String::new();
                if range.start > 0 {
                    html.push('…');
                }
                // to_html escapes the text and adds only our prefix and postfix.
                html.push_str(&snippet.to_html());
                if range.end < summary.len() {
                    html.push('…');
                }
                return html;
            }
        }
        let mut html = String::new();
        escape_html(&truncate_chars(fallback, FALLBACK_CHARS), &mut html);
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;
    use crate::schema::Fields;
    use crate::tokenizer::analyzer;

    fn snippet(q: &str, summary: &str, fallback: &str) -> String {
        let (_, fields) = Fields::build();
        let parsed = parse(q, &mut analyzer(), false);
        Highlighter::new(&parsed, analyzer(), fields.summary).snippet(summary, fallback)
    }

    #[test]
    fn matches_are_marked_and_everything_else_escaped() {
        let s = snippet("evil", "<script>alert(1)</script> Evil & co", "x");
        assert_eq!(
            s,
            "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Evil</mark> &amp; co"
        );
    }

    #[test]
    fn typos_and_cjk_substrings_are_marked() {
        assert_eq!(
            snippet("Karolinksa", "Karolinska Institutet", ""),
            "<mark>Karolinska</mark> Institutet"
        );
        assert_eq!(
            snippet("東京", "東京大学 · UT", ""),
            "<mark>東京</mark>大学 · UT"
        );
        assert_eq!(snippet("京大学", "東京大学", ""), "東<mark>京大学</mark>");
    }

    #[test]
    fn without_a_match_the_fallback_is_escaped_and_short() {
        let long = format!("<b>{}</b>", "word ".repeat(100));
        let s = snippet("nothing", "no match here", &long);
        assert!(s.starts_with("&lt;b&gt;word"));
        assert!(s.ends_with('…'));
        assert!(s.chars().count() < 180);
        assert_eq!(snippet("", "summary", "a < b"), "a &lt; b");
    }
}
