//! A day of the year without a year (`--04-10`, XML Schema's `gMonthDay`):
//! a deadline that comes back every year, as the EWP factsheet states them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A month and a day that exists in it (29 February included: some years have it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    month: u8,
    day: u8,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const DAYS_IN: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const HELP: &str = "write a day and a month, e.g. 15 April, 04-15 or 15/04 (day first)";

impl MonthDay {
    /// The day `day` of `month` (1–12), if it exists.
    pub fn new(month: u32, day: u32) -> Option<MonthDay> {
        let max = *DAYS_IN.get(month.checked_sub(1)? as usize)?;
        (1..=u32::from(max)).contains(&day).then_some(MonthDay {
            month: month as u8,
            day: day as u8,
        })
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month.into()
    }

    /// The day of the month.
    pub fn day(self) -> u32 {
        self.day.into()
    }

    /// "15 April", as pages show it.
    pub fn words(self) -> String {
        let name = MONTHS[usize::from(self.month) - 1];
        let mut chars = name.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase());
        format!(
            "{} {}{}",
            self.day,
            first.unwrap_or_default(),
            chars.as_str()
        )
    }

    /// Reads what people type: `--04-15` and `04-15`, `15/04` and `15.04`
    /// (day first, as Kizuna reads dates), `15 April`, `April 15`, `15 apr`
    /// and `4月15日`.
    pub fn read(text: &str) -> Result<MonthDay, String> {
        let text = text.trim();
        if let Ok(strict) = text.parse() {
            return Ok(strict);
        }
        let parts: Vec<&str> = text
            .split(['/', '.', ' ', ',', '月', '日'])
            .filter(|p| !p.is_empty())
            .collect();
        let month_named = |word: &str| {
            let word = word.to_lowercase();
            (word.len() >= 3)
                .then(|| MONTHS.iter().position(|m| m.starts_with(&word)))
                .flatten()
                .map(|i| i as u32 + 1)
        };
        let number = |p: &str| p.parse::<u32>().ok();
        let found = match parts.as_slice() {
            // 4月15日: month first.
            [m, d] if text.contains('月') => number(m).zip(number(d)),
            [a, b] => match (number(a), number(b)) {
                (Some(d), Some(m)) => Some((m, d)),
                (Some(d), None) => month_named(b).map(|m| (m, d)),
                (None, Some(d)) => month_named(a).map(|m| (m, d)),
                (None, None) => None,
            },
            _ => None,
        };
        let (month, day) =
            found.ok_or_else(|| format!("“{text}” is not a day of the year: {HELP}"))?;
        MonthDay::new(month, day)
            .ok_or_else(|| format!("there is no day {day} in month {month}: {HELP}"))
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--{:02}-{:02}", self.month, self.day)
    }
}

/// Why a text is not a month and day in the strict form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a day of the year: write --MM-DD or MM-DD, e.g. --04-15")]
pub struct InvalidMonthDay(String);

impl FromStr for MonthDay {
    type Err = InvalidMonthDay;

    /// `--MM-DD` (as EWP writes it) or `MM-DD`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || InvalidMonthDay(s.to_owned());
        let rest = s.strip_prefix("--").unwrap_or(s);
        let (m, d) = rest.split_once('-').ok_or_else(bad)?;
        let two_digits = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
        if !two_digits(m) || !two_digits(d) {
            return Err(bad());
        }
        MonthDay::new(m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?).ok_or_else(bad)
    }
}

impl Serialize for MonthDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for MonthDay {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some("A day of the year, --MM-DD."))
            .pattern(Some("^--[0-9]{2}-[0-9]{2}$"))
            .into()
    }
}

impl utoipa::ToSchema for MonthDay {}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(month: u32, day: u32) -> MonthDay {
        MonthDay::new(month, day).unwrap()
    }

    #[test]
    fn the_strict_form_is_ewps_and_round_trips() {
        assert_eq!("--04-15".parse::<MonthDay>().unwrap(), md(4, 15));
        assert_eq!("04-15".parse::<MonthDay>().unwrap(), md(4, 15));
        assert_eq!(md(4, 15).to_string(), "--04-15");
        assert_eq!(
            serde_json::to_value(md(12, 1)).unwrap(),
            serde_json::json!("--12-01")
        );
        for bad in [
            "--4-15",
            "--13-01",
            "--02-30",
            "--04-31",
            "2027-04-15",
            "",
            "--00-10",
        ] {
            assert!(bad.parse::<MonthDay>().is_err(), "{bad:?}");
        }
        assert!(
            "--02-29".parse::<MonthDay>().is_ok(),
            "leap days exist in some years"
        );
    }

    #[test]
    fn what_people_type_is_read_day_first() {
        for (text, want) in [
            ("15 April", md(4, 15)),
            ("April 15", md(4, 15)),
            ("15 apr", md(4, 15)),
            ("15/04", md(4, 15)),
            ("1.10", md(10, 1)),
            ("4月15日", md(4, 15)),
            (" --10-01 ", md(10, 1)),
            ("Sept 30", md(9, 30)),
        ] {
            assert_eq!(MonthDay::read(text), Ok(want), "{text}");
        }
        assert!(MonthDay::read("31 June").unwrap_err().contains("no day 31"));
        for bad in ["soon", "15", "ma 3", "2027-04-15"] {
            let message = MonthDay::read(bad).unwrap_err();
            assert!(message.contains("e.g. 15 April"), "{bad}: {message}");
        }
        assert_eq!(md(4, 15).words(), "15 April");
    }
}
