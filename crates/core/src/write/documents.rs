//! Files attached to agreements. The bytes live in the store's document
//! table; the agreement's `documents` list names them, and adding or removing
//! an entry is an audited update of the agreement like any other.

use chrono::Utc;
use kizuna_domain::{Action, Agreement, DocumentRef, User};

use super::{WriteError, Writer, actor, scope};
use crate::{Expect, StoredDocument, Versioned};

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
pub(super) fn check_version(
    current: &Versioned<Agreement>,
    expected: Option<i64>,
) -> Result<(), WriteError> {
    match expected {
        Some(e) if e != current.revision => Err(WriteError::Stale {
            collection: "agreements".to_owned(),
            id: current.record.id.to_string(),
            expected: e,
            actual: current.revision,
        }),
        _ => Ok(()),
    }
}

impl Writer {
    /// Stores `file` and lists it on agreement `id` (users who may update the
    /// agreement; `expected`, when given, must be its current revision).
    pub async fn attach_document(
        &self,
        user: &User,
        id: &str,
        file: NewFile,
        expected: Option<i64>,
    ) -> Result<(DocumentRef, Versioned<Agreement>), WriteError> {
        let current = self.stored::<Agreement>(id).await?;
        check_version(&current, expected)?;
        let homes = scope::home_units(self.snapshot(), &current.record);
        scope::require_all(user, self.snapshot(), Action::Update, &homes)?;
        if file.data.is_empty() {
            return Err(WriteError::BadInput("the file is empty".to_owned()));
        }
        let reference = DocumentRef {
            id: crate::new_document_id(),
            name: file.name,
            content_type: file.content_type,
            size: file.data.len() as u64,
        };
        let mut record = current.record.clone();
        record.documents.push(reference.clone());
        // The name and type are text like any other: checked before the
        // bytes are stored under them.
        super::problems(self.snapshot(), &mut record)
            .into_result()
            .map_err(WriteError::Invalid)?;
        let store = self.registry.store();
        store
            .put_document(&StoredDocument {
                id: reference.id.clone(),
                agreement_id: id.to_owned(),
                name: reference.name.clone(),
                content_type: reference.content_type.clone(),
                size: file.data.len() as i64,
                data: file.data,
                uploaded_by: actor(user).to_owned(),
                uploaded_at: Utc::now(),
            })
            .await?;
        let expect = Expect::Revision(current.revision);
        let stored = Some(&current.record);
        match self
            .write(user, record, expect, Action::Update, stored)
            .await
        {
            Ok(saved) => Ok((reference, saved)),
            Err(e) => {
                // The bytes went in first; unlisted, they would be unreachable.
                if let Err(cleanup) = store.delete_document(&reference.id).await {
                    tracing::warn!(error = %cleanup, "could not remove an unlisted document");
                }
                Err(e)
            }
        }
    }

    /// Removes document `doc` from agreement `id` and deletes its bytes.
    pub async fn detach_document(
        &self,
        user: &User,
        id: &str,
        doc: &str,
        expected: Option<i64>,
    ) -> Result<Versioned<Agreement>, WriteError> {
        let current = self.stored::<Agreement>(id).await?;
        if !current.record.documents.iter().any(|d| d.id == doc) {
            return Err(WriteError::NotFound(format!(
                "agreements/{id} has no document {doc}"
            )));
        }
        check_version(&current, expected)?;
        let mut record = current.record.clone();
        record.documents.retain(|d| d.id != doc);
        let expect = Expect::Revision(current.revision);
        let stored = Some(&current.record);
        let saved = self
            .write(user, record, expect, Action::Update, stored)
            .await?;
        self.registry.store().delete_document(doc).await?;
        Ok(saved)
    }
}
