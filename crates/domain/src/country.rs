//! The editorial part of a country page; the rest is generated from records.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::{TextKind, text_problems};
use crate::{CountryCode, SectionKey, Slug, ValidationErrors};

/// The profile's multi-line texts (Markdown); every other text is one line.
const TEXT_KINDS: &[(&str, TextKind)] = &[
    ("sections.intro", TextKind::Long),
    ("sections.education", TextKind::Long),
    ("sections.doctoral", TextKind::Long),
    ("sections.postdoc", TextKind::Long),
    ("sections.funding", TextKind::Long),
];

/// Markdown kept per country, shown beside the generated lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CountrySections {
    /// Opening text.
    #[serde(default)]
    pub intro: Option<String>,
    /// Bachelor's and master's education.
    #[serde(default)]
    pub education: Option<String>,
    /// Doctoral education.
    #[serde(default)]
    pub doctoral: Option<String>,
    /// Postdoctoral stays.
    #[serde(default)]
    pub postdoc: Option<String>,
    /// Funding, scholarships and travel grants.
    #[serde(default)]
    pub funding: Option<String>,
}

impl CountrySections {
    /// The Markdown of one section.
    pub fn get(&self, key: SectionKey) -> Option<&str> {
        match key {
            SectionKey::Intro => self.intro.as_deref(),
            SectionKey::Education => self.education.as_deref(),
            SectionKey::Doctoral => self.doctoral.as_deref(),
            SectionKey::Postdoc => self.postdoc.as_deref(),
            SectionKey::Funding => self.funding.as_deref(),
        }
    }
}

/// What the office says about its collaboration with one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CountryProfile {
    /// The country.
    pub country: CountryCode,
    /// How many years the collaboration has run, as the office states it.
    #[serde(default)]
    pub collaboration_years: Option<u32>,
    /// Fields where collaboration is most active.
    #[serde(default)]
    pub research_fields: Vec<String>,
    /// Partners with the most extensive collaboration.
    #[serde(default)]
    pub key_partners: Vec<Slug>,
    /// Organisations that support collaboration with the country without being
    /// in it (an embassy abroad, a funder's local office).
    #[serde(default)]
    pub supporters: Vec<Slug>,
    /// Editorial Markdown.
    #[serde(default)]
    pub sections: CountrySections,
    /// Set by storage.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

impl CountryProfile {
    /// Checks the text rules of every field (the ids it names are the write
    /// path's to check against the registry).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let doc = serde_json::to_value(self).unwrap_or_default();
        text_problems(&doc, TEXT_KINDS).into_result()
    }
}
