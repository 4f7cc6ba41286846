//! Search on the web: `GET /api/v1/search`, as-you-type suggestions and the
//! `/search` page with facet filters.

mod facets;
mod page;

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use kizuna_domain::{CareerStage, Collection, CountryCode, EducationLevel};
use kizuna_search::{Hit, SearchQuery, SearchResults};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub use page::search_page;

use tower_sessions::Session;

use crate::http::auth::{user_from_session, user_from_token};
use crate::http::query::{ApiQuery, parse_param};
use crate::{AppError, AppState};

/// Most hits a page may ask for.
const MAX_LIMIT: usize = 100;

/// Parameters of a search.
#[derive(Debug, Default, Clone, Deserialize, Serialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// What to look for, in any language or script; empty lists everything that passes the filters.
    pub q: Option<String>,
    /// Only this collection: organisations, agreements, programmes, funding or contacts.
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<kizuna_domain::Collection>)]
    pub kind_of_record: Option<String>,
    /// Country (for agreements and programmes: a partner's country).
    #[param(value_type = Option<kizuna_domain::CountryCode>)]
    pub country: Option<String>,
    /// Kind of record (e.g. `education`, `student_exchange`, `fellowship`).
    #[param(value_type = Option<AnyKind>)]
    pub kind: Option<String>,
    /// Agreement level.
    #[param(value_type = Option<kizuna_domain::AgreementLevel>)]
    pub level: Option<String>,
    /// Education level.
    #[param(value_type = Option<kizuna_domain::EducationLevel>)]
    pub education_level: Option<String>,
    /// Career stage (funding).
    #[param(value_type = Option<kizuna_domain::CareerStage>)]
    pub career_stage: Option<String>,
    /// Hits per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<usize>,
    /// Hits to skip, at most 10,000.
    #[param(minimum = 0, maximum = 10000)]
    pub offset: Option<usize>,
    /// The search page only: the filter whose every value is listed (the
    /// others list their commonest). Not a parameter of the API.
    #[param(ignore)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more: Option<String>,
}

impl SearchParams {
    /// Checks every value and builds the query `audience` may run.
    pub fn query(&self, audience: Audience) -> Result<SearchQuery, AppError> {
        let limit = self.limit.unwrap_or(20);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(AppError::BadRequest(format!(
                "`limit` must be between 1 and {MAX_LIMIT}"
            )));
        }
        let offset = self.offset.unwrap_or(0);
        if offset > kizuna_search::MAX_OFFSET {
            return Err(AppError::BadRequest(format!(
                "`offset` must be at most {}",
                kizuna_search::MAX_OFFSET
            )));
        }
        let country: Option<CountryCode> = parse_param(self.country.as_deref())?;
        let level: Option<kizuna_domain::AgreementLevel> = parse_param(self.level.as_deref())?;
        let education: Option<EducationLevel> = parse_param(self.education_level.as_deref())?;
        let stage: Option<CareerStage> = parse_param(self.career_stage.as_deref())?;
        let types: Vec<Collection> = parse_param::<Collection>(self.kind_of_record.as_deref())?
            .into_iter()
            .collect();
        let kind = self.kind.clone().filter(|k| !k.is_empty());
        if let Some(k) = &kind
            && !known_kind(k)
        {
            return Err(AppError::BadRequest(format!("unknown kind `{k}`")));
        }
        Ok(SearchQuery {
            q: self.q.clone().unwrap_or_default(),
            types,
            country,
            kind,
            level: level.map(|l| l.to_string()),
            education_level: education.map(|e| e.to_string()),
            career_stage: stage.map(|s| s.to_string()),
            public_only: !audience.staff,
            // The API titles hits by their display names; the page sets its reader's.
            lang: None,
            limit,
            offset,
        })
    }
}

/// Who is searching: staff (an API token or a signed-in session) also find
/// internal records, each hit saying its visibility; everyone else finds
/// public records only.
#[derive(Debug, Clone, Copy, Default)]
pub struct Audience {
    /// A signed-in user or a valid API token.
    pub staff: bool,
}

