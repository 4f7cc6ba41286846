//! Backups at the store level, shared by both backends: a dump reads every
//! table in one read transaction and sends it item by item, a restore
//! empties the tables and writes a backup's items in one write transaction.
//! Each backend module supplies its statements (`WIPE`, `AFTER_RESTORE`, the
//! row inserts), how a read transaction starts (`begin_read`) and the batched
//! record and change-log inserts (`restore_records`, `restore_changes`), and
//! expands [`impl_backup`].

use tokio::sync::mpsc;

use crate::{
    BackupCounts, ChangeEntry, DumpItem, RestoreItem, RestoredRecord, StoreError, StoredDocument,
    TokenRecord, UserAccount,
};

/// Rows a dump reads a statement.
pub(crate) const PAGE: i64 = 1_000;

/// What a database holds that makes it not empty, as four counts.
pub(crate) const CONTENTS: &str = "SELECT (SELECT COUNT(*) FROM records), \
    (SELECT COUNT(*) FROM changes), (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM documents)";

/// Where a dump sends its items, counting them.
pub(crate) struct Sink {
    out: mpsc::Sender<DumpItem>,
    pub(crate) counts: BackupCounts,
}

impl Sink {
    pub(crate) fn new(out: mpsc::Sender<DumpItem>) -> Self {
        Sink {
            out,
            counts: BackupCounts::default(),
        }
    }

    /// Sends one item; a closed channel (the file could not be written) ends the dump.
    pub(crate) async fn send(&mut self, item: DumpItem) -> Result<(), StoreError> {
        self.counts.count(&item);
        self.out.send(item).await.map_err(|_| StoreError::Abandoned)
    }
}

/// A restore step's items sorted by table, in the order they are written
/// (tokens after the accounts they belong to).
#[derive(Default)]
pub(crate) struct Parts {
    pub(crate) settings: Vec<(String, String)>,
    pub(crate) users: Vec<UserAccount>,
    pub(crate) tokens: Vec<TokenRecord>,
    pub(crate) records: Vec<RestoredRecord>,
    pub(crate) changes: Vec<ChangeEntry>,
    pub(crate) documents: Vec<StoredDocument>,
}

impl Parts {
    /// Sorts `items`, counting them into `counts`.
    pub(crate) fn split(items: Vec<RestoreItem>, counts: &mut BackupCounts) -> Self {
        let mut parts = Parts::default();
        for item in items {
            counts.count(&item);
            match item {
                RestoreItem::Setting { key, value } => parts.settings.push((key, value)),
                RestoreItem::User(user) => parts.users.push(user),
                RestoreItem::Token(token) => parts.tokens.push(token),
                RestoreItem::Record(record) => parts.records.push(record),
                RestoreItem::Change(change) => parts.changes.push(change),
                RestoreItem::Document(document) => parts.documents.push(document),
            }
        }
        parts
    }
}

/// The refusal of a restore into a database that holds `contents`, if it does.
pub(crate) fn refuse_unless_empty(contents: (i64, i64, i64, i64)) -> Result<(), StoreError> {
    let (records, changes, users, documents) = contents;
    if records + changes + users + documents == 0 {
        return Ok(());
    }
    Err(StoreError::NotEmpty {
        records,
        changes,
        users,
        documents,
    })
}

