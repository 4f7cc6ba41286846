//! Reading the values people type into sheets: dates in any of the usual
//! shapes (and Excel's serial numbers), identifiers mangled by Excel (PICs
//! as floats, Erasmus codes with odd spaces), yes/no words, lists and the
//! flattened mobility conditions.

use chrono::{Days, NaiveDate};
use kizuna_domain::PartialDate;

use super::table::{Cell, number_text};
use crate::Message;

/// Text on one line: every run of white space (non-breaking spaces, tabs,
/// line breaks) becomes one space.
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{feff}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A date from a date cell, an Excel serial number, a year, or text as
/// `2027-09-01`, `2027-09`, `2027`, `01/09/2027` (day first, unless the
/// second number cannot be a month), `01.09.2027` or `2027/09/01`.
pub fn parse_date(cell: &Cell) -> Result<PartialDate, Message> {
    match cell {
        Cell::Date(d) => Ok(PartialDate::Day(*d)),
        Cell::Number(n) if n.fract() == 0.0 && (1000.0..=2200.0).contains(n) => {
            Ok(PartialDate::Year(*n as i32))
        }
        Cell::Number(n) => excel_serial(*n).map(PartialDate::Day).ok_or_else(|| {
            let value = number_text(*n);
            let english = format!("`{value}` is not a date");
            Message::coded("not-a-date", &[("value", &value)], english)
        }),
        Cell::Text(t) => parse_date_text(t.trim()),
        Cell::Bool(_) | Cell::Empty => {
            Err(Message::coded("not-a-date-cell", &[], "this is not a date"))
        }
    }
}

/// The day an Excel serial number (1900 date system) stands for.
pub fn excel_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Day 0 is 1899-12-31 and Excel counts a 29 February 1900 that never was:
    // from day 61 on, counting from 1899-12-30 gives the right day.
    let days = serial.floor() as u64;
    let epoch = if days >= 61 {
        NaiveDate::from_ymd_opt(1899, 12, 30)
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)
    }?;
    epoch.checked_add_days(Days::new(days))
}

fn parse_date_text(text: &str) -> Result<PartialDate, Message> {
    let bad = || {
        Message::coded(
            "not-a-date-write",
            &[("value", text)],
            format!("`{text}` is not a date (write 2027-09-01, 01/09/2027, 2027-09 or 2027)"),
        )
    };
    if let Ok(date) = text.parse::<PartialDate>() {
        return Ok(date);
    }
    // A date with a time, as some exports write it.
    if let Some(day) = text.get(..10).filter(|_| text.len() > 10)
        && let Ok(date @ PartialDate::Day(_)) = day.parse::<PartialDate>()
    {
        return Ok(date);
    }
    if let Ok(serial) = text.parse::<f64>() {
        return parse_date(&Cell::Number(serial)).map_err(|_| bad());
    }
    let parts: Vec<&str> = text
        .split(['/', '.', '-', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse::<u32>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    let ymd = |y: u32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y as i32, m, d)
            .map(PartialDate::Day)
            .ok_or_else(bad)
    };
    match (parts.as_slice(), nums.as_slice()) {
        ([y, ..], [year, month, day]) if y.len() == 4 => ymd(*year, *month, *day),
        ([.., y], [a, b, year]) if y.len() == 4 => {
            // Europe writes the day first; a second number above 12 can only be a day.
            if *b > 12 && *a <= 12 {
                ymd(*year, *a, *b)
            } else {
                ymd(*year, *b, *a)
            }
        }
        ([_, y], [month, year]) if y.len() == 4 && (1..=12).contains(month) => {
            Ok(PartialDate::Month(*year as i32, *month))
        }
        _ => Err(bad()),
    }
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

/// A PIC (EU Participant Identification Code): nine digits, also when Excel
/// stored it as a float (`999986096.0`, `9.99986096E8`).
pub fn parse_pic(cell: &Cell) -> Result<String, Message> {
    let text = match cell {
        Cell::Number(n) => number_text(*n),
        other => {
            let t: String = other
                .as_text()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            match t.parse::<f64>() {
                Ok(n) if !t.chars().all(|c| c.is_ascii_digit()) && n.fract() == 0.0 => {
                    number_text(n)
                }
                _ => t,
            }
        }
    };
    if (6..=12).contains(&text.len()) && text.chars().all(|c| c.is_ascii_digit()) {
        Ok(text)
    } else {
        let english = format!("`{text}` is not a PIC (nine digits)");
        Err(Message::coded("not-a-pic", &[("value", &text)], english))
    }
}

/// Erasmus country prefixes, used to split a code typed without spaces.
const ERASMUS_PREFIXES: &[&str] = &[
    "A", "B", "BG", "CH", "CY", "CZ", "D", "DK", "E", "EE", "EL", "F", "G", "HR", "HU", "I", "IRL",
    "IS", "LI", "LT", "LUX", "LV", "MK", "MT", "N", "NL", "P", "PL", "RO", "RS", "S", "SF", "SI",
    "SK", "TR", "UK",
];

/// An Erasmus institutional code in the official spacing: the country
/// prefix padded to three characters, then the city and number
/// (`S  STOCKHO03`, `UK LONDON01`, `IRLDUBLIN01`), whatever spaces it came with.
pub fn normalise_erasmus(text: &str) -> Result<String, Message> {
    let upper = text.to_uppercase();
    let words: Vec<&str> = upper
        .split(|c: char| c.is_whitespace() || c == '\u{feff}')
        .filter(|w| !w.is_empty())
        .collect();
    let bad = || {
        let value = one_line(text);
        let english = format!("`{value}` is not an Erasmus code (e.g. `S  STOCKHO03`)");
        Message::coded("not-an-erasmus-code", &[("value", &value)], english)
    };
    let (prefix, rest) = match words.as_slice() {
        [prefix, rest @ ..]
            if !rest.is_empty()
                && prefix.len() <= 3
                && prefix.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            (prefix.to_string(), rest.concat())
        }
        [joined] => {
            let prefix = ERASMUS_PREFIXES
                .iter()
                .filter(|p| joined.starts_with(**p) && joined.len() > p.len() + 2)
                .max_by_key(|p| p.len())
                .ok_or_else(bad)?;
            (prefix.to_string(), joined[prefix.len()..].to_owned())
        }
        _ => return Err(bad()),
    };
    let ends_in_digits = rest.chars().rev().take(2).all(|c| c.is_ascii_digit());
    if rest.len() < 3
        || !ends_in_digits
        || !rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(bad());
    }
    Ok(format!("{prefix:<3}{rest}"))
}

