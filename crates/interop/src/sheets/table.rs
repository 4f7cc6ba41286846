//! A sheet as rows of typed cells, whichever file it came from.

use chrono::NaiveDate;

/// One cell's value, as typed as the file allows (CSV has only text).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing, or only spaces.
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number (Excel stores every number as a float).
    Number(f64),
    /// A date cell (Excel's date-formatted numbers).
    Date(NaiveDate),
    /// A boolean cell.
    Bool(bool),
}

impl Cell {
    /// A text cell, or [`Cell::Empty`] when it holds only white space
    /// (non-breaking spaces included). A `'` that guards a would-be formula
    /// (as exports write `'=…`) is dropped.
    pub fn text(raw: &str) -> Cell {
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let trimmed = match trimmed.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
            _ => trimmed,
        };
        if trimmed.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(trimmed.to_owned())
        }
    }

    /// Whether the cell holds nothing.
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as text the way a person reads it: whole numbers without
    /// `.0` (so a PIC stored as `999986096.0` reads `999986096`), dates as
    /// `YYYY-MM-DD`, booleans as `yes`/`no`.
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        }
    }
}

/// A number as text, whole numbers without a fraction.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One row under the header, with its row number in the file (1-based, as a
/// spreadsheet program shows it).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Row number in the file.
    pub line: usize,
    /// Cells, one per header column (missing ones are empty).
    pub cells: Vec<Cell>,
}

/// A sheet: every row as read, before a header is chosen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// Rows with their row numbers; wholly empty rows are left out.
    pub rows: Vec<Row>,
}

impl Grid {
    /// Adds a row unless every cell is empty (stray empty rows are common).
    pub fn push(&mut self, line: usize, cells: Vec<Cell>) {
        if cells.iter().any(|c| !c.is_empty()) {
            self.rows.push(Row { line, cells });
        }
    }
}
