//! The editorial part of a country page; the rest is generated from records.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::{TextKind, text_problems};
use crate::{CountryCode, LanguageTag, SectionKey, Slug, ValidationErrors};

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
    /// Editorial Markdown, in English.
    #[serde(default)]
    pub sections: CountrySections,
    /// The editorial Markdown in other languages, by BCP 47 tag (`sv`, `ja`);
    /// a section missing here is read in English.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, CountrySections>,
    /// Set by storage.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

/// A section's text as a reader of one language gets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionText<'a> {
    /// The Markdown.
    pub text: &'a str,
    /// The language it is written in (`en` when the reader's is missing).
    pub lang: &'a str,
    /// Whether it is the English text standing in for the reader's language.
    pub fallback: bool,
}

impl CountryProfile {
    /// Section `key` for a reader of `lang`: the translation when there is
    /// one with text, else the English text, marked as a fallback when the
    /// reader asked for another language.
    pub fn section_in<'a>(&'a self, key: SectionKey, lang: &'a str) -> Option<SectionText<'a>> {
        let has_text = |t: &&str| !t.trim().is_empty();
        if lang != "en"
            && let Some((tag, sections)) = self.translations.get_key_value(lang)
            && let Some(text) = sections.get(key).filter(has_text)
        {
            return Some(SectionText {
                text,
                lang: tag,
                fallback: false,
            });
        }
        self.sections
            .get(key)
            .filter(has_text)
            .map(|text| SectionText {
                text,
                lang: "en",
                fallback: lang != "en",
            })
    }

    /// Checks the text rules of every field and the translations' language
    /// tags (the ids it names are the write path's to check against the
    /// registry).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let doc = serde_json::to_value(self).unwrap_or_default();
        // Translated sections are Markdown like the English ones.
        let translated: Vec<(String, TextKind)> = self
            .translations
            .keys()
            .flat_map(|lang| {
                TEXT_KINDS.iter().map(move |(field, kind)| {
                    (
                        field.replacen("sections", &format!("translations.{lang}"), 1),
                        *kind,
                    )
                })
            })
            .collect();
        let kinds: Vec<(&str, TextKind)> = TEXT_KINDS
            .iter()
            .copied()
            .chain(translated.iter().map(|(f, k)| (f.as_str(), *k)))
            .collect();
        let mut errors = text_problems(&doc, &kinds);
        for lang in self.translations.keys() {
            if lang == "en" {
                errors.add(
                    format!("translations.{lang}"),
                    "the English text is in sections, not translations",
                );
            } else if lang.parse::<LanguageTag>().is_err() {
                errors.add(
                    format!("translations.{lang}"),
                    "use a BCP 47 language tag (e.g. sv, ja)",
                );
            }
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> CountryProfile {
        serde_json::from_value(serde_json::json!({
            "country": "JP",
            "sections": {"intro": "Japan is our **oldest** partner.", "education": "Exchange."},
            "translations": {
                "sv": {"intro": "Japan är vår äldsta partner.", "education": "  "},
                "ja": {"intro": "日本は最も古い提携国です。"}
            }
        }))
        .unwrap()
    }

    #[test]
    fn a_reader_gets_the_section_in_their_language_or_english_marked_as_such() {
        let p = profile();
        let sv = p.section_in(SectionKey::Intro, "sv").unwrap();
        assert_eq!(
            (sv.text, sv.lang, sv.fallback),
            ("Japan är vår äldsta partner.", "sv", false)
        );
        // A blank translation is no translation.
        let sv = p.section_in(SectionKey::Education, "sv").unwrap();
        assert_eq!((sv.text, sv.lang, sv.fallback), ("Exchange.", "en", true));
        let en = p.section_in(SectionKey::Intro, "en").unwrap();
        assert_eq!((en.lang, en.fallback), ("en", false));
        assert!(p.section_in(SectionKey::Funding, "ja").is_none());
    }

    #[test]
    fn profiles_without_translations_read_and_write_as_before() {
        let old = serde_json::json!({"country": "SE", "sections": {"intro": "Hej"}});
        let p: CountryProfile = serde_json::from_value(old).unwrap();
        assert!(p.translations.is_empty());
        let json = serde_json::to_value(&p).unwrap();
        assert!(json.get("translations").is_none());
        assert!(p.validate().is_ok());
    }

    #[test]
    fn translations_follow_the_text_rules_and_name_a_language() {
        let mut p = profile();
        assert!(p.validate().is_ok());
        p.translations.get_mut("sv").unwrap().intro = Some("Rad ett\n\nRad två".to_owned());
        assert!(p.validate().is_ok(), "Markdown may span lines");
        p.translations
            .insert("en".to_owned(), CountrySections::default());
        p.translations
            .insert("not a tag".to_owned(), CountrySections::default());
        let errors = p.validate().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["translations.en", "translations.not a tag"]);
    }
}
