//! Which field each column holds: the record's field names, in any case or
//! spacing, the usual English and Swedish headers, or a mapping file.

use std::collections::BTreeMap;

use kizuna_domain::Collection;
use serde::Deserialize;

use super::SheetError;
use super::table::{Cell, Grid};

/// The columns of each collection, in the order exports write them.
pub fn fields(collection: Collection) -> &'static [&'static str] {
    match collection {
        Collection::Organisations => &[
            "id",
            "name",
            "kind",
            "names",
            "country",
            "city",
            "lat",
            "lng",
            "parent",
            "members",
            "website",
            "ror",
            "erasmus",
            "schac",
            "pic",
            "wikidata",
            "isni",
            "grid",
            "established",
            "notes",
            "internal_notes",
            "visibility",
        ],
        Collection::Agreements => &[
            "id",
            "title",
            "kind",
            "level",
            "partner",
            "partner_name",
            "partner_country",
            "partner_ror",
            "partner_erasmus",
            "partner_pic",
            "partner_schac",
            "home_unit",
            "signed",
            "signed_on",
            "valid_from",
            "valid_until",
            "terminated_on",
            "status",
            "renews",
            "education_levels",
            "study_programmes",
            "subject_areas",
            "research_fields",
            "places_out",
            "places_in",
            "months_out",
            "months_in",
            "eqf_levels",
            "languages",
            "academic_years",
            "contacts",
            "notes",
            "internal_notes",
            "visibility",
        ],
        Collection::Programmes => &[
            "id",
            "title",
            "kind",
            "description",
            "partners",
            "units",
            "education_levels",
            "recurrence",
            "locations",
            "agreement",
            "contacts",
            "internal_notes",
            "visibility",
        ],
        Collection::Funding => &[
            "id",
            "title",
            "kind",
            "funder",
            "career_stages",
            "destination_countries",
            "eligibility",
            "deadlines",
            "amount",
            "url",
            "programme",
            "agreement",
            "visibility",
        ],
        Collection::Contacts => &[
            "id",
            "name",
            "role",
            "organisation",
            "unit",
            "email",
            "phone",
            "details_visibility",
            "countries",
            "agreements",
            "programmes",
            "visibility",
        ],
    }
}

/// The column name `name` as a static string, if any collection has it.
pub fn fields_static(name: &str) -> Option<&'static str> {
    (Collection::ALL.iter())
        .flat_map(|c| fields(*c).iter())
        .find(|f| **f == name)
        .copied()
}

/// Columns an export writes for reading only (derived, never stored).
pub const READ_ONLY: &[&str] = &["status"];

/// The columns of which a sheet of `collection` needs at least one.
fn key_fields(collection: Collection) -> &'static [&'static str] {
    match collection {
        Collection::Organisations => &["id", "name", "names"],
        Collection::Agreements => &["id", "title"],
        Collection::Programmes | Collection::Funding => &["id", "title"],
        Collection::Contacts => &["id", "name"],
    }
}

