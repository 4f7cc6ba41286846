//! The store interface the core reads and writes through; each database
//! backend (crate `kizuna-storage`) implements it with its own SQL.

use chrono::{DateTime, Utc};
use kizuna_domain::{Email, RecordSet, Role, Slug, User};

use async_trait::async_trait;

mod accounts;
mod backup;
mod documents;
mod error;
mod records;

pub use accounts::{ApiToken, UserAccount, UserPatch};
pub use backup::{
    BackupCounts, BackupItem, DumpItem, DumpedRecord, RestoreItem, RestoreStep, RestoredRecord,
    TokenRecord,
};
pub use documents::{StoredDocument, new_document_id};
pub use error::StoreError;
pub use records::{
    Change, ChangeEntry, Expect, ListFilter, NewRecord, StoredRecord, WriteReport, WriteStep,
};

/// What [`Store::redact_history`] puts in place of an erased record's documents.
pub fn erased_marker() -> serde_json::Value {
    serde_json::json!({"erased": true})
}

/// The storage interface every backend implements.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Brings the schema up to date.
    async fn migrate(&self) -> Result<(), StoreError>;
    /// Answers when the database does.
    async fn ping(&self) -> Result<(), StoreError>;
    /// One record.
    async fn get(
        &self,
        collection: RecordSet,
        id: &str,
    ) -> Result<Option<StoredRecord>, StoreError>;
    /// Records of a collection in id order.
    async fn list(
        &self,
        collection: RecordSet,
        filter: &ListFilter,
    ) -> Result<Vec<StoredRecord>, StoreError>;
    /// Applies every change in one transaction: all or nothing.
    async fn apply(&self, changes: Vec<Change>, actor: &str) -> Result<WriteReport, StoreError> {
        let (steps, received) = tokio::sync::mpsc::channel(2);
        steps
            .send(WriteStep::Changes(changes))
            .await
            .expect("the receiver is alive");
        steps
            .send(WriteStep::Commit)
            .await
            .expect("the receiver is alive");
        self.apply_stream(received, actor).await
    }
    /// Applies changes as they arrive, all in one transaction that commits
    /// only on [`WriteStep::Commit`]: a sender that goes away first (a failed
    /// or killed import) leaves the database as it was ([`StoreError::Abandoned`]).
    async fn apply_stream(
        &self,
        steps: tokio::sync::mpsc::Receiver<WriteStep>,
        actor: &str,
    ) -> Result<WriteReport, StoreError>;
    /// The newest revision (0 for an empty registry).
    async fn revision(&self) -> Result<i64, StoreError>;
    /// Change-log entries after a revision, oldest first.
    async fn changes_since(&self, after: i64, limit: i64) -> Result<Vec<ChangeEntry>, StoreError>;
    /// Every change of one record, oldest first.
    async fn history(
        &self,
        collection: RecordSet,
        id: &str,
    ) -> Result<Vec<ChangeEntry>, StoreError>;
    /// Replaces the before/after documents of every change of one record with
    /// [`erased_marker`] (personal data erased on request); says how many changed.
    /// The entries themselves (who, when, what action) stay: the log is append-only.
    async fn redact_history(&self, collection: RecordSet, id: &str) -> Result<u64, StoreError>;
    /// A deployment setting.
    async fn setting(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Sets a deployment setting.
    async fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError>;

    /// Creates an account. A taken address is [`StoreError::AlreadyExists`]
    /// (collection `users`, id the address).
    async fn create_user(
        &self,
        email: &Email,
        password_hash: &str,
        role: Role,
        units: &[Slug],
    ) -> Result<User, StoreError>;
    /// One account by id.
    async fn get_user(&self, id: i64) -> Result<Option<User>, StoreError>;
    /// One account by address, with its password hash (disabled ones too).
    async fn get_user_by_email(&self, email: &Email) -> Result<Option<UserAccount>, StoreError>;
    /// Every account, by address.
    async fn list_users(&self) -> Result<Vec<User>, StoreError>;
    /// Replaces an account's password hash; [`StoreError::NotFound`] for no such account.
    async fn set_password_hash(&self, user_id: i64, password_hash: &str) -> Result<(), StoreError>;
    /// Changes an account's role, units or state; [`StoreError::NotFound`] for no such account.
    async fn update_user(&self, user_id: i64, patch: &UserPatch) -> Result<User, StoreError>;

    /// The account linked to a single sign-on identity (issuer and subject,
    /// see `kizuna_core::sign_on::identity_key`), disabled ones too.
    async fn user_by_identity(&self, identity: &str) -> Result<Option<User>, StoreError>;
    /// Links an account to a single sign-on identity: `false` when the account
    /// is already linked to another one, [`StoreError::AlreadyExists`] when
    /// another account has this one, [`StoreError::NotFound`] for no such account.
    async fn link_identity(&self, user_id: i64, identity: &str) -> Result<bool, StoreError>;

    /// Stores a new token's hash and returns the token's id. [`StoreError::NotFound`]
    /// when the user does not exist, [`StoreError::AlreadyExists`] (collection
    /// `api_tokens`) when the user has a live token of that name.
    async fn create_token(
        &self,
        user_id: i64,
        name: &str,
        token_hash: &str,
    ) -> Result<i64, StoreError>;
    /// The account a live (unrevoked) token acts for, unless that account is
    /// disabled; notes when the token was used.
    async fn user_by_token_hash(&self, token_hash: &str) -> Result<Option<User>, StoreError>;
    /// Revokes a live token of a user; [`StoreError::NotFound`] when there is none.
    async fn revoke_token(&self, user_id: i64, token_id: i64) -> Result<(), StoreError>;
    /// A user's tokens, revoked ones included, oldest first.
    async fn list_tokens(&self, user_id: i64) -> Result<Vec<ApiToken>, StoreError>;

    /// A web session's data, unless it has expired.
    async fn session_load(&self, id: &str) -> Result<Option<String>, StoreError>;
    /// Creates or replaces a web session.
    async fn session_save(
        &self,
        id: &str,
        data: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Removes a web session (signing out).
    async fn session_delete(&self, id: &str) -> Result<(), StoreError>;
    /// Removes every expired session and says how many.
    async fn session_delete_expired(&self) -> Result<u64, StoreError>;

    /// Notes a failed sign-in for `key` (e.g. an address or a client IP).
    async fn record_login_failure(&self, key: &str, at: DateTime<Utc>) -> Result<(), StoreError>;
    /// Failed sign-ins for `key` at or after `since`.
    async fn count_login_failures(
        &self,
        key: &str,
        since: DateTime<Utc>,
    ) -> Result<i64, StoreError>;
    /// Forgets the failed sign-ins of `key` (after a successful one).
    async fn clear_login_failures(&self, key: &str) -> Result<(), StoreError>;
    /// Forgets every failed sign-in before `before` and says how many.
    async fn prune_login_failures(&self, before: DateTime<Utc>) -> Result<u64, StoreError>;

    /// Stores a new document; a taken id is [`StoreError::AlreadyExists`].
    async fn put_document(&self, document: &StoredDocument) -> Result<(), StoreError>;
    /// One document with its bytes.
    async fn get_document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError>;
    /// Removes a document; says whether there was one.
    async fn delete_document(&self, id: &str) -> Result<bool, StoreError>;

    /// Sends everything a backup holds, in this order: settings, accounts
    /// (with password hashes), API tokens (with hashes), records, the change
    /// log (oldest first) and stored documents (with their bytes). All of it
    /// is read in one transaction, so the parts agree even while others
    /// write. Stops with [`StoreError::Abandoned`] when `out` is closed.
    async fn dump_backup(
        &self,
        out: tokio::sync::mpsc::Sender<DumpItem>,
    ) -> Result<BackupCounts, StoreError>;
    /// Replaces everything with a backup as it arrives, in one transaction
    /// that commits only on [`RestoreStep::Commit`]: a sender that goes away
    /// first leaves the database as it was ([`StoreError::Abandoned`]).
    /// Unless `replace`, a database holding records, history, accounts or
    /// documents is refused before anything changes ([`StoreError::NotEmpty`]).
    /// Sessions and failed sign-ins are dropped; ids, revisions and times are
    /// kept, and the next write gets a revision above every restored one.
    async fn restore_backup(
        &self,
        steps: tokio::sync::mpsc::Receiver<RestoreStep>,
        replace: bool,
    ) -> Result<BackupCounts, StoreError>;

    /// Closes the connections.
    async fn close(&self);
}
