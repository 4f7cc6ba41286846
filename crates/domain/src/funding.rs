//! Funding opportunities: scholarships, fellowships, travel grants and awards.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{CareerStage, CountryCode, FundingKind, Slug, ValidationErrors, Visibility};

/// An application deadline, once or every year on the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The date (for a yearly deadline, any year's occurrence).
    pub date: NaiveDate,
    /// Repeats every year.
    #[serde(default)]
    pub yearly: bool,
}

impl Deadline {
    /// The first occurrence on or after `today`, if any.
    pub fn next_after(&self, today: NaiveDate) -> Option<NaiveDate> {
        if !self.yearly {
            return (self.date >= today).then_some(self.date);
        }
        (today.year()..=today.year() + 1)
            .filter_map(|y| {
                self.date
                    .with_year(y)
                    .or_else(|| NaiveDate::from_ymd_opt(y, self.date.month(), 28))
            })
            .find(|d| *d >= today)
    }
}

/// Money for a stay abroad or a visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingOpportunity {
    /// Stable slug.
    pub id: Slug,
    /// Scholarship, fellowship, travel grant or award.
    pub kind: FundingKind,
    /// Name.
    pub title: String,
    /// The funding organisation.
    #[serde(default)]
    pub funder: Option<Slug>,
    /// Who may apply.
    #[serde(default)]
    pub career_stages: Vec<CareerStage>,
    /// Countries the money takes you to.
    #[serde(default)]
    pub destination_countries: Vec<CountryCode>,
    /// Markdown: who is eligible.
    #[serde(default)]
    pub eligibility: Option<String>,
    /// Application deadlines.
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    /// Amount, as text (currencies and periods vary).
    #[serde(default)]
    pub amount: Option<String>,
    /// Where to read more and apply.
    #[serde(default)]
    pub url: Option<String>,
    /// The programme it belongs to.
    #[serde(default)]
    pub programme: Option<Slug>,
    /// The agreement it belongs to.
    #[serde(default)]
    pub agreement: Option<Slug>,
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

impl FundingOpportunity {
    /// Checks the rules serde cannot: the link, and the text rules of every field.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.title.trim().is_empty() {
            errors.add_coded(
                "title",
                crate::Problem::new("title-missing").with("what", "funding"),
                "give the opportunity a title",
            );
        }
        if let Some(url) = &self.url
            && let Err(problem) = crate::text::check_web_address(url)
        {
            errors.add_coded("url", crate::text::address_problem(&problem), problem);
        }
        errors.extend(crate::text::record_text_problems(self));
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yearly_deadlines_roll_over() {
        let d = Deadline {
            date: "2020-03-15".parse().unwrap(),
            yearly: true,
        };
        let today: NaiveDate = "2026-11-24".parse().unwrap();
        assert_eq!(d.next_after(today), Some("2027-03-15".parse().unwrap()));
        let once = Deadline {
            date: "2026-03-15".parse().unwrap(),
            yearly: false,
        };
        assert_eq!(once.next_after(today), None);
    }
}
