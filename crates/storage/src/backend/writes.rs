//! Record writes: [`crate::Store::apply_stream`] and the step loop behind
//! it, which switches a connection to bulk-write settings for large
//! imports.

/// The record writes of [`crate::Store`] (`apply_stream`), and the inherent
/// `apply_steps` it runs.
///
/// Hands them on to [`super::store_methods`], which implements the trait
/// with every module's methods at once.
macro_rules! methods {
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*] $($groups:ident)*) => {
        impl $store {
            /// Applies the steps of [`crate::Store::apply_stream`] in `tx` until
            /// [`crate::WriteStep::Commit`]; `bulk` tells whether it switched the
            /// connection to bulk-write settings (a step of [`crate::batch::CHUNK`]
            /// changes or more), which the caller switches back.
            async fn apply_steps(
                &self,
                tx: &mut sqlx::Transaction<'static, $db>,
                steps: &mut tokio::sync::mpsc::Receiver<$crate::WriteStep>,
                actor: &str,
                now: &str,
                bulk: &mut bool,
            ) -> Result<$crate::WriteReport, $crate::StoreError> {
                use $crate::batch::{Batch, CHUNK};
                let mut report = $crate::WriteReport::default();
                loop {
                    let changes = match steps.recv().await {
                        Some($crate::WriteStep::Changes(changes)) => changes,
                        Some($crate::WriteStep::Commit) => return Ok(report),
                        // Dropping the transaction rolls every step back.
                        None => return Err($crate::StoreError::Abandoned),
                    };
                    if !*bulk && changes.len() >= CHUNK {
                        Self::bulk_write(tx, true).await.db()?;
                        *bulk = true;
                    }
                    let mut batch = Batch::new(&changes);
                    for (collection, ids) in batch.keys() {
                        for chunk in ids.chunks(CHUNK) {
                            for (id, stored) in Self::current(tx, collection, chunk).await.db()? {
                                batch.found(collection, &id, stored);
                            }
                        }
                    }
                    loop {
                        let done = batch.decide()?;
                        let rows = batch.unwritten();
                        if !rows.is_empty() {
                            let revisions =
                                Self::insert_changes(tx, rows, actor, now).await.db()?;
                            batch.written(revisions)?;
                        }
                        if done {
                            break;
                        }
                    }
                    let outcome = batch.finish();
                    for (collection, id) in outcome.deletes {
                        sqlx::query($sql::DELETE)
                            .bind(collection)
                            .bind(id)
                            .execute(&mut **tx)
                            .await
                            .db()?;
                    }
                    for chunk in outcome.upserts.chunks(CHUNK) {
                        Self::upsert_records(tx, chunk, now).await.db()?;
                    }
                    report.absorb(outcome.report);
                }
            }
        }
        $crate::backend::store_methods! {
            ($store, $db, $sql, $name)
            [
            $($methods)*

            async fn apply_stream(
                &self,
                mut steps: tokio::sync::mpsc::Receiver<$crate::WriteStep>,
                actor: &str,
            ) -> Result<$crate::WriteReport, $crate::StoreError> {
                use $crate::batch::CHUNK;
                self.before_apply(CHUNK).await;
                let mut tx = self.begin_write().await.db()?;
                let now = $crate::backend::now_text();
                let mut bulk = false;
                let written = self
                    .apply_steps(&mut tx, &mut steps, actor, &now, &mut bulk)
                    .await;
                // A bulk write's settings end with it, whether it commits or not:
                // the connection goes back to the pool either way.
                if bulk {
                    Self::bulk_write(&mut tx, false).await.db()?;
                }
                let report = written?;
                self.commit(tx).await.db()?;
                Ok(report)
            }
            ]
            $($groups)*
        }
    };
}

pub(crate) use methods;
