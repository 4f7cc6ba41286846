//! Which field each column holds: the record's field names, in any case or
//! spacing, the usual English and Swedish headers, or a mapping file.

use std::collections::BTreeMap;

use kizuna_domain::Collection;
use serde::Deserialize;

use super::SheetError;
use super::table::{Cell, Grid};
use crate::Message;

use super::names::{SHARED_ALIASES, aliases, key_fields};
pub use super::names::{fields, fields_static};

/// A header as a key: lower case, Latin diacritics folded, every run of
/// other characters one `_` (`  Giltig från ` → `giltig_fran`).
pub fn normalise(header: &str) -> String {
    let folded = kizuna_domain::Slug::from_name(header)
        .map(|s| s.as_str().replace('-', "_"))
        .unwrap_or_default();
    if folded.is_empty() {
        header.trim().to_lowercase()
    } else {
        folded
    }
}

/// A mapping file: which sheet to read, what columns mean, and values for
/// the fields a new record takes when its row leaves them out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The workbook's sheet to read (default: the first that holds data).
    #[serde(default)]
    pub sheet: Option<String>,
    /// Header as written → field name; an empty field name ignores the column.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// Field → value for new records whose row leaves the field empty.
    #[serde(default)]
    pub defaults: BTreeMap<String, String>,
}

impl Mapping {
    /// Reads a mapping file (TOML).
    pub fn from_toml(text: &str) -> Result<Mapping, SheetError> {
        toml::from_str(text).map_err(|e| {
            let detail = e.to_string();
            let args = [("detail", detail.as_str())];
            SheetError::Mapping(Message::coded("mapping-unreadable", &args, detail.clone()))
        })
    }

    fn check(&self, collection: Collection) -> Result<(), SheetError> {
        let known = fields(collection);
        let mapped = self.columns.values().filter(|f| !f.is_empty());
        for field in mapped.chain(self.defaults.keys()) {
            if !known.contains(&field.as_str()) {
                let columns = known.join(", ");
                let english =
                    format!("`{field}` is not a column of {collection}; they are: {columns}");
                let args = [
                    ("field", field.as_str()),
                    ("collection", collection.as_str()),
                    ("columns", columns.as_str()),
                ];
                return Err(SheetError::Mapping(Message::coded(
                    "mapping-unknown-column",
                    &args,
                    english,
                )));
            }
        }
        Ok(())
    }
}

/// One column of the sheet and the field it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header as written.
    pub header: String,
    /// The field, or `None` for a column that is ignored.
    pub field: Option<&'static str>,
}

/// The header row and what each column means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Its row number in the file.
    pub line: usize,
    /// The columns, left to right.
    pub columns: Vec<Column>,
}

impl Header {
    /// Headers of the columns that are ignored.
    pub fn ignored(&self) -> Vec<&str> {
        (self.columns.iter())
            .filter(|c| c.field.is_none() && !c.header.is_empty())
            .map(|c| c.header.as_str())
            .collect()
    }
}

/// What `header` means in `collection`, if anything.
fn field_of(collection: Collection, mapping: &Mapping, header: &str) -> Option<&'static str> {
    let key = normalise(header);
    let known = fields(collection);
    if let Some((_, field)) = (mapping.columns.iter()).find(|(h, _)| normalise(h) == key) {
        return known.iter().find(|f| **f == field).copied();
    }
    if let Some(f) = known.iter().find(|f| **f == key) {
        return Some(f);
    }
    (aliases(collection).iter().chain(SHARED_ALIASES))
        .find(|(alias, _)| *alias == key)
        .map(|(_, field)| *field)
        .filter(|f| known.contains(f))
}

fn recognised(collection: Collection, mapping: &Mapping, cells: &[Cell]) -> Vec<&'static str> {
    cells
        .iter()
        .filter_map(|c| field_of(collection, mapping, &c.as_text()))
        .collect()
}

/// How well a row's cells fit `collection` as its header: a field's own
/// name counts twice, a usual header once.
fn fit(collection: Collection, cells: &[Cell]) -> usize {
    let known = fields(collection);
    (cells.iter())
        .filter_map(|c| {
            let header = c.as_text();
            let field = field_of(collection, &Mapping::default(), &header)?;
            Some(
                if known.contains(&normalise(&header).as_str()) && normalise(&header) == field {
                    2
                } else {
                    1
                },
            )
        })
        .sum()
}

/// Rows looked at to find the header (a title or notes may come first).
const HEADER_SEARCH: usize = 10;

