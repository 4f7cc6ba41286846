//! Unit tests of HTTP Signature verification, with a key made here.

use std::sync::LazyLock;

use base64::Engine;
use rsa::RsaPrivateKey;
use rsa::pkcs8::EncodePublicKey;

use super::*;
use crate::ewp::catalogue::fingerprint;

static KEY: LazyLock<RsaPrivateKey> =
    LazyLock::new(|| RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).unwrap());

fn key_id(key: &RsaPrivateKey) -> String {
    fingerprint(key.to_public_key().to_public_key_der().unwrap().as_bytes())
}

/// A catalogue whose one host covers `uw.edu.pl` with KEY.
fn catalogue() -> Catalogue {
    let der = KEY.to_public_key().to_public_key_der().unwrap();
    let id = key_id(&KEY);
    let b64 = base64::engine::general_purpose::STANDARD.encode(der.as_bytes());
    Catalogue::parse(&format!(
        r#"<catalogue xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1">
  <host><institutions-covered><hei-id>uw.edu.pl</hei-id></institutions-covered>
    <client-credentials-in-use><rsa-public-key sha-256="{id}"/></client-credentials-in-use></host>
  <institutions/>
  <binaries><rsa-public-key sha-256="{id}">{b64}</rsa-public-key></binaries>
</catalogue>"#
    ))
    .unwrap()
}

const SIGNED: [&str; 5] = ["(request-target)", "host", "date", "digest", "x-request-id"];

fn now() -> DateTime<Utc> {
    // Whole seconds, as HTTP dates carry.
    DateTime::from_timestamp(Utc::now().timestamp(), 0).unwrap()
}

/// Headers of a request to `target` with `body`, dated `at`.
fn headers(body: &[u8], at: DateTime<Utc>) -> Vec<(String, String)> {
    vec![
        ("host".into(), "ewp.ki.se".into()),
        ("date".into(), httpdate::fmt_http_date(at.into())),
        ("digest".into(), digest_header(body)),
        (
            "x-request-id".into(),
            "dc05b425-4e86-4106-8dde-1257fccf53e5".into(),
        ),
    ]
}

/// Signs the request with `key` and adds the Authorization header.
fn sign(
    method: &str,
    target: &str,
    mut headers: Vec<(String, String)>,
    body: &[u8],
    key: &RsaPrivateKey,
) -> Vec<(String, String)> {
    let request = SignedRequest {
        method,
        target,
        headers: &headers,
        body,
    };
    let covered: Vec<String> = SIGNED.iter().map(|h| h.to_string()).collect();
    let value = authorization(&request, key, &key_id(key), &covered).unwrap();
    headers.push(("authorization".into(), value));
    headers
}

fn check(
    method: &str,
    target: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Result<Caller, Refusal> {
    let request = SignedRequest {
        method,
        target,
        headers,
        body,
    };
    verify(&request, &catalogue(), now(), Some("ewp.ki.se"))
}

#[test]
fn the_signing_string_is_the_drafts() {
    let headers = headers(b"a=1", DateTime::from_timestamp(0, 0).unwrap());
    let request = SignedRequest {
        method: "POST",
        target: "/ewp/iias/get?x=1",
        headers: &headers,
        body: b"a=1",
    };
    let covered: Vec<String> = SIGNED.iter().map(|h| h.to_string()).collect();
    assert_eq!(
        signing_string(&request, &covered).unwrap(),
        "(request-target): post /ewp/iias/get?x=1\nhost: ewp.ki.se\ndate: Thu, 01 Jan 1970 00:00:00 GMT\n\
         digest: SHA-256=wi/qXXQo5c9H72NUyXySI8ldbc3D4NIwD/eQVrH/PYU=\nx-request-id: dc05b425-4e86-4106-8dde-1257fccf53e5"
    );
}

#[test]
fn a_well_signed_request_names_its_caller_and_covered_institutions() {
    let body = b"iia_id=1&iia_id=2";
    let signed = sign("POST", "/ewp/iias/get", headers(body, now()), body, &KEY);
    let caller = check("POST", "/ewp/iias/get", &signed, body).unwrap();
    assert_eq!(caller.key_id, key_id(&KEY));
    assert_eq!(caller.heis, BTreeSet::from(["uw.edu.pl".to_owned()]));
    assert_eq!(caller.request_id, "dc05b425-4e86-4106-8dde-1257fccf53e5");
}

#[test]
fn unsigned_or_not_rsa_sha256_is_401() {
    let refused = check("GET", "/ewp/iias/index", &headers(b"", now()), b"").unwrap_err();
    assert_eq!(refused.status(), 401);
    let mut signed = sign("GET", "/ewp/iias/index", headers(b"", now()), b"", &KEY);
    let auth = &mut signed.last_mut().unwrap().1;
    *auth = auth.replace("rsa-sha256", "hmac-sha256");
    assert_eq!(
        check("GET", "/ewp/iias/index", &signed, b"")
            .unwrap_err()
            .status(),
        401
    );
}

#[test]
fn a_signature_that_leaves_out_a_required_header_is_401() {
    let mut signed = sign("GET", "/ewp/iias/index", headers(b"", now()), b"", &KEY);
    let auth = &mut signed.last_mut().unwrap().1;
    *auth = auth.replace(" x-request-id\"", "\"");
    let refused = check("GET", "/ewp/iias/index", &signed, b"").unwrap_err();
    assert_eq!(refused.status(), 401);
    assert!(refused.to_string().contains("x-request-id"), "{refused}");
}

#[test]
fn a_key_the_registry_does_not_list_is_403() {
    let stranger = RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 1024).unwrap();
    let signed = sign(
        "GET",
        "/ewp/iias/index",
        headers(b"", now()),
        b"",
        &stranger,
    );
    assert_eq!(
        check("GET", "/ewp/iias/index", &signed, b"")
            .unwrap_err()
            .status(),
        403
    );
}

#[test]
fn tampering_stale_dates_and_bad_digests_are_400() {
    let body = b"iia_id=1";
    let signed = sign("POST", "/ewp/iias/get", headers(body, now()), body, &KEY);
    let tampered = check("POST", "/ewp/iias/get?iia_id=2", &signed, body).unwrap_err();
    assert_eq!(tampered.status(), 400, "{tampered}");
    let other_body = check("POST", "/ewp/iias/get", &signed, b"iia_id=2").unwrap_err();
    assert_eq!(other_body.status(), 400, "{other_body}");
    assert!(other_body.to_string().contains("Digest"), "{other_body}");

    let stale = now() - MAX_SKEW - Duration::seconds(5);
    let signed = sign("POST", "/ewp/iias/get", headers(body, stale), body, &KEY);
    let refused = check("POST", "/ewp/iias/get", &signed, body).unwrap_err();
    assert_eq!(refused.status(), 400);
    assert!(refused.to_string().contains("5 minutes"), "{refused}");

    let mut wrong_digest = headers(body, now());
    wrong_digest[2].1 = digest_header(b"something else");
    let signed = sign("POST", "/ewp/iias/get", wrong_digest, body, &KEY);
    let refused = check("POST", "/ewp/iias/get", &signed, body).unwrap_err();
    assert_eq!(refused.status(), 400);
    assert!(refused.to_string().contains("Digest"), "{refused}");
}

#[test]
fn another_host_is_400() {
    let mut other = headers(b"", now());
    other[0].1 = "evil.example".into();
    let signed = sign("GET", "/ewp/iias/index", other, b"", &KEY);
    assert_eq!(
        check("GET", "/ewp/iias/index", &signed, b"")
            .unwrap_err()
            .status(),
        400
    );
}
