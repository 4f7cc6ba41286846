//! The node's Discovery v6 manifest (what the registry reads to learn the
//! APIs served here, for which institution, with which security) and the
//! common `error-response` every EWP endpoint answers a refusal with.

use std::io;

use kizuna_core::Snapshot;
use quick_xml::Writer;

use super::factsheet::FACTSHEET_VERSION;
use super::institutions::{MAX_HEI_IDS, MAX_OUNIT_IDS};
use super::node::{MAX_IIA_IDS, document, document_with, home_hei, text};

/// Namespace of the EWP common types (`error-response`, admin fields).
pub const COMMON_NS: &str = "https://github.com/erasmus-without-paper/ewp-specs-architecture/blob/stable-v1/common-types.xsd";
/// Namespace of the Discovery v6 manifest.
pub const MANIFEST_NS: &str =
    "https://github.com/erasmus-without-paper/ewp-specs-api-discovery/tree/stable-v6";

/// Every namespace prefix the manifest uses, with its namespace.
const PREFIXES: [(&str, &str); 12] = [
    ("xmlns", MANIFEST_NS),
    ("xmlns:ewp", COMMON_NS),
    ("xmlns:r", super::catalogue::REGISTRY_NS),
    (
        "xmlns:d6",
        "https://github.com/erasmus-without-paper/ewp-specs-api-discovery/blob/stable-v6/manifest-entry.xsd",
    ),
    (
        "xmlns:ia7",
        "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/manifest-entry.xsd",
    ),
    (
        "xmlns:iaa2",
        "https://github.com/erasmus-without-paper/ewp-specs-api-iias-approval/blob/stable-v2/manifest-entry.xsd",
    ),
    (
        "xmlns:in2",
        "https://github.com/erasmus-without-paper/ewp-specs-api-institutions/blob/stable-v2/manifest-entry.xsd",
    ),
    (
        "xmlns:ou2",
        "https://github.com/erasmus-without-paper/ewp-specs-api-ounits/blob/stable-v2/manifest-entry.xsd",
    ),
    (
        "xmlns:fs1",
        "https://github.com/erasmus-without-paper/ewp-specs-api-factsheet/blob/stable-v1/manifest-entry.xsd",
    ),
    (
        "xmlns:sec",
        "https://github.com/erasmus-without-paper/ewp-specs-sec-intro/tree/stable-v2",
    ),
    (
        "xmlns:sec-A2",
        "https://github.com/erasmus-without-paper/ewp-specs-sec-cliauth-httpsig/tree/stable-v1",
    ),
    (
        "xmlns:sec-B1",
        "https://github.com/erasmus-without-paper/ewp-specs-sec-srvauth-tlscert/tree/stable-v1",
    ),
];

type Xml = Writer<Vec<u8>>;

/// The manifest of a node served at `base` (`https://partners.ki.se`, no
/// trailing slash): its APIs under `/ewp/`, and the home institution it covers.
pub fn manifest(snapshot: &Snapshot, base: &str) -> String {
    let base = base.trim_end_matches('/');
    let url = |path: &str| format!("{base}/ewp/{path}");
    document_with("manifest", &PREFIXES, |w| {
        w.create_element("host").write_inner_content(|w| {
            text(
                w,
                "ewp:admin-notes",
                "Kizuna: a registry of international collaborations.",
            )?;
            w.create_element("r:apis-implemented")
                .write_inner_content(|w| apis(w, &url))?;
            if let Some(hei) = home_hei(snapshot) {
                w.create_element("institutions-covered")
                    .write_inner_content(|w| covered(w, snapshot, &hei))?;
            }
            Ok(())
        })?;
        Ok(())
    })
}

/// The `error-response` for a refusal, with the reason for the developer.
pub fn error_response(message: &str) -> String {
    document("error-response", COMMON_NS, |w| {
        text(w, "developer-message", message)
    })
}

fn apis(w: &mut Xml, url: &dyn Fn(&str) -> String) -> io::Result<()> {
    w.create_element("d6:discovery")
        .with_attribute(("version", "6.0.0"))
        .write_inner_content(|w| text(w, "d6:url", &url("manifest.xml")))?;
    entry(w, "ia7", "iias", "7.0.0", |w| {
        text(w, "ia7:get-url", &url("iias/get"))?;
        text(w, "ia7:max-iia-ids", &MAX_IIA_IDS.to_string())?;
        text(w, "ia7:index-url", &url("iias/index"))
    })?;
    entry(w, "iaa2", "iias-approval", "2.0.0", |w| {
        text(w, "iaa2:url", &url("iias-approval"))?;
        text(w, "iaa2:max-iia-ids", &MAX_IIA_IDS.to_string())
    })?;
    entry(w, "in2", "institutions", "2.2.0", |w| {
        text(w, "in2:url", &url("institutions"))?;
        text(w, "in2:max-hei-ids", &MAX_HEI_IDS.to_string())
    })?;
    entry(w, "ou2", "organizational-units", "2.1.1", |w| {
        text(w, "ou2:url", &url("ounits"))?;
        text(w, "ou2:max-ounit-ids", &MAX_OUNIT_IDS.to_string())?;
        text(w, "ou2:max-ounit-codes", &MAX_OUNIT_IDS.to_string())
    })?;
    entry(w, "fs1", "factsheet", FACTSHEET_VERSION, |w| {
        text(w, "fs1:url", &url("factsheet"))?;
        text(w, "fs1:max-hei-ids", &MAX_HEI_IDS.to_string())
    })?;
    Ok(())
}

/// One API entry: clients authenticate with HTTP signatures, the server
/// with its TLS certificate (the proxy in front of Kizuna holds it).
fn entry(
    w: &mut Xml,
    prefix: &str,
    name: &str,
    version: &str,
    inner: impl FnOnce(&mut Xml) -> io::Result<()>,
) -> io::Result<()> {
    w.create_element(format!("{prefix}:{name}"))
        .with_attribute(("version", version))
        .write_inner_content(|w| {
            w.create_element(format!("{prefix}:http-security"))
                .write_inner_content(|w| {
                    w.create_element("sec:client-auth-methods")
                        .write_inner_content(|w| {
                            w.create_element("sec-A2:httpsig").write_empty().map(|_| ())
                        })?;
                    w.create_element("sec:server-auth-methods")
                        .write_inner_content(|w| {
                            w.create_element("sec-B1:tlscert").write_empty().map(|_| ())
                        })?;
                    Ok(())
                })?;
            inner(w)
        })?;
    Ok(())
}

fn covered(w: &mut Xml, snapshot: &Snapshot, hei: &str) -> io::Result<()> {
    let Some(org) = snapshot
        .home
        .as_ref()
        .and_then(|h| snapshot.organisations.get(h))
    else {
        return Ok(());
    };
    w.create_element("r:hei")
        .with_attribute(("id", hei))
        .write_inner_content(|w| {
            if let Some(erasmus) = &org.identifiers.erasmus {
                w.create_element("r:other-id")
                    .with_attribute(("type", "erasmus"))
                    .write_text_content(quick_xml::events::BytesText::new(erasmus))?;
            }
            for name in &org.names {
                let mut element = w.create_element("r:name");
                if let Some(lang) = &name.lang {
                    element = element.with_attribute(("xml:lang", lang.as_str()));
                }
                element.write_text_content(quick_xml::events::BytesText::new(&name.value))?;
            }
            Ok(())
        })?;
    Ok(())
}
