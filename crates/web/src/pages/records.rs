//! Pages of single records.

use axum::extract::{Path, State};
use axum::response::Html;
use kizuna_domain::Slug;

use crate::http::render::{public_lookup, render};
use crate::{AppError, AppState};
use kizuna_core::read::records::{AgreementView, FundingView, OrganisationView, ProgrammeView};

fn slug(id: &str, what: &str) -> Result<Slug, AppError> {
    id.parse()
        .map_err(|_| AppError::NotFound(format!("There is no {what} `{id}`.")))
}

fn missing(what: &str, id: &Slug) -> AppError {
    AppError::NotFound(format!("There is no {what} `{id}`."))
}

/// `GET /organisations/{id}`.
pub async fn organisation(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = slug(&id, "organisation")?;
    let snapshot = state.public_snapshot().await;
    let lookup = public_lookup(&state, &snapshot);
    let org = lookup
        .org(&id)
        .ok_or_else(|| missing("organisation", &id))?;
    let view = OrganisationView::build(&lookup, org);
    render(
        &state,
        "organisation.html",
        org.display_name().to_owned(),
        &format!("/organisations/{id}"),
        view,
    )
    .await
}

/// `GET /agreements/{id}`.
pub async fn agreement(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = slug(&id, "agreement")?;
    let snapshot = state.public_snapshot().await;
    let lookup = public_lookup(&state, &snapshot);
    let a = lookup
        .agreement(&id)
        .ok_or_else(|| missing("agreement", &id))?;
    let view = AgreementView::build(&lookup, a);
    render(
        &state,
        "agreement.html",
        a.title.clone(),
        &format!("/agreements/{id}"),
        view,
    )
    .await
}

/// `GET /programmes/{id}`.
pub async fn programme(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = slug(&id, "programme")?;
    let snapshot = state.public_snapshot().await;
    let lookup = public_lookup(&state, &snapshot);
    let p = lookup
        .programmes()
        .find(|p| p.id == id)
        .ok_or_else(|| missing("programme", &id))?;
    let view = ProgrammeView::build(&lookup, p);
    render(
        &state,
        "programme.html",
        p.title.clone(),
        &format!("/programmes/{id}"),
        view,
    )
    .await
}

/// `GET /funding/{id}`.
pub async fn funding(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = slug(&id, "funding opportunity")?;
    let snapshot = state.public_snapshot().await;
    let lookup = public_lookup(&state, &snapshot);
    let f = lookup
        .funding()
        .find(|f| f.id == id)
        .ok_or_else(|| missing("funding opportunity", &id))?;
    let view = FundingView::build(&lookup, f);
    render(
        &state,
        "funding.html",
        f.title.clone(),
        &format!("/funding/{id}"),
        view,
    )
    .await
}
