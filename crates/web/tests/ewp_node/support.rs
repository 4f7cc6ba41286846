//! Support of the EWP node tests: a client key and the catalogue listing it,
//! requests signed from scratch (independently of the node's own code), and
//! validation against the official schemas.

use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, LazyLock};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine;
use chrono::Utc;
use kizuna_core::Writer;
use kizuna_domain::Dataset;
use kizuna_interop::ewp;
use kizuna_web::WebSettings;
use kizuna_web::ewp_node::EwpNode;
use rsa::RsaPrivateKey;
use rsa::pkcs8::EncodePublicKey;
use rsa::signature::{SignatureEncoding, Signer};
use sha2::{Digest, Sha256};

use crate::common::{self, TestApp, TestResponse};

pub const EXTRA: &str = r#"
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
pub static UW_KEY: LazyLock<RsaPrivateKey> =
    LazyLock::new(|| RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).unwrap());
/// A key no catalogue lists.
pub static STRANGER: LazyLock<RsaPrivateKey> =
    LazyLock::new(|| RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).unwrap());

pub fn der(key: &RsaPrivateKey) -> Vec<u8> {
    key.to_public_key()
        .to_public_key_der()
        .unwrap()
        .as_bytes()
        .to_vec()
}

pub fn key_id(key: &RsaPrivateKey) -> String {
    Sha256::digest(der(key))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A catalogue file, as the registry serves it, listing UW's key for uw.edu.pl.
pub fn catalogue_file() -> PathBuf {
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
    // One file per call: tests run in parallel, and one writing the file
    // while another reads it would hand the reader half a catalogue.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = std::env::temp_dir().join(format!(
        "kizuna-ewp-catalogue-{}-{call}.xml",
        std::process::id()
    ));
    std::fs::write(&file, xml).unwrap();
    file
}

/// The Japan dataset with KI's SCHAC code, UW, Helsinki and an agreement
/// with each; then a node with the catalogue, over the same database.
pub async fn node(app: &TestApp) -> TestApp {
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
pub struct Signing<'a> {
    pub key: &'a RsaPrivateKey,
    pub date: chrono::DateTime<Utc>,
    pub request_id: String,
    pub digest_of: Option<&'a [u8]>,
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

pub fn uuid() -> String {
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

pub fn rand_byte() -> u8 {
    use rsa::rand_core::RngCore;
    (rsa::rand_core::OsRng.next_u32() & 0xff) as u8
}

/// A request signed the way the EWP spec says, built from scratch here.
pub fn signed(method: &str, target: &str, body: &str, how: Signing) -> Request<Body> {
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

pub async fn get(node: &TestApp, target: &str) -> TestResponse {
    node.request(signed("GET", target, "", Signing::default()))
        .await
}

/// Validates `xml` with xmllint against `xsd` (relative to the specs folder).
pub fn assert_valid(xml: &str, xsd: &str) {
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

pub fn iia_ids(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "iia-id")
        .filter_map(|n| n.text().map(str::to_owned))
        .collect()
}

/// Asserts a refusal: the status, and an `error-response` that validates.
pub fn assert_refused(response: &TestResponse, status: StatusCode, says: &str) {
    assert_eq!(response.status, status, "{}", response.body);
    assert!(response.content_type().starts_with("application/xml"));
    assert!(response.body.contains(says), "{}", response.body);
    assert_valid(
        &response.body,
        "ewp-specs-architecture/stable-v1/common-types.xsd",
    );
}
