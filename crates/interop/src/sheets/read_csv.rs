//! CSV (and tab-separated) files: the encoding and the delimiter are
//! guessed, since a sheet saved by Excel in Sweden uses `;` and one saved as
//! "Unicode text" uses tabs.

use super::SheetError;
use super::decode::decode;
use super::table::{Cell, Grid};
use crate::Message;

/// Delimiters a sheet may use, in order of preference on a tie.
const DELIMITERS: [u8; 3] = [b'\t', b';', b','];
/// Rows looked at to guess the delimiter.
const SNIFF_ROWS: usize = 30;

/// Reads a CSV file into rows of text cells.
pub fn read_csv(bytes: &[u8]) -> Result<Grid, SheetError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(SheetError::NotASheet(Message::coded(
            "sheet-is-a-workbook",
            &[],
            "this is an Excel workbook (.xlsx), not CSV; import it as xlsx",
        )));
    }
    let (text, _) = decode(bytes)?;
    let delimiter = sniff(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid = Grid::default();
    let mut record = csv::StringRecord::new();
    let broken = |e: csv::Error| {
        let detail = e.to_string();
        let english = format!("the CSV is broken: {detail}");
        SheetError::NotASheet(Message::coded(
            "csv-broken",
            &[("detail", &detail)],
            english,
        ))
    };
    let (mut lines_before, mut counted) = (0, 0);
    while reader.read_record(&mut record).map_err(broken)? {
        // The row number a spreadsheet shows: counted from where the record
        // ends, less the line breaks inside its quoted fields.
        let end = (reader.position().byte() as usize).min(text.len());
        lines_before += text.as_bytes()[counted..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted = end;
        let inside: usize = record.iter().map(|f| f.matches('\n').count()).sum();
        let ends_line = text.as_bytes()[..end].ends_with(b"\n");
        let line = lines_before + usize::from(!ends_line) - inside;
        grid.push(line, record.iter().map(Cell::text).collect());
    }
    Ok(grid)
}

/// The delimiter that splits the first rows into the same number of fields,
/// more than one, most often (quotes respected).
fn sniff(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for delimiter in DELIMITERS {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let widths: Vec<usize> = reader
            .records()
            .take(SNIFF_ROWS)
            .filter_map(Result::ok)
            .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
            .map(|r| r.len())
            .collect();
        let Some(width) = mode(&widths) else { continue };
        if width < 2 {
            continue;
        }
        let agreeing = widths.iter().filter(|w| **w == width).count();
        if (agreeing, width) > (best.1, best.2) {
            best = (delimiter, agreeing, width);
        }
    }
    best.0
}

fn mode(values: &[usize]) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::new();
    for v in values {
        *counts.entry(*v).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(v, n)| (*n, *v))
        .map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        grid.rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::as_text).collect())
            .collect()
    }

    #[test]
    fn the_delimiter_is_sniffed_and_quotes_are_respected() {
        for (text, d) in [
            ("id,title\nx,\"A; B, C\"\n", ','),
            ("id;title\nx;\"A; B, C\"\n", ';'),
            ("id\ttitle\nx\tA; B, C\n", '\t'),
        ] {
            let grid = read_csv(text.as_bytes()).unwrap();
            assert_eq!(
                texts(&grid),
                [vec!["id", "title"], vec!["x", "A; B, C"]],
                "delimiter {d:?}"
            );
        }
    }

    #[test]
    fn empty_rows_and_stray_spaces_go() {
        let grid = read_csv(b"\n id , title \n\n ,  \nx ,\xc2\xa0A\xc2\xa0\n").unwrap();
        assert_eq!(texts(&grid), [vec!["id", "title"], vec!["x", "A"]]);
        assert_eq!(grid.rows[1].line, 5);
    }

    #[test]
    fn a_workbook_is_not_read_as_csv() {
        let err = read_csv(b"PK\x03\x04rest").unwrap_err();
        assert!(err.to_string().contains("xlsx"));
    }
}
#[cfg(test)]
mod lines {
    #[test]
    fn row_numbers_count_blank_lines_crlf_and_quoted_breaks() {
        let grid = super::read_csv(b"a,b\r\n\r\n\"x\r\ny\",1\r\nz,2").unwrap();
        let lines: Vec<usize> = grid.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 3, 5]);
    }
}
