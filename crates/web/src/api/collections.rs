//! `GET /api/v1/{collection}` lists with filters and cursor pagination; the
//! public's answers are kept in the page cache per revision, by address.

pub use super::agreement_out::AgreementOut;
use axum::extract::State;
use axum::http::{Uri, header};
use axum::response::{IntoResponse, Response};
use kizuna_core::read::filters::{
    AgreementFilter, ContactFilter, FundingFilter, OrganisationFilter, ProgrammeFilter, TextFilter,
};
use kizuna_core::read::{Lookup, Page, PageError};
use kizuna_domain::{Agreement, Contact, FundingOpportunity, Organisation, Programme, Slug};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::query::{
    ApiQuery, JSON, ListResponse, any_cursor, filters_by_text, parse_param, to_json,
};
use crate::{AppError, AppState};

/// Parses an organisation id filter and checks it names a known organisation.
fn parse_org(
    lookup: &Lookup<'_>,
    value: Option<&str>,
    param: &str,
) -> Result<Option<Slug>, AppError> {
    let Some(id) = parse_param::<Slug>(value)? else {
        return Ok(None);
    };
    if lookup.org(&id).is_none() {
        return Err(AppError::BadRequest(format!(
            "`{param}`: there is no organisation `{id}`"
        )));
    }
    Ok(Some(id))
}

/// The public's answer to a list request: the same address answers the same
/// bytes until the revision (or the day, for derived statuses) changes.
async fn public_list(
    state: &AppState,
    uri: &Uri,
    answer: impl FnOnce(&Lookup<'_>) -> Result<String, AppError>,
) -> Result<Response, AppError> {
    let ctx = state.status_context();
    // A text filter's answers are one-offs that cost what they find: kept,
    // they would only push the answers many readers share out of the cache.
    if filters_by_text(uri) {
        let snapshot = state.public_snapshot().await;
        let body = answer(&Lookup::new(&snapshot, ctx, true))?;
        return Ok(crate::cache::CachedPage::new(JSON, body.into(), None).into_response());
    }
    state
        .cached(format!("api {uri}"), JSON, async |snapshot| {
            answer(&Lookup::new(&snapshot, ctx, true))
        })
        .await
}

/// One page of a selection as the list answer, copying only the records on it.
fn page_of<T, O: ToSchema + Serialize>(
    items: Vec<&T>,
    id: impl Fn(&T) -> &str,
    cursor: Option<&str>,
    limit: Option<usize>,
    out: impl Fn(&T) -> O,
) -> Result<String, AppError> {
    let cursor = cursor.map(any_cursor).transpose()?;
    answer(Page::cut(items, id, cursor.as_deref(), limit), out)
}

/// The list answer of a page cut, or the 400 of a bad limit or cursor.
fn answer<T, O: ToSchema + Serialize>(
    page: Result<Page<'_, T>, PageError>,
    out: impl Fn(&T) -> O,
) -> Result<String, AppError> {
    let page = page.map_err(|e| AppError::BadRequest(e.to_string()))?;
    to_json(&ListResponse {
        items: page.items.into_iter().map(out).collect(),
        total: page.total,
        next: page.next,
    })
}

/// Filters of `GET /organisations`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OrganisationParams {
    /// ISO 3166-1 alpha-2 country code, either case.
    #[param(value_type = Option<kizuna_domain::CountryCode>)]
    country: Option<String>,
    /// Organisation kind.
    #[param(value_type = Option<kizuna_domain::OrganisationKind>)]
    kind: Option<String>,
    /// Organisations whose parent is this id (units of it).
    #[param(value_type = Option<kizuna_domain::Slug>)]
    partner: Option<String>,
    /// Text in any name, in any script.
    q: Option<String>,
    /// Cursor from the previous page's `next`.
    #[param(value_type = Option<crate::http::query::Cursor>)]
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
}

