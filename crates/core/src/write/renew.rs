//! Renewing an agreement: its successor is a new agreement that names it.

use kizuna_domain::{Agreement, User};

use super::{WriteError, Writer};
use crate::Versioned;

impl Writer {
    /// Creates the successor of agreement `id`: `successor.renews` is set to
    /// `id` (which must exist), and the successor is checked like any new
    /// record; renewing ends the predecessor, so it needs permission to
    /// change the predecessor too.
    pub async fn renew(
        &self,
        user: &User,
        id: &str,
        mut successor: Agreement,
    ) -> Result<Versioned<Agreement>, WriteError> {
        let predecessor = self.stored::<Agreement>(id).await?;
        successor.renews = Some(predecessor.record.id);
        self.create(user, successor).await
    }
}
