//! Embeds: `/embed/{widget}` pages made to sit in an iframe on the
//! university's own site (public data only, no session, links open in the
//! top window), and `/embed.js`, which turns
//! `<div data-kizuna="map" data-country="JP"></div>` into such an iframe that
//! sizes itself. Who may frame them is `http::framing`'s business.

mod widgets;

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::Value;

use crate::http::base_url::BaseUrl;
use crate::http::lang::{Lang, languages, t_with};
use crate::http::render::{HTML, render_errors};
use crate::{AppError, AppState};
use kizuna_i18n::Arg;

/// The widgets, by the name `data-kizuna` and the path use.
pub const WIDGETS: [&str; 4] = ["map", "agreements", "funding", "country"];

/// Filters a snippet may carry, in the order it writes them.
const SNIPPET_FILTERS: [&str; 10] = [
    "country",
    "kind",
    "level",
    "status",
    "education_level",
    "study_programme",
    "subject_area",
    "unit",
    "career_stage",
    "scope",
];

/// The script a host page loads; `__KIZUNA_BASE__` becomes the base URL.
const EMBED_SCRIPT: &str = include_str!("../../assets/embed.js");

/// Embed routes: the script and the widget pages.
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/embed.js", get(script))
        .route("/embed/{widget}", get(widget))
        .layer(middleware::from_fn_with_state(state, render_errors))
}

/// `GET /embed.js`: the loader for host pages, pointing at this deployment.
async fn script(State(state): State<AppState>, BaseUrl(base): BaseUrl) -> Response {
    // JSON is a JavaScript string literal; the base is checked, this is belt and braces.
    let literal = serde_json::to_string(&base).unwrap_or_else(|_| "\"\"".to_owned());
    let body = EMBED_SCRIPT
        .replace("\"__KIZUNA_BASE__\"", &literal)
        .replace("\"__KIZUNA_TITLES__\"", &frame_titles().to_string());
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    if state.settings().trust_proxy && state.settings().public_url.is_none() {
        // The base then comes from these headers: caches must keep one copy per value.
        headers.insert(
            header::VARY,
            HeaderValue::from_static("Host, X-Forwarded-Host, X-Forwarded-Proto"),
        );
    }
    response
}

/// Each widget's frame title in every interface language (a host page may be in any).
fn frame_titles() -> serde_json::Value {
    let catalog = languages().catalog();
    Lang::ALL
        .iter()
        .map(|lang| {
            let titles: serde_json::Map<String, serde_json::Value> = WIDGETS
                .iter()
                .map(|w| {
                    let title = catalog.message(*lang, &format!("atlas-embed-frame-{w}"), &[]);
                    ((*w).to_owned(), title.into())
                })
                .collect();
            (lang.code().to_owned(), titles.into())
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// `GET /embed/{widget}`: one widget's page; an unknown widget is a 404.
async fn widget(
    State(state): State<AppState>,
    Path(name): Path<String>,
    BaseUrl(base): BaseUrl,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let query = query.unwrap_or_default();
    if !WIDGETS.contains(&name.as_str()) {
        return Err(AppError::NotFound(t_with(
            "atlas-embed-unknown",
            &[
                ("name", Arg::Text(name)),
                ("widgets", Arg::Text(WIDGETS.join(", "))),
            ],
        )));
    }
    // Refused filters are refused before the cache is consulted.
    let params = widgets::Params::parse(&name, &query)?;
    let key = format!("embed {base} {name}?{query}");
    state
        .cached(key, HTML, async |snapshot| {
            widgets::render(&state, &snapshot, &base, &params).await
        })
        .await
}

/// The one-line snippet that embeds `widget` with the filters in `params` (a map;
/// empty values and other keys are left out), loading the script from `base`.
pub fn snippet(base: &str, widget: &str, params: &Value) -> String {
    let mut attributes = format!("data-kizuna=\"{}\"", attribute(widget));
    for key in SNIPPET_FILTERS {
        let Ok(value) = params.get_item(&Value::from(key)) else {
            continue;
        };
        if value.is_none() || value.is_undefined() {
            continue;
        }
        let text = value.to_string();
        if !text.trim().is_empty() {
            let name = key.replace('_', "-");
            attributes.push_str(&format!(" data-{name}=\"{}\"", attribute(&text)));
        }
    }
    format!(
        "<div {attributes}></div><script src=\"{}/embed.js\" async></script>",
        attribute(base)
    )
}

/// Text safe inside a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_carries_the_filters_as_data_attributes() {
        let params = Value::from_pairs(vec![
            ("country", Value::from("JP")),
            ("education_level", Value::from("doctoral")),
            ("kind", Value::from(())),
            ("study_programme", Value::from("Nursing \"&\" care")),
            ("bbox", Value::from("1,2,3,4")),
        ]);
        assert_eq!(
            snippet("https://partners.ki.se", "map", &params),
            "<div data-kizuna=\"map\" data-country=\"JP\" data-education-level=\"doctoral\" \
             data-study-programme=\"Nursing &quot;&amp;&quot; care\"></div>\
             <script src=\"https://partners.ki.se/embed.js\" async></script>"
        );
    }

    #[test]
    fn the_script_names_this_deployment() {
        assert!(EMBED_SCRIPT.contains("\"__KIZUNA_BASE__\""));
        assert!(EMBED_SCRIPT.contains("\"__KIZUNA_TITLES__\""));
    }

    #[test]
    fn frames_are_titled_in_every_language() {
        let titles = frame_titles();
        assert_eq!(titles["en"]["map"], "Map of partners");
        assert_eq!(titles["sv"]["map"], "Karta över partner");
        assert_eq!(titles["ja"]["country"], "国・地域の概要");
    }
}
