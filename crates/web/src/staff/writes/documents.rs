//! Files attached to agreements. The bytes live in storage's document table;
//! the agreement's `documents` list names them, and adding or removing an
//! entry is an audited update of the agreement like any other.

use chrono::Utc;
use kizuna_core::{Expect, StoredDocument, Versioned};
use kizuna_domain::{Action, Agreement, DocumentRef};

use super::{Staff, home_of, stored, write};
use crate::{AppError, AppState};

/// A file to attach: its name, MIME type and bytes.
#[derive(Debug, Clone)]
pub struct NewFile {
    /// File name as uploaded (without folders).
    pub name: String,
    /// MIME type.
    pub content_type: String,
    /// The bytes.
    pub data: Vec<u8>,
}

/// Refuses unless `expected` (when given) is the agreement's current revision.
fn check_version(current: &Versioned<Agreement>, expected: Option<i64>) -> Result<(), AppError> {
    match expected {
        Some(e) if e != current.revision => Err(AppError::PreconditionFailed(format!(
            "agreements/{} was changed by someone else since you loaded it; reload it and try again",
            current.record.id
        ))),
        _ => Ok(()),
    }
}

/// Stores `file` and lists it on agreement `id` (staff who may update the
/// agreement; `expected`, when given, must be its current revision).
pub async fn attach_document(
    state: &AppState,
    staff: &Staff,
    id: &str,
    file: NewFile,
    expected: Option<i64>,
) -> Result<(DocumentRef, Versioned<Agreement>), AppError> {
    let current = stored::<Agreement>(state, id).await?;
    check_version(&current, expected)?;
    let snapshot = state.snapshot().await;
    staff.require(
        &snapshot,
        Action::Update,
        home_of(&snapshot, &current.record).as_ref(),
    )?;
    if file.data.is_empty() {
        return Err(AppError::BadRequest("the file is empty".to_owned()));
    }
    let reference = DocumentRef {
        id: kizuna_core::new_document_id(),
        name: file.name,
        content_type: file.content_type,
        size: file.data.len() as u64,
    };
    let store = state.registry().store();
    store
        .put_document(&StoredDocument {
            id: reference.id.clone(),
            agreement_id: id.to_owned(),
            name: reference.name.clone(),
            content_type: reference.content_type.clone(),
            size: file.data.len() as i64,
            data: file.data,
            uploaded_by: super::actor(staff).to_owned(),
            uploaded_at: Utc::now(),
        })
        .await?;
    let mut record = current.record.clone();
    record.documents.push(reference.clone());
    let expect = Expect::Revision(current.revision);
    match write(
        state,
        staff,
        record,
        expect,
        Action::Update,
        Some(&current.record),
    )
    .await
    {
        Ok(saved) => Ok((reference, saved)),
        Err(e) => {
            if let Err(cleanup) = store.delete_document(&reference.id).await {
                tracing::warn!(error = %cleanup, "could not remove an unlisted document");
            }
            Err(e)
        }
    }
}

/// Removes document `doc` from agreement `id` and deletes its bytes.
pub async fn detach_document(
    state: &AppState,
    staff: &Staff,
    id: &str,
    doc: &str,
    expected: Option<i64>,
) -> Result<Versioned<Agreement>, AppError> {
    let current = stored::<Agreement>(state, id).await?;
    if !current.record.documents.iter().any(|d| d.id == doc) {
        return Err(AppError::NotFound(format!(
            "agreements/{id} has no document {doc}"
        )));
    }
    check_version(&current, expected)?;
    let mut record = current.record.clone();
    record.documents.retain(|d| d.id != doc);
    let expect = Expect::Revision(current.revision);
    let saved = write(
        state,
        staff,
        record,
        expect,
        Action::Update,
        Some(&current.record),
    )
    .await?;
    state.registry().store().delete_document(doc).await?;
    Ok(saved)
}
