//! `GET /api/v1/{collection}` lists with filters and cursor pagination, and
//! `GET /api/v1/{collection}/{id}` single records with an `ETag`.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use kizuna_core::Snapshot;
use kizuna_domain::{
    Agreement, AgreementKind, AgreementLevel, AgreementStatus, CareerStage, Contact, CountryCode,
    EducationLevel, Entity, FundingKind, FundingOpportunity, IscedCode, Organisation,
    OrganisationKind, Programme, ProgrammeKind, Slug, Visibility,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiQuery, ListResponse, json, parse_param};
use crate::views::Lookup;
use crate::{AppError, AppState};

/// Default and largest page sizes.
const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

/// An agreement with its derived status.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementOut {
    /// The agreement.
    #[serde(flatten)]
    pub agreement: Agreement,
    /// Derived from the dates, never stored.
    pub status: AgreementStatus,
}

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

fn text_matches(q: &Option<String>, haystack: &[&str]) -> bool {
    match q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        None => true,
        Some(q) => {
            let q = q.to_lowercase();
            haystack.iter().any(|h| h.to_lowercase().contains(&q))
        }
    }
}

fn org_names<'a>(lookup: &Lookup<'a>, ids: impl IntoIterator<Item = &'a Slug>) -> Vec<&'a str> {
    ids.into_iter()
        .filter_map(|id| lookup.org(id))
        .flat_map(|o| o.names.iter().map(|n| n.value.as_str()))
        .collect()
}

/// Cuts one page out of id-ordered items.
fn paginate<T: ToSchema>(
    items: Vec<T>,
    id: impl Fn(&T) -> &str,
    cursor: Option<&str>,
    limit: Option<usize>,
) -> Result<ListResponse<T>, AppError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(AppError::BadRequest(format!(
            "`limit` must be between 1 and {MAX_LIMIT}"
        )));
    }
    let after = cursor
        .map(|c| {
            URL_SAFE_NO_PAD
                .decode(c)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .ok_or_else(|| {
                    AppError::BadRequest("`cursor` is not one this API gave out".to_owned())
                })
        })
        .transpose()?;
    let total = items.len();
    let mut page: Vec<T> = items
        .into_iter()
        .filter(|i| after.as_deref().is_none_or(|a| id(i) > a))
        .take(limit + 1)
        .collect();
    let next = if page.len() > limit {
        page.truncate(limit);
        page.last().map(|last| URL_SAFE_NO_PAD.encode(id(last)))
    } else {
        None
    };
    Ok(ListResponse {
        items: page,
        total,
        next,
    })
}

async fn public_snapshot(state: &AppState) -> std::sync::Arc<Snapshot> {
    state.public_snapshot().await
}

/// Filters of `GET /organisations`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OrganisationParams {
    /// ISO 3166-1 alpha-2 country code, either case.
    country: Option<String>,
    /// Organisation kind.
    kind: Option<String>,
    /// Organisations whose parent is this id (units of it).
    partner: Option<String>,
    /// Text in any name, in any script.
    q: Option<String>,
    /// Cursor from the previous page's `next`.
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<usize>,
}

