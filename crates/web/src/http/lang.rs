//! The reader's language: `?lang=` (kept in the `kizuna_lang` cookie), then
//! that cookie, then `Accept-Language`, then the deployment's default. The
//! middleware sets it for the whole request, so a page, its title and its
//! error page all speak the same language without passing it around.

use std::sync::LazyLock;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
pub use kizuna_i18n::Lang;
use kizuna_i18n::{Arg, Languages};

/// Content types worded in the reader's language.
const WORDED: [&str; 3] = ["text/html", "application/atom+xml", "text/calendar"];

/// The cookie that remembers a reader's choice.
pub const COOKIE: &str = "kizuna_lang";

static LANGUAGES: LazyLock<Languages> = LazyLock::new(|| {
    Languages::load().expect("the built-in message files parse (a unit test checks)")
});

tokio::task_local! {
    static CURRENT: Lang;
}

/// Messages, collation and formats of every interface language.
pub fn languages() -> &'static Languages {
    &LANGUAGES
}

/// The language of the request being answered (the default outside one).
pub fn current() -> Lang {
    scoped().unwrap_or_default()
}

/// The language of the request being answered, if any.
pub fn scoped() -> Option<Lang> {
    CURRENT.try_with(|l| *l).ok()
}

/// Runs `f` as if answering a request in `lang` (for tests and background renders).
pub async fn scope<F: Future>(lang: Lang, f: F) -> F::Output {
    CURRENT.scope(lang, f).await
}

/// The message `key` in the request's language.
pub fn t(key: &str) -> String {
    languages().catalog().message(current(), key, &[])
}

/// The message `key` in the request's language, with values placed.
pub fn t_with(key: &str, args: &[(&str, Arg)]) -> String {
    languages().catalog().message(current(), key, args)
}

/// The message `PREFIX-CODE` of the first prefix whose message exists in the
/// reader's language, with the problem's values; else the English sentence.
pub fn coded(problem: Option<&kizuna_domain::Problem>, english: &str, prefixes: &[&str]) -> String {
    let Some(problem) = problem else {
        return english.to_owned();
    };
    let catalog = languages().catalog();
    let Some(key) = prefixes
        .iter()
        .map(|prefix| format!("{prefix}{}", problem.code))
        .find(|key| catalog.has(current(), key))
    else {
        return english.to_owned();
    };
    let args: Vec<(&str, Arg)> = problem
        .args
        .iter()
        .map(|(name, value)| {
            // Counts pick the plural form; ids and words stay text.
            let arg = match value.parse::<i64>() {
                Ok(n) if matches!(*name, "max" | "count") => Arg::Number(n as f64),
                _ => Arg::Text(value.clone()),
            };
            (*name, arg)
        })
        .collect();
    t_with(&key, &args)
}

/// Which language a request asks for, and whether it asked by `?lang=`.
pub fn choose(request: &Request, default: Lang) -> (Lang, bool) {
    let from_query = request.uri().query().and_then(|q| {
        form_urlencoded_pairs(q)
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| v.parse::<Lang>().ok())
    });
    if let Some(lang) = from_query {
        return (lang, true);
    }
    let from_cookie = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| value.parse::<Lang>().ok());
    let from_header = || {
        request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
    };
    (from_cookie.or_else(from_header).unwrap_or(default), false)
}

fn form_urlencoded_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .unwrap_or_default()
        .into_iter()
}

/// `uri` without its `lang` query parameters, when it has any.
fn without_lang(uri: &axum::http::Uri) -> Option<axum::http::Uri> {
    let query = uri.query()?;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| pair.split('=').next() != Some("lang"))
        .collect();
    if kept.len() == query.split('&').count() {
        return None;
    }
    let path = match kept.join("&") {
        rest if rest.is_empty() => uri.path().to_owned(),
        rest => format!("{}?{rest}", uri.path()),
    };
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = path.parse().ok();
    axum::http::Uri::from_parts(parts).ok()
}

/// Answers the request in the language it asks for; remembers a `?lang=`
/// choice in a cookie, and tells caches the answer varies by language.
pub async fn negotiate(State(default): State<Lang>, mut request: Request, next: Next) -> Response {
    let (lang, chosen) = choose(&request, default);
    // Pages whose filters refuse unknown parameters (`/map`, `/search`,
    // `/embed/…`) would refuse `?lang=` too: it is this layer's, not theirs.
    if let Some(uri) = without_lang(request.uri()) {
        *request.uri_mut() = uri;
    }
    let mut response = CURRENT.scope(lang, next.run(request)).await;
    let headers = response.headers_mut();
    if chosen {
        let cookie = format!("{COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    // Only what is worded for people varies: JSON, scripts and assets are the same in every language.
    let worded = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| WORDED.iter().any(|w| t.starts_with(w)));
    if worded {
        headers.append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
        if !headers.contains_key(header::CONTENT_LANGUAGE) {
            headers.insert(
                header::CONTENT_LANGUAGE,
                HeaderValue::from_static(lang.code()),
            );
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(uri: &str, headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().uri(uri);
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        builder.body(axum::body::Body::empty()).unwrap()
    }

    #[test]
    fn query_beats_cookie_beats_header_beats_default() {
        let both = [("cookie", "a=b; kizuna_lang=ja"), ("accept-language", "sv")];
        assert_eq!(
            choose(&request("/?lang=sv", &both), Lang::En),
            (Lang::Sv, true)
        );
        assert_eq!(choose(&request("/", &both), Lang::En), (Lang::Ja, false));
        assert_eq!(
            choose(&request("/", &both[1..]), Lang::En),
            (Lang::Sv, false)
        );
        assert_eq!(choose(&request("/", &[]), Lang::Ja), (Lang::Ja, false));
    }

    #[test]
    fn the_lang_parameter_is_taken_off_the_query() {
        let strip = |uri: &str| without_lang(&uri.parse().unwrap()).map(|u| u.to_string());
        assert_eq!(strip("/map?lang=sv").as_deref(), Some("/map"));
        assert_eq!(
            strip("/map?country=JP&lang=ja&kind=research").as_deref(),
            Some("/map?country=JP&kind=research")
        );
        assert_eq!(strip("/map?language=sv"), None);
        assert_eq!(strip("/map"), None);
    }

    #[test]
    fn unknown_languages_are_ignored() {
        let h = [("cookie", "kizuna_lang=xx"), ("accept-language", "de")];
        assert_eq!(
            choose(&request("/?lang=klingon", &h), Lang::Sv),
            (Lang::Sv, false)
        );
    }
}