/// What two Erasmus codes are compared by: letters and digits only.
pub fn erasmus_key(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// A ROR id without its `https://ror.org/` prefix, in lower case.
pub fn normalise_ror(text: &str) -> Result<String, Message> {
    let t = one_line(text).to_lowercase();
    let id = t
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("ror.org/")
        .trim_end_matches('/');
    if id.len() == 9 && id.starts_with('0') && id.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(id.to_owned())
    } else {
        let value = one_line(text);
        let english = format!("`{value}` is not a ROR id (e.g. 057zh3y96)");
        Err(Message::coded(
            "not-a-ror-id",
            &[("value", &value)],
            english,
        ))
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

/// Academic years as `2027/28-2030/31`: the first and last start years.
pub fn format_academic_years(first: Option<i32>, last: Option<i32>) -> String {
    let year = |y: i32| format!("{y}/{:02}", (y + 1).rem_euclid(100));
    match (first, last) {
        (Some(a), Some(b)) if a == b => year(a),
        (Some(a), Some(b)) => format!("{}-{}", year(a), year(b)),
        (Some(a), None) => format!("{}-", year(a)),
        (None, Some(b)) => format!("-{}", year(b)),
        (None, None) => String::new(),
    }
}

/// Reads `2027/28-2030/31`, `2027/2028 – 2030/2031`, `2027-2030` or `2027/28`.
pub fn parse_academic_years(text: &str) -> Result<(Option<i32>, Option<i32>), Message> {
    let bad = || {
        let english = format!("`{text}` is not a span of academic years (write 2027/28-2030/31)");
        Message::coded("not-academic-years", &[("value", text)], english)
    };
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.replace(['–', '—'], "-");
    let start = |part: &str| -> Result<Option<i32>, Message> {
        if part.is_empty() {
            return Ok(None);
        }
        let first = part.split('/').next().unwrap_or_default();
        match first.parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) && first.len() == 4 => Ok(Some(y)),
            _ => Err(bad()),
        }
    };
    let (a, b) = match t.split_once('-') {
        Some((a, b)) => (start(a)?, start(b)?),
        None => {
            let y = start(&t)?;
            (y, y)
        }
    };
    if a.is_none() && b.is_none() {
        return Err(bad());
    }
    Ok((a, b))
}

#[cfg(test)]
mod tests {
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
