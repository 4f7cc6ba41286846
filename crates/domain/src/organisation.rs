//! Organisations: universities, institutes, funders, their units and consortia.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{
    CountryCode, LanguageTag, NameKind, OrganisationKind, Slug, ValidationErrors, Visibility,
};

/// A name in one language and script (the ROR v2 shape).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Name {
    /// The name as written, in any script.
    pub value: String,
    /// BCP 47 language, or null when unknown or language-neutral.
    #[serde(default)]
    pub lang: Option<LanguageTag>,
    /// What the name is used for.
    pub kind: NameKind,
}

/// A point on the globe in WGS 84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lng: f64,
}

/// External identifiers; absent ones are left out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Identifiers {
    /// ROR id without the `https://ror.org/` prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ror: Option<String>,
    /// Erasmus code, e.g. `S  STOCKHO03`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erasmus: Option<String>,
    /// SCHAC home organisation (EWP HEI id), e.g. `ki.se`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schac: Option<String>,
    /// EU Participant Identification Code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pic: Option<String>,
    /// Wikidata item, e.g. `Q7842`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// ISNI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isni: Option<String>,
    /// GRID id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid: Option<String>,
}

/// A university, institute, funder, agency, hospital, a unit of one, or a consortium.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Stable slug.
    pub id: Slug,
    /// ROR type, `unit` or `consortium`.
    pub kind: OrganisationKind,
    /// Every known name, at least one.
    pub names: Vec<Name>,
    /// Country where it is (ISO 3166-1 alpha-2).
    #[serde(default)]
    pub country: Option<CountryCode>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// Coordinates for the map.
    #[serde(default)]
    pub location: Option<Location>,
    /// The organisation a unit belongs to.
    #[serde(default)]
    pub parent: Option<Slug>,
    /// A consortium's members.
    #[serde(default)]
    pub members: Vec<Slug>,
    /// Home page.
    #[serde(default)]
    pub website: Option<String>,
    /// External identifiers.
    #[serde(default)]
    pub identifiers: Identifiers,
    /// Year founded.
    #[serde(default)]
    pub established: Option<i32>,
    /// Markdown notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// Markdown notes for staff only; never shown publicly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_notes: Option<String>,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
    /// Set by storage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// Set by storage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl Organisation {
    /// The name to show: the display name, else the first label, else any.
    pub fn display_name(&self) -> &str {
        [
            NameKind::Display,
            NameKind::Label,
            NameKind::Alias,
            NameKind::Acronym,
        ]
        .iter()
        .find_map(|k| self.names.iter().find(|n| n.kind == *k))
        .map(|n| n.value.as_str())
        .unwrap_or(self.id.as_str())
    }

    /// The first acronym, if any.
    pub fn acronym(&self) -> Option<&str> {
        self.names
            .iter()
            .find(|n| n.kind == NameKind::Acronym)
            .map(|n| n.value.as_str())
    }

    /// Checks the rules serde cannot: names, coordinates, kind-specific
    /// links, the website, and the text rules of every field.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.names.is_empty() {
            errors.add_coded(
                "names",
                crate::Problem::new("names-missing"),
                "give at least one name",
            );
        }
        for (i, name) in self.names.iter().enumerate() {
            if name.value.trim().is_empty() {
                errors.add_coded(
                    format!("names[{i}].value"),
                    crate::Problem::new("name-empty"),
                    "a name cannot be empty",
                );
            }
        }
        if let Some(loc) = self.location {
            if !(-90.0..=90.0).contains(&loc.lat) {
                errors.add_coded(
                    "location.lat",
                    crate::Problem::new("latitude-range"),
                    "latitude must be between -90 and 90",
                );
            }
            if !(-180.0..=180.0).contains(&loc.lng) {
                errors.add_coded(
                    "location.lng",
                    crate::Problem::new("longitude-range"),
                    "longitude must be between -180 and 180",
                );
            }
        }
        if self.parent.is_some() && self.kind != OrganisationKind::Unit {
            errors.add_coded(
                "parent",
                crate::Problem::new("parent-not-unit"),
                "only a unit has a parent organisation",
            );
        }
        if self.kind == OrganisationKind::Unit && self.parent.is_none() {
            errors.add_coded(
                "parent",
                crate::Problem::new("parent-missing"),
                "a unit needs the organisation it belongs to",
            );
        }
        if self.parent.as_ref() == Some(&self.id) {
            errors.add_coded(
                "parent",
                crate::Problem::new("parent-self"),
                "an organisation cannot be its own parent",
            );
        }
        if !self.members.is_empty() && self.kind != OrganisationKind::Consortium {
            errors.add_coded(
                "members",
                crate::Problem::new("members-not-consortium"),
                "only a consortium has members",
            );
        }
        if self.members.contains(&self.id) {
            errors.add_coded(
                "members",
                crate::Problem::new("member-self"),
                "a consortium cannot be its own member",
            );
        }
        if let Some(site) = &self.website
            && let Err(problem) = crate::text::check_web_address(site)
        {
            errors.add_coded("website", crate::text::address_problem(&problem), problem);
        }
        errors.extend(crate::text::record_text_problems(self));
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utokyo() -> Organisation {
        serde_json::from_value(serde_json::json!({
            "id": "utokyo", "kind": "education", "country": "JP", "city": "Tokyo",
            "names": [{"value": "University of Tokyo", "lang": "en", "kind": "display"},
                      {"value": "東京大学", "lang": "ja", "kind": "label"},
                      {"value": "UTokyo", "lang": null, "kind": "acronym"}],
            "location": {"lat": 35.7128, "lng": 139.762}, "parent": null, "members": [],
            "identifiers": {"ror": "057zh3y96"}, "website": "https://www.u-tokyo.ac.jp/en/",
            "visibility": "public"
        }))
        .unwrap()
    }

    #[test]
    fn the_design_example_parses_and_is_valid() {
        let org = utokyo();
        assert!(org.validate().is_ok());
        assert_eq!(org.display_name(), "University of Tokyo");
        assert_eq!(org.acronym(), Some("UTokyo"));
        let json = serde_json::to_value(&org).unwrap();
        assert_eq!(json["identifiers"], serde_json::json!({"ror": "057zh3y96"}));
        assert_eq!(json["names"][1]["value"], "東京大学");
    }

    #[test]
    fn bad_values_are_refused_at_the_edge() {
        let mut json = serde_json::to_value(utokyo()).unwrap();
        json["country"] = "XX".into();
        assert!(serde_json::from_value::<Organisation>(json.clone()).is_err());
        json["country"] = "JP".into();
        json["kind"] = "university".into();
        assert!(serde_json::from_value::<Organisation>(json.clone()).is_err());
        json["kind"] = "education".into();
        json["colour"] = "red".into();
        assert!(serde_json::from_value::<Organisation>(json).is_err());
    }

    #[test]
    fn rules_name_the_field_at_fault() {
        let mut org = utokyo();
        org.location = Some(Location {
            lat: 95.0,
            lng: 0.0,
        });
        org.parent = Some("ki".parse().unwrap());
        org.names.clear();
        let errors = org.validate().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["names", "location.lat", "parent"]);
    }
}
