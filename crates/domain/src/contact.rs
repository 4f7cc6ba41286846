//! Contact people. They are personal data: shown per visibility, exportable, erasable.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{CountryCode, Slug, ValidationErrors, Visibility};

/// A person to ask about a country, an agreement or a programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Stable slug.
    pub id: Slug,
    /// Full name.
    pub name: String,
    /// Role, e.g. "Academic coordinator Japan".
    #[serde(default)]
    pub role: Option<String>,
    /// Employer.
    #[serde(default)]
    pub organisation: Option<Slug>,
    /// Unit within the employer.
    #[serde(default)]
    pub unit: Option<Slug>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Telephone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Whether e-mail and phone may be shown publicly (the name and role always may, when the contact is public).
    #[serde(default)]
    pub details_visibility: Visibility,
    /// Countries the person covers.
    #[serde(default)]
    pub countries: Vec<CountryCode>,
    /// Agreements the person handles.
    #[serde(default)]
    pub agreements: Vec<Slug>,
    /// Programmes the person handles.
    #[serde(default)]
    pub programmes: Vec<Slug>,
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

impl Contact {
    /// Checks the rules serde cannot: the e-mail address, and the text rules of every field.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.name.trim().is_empty() {
            errors.add_coded(
                "name",
                crate::Problem::new("name-missing"),
                "give the person's name",
            );
        }
        if let Some(email) = &self.email
            && let Err(problem) = crate::text::check_email_address(email)
        {
            errors.add_coded("email", crate::text::address_problem(&problem), problem);
        }
        errors.extend(crate::text::record_text_problems(self));
        errors.into_result()
    }
}
