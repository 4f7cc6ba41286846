//! The parts of a ROR v2 record that Kizuna keeps, read leniently: unknown
//! fields are ignored and missing or null lists count as empty, because dumps
//! mix schema versions and converted v1 records.

use serde::{Deserialize, Deserializer};

/// One ROR v2 organisation record.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct RorRecord {
    /// `https://ror.org/0abcdefgh`.
    pub id: String,
    #[serde(default, deserialize_with = "list")]
    pub names: Vec<RorName>,
    #[serde(default, deserialize_with = "list")]
    pub types: Vec<String>,
    /// `active`, `inactive` or `withdrawn`; the schema's default is active.
    #[serde(default)]
    pub status: Option<String>,
    /// The schema says "number", so a float year is accepted too.
    #[serde(default)]
    pub established: Option<f64>,
    #[serde(default, deserialize_with = "list")]
    pub links: Vec<RorLink>,
    #[serde(default, deserialize_with = "list")]
    pub locations: Vec<RorLocation>,
    #[serde(default, deserialize_with = "list")]
    pub external_ids: Vec<RorExternalId>,
    #[serde(default, deserialize_with = "list")]
    pub relationships: Vec<RorRelationship>,
}

/// A name with its ROR name types (`ror_display`, `label`, `alias`, `acronym`).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct RorName {
    pub value: String,
    #[serde(default, deserialize_with = "list")]
    pub types: Vec<String>,
    #[serde(default)]
    pub lang: Option<String>,
}

/// A link: `website` or `wikipedia`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct RorLink {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

/// A location; only GeoNames details matter here.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct RorLocation {
    #[serde(default)]
    pub geonames_details: Option<GeoNames>,
}

/// GeoNames details of a location.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct GeoNames {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub country_code: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lng: Option<f64>,
}

/// An external identifier: `grid`, `isni`, `wikidata` or `fundref`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct RorExternalId {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, deserialize_with = "list")]
    pub all: Vec<String>,
    #[serde(default)]
    pub preferred: Option<String>,
}

/// A relationship to another ROR record.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct RorRelationship {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub label: String,
    pub id: String,
}

impl RorRecord {
    /// The ROR id without its URL prefix, lower case; `None` when it is no ROR id.
    pub fn ror_id(&self) -> Option<String> {
        ror_id(&self.id)
    }
}

/// Strips `https://ror.org/` from a ROR id and checks what remains.
pub(crate) fn ror_id(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let bare = ["https://ror.org/", "http://ror.org/", "ror.org/"]
        .iter()
        .find_map(|p| raw.strip_prefix(p))
        .unwrap_or(raw)
        .trim_end_matches('/')
        .to_ascii_lowercase();
    let ok =
        !bare.is_empty() && bare.len() <= 20 && bare.bytes().all(|b| b.is_ascii_alphanumeric());
    ok.then_some(bare)
}

/// Reads a list that may be missing or null.
fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ror_ids_lose_their_prefix() {
        assert_eq!(
            ror_id("https://ror.org/057zh3y96").as_deref(),
            Some("057zh3y96")
        );
        assert_eq!(ror_id("057ZH3Y96").as_deref(), Some("057zh3y96"));
        assert_eq!(ror_id("https://example.org/x y"), None);
        assert_eq!(ror_id(""), None);
    }

    #[test]
    fn null_lists_read_as_empty() {
        let r: RorRecord =
            serde_json::from_str(r#"{"id": "https://ror.org/0abc", "names": null, "extra": 1}"#)
                .unwrap();
        assert!(r.names.is_empty() && r.relationships.is_empty());
    }
}
