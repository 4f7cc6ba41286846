//! Writing a [`Sheet`] as CSV or as an Excel workbook.

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::flatten::Sheet;
use super::table::Cell;

/// Widest column of a workbook, in characters.
const MAX_WIDTH: usize = 60;
/// Narrowest column, so a header and its filter button fit.
const MIN_WIDTH: usize = 8;

/// The sheet as CSV: UTF-8 with a byte order mark (so Excel reads
/// non-ASCII text right), comma-separated, quoted where needed.
pub fn write_csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut writer = csv::WriterBuilder::new().from_writer(&mut out);
        let fail = "writing CSV to memory cannot fail";
        writer.write_record(&sheet.columns).expect(fail);
        for row in &sheet.rows {
            writer.write_record(row.iter().map(csv_text)).expect(fail);
        }
        writer.flush().expect(fail);
    }
    out
}

/// A cell as CSV text; text that a spreadsheet program would run as a
/// formula (`=`, `+`, `-`, `@` first) is quoted with a leading `'`, which
/// reading strips again ([`Cell::text`]).
fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) if t.starts_with(['=', '+', '-', '@']) => format!("'{t}"),
        other => other.as_text(),
    }
}

/// The sheet as an .xlsx workbook: typed cells (dates as dates), the
/// header row frozen and filtered, columns as wide as their text.
pub fn write_xlsx(sheet: &Sheet, name: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new().set_bold();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    let mut widths: Vec<usize> = sheet
        .columns
        .iter()
        .map(|c| c.chars().count() + 3)
        .collect();
    for (col, title) in sheet.columns.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *title, &header)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let c = col as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => {
                    ws.write_string(r, c, t)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Cell::Bool(b) => {
                    ws.write_boolean(r, c, *b)?;
                }
                Cell::Date(d) => {
                    let day =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, c, &day, &date_format)?;
                }
            }
            let width = match cell {
                Cell::Date(_) => 10,
                other => other
                    .as_text()
                    .lines()
                    .map(|l| l.chars().count())
                    .max()
                    .unwrap_or(0),
            };
            if let Some(w) = widths.get_mut(col) {
                *w = (*w).max(width + 1);
            }
        }
    }
    for (col, width) in widths.iter().enumerate() {
        ws.set_column_width(
            col as u16,
            width.clamp(&MIN_WIDTH, &MAX_WIDTH).to_owned() as f64,
        )?;
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = sheet.columns.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn sheet_xml(bytes: Vec<u8>) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn a_workbook_has_a_frozen_filtered_header_and_fitted_columns() {
        let sheet = Sheet {
            columns: vec!["id", "title", "valid_from"],
            rows: vec![vec![
                Cell::text("x"),
                Cell::text(&"A long title ".repeat(10)),
                Cell::Date("2027-09-01".parse().unwrap()),
            ]],
        };
        let xml = sheet_xml(write_xlsx(&sheet, "agreements").unwrap());
        assert!(
            xml.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "{xml}"
        );
        assert!(xml.contains(r#"<autoFilter ref="A1:C2"/>"#), "{xml}");
        assert!(
            xml.contains(r#"<col min="2" max="2" width="60.7109375" customWidth="1"/>"#),
            "the long title is capped: {xml}"
        );
        assert!(
            xml.contains(r#"<col min="1" max="1" width="8.7109375" customWidth="1"/>"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<c r="C2" s="2"><v>46631</v></c>"#),
            "a date is a number with a date style: {xml}"
        );
        let csv = String::from_utf8(write_csv(&sheet)).unwrap();
        let formula = Sheet {
            columns: vec!["title"],
            rows: vec![vec![Cell::text("=HYPERLINK(\"x\")")]],
        };
        let quoted = String::from_utf8(write_csv(&formula)).unwrap();
        assert!(quoted.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{quoted}");
        let back = super::super::read_csv::read_csv(quoted.as_bytes()).unwrap();
        assert_eq!(back.rows[1].cells[0], Cell::text("=HYPERLINK(\"x\")"));
        assert!(csv.starts_with("\u{feff}id,title,valid_from\n"));
        assert!(csv.ends_with(",2027-09-01\n"));
    }
}
