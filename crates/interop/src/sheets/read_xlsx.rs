//! Excel workbooks (.xlsx) through calamine: date cells become dates, a
//! merged cell's value fills every cell it covers.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;

use super::SheetError;
use super::table::{Cell, Grid};
use crate::Message;

/// Reads one worksheet: the one named `sheet`, else the first that holds data.
pub fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, SheetError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        let detail = e.to_string();
        let english = format!("this is not an Excel .xlsx workbook ({detail})");
        SheetError::NotASheet(Message::coded(
            "not-a-workbook",
            &[("detail", &detail)],
            english,
        ))
    })?;
    let names = book.sheet_names();
    let chosen: Vec<String> = match sheet {
        Some(wanted) => {
            let found = names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()));
            match found {
                Some(name) => vec![name.clone()],
                None => {
                    let sheets = names.join(", ");
                    let english = format!("the workbook has no sheet `{wanted}`; it has: {sheets}");
                    let args = [("sheet", wanted), ("sheets", sheets.as_str())];
                    return Err(SheetError::NotASheet(Message::coded(
                        "workbook-no-such-sheet",
                        &args,
                        english,
                    )));
                }
            }
        }
        None => names,
    };
    for name in chosen {
        let range = book.worksheet_range(&name).map_err(|e| {
            let detail = e.to_string();
            let english = format!("sheet `{name}` cannot be read: {detail}");
            let args = [("sheet", name.as_str()), ("detail", detail.as_str())];
            SheetError::NotASheet(Message::coded("worksheet-unreadable", &args, english))
        })?;
        if range.is_empty() {
            continue;
        }
        let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let (last_row, last_col) = range.end().unwrap_or((0, 0));
        let value_at = |row: u32, col: u32| -> Cell {
            // A merged region keeps its value in its top-left cell only.
            let (row, col) = merged
                .iter()
                .find(|m| m.contains(row, col))
                .map(|m| m.start)
                .unwrap_or((row, col));
            range.get_value((row, col)).map(cell).unwrap_or(Cell::Empty)
        };
        let mut grid = Grid::default();
        for row in first_row..=last_row {
            let cells = (0..=last_col).map(|col| {
                if col < first_col {
                    Cell::Empty
                } else {
                    value_at(row, col)
                }
            });
            grid.push(row as usize + 1, cells.collect());
        }
        if !grid.rows.is_empty() {
            return Ok(grid);
        }
    }
    Ok(Grid::default())
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), m.into(), d.into())
                .map(Cell::Date)
                .unwrap_or_else(|| Cell::Number(dt.as_f64()))
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(Cell::Date)
            .unwrap_or_else(|| Cell::text(s)),
        Data::DurationIso(s) => Cell::text(s),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}
