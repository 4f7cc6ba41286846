//! The staff dashboard at `/admin` (expiring and recently expired agreements,
//! agreements without a document, drafts, counts by country and kind, the
//! EWP exchange) and
//! [`render_admin`], which renders any back-office page in its layout.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::State;
use axum::middleware;
use axum::response::Html;
use axum::routing::get;
use chrono::Days;
use kizuna_domain::{Agreement, AgreementStatus};
use serde::Serialize;

use crate::http::auth::{Staff, StaffPage};
use crate::http::csrf::Csrf;
use crate::http::render::Layout;
use crate::{AppError, AppState};
use kizuna_core::read::Lookup;

/// How far back "recently expired" reaches, in days.
pub const RECENTLY_EXPIRED_DAYS: u64 = 180;

/// Who is signed in, as the back-office layout shows it.
#[derive(Debug, Clone, Serialize)]
pub struct StaffInfo {
    /// Sign-in address.
    pub email: String,
    /// Role word.
    pub role: String,
}

/// A back-office page: the layout, the signed-in user, the CSRF token and the view.
#[derive(Debug, Serialize)]
pub struct AdminPage<T: Serialize> {
    /// Layout.
    pub layout: Layout,
    /// Who is signed in.
    pub staff: StaffInfo,
    /// The session's CSRF token, for the sign-out form and every other form.
    pub csrf: String,
    /// The page's own data.
    pub view: T,
}

/// Renders `template` (which extends `admin/layout.html`) with `view`.
pub async fn render_admin<T: Serialize>(
    state: &AppState,
    template: &str,
    title: String,
    path: &str,
    staff: &Staff,
    csrf: &Csrf,
    view: T,
) -> Result<Html<String>, AppError> {
    let page = AdminPage {
        layout: Layout::new(state, title, path).await,
        staff: StaffInfo {
            email: staff.user.email.to_string(),
            role: staff.user.role.to_string(),
        },
        csrf: csrf.0.clone(),
        view,
    };
    Ok(Html(state.templates().render(template, &page)?))
}

/// An agreement as a dashboard row.
#[derive(Debug, Clone, Serialize)]
pub struct DashboardRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind word.
    pub kind: String,
    /// Derived status word.
    pub status: String,
    /// Partner names.
    pub partners: Vec<String>,
    /// End of validity, as recorded.
    pub valid_until: Option<String>,
    /// Whether only staff see it.
    pub internal: bool,
}

/// A number of agreements under one heading (a country or a kind).
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    /// Country code or kind word.
    pub key: String,
    /// What a reader sees.
    pub label: String,
    /// Agreements.
    pub count: usize,
}

/// The dashboard's view.
#[derive(Debug, Serialize)]
pub struct DashboardView {
    /// The expiring window in days.
    pub window_days: u32,
    /// How far back "recently expired" reaches.
    pub expired_days: u64,
    /// Active agreements ending within the window, soonest first.
    pub expiring: Vec<DashboardRow>,
    /// Agreements whose end passed within the last 180 days, latest first.
    pub recently_expired: Vec<DashboardRow>,
    /// Signed agreements with no document on file.
    pub without_document: Vec<DashboardRow>,
    /// Unsigned agreements.
    pub drafts: Vec<DashboardRow>,
    /// Agreements by partner country, most first.
    pub by_country: Vec<Tally>,
    /// Agreements by kind, most first.
    pub by_kind: Vec<Tally>,
    /// Every agreement.
    pub total: usize,
    /// Agreements in force (active or expiring).
    pub in_force: usize,
    /// The Erasmus Without Paper exchange: states, and what waits for staff.
    pub ewp: super::admin::ewp::EwpSummary,
}

fn row(lookup: &Lookup<'_>, a: &Agreement, status: AgreementStatus) -> DashboardRow {
    DashboardRow {
        id: a.id.to_string(),
        title: a.title.clone(),
        kind: a.kind.to_string(),
        status: status.to_string(),
        partners: a
            .party_ids()
            .filter(|p| !lookup.is_home_side(p))
            .filter_map(|p| lookup.org(p))
            .map(|o| o.display_name().to_owned())
            .collect(),
        valid_until: a.valid_until.map(|d| d.to_string()),
        internal: a.visibility != kizuna_domain::Visibility::Public,
    }
}

fn tallies(counts: BTreeMap<String, (String, usize)>) -> Vec<Tally> {
    let mut list: Vec<Tally> = counts
        .into_iter()
        .map(|(key, (label, count))| Tally { key, label, count })
        .collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    list
}

/// Builds the dashboard from everything staff may see.
pub fn build(lookup: &Lookup<'_>) -> DashboardView {
    let today = lookup.ctx.today;
    let horizon = today - Days::new(RECENTLY_EXPIRED_DAYS);
    let mut view = DashboardView {
        window_days: lookup.ctx.expiring_window_days,
        expired_days: RECENTLY_EXPIRED_DAYS,
        expiring: Vec::new(),
        recently_expired: Vec::new(),
        without_document: Vec::new(),
        drafts: Vec::new(),
        by_country: Vec::new(),
        by_kind: Vec::new(),
        total: 0,
        in_force: 0,
        ewp: super::admin::ewp::summary(lookup.snapshot),
    };
    let (mut countries, mut kinds) = (BTreeMap::new(), BTreeMap::new());
    let mut expiring = Vec::new();
    let mut expired = Vec::new();
    for a in lookup.agreements() {
        view.total += 1;
        let status = lookup.status(a);
        view.in_force += usize::from(status.in_force());
        let end = a.valid_until.map(|d| d.last_day());
        match status {
            AgreementStatus::Expiring => expiring.push((end, row(lookup, a, status))),
            AgreementStatus::Expired if end.is_some_and(|e| e >= horizon && e < today) => {
                expired.push((end, row(lookup, a, status)));
            }
            AgreementStatus::Draft => view.drafts.push(row(lookup, a, status)),
            _ => {}
        }
        if status != AgreementStatus::Draft && a.documents.is_empty() {
            view.without_document.push(row(lookup, a, status));
        }
        for country in lookup.partner_countries(a.party_ids()) {
            countries
                .entry(country.to_string())
                .or_insert_with(|| (country.name().to_owned(), 0))
                .1 += 1;
        }
        kinds
            .entry(a.kind.to_string())
            .or_insert_with(|| (super::admin::words::word(&a.kind.to_string()), 0))
            .1 += 1;
    }
    expiring.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.title.cmp(&b.1.title)));
    expired.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.title.cmp(&b.1.title)));
    view.expiring = expiring.into_iter().map(|(_, r)| r).collect();
    view.recently_expired = expired.into_iter().map(|(_, r)| r).collect();
    view.drafts.sort_by(|a, b| a.title.cmp(&b.title));
    view.without_document.sort_by(|a, b| a.title.cmp(&b.title));
    view.by_country = tallies(countries);
    view.by_kind = tallies(kinds);
    view
}

/// `GET /admin`.
async fn dashboard(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    csrf: Csrf,
) -> Result<Html<String>, AppError> {
    let snapshot = state.snapshot().await;
    let lookup = Lookup::new(&snapshot, state.status_context(), false);
    let view = build(&lookup);
    render_admin(
        &state,
        "admin/dashboard.html",
        crate::http::lang::t("admin-dash-title"),
        "/admin",
        &staff,
        &csrf,
        view,
    )
    .await
}

/// The dashboard route (its errors become HTML pages).
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/admin", get(dashboard))
        .layer(middleware::from_fn_with_state(
            state,
            crate::http::render::render_errors,
        ))
}
