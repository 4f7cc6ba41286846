//! Erasing a person on request: the contact goes, links to it are removed
//! from agreements and programmes, and the before/after documents of the
//! contact's change-log entries are replaced by `{"erased": true}`.
//!
//! The change log is append-only in every other respect: the entries stay
//! (who changed the contact, when, and that an admin deleted it), only their
//! contents go. The records that linked to the contact keep, in their own
//! history, the contact's id (a slug, often made from the name): ids are
//! references, not the person's details.

use kizuna_core::{Change, Expect, Registry};
use kizuna_domain::{Agreement, Collection, Contact, Entity, Programme, Slug};
use serde::Serialize;

use super::{Staff, actor, after_write, require_admin};
use crate::{AppError, AppState};

/// What an erasure did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Erasure {
    /// The contact erased.
    pub id: String,
    /// Whether the contact itself still existed (else only its history was scrubbed).
    pub deleted: bool,
    /// Records that linked to the contact and no longer do (`collection/id`).
    pub references_removed: Vec<String>,
    /// Change-log entries whose documents were replaced.
    pub history_entries_redacted: u64,
}

/// Removes `id` from the contact lists of the records that name it.
async fn unlink<E: Entity>(
    state: &AppState,
    ids: Vec<Slug>,
    edit: impl Fn(&mut E),
    changes: &mut Vec<Change>,
    removed: &mut Vec<String>,
) -> Result<(), AppError> {
    for id in ids {
        if let Some(mut found) = state.registry().get::<E>(id.as_str()).await? {
            edit(&mut found.record);
            changes.push(Registry::put(
                &found.record,
                Expect::Revision(found.revision),
            ));
            removed.push(format!("{}/{id}", E::COLLECTION));
        }
    }
    Ok(())
}

/// Erases contact `id` and the details in its history (admins only).
pub async fn erase_contact(state: &AppState, staff: &Staff, id: &str) -> Result<Erasure, AppError> {
    require_admin(staff, "erase a person's data")?;
    let store = state.registry().store();
    let contact = state.registry().get::<Contact>(id).await?;
    let history = store.history(Collection::Contacts.into(), id).await?;
    if contact.is_none() && history.is_empty() {
        return Err(AppError::NotFound(format!("contacts/{id} does not exist")));
    }
    let mut changes = Vec::new();
    let mut removed = Vec::new();
    if let Some(contact) = &contact {
        let slug = contact.record.id.clone();
        let snapshot = state.snapshot().await;
        let agreements = snapshot
            .agreements
            .iter()
            .filter(|a| a.contacts.contains(&slug));
        let agreements = agreements.map(|a| a.id.clone()).collect();
        let programmes = snapshot
            .programmes
            .iter()
            .filter(|p| p.contacts.contains(&slug));
        let programmes = programmes.map(|p| p.id.clone()).collect();
        let drop = |list: &mut Vec<Slug>| list.retain(|c| c != &slug);
        unlink::<Agreement>(
            state,
            agreements,
            |a| drop(&mut a.contacts),
            &mut changes,
            &mut removed,
        )
        .await?;
        unlink::<Programme>(
            state,
            programmes,
            |p| drop(&mut p.contacts),
            &mut changes,
            &mut removed,
        )
        .await?;
        changes.push(Change::Delete {
            collection: Collection::Contacts.into(),
            id: id.to_owned(),
            expect: Expect::Revision(contact.revision),
        });
        store.apply(changes, actor(staff)).await?;
    }
    let redacted = store
        .redact_history(Collection::Contacts.into(), id)
        .await?;
    after_write(state).await;
    Ok(Erasure {
        id: id.to_owned(),
        deleted: contact.is_some(),
        references_removed: removed,
        history_entries_redacted: redacted,
    })
}
