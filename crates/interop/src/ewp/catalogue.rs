//! The EWP registry's catalogue (`catalogue-v1.xml`): which client keys may
//! call this node, and which institutions (hei-ids) each of them covers.
//!
//! The real registry cannot be reached from every deployment, so the node
//! reads the file the registry would serve. A key counts only when one of the
//! catalogue's hosts lists it among its client credentials and the catalogue
//! carries its bytes, whose SHA-256 must be the fingerprint it is known by.

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine;
use rsa::RsaPublicKey;
use rsa::pkcs8::DecodePublicKey;

use sha2::{Digest, Sha256};

/// Namespace of the registry's catalogue.
pub const REGISTRY_NS: &str =
    "https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1";

/// Why a catalogue file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// The file is not well-formed XML.
    #[error("the catalogue is not well-formed XML: {0}")]
    Xml(String),
    /// The root is not the registry's `<catalogue>`.
    #[error("the document is a <{0}>, not the EWP registry's <catalogue>")]
    NotCatalogue(String),
    /// A public key in `<binaries>` cannot be used.
    #[error("the catalogue's key {fingerprint}: {problem}")]
    BadKey {
        /// The `sha-256` attribute it is listed by.
        fingerprint: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// A client key the registry lists, and the institutions its holder covers.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientKey {
    /// The RSA public key.
    pub key: RsaPublicKey,
    /// The hei-ids of every host that uses the key.
    pub heis: BTreeSet<String>,
}

/// The client keys of a catalogue, by their SHA-256 fingerprint (lower-case hex).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    keys: BTreeMap<String, ClientKey>,
}

impl Catalogue {
    /// Reads a catalogue document.
    pub fn parse(xml: &str) -> Result<Catalogue, CatalogueError> {
        let doc =
            roxmltree::Document::parse(xml).map_err(|e| CatalogueError::Xml(e.to_string()))?;
        let root = doc.root_element();
        if !is(root, "catalogue") {
            return Err(CatalogueError::NotCatalogue(
                root.tag_name().name().to_owned(),
            ));
        }
        let binaries = binaries(root)?;
        let mut keys: BTreeMap<String, ClientKey> = BTreeMap::new();
        for host in root.children().filter(|n| is(*n, "host")) {
            let heis: BTreeSet<String> = children(host, "institutions-covered")
                .flat_map(|covered| children(covered, "hei-id"))
                .filter_map(|hei| hei.text().map(|t| t.trim().to_owned()))
                .collect();
            let fingerprints = children(host, "client-credentials-in-use")
                .flat_map(|creds| children(creds, "rsa-public-key"))
                .filter_map(|key| key.attribute("sha-256"))
                .map(str::to_ascii_lowercase);
            for fingerprint in fingerprints {
                // A key without bytes cannot verify anything: the registry
                // always serves them, so this is a hand-made file's gap.
                let Some(key) = binaries.get(&fingerprint) else {
                    continue;
                };
                keys.entry(fingerprint)
                    .or_insert_with(|| ClientKey {
                        key: key.clone(),
                        heis: BTreeSet::new(),
                    })
                    .heis
                    .extend(heis.iter().cloned());
            }
        }
        Ok(Catalogue { keys })
    }

    /// The client key known by `fingerprint` (SHA-256 hex, any case).
    pub fn client(&self, fingerprint: &str) -> Option<&ClientKey> {
        self.keys.get(&fingerprint.to_ascii_lowercase())
    }

    /// How many client keys may call.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no client may call.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// The SHA-256 fingerprint by which the registry knows a public key: the
/// lower-case hex digest of its DER (SubjectPublicKeyInfo) bytes.
pub fn fingerprint(der: &[u8]) -> String {
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn binaries(root: roxmltree::Node) -> Result<BTreeMap<String, RsaPublicKey>, CatalogueError> {
    let mut keys = BTreeMap::new();
    for node in children(root, "binaries").flat_map(|b| children(b, "rsa-public-key")) {
        let stated = node
            .attribute("sha-256")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let bad = |problem: String| CatalogueError::BadKey {
            fingerprint: stated.clone(),
            problem,
        };
        let text: String = node
            .text()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(text)
            .map_err(|e| bad(format!("not base64 ({e})")))?;
        let actual = fingerprint(&der);
        if actual != stated {
            return Err(bad(format!("its bytes have the SHA-256 {actual}")));
        }
        let key = RsaPublicKey::from_public_key_der(&der)
            .map_err(|e| bad(format!("not an RSA public key ({e})")))?;
        keys.insert(stated, key);
    }
    Ok(keys)
}

fn is(node: roxmltree::Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(REGISTRY_NS)
}

fn children<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children().filter(move |n| is(*n, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The registry's own example, from the offline copy of the specs.
    fn example() -> String {
        let file =
            crate::ewp::specs::dir().join("ewp-specs-api-registry/stable-v1/catalogue-example.xml");
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
    }

    #[test]
    fn the_registry_example_lists_one_client_key_for_warsaw() {
        let catalogue = Catalogue::parse(&example()).unwrap();
        assert_eq!(catalogue.len(), 1);
        let client = catalogue
            .client("5531F9A02C44A894D0B706961259FEC740AD4AE8A3555871F1A5CD9801285BD4")
            .expect("known in any case");
        assert_eq!(client.heis, BTreeSet::from(["uw.edu.pl".to_owned()]));
        assert!(catalogue.client(&"0".repeat(64)).is_none());
    }

    #[test]
    fn a_key_whose_bytes_are_not_its_fingerprint_is_refused() {
        let forged = example().replace(
            "<rsa-public-key sha-256=\"5531f9a02c44a894d0b706961259fec740ad4ae8a3555871f1a5cd9801285bd4\">",
            "<rsa-public-key sha-256=\"1111f9a02c44a894d0b706961259fec740ad4ae8a3555871f1a5cd9801285bd4\">",
        );
        assert!(matches!(
            Catalogue::parse(&forged),
            Err(CatalogueError::BadKey { .. })
        ));
    }

    #[test]
    fn other_documents_are_not_catalogues() {
        assert!(matches!(
            Catalogue::parse("<manifest/>"),
            Err(CatalogueError::NotCatalogue(name)) if name == "manifest"
        ));
        assert!(matches!(
            Catalogue::parse("<catalogue"),
            Err(CatalogueError::Xml(_))
        ));
    }
}
