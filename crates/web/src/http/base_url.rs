//! The base of every absolute link (feeds, calendars, embeds, `/embed.js`):
//! the configured public URL; else, only behind a trusted proxy, the
//! forwarded scheme and host once checked; else the listen address. A
//! client's `Host` or `X-Forwarded-*` header never reaches a link unchecked,
//! and without `trust_proxy` not at all.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};

use crate::{AppState, WebSettings};

/// Why a configured address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not {expected}")]
pub struct InvalidAddress {
    value: String,
    expected: &'static str,
}

/// `KIZUNA_PUBLIC_URL`: an absolute http(s) URL with a host, no user, query
/// or fragment; kept without its trailing slash so paths append to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

const PUBLIC_URL: &str =
    "an absolute http or https address without a query, e.g. https://partners.example.org";

impl FromStr for PublicUrl {
    type Err = InvalidAddress;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refuse = || InvalidAddress {
            value: text.to_owned(),
            expected: PUBLIC_URL,
        };
        let url = checked_http_url(text).ok_or_else(refuse)?;
        if url.query().is_some() {
            return Err(refuse());
        }
        Ok(PublicUrl(url.as_str().trim_end_matches('/').to_owned()))
    }
}

impl PublicUrl {
    /// The address, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `scheme://host[:port]`: what a browser reports as the origin of its pages.
    pub fn origin(&self) -> String {
        url::Url::parse(&self.0)
            .map(|u| u.origin().ascii_serialization())
            .unwrap_or_default()
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One origin allowed to frame the embed pages (`KIZUNA_EMBED_ORIGINS`):
/// `scheme://host[:port]` and nothing else, so it is a valid CSP source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOrigin(String);

impl FromStr for EmbedOrigin {
    type Err = InvalidAddress;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refuse = || InvalidAddress {
            value: text.to_owned(),
            expected: "an origin: http or https, a host and an optional port, nothing after it (e.g. https://www.example.org)",
        };
        let url = checked_http_url(text).ok_or_else(refuse)?;
        if url.path() != "/" || url.query().is_some() {
            return Err(refuse());
        }
        Ok(EmbedOrigin(url.origin().ascii_serialization()))
    }
}

impl EmbedOrigin {
    /// `scheme://host[:port]`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Space-separated origins, as `KIZUNA_EMBED_ORIGINS` holds them.
    pub fn parse_list(text: &str) -> Result<Vec<EmbedOrigin>, InvalidAddress> {
        text.split_whitespace().map(str::parse).collect()
    }
}

/// An http(s) URL with a plain host and no user, password or fragment.
fn checked_http_url(text: &str) -> Option<url::Url> {
    let text = text.trim();
    let url = url::Url::parse(text).ok()?;
    let fine = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(plain_host)
        && url.username().is_empty()
        && url.password().is_none()
        && url.fragment().is_none()
        && !text.contains('#');
    fine.then_some(url)
}

/// The base when the request may not say: the public URL, else the listen
/// address (`localhost` for an unspecified one).
pub fn configured_base(settings: &WebSettings) -> String {
    if let Some(url) = &settings.public_url {
        return url.as_str().to_owned();
    }
    match settings.listen {
        Some(addr) if addr.ip().is_unspecified() => format!("http://localhost:{}", addr.port()),
        Some(addr) => format!("http://{addr}"),
        None => "http://localhost".to_owned(),
    }
}

/// The base for a request with `headers`: the public URL when set; behind a
/// trusted proxy the forwarded scheme and host when both are well formed;
/// the listen address otherwise.
pub fn request_base(settings: &WebSettings, headers: &HeaderMap) -> String {
    if settings.public_url.is_none()
        && settings.trust_proxy
        && let Some(base) = forwarded_base(headers)
    {
        return base;
    }
    configured_base(settings)
}

/// `scheme://host` from `X-Forwarded-Proto` and `X-Forwarded-Host` (or
/// `Host`); None when either is malformed, so a bad header changes nothing.
fn forwarded_base(headers: &HeaderMap) -> Option<String> {
    // A proxy chain appends: the first value is what the client's proxy saw.
    let first = |name: &str| {
        headers.get(name).map(|v| {
            v.to_str()
                .ok()
                .map(|s| s.split(',').next().unwrap_or("").trim())
        })
    };
    let scheme = match first("x-forwarded-proto") {
        None => "http".to_owned(),
        Some(value) => value?.to_ascii_lowercase(),
    };
    if !matches!(scheme.as_str(), "http" | "https") {
        return None;
    }
    let host = match first("x-forwarded-host") {
        Some(value) => value?,
        None => headers.get(header::HOST)?.to_str().ok()?.trim(),
    };
    valid_authority(host).then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// Letters, digits, dots, hyphens and IPv6 brackets: a host that cannot end
/// a CSP directive (`;`) or carry markup, whatever the URL parser accepts.
fn plain_host(host: &str) -> bool {
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'))
}

/// Whether `host` is `name[:port]` or `[v6]:port` and nothing more.
fn valid_authority(host: &str) -> bool {
    plain_host(host)
        && url::Url::parse(&format!("http://{host}/"))
            .is_ok_and(|u| u.host_str().is_some_and(plain_host) && u.path() == "/")
}

/// The base of absolute links for this request (see [`request_base`]).
#[derive(Debug, Clone)]
pub struct BaseUrl(pub String);

impl FromRequestParts<AppState> for BaseUrl {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        Ok(BaseUrl(request_base(state.settings(), &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use std::net::SocketAddr;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn trusting() -> WebSettings {
        WebSettings {
            trust_proxy: true,
            listen: Some(([127, 0, 0, 1], 8080).into()),
            ..WebSettings::default()
        }
    }

    #[test]
    fn public_urls_are_absolute_http_without_query() {
        let ok: PublicUrl = "https://partners.ki.se/".parse().unwrap();
        assert_eq!(ok.as_str(), "https://partners.ki.se");
        assert_eq!(ok.origin(), "https://partners.ki.se");
        let prefixed: PublicUrl = "https://www.ki.se/partners/".parse().unwrap();
        assert_eq!(prefixed.as_str(), "https://www.ki.se/partners");
        assert_eq!(prefixed.origin(), "https://www.ki.se");
        for bad in [
            "partners.ki.se",
            "/partners",
            "ftp://partners.ki.se",
            "javascript:alert(1)//",
            "https://partners.ki.se/?x=1",
            "https://partners.ki.se/#top",
            "https://user:pw@partners.ki.se",
            "",
        ] {
            assert!(bad.parse::<PublicUrl>().is_err(), "{bad}");
        }
    }

    #[test]
    fn embed_origins_are_bare_origins() {
        let list = EmbedOrigin::parse_list(" https://www.ki.se  http://localhost:8081/ ").unwrap();
        let texts: Vec<&str> = list.iter().map(EmbedOrigin::as_str).collect();
        assert_eq!(texts, ["https://www.ki.se", "http://localhost:8081"]);
        for bad in [
            "https://www.ki.se/page",
            "www.ki.se",
            "*",
            "'self'",
            "https://www.ki.se?x",
            "https://a;script-src",
            "data:",
        ] {
            assert!(EmbedOrigin::parse_list(bad).is_err(), "{bad}");
        }
        assert!(EmbedOrigin::parse_list("").unwrap().is_empty());
    }

    #[test]
    fn without_trust_client_headers_change_nothing() {
        let settings = WebSettings {
            listen: Some(([0, 0, 0, 0], 8080).into()),
            ..WebSettings::default()
        };
        let forged = headers(&[
            ("host", "evil.example"),
            ("x-forwarded-proto", "javascript:alert(1)//"),
            ("x-forwarded-host", "evil.example"),
        ]);
        assert_eq!(request_base(&settings, &forged), "http://localhost:8080");
    }

    #[test]
    fn the_public_url_wins_over_a_trusted_proxy() {
        let settings = WebSettings {
            public_url: Some("https://partners.ki.se".parse().unwrap()),
            ..trusting()
        };
        let sent = headers(&[("x-forwarded-host", "other.example")]);
        assert_eq!(request_base(&settings, &sent), "https://partners.ki.se");
    }

    #[test]
    fn a_trusted_proxy_is_believed_only_when_well_formed() {
        let settings = trusting();
        let base = |pairs: &[(&'static str, &str)]| request_base(&settings, &headers(pairs));
        assert_eq!(
            base(&[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "Partners.KI.se")
            ]),
            "https://partners.ki.se"
        );
        assert_eq!(
            base(&[
                ("x-forwarded-proto", "https, http"),
                ("host", "kizuna.internal:8443")
            ]),
            "https://kizuna.internal:8443"
        );
        assert_eq!(base(&[("host", "[::1]:8080")]), "http://[::1]:8080");
        let fallback = "http://127.0.0.1:8080";
        for forged in [
            [
                ("x-forwarded-proto", "javascript:alert(1)//"),
                ("host", "a.example"),
            ],
            [("x-forwarded-proto", "https"), ("host", "a.example/path")],
            [("x-forwarded-proto", "https"), ("host", "user@a.example")],
            [
                ("x-forwarded-proto", "https"),
                ("host", "a.example\"><script>"),
            ],
            [("x-forwarded-proto", "https"), ("x-forwarded-host", "")],
        ] {
            assert_eq!(base(&forged), fallback, "{forged:?}");
        }
        assert_eq!(base(&[]), fallback, "no Host at all");
    }

    #[test]
    fn the_listen_address_is_the_last_resort() {
        let on = |addr: SocketAddr| {
            configured_base(&WebSettings {
                listen: Some(addr),
                ..WebSettings::default()
            })
        };
        assert_eq!(on(([127, 0, 0, 1], 9000).into()), "http://127.0.0.1:9000");
        assert_eq!(on(([0, 0, 0, 0], 80).into()), "http://localhost:80");
        assert_eq!(configured_base(&WebSettings::default()), "http://localhost");
    }
}
