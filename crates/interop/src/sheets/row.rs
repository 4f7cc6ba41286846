//! One row becoming a record: its cells by field, the record's JSON being
//! built (starting from the stored record, so columns the sheet leaves out
//! keep their values), and the problems found, each with its column.

use std::str::FromStr;

use kizuna_domain::{CountryCode, Problem, Slug, UnknownValue};
use serde::Serialize;
use serde_json::{Map, Value};

use super::columns::Header;
use super::table::{Cell, Row};
use super::values::{one_line, split_list, vocabulary_word};
use crate::Message;

/// A problem with one cell (or one row, when `column` names no column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellError {
    /// The column's header as written in the file (the field name when the
    /// sheet has no such column).
    pub column: String,
    /// What is wrong and what to do, in English.
    pub message: String,
    /// The same as a code with its values, for an edge that words it in the
    /// reader's language (not part of the JSON).
    #[serde(skip)]
    pub problem: Option<Problem>,
}

impl CellError {
    /// A problem with the column headed `column`.
    pub fn new(column: impl Into<String>, message: impl Into<Message>) -> CellError {
        let message = message.into();
        CellError {
            column: column.into(),
            message: message.english,
            problem: message.problem,
        }
    }
}

/// What an empty cell does to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empty {
    /// Leaves the field as it is (required fields, and visibility, which
    /// must never turn public by accident).
    Keep,
    /// Clears the field.
    Clear,
    /// Empties the list.
    List,
}

/// A row being turned into a record.
#[derive(Debug)]
pub struct RowBuild<'a> {
    /// Its row number in the file.
    pub line: usize,
    cells: Vec<(&'static str, &'a str, Cell)>,
    /// The record as JSON, as far as it is built.
    pub doc: Map<String, Value>,
    /// The stored record, when the row changes one.
    pub stored: Option<Value>,
    /// Problems found so far.
    pub errors: Vec<CellError>,
    /// Things worth saying about the row (a partner created with it).
    pub notes: Vec<Message>,
}

