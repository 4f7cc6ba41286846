//! Who is asking: a signed-in person (session cookie) or another system (API token).

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use kizuna_domain::{Action, Slug, User};

use crate::{AppError, AppState};

/// How a request was authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    /// A browser session (forms need a CSRF token).
    Session,
    /// `Authorization: Bearer kz_…`.
    Token,
}

/// The authenticated user of a request; extracting it answers 401 when there is none.
#[derive(Debug, Clone)]
pub struct Staff {
    /// The account.
    pub user: User,
    /// How it was authenticated.
    pub via: AuthMethod,
}

impl Staff {
    /// Whether the user may do `action` on a record administered by `home_unit`.
    pub fn may(
        &self,
        state_snapshot: &kizuna_storage::Snapshot,
        action: Action,
        home_unit: Option<&Slug>,
    ) -> bool {
        let parents = |id: &Slug| {
            state_snapshot
                .organisations
                .get(id)
                .and_then(|o| o.parent.clone())
        };
        self.user.may(action, home_unit, &parents)
    }

    /// Refuses with 403 unless the user may do `action` there.
    pub fn require(
        &self,
        state_snapshot: &kizuna_storage::Snapshot,
        action: Action,
        home_unit: Option<&Slug>,
    ) -> Result<(), AppError> {
        if self.may(state_snapshot, action, home_unit) {
            return Ok(());
        }
        let place = home_unit
            .map(|u| format!("records of `{u}`"))
            .unwrap_or_else(|| "central records".to_owned());
        Err(AppError::Forbidden(format!(
            "a {} may not {action} {place}",
            self.user.role
        )))
    }
}

/// The user a bearer token names, if the request carries one.
pub async fn user_from_token(state: &AppState, parts: &Parts) -> Result<Option<User>, AppError> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| AppError::Unauthorized("use `Authorization: Bearer <token>`".to_owned()))?;
    let hash = kizuna_storage::credentials::token_hash(token.trim());
    match state.registry().store().user_by_token_hash(&hash).await? {
        Some(user) => Ok(Some(user)),
        None => Err(AppError::Unauthorized(
            "this API token is unknown or revoked".to_owned(),
        )),
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(user) = user_from_token(state, parts).await? {
            return Ok(Staff {
                user,
                via: AuthMethod::Token,
            });
        }
        Err(AppError::Unauthorized(
            "sign in, or send an API token as `Authorization: Bearer <token>`".to_owned(),
        ))
    }
}

/// Sign-in and sign-out routes.
pub fn routes(_state: AppState) -> Router<AppState> {
    Router::new()
}
