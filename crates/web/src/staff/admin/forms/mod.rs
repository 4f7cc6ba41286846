//! Form ↔ record: what a form holds ([`FormState`]), read from a record's
//! JSON or from posted fields, and turned back into a record (`read`) with
//! every problem reported against the field that has it.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::schema::{Field, Kind};

mod parse;
mod read;

pub use read::{to_json, to_record, unreadable};

/// Values of one row of a repeatable group, by sub-field path ("" for plain values).
pub type Row = HashMap<String, Vec<String>>;

/// What a form holds, as text.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    /// Values of fields outside groups, by path (checkbox groups have several).
    pub values: HashMap<String, Vec<String>>,
    /// Rows of repeatable groups, by group path.
    pub rows: HashMap<String, Vec<Row>>,
    /// The Markdown field whose preview is shown.
    pub preview: Option<String>,
}

/// What the person asked for by the button they pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Save.
    Save,
    /// One more row in a group.
    Add(String),
    /// Remove row `n` of a group.
    Remove(String, usize),
    /// Show the preview of a Markdown field.
    Preview(String),
}

/// A posted form: its fields, the button pressed, and the hidden fields.
#[derive(Debug, Clone)]
pub struct Posted {
    /// The fields.
    pub state: FormState,
    /// The button.
    pub action: Action,
    /// The `revision` the form was loaded at (0 when absent).
    pub revision: i64,
}

