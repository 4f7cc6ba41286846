//! Column readers every collection shares: references to organisations
//! and records, web addresses and notes.

use kizuna_domain::{Collection, Slug};

use super::context::Context;
use super::row::{Empty, RowBuild, multiline};
use super::table::Cell;
use super::values::{one_line, split_list};
use crate::Message;

/// The organisations a cell names by id or exact name, `;`-separated.
pub(super) fn org_refs(ctx: &Context<'_>, cell: &Cell) -> Result<Vec<Slug>, Message> {
    split_list(cell, false)
        .iter()
        .map(|t| ctx.org_ref(t))
        .collect()
}

/// The records of `collection` a cell names, `;`-separated.
pub(super) fn record_refs(
    ctx: &Context<'_>,
    collection: Collection,
    cell: &Cell,
) -> Result<Vec<Slug>, Message> {
    (split_list(cell, false).iter())
        .map(|t| ctx.record_ref(collection, t))
        .collect()
}

/// The public notes and the staff's internal ones.
pub(super) fn notes(row: &mut RowBuild<'_>) {
    row.put(&["notes"], "notes", Empty::Clear, multiline);
    row.put(
        &["internal_notes"],
        "internal_notes",
        Empty::Clear,
        multiline,
    );
}

/// A web address; `www.example.org` gets its `https://`.
pub(super) fn url(cell: &Cell) -> Result<String, Message> {
    let text = one_line(&cell.as_text());
    if text.contains("://") || text.contains(' ') || !text.contains('.') {
        Ok(text)
    } else {
        Ok(format!("https://{text}"))
    }
}