/// Lists organisations.
#[utoipa::path(get, path = "/organisations", tag = "registry", params(OrganisationParams),
    responses((status = 200, body = ListResponse<Organisation>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_organisations(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery(p): ApiQuery<OrganisationParams>,
) -> Result<Response, AppError> {
    public_list(&state, &uri, |lookup| {
        let filter = OrganisationFilter {
            country: parse_param(p.country.as_deref())?,
            kind: parse_param(p.kind.as_deref())?,
            parent: parse_org(lookup, p.partner.as_deref(), "partner")?,
            text: TextFilter::new(p.q.as_deref()),
        };
        let cursor = p.cursor.as_deref().map(any_cursor).transpose()?;
        answer(
            filter.page(lookup, cursor.as_deref(), p.limit),
            Organisation::clone,
        )
    })
    .await
}

/// Filters of `GET /agreements`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AgreementParams {
    /// A partner's country (any party other than the home side; consortia count with their members' countries).
    #[param(value_type = Option<kizuna_domain::CountryCode>)]
    country: Option<String>,
    /// Agreement kind.
    #[param(value_type = Option<kizuna_domain::AgreementKind>)]
    kind: Option<String>,
    /// Level on the home side.
    #[param(value_type = Option<kizuna_domain::AgreementLevel>)]
    level: Option<String>,
    /// Derived status.
    #[param(value_type = Option<kizuna_domain::AgreementStatus>)]
    status: Option<String>,
    /// Covers this education level.
    #[param(value_type = Option<kizuna_domain::EducationLevel>)]
    education_level: Option<String>,
    /// Has this organisation (or a unit of it) as a party.
    #[param(value_type = Option<kizuna_domain::Slug>)]
    partner: Option<String>,
    /// Administered by this home unit or a unit below it.
    #[param(value_type = Option<kizuna_domain::Slug>)]
    unit: Option<String>,
    /// Covers this ISCED-F code.
    #[param(value_type = Option<kizuna_domain::IscedCode>)]
    subject_area: Option<String>,
    /// Text in the title, study programmes or partner names.
    q: Option<String>,
    /// EWP exchange state (`not_exchanged`, `partner_copy_differs`, `partner_copy_matches`,
    /// `approved_by_us`, `approved_by_partner`, `approved_by_both`, `changed_since_approval`).
    /// Staff only (401 without a token): the list then holds internal agreements too,
    /// as staff see them, each with its `ewp_status`.
    ewp_state: Option<String>,
    /// Cursor from the previous page's `next`.
    #[param(value_type = Option<crate::http::query::Cursor>)]
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
}

/// Lists agreements.
#[utoipa::path(get, path = "/agreements", tag = "registry", params(AgreementParams),
    responses((status = 200, body = ListResponse<AgreementOut>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_agreements(
    State(state): State<AppState>,
    uri: Uri,
    mut parts: axum::http::request::Parts,
    ApiQuery(p): ApiQuery<AgreementParams>,
) -> Result<Response, AppError> {
    let out = |lookup: &Lookup<'_>, a: &Agreement| AgreementOut {
        agreement: a.clone(),
        status: lookup.status(a),
    };
    let Some(word) = p.ewp_state.as_deref().filter(|v| !v.is_empty()) else {
        return public_list(&state, &uri, |lookup| {
            page_of(
                p.filter(lookup)?.select(lookup),
                |a| a.id.as_str(),
                p.cursor.as_deref(),
                p.limit,
                |a| out(lookup, a),
            )
        })
        .await;
    };
    // Staff's answer: internal agreements too, each with its EWP state; not cached.
    let wanted = super::ewp::staff_filter(&state, &mut parts, word).await?;
    let snapshot = state.snapshot().await;
    let lookup = Lookup::new(&snapshot, state.status_context(), false);
    let mut selected = p.filter(&lookup)?.select(&lookup);
    selected.retain(|a| super::ewp::in_state(&snapshot, a, wanted));
    let body = page_of(
        selected,
        |a| a.id.as_str(),
        p.cursor.as_deref(),
        p.limit,
        |a| super::ewp::StaffAgreementOut {
            agreement: out(&lookup, a),
            ewp_status: super::ewp::status_out(&snapshot, a),
        },
    )?;
    Ok(([(header::CONTENT_TYPE, JSON)], body).into_response())
}

impl AgreementParams {
    /// The core filter these parameters ask for.
    fn filter(&self, lookup: &Lookup<'_>) -> Result<AgreementFilter, AppError> {
        Ok(AgreementFilter {
            country: parse_param(self.country.as_deref())?,
            kind: parse_param(self.kind.as_deref())?,
            level: parse_param(self.level.as_deref())?,
            status: parse_param(self.status.as_deref())?,
            education_level: parse_param(self.education_level.as_deref())?,
            study_programme: None,
            subject_area: parse_param(self.subject_area.as_deref())?,
            partner: parse_org(lookup, self.partner.as_deref(), "partner")?,
            unit: parse_org(lookup, self.unit.as_deref(), "unit")?,
            text: TextFilter::new(self.q.as_deref()),
        })
    }
}

/// Filters of `GET /programmes`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ProgrammeParams {
    /// A partner's country (partners other than the home side).
    #[param(value_type = Option<kizuna_domain::CountryCode>)]
    country: Option<String>,
    /// Programme kind.
    #[param(value_type = Option<kizuna_domain::ProgrammeKind>)]
    kind: Option<String>,
    /// Open to this education level.
    #[param(value_type = Option<kizuna_domain::EducationLevel>)]
    education_level: Option<String>,
    /// Has this organisation (or a unit of it) as a partner, unit or location.
    #[param(value_type = Option<kizuna_domain::Slug>)]
    partner: Option<String>,
    /// Administered by this unit or a unit below it.
    #[param(value_type = Option<kizuna_domain::Slug>)]
    unit: Option<String>,
    /// Text in the title or description.
    q: Option<String>,
    /// Cursor from the previous page's `next`.
    #[param(value_type = Option<crate::http::query::Cursor>)]
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
}

/// Lists programmes.
#[utoipa::path(get, path = "/programmes", tag = "registry", params(ProgrammeParams),
    responses((status = 200, body = ListResponse<Programme>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_programmes(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery(p): ApiQuery<ProgrammeParams>,
) -> Result<Response, AppError> {
    public_list(&state, &uri, |lookup| {
        let filter = ProgrammeFilter {
            country: parse_param(p.country.as_deref())?,
            kind: parse_param(p.kind.as_deref())?,
            education_level: parse_param(p.education_level.as_deref())?,
            partner: parse_org(lookup, p.partner.as_deref(), "partner")?,
            unit: parse_org(lookup, p.unit.as_deref(), "unit")?,
            text: TextFilter::new(p.q.as_deref()),
        };
        page_of(
            filter.select(lookup),
            |x| x.id.as_str(),
            p.cursor.as_deref(),
            p.limit,
            Programme::clone,
        )
    })
    .await
}

/// Filters of `GET /funding`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FundingParams {
    /// A destination country.
    #[param(value_type = Option<kizuna_domain::CountryCode>)]
    country: Option<String>,
    /// Funding kind.
    #[param(value_type = Option<kizuna_domain::FundingKind>)]
    kind: Option<String>,
    /// Open to this career stage.
    #[param(value_type = Option<kizuna_domain::CareerStage>)]
    career_stage: Option<String>,
    /// Funded by this organisation.
    #[param(value_type = Option<kizuna_domain::Slug>)]
    partner: Option<String>,
    /// Text in the title or eligibility.
    q: Option<String>,
    /// Cursor from the previous page's `next`.
    #[param(value_type = Option<crate::http::query::Cursor>)]
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
}

/// Lists funding opportunities.
#[utoipa::path(get, path = "/funding", tag = "registry", params(FundingParams),
    responses((status = 200, body = ListResponse<FundingOpportunity>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_funding(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery(p): ApiQuery<FundingParams>,
) -> Result<Response, AppError> {
    public_list(&state, &uri, |lookup| {
        let filter = FundingFilter {
            country: parse_param(p.country.as_deref())?,
            kind: parse_param(p.kind.as_deref())?,
            career_stage: parse_param(p.career_stage.as_deref())?,
            funder: parse_org(lookup, p.partner.as_deref(), "partner")?,
            text: TextFilter::new(p.q.as_deref()),
        };
        page_of(
            filter.select(lookup),
            |f| f.id.as_str(),
            p.cursor.as_deref(),
            p.limit,
            FundingOpportunity::clone,
        )
    })
    .await
}

/// Filters of `GET /contacts`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ContactParams {
    /// Covers this country.
    #[param(value_type = Option<kizuna_domain::CountryCode>)]
    country: Option<String>,
    /// Works at this organisation (or a unit of it).
    #[param(value_type = Option<kizuna_domain::Slug>)]
    partner: Option<String>,
    /// Works in this unit (or a unit below it).
    #[param(value_type = Option<kizuna_domain::Slug>)]
    unit: Option<String>,
    /// Text in the name or role.
    q: Option<String>,
    /// Cursor from the previous page's `next`.
    #[param(value_type = Option<crate::http::query::Cursor>)]
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
}

/// Lists contacts.
#[utoipa::path(get, path = "/contacts", tag = "registry", params(ContactParams),
    responses((status = 200, body = ListResponse<Contact>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_contacts(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery(p): ApiQuery<ContactParams>,
) -> Result<Response, AppError> {
    public_list(&state, &uri, |lookup| {
        let filter = ContactFilter {
            country: parse_param(p.country.as_deref())?,
            partner: parse_org(lookup, p.partner.as_deref(), "partner")?,
            unit: parse_org(lookup, p.unit.as_deref(), "unit")?,
            text: TextFilter::new(p.q.as_deref()),
        };
        page_of(
            filter.select(lookup),
            |c| c.id.as_str(),
            p.cursor.as_deref(),
            p.limit,
            Contact::clone,
        )
    })
    .await
}
