//! Pages of single records.

use axum::extract::{Path, State};
use axum::response::{Html, Response};
use kizuna_core::Snapshot;
use kizuna_domain::Slug;
use serde::Serialize;

use super::offers::{Offer, subject_label};
use crate::http::lang::{current, languages};
use crate::http::render::{HTML, public_lookup, render};
use crate::{AppError, AppState};
use kizuna_core::read::ask::{self, WhoToAsk};
use kizuna_core::read::conditions::ConditionView;
use kizuna_core::read::people::ContactView;
use kizuna_core::read::records::{AgreementView, FundingView, OrganisationView, ProgrammeView};

/// An agreement's page: the record, what a student gets, and whom to ask.
#[derive(Debug, Serialize)]
struct AgreementPage {
    #[serde(flatten)]
    record: AgreementView,
    /// Each mobility condition in the reader's words.
    offers: Vec<Offer>,
    /// Subject areas named in the reader's language: "0913 Nursing and midwifery".
    subject_areas: Vec<String>,
    /// How to apply: the people (or mailbox) to ask.
    ask: WhoToAsk,
}

/// A funding page: the record and whom to ask when it leaves something out.
#[derive(Debug, Serialize)]
struct FundingPage {
    #[serde(flatten)]
    record: FundingView,
    /// The people (or mailbox) to ask.
    ask: WhoToAsk,
}

fn slug(id: &str, what: &str) -> Result<Slug, AppError> {
    id.parse()
        .map_err(|_| AppError::NotFound(format!("There is no {what} `{id}`.")))
}

fn missing(what: &str, id: &Slug) -> AppError {
    AppError::NotFound(format!("There is no {what} `{id}`."))
}

/// A record's page depends only on the data (and the reader's language and
/// the day, which the cache keys by): rendered once per revision, then
/// served as bytes.
async fn cached(
    state: &AppState,
    path: String,
    page: impl AsyncFnOnce(&Snapshot) -> Result<Html<String>, AppError>,
) -> Result<Response, AppError> {
    state
        .cached(format!("record {path}"), HTML, async |snapshot| {
            Ok(page(&snapshot).await?.0)
        })
        .await
}

/// `GET /organisations/{id}`.
pub async fn organisation(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = slug(&id, "organisation")?;
    let path = format!("/organisations/{id}");
    cached(&state, path, async |snapshot| {
        let lookup = public_lookup(&state, snapshot);
        let org = lookup
            .org(&id)
            .ok_or_else(|| missing("organisation", &id))?;
        let mut view = OrganisationView::build(&lookup, org);
        // Units and members are listed by name, in the reader's order.
        let collation = languages().collation(current());
        for list in [&mut view.units, &mut view.members] {
            collation.sort_by_key(list, |o| o.name.as_str());
        }
        render(
            &state,
            "organisation.html",
            lookup.org_name(org).to_owned(),
            &format!("/organisations/{id}"),
            view,
        )
        .await
    })
    .await
}

/// `GET /agreements/{id}`.
pub async fn agreement(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = slug(&id, "agreement")?;
    let path = format!("/agreements/{id}");
    cached(&state, path, async |snapshot| {
        let lookup = public_lookup(&state, snapshot);
        let a = lookup
            .agreement(&id)
            .ok_or_else(|| missing("agreement", &id))?;
        let office = state.settings().office_email.as_deref();
        let view = AgreementPage {
            record: AgreementView::build(&lookup, a),
            offers: a
                .conditions
                .iter()
                .map(|c| Offer::of(&ConditionView::of(c)))
                .collect(),
            subject_areas: a
                .subject_areas
                .iter()
                .map(|s| subject_label(s, current()))
                .collect(),
            ask: ask::about_agreement(&lookup, a, office),
        };
        render(
            &state,
            "agreement.html",
            a.title.clone(),
            &format!("/agreements/{id}"),
            view,
        )
        .await
    })
    .await
}

/// `GET /programmes/{id}`.
pub async fn programme(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = slug(&id, "programme")?;
    let path = format!("/programmes/{id}");
    cached(&state, path, async |snapshot| {
        let lookup = public_lookup(&state, snapshot);
        let p = lookup
            .programme(&id)
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
    })
    .await
}

/// `GET /funding/{id}`.
pub async fn funding(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = slug(&id, "funding opportunity")?;
    let path = format!("/funding/{id}");
    cached(&state, path, async |snapshot| {
        let lookup = public_lookup(&state, snapshot);
        let f = lookup
            .funding_opportunity(&id)
            .ok_or_else(|| missing("funding opportunity", &id))?;
        let office = state.settings().office_email.as_deref();
        let view = FundingPage {
            record: FundingView::build(&lookup, f),
            ask: ask::about_funding(&lookup, f, office),
        };
        render(
            &state,
            "funding.html",
            f.title.clone(),
            &format!("/funding/{id}"),
            view,
        )
        .await
    })
    .await
}

/// `GET /contacts/{id}`: a public contact; an internal one does not exist here.
pub async fn contact(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = slug(&id, "contact")?;
    let path = format!("/contacts/{id}");
    cached(&state, path, async |snapshot| {
        let lookup = public_lookup(&state, snapshot);
        let c = lookup.contact(&id).ok_or_else(|| missing("contact", &id))?;
        let view = ContactView::build(&lookup, c);
        render(
            &state,
            "contact.html",
            c.name.clone(),
            &format!("/contacts/{id}"),
            view,
        )
        .await
    })
    .await
}
