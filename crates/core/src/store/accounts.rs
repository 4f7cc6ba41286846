//! Staff accounts and API tokens as the store keeps them.

use chrono::{DateTime, Utc};
use kizuna_domain::{Role, Slug, User};

/// A staff account with its password hash, for signing in.
#[derive(Debug, Clone, PartialEq)]
pub struct UserAccount {
    /// The account.
    pub user: User,
    /// The argon2id PHC string ([`credentials::hash_password`](crate::credentials::hash_password)).
    pub password_hash: String,
}

/// Changes to an account; `None` keeps what is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserPatch {
    /// A new role.
    pub role: Option<Role>,
    /// New units (replacing the old ones).
    pub units: Option<Vec<Slug>>,
    /// Disable (`true`) or enable (`false`) the account.
    pub disabled: Option<bool>,
}

/// An API token as stored: only its hash is kept, never the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    /// Storage's number for the token.
    pub id: i64,
    /// The account it acts for.
    pub user_id: i64,
    /// A name its owner knows it by; unique among the user's live tokens.
    pub name: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last used to authenticate (kept to the minute).
    pub last_used_at: Option<DateTime<Utc>>,
    /// Revoked; a revoked token authenticates no one.
    pub revoked_at: Option<DateTime<Utc>>,
}
