//! The Erasmus Without Paper node end to end, on SQLite and PostgreSQL: a key
//! made here is listed in a catalogue file for UW (uw.edu.pl); requests signed
//! with it (HTTP Signatures, signed here independently of the node's code)
//! list UW's IIAs with `index` (with `modified_since` too), fetch them with
//! `get` and recompute their hashes; Institutions, Organizational Units and
//! IIA Approval answer; every answer validates against its official schema.
//! Unsigned, unknown-key, stale, replayed and wrongly digested requests are
//! refused with the spec's `error-response`; without a catalogue `/ewp/` is 404.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, LazyLock};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine;
use chrono::{Duration, Utc};
use common::{TestApp, TestResponse, spawn_apps};
use kizuna_core::Writer;
use kizuna_domain::Dataset;
use kizuna_interop::ewp;
use kizuna_web::WebSettings;
use kizuna_web::ewp_node::EwpNode;
use rsa::RsaPrivateKey;
use rsa::pkcs8::EncodePublicKey;
use rsa::signature::{SignatureEncoding, Signer};
use sha2::{Digest, Sha256};

const EXTRA: &str = r#"
[[organisations]]
id = "uw"
kind = "education"
names = [{ value = "Uniwersytet Warszawski", lang = "pl", kind = "display" }]
country = "PL"
identifiers = { schac = "uw.edu.pl" }

[[organisations]]
id = "helsinki"
kind = "education"
names = [{ value = "Helsingin yliopisto", lang = "fi", kind = "display" }]
country = "FI"
identifiers = { schac = "helsinki.fi" }

[[agreements]]
id = "ki-uw"
kind = "staff_exchange"
level = "central"
title = "Staff training KI – UW"
parties = [{ organisation = "ki" }, { organisation = "uw" }]
signed = true
  [[agreements.conditions]]
  direction = "outgoing"
  mobility = "staff_training"
  places_per_year = 2
  first_year = 2027
  last_year = 2028

[[agreements]]
id = "ki-helsinki"
kind = "staff_exchange"
level = "central"
title = "Staff training KI – Helsinki"
parties = [{ organisation = "ki", unit = "cmb" }, { organisation = "helsinki" }]
signed = true
  [[agreements.conditions]]
  direction = "incoming"
  mobility = "staff_training"
  places_per_year = 1
  first_year = 2027
  last_year = 2027
"#;

/// UW's client key (2048 bits, as the registry requires).
static UW_KEY: LazyLock<RsaPrivateKey> =
    LazyLock::new(|| RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).unwrap());
/// A key no catalogue lists.
static STRANGER: LazyLock<RsaPrivateKey> =
    LazyLock::new(|| RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).unwrap());

fn der(key: &RsaPrivateKey) -> Vec<u8> {
    key.to_public_key()
        .to_public_key_der()
        .unwrap()
        .as_bytes()
        .to_vec()
}

fn key_id(key: &RsaPrivateKey) -> String {
    Sha256::digest(der(key))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A catalogue file, as the registry serves it, listing UW's key for uw.edu.pl.
fn catalogue_file() -> PathBuf {
    let id = key_id(&UW_KEY);
    let b64 = base64::engine::general_purpose::STANDARD.encode(der(&UW_KEY));
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<catalogue xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1"
    xmlns:ewp="https://github.com/erasmus-without-paper/ewp-specs-architecture/blob/stable-v1/common-types.xsd">
  <host>
    <ewp:admin-email>ewp@uw.edu.pl</ewp:admin-email>
    <institutions-covered><hei-id>uw.edu.pl</hei-id></institutions-covered>
    <client-credentials-in-use><rsa-public-key sha-256="{id}"/></client-credentials-in-use>
  </host>
  <institutions>
    <hei id="uw.edu.pl"><name xml:lang="en">University of Warsaw</name></hei>
  </institutions>
  <binaries><rsa-public-key sha-256="{id}">{b64}</rsa-public-key></binaries>
</catalogue>
"#
    );
    assert_valid(&xml, "ewp-specs-api-registry/stable-v1/catalogue.xsd");
    let file =
        std::env::temp_dir().join(format!("kizuna-ewp-catalogue-{}.xml", std::process::id()));
    std::fs::write(&file, xml).unwrap();
    file
}