impl FromRequestParts<AppState> for Audience {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // A token that is sent but unknown is refused rather than silently
        // treated as public: the caller meant to search as staff.
        if user_from_token(state, parts).await?.is_some() {
            return Ok(Audience { staff: true });
        }
        if let Some(session) = parts.extensions.get::<Session>().cloned() {
            match user_from_session(state, &session).await {
                Ok(user) => {
                    return Ok(Audience {
                        staff: user.is_some(),
                    });
                }
                // A disabled or removed account was signed out: it searches as the public.
                Err(AppError::Unauthorized(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Audience::default())
    }
}

/// Staff answers differ from public ones: no shared cache may keep or mix them.
fn private_to(audience: Audience, mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::VARY,
        HeaderValue::from_static("authorization, cookie"),
    );
    if audience.staff {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    response
}

/// Whether a word is a kind of any collection.
/// The `kind` filter of a search, documented as every word [`known_kind`] takes.
pub struct AnyKind;

impl utoipa::PartialSchema for AnyKind {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use kizuna_domain::{AgreementKind, FundingKind, OrganisationKind, ProgrammeKind};
        let mut words: Vec<&str> = OrganisationKind::ALL.iter().map(|k| k.as_str()).collect();
        words.extend(AgreementKind::ALL.iter().map(|k| k.as_str()));
        words.extend(ProgrammeKind::ALL.iter().map(|k| k.as_str()));
        words.extend(FundingKind::ALL.iter().map(|k| k.as_str()));
        words.sort_unstable();
        words.dedup();
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(words))
            .into()
    }
}

impl utoipa::ToSchema for AnyKind {}

fn known_kind(word: &str) -> bool {
    use kizuna_domain::{AgreementKind, FundingKind, OrganisationKind, ProgrammeKind};
    word.parse::<OrganisationKind>().is_ok()
        || word.parse::<AgreementKind>().is_ok()
        || word.parse::<ProgrammeKind>().is_ok()
        || word.parse::<FundingKind>().is_ok()
}

/// Runs a query on the request's own thread: the index is memory-mapped and
/// a query takes a fraction of a millisecond, less than handing it to the
/// blocking pool and back (two thread wake-ups) costs.
pub async fn run(state: &AppState, query: SearchQuery) -> Result<SearchResults, AppError> {
    state
        .search()
        .search(&query)
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// Searches every public record; with an API token or a session, internal ones too
/// (their hits say `"visibility": "internal"`). Text with nothing searchable in it
/// (`*`, `(`, one overlong word) finds no record; an empty `q` lists every one.
/// When no record holds every word, the answer says `"partial": true` and its
/// hits are the closest matches, those holding more of the words first.
#[utoipa::path(get, path = "/search", tag = "search", params(SearchParams),
    responses((status = 200, body = SearchResults), (status = 400, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn search_api(
    State(state): State<AppState>,
    audience: Audience,
    ApiQuery(params): ApiQuery<SearchParams>,
) -> Result<Response, AppError> {
    if params.more.is_some() {
        return Err(AppError::BadRequest("unknown field `more`".into()));
    }
    let results = run(&state, params.query(audience)?).await?;
    Ok(private_to(audience, axum::Json(results).into_response()))
}

/// Parameters of suggestions.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SuggestParams {
    /// What has been typed so far; the last word counts as a prefix.
    pub q: String,
}

/// Suggestions while typing.
#[derive(Debug, Serialize, ToSchema)]
pub struct Suggestions {
    /// The best few matches.
    pub hits: Vec<Hit>,
}

/// As-you-type suggestions (the last word is a prefix); staff also get internal records.
#[utoipa::path(get, path = "/search/suggest", tag = "search", params(SuggestParams),
    responses((status = 200, body = Suggestions), (status = 401, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn suggest_api(
    State(state): State<AppState>,
    audience: Audience,
    ApiQuery(params): ApiQuery<SuggestParams>,
) -> Result<Response, AppError> {
    // On the request's thread, as `run` does.
    let hits = (state.search())
        .suggest(&params.q, !audience.staff, 8)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(private_to(
        audience,
        axum::Json(Suggestions { hits }).into_response(),
    ))
}
