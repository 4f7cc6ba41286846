//! An agreement's mobility conditions said in words: what a student (or a
//! member of staff) gets, from places, months, levels, languages and years.

use kizuna_domain::{Direction, MobilityCondition, MobilityType};
use serde::Serialize;

/// One mobility condition, each fact as a reader would say it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ConditionView {
    /// Who and what, e.g. "Our students going to study at the partner".
    pub heading: String,
    /// "2 places a year", when recorded.
    pub places: Option<String>,
    /// "up to 10 months a year in all" (or days, for staff).
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

fn heading(direction: Direction, mobility: MobilityType) -> String {
    let (who, verb) = match mobility {
        MobilityType::StudentStudies => ("students", "study"),
        MobilityType::StudentTraineeship => ("students", "do a traineeship"),
        MobilityType::StaffTeaching => ("staff", "teach"),
        MobilityType::StaffTraining => ("staff", "train"),
    };
    match direction {
        Direction::Outgoing => format!("Our {who} going to {verb} at the partner"),
        Direction::Incoming => format!("The partner's {who} coming to {verb} here"),
    }
}

fn plural(n: impl Into<f64>, one: &str, many: &str) -> String {
    let n = n.into();
    let shown = if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    };
    format!("{shown} {}", if n == 1.0 { one } else { many })
}

/// The cycle an EQF level stands for in higher education.
fn eqf_cycle(level: u8) -> Option<&'static str> {
    match level {
        5 => Some("short cycle"),
        6 => Some("bachelor's"),
        7 => Some("master's"),
        8 => Some("doctoral"),
        _ => None,
    }
}

/// The English name of a language, by its primary subtag.
fn language_name(tag: &str) -> Option<&'static str> {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    Some(match primary.as_str() {
        "en" => "English",
        "ja" => "Japanese",
        "sv" => "Swedish",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "it" => "Italian",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "da" => "Danish",
        "no" | "nb" | "nn" => "Norwegian",
        "fi" => "Finnish",
        "zh" => "Chinese",
        "ko" => "Korean",
        "ru" => "Russian",
        "ar" => "Arabic",
        "pl" => "Polish",
        _ => return None,
    })
}

/// An academic year by its start year: 2024 → "2024/25".
fn academic_year(start: i32) -> String {
    format!("{start}/{:02}", (start + 1).rem_euclid(100))
}

impl ConditionView {
    /// Says `c` in words.
    pub fn of(c: &MobilityCondition) -> Self {
        let staff = matches!(
            c.mobility,
            MobilityType::StaffTeaching | MobilityType::StaffTraining
        );
        let length = match (c.months_per_year, c.days_per_year) {
            (Some(m), _) if !staff || c.days_per_year.is_none() => Some(format!(
                "up to {} a year in all",
                plural(m, "month", "months")
            )),
            (_, Some(d)) => Some(format!("up to {} a year in all", plural(d, "day", "days"))),
            _ => None,
        };
        let years = match (c.first_year, c.last_year) {
            (Some(a), Some(b)) if a == b => Some(academic_year(a)),
            (Some(a), Some(b)) => Some(format!("{} to {}", academic_year(a), academic_year(b))),
            (Some(a), None) => Some(format!("from {}", academic_year(a))),
            (None, Some(b)) => Some(format!("until {}", academic_year(b))),
            (None, None) => None,
        };
        ConditionView {
            heading: heading(c.direction, c.mobility),
            places: c
                .places_per_year
                .map(|p| format!("{} a year", plural(p, "place", "places"))),
            length,
            level: c.eqf_level.map(|l| match eqf_cycle(l) {
                Some(cycle) => format!("EQF level {l} ({cycle})"),
                None => format!("EQF level {l}"),
            }),
            subject: c.subject_area.as_ref().map(|s| s.labelled()),
            languages: c
                .languages
                .iter()
                .map(|l| {
                    let tag = l.lang.as_str();
                    let name = language_name(tag).map(str::to_owned);
                    let name = name.unwrap_or_else(|| tag.to_owned());
                    match l.cefr {
                        Some(level) => format!("{name} ({level} or above)"),
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

    fn condition(json: serde_json::Value) -> MobilityCondition {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_student_exchange_is_said_in_words() {
        let c = condition(serde_json::json!({
            "direction": "outgoing", "mobility": "student_studies",
            "places_per_year": 2, "months_per_year": 10.0, "eqf_level": 6,
            "subject_area": "0913",
            "languages": [{"lang": "en", "cefr": "B2"}, {"lang": "ja"}],
            "first_year": 2024, "last_year": 2028
        }));
        let v = ConditionView::of(&c);
        assert_eq!(v.heading, "Our students going to study at the partner");
        assert_eq!(v.places.as_deref(), Some("2 places a year"));
        assert_eq!(v.length.as_deref(), Some("up to 10 months a year in all"));
        assert_eq!(v.level.as_deref(), Some("EQF level 6 (bachelor's)"));
        assert_eq!(v.subject.as_deref(), Some("0913 Nursing and midwifery"));
        assert_eq!(v.languages, ["English (B2 or above)", "Japanese"]);
        assert_eq!(v.years.as_deref(), Some("2024/25 to 2028/29"));
    }

    #[test]
    fn staff_days_single_places_and_open_years() {
        let c = condition(serde_json::json!({
            "direction": "incoming", "mobility": "staff_teaching",
            "places_per_year": 1, "days_per_year": 5, "first_year": 2099
        }));
        let v = ConditionView::of(&c);
        assert_eq!(v.heading, "The partner's staff coming to teach here");
        assert_eq!(v.places.as_deref(), Some("1 place a year"));
        assert_eq!(v.length.as_deref(), Some("up to 5 days a year in all"));
        assert_eq!(v.years.as_deref(), Some("from 2099/00"));
        assert_eq!(v.level, None);
        assert!(v.languages.is_empty());
        let half = condition(serde_json::json!({
            "direction": "outgoing", "mobility": "student_traineeship", "months_per_year": 4.5
        }));
        let v = ConditionView::of(&half);
        assert_eq!(v.length.as_deref(), Some("up to 4.5 months a year in all"));
    }
}
