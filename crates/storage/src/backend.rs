//! The `Store` implementation both backends share. Only the SQL text, the
//! pool type and how a write transaction starts differ, so each backend
//! module supplies those and expands [`impl_store`]. The trait's methods
//! live in one submodule per concern; this module holds the conversions
//! they share.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::StoreError;

pub(crate) mod accounts;
pub(crate) mod database;
pub(crate) mod documents;
pub(crate) mod history;
pub(crate) mod reads;
pub(crate) mod rows;
pub(crate) mod sessions;
pub(crate) mod tokens;
pub(crate) mod writes;

/// Timestamps are stored as RFC 3339 text so both databases sort and compare them alike.
pub(crate) fn now_text() -> String {
    time_text(Utc::now())
}

/// A timestamp as stored: UTC, microseconds, `Z` (so text order is time order).
pub(crate) fn time_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// How stale a token's `last_used_at` may get before a use writes it again.
pub(crate) const TOKEN_TOUCH_SECONDS: i64 = 60;

/// Whether a statement failed on a unique constraint.
pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// Whether a statement failed on a foreign key.
pub(crate) fn is_foreign_key_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_foreign_key_violation())
}

fn not_found(collection: &str, id: impl ToString) -> StoreError {
    StoreError::NotFound {
        collection: collection.to_owned(),
        id: id.to_string(),
    }
}

/// No account has this id.
pub(crate) fn no_user(id: i64) -> StoreError {
    not_found("users", id)
}

/// No live token has this id.
pub(crate) fn no_token(id: i64) -> StoreError {
    not_found("api_tokens", id)
}

/// Reads a stored timestamp.
pub(crate) fn parse_time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// Reads a stored JSON document.
pub(crate) fn parse_doc(
    collection: &str,
    id: &str,
    text: &str,
) -> Result<serde_json::Value, StoreError> {
    serde_json::from_str(text).map_err(|source| StoreError::Corrupt {
        collection: collection.to_owned(),
        id: id.to_owned(),
        source,
    })
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
pub(crate) fn like_pattern(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Implements [`crate::Store`] for `$store`, whose `pool` field is a `$db` pool,
/// using the statements in module `$sql`. Record writes start with
/// `begin_write` (which serialises revisions); account, token, session and
/// sign-in writes with `begin_plain`; every write ends with `commit`.
///
/// [`crate::Store::apply`] works through a [`crate::batch::Batch`] with the
/// backend's `current` (the stored records among some ids), `insert_changes`
/// (change-log rows, returning their revisions) and `upsert_records`, each
/// taking up to [`crate::batch::CHUNK`] rows a statement, after `before_apply`.
macro_rules! impl_store {
    ($store:ty, $db:ty, $sql:ident, $name:literal) => {
        $crate::backend::rows::impl_row_readers!($store, $db);

        $crate::backend::store_methods! {
            ($store, $db, $sql, $name)
            []
            database reads writes history accounts tokens sessions documents
        }
    };
}

/// Implements [`crate::Store`] with the methods of the submodules named
/// after the bracketed methods gathered so far: the first module's
/// `methods!` adds its own and calls this again with the rest.
/// `#[async_trait]` has to see the whole `impl` at once, which is why the
/// modules hand their methods on instead of expanding them in place.
macro_rules! store_methods {
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*] $group:ident $($groups:ident)*) => {
        $crate::backend::$group::methods! {
            ($store, $db, $sql, $name)
            [$($methods)*]
            $($groups)*
        }
    };
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*]) => {
        #[async_trait::async_trait]
        impl $crate::Store for $store {
            $($methods)*
        }
    };
}

pub(crate) use impl_store;
pub(crate) use store_methods;
