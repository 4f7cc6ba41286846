//! Rules every text of a record obeys, whatever the field: no control
//! characters (line breaks and tabs only where text runs over several lines)
//! and a length limit. They are checked over the record's whole JSON
//! document, so a field added later cannot be forgotten; web addresses and
//! e-mail addresses have their own checks here too.
//!
//! Why: PostgreSQL refuses a NUL byte in text (the write would fail with a
//! server error), XML feeds cannot carry most control characters, and an
//! unbounded name fills pages and indexes.

mod scan;

use serde_json::Value;

use crate::{Email, Entity, Problem, ValidationErrors};

/// The most characters a one-line text (a name, a title, an amount) may have.
pub const MAX_LINE_CHARS: usize = 500;
/// The most characters a web address may have.
pub const MAX_LINK_CHARS: usize = 2_000;
/// The most characters a multi-line text (Markdown notes, a description) may have.
pub const MAX_LONG_CHARS: usize = 100_000;

/// What a text field holds, which decides what it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// One line: no control character at all (the default for every field).
    Line,
    /// A web address: one line, longer.
    Link,
    /// Several lines (Markdown): line breaks and tabs allowed.
    Long,
}

impl TextKind {
    /// The most characters a text of this kind may have.
    pub fn max_chars(self) -> usize {
        match self {
            TextKind::Line => MAX_LINE_CHARS,
            TextKind::Link => MAX_LINK_CHARS,
            TextKind::Long => MAX_LONG_CHARS,
        }
    }

    /// Whether `c` is refused in a text of this kind ([`TextKind::refuses`]
    /// without the words).
    fn refuses_any(self, c: char) -> bool {
        c.is_control() && !(self == TextKind::Long && matches!(c, '\n' | '\r' | '\t'))
    }

    /// What is wrong with `c` in a text of this kind, if anything.
    fn refuses(self, c: char) -> Option<String> {
        if !c.is_control() {
            return None;
        }
        match c {
            '\n' | '\r' | '\t' if self == TextKind::Long => None,
            '\n' | '\r' => Some("this field is one line: remove the line break".to_owned()),
            '\t' => Some("this field is one line: remove the tab".to_owned()),
            other => Some(format!(
                "remove the control character U+{:04X}: it cannot be stored or shown",
                u32::from(other)
            )),
        }
    }
}

/// Every string of `doc` that breaks the text rules, by field path
/// (`names[0].value`); `kinds` gives the fields that are not one-line text,
/// by their path without list positions (`sections.intro`).
pub fn text_problems(doc: &Value, kinds: &[(&str, TextKind)]) -> ValidationErrors {
    let mut errors = ValidationErrors::default();
    walk(
        doc,
        &mut String::new(),
        &mut String::new(),
        kinds,
        &mut errors,
    );
    errors
}

/// Every text of `record` that breaks the text rules, by field path.
///
/// The record is first scanned as it serialises, without building its
/// document; only a record with a problem is walked as a document, which
/// names every field in the document's order.
pub fn record_text_problems<E: Entity>(record: &E) -> ValidationErrors {
    if !scan::has_problem(record, E::TEXT_KINDS) {
        return ValidationErrors::default();
    }
    match serde_json::to_value(record) {
        Ok(doc) => text_problems(&doc, E::TEXT_KINDS),
        // Records always serialise; if one ever did not, storage would say so.
        Err(_) => ValidationErrors::default(),
    }
}

