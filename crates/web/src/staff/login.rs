//! The sign-in page (`GET /login`: the password form unless turned off, and
//! single sign-on when configured), passwords (`POST /login`, throttled per
//! account and per address) and signing out (`POST /logout`).

use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use kizuna_core::Store;
use kizuna_domain::{Email, User};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::http::auth::{
    ACCOUNT_LIMIT, ADDRESS_LIMIT, ClientAddr, SEEN_KEY, USER_KEY, WINDOW_MINUTES, safe_next,
    session_error,
};
use crate::http::csrf::{self, Csrf};
use crate::http::lang::{t, t_with};
use crate::{AppError, AppState};
use kizuna_i18n::Arg;

/// Field-level problems of the sign-in form.
#[derive(Debug, Default, Serialize)]
struct LoginErrors {
    email: Option<String>,
    password: Option<String>,
}

/// The sign-in page's view.
#[derive(Debug, Serialize)]
struct LoginView {
    email: String,
    next: String,
    csrf: String,
    errors: LoginErrors,
    /// A problem with the whole form.
    message: Option<String>,
    /// A notice, e.g. after signing out.
    notice: Option<String>,
    /// Whether the password form is offered.
    password_login: bool,
    /// Whether single sign-on is offered.
    single_sign_on: bool,
}

impl LoginView {
    /// An empty form for the deployment's ways of signing in.
    fn new(state: &AppState, next: String, csrf: String) -> Self {
        let sign_on = &state.settings().sign_on;
        LoginView {
            email: String::new(),
            next,
            csrf,
            errors: LoginErrors::default(),
            message: None,
            notice: None,
            password_login: sign_on.password_login,
            single_sign_on: sign_on.oidc.is_some(),
        }
    }
}

#[derive(Debug, Deserialize)]
struct LoginQuery {
    next: Option<String>,
    signed_out: Option<String>,
}

/// What the sign-in form sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LoginForm {
    email: String,
    password: String,
    csrf: String,
    next: String,
}

async fn render_login(state: &AppState, status: StatusCode, view: LoginView) -> Response {
    let title = t("rec-login-title");
    match crate::http::render::render(state, "login.html", title, "/login", view).await {
        Ok(html) => (status, html).into_response(),
        Err(e) => e.into_response(),
    }
}

/// `GET /login`.
async fn login_form(
    State(state): State<AppState>,
    Csrf(csrf): Csrf,
    Query(query): Query<LoginQuery>,
) -> Response {
    let mut view = LoginView::new(&state, safe_next(query.next.as_deref()), csrf);
    view.notice = query.signed_out.map(|_| t("rec-login-signed-out"));
    render_login(&state, StatusCode::OK, view).await
}

/// The sign-in page with `message` as an alert, answered with `status`: how
/// single sign-on says why it refused someone.
pub(super) async fn refused(
    state: &AppState,
    session: &Session,
    status: StatusCode,
    next: String,
    message: String,
) -> Result<Response, AppError> {
    let mut view = LoginView::new(state, next, csrf::token(session).await?);
    view.message = Some(message);
    Ok(render_login(state, status, view).await)
}

/// Signs `user` in to `session`: a new session id (so an id planted before
/// sign-in is worth nothing), the user, and a new CSRF token.
pub(super) async fn begin_session(session: &Session, user: &User) -> Result<(), AppError> {
    session.cycle_id().await.map_err(session_error)?;
    session
        .insert(USER_KEY, user.id)
        .await
        .map_err(session_error)?;
    session
        .insert(SEEN_KEY, Utc::now().timestamp())
        .await
        .map_err(session_error)?;
    csrf::rotate(session).await?;
    Ok(())
}