impl<'a> RowBuild<'a> {
    /// The row's cells by field, under `header`.
    pub fn new(header: &'a Header, row: &Row) -> Self {
        let cells = (header.columns.iter().enumerate())
            .filter_map(|(i, c)| {
                let field = c.field?;
                Some((
                    field,
                    c.header.as_str(),
                    row.cells.get(i).cloned().unwrap_or(Cell::Empty),
                ))
            })
            .collect();
        RowBuild {
            line: row.line,
            cells,
            doc: Map::new(),
            stored: None,
            errors: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Whether any column holds a field (rows of only ignored columns are not data).
    pub fn has_data(&self) -> bool {
        self.cells.iter().any(|(_, _, c)| !c.is_empty())
    }

    /// Starts from the stored record (its timestamps left out).
    pub fn start_from(&mut self, stored: Value) {
        if let Value::Object(mut map) = stored.clone() {
            map.remove("created_at");
            map.remove("updated_at");
            self.doc = map;
        }
        self.stored = Some(stored);
    }

    /// Fills the fields a new record's row leaves empty from the mapping's defaults.
    pub fn default_to(&mut self, defaults: &std::collections::BTreeMap<String, String>) {
        for (field, value) in defaults {
            let Some(name) = super::columns::fields_static(field) else {
                continue;
            };
            match self.cells.iter_mut().find(|(f, _, _)| *f == name) {
                Some((_, _, cell)) if cell.is_empty() => *cell = Cell::text(value),
                Some(_) => {}
                None => self.cells.push((name, "", Cell::text(value))),
            }
        }
    }

    /// The cell of `field`, when the sheet has that column.
    pub fn cell(&self, field: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|(f, _, _)| *f == field)
            .map(|(_, _, c)| c)
    }

    /// The cell of `field` when it holds something.
    pub fn value(&self, field: &str) -> Option<&Cell> {
        self.cell(field).filter(|c| !c.is_empty())
    }

    /// The text of `field`'s cell on one line, when it holds something.
    pub fn text(&self, field: &str) -> Option<String> {
        self.value(field).map(|c| one_line(&c.as_text()))
    }

    /// The header of `field`'s column as written, else the field's name.
    pub fn header(&self, field: &str) -> String {
        match self.cells.iter().find(|(f, _, _)| *f == field) {
            Some((_, header, _)) if !header.is_empty() => (*header).to_owned(),
            _ => field.to_owned(),
        }
    }

    /// Notes a problem with `field`'s cell.
    pub fn error(&mut self, field: &str, message: impl Into<Message>) {
        let error = CellError::new(self.header(field), message);
        self.errors.push(error);
    }

    /// Sets the field at `path` from `field`'s cell, when the sheet has that
    /// column: `empty` says what an empty cell does; a parse error is noted.
    /// Text that differs from the stored value only in spacing keeps the stored value.
    pub fn put<T: Serialize>(
        &mut self,
        path: &[&str],
        field: &str,
        empty: Empty,
        parse: impl FnOnce(&Cell) -> Result<T, Message>,
    ) {
        let Some(cell) = self.cell(field) else {
            return;
        };
        let value = if cell.is_empty() {
            match empty {
                Empty::Keep => return,
                Empty::Clear => Value::Null,
                Empty::List => Value::Array(Vec::new()),
            }
        } else {
            match parse(cell).map(serde_json::to_value) {
                Ok(Ok(v)) => v,
                Ok(Err(e)) => return self.error(field, e.to_string()),
                Err(message) => return self.error(field, message),
            }
        };
        self.set(path, value);
    }

    /// Sets the field at `path` (objects on the way are made).
    pub fn set(&mut self, path: &[&str], value: Value) {
        let (last, parents) = path.split_last().expect("a path names a field");
        let mut map = &mut self.doc;
        for key in parents {
            let entry = map.entry(*key).or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            map = entry.as_object_mut().expect("made an object above");
        }
        let same_text = match (map.get(*last), &value) {
            (Some(Value::String(old)), Value::String(new)) => one_line(old) == one_line(new),
            _ => false,
        };
        if !same_text {
            map.insert((*last).to_owned(), value);
        }
    }

    /// The value at `path` of the record as built so far.
    pub fn get(&self, path: &[&str]) -> Option<&Value> {
        let (first, rest) = path.split_first()?;
        rest.iter()
            .try_fold(self.doc.get(*first)?, |v, key| v.get(*key))
            .filter(|v| !v.is_null())
    }
}

/// A line of text.
pub fn line(cell: &Cell) -> Result<String, Message> {
    Ok(one_line(&cell.as_text()))
}

/// Text that may span lines (Markdown notes), trimmed.
pub fn multiline(cell: &Cell) -> Result<String, Message> {
    Ok(cell.as_text().trim().to_owned())
}

/// A word of a closed vocabulary, in any case or spacing.
pub fn word<T: FromStr<Err = UnknownValue>>(cell: &Cell) -> Result<T, Message> {
    vocabulary_word(&cell.as_text()).parse::<T>().map_err(|e| {
        let args = [
            ("what", e.what),
            ("value", e.value.as_str()),
            ("expected", e.expected.as_str()),
        ];
        Message::coded("unknown-word", &args, e.to_string())
    })
}

/// A list of vocabulary words.
pub fn words<T: FromStr<Err = UnknownValue>>(cell: &Cell) -> Result<Vec<T>, Message> {
    split_list(cell, true)
        .iter()
        .map(|w| word(&Cell::text(w)))
        .collect()
}

/// A list of names or phrases (commas stay inside items).
pub fn phrases(cell: &Cell) -> Result<Vec<String>, Message> {
    Ok(split_list(cell, false))
}

/// A list of codes (ISCED fields and the like).
pub fn codes<T: FromStr>(cell: &Cell) -> Result<Vec<T>, Message>
where
    T::Err: std::fmt::Display,
{
    (split_list(cell, true).iter())
        .map(|c| {
            c.parse::<T>().map_err(|e| {
                let english = e.to_string();
                let args = [("value", c.as_str()), ("detail", english.as_str())];
                Message::coded("not-a-code", &args, english.clone())
            })
        })
        .collect()
}

/// A record id.
pub fn slug(cell: &Cell) -> Result<Slug, Message> {
    let text = one_line(&cell.as_text());
    text.parse::<Slug>()
        .map_err(|e| Message::coded("not-an-id", &[("value", &text)], e.to_string()))
}

/// A country as its ISO code (either case) or its English name.
pub fn country(cell: &Cell) -> Result<CountryCode, Message> {
    country_text(&one_line(&cell.as_text()))
}

fn country_text(text: &str) -> Result<CountryCode, Message> {
    if let Ok(code) = text.parse::<CountryCode>() {
        return Ok(code);
    }
    CountryCode::all()
        .find(|c| c.name().eq_ignore_ascii_case(text))
        .ok_or_else(|| {
            let english = format!("`{text}` is not a country (give its ISO code, e.g. JP)");
            Message::coded("not-a-country", &[("value", text)], english)
        })
}

/// A list of countries.
pub fn countries(cell: &Cell) -> Result<Vec<CountryCode>, Message> {
    split_list(cell, false)
        .iter()
        .flat_map(|item| item.split(',').map(str::trim).collect::<Vec<_>>())
        .filter(|s| !s.is_empty())
        .map(country_text)
        .collect()
}

/// A whole number.
pub fn integer<T: TryFrom<i64>>(cell: &Cell) -> Result<T, Message> {
    let n = number(cell)?;
    let value = cell.as_text();
    if n.fract() != 0.0 {
        let english = format!("`{value}` is not a whole number");
        return Err(Message::coded(
            "not-a-whole-number",
            &[("value", &value)],
            english,
        ));
    }
    T::try_from(n as i64).map_err(|_| {
        let english = format!("`{value}` is out of range");
        Message::coded("out-of-range", &[("value", &value)], english)
    })
}

/// A number (a decimal comma is read too).
pub fn number(cell: &Cell) -> Result<f64, Message> {
    match cell {
        Cell::Number(n) => Ok(*n),
        other => {
            let text = one_line(&other.as_text()).replace(',', ".");
            text.parse::<f64>().map_err(|_| {
                let value = other.as_text();
                let english = format!("`{value}` is not a number");
                Message::coded("not-a-number", &[("value", &value)], english)
            })
        }
    }
}
