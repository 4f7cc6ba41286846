//! Putting back an earlier version of a record from its change log.

use kizuna_domain::{Action, Entity, User};

use super::{WriteError, Writer, keep_managed_fields, scope};
use crate::{Expect, Versioned};

impl Writer {
    /// Puts back the version a record had at revision `to_revision` (admins
    /// only; itself audited, and checked against today's rules and references).
    ///
    /// `expected` is the record's current revision or, for a deleted record, the
    /// revision of its deletion (the last entry of its history).
    pub async fn restore<E: Entity>(
        &self,
        user: &User,
        id: &str,
        to_revision: i64,
        expected: i64,
    ) -> Result<Versioned<E>, WriteError> {
        scope::require_admin(user, "restore records")?;
        let collection = E::COLLECTION;
        let history = self.registry.store().history(collection.into(), id).await?;
        let entry = history
            .iter()
            .find(|e| e.revision == to_revision)
            .ok_or_else(|| {
                WriteError::NotFound(format!("{collection}/{id} has no change {to_revision}"))
            })?;
        let doc = entry.after.clone().ok_or_else(|| {
            WriteError::Conflict(format!(
                "change {to_revision} deleted {collection}/{id}; restore an earlier one"
            ))
        })?;
        if doc == crate::erased_marker() {
            return Err(WriteError::Conflict(format!(
                "{collection}/{id} was erased; its earlier versions are gone"
            )));
        }
        let record: E = serde_json::from_value(doc).map_err(|e| {
            WriteError::Conflict(format!(
                "change {to_revision} of {collection}/{id} no longer fits the record's shape: {e}"
            ))
        })?;
        let current = self.registry.get::<E>(id).await?;
        let expect = match &current {
            Some(_) => Expect::Revision(expected),
            None => {
                let deleted_at = history.last().map(|e| e.revision).unwrap_or_default();
                if expected != deleted_at {
                    return Err(WriteError::StaleDeletion {
                        collection: collection.to_string(),
                        id: id.to_owned(),
                        expected,
                        deleted_at,
                    });
                }
                Expect::Absent
            }
        };
        let current = current.map(|c| c.record);
        let record = keep_managed_fields(record, current.as_ref())?;
        self.write(user, record, expect, Action::Restore, current.as_ref())
            .await
    }
}
