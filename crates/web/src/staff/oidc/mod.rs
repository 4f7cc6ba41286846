//! Single sign-on with OpenID Connect: `GET /login/oidc` sends the person to
//! the identity provider, `GET /login/oidc/callback` takes them back, checks
//! the answer against what the session kept (state, nonce, PKCE verifier;
//! each sign-in's used once) and signs them in as for passwords.
//!
//! Which account and role an identity gets is `kizuna_core::sign_on`'s rule;
//! this module only carries the answer there and says why it was refused.

mod provider;

use crate::http::lang::{t, t_with};
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use kizuna_core::sign_on::{SignOnError, sign_on};
use kizuna_i18n::Arg;
use serde::Deserialize;
use tower_sessions::Session;

pub use provider::{OidcConfig, OidcProvider, ProviderError};

use super::login::{begin_session, refused};
use crate::http::auth::{safe_next, session_error};
use crate::{AppError, AppState};

/// The session key of a started sign-in ([`provider::Pending`]).
const PENDING_KEY: &str = "oidc_pending";

/// How a deployment lets people sign in.
#[derive(Debug, Clone)]
pub struct SignOnSettings {
    /// Whether the password form is offered and accepted (`KIZUNA_PASSWORD_LOGIN`).
    pub password_login: bool,
    /// The identity provider, when single sign-on is configured.
    pub oidc: Option<OidcProvider>,
}

impl Default for SignOnSettings {
    fn default() -> Self {
        SignOnSettings {
            password_login: true,
            oidc: None,
        }
    }
}

#[derive(Debug, Deserialize)]
struct StartQuery {
    next: Option<String>,
}

/// What the provider sends back (RFC 6749 §4.1.2): a code, or an error.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

fn provider_of(state: &AppState) -> Result<OidcProvider, AppError> {
    state
        .settings()
        .sign_on
        .oidc
        .clone()
        .ok_or_else(|| AppError::NotFound("single sign-on is not configured here".to_owned()))
}

/// `GET /login/oidc`: starts a sign-in at the identity provider.
async fn start(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<StartQuery>,
) -> Result<Response, AppError> {
    let provider = provider_of(&state)?;
    let next = safe_next(query.next.as_deref());
    match provider.start(next.clone()).await {
        Ok((url, pending)) => {
            session
                .insert(PENDING_KEY, pending)
                .await
                .map_err(session_error)?;
            Ok(Redirect::to(&url).into_response())
        }
        Err(e) => {
            tracing::warn!(error = %e, "single sign-on could not start");
            let message = t("rec-oidc-unreachable");
            refused(
                &state,
                &session,
                StatusCode::SERVICE_UNAVAILABLE,
                next,
                message,
            )
            .await
        }
    }
}

/// `GET /login/oidc/callback`: finishes a sign-in started in this session.
async fn callback(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, AppError> {
    let provider = provider_of(&state)?;
    // Taken out at once: an answer is good for one try, whatever its outcome.
    let pending = session
        .remove::<provider::Pending>(PENDING_KEY)
        .await
        .map_err(session_error)?;
    let next = pending
        .as_ref()
        .map(|p| p.next.clone())
        .unwrap_or_else(|| safe_next(None));
    let refuse = |status: StatusCode, message: String| {
        let (state, session, next) = (state.clone(), session.clone(), next.clone());
        async move { refused(&state, &session, status, next, message).await }
    };
    let Some(pending) = pending else {
        tracing::info!("single sign-on answer without a sign-in started in this session");
        return refuse(StatusCode::BAD_REQUEST, t("rec-oidc-not-started")).await;
    };
    if let Some(error) = query.error {
        tracing::info!(%error, "the identity provider did not sign someone in");
        return refuse(
            StatusCode::UNAUTHORIZED,
            t_with("rec-oidc-refused", &[("error", Arg::Text(error))]),
        )
        .await;
    }
    let state_matches = query
        .state
        .as_deref()
        .is_some_and(|sent| constant_time_eq(sent.as_bytes(), pending.state.as_bytes()));
    if !state_matches {
        tracing::warn!("single sign-on answer with a wrong state refused");
        return refuse(StatusCode::BAD_REQUEST, t("rec-oidc-state")).await;
    }
    let Some(code) = query.code.filter(|c| !c.is_empty()) else {
        return refuse(StatusCode::BAD_REQUEST, t("rec-oidc-no-code")).await;
    };
    let identity = match provider.finish(pending, code).await {
        Ok(identity) => identity,
        Err(e) => {
            tracing::warn!(error = %e, "single sign-on answer refused");
            let (status, message) = match &e {
                ProviderError::Unavailable(_) => {
                    (StatusCode::SERVICE_UNAVAILABLE, t("rec-oidc-unreachable"))
                }
                ProviderError::Nonce => (StatusCode::UNAUTHORIZED, t("rec-oidc-nonce")),
                _ => (StatusCode::UNAUTHORIZED, t("rec-oidc-unverified")),
            };
            return refuse(status, message).await;
        }
    };
    let store = state.registry().store().clone();
    match sign_on(store.as_ref(), provider.roles(), &identity).await {
        Ok(signed_on) => {
            begin_session(&session, &signed_on.user).await?;
            tracing::info!(
                email = %signed_on.user.email,
                role = %signed_on.user.role,
                created = signed_on.created,
                "signed in with single sign-on"
            );
            Ok(Redirect::to(&next).into_response())
        }
        Err(SignOnError::Store(e)) => Err(e.into()),
        Err(e) => {
            tracing::info!(subject = %identity.subject, reason = %e, "single sign-on refused");
            let message = match e {
                SignOnError::NoRole { .. } => t("rec-oidc-no-role"),
                SignOnError::Disabled(_) => t("rec-login-disabled"),
                SignOnError::NoEmail => t("rec-oidc-no-email"),
                SignOnError::LinkedElsewhere(email) => t_with(
                    "rec-oidc-linked-elsewhere",
                    &[("email", Arg::Text(email.to_string()))],
                ),
                SignOnError::Store(_) => t("rec-oidc-store"),
            };
            refuse(StatusCode::FORBIDDEN, message).await
        }
    }
}

/// Compares two secrets in time that does not depend on where they differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `/login/oidc` and `/login/oidc/callback`.
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/login/oidc", get(start))
        .route("/login/oidc/callback", get(callback))
}