/// The Japan dataset with KI's SCHAC code, UW, Helsinki and an agreement
/// with each; then a node with the catalogue, over the same database.
async fn node(app: &TestApp) -> TestApp {
    let mut data = common::japan();
    let ki = data
        .organisations
        .iter_mut()
        .find(|o| o.id.as_str() == "ki")
        .unwrap();
    ki.identifiers.schac = Some("ki.se".into());
    ki.identifiers.erasmus = Some("S STOCKHO03".into());
    let extra: Dataset = toml::from_str(EXTRA).unwrap();
    data.organisations.extend(extra.organisations);
    data.agreements.extend(extra.agreements);
    let writer = Writer::load(app.registry()).await.unwrap();
    writer.import(&mut data, "test").await.unwrap();
    let node = EwpNode::load(&catalogue_file()).unwrap();
    app.node(WebSettings {
        ewp_node: Some(Arc::new(node)),
        ..WebSettings::default()
    })
    .await
}

/// How a request is signed (each field can be spoiled by a test).
struct Signing<'a> {
    key: &'a RsaPrivateKey,
    date: chrono::DateTime<Utc>,
    request_id: String,
    digest_of: Option<&'a [u8]>,
}

impl Default for Signing<'_> {
    fn default() -> Self {
        Signing {
            key: &UW_KEY,
            date: Utc::now(),
            request_id: uuid(),
            digest_of: None,
        }
    }
}

fn uuid() -> String {
    let bytes: [u8; 16] = std::array::from_fn(|_| rand_byte());
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

fn rand_byte() -> u8 {
    use rsa::rand_core::RngCore;
    (rsa::rand_core::OsRng.next_u32() & 0xff) as u8
}

/// A request signed the way the EWP spec says, built from scratch here.
fn signed(method: &str, target: &str, body: &str, how: Signing) -> Request<Body> {
    let date = httpdate::fmt_http_date(how.date.into());
    let digest = format!(
        "SHA-256={}",
        base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(how.digest_of.unwrap_or(body.as_bytes())))
    );
    let text = format!(
        "(request-target): {} {target}\nhost: ewp.ki.se\ndate: {date}\ndigest: {digest}\nx-request-id: {}",
        method.to_lowercase(),
        how.request_id
    );
    let signature =
        rsa::pkcs1v15::SigningKey::<rsa::sha2::Sha256>::new(how.key.clone()).sign(text.as_bytes());
    let authorization = format!(
        "Signature keyId=\"{}\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date digest x-request-id\",signature=\"{}\"",
        key_id(how.key),
        base64::engine::general_purpose::STANDARD.encode(signature.to_bytes())
    );
    let mut builder = Request::builder()
        .method(method)
        .uri(target)
        .header(header::HOST, "ewp.ki.se")
        .header(header::DATE, date)
        .header("digest", digest)
        .header("x-request-id", how.request_id)
        .header(header::AUTHORIZATION, authorization);
    if method == "POST" {
        builder = builder.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    }
    builder.body(Body::from(body.to_owned())).unwrap()
}

async fn get(node: &TestApp, target: &str) -> TestResponse {
    node.request(signed("GET", target, "", Signing::default()))
        .await
}

/// Validates `xml` with xmllint against `xsd` (relative to the specs folder).
fn assert_valid(xml: &str, xsd: &str) {
    let specs = ewp::specs::dir();
    let schema = specs.join(xsd);
    assert!(
        schema.is_file(),
        "the EWP specs are missing at {}",
        specs.display()
    );
    let file = std::env::temp_dir().join(format!(
        "kizuna-ewp-node-{}-{}.xml",
        std::process::id(),
        uuid()
    ));
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint")
        .args(["--nonet", "--noout", "--schema"])
        .arg(&schema)
        .arg(&file)
        .env("XML_CATALOG_FILES", specs.join("catalog.xml"))
        .output()
        .unwrap_or_else(|e| panic!("xmllint does not run ({e}): install libxml2-utils"));
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "does not validate against {xsd}:\n{}\n{xml}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn iia_ids(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "iia-id")
        .filter_map(|n| n.text().map(str::to_owned))
        .collect()
}