/// Minutes until `key` has fewer than `limit` failures in the window, if it has that many now.
async fn locked_for(store: &dyn Store, key: &str, limit: i64) -> Result<Option<i64>, AppError> {
    let now = Utc::now();
    let since = |minutes: i64| now - chrono::Duration::minutes(WINDOW_MINUTES - minutes);
    if store.count_login_failures(key, since(0)).await? < limit {
        return Ok(None);
    }
    // The smallest whole number of minutes after which the count drops below the limit.
    let (mut lo, mut hi) = (1, WINDOW_MINUTES);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if store.count_login_failures(key, since(mid)).await? < limit {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(Some(lo))
}

/// `POST /login`: checks the password and signs the user in.
async fn login_submit(
    State(state): State<AppState>,
    session: Session,
    ClientAddr(address): ClientAddr,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let store = state.registry().store().clone();
    let mut view = LoginView::new(&state, safe_next(Some(&form.next)), String::new());
    view.email = form.email.trim().to_owned();
    if !state.settings().sign_on.password_login {
        view.csrf = csrf::token(&session).await?;
        view.message = Some(t("rec-login-passwords-off"));
        return Ok(render_login(&state, StatusCode::FORBIDDEN, view).await);
    }
    if !csrf::matches(&session, &form.csrf).await {
        view.csrf = csrf::token(&session).await?;
        view.message = Some(t("rec-login-csrf"));
        return Ok(render_login(&state, StatusCode::FORBIDDEN, view).await);
    }
    view.csrf = form.csrf.clone();
    let email = form.email.parse::<Email>();
    if form.email.trim().is_empty() {
        view.errors.email = Some(t("rec-login-email-missing"));
    } else if email.is_err() {
        view.errors.email = Some(t("rec-login-email-invalid"));
    }
    if form.password.is_empty() {
        view.errors.password = Some(t("rec-login-password-missing"));
    }
    let Ok(email) = email else {
        return Ok(render_login(&state, StatusCode::UNPROCESSABLE_ENTITY, view).await);
    };
    if view.errors.password.is_some() {
        return Ok(render_login(&state, StatusCode::UNPROCESSABLE_ENTITY, view).await);
    }
    let account_key = format!("account:{email}");
    let address_key = format!("address:{address}");
    let locked = match locked_for(store.as_ref(), &account_key, ACCOUNT_LIMIT).await? {
        Some(minutes) => Some(minutes),
        None => locked_for(store.as_ref(), &address_key, ADDRESS_LIMIT).await?,
    };
    if let Some(minutes) = locked {
        tracing::warn!(%email, %address, "sign-in refused: too many failures");
        let minutes = Arg::Number(minutes as f64);
        view.message = Some(t_with("rec-login-locked", &[("minutes", minutes)]));
        return Ok(render_login(&state, StatusCode::TOO_MANY_REQUESTS, view).await);
    }
    let account = store.get_user_by_email(&email).await?;
    let password = form.password;
    // An account made by single sign-on has no password: it takes as long to refuse.
    let hash = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .filter(|h| h != kizuna_core::credentials::NO_PASSWORD);
    let verified = tokio::task::spawn_blocking(move || match hash {
        Some(hash) => kizuna_core::credentials::verify_password(&password, &hash),
        None => kizuna_core::credentials::verify_nothing(&password),
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let user = match account {
        Some(account) if verified => account.user,
        _ => {
            let now = Utc::now();
            store.record_login_failure(&account_key, now).await?;
            store.record_login_failure(&address_key, now).await?;
            tracing::info!(%email, %address, "sign-in failed");
            view.errors.password = Some(t("rec-login-wrong"));
            return Ok(render_login(&state, StatusCode::UNAUTHORIZED, view).await);
        }
    };
    if user.disabled {
        view.message = Some(t("rec-login-disabled"));
        return Ok(render_login(&state, StatusCode::FORBIDDEN, view).await);
    }
    store.clear_login_failures(&account_key).await?;
    begin_session(&session, &user).await?;
    tracing::info!(email = %user.email, "signed in");
    Ok(Redirect::to(&view.next).into_response())
}

/// `POST /logout`: ends the session.
async fn logout(session: Session) -> Result<Redirect, AppError> {
    session.flush().await.map_err(session_error)?;
    Ok(Redirect::to("/login?signed_out=1"))
}

/// `/login` and `/logout`.
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login_submit))
        .route("/logout", post(logout))
}