/// Headers people write, already [`normalise`]d, and the field each means.
fn aliases(collection: Collection) -> &'static [(&'static str, &'static str)] {
    match collection {
        Collection::Organisations => &[
            ("institution", "name"),
            ("partner", "name"),
            ("partner_name", "name"),
            ("organisation", "name"),
            ("organization", "name"),
            ("university", "name"),
            ("larosate", "name"),
            ("universitet", "name"),
            ("namn", "name"),
            ("organisation_name", "name"),
            ("type", "kind"),
            ("typ", "kind"),
            ("land", "country"),
            ("country_code", "country"),
            ("landskod", "country"),
            ("stad", "city"),
            ("ort", "city"),
            ("town", "city"),
            ("latitude", "lat"),
            ("longitude", "lng"),
            ("lon", "lng"),
            ("web", "website"),
            ("url", "website"),
            ("homepage", "website"),
            ("webbplats", "website"),
            ("hemsida", "website"),
            ("ror_id", "ror"),
            ("erasmus_code", "erasmus"),
            ("erasmuskod", "erasmus"),
            ("erasmus_id", "erasmus"),
            ("pic_number", "pic"),
            ("pic_code", "pic"),
            ("picnummer", "pic"),
            ("hei_id", "schac"),
            ("schac_code", "schac"),
            ("identifiers_ror", "ror"),
            ("identifiers_erasmus", "erasmus"),
            ("identifiers_schac", "schac"),
            ("identifiers_pic", "pic"),
            ("identifiers_wikidata", "wikidata"),
            ("identifiers_isni", "isni"),
            ("identifiers_grid", "grid"),
            ("founded", "established"),
            ("grundat", "established"),
            ("location_lat", "lat"),
            ("location_lng", "lng"),
            ("parent_id", "parent"),
        ],
        Collection::Agreements => &[
            ("partner_id", "partner"),
            ("institution", "partner_name"),
            ("partner_institution", "partner_name"),
            ("partner_university", "partner_name"),
            ("larosate", "partner_name"),
            ("partnerlarosate", "partner_name"),
            ("university", "partner_name"),
            ("universitet", "partner_name"),
            ("organisation", "partner_name"),
            ("organization", "partner_name"),
            ("partner_organisation", "partner_name"),
            ("country", "partner_country"),
            ("land", "partner_country"),
            ("country_code", "partner_country"),
            ("partner_land", "partner_country"),
            ("landskod", "partner_country"),
            ("ror", "partner_ror"),
            ("ror_id", "partner_ror"),
            ("erasmus", "partner_erasmus"),
            ("erasmus_code", "partner_erasmus"),
            ("erasmuskod", "partner_erasmus"),
            ("erasmus_id", "partner_erasmus"),
            ("pic", "partner_pic"),
            ("pic_number", "partner_pic"),
            ("picnummer", "partner_pic"),
            ("schac", "partner_schac"),
            ("hei_id", "partner_schac"),
            ("agreement", "title"),
            ("agreement_title", "title"),
            ("name", "title"),
            ("titel", "title"),
            ("avtal", "title"),
            ("benamning", "title"),
            ("type", "kind"),
            ("agreement_type", "kind"),
            ("typ", "kind"),
            ("avtalstyp", "kind"),
            ("niva", "level"),
            ("start_date", "valid_from"),
            ("start", "valid_from"),
            ("from", "valid_from"),
            ("valid_to", "valid_until"),
            ("giltig_fran", "valid_from"),
            ("giltigt_fran", "valid_from"),
            ("fran", "valid_from"),
            ("startdatum", "valid_from"),
            ("effective_date", "valid_from"),
            ("end_date", "valid_until"),
            ("end", "valid_until"),
            ("to", "valid_until"),
            ("expiry", "valid_until"),
            ("expiry_date", "valid_until"),
            ("expires", "valid_until"),
            ("giltig_till", "valid_until"),
            ("giltigt_till", "valid_until"),
            ("till", "valid_until"),
            ("slutdatum", "valid_until"),
            ("signed_date", "signed_on"),
            ("date_signed", "signed_on"),
            ("signing_date", "signed_on"),
            ("undertecknat", "signed_on"),
            ("undertecknad", "signed_on"),
            ("datum_for_undertecknande", "signed_on"),
            ("terminated", "terminated_on"),
            ("uppsagt", "terminated_on"),
            ("home_department", "home_unit"),
            ("department", "home_unit"),
            ("unit", "home_unit"),
            ("enhet", "home_unit"),
            ("ansvarig_enhet", "home_unit"),
            ("education_level", "education_levels"),
            ("study_level", "education_levels"),
            ("utbildningsniva", "education_levels"),
            ("study_programme", "study_programmes"),
            ("utbildningsprogram", "study_programmes"),
            ("subject_area", "subject_areas"),
            ("isced", "subject_areas"),
            ("isced_code", "subject_areas"),
            ("isced_f", "subject_areas"),
            ("amnesomrade", "subject_areas"),
            ("research_field", "research_fields"),
            ("forskningsomrade", "research_fields"),
            ("outgoing_places", "places_out"),
            ("places_outgoing", "places_out"),
            ("platser_ut", "places_out"),
            ("incoming_places", "places_in"),
            ("places_incoming", "places_in"),
            ("platser_in", "places_in"),
            ("outgoing_months", "months_out"),
            ("manader_ut", "months_out"),
            ("incoming_months", "months_in"),
            ("manader_in", "months_in"),
            ("eqf", "eqf_levels"),
            ("eqf_level", "eqf_levels"),
            ("language", "languages"),
            ("language_requirements", "languages"),
            ("sprak", "languages"),
            ("sprakkrav", "languages"),
            ("academic_year", "academic_years"),
            ("lasar", "academic_years"),
            ("contact", "contacts"),
            ("kontakt", "contacts"),
            ("kontaktperson", "contacts"),
        ],
        Collection::Programmes => &[
            ("name", "title"),
            ("titel", "title"),
            ("namn", "title"),
            ("type", "kind"),
            ("typ", "kind"),
            ("partner", "partners"),
            ("beskrivning", "description"),
            ("education_level", "education_levels"),
            ("unit", "units"),
            ("location", "locations"),
            ("contact", "contacts"),
        ],
        Collection::Funding => &[
            ("name", "title"),
            ("titel", "title"),
            ("namn", "title"),
            ("type", "kind"),
            ("typ", "kind"),
            ("career_stage", "career_stages"),
            ("destination", "destination_countries"),
            ("countries", "destination_countries"),
            ("deadline", "deadlines"),
            ("sista_ansokningsdag", "deadlines"),
            ("belopp", "amount"),
            ("link", "url"),
            ("website", "url"),
        ],
        Collection::Contacts => &[
            ("namn", "name"),
            ("full_name", "name"),
            ("title", "role"),
            ("roll", "role"),
            ("e_mail", "email"),
            ("mail", "email"),
            ("e_post", "email"),
            ("epost", "email"),
            ("telephone", "phone"),
            ("telefon", "phone"),
            ("country", "countries"),
            ("land", "countries"),
            ("agreement", "agreements"),
            ("programme", "programmes"),
        ],
    }
}

