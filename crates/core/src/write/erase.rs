//! Erasing a person on request: the contact goes, links to it are removed
//! from agreements and programmes, and the before/after documents of the
//! contact's change-log entries are replaced by `{"erased": true}`.
//!
//! The change log is append-only in every other respect: the entries stay
//! (who changed the contact, when, and that an admin deleted it), only their
//! contents go. The records that linked to the contact keep, in their own
//! history, the contact's id (a slug, often made from the name): ids are
//! references, not the person's details.

use kizuna_domain::{Agreement, Collection, Contact, Entity, Programme, Slug, User};
use serde::Serialize;

use super::{WriteError, Writer, actor, scope};
use crate::{Change, Expect, Registry};

/// What an erasure did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// The changes an erasure makes, gathered before one all-or-nothing write.
#[derive(Default)]
struct Unlinks {
    changes: Vec<Change>,
    removed: Vec<String>,
}

impl Writer {
    /// Erases contact `id` and the details in its history (admins only).
    pub async fn erase_contact(&self, user: &User, id: &str) -> Result<Erasure, WriteError> {
        scope::require_admin(user, "erase a person's data")?;
        let store = self.registry.store();
        let contact = self.registry.get::<Contact>(id).await?;
        let history = store.history(Collection::Contacts.into(), id).await?;
        if contact.is_none() && history.is_empty() {
            return Err(WriteError::NotFound(format!(
                "contacts/{id} does not exist"
            )));
        }
        let mut unlinks = Unlinks::default();
        if let Some(contact) = &contact {
            let slug = contact.record.id.clone();
            let snapshot = self.snapshot();
            let agreements = snapshot.agreements.iter();
            let agreements = agreements.filter(|a| a.contacts.contains(&slug));
            let programmes = snapshot.programmes.iter();
            let programmes = programmes.filter(|p| p.contacts.contains(&slug));
            let drop = |list: &mut Vec<Slug>| list.retain(|c| c != &slug);
            let ids = agreements.map(|a| a.id.clone()).collect();
            self.unlink::<Agreement>(ids, |a| drop(&mut a.contacts), &mut unlinks)
                .await?;
            let ids = programmes.map(|p| p.id.clone()).collect();
            self.unlink::<Programme>(ids, |p| drop(&mut p.contacts), &mut unlinks)
                .await?;
            unlinks.changes.push(Change::Delete {
                collection: Collection::Contacts.into(),
                id: id.to_owned(),
                expect: Expect::Revision(contact.revision),
            });
            store.apply(unlinks.changes, actor(user)).await?;
        }
        let redacted = store
            .redact_history(Collection::Contacts.into(), id)
            .await?;
        Ok(Erasure {
            id: id.to_owned(),
            deleted: contact.is_some(),
            references_removed: unlinks.removed,
            history_entries_redacted: redacted,
        })
    }

    /// Removes the contact from the records `ids` as stored now, expecting
    /// them unchanged until the erasure writes.
    async fn unlink<E: Entity>(
        &self,
        ids: Vec<Slug>,
        edit: impl Fn(&mut E),
        unlinks: &mut Unlinks,
    ) -> Result<(), WriteError> {
        for id in ids {
            if let Some(mut found) = self.registry.get::<E>(id.as_str()).await? {
                edit(&mut found.record);
                let change = Registry::put(&found.record, Expect::Revision(found.revision));
                unlinks.changes.push(change);
                unlinks.removed.push(format!("{}/{id}", E::COLLECTION));
            }
        }
        Ok(())
    }
}
