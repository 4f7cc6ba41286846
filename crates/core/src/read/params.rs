//! The filters of a list as words from a URL or a form, turned into the typed
//! filters of [`super::filters`]; and the choices a list page's form offers,
//! read from the per-revision indexes rather than from every record.

use std::collections::BTreeSet;

use kizuna_domain::{AgreementStatus, CountryCode, Organisation, Slug};
use serde::{Deserialize, Serialize};

use super::Lookup;
use super::filters::{AgreementFilter, OrganisationFilter, ProgrammeFilter, TextFilter};

/// A filter word that names no value of its vocabulary, or no organisation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadFilter(pub String);

/// The filters of the agreement, programme and organisation lists, as given
/// (an empty word means "any", as a form's first option sends it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListParams {
    /// ISO country code, either case.
    #[serde(default)]
    pub country: Option<String>,
    /// Kind word of the collection.
    #[serde(default)]
    pub kind: Option<String>,
    /// Agreement level.
    #[serde(default)]
    pub level: Option<String>,
    /// Agreement status.
    #[serde(default)]
    pub status: Option<String>,
    /// Education level (agreements, programmes).
    #[serde(default)]
    pub education_level: Option<String>,
    /// An organisation id: a party (agreements), a partner (programmes), the parent (organisations).
    #[serde(default)]
    pub partner: Option<String>,
    /// A home unit id (agreements, programmes).
    #[serde(default)]
    pub unit: Option<String>,
    /// ISCED-F code (agreements).
    #[serde(default)]
    pub subject_area: Option<String>,
    /// Text to look for.
    #[serde(default)]
    pub q: Option<String>,
}

/// Parses one filter word; empty counts as absent.
fn word<T: std::str::FromStr>(value: &Option<String>, name: &str) -> Result<Option<T>, BadFilter>
where
    T::Err: std::fmt::Display,
{
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<T>()
                .map_err(|e| BadFilter(format!("`{name}`: {e}")))
        })
        .transpose()
}

/// Parses a country code in either case.
fn country(value: &Option<String>) -> Result<Option<CountryCode>, BadFilter> {
    let upper = value.as_deref().map(|v| v.trim().to_ascii_uppercase());
    word(&upper, "country")
}

impl ListParams {
    /// Whether any filter is set (the text included).
    pub fn any(&self) -> bool {
        self.without_blanks() != ListParams::default()
    }

    /// The same filters with the empty words left out.
    pub fn without_blanks(&self) -> ListParams {
        let keep = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        ListParams {
            country: keep(&self.country),
            kind: keep(&self.kind),
            level: keep(&self.level),
            status: keep(&self.status),
            education_level: keep(&self.education_level),
            partner: keep(&self.partner),
            unit: keep(&self.unit),
            subject_area: keep(&self.subject_area),
            q: keep(&self.q),
        }
    }

    /// An organisation id that this audience may see.
    fn org(
        &self,
        lookup: &Lookup<'_>,
        value: &Option<String>,
        name: &str,
    ) -> Result<Option<Slug>, BadFilter> {
        let Some(id) = word::<Slug>(value, name)? else {
            return Ok(None);
        };
        match lookup.org(&id) {
            Some(_) => Ok(Some(id)),
            None => Err(BadFilter(format!(
                "`{name}`: there is no organisation `{id}`"
            ))),
        }
    }

    /// Refuses the words a list does not filter by, so a link never seems to
    /// filter while it does not.
    fn only(&self, what: &str, allowed: &[&str]) -> Result<(), BadFilter> {
        let given = self.without_blanks();
        let named = [
            ("level", &given.level),
            ("status", &given.status),
            ("education_level", &given.education_level),
            ("unit", &given.unit),
            ("subject_area", &given.subject_area),
        ];
        match named
            .iter()
            .find(|(name, value)| value.is_some() && !allowed.contains(name))
        {
            Some((name, _)) => Err(BadFilter(format!("`{name}` does not filter {what}"))),
            None => Ok(()),
        }
    }

    /// The agreement filter these words say.
    pub fn agreements(&self, lookup: &Lookup<'_>) -> Result<AgreementFilter, BadFilter> {
        Ok(AgreementFilter {
            country: country(&self.country)?,
            kind: word(&self.kind, "kind")?,
            level: word(&self.level, "level")?,
            status: word(&self.status, "status")?,
            education_level: word(&self.education_level, "education_level")?,
            study_programme: None,
            subject_area: word(&self.subject_area, "subject_area")?,
            partner: self.org(lookup, &self.partner, "partner")?,
            unit: self.org(lookup, &self.unit, "unit")?,
            text: TextFilter::new(self.q.as_deref()),
        })
    }

