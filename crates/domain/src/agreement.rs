//! Agreements between two or more parties (their status: [`crate::status`]).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::enums::AgreementStatus;
use crate::{
    AgreementKind, AgreementLevel, Cefr, Direction, EducationLevel, EwpExchange, IscedCode,
    LanguageTag, MobilityType, PartialDate, PartyRole, Slug, ValidationErrors, Visibility,
};

/// One side of an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The organisation (a consortium counts as one party).
    pub organisation: Slug,
    /// The unit of that organisation that signed, if any.
    #[serde(default)]
    pub unit: Option<Slug>,
    /// Coordinator or partner.
    #[serde(default)]
    pub role: PartyRole,
}

/// A language requirement of a mobility.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageSkill {
    /// BCP 47 language.
    pub lang: LanguageTag,
    /// Minimum CEFR level.
    #[serde(default)]
    pub cefr: Option<Cefr>,
}

/// A mobility condition, shaped as in EWP IIA v7.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MobilityCondition {
    /// Seen from the home institution.
    pub direction: Direction,
    /// Studies, traineeship, teaching or training.
    pub mobility: MobilityType,
    /// Places per academic year.
    #[serde(default)]
    pub places_per_year: Option<u32>,
    /// Total months per year (student mobility).
    #[serde(default)]
    pub months_per_year: Option<f64>,
    /// Total days per year (staff mobility).
    #[serde(default)]
    pub days_per_year: Option<u32>,
    /// European Qualifications Framework level, 1–8.
    #[serde(default)]
    pub eqf_level: Option<u8>,
    /// ISCED-F field.
    #[serde(default)]
    pub subject_area: Option<IscedCode>,
    /// Recommended language skills.
    #[serde(default)]
    pub languages: Vec<LanguageSkill>,
    /// First academic year (start year).
    #[serde(default)]
    pub first_year: Option<i32>,
    /// Last academic year (start year).
    #[serde(default)]
    pub last_year: Option<i32>,
}

/// A file attached to an agreement, such as the signed PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    /// Storage id of the file.
    pub id: String,
    /// File name as uploaded.
    pub name: String,
    /// MIME type.
    pub content_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// A signed (or draft) arrangement between two or more parties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// Stable slug.
    pub id: Slug,
    /// What it is for.
    pub kind: AgreementKind,
    /// Level on the home side.
    pub level: AgreementLevel,
    /// Title as signed.
    pub title: String,
    /// At least two parties.
    pub parties: Vec<Party>,
    /// The home unit that administers it; null for the central level.
    #[serde(default)]
    pub home_unit: Option<Slug>,
    /// Whether it has been signed; a known `signed_on` implies it.
    #[serde(default)]
    pub signed: bool,
    /// When it was signed, to the precision known.
    #[serde(default)]
    pub signed_on: Option<PartialDate>,
    /// Start of validity.
    #[serde(default)]
    pub valid_from: Option<PartialDate>,
    /// End of validity; null is open-ended.
    #[serde(default)]
    pub valid_until: Option<PartialDate>,
    /// Ended early on this date.
    #[serde(default)]
    pub terminated_on: Option<PartialDate>,
    /// The agreement this one renews.
    #[serde(default)]
    pub renews: Option<Slug>,
    /// Who it is for.
    #[serde(default)]
    pub education_levels: Vec<EducationLevel>,
    /// Study programmes covered, by name.
    #[serde(default)]
    pub study_programmes: Vec<String>,
    /// ISCED-F 2013 fields.
    #[serde(default)]
    pub subject_areas: Vec<IscedCode>,
    /// Research fields, by name.
    #[serde(default)]
    pub research_fields: Vec<String>,
    /// Mobility conditions.
    #[serde(default)]
    pub conditions: Vec<MobilityCondition>,
    /// Contacts who handle it.
    #[serde(default)]
    pub contacts: Vec<Slug>,
    /// Markdown notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// Markdown notes for staff only; never shown publicly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_notes: Option<String>,
    /// Signed documents (the files live in storage); staff only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentRef>,
    /// The exchange with the partner over Erasmus Without Paper; staff only,
    /// changed only by EWP imports and approvals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ewp: Option<Box<EwpExchange>>,
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

