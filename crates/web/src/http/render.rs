//! Rendering pages: the layout every page shares, the typed page a template
//! receives, and problems from page handlers turned into HTML error pages.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::error::Problem;
use crate::{AppError, AppState};
use kizuna_core::read::Lookup;

/// The `Content-Type` of pages kept in the page cache.
pub const HTML: &str = "text/html; charset=utf-8";

/// What every page's layout needs.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// The `<title>` and first heading.
    pub title: String,
    /// The request path, for marking the current navigation item.
    pub path: String,
    /// The home organisation's name, shown in the header.
    pub site_name: String,
    /// The deployment's base of absolute links (never taken from the request:
    /// pages are cached and shared), e.g. for the embed snippet.
    pub base_url: String,
    /// Whether the factsheet for incoming students is published (the footer links it).
    pub incoming: bool,
    /// The page's language code (`<html lang>`).
    pub lang: &'static str,
    /// The page in each interface language, for the switcher and `hreflang`.
    pub languages: Vec<LangLink>,
}

/// The same page in one interface language.
#[derive(Debug, Clone, Serialize)]
pub struct LangLink {
    /// `sv`.
    pub code: &'static str,
    /// `Svenska`.
    pub name: &'static str,
    /// The page's address in that language, relative.
    pub href: String,
    /// The page's absolute address in that language (`hreflang` alternates).
    pub url: String,
    /// Whether the page is in this language now.
    pub current: bool,
}

impl LangLink {
    /// The page at `path` in every interface language.
    pub fn all(base_url: &str, path: &str) -> Vec<LangLink> {
        let current = super::lang::current();
        super::lang::Lang::ALL
            .into_iter()
            .map(|lang| {
                let href = format!("{path}?lang={lang}");
                LangLink {
                    code: lang.code(),
                    name: lang.endonym(),
                    url: format!("{}{href}", base_url.trim_end_matches('/')),
                    href,
                    current: lang == current,
                }
            })
            .collect()
    }
}

/// A page: its layout and its typed view.
#[derive(Debug, Serialize)]
pub struct Page<T: Serialize> {
    /// Layout.
    pub layout: Layout,
    /// The page's own data.
    pub view: T,
}

/// Renders `template` with `view` inside the layout.
pub async fn render<T: Serialize>(
    state: &AppState,
    template: &str,
    title: String,
    path: &str,
    view: T,
) -> Result<Html<String>, AppError> {
    let page = Page {
        layout: Layout::new(state, title, path).await,
        view,
    };
    Ok(Html(state.templates().render(template, &page)?))
}

impl Layout {
    /// The layout of a page at `path`, named after the home organisation.
    pub async fn new(state: &AppState, title: String, path: &str) -> Layout {
        let snapshot = state.public_snapshot().await;
        let site_name = snapshot
            .home
            .as_ref()
            .and_then(|h| snapshot.organisations.get(h))
            .map(|o| o.display_name().to_owned())
            .unwrap_or_else(|| "Kizuna".to_owned());
        let base_url = super::base_url::configured_base(state.settings());
        Layout {
            title,
            path: path.to_owned(),
            site_name,
            lang: super::lang::current().code(),
            languages: LangLink::all(&base_url, path),
            base_url,
            incoming: snapshot.factsheet.is_some(),
        }
    }
}

/// A public reader of the current snapshot, showing names in the reader's language.
pub fn public_lookup<'a>(state: &AppState, snapshot: &'a kizuna_core::Snapshot) -> Lookup<'a> {
    Lookup::new(snapshot, state.status_context(), true)
        .reading_as(crate::country_names::reader(super::lang::current()))
}

/// The error page's view.
#[derive(Debug, Serialize)]
struct ErrorView {
    status: u16,
    title: String,
    detail: String,
}

/// Turns problem documents from page handlers into HTML error pages.
pub async fn render_errors(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let Some(problem) = response.extensions().get::<Problem>().cloned() else {
        return response;
    };
    error_page(&state, &path, problem).await.unwrap_or(response)
}

/// The HTML error page saying what `problem` says, with its status; None
/// when the page itself cannot be rendered (the caller keeps what it had).
pub async fn error_page(state: &AppState, path: &str, problem: Problem) -> Option<Response> {
    let status = axum::http::StatusCode::from_u16(problem.status).ok()?;
    let (title, detail) = worded(&problem);
    let view = ErrorView {
        status: problem.status,
        title: title.clone(),
        detail,
    };
    match render(state, "error.html", title, path, view).await {
        Ok(html) => Some((status, html).into_response()),
        Err(e) => {
            tracing::error!(error = %e, "the error page itself failed");
            None
        }
    }
}