    /// The programme filter these words say.
    pub fn programmes(&self, lookup: &Lookup<'_>) -> Result<ProgrammeFilter, BadFilter> {
        self.only("programmes", &["education_level", "unit"])?;
        Ok(ProgrammeFilter {
            country: country(&self.country)?,
            kind: word(&self.kind, "kind")?,
            education_level: word(&self.education_level, "education_level")?,
            partner: self.org(lookup, &self.partner, "partner")?,
            unit: self.org(lookup, &self.unit, "unit")?,
            text: TextFilter::new(self.q.as_deref()),
        })
    }

    /// The organisation filter these words say (`partner` is the parent).
    pub fn organisations(&self, lookup: &Lookup<'_>) -> Result<OrganisationFilter, BadFilter> {
        self.only("organisations", &[])?;
        Ok(OrganisationFilter {
            country: country(&self.country)?,
            kind: word(&self.kind, "kind")?,
            parent: self.org(lookup, &self.partner, "partner")?,
            text: TextFilter::new(self.q.as_deref()),
        })
    }
}

/// The statuses the public may filter by: every one but `draft`, which the
/// public never sees.
pub fn public_statuses() -> impl Iterator<Item = AgreementStatus> {
    AgreementStatus::ALL
        .iter()
        .copied()
        .filter(|s| *s != AgreementStatus::Draft)
}

/// The units of the home organisation, at any depth, in name order.
pub fn home_units<'a>(lookup: &Lookup<'a>) -> Vec<&'a Organisation> {
    let Some(home) = lookup.snapshot.home.clone() else {
        return Vec::new();
    };
    let mut seen = BTreeSet::new();
    let mut queue = vec![home];
    let mut units = Vec::new();
    // Bounded like `Lookup::within`: a cycle of parents in bad data must not hang.
    while let Some(id) = queue.pop() {
        if !seen.insert(id.clone()) || seen.len() > 10_000 {
            continue;
        }
        for child in lookup.index.children(&id) {
            if let Some(unit) = lookup.org(child) {
                units.push(unit);
                queue.push(child.clone());
            }
        }
    }
    units.sort_by(|a, b| a.display_name().cmp(b.display_name()));
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> ListParams {
        let json: serde_json::Map<String, serde_json::Value> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
            .collect();
        serde_json::from_value(json.into()).unwrap()
    }

    #[test]
    fn empty_words_mean_any() {
        let p = params(&[("kind", ""), ("q", "  ")]);
        assert!(!p.any());
        assert_eq!(p.without_blanks(), ListParams::default());
        assert!(params(&[("q", "tokyo")]).any());
        let given = params(&[("kind", ""), ("level", " central ")]).without_blanks();
        assert_eq!(given.kind, None);
        assert_eq!(given.level.as_deref(), Some("central"));
    }

    #[test]
    fn bad_words_are_named() {
        let snapshot = super::super::Snapshot::default();
        let ctx = kizuna_domain::StatusContext {
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            expiring_window_days: 180,
        };
        let lookup = Lookup::new(&snapshot, ctx, true);
        let err = params(&[("status", "dormant")])
            .agreements(&lookup)
            .unwrap_err();
        assert!(err.0.contains("`status`"), "{err}");
        let err = params(&[("partner", "nobody")])
            .agreements(&lookup)
            .unwrap_err();
        assert!(err.0.contains("no organisation `nobody`"), "{err}");
        let err = params(&[("level", "central")])
            .programmes(&lookup)
            .unwrap_err();
        assert!(
            err.0.contains("`level` does not filter programmes"),
            "{err}"
        );
        let jp = params(&[("country", "jp")]).agreements(&lookup).unwrap();
        assert_eq!(jp.country, Some("JP".parse().unwrap()));
    }

    #[test]
    fn the_public_cannot_ask_for_drafts() {
        let words: Vec<&str> = public_statuses().map(|s| s.as_str()).collect();
        assert_eq!(
            words,
            [
                "upcoming",
                "active",
                "expiring",
                "expired",
                "superseded",
                "terminated"
            ]
        );
    }
}
