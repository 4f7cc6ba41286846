//! Signing in through the identity provider, once its ID token has been
//! verified: which account the identity is, made on first sign-in and given
//! the role and units the configured [`RoleMap`] assigns on every sign-in.
//!
//! An identity is linked to its account by the provider's issuer and subject
//! (which, unlike the e-mail address, never changes); an account that exists
//! with the identity's e-mail address and no link yet (made with `kizuna user
//! add`, or restored from a backup) is linked on first sign-in.

use kizuna_domain::sign_on::RoleMap;
use kizuna_domain::{Email, User};

use crate::credentials::NO_PASSWORD;
use crate::{Store, StoreError, UserPatch};

/// What the verified ID token says about the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The provider (`iss`).
    pub issuer: String,
    /// The person at that provider (`sub`).
    pub subject: String,
    /// The `email` claim.
    pub email: Option<String>,
    /// The `email_verified` claim, when sent.
    pub email_verified: Option<bool>,
    /// The values of the role claim (e.g. the person's groups).
    pub role_values: Vec<String>,
}

/// Why a verified identity may not sign in.
#[derive(Debug, thiserror::Error)]
pub enum SignOnError {
    /// None of the role claim's values is mapped to a role; no account is made.
    #[error("no role is configured for the groups {values:?}")]
    NoRole {
        /// The values the provider sent.
        values: Vec<String>,
    },
    /// The account exists and is disabled.
    #[error("the account {0} is disabled")]
    Disabled(Email),
    /// A new identity came without a usable, verified e-mail address.
    #[error("the identity provider sent no verified e-mail address")]
    NoEmail,
    /// The e-mail address's account is linked to another identity.
    #[error("the account {0} is linked to another identity")]
    LinkedElsewhere(Email),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A successful sign-in.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedOn {
    /// The account, with its role and units as of this sign-in.
    pub user: User,
    /// Whether this sign-in made the account.
    pub created: bool,
}

/// How an identity is stored: issuer and subject, which no issuer URL's
/// space can blur.
pub fn identity_key(issuer: &str, subject: &str) -> String {
    format!("{issuer} {subject}")
}

/// Finds, makes or links the identity's account and gives it the role and
/// units `roles` assigns. Refuses a disabled account, and an identity none
/// of whose role values is mapped (no account is made for it).
pub async fn sign_on(
    store: &dyn Store,
    roles: &RoleMap,
    identity: &Identity,
) -> Result<SignedOn, SignOnError> {
    let key = identity_key(&identity.issuer, &identity.subject);
    let assignment = roles.assign(&identity.role_values);
    let linked = store.user_by_identity(&key).await?;
    if let Some(user) = &linked
        && user.disabled
    {
        return Err(SignOnError::Disabled(user.email.clone()));
    }
    let Some(assignment) = assignment else {
        return Err(SignOnError::NoRole {
            values: identity.role_values.clone(),
        });
    };
    let (user, created) = match linked {
        Some(user) => (user, false),
        None => {
            let email = verified_email(identity)?;
            match store.get_user_by_email(&email).await? {
                Some(account) => {
                    if account.user.disabled {
                        return Err(SignOnError::Disabled(email));
                    }
                    if !store.link_identity(account.user.id, &key).await? {
                        return Err(SignOnError::LinkedElsewhere(email));
                    }
                    (account.user, false)
                }
                None => {
                    let user = store
                        .create_user(&email, NO_PASSWORD, assignment.role, &assignment.units)
                        .await?;
                    store.link_identity(user.id, &key).await?;
                    (user, true)
                }
            }
        }
    };
    if user.role == assignment.role && user.units == assignment.units {
        return Ok(SignedOn { user, created });
    }
    let patch = UserPatch {
        role: Some(assignment.role),
        units: Some(assignment.units),
        disabled: None,
    };
    let user = store.update_user(user.id, &patch).await?;
    Ok(SignedOn { user, created })
}

/// The identity's e-mail address, unless missing, malformed or marked unverified.
fn verified_email(identity: &Identity) -> Result<Email, SignOnError> {
    if identity.email_verified == Some(false) {
        return Err(SignOnError::NoEmail);
    }
    identity
        .email
        .as_deref()
        .and_then(|e| e.parse().ok())
        .ok_or(SignOnError::NoEmail)
}
