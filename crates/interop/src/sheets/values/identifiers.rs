//! Identifiers as Excel mangles them: PICs stored as floats, Erasmus codes
//! with odd spaces, ROR ids with or without their URL.

use super::one_line;
use crate::Message;
use crate::sheets::table::{Cell, number_text};

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