/// The error page's title and detail in the reader's language. The common
/// statuses have their own words; an English reader keeps the problem's
/// own detail (it names what is missing), others get the status's words.
/// Problem documents themselves stay English.
fn worded(problem: &Problem) -> (String, String) {
    if !matches!(
        problem.status,
        400 | 401 | 403 | 404 | 409 | 412 | 413 | 500
    ) {
        return (problem.title.clone(), problem.detail.clone());
    }
    let title = super::lang::t(&format!("rec-error-{}-title", problem.status));
    // A refusal the core gave as a code says exactly why, in any language
    // (an EWP approval's reason is worded as on the agreement's panel).
    if let Some(said) = &problem.said {
        let prefixes = ["admin-refused-", "admin-"];
        let detail = super::lang::coded(Some(said), &problem.detail, &prefixes);
        return (title, detail);
    }
    let detail = match (super::lang::current(), problem.status) {
        (super::lang::Lang::En, status) if status != 500 => problem.detail.clone(),
        // A conflict's detail names what conflicts; there are no general words for it.
        (_, 409) => problem.detail.clone(),
        // What was not understood is named in the (English) detail: it is quoted.
        (_, 400) => super::lang::t_with(
            "rec-error-400-detail",
            &[("detail", kizuna_i18n::Arg::Text(problem.detail.clone()))],
        ),
        _ => super::lang::t(&format!("rec-error-{}-detail", problem.status)),
    };
    (title, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::lang::{Lang, scope};

    #[tokio::test]
    async fn common_error_pages_speak_the_readers_language() {
        let problem = AppError::NotFound("There is no agreement `x`.".to_owned()).problem();
        let en = scope(Lang::En, async { worded(&problem) }).await;
        assert_eq!(
            en,
            (
                "Not found".to_owned(),
                "There is no agreement `x`.".to_owned()
            )
        );
        let (title, detail) = scope(Lang::Sv, async { worded(&problem) }).await;
        assert_eq!(title, "Sidan finns inte");
        assert!(detail.starts_with("Det finns ingen sida"), "{detail}");
        let conflict = AppError::Conflict("taken".to_owned()).problem();
        let kept = scope(Lang::Ja, async { worded(&conflict) }).await;
        assert_eq!(kept, ("競合があります".to_owned(), "taken".to_owned()));
        let stale = AppError::PreconditionFailed("agreements/x was changed".to_owned()).problem();
        let (title, detail) = scope(Lang::Sv, async { worded(&stale) }).await;
        assert_eq!(title, "Ändrad av någon annan");
        assert!(detail.starts_with("Någon annan har ändrat"), "{detail}");
        let bad = AppError::BadRequest("`page`: not a number".to_owned()).problem();
        let (title, detail) = scope(Lang::Ja, async { worded(&bad) }).await;
        assert_eq!(title, "理解できないリクエスト");
        assert_eq!(
            detail,
            "アドレスまたはフォームの内容を理解できませんでした：`page`: not a number"
        );
        let mut large = bad.clone();
        large.status = 413;
        let (title, detail) = scope(Lang::Sv, async { worded(&large) }).await;
        assert_eq!(title, "För stort");
        assert!(
            detail.starts_with("Det som skickades är större"),
            "{detail}"
        );
    }

    #[tokio::test]
    async fn a_coded_refusal_says_why_in_the_readers_language() {
        let refused = AppError::from(kizuna_core::WriteError::OutOfScope {
            role: kizuna_domain::Role::Editor,
            action: kizuna_domain::Action::Delete,
            unit: Some("cmb".parse().unwrap()),
        });
        let problem = refused.problem();
        assert_eq!(problem.detail, "an editor may not delete records of `cmb`");
        let (title, sv) = scope(Lang::Sv, async { worded(&problem) }).await;
        assert_eq!(title, "Inte tillåtet");
        assert_eq!(sv, "En redaktör får inte ta bort poster för ”cmb”.");
        let (_, ja) = scope(Lang::Ja, async { worded(&problem) }).await;
        assert_eq!(ja, "編集者は「cmb」のレコードを削除できません。");
        let referenced = AppError::from(kizuna_core::WriteError::Referenced {
            collection: "organisations".into(),
            id: "ki".into(),
            referrers: vec!["agreements/a".into(), "contacts/b".into()],
        })
        .problem();
        assert_eq!(referenced.status, 409);
        let (_, sv) = scope(Lang::Sv, async { worded(&referenced) }).await;
        assert!(
            sv.contains("agreements/a, contacts/b") && sv.contains("hänvisar"),
            "{sv}"
        );
    }
}
