//! Dates and numbers as a language writes them: `29 November 2026`,
//! `29 november 2026`, `2026年11月29日`; a month alone: `April 2023`,
//! `april 2023`, `2023年4月`; `12,345`, `12 345`, `12,345`.

use chrono::{Datelike, NaiveDate};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD};
use icu_datetime::input::Date;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale::Locale;

use crate::Lang;

/// A language's date and number formats.
pub struct Formats {
    long_date: DateTimeFormatter<YMD>,
    month: DateTimeFormatter<YM>,
    number: DecimalFormatter,
}

impl Formats {
    /// The formats of `lang`.
    pub fn new(lang: Lang) -> Self {
        // International English writes the day first (29 November 2026).
        let tag = if lang == Lang::En {
            "en-GB"
        } else {
            lang.code()
        };
        let locale: Locale = tag.parse().expect("interface languages are valid locales");
        Formats {
            long_date: DateTimeFormatter::try_new(locale.clone().into(), YMD::long())
                .expect("compiled date data covers en, sv and ja"),
            month: DateTimeFormatter::try_new(locale.clone().into(), YM::long())
                .expect("compiled date data covers en, sv and ja"),
            number: DecimalFormatter::try_new(locale.into(), Default::default())
                .expect("compiled number data covers en, sv and ja"),
        }
    }

    /// A day written out: `29 November 2026`.
    pub fn date(&self, day: NaiveDate) -> String {
        match Date::try_new_iso(day.year(), day.month() as u8, day.day() as u8) {
            Ok(date) => self.long_date.format(&date).to_string(),
            Err(_) => day.to_string(),
        }
    }

    /// A month of a year written out: `April 2023` (`None`: no such month).
    pub fn month(&self, year: i32, month: u32) -> Option<String> {
        let month = u8::try_from(month).ok()?;
        let date = Date::try_new_iso(year, month, 1).ok()?;
        Some(self.month.format(&date).to_string())
    }

    /// A whole number with the language's digit grouping.
    pub fn number(&self, n: i64) -> String {
        self.number.format(&Decimal::from(n)).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(Formats::new(Lang::En).date(day), "29 November 2026");
        assert_eq!(Formats::new(Lang::Sv).date(day), "29 november 2026");
        assert_eq!(Formats::new(Lang::Ja).date(day), "2026年11月29日");
    }

    #[test]
    fn a_month_alone_reads_as_each_language_writes_it() {
        assert_eq!(Formats::new(Lang::En).month(2023, 4).unwrap(), "April 2023");
        assert_eq!(Formats::new(Lang::Sv).month(2023, 4).unwrap(), "april 2023");
        assert_eq!(Formats::new(Lang::Ja).month(2023, 4).unwrap(), "2023年4月");
        assert_eq!(Formats::new(Lang::En).month(2023, 13), None);
    }

    #[test]
    fn numbers_group_digits_per_language() {
        assert_eq!(Formats::new(Lang::En).number(150_000), "150,000");
        assert_eq!(Formats::new(Lang::Sv).number(150_000), "150\u{a0}000");
        assert_eq!(Formats::new(Lang::Ja).number(150_000), "150,000");
    }
}
