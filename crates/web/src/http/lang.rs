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
    CURRENT.try_with(|l| *l).unwrap_or_default()
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

/// Answers the request in the language it asks for; remembers a `?lang=`
/// choice in a cookie, and tells caches the answer varies by language.
pub async fn negotiate(State(default): State<Lang>, request: Request, next: Next) -> Response {
    let (lang, chosen) = choose(&request, default);
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
    fn unknown_languages_are_ignored() {
        let h = [("cookie", "kizuna_lang=xx"), ("accept-language", "de")];
        assert_eq!(
            choose(&request("/?lang=klingon", &h), Lang::Sv),
            (Lang::Sv, false)
        );
    }
}
