//! Reading the values people type into sheets: dates in any of the usual
//! shapes (and Excel's serial numbers), identifiers mangled by Excel (PICs
//! as floats, Erasmus codes with odd spaces), yes/no words, lists and the
//! flattened mobility conditions. Dates are read in the `dates` module,
//! identifiers in `identifiers`, words and lists here.

use super::table::Cell;
use crate::Message;

mod dates;
mod identifiers;

pub use dates::{excel_serial, format_academic_years, parse_academic_years, parse_date};
pub use identifiers::{erasmus_key, normalise_erasmus, normalise_ror, parse_pic};

/// Text on one line: every run of white space (non-breaking spaces, tabs,
/// line breaks) becomes one space.
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{feff}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A yes/no cell: `yes`, `no`, `true`, `false`, `ja`, `nej`, `x`, `1`, `0`…
pub fn parse_bool(cell: &Cell) -> Result<bool, Message> {
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 0.0 || *n == 1.0 => Ok(*n == 1.0),
        Cell::Empty => Ok(false),
        other => {
            let text = other.as_text().trim().to_lowercase();
            match text.as_str() {
                "yes" | "y" | "true" | "ja" | "j" | "x" | "1" | "✓" | "✔" | "signed"
                | "signerat" | "undertecknat" => Ok(true),
                "no" | "n" | "false" | "nej" | "0" | "-" | "unsigned" | "draft" | "utkast" => {
                    Ok(false)
                }
                _ => {
                    let value = other.as_text();
                    let english = format!("`{value}` is neither yes nor no");
                    Err(Message::coded(
                        "not-yes-or-no",
                        &[("value", &value)],
                        english,
                    ))
                }
            }
        }
    }
}

/// The items of a list cell: split on `;` and line breaks, and on `,` too
/// when `commas` (lists of codes and words, never of names).
pub fn split_list(cell: &Cell, commas: bool) -> Vec<String> {
    let text = cell.as_text();
    text.split(|c: char| c == ';' || c == '\n' || c == '\r' || (commas && c == ','))
        .map(one_line)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A vocabulary word as written in the record: `Student exchange` →
/// `student_exchange`.
pub fn vocabulary_word(text: &str) -> String {
    let mut out = String::new();
    for c in one_line(text).to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use kizuna_domain::PartialDate;

    use super::*;

    fn text(t: &str) -> Cell {
        Cell::text(t)
    }

    #[test]
    fn dates_in_every_usual_shape() {
        let day = |s: &str| PartialDate::Day(s.parse().unwrap());
        assert_eq!(parse_date(&text("2027-09-01")), Ok(day("2027-09-01")));
        assert_eq!(parse_date(&text("01/09/2027")), Ok(day("2027-09-01")));
        assert_eq!(parse_date(&text("1.9.2027")), Ok(day("2027-09-01")));
        assert_eq!(parse_date(&text("09/30/2027")), Ok(day("2027-09-30")));
        assert_eq!(parse_date(&text("2027/09/01")), Ok(day("2027-09-01")));
        assert_eq!(
            parse_date(&text("2027-09-01 00:00:00")),
            Ok(day("2027-09-01"))
        );
        assert_eq!(parse_date(&text("2027")), Ok(PartialDate::Year(2027)));
        assert_eq!(
            parse_date(&text("2027-09")),
            Ok(PartialDate::Month(2027, 9))
        );
        assert_eq!(
            parse_date(&text("09/2027")),
            Ok(PartialDate::Month(2027, 9))
        );
        assert_eq!(
            parse_date(&Cell::Number(2027.0)),
            Ok(PartialDate::Year(2027))
        );
        // Excel's serial number of 2027-09-01, as a number cell and as text.
        assert_eq!(parse_date(&Cell::Number(46631.0)), Ok(day("2027-09-01")));
        assert_eq!(parse_date(&text("46631")), Ok(day("2027-09-01")));
        assert_eq!(excel_serial(1.0), NaiveDate::from_ymd_opt(1900, 1, 1));
        for bad in ["31/02/2027", "soon", "2027-13-01", "13/13/2027"] {
            assert!(parse_date(&text(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn pics_survive_excel() {
        assert_eq!(parse_pic(&Cell::Number(999986096.0)).unwrap(), "999986096");
        assert_eq!(parse_pic(&text("999986096.0")).unwrap(), "999986096");
        assert_eq!(parse_pic(&text("9.99986096E8")).unwrap(), "999986096");
        assert_eq!(parse_pic(&text(" 999 986 096 ")).unwrap(), "999986096");
        assert!(parse_pic(&text("KI")).is_err());
    }

    #[test]
    fn erasmus_codes_get_the_official_spacing() {
        for typed in [
            "S  STOCKHO03",
            "S STOCKHO03",
            "s\u{a0}\u{a0}stockho03",
            "SSTOCKHO03",
            " S \t STOCKHO03 ",
        ] {
            assert_eq!(
                normalise_erasmus(typed).unwrap(),
                "S  STOCKHO03",
                "{typed:?}"
            );
        }
        assert_eq!(normalise_erasmus("UK LONDON01").unwrap(), "UK LONDON01");
        assert_eq!(normalise_erasmus("IRL DUBLIN01").unwrap(), "IRLDUBLIN01");
        assert_eq!(normalise_erasmus("DKKOBENHA01").unwrap(), "DK KOBENHA01");
        assert!(normalise_erasmus("Stockholm").is_err());
        assert_eq!(erasmus_key("S\u{a0} STOCKHO03"), erasmus_key("SSTOCKHO03"));
    }

    #[test]
    fn words_lists_and_years() {
        assert_eq!(vocabulary_word(" Student  exchange "), "student_exchange");
        assert_eq!(vocabulary_word("MoU"), "mou");
        assert_eq!(
            split_list(&text("bachelor, master;doctoral"), true),
            ["bachelor", "master", "doctoral"]
        );
        assert_eq!(
            split_list(&text("Medicine, general; Nursing"), false),
            ["Medicine, general", "Nursing"]
        );
        assert_eq!(
            format_academic_years(Some(2027), Some(2030)),
            "2027/28-2030/31"
        );
        assert_eq!(format_academic_years(Some(1999), Some(1999)), "1999/00");
        assert_eq!(
            parse_academic_years("2027/28-2030/31"),
            Ok((Some(2027), Some(2030)))
        );
        assert_eq!(
            parse_academic_years("2027/2028 – 2030/2031"),
            Ok((Some(2027), Some(2030)))
        );
        assert_eq!(
            parse_academic_years("2027/28"),
            Ok((Some(2027), Some(2027)))
        );
        assert!(parse_academic_years("next year").is_err());
        assert_eq!(parse_bool(&text("Ja")), Ok(true));
        assert!(parse_bool(&text("maybe")).is_err());
        assert_eq!(
            normalise_ror("https://ror.org/057zh3y96").unwrap(),
            "057zh3y96"
        );
    }
}
