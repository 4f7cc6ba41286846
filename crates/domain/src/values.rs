//! Value types parsed at the edge: slugs, country codes, language tags,
//! ISCED codes and dates of known precision.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::countries::COUNTRIES;

/// Implements serde and Display for a string newtype through `FromStr`.
/// `$schema` narrows the documented string to what `FromStr` accepts, so
/// the OpenAPI document promises no more and no less than the parser.
macro_rules! string_value {
    ($name:ident, $example:literal, $schema:expr) => {
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                // Written as it is formatted, without a String in between.
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(d)?;
                raw.parse().map_err(serde::de::Error::custom)
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let narrow: fn(utoipa::openapi::ObjectBuilder) -> utoipa::openapi::ObjectBuilder =
                    $schema;
                narrow(
                    utoipa::openapi::ObjectBuilder::new()
                        .schema_type(utoipa::openapi::schema::Type::String)
                        .examples([serde_json::json!($example)]),
                )
                .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

/// A stable identifier: lowercase ASCII letters, digits and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Derives a slug from a human name ("Universität Wien" → "universitat-wien").
    pub fn from_name(name: &str) -> Option<Slug> {
        let mut out = String::with_capacity(name.len());
        for c in name.chars().flat_map(fold_latin) {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        let trimmed: String = out.trim_end_matches('-').chars().take(80).collect();
        trimmed.trim_end_matches('-').parse().ok()
    }
}

/// Replaces common Latin letters with diacritics by their base letters
/// (without allocating: slugs are made for every record of an import).
fn fold_latin(c: char) -> impl Iterator<Item = char> {
    let (base, second) = match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'ă' | 'ą' => ('a', None),
        'æ' | 'Æ' => ('a', Some('e')),
        'ç' | 'Ç' | 'ć' | 'č' => ('c', None),
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'ė' | 'ę' | 'ě' => ('e', None),
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'į' => ('i', None),
        'ñ' | 'Ñ' | 'ń' | 'ň' => ('n', None),
        'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' | 'ō' | 'ő' => ('o', None),
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'ů' | 'ű' => ('u', None),
        'ý' | 'ÿ' | 'Ý' => ('y', None),
        'ß' => ('s', Some('s')),
        'š' | 'ś' | 'Š' => ('s', None),
        'ž' | 'ź' | 'ż' | 'Ž' => ('z', None),
        'ł' | 'Ł' => ('l', None),
        'ř' => ('r', None),
        'ť' => ('t', None),
        'đ' | 'ď' => ('d', None),
        other => (other, None),
    };
    std::iter::once(base).chain(second)
}

/// Why a value could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(pub String);

impl FromStr for Slug {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ok = !s.is_empty()
            && s.len() <= 100
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Slug(s.to_owned()))
        } else {
            Err(InvalidValue(format!(
                "“{s}” is not a valid identifier: use 1–100 lowercase letters, digits and single hyphens"
            )))
        }
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_value!(Slug, "utokyo", |s| s
    .pattern(Some("^[a-z0-9]+(-[a-z0-9]+)*$"))
    .min_length(Some(1))
    .max_length(Some(100)));

/// An assigned ISO 3166-1 alpha-2 code, kept in upper case; parses either case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code in upper case, e.g. `JP`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("country codes are ASCII")
    }

    /// The two upper-case letters, e.g. `*b"JP"`.
    pub fn letters(self) -> [u8; 2] {
        self.0
    }

    /// The English short name, e.g. `Japan`.
    pub fn name(&self) -> &'static str {
        let i = COUNTRIES
            .binary_search_by(|(code, _)| code.as_bytes().cmp(&self.0[..]))
            .expect("a parsed code is in the table");
        COUNTRIES[i].1
    }

    /// Every assigned code.
    pub fn all() -> impl Iterator<Item = CountryCode> {
        COUNTRIES
            .iter()
            .map(|(code, _)| code.parse().expect("table codes are valid"))
    }
}

