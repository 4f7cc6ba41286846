//! Spreadsheets in and out: CSV and Excel (.xlsx) sheets of any collection.
//!
//! Columns are the record's field names (see [`columns::fields`]); lists are
//! joined with `; `; an agreement names its partner by `partner` (id) or by
//! `partner_name` + `partner_country` and any of `partner_ror`,
//! `partner_erasmus`, `partner_pic`, `partner_schac`; its mobility
//! conditions flatten to seven columns ([`conditions`]). An export imports
//! back as all `unchanged`.
//!
//! Reading copes with what real sheets hold ([`decode`], [`read_csv`],
//! [`read_xlsx`], [`values`]): any common encoding, `,` `;` or tab
//! delimiters, header names in any case or spacing and the usual English and
//! Swedish headers or a mapping file ([`columns`]), dates in every usual
//! shape, merged cells, PICs stored as floats, Erasmus codes with odd spaces,
//! stray spaces and empty rows. An import is planned first ([`plan()`]: every
//! row's outcome, nothing written) and applied as one change set through the
//! core's write path ([`apply`]), all or nothing.

pub mod columns;
mod common_columns;
mod conditions;
mod context;
pub mod decode;
mod finish;
pub mod flatten;
mod index;
mod names;
mod organisation_columns;
mod outcome;
mod partners;
pub mod plan;
pub mod read_csv;
pub mod read_xlsx;
mod records;
pub mod row;
pub mod select;
pub mod table;
pub mod values;
pub mod write;

use kizuna_core::write::ChangeSet;
use kizuna_core::{Snapshot, WriteError, Writer};
use kizuna_domain::{Collection, User};

use crate::Message;

pub use columns::Mapping;
pub use flatten::Sheet;
pub use plan::{Counts, Outcome, Plan, RowReport, plan};
pub use row::CellError;
pub use select::{Filters, select};
pub use table::{Cell, Grid};
pub use write::{write_csv, write_xlsx};

/// Why a file cannot be imported at all (problems of single rows are in the
/// plan). The English is what the CLI prints; the coded [`Message`]s let an
/// edge word the reason in its reader's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    /// The file is not a sheet this reads.
    #[error("{0}")]
    NotASheet(Message),
    /// No row under the header holds anything.
    #[error("the sheet has no rows with data under its header")]
    NoRows,
    /// The columns are those of another collection.
    #[error("this sheet holds {looks_like}, not {wanted}: import it with that collection")]
    WrongCollection {
        /// The collection asked for.
        wanted: Collection,
        /// The one its columns match.
        looks_like: Collection,
    },
    /// The header row cannot be read.
    #[error("{0}")]
    Header(Message),
    /// The mapping file is wrong.
    #[error("the mapping file is wrong: {0}")]
    Mapping(Message),
}

/// The two kinds of sheet file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-, semicolon- or tab-separated text.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl Format {
    /// The format of a file by its first bytes (a workbook is a zip archive)
    /// and, failing that, its name.
    pub fn of(bytes: &[u8], file_name: &str) -> Format {
        let lower = file_name.to_ascii_lowercase();
        if bytes.starts_with(b"PK\x03\x04") || lower.ends_with(".xlsx") {
            Format::Xlsx
        } else {
            Format::Csv
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// The media type.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// Reads a sheet file into rows of cells.
pub fn read(bytes: &[u8], format: Format, mapping: &Mapping) -> Result<Grid, SheetError> {
    let grid = match format {
        Format::Csv => read_csv::read_csv(bytes)?,
        Format::Xlsx => read_xlsx::read_xlsx(bytes, mapping.sheet.as_deref())?,
    };
    if grid.rows.is_empty() {
        return Err(SheetError::NoRows);
    }
    Ok(grid)
}

/// Reads and plans an import in one step.
pub fn read_plan(
    bytes: &[u8],
    format: Format,
    collection: Collection,
    mapping: &Mapping,
    snapshot: &Snapshot,
    user: Option<&User>,
) -> Result<Plan, SheetError> {
    let grid = read(bytes, format, mapping)?;
    plan(&grid, collection, mapping, snapshot, user)
}

/// Writes a plan without errors as one change set through `writer` (whose
/// snapshot the plan was made from): all or nothing, audited as one set
/// that [`Writer::revert_change_set`] undoes. A plan with error rows is refused.
pub async fn apply(
    writer: &Writer,
    plan: &Plan,
    user: Option<&User>,
    actor: &str,
) -> Result<ChangeSet, WriteError> {
    if plan.has_errors() {
        return Err(WriteError::BadInput(
            "the sheet has rows with errors; nothing was imported".into(),
        ));
    }
    let mut data = plan.changes.clone();
    writer.write_change_set(user, actor, &mut data).await
}

/// The sheet of a collection's records, in export order.
pub fn export(
    snapshot: &Snapshot,
    collection: Collection,
    status: impl Fn(&kizuna_domain::Agreement) -> kizuna_domain::AgreementStatus,
) -> Sheet {
    match collection {
        Collection::Organisations => {
            let records: Vec<_> = snapshot.organisations.values().map(|o| &**o).collect();
            flatten::organisations(&records)
        }
        Collection::Agreements => {
            let records: Vec<_> = snapshot.agreements.iter().collect();
            flatten::agreements(snapshot, &records, status)
        }
        Collection::Programmes => {
            flatten::programmes(&snapshot.programmes.iter().collect::<Vec<_>>())
        }
        Collection::Funding => flatten::funding(&snapshot.funding.iter().collect::<Vec<_>>()),
        Collection::Contacts => flatten::contacts(&snapshot.contacts.iter().collect::<Vec<_>>()),
    }
}