/// Asserts a refusal: the status, and an `error-response` that validates.
fn assert_refused(response: &TestResponse, status: StatusCode, says: &str) {
    assert_eq!(response.status, status, "{}", response.body);
    assert!(response.content_type().starts_with("application/xml"));
    assert!(response.body.contains(says), "{}", response.body);
    assert_valid(
        &response.body,
        "ewp-specs-architecture/stable-v1/common-types.xsd",
    );
}

#[tokio::test]
async fn a_partner_lists_fetches_and_checks_its_iias() {
    for app in spawn_apps().await {
        let node = node(&app).await;

        let index = get(&node, "/ewp/iias/index").await;
        assert_eq!(index.status, StatusCode::OK, "{}", index.body);
        assert_valid(
            &index.body,
            "ewp-specs-api-iias/stable-v7/endpoints/index-response.xsd",
        );
        assert_eq!(
            iia_ids(&index.body),
            ["ki-uw"],
            "only UW's agreement, not Helsinki's"
        );

        let past = (Utc::now() - Duration::days(1)).to_rfc3339();
        let future = (Utc::now() + Duration::days(1)).to_rfc3339();
        let since = |at: &str| format!("/ewp/iias/index?modified_since={}", at.replace('+', "%2B"));
        assert_eq!(iia_ids(&get(&node, &since(&past)).await.body), ["ki-uw"]);
        assert!(iia_ids(&get(&node, &since(&future)).await.body).is_empty());
        let years = get(
            &node,
            "/ewp/iias/index?receiving_academic_year_id=2030/2031",
        )
        .await;
        assert!(iia_ids(&years.body).is_empty(), "{}", years.body);
        let bad = get(&node, "/ewp/iias/index?modified_since=yesterday").await;
        assert_refused(&bad, StatusCode::BAD_REQUEST, "modified_since");

        let fetched = get(
            &node,
            "/ewp/iias/get?iia_id=ki-uw&iia_id=ki-helsinki&iia_id=nope",
        )
        .await;
        assert_eq!(fetched.status, StatusCode::OK, "{}", fetched.body);
        assert_valid(
            &fetched.body,
            "ewp-specs-api-iias/stable-v7/endpoints/get-response.xsd",
        );
        let digests = ewp::digest_response(&fetched.body).unwrap();
        assert_eq!(
            digests.len(),
            1,
            "Helsinki's IIA and unknown ids are left out"
        );
        let stated = fetched
            .body
            .split("<iia-hash>")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap();
        assert_eq!(
            digests[0].hash, stated,
            "the hash recomputed from the document is the one it states"
        );

        let posted = node
            .request(signed(
                "POST",
                "/ewp/iias/get",
                "iia_id=ki-uw",
                Signing::default(),
            ))
            .await;
        assert_eq!(posted.status, StatusCode::OK, "{}", posted.body);
        assert_eq!(posted.body, fetched.body, "POST answers as GET does");

        let too_many: String = (0..101).map(|i| format!("iia_id={i}&")).collect();
        let refused = node
            .request(signed(
                "POST",
                "/ewp/iias/get",
                &too_many,
                Signing::default(),
            ))
            .await;
        assert_refused(&refused, StatusCode::BAD_REQUEST, "at most 100");
    }
}