/// Walks `value` at `path` (its field path) and `shape` (the same without
/// list positions). Both are buffers grown and cut back in place: a record
/// has dozens of texts, and an import checks tens of thousands of records, so
/// no string is built per field unless a problem is found.
fn walk(
    value: &Value,
    path: &mut String,
    shape: &mut String,
    kinds: &[(&str, TextKind)],
    out: &mut ValidationErrors,
) {
    match value {
        Value::String(text) => {
            let kind = kinds
                .iter()
                .find(|(field, _)| *field == shape.as_str())
                .map_or(TextKind::Line, |(_, kind)| *kind);
            check_text(text, kind, path, out);
        }
        Value::Array(items) => {
            let at = path.len();
            for (i, item) in items.iter().enumerate() {
                use std::fmt::Write;
                let _ = write!(path, "[{i}]");
                walk(item, path, shape, kinds, out);
                path.truncate(at);
            }
        }
        Value::Object(map) => {
            let (at, shape_at) = (path.len(), shape.len());
            for (key, item) in map {
                join(path, key);
                join(shape, key);
                walk(item, path, shape, kinds, out);
                path.truncate(at);
                shape.truncate(shape_at);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Appends `.key` to a field path (`key` alone at the top).
fn join(base: &mut String, key: &str) {
    if !base.is_empty() {
        base.push('.');
    }
    base.push_str(key);
}

/// Whether one text of `kind` breaks a rule [`check_text`] names.
fn breaks_rules(text: &str, kind: TextKind) -> bool {
    text.chars().any(|c| kind.refuses_any(c)) || too_long(text, kind)
}

/// Whether a text has more characters than its kind allows; counting stops
/// early, so a huge text is not walked to its end.
fn too_long(text: &str, kind: TextKind) -> bool {
    let max = kind.max_chars();
    text.len() > max && text.chars().nth(max).is_some()
}

/// Notes at `field` what is wrong with one text of `kind`: its first refused
/// character and its length.
fn check_text(text: &str, kind: TextKind, field: &str, out: &mut ValidationErrors) {
    if let Some((c, problem)) = text
        .chars()
        .find_map(|c| kind.refuses(c).map(|problem| (c, problem)))
    {
        let code = match c {
            '\n' | '\r' => Problem::new("line-break"),
            '\t' => Problem::new("tab"),
            other => Problem::new("control-character")
                .with("code", format!("U+{:04X}", u32::from(other))),
        };
        out.add_coded(field, code, problem);
    }
    let max = kind.max_chars();
    if too_long(text, kind) {
        let count = text.chars().count();
        out.add_coded(
            field,
            Problem::new("too-long")
                .with("max", max)
                .with("count", count),
            format!(
                "too long: use at most {max} characters (this has {})",
                text.chars().count()
            ),
        );
    }
}

/// The code of a problem [`check_web_address`] or [`check_email_address`] found.
pub fn address_problem(message: &str) -> Problem {
    if message.starts_with("a web address starts") {
        Problem::new("web-address-scheme")
    } else if message.contains("web address") {
        Problem::new("web-address")
    } else {
        Problem::new("email-address")
    }
}

/// Checks a web address: `http` or `https`, a host, and nothing a browser
/// would have to guess at (blanks, quotes, angle brackets, backslashes).
pub fn check_web_address(address: &str) -> Result<(), String> {
    if !(address.starts_with("https://") || address.starts_with("http://")) {
        return Err("a web address starts with https:// or http://".to_owned());
    }
    // The address is not repeated: it may be huge or hold control characters.
    let bad = || "this is not a web address (like https://example.org/)".to_owned();
    let after_scheme = address.split_once("://").map_or("", |(_, rest)| rest);
    // A browser would read `https:///x` as the host `x`; say what is meant instead.
    if after_scheme.starts_with(['/', '?', '#']) || after_scheme.is_empty() {
        return Err(bad());
    }
    if address
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(c))
    {
        return Err(bad());
    }
    let url = url::Url::parse(address).map_err(|_| bad())?;
    let host_ok = url.host_str().is_some_and(|h| !h.is_empty());
    if matches!(url.scheme(), "http" | "https") && host_ok && url.username().is_empty() {
        Ok(())
    } else {
        Err(bad())
    }
}

/// Checks an e-mail address as written: one `@`, no blanks, quotes or angle
/// brackets, a dot in the domain (the rule of account addresses, without
/// changing the case).
pub fn check_email_address(address: &str) -> Result<(), String> {
    if address.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(
            "this is not an e-mail address (like name@example.org): it cannot hold blanks"
                .to_owned(),
        );
    }
    address
        .parse::<Email>()
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields(doc: Value, kinds: &[(&str, TextKind)]) -> Vec<String> {
        text_problems(&doc, kinds)
            .0
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn control_characters_are_refused_in_every_field_at_once() {
        let doc = json!({"title": "a\u{0}b", "names": [{"value": "ok"}, {"value": "x\u{7f}"}],
            "notes": "line\r\none\ttab", "amount": "c1\u{85}", "city": "two\nlines",
            "sections": {"intro": "fine\n", "other": "\u{1b}[31m"}, "count": 3, "flag": true});
        let kinds = [
            ("notes", TextKind::Long),
            ("sections.intro", TextKind::Long),
        ];
        let mut got = fields(doc, &kinds);
        got.sort();
        assert_eq!(
            got,
            [
                "amount",
                "city",
                "names[1].value",
                "sections.other",
                "title"
            ]
        );
        let problems = text_problems(&json!({"t": "a\u{0}"}), &[]);
        assert!(problems.0[0].message.contains("U+0000"), "{problems}");
        let problems = text_problems(&json!({"t": "a\r\nb"}), &[]);
        assert!(problems.0[0].message.contains("one line"), "{problems}");
    }

    #[test]
    fn the_quick_check_refuses_exactly_what_the_worded_one_does() {
        for kind in [TextKind::Line, TextKind::Link, TextKind::Long] {
            for c in ('\u{0}'..='\u{200}').chain(['東', '\u{2028}', '\u{feff}']) {
                assert_eq!(kind.refuses_any(c), kind.refuses(c).is_some(), "{c:?}");
            }
        }
    }

    #[test]
    fn texts_have_a_length_limit_by_kind() {
        let long = "x".repeat(MAX_LINE_CHARS + 1);
        assert_eq!(fields(json!({"name": long}), &[]), ["name"]);
        assert!(
            fields(json!({"name": "é".repeat(MAX_LINE_CHARS)}), &[]).is_empty(),
            "characters, not bytes"
        );
        assert!(fields(json!({"notes": long}), &[("notes", TextKind::Long)]).is_empty());
        let huge = "x\n".repeat(MAX_LONG_CHARS);
        assert_eq!(
            fields(json!({"notes": huge}), &[("notes", TextKind::Long)]),
            ["notes"]
        );
        let message = &text_problems(&json!({"name": long}), &[]).0[0].message;
        assert!(
            message.contains("at most 500 characters (this has 501)"),
            "{message}"
        );
    }

    #[test]
    fn web_addresses_are_http_with_a_host_and_no_blanks() {
        for good in [
            "https://www.u-tokyo.ac.jp/en/",
            "http://example.org",
            "https://example.org/a?b=c&d=e#f",
            "https://東京大学.jp/",
        ] {
            assert_eq!(check_web_address(good), Ok(()), "{good}");
        }
        for bad in [
            "example.org",
            "ftp://example.org",
            "https://x y",
            "https://example.org/a b",
            "https://",
            "https:///path",
            "https://\"><script>",
            "https://example.org/\"><script>alert(1)</script>",
            "https://user@example.org/",
            "javascript:alert(1)",
        ] {
            assert!(check_web_address(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn e_mail_addresses_are_checked_without_changing_them() {
        assert_eq!(check_email_address("Anna.Berg@KI.se"), Ok(()));
        assert_eq!(check_email_address("山田@大学.jp"), Ok(()));
        for bad in [
            "a@b.c\"><script>",
            "a b@ki.se",
            " anna@ki.se",
            "anna@ki",
            "anna@@ki.se",
            "anna",
            "<anna@ki.se>",
        ] {
            assert!(
                check_email_address(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }
}
