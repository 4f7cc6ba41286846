//! Who is asking: a signed-in person (session cookie) or another system (API
//! token); signing in (throttled per account and per address) and out.

use std::convert::Infallible;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use kizuna_domain::{Action, Slug, User};
use tower_sessions::Session;

use crate::{AppError, AppState};

/// The session key holding the signed-in user's id.
pub const USER_KEY: &str = "user_id";
/// The session key holding when the session was last used (Unix seconds).
pub(crate) const SEEN_KEY: &str = "seen";
/// Failed sign-ins of one account, within [`WINDOW_MINUTES`], that lock it.
pub const ACCOUNT_LIMIT: i64 = 5;
/// Failed sign-ins from one address, within [`WINDOW_MINUTES`], that lock it.
pub const ADDRESS_LIMIT: i64 = 20;
/// The throttling window.
pub const WINDOW_MINUTES: i64 = 15;

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
        snapshot: &kizuna_core::Snapshot,
        action: Action,
        home_unit: Option<&Slug>,
    ) -> bool {
        kizuna_core::write::scope::may(&self.user, snapshot, action, home_unit)
    }

    /// Refuses with 403 unless the user may do `action` there.
    pub fn require(
        &self,
        snapshot: &kizuna_core::Snapshot,
        action: Action,
        home_unit: Option<&Slug>,
    ) -> Result<(), AppError> {
        kizuna_core::write::scope::require(&self.user, snapshot, action, home_unit)?;
        Ok(())
    }
}

/// The token of an `Authorization: Bearer <token>` value; the scheme's name
/// is case-insensitive (RFC 9110 §11.1), so `bearer` works as well.
pub fn bearer_credentials(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once([' ', '\t'])?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The user a bearer token names, if the request carries one.
pub async fn user_from_token(state: &AppState, parts: &Parts) -> Result<Option<User>, AppError> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(bearer_credentials)
        .ok_or_else(|| AppError::Unauthorized("use `Authorization: Bearer <token>`".to_owned()))?;
    let hash = kizuna_core::credentials::token_hash(token);
    match state.registry().store().user_by_token_hash(&hash).await? {
        Some(user) => Ok(Some(user)),
        None => Err(AppError::Unauthorized(
            "this API token is unknown or revoked".to_owned(),
        )),
    }
}

pub(crate) fn session_error(e: tower_sessions::session::Error) -> AppError {
    AppError::Internal(format!("session: {e}"))
}

/// The user signed in to `session`, re-read from the store; a disabled or
/// removed account is signed out and refused with 401.
pub async fn user_from_session(
    state: &AppState,
    session: &Session,
) -> Result<Option<User>, AppError> {
    let Some(id) = session.get::<i64>(USER_KEY).await.map_err(session_error)? else {
        return Ok(None);
    };
    match state.registry().store().get_user(id).await? {
        Some(user) if !user.disabled => {
            // Sliding expiry: saving the session (at most every 5 minutes)
            // moves its end to 8 hours from now.
            let now = Utc::now().timestamp();
            let seen = session.get::<i64>(SEEN_KEY).await.map_err(session_error)?;
            if seen.is_none_or(|s| now - s >= 300) {
                session.insert(SEEN_KEY, now).await.map_err(session_error)?;
            }
            Ok(Some(user))
        }
        found => {
            session.flush().await.map_err(session_error)?;
            Err(AppError::Unauthorized(match found {
                Some(_) => "this account is disabled; sign-in is refused".to_owned(),
                None => "this account no longer exists".to_owned(),
            }))
        }
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
        if let Some(session) = parts.extensions.get::<Session>().cloned()
            && let Some(user) = user_from_session(state, &session).await?
        {
            return Ok(Staff {
                user,
                via: AuthMethod::Session,
            });
        }
        Err(AppError::Unauthorized(
            "sign in, or send an API token as `Authorization: Bearer <token>`".to_owned(),
        ))
    }
}

/// [`Staff`] for back-office pages: without a sign-in it redirects to
/// `/login?next=…` instead of answering 401.
#[derive(Debug, Clone)]
pub struct StaffPage(pub Staff);

/// Why a [`StaffPage`] could not be extracted.
#[derive(Debug)]
pub enum StaffPageRejection {
    /// Not signed in: go to the sign-in form, then back to `next`.
    SignIn {
        /// The path and query to return to.
        next: String,
    },
    /// Anything else.
    Failed(AppError),
}

impl IntoResponse for StaffPageRejection {
    fn into_response(self) -> Response {
        match self {
            StaffPageRejection::SignIn { next } => Redirect::to(&login_url(&next)).into_response(),
            StaffPageRejection::Failed(e) => e.into_response(),
        }
    }
}

/// `/login?next=…` for a path to come back to.
pub fn login_url(next: &str) -> String {
    let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    format!("/login?{query}")
}

impl FromRequestParts<AppState> for StaffPage {
    type Rejection = StaffPageRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match Staff::from_request_parts(parts, state).await {
            Ok(staff) => Ok(StaffPage(staff)),
            Err(AppError::Unauthorized(_)) => Err(StaffPageRejection::SignIn {
                next: parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_else(|| "/admin".to_owned()),
            }),
            Err(e) => Err(StaffPageRejection::Failed(e)),
        }
    }
}

/// The client's address from the connection (never from `X-Forwarded-For`),
/// or `unknown`.
#[derive(Debug, Clone)]
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_string())
                .unwrap_or_else(|| "unknown".to_owned()),
        ))
    }
}

/// A local path to go to after signing in; anything else becomes `/admin`.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.chars().any(|c| c == '\\' || c.is_control()) =>
        {
            n.to_owned()
        }
        _ => "/admin".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            safe_next(Some("/admin/agreements?x=1")),
            "/admin/agreements?x=1"
        );
        for bad in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil",
            "admin",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), "/admin", "{bad}");
        }
        assert_eq!(safe_next(None), "/admin");
        assert_eq!(login_url("/admin?a=b"), "/login?next=%2Fadmin%3Fa%3Db");
    }

    #[test]
    fn the_bearer_scheme_is_case_insensitive() {
        for value in [
            "Bearer kz_1",
            "bearer kz_1",
            "BEARER  kz_1 ",
            "Bearer\tkz_1",
        ] {
            assert_eq!(bearer_credentials(value), Some("kz_1"), "{value:?}");
        }
        for value in ["Basic kz_1", "Bearer", "Bearer ", "Bearerkz_1"] {
            assert_eq!(bearer_credentials(value), None, "{value:?}");
        }
    }
}
