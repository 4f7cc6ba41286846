//! The home institution's factsheet for incoming students: one document,
//! written like a central record (admins), validated whole, versioned and
//! audited through the change log like every record.

use kizuna_domain::factsheet::FACTSHEET_ID;
use kizuna_domain::{Action, Factsheet, RecordSet, User};

use super::{WriteError, Writer, actor, scope};
use crate::{Expect, Registry, Versioned};

impl Writer {
    /// Saves the factsheet. `expected` is the revision the writer saw (`None`:
    /// there was none yet); a newer one is [`WriteError::Stale`], and a factsheet
    /// written meanwhile where none was is [`WriteError::AlreadyExists`].
    /// Only those who may change central records (admins) may save it.
    pub async fn save_factsheet(
        &self,
        user: &User,
        factsheet: Factsheet,
        expected: Option<i64>,
    ) -> Result<Versioned<Factsheet>, WriteError> {
        let action = if expected.is_some() {
            Action::Update
        } else {
            Action::Create
        };
        // The factsheet speaks for the whole institution: a central record.
        scope::require(user, self.snapshot(), action, None)?;
        factsheet.validate().map_err(WriteError::Invalid)?;
        let expect = match expected {
            Some(revision) => Expect::Revision(revision),
            None => Expect::Absent,
        };
        self.registry
            .store()
            .apply(
                vec![Registry::put_factsheet(&factsheet, expect)],
                actor(user),
            )
            .await?;
        self.registry.factsheet().await?.ok_or_else(|| {
            WriteError::NotFound(format!(
                "{}/{FACTSHEET_ID} does not exist",
                RecordSet::Factsheet
            ))
        })
    }
}