impl FormState {
    /// The first value of a field, or "".
    pub fn value(&self, path: &str) -> &str {
        self.values
            .get(path)
            .and_then(|v| v.first())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Sets a single value.
    pub fn set(&mut self, path: &str, value: impl Into<String>) {
        self.values.insert(path.to_owned(), vec![value.into()]);
    }

    /// Rows of a group.
    pub fn rows(&self, path: &str) -> &[Row] {
        self.rows.get(path).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Drops the rows nobody filled in, so row numbers match the record's.
    pub fn compact(&mut self, fields: &[Field]) {
        for f in fields {
            if let Kind::Group { fields: subs, .. } = f.kind
                && let Some(rows) = self.rows.get_mut(f.path)
            {
                rows.retain(|row| !row_is_empty(subs, row));
            }
        }
    }
}

fn first(row: &Row, key: &str) -> String {
    row.get(key)
        .and_then(|v| v.first())
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

fn row_is_empty(subs: &[Field], row: &Row) -> bool {
    subs.iter().all(|s| {
        let v = first(row, s.path);
        match s.kind {
            Kind::Select { default, .. } => v.is_empty() || Some(v.as_str()) == default,
            Kind::Checks { .. } => row.get(s.path).is_none_or(Vec::is_empty),
            _ => v.is_empty(),
        }
    })
}

/// Splits `group[3].sub` into `("group", 3, "sub")` (sub is "" for `group[3]`).
fn row_key(key: &str) -> Option<(&str, usize, &str)> {
    let (group, rest) = key.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    let sub = if rest.is_empty() {
        ""
    } else {
        rest.strip_prefix('.')?
    };
    Some((group, index.parse().ok()?, sub))
}

/// Reads posted `(name, value)` pairs against `fields`.
pub fn from_pairs(fields: &[Field], pairs: &[(String, String)]) -> Posted {
    let groups: Vec<&str> = fields
        .iter()
        .filter(|f| matches!(f.kind, Kind::Group { .. }))
        .map(|f| f.path)
        .collect();
    let mut state = FormState::default();
    let mut rows: HashMap<String, BTreeMap<usize, Row>> = HashMap::new();
    let mut action = Action::Save;
    let mut revision = 0;
    for (key, value) in pairs {
        let value = value.replace("\r\n", "\n");
        match key.as_str() {
            "csrf" | "save" => {}
            "revision" => revision = value.trim().parse().unwrap_or(0),
            "add" => action = Action::Add(value),
            "remove" => {
                if let Some((group, n, "")) = row_key(&value) {
                    action = Action::Remove(group.to_owned(), n);
                }
            }
            "preview" => action = Action::Preview(value),
            _ => match row_key(key) {
                Some((group, n, sub)) if groups.contains(&group) => {
                    let row = rows
                        .entry(group.to_owned())
                        .or_default()
                        .entry(n)
                        .or_default();
                    row.entry(sub.to_owned()).or_default().push(value);
                }
                _ => state.values.entry(key.clone()).or_default().push(value),
            },
        }
    }
    for (group, indexed) in rows {
        state.rows.insert(group, indexed.into_values().collect());
    }
    match &action {
        Action::Add(group) if groups.contains(&group.as_str()) => {
            state
                .rows
                .entry(group.clone())
                .or_default()
                .push(Row::new());
        }
        Action::Remove(group, n) => {
            if let Some(rows) = state.rows.get_mut(group)
                && *n < rows.len()
            {
                rows.remove(*n);
            }
        }
        Action::Preview(path) => state.preview = Some(path.clone()),
        _ => {}
    }
    Posted {
        state,
        action,
        revision,
    }
}

/// The form of a record (or of defaults), from its JSON.
pub fn from_json(fields: &[Field], doc: &Value) -> FormState {
    let mut state = FormState::default();
    for f in fields {
        let value = get(doc, f.path);
        match f.kind {
            Kind::Group {
                fields: subs,
                scalar,
                ..
            } => {
                let rows = value
                    .as_array()
                    .map(|items| {
                        items
                            .iter()
                            .map(|item| {
                                if scalar {
                                    Row::from([(String::new(), vec![text_of(item)])])
                                } else {
                                    subs.iter()
                                        .map(|s| {
                                            (s.path.to_owned(), values_of(s, get(item, s.path)))
                                        })
                                        .collect()
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                state.rows.insert(f.path.to_owned(), rows);
            }
            Kind::Documents => {}
            _ => {
                state.values.insert(f.path.to_owned(), values_of(f, value));
            }
        }
    }
    state
}

fn values_of(f: &Field, value: &Value) -> Vec<String> {
    match (f.kind, value) {
        (Kind::Checks { .. }, Value::Array(items)) => items.iter().map(text_of).collect(),
        (Kind::Check, v) => {
            if v.as_bool() == Some(true) {
                vec!["on".to_owned()]
            } else {
                vec![]
            }
        }
        (Kind::Lines { comma, .. }, Value::Array(items)) => {
            let sep = if comma { ", " } else { "\n" };
            vec![items.iter().map(text_of).collect::<Vec<_>>().join(sep)]
        }
        (_, v) => vec![text_of(v)],
    }
}

/// A JSON value as a person types it.
fn text_of(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => {
            if *b {
                "on".to_owned()
            } else {
                String::new()
            }
        }
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(text_of).collect::<Vec<_>>().join(", "),
        Value::Object(o) if o.contains_key("lat") && o.contains_key("lng") => {
            format!("{}, {}", text_of(&o["lat"]), text_of(&o["lng"]))
        }
        Value::Object(o) => {
            // A language skill: `{lang, cefr}` → "ja B2".
            let parts: Vec<String> = ["lang", "cefr"]
                .iter()
                .filter_map(|k| o.get(*k).filter(|v| !v.is_null()).map(text_of))
                .collect();
            parts.join(" ")
        }
    }
}

/// The value at a dotted path ("location.lat"), or null.
pub fn get<'a>(doc: &'a Value, path: &str) -> &'a Value {
    if path.is_empty() {
        return doc;
    }
    path.split('.')
        .try_fold(doc, |v, k| v.get(k))
        .unwrap_or(&Value::Null)
}

#[cfg(test)]
mod tests {
    use super::super::schema::AGREEMENT;
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn buttons_add_and_remove_rows() {
        let posted = from_pairs(
            AGREEMENT,
            &pairs(&[("parties[0].organisation", "ki"), ("add", "parties")]),
        );
        assert_eq!(posted.state.rows("parties").len(), 2);
        let posted = from_pairs(
            AGREEMENT,
            &pairs(&[
                ("parties[0].organisation", "ki"),
                ("parties[1].organisation", "riken"),
                ("remove", "parties[0]"),
            ]),
        );
        assert_eq!(posted.state.rows("parties")[0]["organisation"], ["riken"]);
    }
}
