//! Programmes: joint activities such as courses, workshops and exchanges.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{EducationLevel, ProgrammeKind, Slug, ValidationErrors, Visibility};

/// A joint activity with partners, run from administrative units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Stable slug.
    pub id: Slug,
    /// Joint programme, course, workshop, exchange or travel grant scheme.
    pub kind: ProgrammeKind,
    /// Name.
    pub title: String,
    /// Markdown description.
    #[serde(default)]
    pub description: Option<String>,
    /// Organisations taking part.
    #[serde(default)]
    pub partners: Vec<Slug>,
    /// Administrative bases on each side.
    #[serde(default)]
    pub units: Vec<Slug>,
    /// Who it is for.
    #[serde(default)]
    pub education_levels: Vec<EducationLevel>,
    /// How often it runs, e.g. `annual`.
    #[serde(default)]
    pub recurrence: Option<String>,
    /// Organisations (or campuses) where it takes place.
    #[serde(default)]
    pub locations: Vec<Slug>,
    /// Markdown notes for staff only; never shown publicly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_notes: Option<String>,
    /// The agreement it runs under.
    #[serde(default)]
    pub agreement: Option<Slug>,
    /// Contacts who handle it.
    #[serde(default)]
    pub contacts: Vec<Slug>,
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

impl Programme {
    /// Checks the rules serde cannot, and the text rules of every field.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.title.trim().is_empty() {
            errors.add_coded(
                "title",
                crate::Problem::new("title-missing").with("what", "programme"),
                "give the programme a title",
            );
        }
        if self.partners.is_empty() {
            errors.add_coded(
                "partners",
                crate::Problem::new("partners-missing"),
                "a programme needs at least one partner",
            );
        }
        errors.extend(crate::text::record_text_problems(self));
        errors.into_result()
    }
}
