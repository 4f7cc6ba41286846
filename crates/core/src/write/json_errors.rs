//! serde's errors about a JSON record turned into field errors a person can
//! act on: the field's path, a message in plain words (no Rust type names,
//! no backticks), and a stand-in value so the other fields can be checked.

use kizuna_domain::{
    AgreementKind, AgreementLevel, Collection, FundingKind, OrganisationKind, Problem,
    ProgrammeKind,
};
use serde_json::{Map, Value, json};

/// A stand-in id while the real one is derived from the title.
pub(super) const PLACEHOLDER: &str = "pending-id";

/// A serde error as `(field path, message)`; the path comes first
/// (`parties[0].organisation: …`) and the position last (` at line …`).
pub(super) fn split(text: &str) -> (String, String) {
    let text = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => text,
    };
    let (path, message) = match text.split_once(": ") {
        Some((path, message)) if !path.contains(char::is_whitespace) => (path, message),
        _ => ("", text),
    };
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let field = if path.is_empty() || path == "." {
        named("missing field `")
            .or_else(|| named("unknown field `"))
            .unwrap_or_default()
    } else {
        match named("unknown field `").or_else(|| named("missing field `")) {
            Some(key) if path != key && !path.ends_with(&format!(".{key}")) => {
                format!("{path}.{key}")
            }
            _ => path.to_owned(),
        }
    };
    (field, message.to_owned())
}

/// The top-level field of a path: `parties[0].unit` → `parties`.
pub(super) fn top_key(field: &str) -> &str {
    field.split(['.', '[']).next().unwrap_or(field)
}

/// Values of the right shape for each required field of a collection,
/// standing in for a missing or refused one while the rest is checked.
pub(super) fn template(collection: Collection) -> Map<String, Value> {
    let value = match collection {
        Collection::Organisations => {
            json!({"kind": OrganisationKind::ALL[0].as_str(), "names": []})
        }
        Collection::Agreements => json!({"kind": AgreementKind::ALL[0].as_str(),
            "level": AgreementLevel::ALL[0].as_str(), "title": "", "parties": []}),
        Collection::Programmes => json!({"kind": ProgrammeKind::ALL[0].as_str(), "title": ""}),
        Collection::Funding => json!({"kind": FundingKind::ALL[0].as_str(), "title": ""}),
        Collection::Contacts => json!({"name": ""}),
    };
    let mut map = match value {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    map.insert("id".to_owned(), Value::String(PLACEHOLDER.to_owned()));
    map
}

/// The message for a top-level value serde refused; `allowed` asks serde
/// what words a vocabulary field takes (by trying an empty string).
pub(super) fn words_for(
    given: &Value,
    message: &str,
    allowed: impl FnOnce() -> Option<String>,
) -> String {
    // serde_json says only "expected value" of a number where a word is
    // expected: ask serde what the words are by offering it an empty one.
    if !given.is_string()
        && let Some(words) = allowed()
            .filter(|m| m.starts_with("unknown variant"))
            .and_then(|m| m.split_once("expected ").map(|(_, w)| unquote(w)))
    {
        return format!("{} is not allowed here: expected {words}", shown(given));
    }
    plain(message)
}

/// A JSON value as a message names it.
fn shown(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text “{}”", s.chars().take(60).collect::<String>()),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// `a`, `b` → a, b; any other backticks become quotation marks.
fn unquote(text: &str) -> String {
    if text.contains("`, `") || text.starts_with("one of `") {
        return text.replace('`', "");
    }
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push(if i % 2 == 1 { '“' } else { '”' });
        }
        out.push_str(part);
    }
    out
}

/// What serde expected, in words.
fn expected(what: &str) -> String {
    let what = what.trim();
    match what {
        "a string" => "text".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a boolean" => "true or false".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number of 0 or more".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_owned(),
        "a map" => "an object".to_owned(),
        w if w.starts_with("struct ") => "an object".to_owned(),
        w if w.starts_with("enum ") || w == "variant identifier" => {
            "one of the words the API documents".to_owned()
        }
        w => unquote(w),
    }
}

/// What serde found, in words.
fn found(what: &str) -> String {
    let what = what.trim();
    let after = |prefix: &str| what.strip_prefix(prefix).map(|v| v.trim_matches('`'));
    if let Some(n) = after("integer ").or_else(|| after("floating point ")) {
        return format!("the number {n}");
    }
    if let Some(s) = what.strip_prefix("string ") {
        return format!("the text “{}”", s.trim_matches('"'));
    }
    match what {
        "sequence" => "a list".to_owned(),
        "map" => "an object".to_owned(),
        "unit" | "null" => "null".to_owned(),
        w => unquote(w),
    }
}

/// The code of a serde message: a missing field, an unknown one, or a value
/// of the wrong kind.
pub(super) fn coded(message: &str) -> Problem {
    if message.starts_with("missing field") {
        return Problem::new("required");
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        return Problem::new("unknown-field").with("name", name);
    }
    Problem::new("wrong-value")
}

/// A serde message in plain words.
pub(super) fn plain(message: &str) -> String {
    if message.starts_with("missing field") {
        return "this field is required".to_owned();
    }
    if message == "expected value" {
        return "this value is not of the kind the field takes".to_owned();
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((got, want)) = rest.split_once(", expected ")
        {
            return format!("expected {}, not {}", expected(want), found(got));
        }
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        return format!("this kind of record has no field “{name}”");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (word, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let words = tail
            .split_once("expected ")
            .map(|(_, w)| unquote(w))
            .unwrap_or_default();
        return format!("“{word}” is not allowed here: expected {words}");
    }
    unquote(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_become_plain_words() {
        assert_eq!(plain("missing field `kind`"), "this field is required");
        assert_eq!(
            plain("invalid type: integer `3`, expected a string"),
            "expected text, not the number 3"
        );
        assert_eq!(
            plain("invalid type: null, expected a sequence"),
            "expected a list, not null"
        );
        assert_eq!(
            plain("unknown variant `memo`, expected one of `mou`, `research`"),
            "“memo” is not allowed here: expected one of mou, research"
        );
        assert_eq!(
            plain("unknown field `colour`, expected one of `id`, `kind`"),
            "this kind of record has no field “colour”"
        );
        assert_eq!(
            plain("invalid value: integer `300`, expected u8"),
            "expected a whole number of 0 or more, not the number 300"
        );
        for m in [
            plain("invalid type: string \"x\", expected u32"),
            plain("`x` is odd"),
        ] {
            assert!(!m.contains('`'), "{m}");
        }
    }

    #[test]
    fn vocabulary_fields_list_their_words() {
        let m = words_for(&json!(3), "expected value", || {
            Some("unknown variant ``, expected one of `central`, `faculty`".to_owned())
        });
        assert_eq!(
            m,
            "the number 3 is not allowed here: expected one of central, faculty"
        );
    }
}