/// Notes and comments mean the same in every collection that has notes.
const SHARED_ALIASES: &[(&str, &str)] = &[
    ("comments", "notes"),
    ("comment", "notes"),
    ("note", "notes"),
    ("remarks", "notes"),
    ("anteckningar", "notes"),
    ("kommentar", "notes"),
    ("kommentarer", "notes"),
    ("synlighet", "visibility"),
    ("internal_note", "internal_notes"),
    ("interna_anteckningar", "internal_notes"),
];

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
        toml::from_str(text).map_err(|e| SheetError::Mapping(e.to_string()))
    }

    fn check(&self, collection: Collection) -> Result<(), SheetError> {
        let known = fields(collection);
        let mapped = self.columns.values().filter(|f| !f.is_empty());
        for field in mapped.chain(self.defaults.keys()) {
            if !known.contains(&field.as_str()) {
                return Err(SheetError::Mapping(format!(
                    "`{field}` is not a column of {collection}; they are: {}",
                    known.join(", ")
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
            return Err(SheetError::Header(format!(
                "the columns `{}` and `{header}` both mean `{f}`; remove one or map one to \"\" in a mapping file",
                earlier.header
            )));
        }
        columns.push(Column { header, field });
    }
    if !has_key {
        return Err(SheetError::Header(format!(
            "no column holds {}; the columns are: {}",
            key_fields(collection).join(" or "),
            columns
                .iter()
                .map(|c| c.header.as_str())
                .collect::<Vec<_>>()
                .join(", ")
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
            SheetError::Header(format!(
                "no row of the first {HEADER_SEARCH} names a column of {collection}; its columns are: {}",
                fields(collection).join(", ")
            ))
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
