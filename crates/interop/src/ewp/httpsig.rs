//! EWP client authentication with HTTP Signatures (draft-cavage-07, as
//! `ewp-specs-sec-cliauth-httpsig` profiles it): an `Authorization: Signature`
//! header with `algorithm="rsa-sha256"`, signing at least `(request-target)`,
//! `host`, `date` or `original-date`, `digest` and `x-request-id`; `keyId` is
//! the SHA-256 fingerprint of a client key the registry's catalogue lists.
//!
//! [`verify`] is pure: it is given the request and the clock, and answers
//! who called or why the spec says to refuse (401, 400 or 403). Replays are
//! [`super::replay`]'s part, checked after the signature so that unsigned
//! junk cannot fill its memory.

use std::collections::BTreeSet;

use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::sha2::{Digest, Sha256};
use rsa::signature::Verifier;

use super::catalogue::Catalogue;

/// How far a request's date may be from our clock (the spec's recommended
/// threshold, and the least it allows).
pub const MAX_SKEW: Duration = Duration::minutes(5);

/// Headers every signature must cover; `date` may be `original-date`.
pub const REQUIRED_HEADERS: [&str; 5] =
    ["(request-target)", "host", "date", "digest", "x-request-id"];

/// A request as the signature sees it.
#[derive(Debug, Clone, Copy)]
pub struct SignedRequest<'a> {
    /// `GET`, `POST`, …
    pub method: &'a str,
    /// The path and query as sent (`/ewp/iias/get?iia_id=1`).
    pub target: &'a str,
    /// Every header, names in lower case, in the order received.
    pub headers: &'a [(String, String)],
    /// The body exactly as received.
    pub body: &'a [u8],
}

impl SignedRequest<'_> {
    /// The values of header `name`, joined as the signing string wants them.
    fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }
}

/// A verified caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The fingerprint of the key that signed.
    pub key_id: String,
    /// The institutions the key's hosts cover.
    pub heis: BTreeSet<String>,
    /// The request's `X-Request-Id` (a nonce).
    pub request_id: String,
    /// The signed date of the request.
    pub signed_at: DateTime<Utc>,
}

/// Why a request is refused, with the status the spec asks for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Not signed the way this node requires (401).
    #[error("{0}")]
    Unsigned(String),
    /// Signed, but wrongly: bad key id, date, digest, signature, or a replay (400).
    #[error("{0}")]
    Invalid(String),
    /// Signed with a key the registry does not list (403).
    #[error("{0}")]
    UnknownKey(String),
}

impl Refusal {
    /// The HTTP status of the refusal.
    pub fn status(&self) -> u16 {
        match self {
            Refusal::Unsigned(_) => 401,
            Refusal::Invalid(_) => 400,
            Refusal::UnknownKey(_) => 403,
        }
    }
}

/// The parameters of an `Authorization: Signature …` header.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Params {
    key_id: String,
    algorithm: String,
    headers: Vec<String>,
    signature: String,
}

/// Verifies `request` against the keys of `catalogue` at time `now`.
/// `host`, when known, is the host name (with port, if any) this node is
/// served on; the signed `Host` must name it.
pub fn verify(
    request: &SignedRequest<'_>,
    catalogue: &Catalogue,
    now: DateTime<Utc>,
    host: Option<&str>,
) -> Result<Caller, Refusal> {
    let authorization = request.header("authorization").ok_or_else(|| {
        Refusal::Unsigned(
            "the request has no Authorization header: sign it with an EWP HTTP Signature"
                .to_owned(),
        )
    })?;
    let params = parse_authorization(&authorization)?;
    if !params.algorithm.eq_ignore_ascii_case("rsa-sha256") {
        return Err(Refusal::Unsigned(format!(
            "the signature algorithm is {:?}; this node accepts rsa-sha256",
            params.algorithm
        )));
    }
    for required in REQUIRED_HEADERS {
        let covered = params.headers.iter().any(|h| h == required)
            || (required == "date" && params.headers.iter().any(|h| h == "original-date"));
        if !covered {
            return Err(Refusal::Unsigned(format!(
                "the signature does not cover {required}; it must cover {}",
                REQUIRED_HEADERS.join(" ")
            )));
        }
    }
    let signed_host = request.header("host").unwrap_or_default();
    if let Some(ours) = host
        && !signed_host.eq_ignore_ascii_case(ours)
    {
        return Err(Refusal::Invalid(format!(
            "the Host header names {signed_host:?}, not this node ({ours})"
        )));
    }
    if params.key_id.len() != 64 || !params.key_id.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(Refusal::Invalid(
            "keyId must be the SHA-256 fingerprint (64 hex digits) of a key in the registry"
                .to_owned(),
        ));
    }
    let client = catalogue.client(&params.key_id).ok_or_else(|| {
        Refusal::UnknownKey(format!(
            "the key {} is not a client key of the registry's catalogue",
            params.key_id
        ))
    })?;
    let signed_at = check_dates(request, &params, now)?;
    let request_id = request
        .header("x-request-id")
        .filter(|id| !id.is_empty())
        .ok_or_else(|| Refusal::Invalid("the X-Request-Id header is missing".to_owned()))?;
    let text = signing_string(request, &params.headers)?;
    let signature = base64::engine::general_purpose::STANDARD
        .decode(&params.signature)
        .ok()
        .and_then(|bytes| Signature::try_from(bytes.as_slice()).ok())
        .ok_or_else(|| Refusal::Invalid("the signature is not base64".to_owned()))?;
    VerifyingKey::<Sha256>::new(client.key.clone())
        .verify(text.as_bytes(), &signature)
        .map_err(|_| {
            Refusal::Invalid("the signature does not verify with the key named by keyId".to_owned())
        })?;
    check_digest(request)?;
    Ok(Caller {
        key_id: params.key_id.to_ascii_lowercase(),
        heis: client.heis.clone(),
        request_id,
        signed_at,
    })
}