/// Lists organisations.
#[utoipa::path(get, path = "/organisations", tag = "registry", params(OrganisationParams),
    responses((status = 200, body = ListResponse<Organisation>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_organisations(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<OrganisationParams>,
) -> Result<Response, AppError> {
    let snapshot = public_snapshot(&state).await;
    let lookup = Lookup::new(&snapshot, state.status_context(), true);
    let country = parse_param::<CountryCode>(p.country.as_deref())?;
    let kind = parse_param::<OrganisationKind>(p.kind.as_deref())?;
    let parent = parse_org(&lookup, p.partner.as_deref(), "partner")?;
    let items: Vec<Organisation> = lookup
        .organisations()
        .filter(|o| country.is_none_or(|c| o.country == Some(c)))
        .filter(|o| kind.is_none_or(|k| o.kind == k))
        .filter(|o| parent.as_ref().is_none_or(|p| o.parent.as_ref() == Some(p)))
        .filter(|o| {
            text_matches(
                &p.q,
                &o.names
                    .iter()
                    .map(|n| n.value.as_str())
                    .chain(o.city.as_deref())
                    .collect::<Vec<_>>(),
            )
        })
        .cloned()
        .collect();
    Ok(json(paginate(
        items,
        |o| o.id.as_str(),
        p.cursor.as_deref(),
        p.limit,
    )?)
    .into_response())
}

/// Filters of `GET /agreements`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AgreementParams {
    /// A partner's country (any party other than the home side; consortia count with their members' countries).
    country: Option<String>,
    /// Agreement kind.
    kind: Option<String>,
    /// Level on the home side.
    level: Option<String>,
    /// Derived status.
    status: Option<String>,
    /// Covers this education level.
    education_level: Option<String>,
    /// Has this organisation (or a unit of it) as a party.
    partner: Option<String>,
    /// Administered by this home unit or a unit below it.
    unit: Option<String>,
    /// Covers this ISCED-F code.
    subject_area: Option<String>,
    /// Text in the title, study programmes or partner names.
    q: Option<String>,
    /// Cursor from the previous page's `next`.
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<usize>,
}

/// Lists agreements.
#[utoipa::path(get, path = "/agreements", tag = "registry", params(AgreementParams),
    responses((status = 200, body = ListResponse<AgreementOut>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_agreements(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<AgreementParams>,
) -> Result<Response, AppError> {
    let snapshot = public_snapshot(&state).await;
    let lookup = Lookup::new(&snapshot, state.status_context(), true);
    let country = parse_param::<CountryCode>(p.country.as_deref())?;
    let kind = parse_param::<AgreementKind>(p.kind.as_deref())?;
    let level = parse_param::<AgreementLevel>(p.level.as_deref())?;
    let status = parse_param::<AgreementStatus>(p.status.as_deref())?;
    let education = parse_param::<EducationLevel>(p.education_level.as_deref())?;
    let partner = parse_org(&lookup, p.partner.as_deref(), "partner")?;
    let unit = parse_org(&lookup, p.unit.as_deref(), "unit")?;
    let subject = parse_param::<IscedCode>(p.subject_area.as_deref())?;
    let items: Vec<AgreementOut> = lookup
        .agreements()
        .filter(|a| country.is_none_or(|c| lookup.partner_countries(a.party_ids()).contains(&c)))
        .filter(|a| kind.is_none_or(|k| a.kind == k))
        .filter(|a| level.is_none_or(|l| a.level == l))
        .filter(|a| education.is_none_or(|e| a.education_levels.contains(&e)))
        .filter(|a| {
            partner.as_ref().is_none_or(|p| {
                a.parties.iter().any(|x| {
                    lookup.within(&x.organisation, p)
                        || x.unit.as_ref().is_some_and(|u| lookup.within(u, p))
                })
            })
        })
        .filter(|a| {
            unit.as_ref()
                .is_none_or(|u| a.home_unit.as_ref().is_some_and(|h| lookup.within(h, u)))
        })
        .filter(|a| subject.as_ref().is_none_or(|s| a.subject_areas.contains(s)))
        .filter(|a| {
            let mut hay: Vec<&str> = vec![a.title.as_str()];
            hay.extend(a.study_programmes.iter().map(String::as_str));
            hay.extend(a.research_fields.iter().map(String::as_str));
            hay.extend(org_names(&lookup, a.party_ids()));
            text_matches(&p.q, &hay)
        })
        .map(|a| AgreementOut {
            agreement: a.clone(),
            status: lookup.status(a),
        })
        .filter(|a| status.is_none_or(|s| a.status == s))
        .collect();
    Ok(json(paginate(
        items,
        |a| a.agreement.id.as_str(),
        p.cursor.as_deref(),
        p.limit,
    )?)
    .into_response())
}

/// Filters of `GET /programmes`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ProgrammeParams {
    /// A partner's country (partners other than the home side).
    country: Option<String>,
    /// Programme kind.
    kind: Option<String>,
    /// Open to this education level.
    education_level: Option<String>,
    /// Has this organisation (or a unit of it) as a partner, unit or location.
    partner: Option<String>,
    /// Administered by this unit or a unit below it.
    unit: Option<String>,
    /// Text in the title or description.
    q: Option<String>,
    /// Cursor from the previous page's `next`.
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<usize>,
}

/// Lists programmes.
#[utoipa::path(get, path = "/programmes", tag = "registry", params(ProgrammeParams),
    responses((status = 200, body = ListResponse<Programme>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_programmes(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<ProgrammeParams>,
) -> Result<Response, AppError> {
    let snapshot = public_snapshot(&state).await;
    let lookup = Lookup::new(&snapshot, state.status_context(), true);
    let country = parse_param::<CountryCode>(p.country.as_deref())?;
    let kind = parse_param::<ProgrammeKind>(p.kind.as_deref())?;
    let education = parse_param::<EducationLevel>(p.education_level.as_deref())?;
    let partner = parse_org(&lookup, p.partner.as_deref(), "partner")?;
    let unit = parse_org(&lookup, p.unit.as_deref(), "unit")?;
    let items: Vec<Programme> = lookup
        .programmes()
        .filter(|x| country.is_none_or(|c| lookup.partner_countries(&x.partners).contains(&c)))
        .filter(|x| kind.is_none_or(|k| x.kind == k))
        .filter(|x| education.is_none_or(|e| x.education_levels.contains(&e)))
        .filter(|x| {
            partner.as_ref().is_none_or(|p| {
                x.partners
                    .iter()
                    .chain(&x.units)
                    .chain(&x.locations)
                    .any(|o| lookup.within(o, p))
            })
        })
        .filter(|x| {
            unit.as_ref()
                .is_none_or(|u| x.units.iter().any(|o| lookup.within(o, u)))
        })
        .filter(|x| {
            text_matches(
                &p.q,
                &[
                    x.title.as_str(),
                    x.description.as_deref().unwrap_or_default(),
                ],
            )
        })
        .cloned()
        .collect();
    Ok(json(paginate(
        items,
        |x| x.id.as_str(),
        p.cursor.as_deref(),
        p.limit,
    )?)
    .into_response())
}

/// Filters of `GET /funding`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FundingParams {
    /// A destination country.
    country: Option<String>,
    /// Funding kind.
    kind: Option<String>,
    /// Open to this career stage.
    career_stage: Option<String>,
    /// Funded by this organisation.
    partner: Option<String>,
    /// Text in the title or eligibility.
    q: Option<String>,
    /// Cursor from the previous page's `next`.
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<usize>,
}

/// Lists funding opportunities.
#[utoipa::path(get, path = "/funding", tag = "registry", params(FundingParams),
    responses((status = 200, body = ListResponse<FundingOpportunity>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_funding(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<FundingParams>,
) -> Result<Response, AppError> {
    let snapshot = public_snapshot(&state).await;
    let lookup = Lookup::new(&snapshot, state.status_context(), true);
    let country = parse_param::<CountryCode>(p.country.as_deref())?;
    let kind = parse_param::<FundingKind>(p.kind.as_deref())?;
    let stage = parse_param::<CareerStage>(p.career_stage.as_deref())?;
    let funder = parse_org(&lookup, p.partner.as_deref(), "partner")?;
    let items: Vec<FundingOpportunity> = lookup
        .funding()
        .filter(|f| country.is_none_or(|c| f.destination_countries.contains(&c)))
        .filter(|f| kind.is_none_or(|k| f.kind == k))
        .filter(|f| stage.is_none_or(|s| f.career_stages.contains(&s)))
        .filter(|f| {
            funder
                .as_ref()
                .is_none_or(|o| f.funder.as_ref().is_some_and(|x| lookup.within(x, o)))
        })
        .filter(|f| {
            text_matches(
                &p.q,
                &[
                    f.title.as_str(),
                    f.eligibility.as_deref().unwrap_or_default(),
                ],
            )
        })
        .cloned()
        .collect();
    Ok(json(paginate(
        items,
        |f| f.id.as_str(),
        p.cursor.as_deref(),
        p.limit,
    )?)
    .into_response())
}

/// Filters of `GET /contacts`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ContactParams {
    /// Covers this country.
    country: Option<String>,
    /// Works at this organisation (or a unit of it).
    partner: Option<String>,
    /// Works in this unit (or a unit below it).
    unit: Option<String>,
    /// Text in the name or role.
    q: Option<String>,
    /// Cursor from the previous page's `next`.
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<usize>,
}

/// Lists contacts.
#[utoipa::path(get, path = "/contacts", tag = "registry", params(ContactParams),
    responses((status = 200, body = ListResponse<Contact>), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn list_contacts(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<ContactParams>,
) -> Result<Response, AppError> {
    let snapshot = public_snapshot(&state).await;
    let lookup = Lookup::new(&snapshot, state.status_context(), true);
    let country = parse_param::<CountryCode>(p.country.as_deref())?;
    let partner = parse_org(&lookup, p.partner.as_deref(), "partner")?;
    let unit = parse_org(&lookup, p.unit.as_deref(), "unit")?;
    let items: Vec<Contact> = lookup
        .contacts()
        .filter(|c| country.is_none_or(|cc| c.countries.contains(&cc)))
        .filter(|c| {
            partner.as_ref().is_none_or(|p| {
                c.organisation
                    .iter()
                    .chain(&c.unit)
                    .any(|o| lookup.within(o, p))
            })
        })
        .filter(|c| {
            unit.as_ref()
                .is_none_or(|u| c.unit.as_ref().is_some_and(|x| lookup.within(x, u)))
        })
        .filter(|c| {
            text_matches(
                &p.q,
                &[c.name.as_str(), c.role.as_deref().unwrap_or_default()],
            )
        })
        .cloned()
        .collect();
    Ok(json(paginate(
        items,
        |c| c.id.as_str(),
        p.cursor.as_deref(),
        p.limit,
    )?)
    .into_response())
}

/// Reads one public record straight from storage, with its version as ETag.
async fn one<E: Entity>(state: &AppState, id: &str) -> Result<(E, HeaderValue), AppError> {
    let not_found = || AppError::NotFound(format!("{}/{id} does not exist", E::COLLECTION));
    let found = state.registry().get::<E>(id).await?.ok_or_else(not_found)?;
    if found.record.visibility() != Visibility::Public {
        return Err(not_found());
    }
    let etag =
        HeaderValue::from_str(&format!("\"{}\"", found.revision)).expect("digits are header-safe");
    let mut record = found.record;
    record.redact_internal();
    Ok((record, etag))
}

fn with_etag<T: Serialize>(value: T, etag: HeaderValue) -> Response {
    let mut response = json(value).into_response();
    response.headers_mut().insert(header::ETAG, etag);
    response
}

macro_rules! get_one {
    ($name:ident, $ty:ty, $path:literal) => {
        #[doc = concat!("One record of `", $path, "`, with an `ETag`.")]
        #[utoipa::path(get, path = $path, tag = "registry", params(("id" = String, Path, description = "Record id")),
            responses((status = 200, body = $ty), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
        pub async fn $name(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, AppError> {
            let (record, etag) = one::<$ty>(&state, &id).await?;
            Ok(with_etag(record, etag))
        }
    };
}

get_one!(get_organisation, Organisation, "/organisations/{id}");
get_one!(get_programme, Programme, "/programmes/{id}");
get_one!(get_funding, FundingOpportunity, "/funding/{id}");
get_one!(get_contact, Contact, "/contacts/{id}");

/// One agreement, with its derived status and an `ETag`.
#[utoipa::path(get, path = "/agreements/{id}", tag = "registry", params(("id" = String, Path, description = "Record id")),
    responses((status = 200, body = AgreementOut), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn get_agreement(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (agreement, etag) = one::<Agreement>(&state, &id).await?;
    let snapshot = state.public_snapshot().await;
    let lookup = Lookup::new(&snapshot, state.status_context(), true);
    let status = lookup.status(&agreement);
    Ok(with_etag(AgreementOut { agreement, status }, etag))
}