#[tokio::test]
async fn institutions_units_and_approvals_answer_in_their_schemas() {
    for app in spawn_apps().await {
        let node = node(&app).await;
        let hei = get(&node, "/ewp/institutions?hei_id=ki.se&hei_id=other.example").await;
        assert_eq!(hei.status, StatusCode::OK, "{}", hei.body);
        assert_valid(
            &hei.body,
            "ewp-specs-api-institutions/stable-v2/response.xsd",
        );
        assert!(hei.body.contains("<hei-id>ki.se</hei-id>"), "{}", hei.body);
        assert!(
            hei.body.contains("<ounit-id>cmb</ounit-id>"),
            "{}",
            hei.body
        );
        assert!(
            hei.body
                .contains(r#"<other-id type="erasmus">S STOCKHO03</other-id>"#)
        );

        let units = get(&node, "/ewp/ounits?hei_id=ki.se&ounit_id=cmb&ounit_id=nope").await;
        assert_eq!(units.status, StatusCode::OK, "{}", units.body);
        assert_valid(&units.body, "ewp-specs-api-ounits/stable-v2/response.xsd");
        assert_eq!(units.body.matches("<ounit>").count(), 1, "{}", units.body);
        let other = get(&node, "/ewp/ounits?hei_id=uw.edu.pl&ounit_id=cmb").await;
        assert_refused(&other, StatusCode::BAD_REQUEST, "does not cover");

        let approvals = get(&node, "/ewp/iias-approval?iia_id=uw-77").await;
        assert_eq!(approvals.status, StatusCode::OK, "{}", approvals.body);
        assert_valid(
            &approvals.body,
            "ewp-specs-api-iias-approval/stable-v2/response.xsd",
        );
        assert!(
            !approvals.body.contains("<approval>"),
            "nothing approved yet"
        );

        let manifest = node.get("/ewp/manifest.xml").await;
        assert_eq!(manifest.status, StatusCode::OK);
        for url in [
            "/ewp/iias/get",
            "/ewp/iias/index",
            "/ewp/iias-approval",
            "/ewp/institutions",
            "/ewp/ounits",
        ] {
            assert!(
                manifest.body.contains(url),
                "{url} missing from\n{}",
                manifest.body
            );
        }
        assert!(manifest.body.contains("<sec-A2:httpsig/>"));
        assert!(
            manifest.body.contains(r#"<r:hei id="ki.se">"#),
            "{}",
            manifest.body
        );
    }
}

#[tokio::test]
async fn unsigned_unknown_stale_replayed_and_tampered_requests_are_refused() {
    for app in spawn_apps().await {
        let node = node(&app).await;
        let unsigned = node.get("/ewp/iias/index").await;
        assert_refused(&unsigned, StatusCode::UNAUTHORIZED, "Authorization");
        let challenge = unsigned.headers.get(header::WWW_AUTHENTICATE).unwrap();
        assert!(
            challenge
                .to_str()
                .unwrap()
                .starts_with("Signature realm=\"EWP\"")
        );

        let stranger = Signing {
            key: &STRANGER,
            ..Signing::default()
        };
        let response = node
            .request(signed("GET", "/ewp/iias/index", "", stranger))
            .await;
        assert_refused(&response, StatusCode::FORBIDDEN, "not a client key");

        let stale = Signing {
            date: Utc::now() - Duration::minutes(6),
            ..Signing::default()
        };
        let response = node
            .request(signed("GET", "/ewp/iias/index", "", stale))
            .await;
        assert_refused(&response, StatusCode::BAD_REQUEST, "5 minutes");

        let id = uuid();
        let once = || Signing {
            request_id: id.clone(),
            ..Signing::default()
        };
        let first = node
            .request(signed("GET", "/ewp/iias/index", "", once()))
            .await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.body);
        let replayed = node
            .request(signed("GET", "/ewp/iias/index", "", once()))
            .await;
        assert_refused(&replayed, StatusCode::BAD_REQUEST, "already used");

        let digest = Signing {
            digest_of: Some(b"iia_id=other"),
            ..Signing::default()
        };
        let response = node
            .request(signed("POST", "/ewp/iias/get", "iia_id=ki-uw", digest))
            .await;
        assert_refused(&response, StatusCode::BAD_REQUEST, "Digest");

        let mut tampered = signed("GET", "/ewp/iias/get?iia_id=ki-uw", "", Signing::default());
        *tampered.uri_mut() = "/ewp/iias/get?iia_id=ki-helsinki".parse().unwrap();
        let response = node.request(tampered).await;
        assert_refused(&response, StatusCode::BAD_REQUEST, "does not verify");
    }
}

#[tokio::test]
async fn without_a_catalogue_the_node_is_off() {
    for app in spawn_apps().await {
        for path in [
            "/ewp/manifest.xml",
            "/ewp/iias/index",
            "/ewp/iias/get?iia_id=x",
        ] {
            let response = app
                .request(signed("GET", path, "", Signing::default()))
                .await;
            assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
        }
    }
}