/// The `Authorization` header a client sends: `request` signed with `key`
/// over `headers` (lower-case names, in order), known by `key_id`.
pub fn authorization(
    request: &SignedRequest<'_>,
    key: &rsa::RsaPrivateKey,
    key_id: &str,
    headers: &[String],
) -> Result<String, Refusal> {
    use rsa::signature::{SignatureEncoding, Signer};
    let text = signing_string(request, headers)?;
    let signature = rsa::pkcs1v15::SigningKey::<Sha256>::new(key.clone()).sign(text.as_bytes());
    Ok(format!(
        "Signature keyId=\"{key_id}\",algorithm=\"rsa-sha256\",headers=\"{}\",signature=\"{}\"",
        headers.join(" "),
        base64::engine::general_purpose::STANDARD.encode(signature.to_bytes())
    ))
}

/// The `Digest` header value for `body`: `SHA-256=` and its Base64 digest.
pub fn digest_header(body: &[u8]) -> String {
    format!(
        "SHA-256={}",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body))
    )
}

/// The string a client signs: each covered header as `name: value`, one a line.
pub fn signing_string(request: &SignedRequest<'_>, headers: &[String]) -> Result<String, Refusal> {
    let mut lines = Vec::with_capacity(headers.len());
    for name in headers {
        if name == "(request-target)" {
            lines.push(format!(
                "(request-target): {} {}",
                request.method.to_ascii_lowercase(),
                request.target
            ));
        } else {
            let value = request.header(name).ok_or_else(|| {
                Refusal::Invalid(format!(
                    "the signature covers {name}, which the request lacks"
                ))
            })?;
            lines.push(format!("{name}: {value}"));
        }
    }
    Ok(lines.join("\n"))
}

fn parse_authorization(value: &str) -> Result<Params, Refusal> {
    let rest = value
        .trim()
        .strip_prefix("Signature")
        .filter(|r| r.starts_with(' '))
        .ok_or_else(|| {
            Refusal::Unsigned(
                "the Authorization header is not an HTTP Signature (Signature keyId=…)".to_owned(),
            )
        })?;
    let (mut key_id, mut algorithm, mut headers, mut signature) = (None, None, None, None);
    let mut rest = rest.trim_start();
    while !rest.is_empty() {
        let (name, after) = rest
            .split_once('=')
            .ok_or_else(|| malformed("a parameter without a value"))?;
        let after = after
            .strip_prefix('"')
            .ok_or_else(|| malformed("a parameter value is not quoted"))?;
        let (value, tail) = after
            .split_once('"')
            .ok_or_else(|| malformed("a quoted value does not end"))?;
        let slot = match name.trim() {
            "keyId" => &mut key_id,
            "algorithm" => &mut algorithm,
            "headers" => &mut headers,
            "signature" => &mut signature,
            _ => &mut None,
        };
        *slot = Some(value.to_owned());
        rest = tail.trim_start().trim_start_matches(',').trim_start();
    }
    Ok(Params {
        key_id: key_id.ok_or_else(|| malformed("keyId is missing"))?,
        algorithm: algorithm.unwrap_or_default(),
        // The draft's default is `date` alone, which covers too little here.
        headers: headers
            .unwrap_or_else(|| "date".to_owned())
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect(),
        signature: signature.ok_or_else(|| malformed("signature is missing"))?,
    })
}

fn malformed(what: &str) -> Refusal {
    Refusal::Unsigned(format!("the Authorization header is malformed: {what}"))
}

/// Checks every date the request carries (at least one is signed) against
/// the clock, and returns the signed one.
fn check_dates(
    request: &SignedRequest<'_>,
    params: &Params,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, Refusal> {
    let mut signed = None;
    for name in ["original-date", "date"] {
        let Some(value) = request.header(name) else {
            continue;
        };
        let at: DateTime<Utc> = httpdate::parse_http_date(&value)
            .map_err(|_| {
                Refusal::Invalid(format!("the {name} header is not an HTTP date: {value:?}"))
            })?
            .into();
        if (at - now).abs() > MAX_SKEW {
            return Err(Refusal::Invalid(format!(
                "the {name} header ({value}) is more than 5 minutes from this node's clock ({})",
                httpdate::fmt_http_date(now.into())
            )));
        }
        if params.headers.iter().any(|h| h == name) {
            signed.get_or_insert(at);
        }
    }
    signed.ok_or_else(|| {
        Refusal::Invalid("the signed Date (or Original-Date) header is missing".to_owned())
    })
}

fn check_digest(request: &SignedRequest<'_>) -> Result<(), Refusal> {
    let header = request
        .header("digest")
        .ok_or_else(|| Refusal::Invalid("the Digest header is missing".to_owned()))?;
    let expected = digest_header(request.body);
    let sent = header
        .split(',')
        .map(str::trim)
        .find(|d| d.len() > 8 && d[..8].eq_ignore_ascii_case("sha-256="))
        .ok_or_else(|| Refusal::Invalid("the Digest header has no SHA-256 value".to_owned()))?;
    if sent[8..] != expected[8..] {
        return Err(Refusal::Invalid(
            "the Digest header does not match the SHA-256 of the body".to_owned(),
        ));
    }
    Ok(())
}

#[cfg(test)]
#[path = "httpsig_tests.rs"]
mod tests;