/// Implements `dump_all` and `restore_all` (what [`crate::Store::dump_backup`]
/// and [`crate::Store::restore_backup`] do) for `$store`, whose statements are
/// in module `$sql`.
macro_rules! impl_backup {
    ($store:ty, $sql:ident) => {
        impl $store {
            /// See [`crate::Store::dump_backup`].
            pub(crate) async fn dump_all(
                &self,
                out: tokio::sync::mpsc::Sender<$crate::DumpItem>,
            ) -> Result<$crate::BackupCounts, $crate::StoreError> {
                use sqlx::Row;
                use $crate::BackupItem;
                use $crate::backup::PAGE;
                let mut sink = $crate::backup::Sink::new(out);
                let mut tx = self.begin_read().await?;
                for row in sqlx::query($sql::SETTINGS).fetch_all(&mut *tx).await.db()? {
                    let (key, value) = (row.try_get(0).db()?, row.try_get(1).db()?);
                    sink.send(BackupItem::Setting { key, value }).await?;
                }
                for row in sqlx::query($sql::USERS).fetch_all(&mut *tx).await.db()? {
                    let user = Self::user_from_row(&row)?;
                    let password_hash = row.try_get(6).db()?;
                    let account = $crate::UserAccount {
                        user,
                        password_hash,
                    };
                    sink.send(BackupItem::User(account)).await?;
                }
                for row in sqlx::query($sql::TOKENS).fetch_all(&mut *tx).await.db()? {
                    let token = Self::token_from_row(&row)?;
                    let token_hash = row.try_get(6).db()?;
                    let token = $crate::TokenRecord { token, token_hash };
                    sink.send(BackupItem::Token(token)).await?;
                }
                for &collection in kizuna_domain::RecordSet::ALL {
                    let mut after: Option<String> = None;
                    loop {
                        let rows = sqlx::query($sql::LIST)
                            .bind(collection.as_str())
                            .bind(false)
                            .bind(None::<String>)
                            .bind(None::<String>)
                            .bind(None::<String>)
                            .bind(after.as_deref())
                            .bind(PAGE)
                            .fetch_all(&mut *tx)
                            .await
                            .db()?;
                        let full = rows.len() as i64 == PAGE;
                        for row in &rows {
                            let record = Self::record_from_row(row)?;
                            after = Some(record.id.clone());
                            let dumped = $crate::DumpedRecord { collection, record };
                            sink.send(BackupItem::Record(dumped)).await?;
                        }
                        if !full {
                            break;
                        }
                    }
                }
                let mut after = 0;
                loop {
                    let rows = sqlx::query($sql::CHANGES_SINCE)
                        .bind(after)
                        .bind(PAGE)
                        .fetch_all(&mut *tx)
                        .await
                        .db()?;
                    let full = rows.len() as i64 == PAGE;
                    for row in &rows {
                        let change = Self::change_from_row(row)?;
                        after = change.revision;
                        sink.send(BackupItem::Change(change)).await?;
                    }
                    if !full {
                        break;
                    }
                }
                // One document at a time: each may be megabytes.
                let ids: Vec<String> = sqlx::query_scalar($sql::DOCUMENT_IDS)
                    .fetch_all(&mut *tx)
                    .await
                    .db()?;
                for id in ids {
                    let row = sqlx::query($sql::GET_DOCUMENT)
                        .bind(&id)
                        .fetch_one(&mut *tx)
                        .await
                        .db()?;
                    let uploaded_at: String = row.try_get(7).db()?;
                    let document = $crate::StoredDocument {
                        id: row.try_get(0).db()?,
                        agreement_id: row.try_get(1).db()?,
                        name: row.try_get(2).db()?,
                        content_type: row.try_get(3).db()?,
                        size: row.try_get(4).db()?,
                        data: row.try_get(5).db()?,
                        uploaded_by: row.try_get(6).db()?,
                        uploaded_at: $crate::backend::parse_time(&uploaded_at),
                    };
                    sink.send(BackupItem::Document(document)).await?;
                }
                tx.rollback().await.db()?;
                Ok(sink.counts)
            }

            /// See [`crate::Store::restore_backup`].
            pub(crate) async fn restore_all(
                &self,
                mut steps: tokio::sync::mpsc::Receiver<$crate::RestoreStep>,
                replace: bool,
            ) -> Result<$crate::BackupCounts, $crate::StoreError> {
                use sqlx::Row;
                use $crate::backend::time_text;
                self.before_apply($crate::batch::CHUNK).await;
                let mut tx = self.begin_write().await.db()?;
                let row = sqlx::query($crate::backup::CONTENTS)
                    .fetch_one(&mut *tx)
                    .await
                    .db()?;
                let contents = (
                    row.try_get(0).db()?,
                    row.try_get(1).db()?,
                    row.try_get(2).db()?,
                    row.try_get(3).db()?,
                );
                if !replace {
                    $crate::backup::refuse_unless_empty(contents)?;
                }
                for statement in $sql::WIPE {
                    sqlx::query(*statement).execute(&mut *tx).await.db()?;
                }
                let mut counts = $crate::BackupCounts::default();
                loop {
                    let items = match steps.recv().await {
                        Some($crate::RestoreStep::Items(items)) => items,
                        Some($crate::RestoreStep::Commit) => break,
                        // Dropping `tx` rolls everything back, the wipe included.
                        None => return Err($crate::StoreError::Abandoned),
                    };
                    let parts = $crate::backup::Parts::split(items, &mut counts);
                    for (key, value) in &parts.settings {
                        sqlx::query($sql::SET_SETTING)
                            .bind(key)
                            .bind(value)
                            .execute(&mut *tx)
                            .await
                            .db()?;
                    }
                    for account in &parts.users {
                        let user = &account.user;
                        sqlx::query($sql::RESTORE_USER)
                            .bind(user.id)
                            .bind(user.email.as_str())
                            .bind(&account.password_hash)
                            .bind(user.role.as_str())
                            .bind(serde_json::to_string(&user.units).expect("slugs serialise"))
                            .bind(user.disabled)
                            .bind(time_text(user.created_at))
                            .execute(&mut *tx)
                            .await
                            .db()?;
                    }
                    for stored in &parts.tokens {
                        let token = &stored.token;
                        sqlx::query($sql::RESTORE_TOKEN)
                            .bind(token.id)
                            .bind(token.user_id)
                            .bind(&token.name)
                            .bind(&stored.token_hash)
                            .bind(time_text(token.created_at))
                            .bind(token.last_used_at.map(time_text))
                            .bind(token.revoked_at.map(time_text))
                            .execute(&mut *tx)
                            .await
                            .db()?;
                    }
                    for chunk in parts.records.chunks($crate::batch::CHUNK) {
                        Self::restore_records(&mut tx, chunk).await?;
                    }
                    for chunk in parts.changes.chunks($crate::batch::CHUNK) {
                        Self::restore_changes(&mut tx, chunk).await?;
                    }
                    for document in &parts.documents {
                        sqlx::query($sql::PUT_DOCUMENT)
                            .bind(&document.id)
                            .bind(&document.agreement_id)
                            .bind(&document.name)
                            .bind(&document.content_type)
                            .bind(document.size)
                            .bind(&document.data)
                            .bind(&document.uploaded_by)
                            .bind(time_text(document.uploaded_at))
                            .execute(&mut *tx)
                            .await
                            .db()?;
                    }
                }
                for statement in $sql::AFTER_RESTORE {
                    sqlx::query(*statement).execute(&mut *tx).await.db()?;
                }
                self.commit(tx).await.db()?;
                Ok(counts)
            }
        }
    };
}

pub(crate) use impl_backup;
