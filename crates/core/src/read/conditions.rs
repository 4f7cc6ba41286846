//! An agreement's mobility conditions as a reader needs them: who goes
//! where to do what, how many places, for how long, at what level, in which
//! languages and in which academic years. The facts only: the web edge says
//! them in the reader's language.

use kizuna_domain::{Cefr, Direction, IscedCode, MobilityCondition, MobilityType};
use serde::Serialize;

/// How long a stay may last in a year, all stays together.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum StayLength {
    /// Months (students; half months happen).
    Months(f64),
    /// Days (staff).
    Days(u32),
}

/// A language a stay requires, with the lowest CEFR level accepted.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LanguageNeed {
    /// The primary language subtag, lower case: `en`, `ja`.
    pub lang: String,
    /// The tag as recorded, for languages without a name.
    pub tag: String,
    /// The lowest level accepted, when one is set.
    pub cefr: Option<Cefr>,
}

/// One mobility condition, its facts picked out for a page.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ConditionView {
    /// Outgoing (our people go) or incoming (the partner's come).
    pub direction: Direction,
    /// Study, traineeship, teaching or training.
    pub mobility: MobilityType,
    /// Places a year, when recorded.
    pub places: Option<u32>,
    /// The most a year, in all (months for students, days for staff).
    pub length: Option<StayLength>,
    /// The EQF level, 5 to 8 in higher education.
    pub eqf_level: Option<u8>,
    /// The subject area.
    pub subject: Option<IscedCode>,
    /// The languages required.
    pub languages: Vec<LanguageNeed>,
    /// The first academic year, `2024/25`.
    pub first_year: Option<String>,
    /// The last academic year, `2028/29`.
    pub last_year: Option<String>,
}

/// An academic year by its start year: 2024 → "2024/25".
fn academic_year(start: i32) -> String {
    format!("{start}/{:02}", (start + 1).rem_euclid(100))
}

impl ConditionView {
    /// Picks out the facts of `c`.
    pub fn of(c: &MobilityCondition) -> Self {
        let staff = matches!(
            c.mobility,
            MobilityType::StaffTeaching | MobilityType::StaffTraining
        );
        // Staff stays are counted in days when both are recorded.
        let length = match (c.months_per_year, c.days_per_year) {
            (Some(m), _) if !staff || c.days_per_year.is_none() => Some(StayLength::Months(m)),
            (_, Some(d)) => Some(StayLength::Days(d)),
            _ => None,
        };
        ConditionView {
            direction: c.direction,
            mobility: c.mobility,
            places: c.places_per_year,
            length,
            eqf_level: c.eqf_level,
            subject: c.subject_area.clone(),
            languages: c
                .languages
                .iter()
                .map(|l| {
                    let tag = l.lang.as_str();
                    LanguageNeed {
                        lang: tag.split('-').next().unwrap_or(tag).to_ascii_lowercase(),
                        tag: tag.to_owned(),
                        cefr: l.cefr,
                    }
                })
                .collect(),
            first_year: c.first_year.map(academic_year),
            last_year: c.last_year.map(academic_year),
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
    fn a_student_exchange_is_picked_apart() {
        let c = condition(serde_json::json!({
            "direction": "outgoing", "mobility": "student_studies",
            "places_per_year": 2, "months_per_year": 10.0, "eqf_level": 6,
            "subject_area": "0913",
            "languages": [{"lang": "en-GB", "cefr": "B2"}, {"lang": "ja"}],
            "first_year": 2024, "last_year": 2028
        }));
        let v = ConditionView::of(&c);
        assert_eq!(v.direction, Direction::Outgoing);
        assert_eq!(v.places, Some(2));
        assert_eq!(v.length, Some(StayLength::Months(10.0)));
        assert_eq!(v.eqf_level, Some(6));
        assert_eq!(v.subject.as_ref().map(|s| s.as_str()), Some("0913"));
        assert_eq!(v.languages[0].lang, "en");
        assert_eq!(v.languages[0].cefr, Some(Cefr::B2));
        assert_eq!(v.languages[1].cefr, None);
        assert_eq!(v.first_year.as_deref(), Some("2024/25"));
        assert_eq!(v.last_year.as_deref(), Some("2028/29"));
    }

    #[test]
    fn staff_stays_count_days_and_years_wrap_the_century() {
        let c = condition(serde_json::json!({
            "direction": "incoming", "mobility": "staff_teaching",
            "places_per_year": 1, "days_per_year": 5, "months_per_year": 1.0,
            "first_year": 2099
        }));
        let v = ConditionView::of(&c);
        assert_eq!(v.length, Some(StayLength::Days(5)));
        assert_eq!(v.first_year.as_deref(), Some("2099/00"));
        assert_eq!(v.last_year, None);
        let half = condition(serde_json::json!({
            "direction": "outgoing", "mobility": "student_traineeship", "months_per_year": 4.5
        }));
        assert_eq!(
            ConditionView::of(&half).length,
            Some(StayLength::Months(4.5))
        );
    }
}
