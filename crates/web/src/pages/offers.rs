//! What an agreement offers, in the reader's language: core picks out each
//! mobility condition's facts, this module words them with the messages.

use kizuna_core::read::conditions::{ConditionView, StayLength};
use kizuna_domain::IscedCode;
use kizuna_i18n::{Arg, Lang};
use serde::Serialize;

use crate::http::lang::{current, languages, t_with};

/// One mobility condition, each fact as a reader says it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Offer {
    /// "Our students going to study at the partner".
    pub heading: String,
    /// "2 places a year".
    pub places: Option<String>,
    /// "up to 10 months a year in all".
    pub length: Option<String>,
    /// "EQF level 6 (bachelor's)".
    pub level: Option<String>,
    /// "0913 Nursing and midwifery".
    pub subject: Option<String>,
    /// "English (B2 or above)", one per language.
    pub languages: Vec<String>,
    /// "2024/25 to 2028/29".
    pub years: Option<String>,
}

fn text(s: &str) -> Arg {
    Arg::Text(s.to_owned())
}

/// A subject area with its name in the reader's language: `0913 Omvårdnad …`.
pub fn subject_label(code: &IscedCode, lang: Lang) -> String {
    match kizuna_domain::isced::field(code.as_str()) {
        Some(f) => {
            let name = match lang {
                Lang::En => f.en,
                Lang::Sv => f.sv,
                Lang::Ja => f.ja,
            };
            format!("{} {name}", f.code)
        }
        None => code.labelled(),
    }
}

/// A language's name in the reader's language, or its tag when it has none.
fn language_name(primary: &str, tag: &str) -> String {
    let primary = if matches!(primary, "nb" | "nn") {
        "no"
    } else {
        primary
    };
    let key = format!("rec-language-{primary}");
    if languages().catalog().has(Lang::En, &key) {
        t_with(&key, &[])
    } else {
        tag.to_owned()
    }
}

impl Offer {
    /// Words `c` in the language of the request.
    pub fn of(c: &ConditionView) -> Self {
        let count = |n: f64| [("count", Arg::Number(n))];
        let length = c.length.map(|l| match l {
            StayLength::Months(m) => t_with("rec-cond-months", &count(m)),
            StayLength::Days(d) => t_with("rec-cond-days", &count(d.into())),
        });
        let level = c.eqf_level.map(|l| {
            let level = Arg::Number(l.into());
            if (5..=8).contains(&l) {
                let cycle = Arg::Number(l.into());
                t_with("rec-cond-eqf-cycle", &[("level", level), ("cycle", cycle)])
            } else {
                t_with("rec-cond-eqf", &[("level", level)])
            }
        });
        let years = match (&c.first_year, &c.last_year) {
            (Some(a), Some(b)) if a == b => {
                Some(t_with("rec-cond-years-one", &[("first", text(a))]))
            }
            (Some(a), Some(b)) => Some(t_with(
                "rec-cond-years-range",
                &[("first", text(a)), ("last", text(b))],
            )),
            (Some(a), None) => Some(t_with("rec-cond-years-from", &[("first", text(a))])),
            (None, Some(b)) => Some(t_with("rec-cond-years-until", &[("last", text(b))])),
            (None, None) => None,
        };
        Offer {
            heading: t_with(
                "rec-cond-heading",
                &[
                    ("direction", text(c.direction.as_str())),
                    ("mobility", text(c.mobility.as_str())),
                ],
            ),
            places: c
                .places
                .map(|p| t_with("rec-cond-places", &count(p.into()))),
            length,
            level,
            subject: c.subject.as_ref().map(|s| subject_label(s, current())),
            languages: c
                .languages
                .iter()
                .map(|l| {
                    let name = language_name(&l.lang, &l.tag);
                    match l.cefr {
                        Some(cefr) => t_with(
                            "rec-cond-language-cefr",
                            &[("language", Arg::Text(name)), ("cefr", text(cefr.as_str()))],
                        ),
                        None => name,
                    }
                })
                .collect(),
            years,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::lang::scope;

    fn condition(json: serde_json::Value) -> ConditionView {
        ConditionView::of(&serde_json::from_value(json).unwrap())
    }

    fn exchange() -> ConditionView {
        condition(serde_json::json!({
            "direction": "outgoing", "mobility": "student_studies",
            "places_per_year": 2, "months_per_year": 10.0, "eqf_level": 6,
            "subject_area": "0913",
            "languages": [{"lang": "en", "cefr": "B2"}, {"lang": "ja"}, {"lang": "tlh"}],
            "first_year": 2024, "last_year": 2028
        }))
    }

    #[tokio::test]
    async fn a_student_exchange_is_said_in_english() {
        let o = scope(Lang::En, async { Offer::of(&exchange()) }).await;
        assert_eq!(o.heading, "Our students going to study at the partner");
        assert_eq!(o.places.as_deref(), Some("2 places a year"));
        assert_eq!(o.length.as_deref(), Some("up to 10 months a year in all"));
        assert_eq!(o.level.as_deref(), Some("EQF level 6 (bachelor's)"));
        assert_eq!(o.subject.as_deref(), Some("0913 Nursing and midwifery"));
        assert_eq!(o.languages, ["English (B2 or above)", "Japanese", "tlh"]);
        assert_eq!(o.years.as_deref(), Some("2024/25 to 2028/29"));
    }

    #[tokio::test]
    async fn the_same_exchange_in_swedish_and_japanese() {
        let sv = scope(Lang::Sv, async { Offer::of(&exchange()) }).await;
        assert_eq!(sv.heading, "Våra studenter som studerar hos partnern");
        assert_eq!(sv.places.as_deref(), Some("2 platser per år"));
        assert_eq!(sv.languages[0], "Engelska (lägst B2)");
        assert!(
            sv.subject.as_deref().unwrap().starts_with("0913 Omvårdnad"),
            "{sv:?}"
        );
        let ja = scope(Lang::Ja, async { Offer::of(&exchange()) }).await;
        assert_eq!(ja.heading, "本学の学生が提携校で学ぶ");
        assert_eq!(ja.places.as_deref(), Some("年間2名"));
        assert_eq!(ja.languages[1], "日本語");
    }

    #[tokio::test]
    async fn one_place_and_staff_days() {
        let c = condition(serde_json::json!({
            "direction": "incoming", "mobility": "staff_teaching",
            "places_per_year": 1, "days_per_year": 1, "first_year": 2099
        }));
        let o = scope(Lang::En, async { Offer::of(&c) }).await;
        assert_eq!(o.heading, "The partner's staff coming to teach here");
        assert_eq!(o.places.as_deref(), Some("1 place a year"));
        assert_eq!(o.length.as_deref(), Some("up to 1 day a year in all"));
        assert_eq!(o.years.as_deref(), Some("from 2099/00"));
        let sv = scope(Lang::Sv, async { Offer::of(&c) }).await;
        assert_eq!(sv.places.as_deref(), Some("1 plats per år"));
    }
}