impl Agreement {
    /// Brings equivalent inputs to one form: a known signing date means signed.
    pub fn normalise(&mut self) {
        if self.signed_on.is_some() {
            self.signed = true;
        }
    }

    /// Ids of every organisation the agreement names as a party.
    pub fn party_ids(&self) -> impl Iterator<Item = &Slug> {
        self.parties.iter().map(|p| &p.organisation)
    }

    /// Checks the rules serde cannot: parties, dates, links, and the text
    /// rules of every field.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.title.trim().is_empty() {
            errors.add_coded(
                "title",
                crate::Problem::new("title-missing").with("what", "agreement"),
                "give the agreement a title",
            );
        }
        if self.parties.len() < 2 {
            errors.add_coded(
                "parties",
                crate::Problem::new("parties-too-few"),
                "an agreement needs at least two parties",
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (i, party) in self.parties.iter().enumerate() {
            if !seen.insert((&party.organisation, &party.unit)) {
                errors.add_coded(
                    format!("parties[{i}]"),
                    crate::Problem::new("party-twice"),
                    "this party is listed twice",
                );
            }
        }
        if let (Some(from), Some(until)) = (self.valid_from, self.valid_until)
            && until.last_day() < from.first_day()
        {
            errors.add_coded(
                "valid_until",
                crate::Problem::new("validity-end-before-start"),
                "the end of validity is before its start",
            );
        }
        if let (Some(signed), Some(terminated)) = (self.signed_on, self.terminated_on)
            && terminated.last_day() < signed.first_day()
        {
            errors.add_coded(
                "terminated_on",
                crate::Problem::new("ends-before-signed"),
                "an agreement cannot end before it was signed",
            );
        }
        if self.renews.as_ref() == Some(&self.id) {
            errors.add_coded(
                "renews",
                crate::Problem::new("renews-itself"),
                "an agreement cannot renew itself",
            );
        }
        for (i, c) in self.conditions.iter().enumerate() {
            if c.eqf_level.is_some_and(|l| !(1..=8).contains(&l)) {
                errors.add_coded(
                    format!("conditions[{i}].eqf_level"),
                    crate::Problem::new("eqf-level-range"),
                    "EQF levels run from 1 to 8",
                );
            }
            if let (Some(a), Some(b)) = (c.first_year, c.last_year)
                && b < a
            {
                errors.add_coded(
                    format!("conditions[{i}].last_year"),
                    crate::Problem::new("last-year-before-first"),
                    "the last year is before the first",
                );
            }
            if c.months_per_year
                .is_some_and(|m| !(0.0..=12.0).contains(&m))
            {
                errors.add_coded(
                    format!("conditions[{i}].months_per_year"),
                    crate::Problem::new("months-range"),
                    "a year has at most 12 months",
                );
            }
        }
        errors.extend(crate::text::record_text_problems(self));
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spa() -> Agreement {
        serde_json::from_value(serde_json::json!({
            "id": "trio-utokyo-spa-2022", "kind": "strategic_partnership", "level": "central",
            "title": "Strategic Partnership Agreement, Stockholm Trio – University of Tokyo",
            "parties": [{"organisation": "stockholm-trio", "unit": null, "role": "partner"},
                        {"organisation": "utokyo", "unit": null, "role": "partner"}],
            "home_unit": null, "signed_on": "2022-01-01", "valid_from": "2022-01-01",
            "valid_until": null, "renews": "trio-utokyo-spa",
            "education_levels": ["doctoral", "postdoc"], "study_programmes": [],
            "subject_areas": [], "research_fields": [], "conditions": [], "visibility": "public"
        }))
        .unwrap()
    }

    #[test]
    fn the_design_example_is_valid() {
        let mut a = spa();
        a.normalise();
        assert!(a.signed);
        assert!(a.validate().is_ok());
    }

    #[test]
    fn invalid_agreements_are_refused() {
        let mut a = spa();
        a.parties.truncate(1);
        a.valid_from = Some("2023".parse().unwrap());
        a.valid_until = Some("2022-12".parse().unwrap());
        let errors = a.validate().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["parties", "valid_until"]);
        let mut json = serde_json::to_value(spa()).unwrap();
        json["level"] = "national".into();
        assert!(serde_json::from_value::<Agreement>(json).is_err());
    }
}