impl FromStr for CountryCode {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.to_ascii_uppercase();
        if upper.len() == 2
            && COUNTRIES
                .binary_search_by(|(c, _)| (*c).cmp(&upper))
                .is_ok()
        {
            let b = upper.as_bytes();
            Ok(CountryCode([b[0], b[1]]))
        } else {
            Err(InvalidValue(format!(
                "“{s}” is not an ISO 3166-1 alpha-2 country code"
            )))
        }
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_value!(CountryCode, "JP", |s| s
    .description(Some(
        "An assigned ISO 3166-1 alpha-2 code; either case is read, upper case is written"
    ))
    .pattern(Some(country_code_pattern())));

/// Every assigned code, in either case letter by letter (`[Jj][Pp]`), as one
/// regular expression: JSON Schema has no case-insensitive enum.
fn country_code_pattern() -> String {
    let either = |c: char| format!("[{}{}]", c, c.to_ascii_lowercase());
    let codes: Vec<String> = COUNTRIES
        .iter()
        .map(|(code, _)| code.chars().map(either).collect())
        .collect();
    format!("^({})$", codes.join("|"))
}

/// A BCP 47 language tag in its common shape (`ja`, `en-GB`, `zh-Hant`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for LanguageTag {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split('-');
        let primary = parts.next().unwrap_or_default();
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if primary_ok && rest_ok {
            Ok(LanguageTag(s.to_owned()))
        } else {
            Err(InvalidValue(format!(
                "“{s}” is not a BCP 47 language tag (e.g. en, ja, zh-Hant)"
            )))
        }
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_value!(LanguageTag, "ja", |s| s
    .pattern(Some("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")));

/// An ISCED-F 2013 detailed field code: four digits, broad field 00–10.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IscedCode(String);

impl IscedCode {
    /// The four digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for IscedCode {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits = s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
        let broad_ok = digits && s[..2].parse::<u8>().is_ok_and(|b| b <= 10);
        if broad_ok {
            Ok(IscedCode(s.to_owned()))
        } else {
            Err(InvalidValue(format!(
                "“{s}” is not an ISCED-F 2013 field code (four digits, e.g. 0913)"
            )))
        }
    }
}

impl fmt::Display for IscedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_value!(IscedCode, "0913", |s| s
    .pattern(Some("^(0[0-9]|10)[0-9]{2}$")));

/// A date known to the year, the month or the day: `2022`, `2022-04`, `2022-04-01`.
///
/// Sources often give only a year ("renewed in 2022"); storing a made-up day
/// would state a fact nobody gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    /// Only the year is known.
    Year(i32),
    /// Year and month are known.
    Month(i32, u32),
    /// The exact day.
    Day(NaiveDate),
}

impl PartialDate {
    /// The first day the date can mean.
    pub fn first_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).expect("valid year"),
            PartialDate::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).expect("valid month"),
            PartialDate::Day(d) => d,
        }
    }

    /// The last day the date can mean.
    pub fn last_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31).expect("valid year"),
            PartialDate::Month(y, m) => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .expect("valid month")
                    .pred_opt()
                    .expect("not the first day ever")
            }
            PartialDate::Day(d) => d,
        }
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.first_day().year()
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate::Day(d)
    }
}

impl FromStr for PartialDate {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || InvalidValue(format!("“{s}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
        let parts: Vec<&str> = s.split('-').collect();
        let year = |p: &str| -> Result<i32, InvalidValue> {
            if p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        match parts.as_slice() {
            [y] => Ok(PartialDate::Year(year(y)?)),
            [y, m] if m.len() == 2 => {
                let month: u32 = m.parse().map_err(|_| bad())?;
                if (1..=12).contains(&month) {
                    Ok(PartialDate::Month(year(y)?, month))
                } else {
                    Err(bad())
                }
            }
            [_, _, _] => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(PartialDate::Day)
                .map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

string_value!(PartialDate, "2022-04-01", |s| s.pattern(Some(
    "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
)));

#[cfg(test)]
mod tests;