/// Finds the header row (the one among the first rows whose cells name the
/// most fields) and says what each column holds; refuses a sheet that names
/// none of `collection`'s key fields or is plainly of another collection.
pub fn find_header(
    grid: &Grid,
    collection: Collection,
    mapping: &Mapping,
) -> Result<Header, SheetError> {
    mapping.check(collection)?;
    let candidates = grid.rows.iter().take(HEADER_SEARCH);
    let best = candidates
        .enumerate()
        .map(|(i, row)| (recognised(collection, mapping, &row.cells).len(), i))
        .max_by_key(|(n, i)| (*n, std::cmp::Reverse(*i)));
    let Some((_, at)) = best.filter(|(n, _)| *n > 0) else {
        return Err(wrong_or_unknown(grid, collection, mapping));
    };
    let row = &grid.rows[at];
    let found = recognised(collection, mapping, &row.cells);
    let has_key = key_fields(collection).iter().any(|k| found.contains(k));
    let fits = fit(collection, &row.cells);
    let other = Collection::ALL
        .iter()
        .filter(|c| **c != collection)
        .map(|c| (fit(*c, &row.cells), *c))
        .max();
    if let Some((n, other)) = other
        && (n >= fits + 3 || (!has_key && n > fits))
    {
        return Err(SheetError::WrongCollection {
            wanted: collection,
            looks_like: other,
        });
    }
    let mut columns: Vec<Column> = Vec::new();
    for cell in &row.cells {
        let header = cell.as_text();
        let field = field_of(collection, mapping, &header);
        if let Some(f) = field
            && let Some(earlier) = columns.iter().find(|c| c.field == Some(f))
        {
            let english = format!(
                "the columns `{}` and `{header}` both mean `{f}`; remove one or map one to \"\" in a mapping file",
                earlier.header
            );
            let args = [
                ("first", earlier.header.as_str()),
                ("second", header.as_str()),
                ("field", f),
            ];
            return Err(SheetError::Header(Message::coded(
                "columns-mean-the-same",
                &args,
                english,
            )));
        }
        columns.push(Column { header, field });
    }
    if !has_key {
        let keys = key_fields(collection);
        let headers = (columns.iter().map(|c| c.header.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let english = format!(
            "no column holds {}; the columns are: {headers}",
            keys.join(" or ")
        );
        let args = [("keys", keys.join(", ")), ("columns", headers)];
        let args: Vec<(&'static str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        return Err(SheetError::Header(Message::coded(
            "no-key-column",
            &args,
            english,
        )));
    }
    Ok(Header {
        line: row.line,
        columns,
    })
}

fn wrong_or_unknown(grid: &Grid, collection: Collection, mapping: &Mapping) -> SheetError {
    let first = grid.rows.first();
    let other = first.and_then(|row| {
        (Collection::ALL.iter())
            .map(|c| (recognised(*c, &Mapping::default(), &row.cells).len(), *c))
            .filter(|(n, _)| *n >= 2)
            .max()
    });
    match other {
        Some((_, looks_like)) => SheetError::WrongCollection {
            wanted: collection,
            looks_like,
        },
        None if grid.rows.is_empty() => SheetError::NoRows,
        None => {
            let _ = mapping;
            let columns = fields(collection).join(", ");
            let english = format!(
                "no row of the first {HEADER_SEARCH} names a column of {collection}; its columns are: {columns}"
            );
            let rows = HEADER_SEARCH.to_string();
            let args = [
                ("rows", rows.as_str()),
                ("collection", collection.as_str()),
                ("columns", columns.as_str()),
            ];
            SheetError::Header(Message::coded("no-header-row", &args, english))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        let mut g = Grid::default();
        for (i, r) in rows.iter().enumerate() {
            g.push(i + 1, r.iter().map(|t| Cell::text(t)).collect());
        }
        g
    }

    #[test]
    fn headers_in_any_case_spacing_or_language() {
        assert_eq!(normalise("  Giltig  från "), "giltig_fran");
        assert_eq!(normalise("Partner_Name"), "partner_name");
        let g = grid(&[
            &["Exchange agreements 2027"],
            &[
                "PARTNER",
                " Erasmus  code",
                "PIC",
                "Start date",
                "Giltig till",
                "Lärosäte ",
                "Titel",
                "Anna's notes",
            ],
        ]);
        let header = find_header(&g, Collection::Agreements, &Mapping::default()).unwrap();
        assert_eq!(header.line, 2);
        let fields: Vec<_> = header.columns.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            [
                Some("partner"),
                Some("partner_erasmus"),
                Some("partner_pic"),
                Some("valid_from"),
                Some("valid_until"),
                Some("partner_name"),
                Some("title"),
                None
            ]
        );
        assert_eq!(header.ignored(), ["Anna's notes"]);
    }

    #[test]
    fn a_mapping_file_names_columns_and_defaults() {
        let mapping = Mapping::from_toml(
            "[columns]\n\"Uni\" = \"partner_name\"\n\"Name\" = \"\"\n[defaults]\nkind = \"student_exchange\"\n",
        )
        .unwrap();
        let g = grid(&[&["Uni", "Name", "Agreement"]]);
        let header = find_header(&g, Collection::Agreements, &mapping).unwrap();
        let fields: Vec<_> = header.columns.iter().map(|c| c.field).collect();
        assert_eq!(fields, [Some("partner_name"), None, Some("title")]);
        let bad = Mapping::from_toml("[columns]\n\"Uni\" = \"university\"\n").unwrap();
        assert!(matches!(
            find_header(&g, Collection::Agreements, &bad),
            Err(SheetError::Mapping(_))
        ));
    }

    #[test]
    fn a_sheet_of_another_collection_is_refused() {
        let orgs = grid(&[fields(Collection::Organisations)]);
        let err = find_header(&orgs, Collection::Contacts, &Mapping::default()).unwrap_err();
        assert!(
            matches!(
                err,
                SheetError::WrongCollection {
                    looks_like: Collection::Organisations,
                    ..
                }
            ),
            "{err}"
        );
        let agreements = grid(&[fields(Collection::Agreements)]);
        let err =
            find_header(&agreements, Collection::Programmes, &Mapping::default()).unwrap_err();
        assert!(
            matches!(
                err,
                SheetError::WrongCollection {
                    looks_like: Collection::Agreements,
                    ..
                }
            ),
            "{err}"
        );
        for c in Collection::ALL {
            assert!(
                find_header(&grid(&[fields(*c)]), *c, &Mapping::default()).is_ok(),
                "{c}"
            );
        }
        let nonsense = grid(&[&["a", "b"], &["1", "2"]]);
        assert!(matches!(
            find_header(&nonsense, Collection::Agreements, &Mapping::default()),
            Err(SheetError::Header(_))
        ));
    }
}
