//! What the import page shows: the upload form, the preview of an upload
//! row by row, and what applying or reverting wrote.

use kizuna_domain::{Collection, Role};
use kizuna_interop::sheets::{self, Outcome, Plan};
use serde::Serialize;

use super::Resend;
use super::plan::digest;
use crate::http::auth::Staff;
use crate::staff::admin::problems::{import_problem_text, import_text};

/// What the import page shows: the form, a preview, or what was written.
#[derive(Debug, Default, Serialize)]
pub(super) struct ImportView {
    collections: Vec<&'static str>,
    collection: String,
    /// Why the file could not be read at all.
    pub(super) error: Option<String>,
    /// The preview of an upload.
    pub(super) preview: Option<PreviewView>,
    /// What applying did.
    pub(super) done: Option<DoneView>,
    /// The registry changed between preview and apply.
    pub(super) changed_meanwhile: bool,
    /// Whether the user may revert a change set.
    admin: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct PreviewView {
    file_name: String,
    counts: sheets::Counts,
    ignored: Vec<String>,
    rows: Vec<RowView>,
    /// The file and mapping to send back with "Apply" (absent when rows have errors).
    resend: Option<Resend>,
}

/// One row of the report, its problems and notes in the reader's language.
#[derive(Debug, Serialize)]
struct RowView {
    line: usize,
    id: Option<String>,
    /// `created`, `changed`, `unchanged` or `error`.
    outcome: &'static str,
    /// The fields a change touches (`changed`).
    fields: Vec<String>,
    /// The problems (`error`).
    errors: Vec<CellView>,
    notes: Vec<String>,
}

#[derive(Debug, Serialize)]
struct CellView {
    column: String,
    message: String,
}

fn row_view(row: &sheets::RowReport) -> RowView {
    let (outcome, fields, errors) = match &row.outcome {
        Outcome::Created => ("created", Vec::new(), Vec::new()),
        Outcome::Changed(fields) => ("changed", fields.clone(), Vec::new()),
        Outcome::Unchanged => ("unchanged", Vec::new(), Vec::new()),
        Outcome::Error(errors) => {
            let errors = (errors.iter())
                .map(|e| CellView {
                    column: e.column.clone(),
                    message: import_problem_text(e.problem.as_ref(), &e.message),
                })
                .collect();
            ("error", Vec::new(), errors)
        }
    };
    RowView {
        line: row.line,
        id: row.id.clone(),
        outcome,
        fields,
        errors,
        notes: row.notes.iter().map(import_text).collect(),
    }
}

/// What applying or reverting wrote.
#[derive(Debug, Serialize)]
pub(super) struct DoneView {
    pub(super) created: usize,
    pub(super) updated: usize,
    pub(super) first: Option<i64>,
    pub(super) last: Option<i64>,
    pub(super) reverted: bool,
}

/// The page with nothing uploaded yet, `collection` chosen.
pub(super) fn view(collection: &str, staff: &Staff) -> ImportView {
    ImportView {
        collections: Collection::ALL.iter().map(|c| c.as_str()).collect(),
        collection: collection.to_owned(),
        admin: staff.user.role == Role::Admin,
        ..ImportView::default()
    }
}

/// The preview of a planned upload; its "Apply" resends `upload` when there
/// is something to write and no row has errors.
pub(super) fn preview(plan: &Plan, upload: Resend) -> PreviewView {
    let counts = plan.counts();
    PreviewView {
        file_name: upload.file_name.clone(),
        counts,
        ignored: plan
            .header
            .ignored()
            .into_iter()
            .map(str::to_owned)
            .collect(),
        rows: plan.rows.iter().map(row_view).collect(),
        resend: (counts.errors == 0 && counts.created + counts.changed > 0).then(|| Resend {
            digest: digest(plan),
            ..upload
        }),
    }
}
