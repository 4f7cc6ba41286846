//! Typed values read from what people type or paste: the domain's lenient
//! readers (dates, coordinates, web addresses, subject names) and its
//! strict value types, with messages in plain words.

use kizuna_domain::{Cefr, CountryCode, LanguageTag, MonthDay, PartialDate, Slug, isced, lenient};
use serde_json::{Value, json};

use crate::staff::admin::schema::Ty;

/// Reads one typed value; `Ok(Null)` for empty text (an empty list of
/// language skills). What people paste is read by the domain's lenient
/// readers: dates in the usual orders, coordinates, addresses without
/// `https://`, subject areas by name.
pub(crate) fn parse(ty: Ty, raw: &str) -> Result<Value, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(if ty == Ty::Skills {
            json!([])
        } else {
            Value::Null
        });
    }
    let shown = |e: &dyn std::fmt::Display| e.to_string();
    Ok(match ty {
        Ty::Str => json!(text),
        Ty::Slug => json!(text.parse::<Slug>().map_err(|e| shown(&e))?.as_str()),
        Ty::Country => json!(text.parse::<CountryCode>().map_err(|e| shown(&e))?.as_str()),
        Ty::PartialDate => json!(lenient::date(text)?.to_string()),
        Ty::Date => match lenient::date(text)? {
            PartialDate::Day(day) => json!(day.to_string()),
            _ => return Err(format!("“{text}” is not a whole date: give the day too")),
        },
        Ty::Lang => json!(text.parse::<LanguageTag>().map_err(|e| shown(&e))?.as_str()),
        Ty::Isced => json!(isced::subject_area(text)?.as_str()),
        Ty::Count => json!(
            text.parse::<u32>()
                .map_err(|_| format!("“{text}” is not a whole number"))?
        ),
        Ty::Year => json!(
            text.parse::<i32>()
                .map_err(|_| format!("“{text}” is not a year"))?
        ),
        Ty::Decimal => {
            let n: f64 = text
                .replace(',', ".")
                .parse()
                .ok()
                .filter(|n: &f64| n.is_finite())
                .ok_or_else(|| format!("“{text}” is not a number"))?;
            json!(n)
        }
        Ty::Website => json!(lenient::website(text)),
        Ty::MonthDay => json!(MonthDay::read(text)?.to_string()),
        Ty::Coordinates => {
            let at = lenient::coordinates(text)?;
            json!({"lat": at.lat, "lng": at.lng})
        }
        Ty::Skills => {
            let mut skills = Vec::new();
            for part in text
                .split([',', ';'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                let mut words = part.split_whitespace();
                let lang: LanguageTag = words
                    .next()
                    .unwrap_or_default()
                    .parse()
                    .map_err(|e| shown(&e))?;
                let cefr = words
                    .next()
                    .map(|c| c.to_uppercase().parse::<Cefr>().map_err(|e| shown(&e)))
                    .transpose()?;
                if let Some(extra) = words.next() {
                    return Err(format!(
                        "“{extra}” is not expected after “{part}”: write e.g. en B2, ja"
                    ));
                }
                skills.push(json!({"lang": lang.as_str(), "cefr": cefr.map(|c| c.as_str())}));
            }
            Value::Array(skills)
        }
    })
}

/// Splits a list typed in one field: by commas (and semicolons, lines), or
/// by lines; codes typed with spaces between them ("0913 0915") count as several.
pub(super) fn parts_of(text: &str, comma: bool) -> Vec<&str> {
    let parts: Vec<&str> = if comma {
        text.split([',', ';', '\n']).collect()
    } else {
        text.lines().collect()
    };
    parts
        .into_iter()
        .flat_map(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            // Codes (0913, JP) typed with only spaces between them.
            let code = |w: &&str| {
                w.bytes().all(|b| b.is_ascii_digit())
                    || (w.len() == 2 && w.bytes().all(|b| b.is_ascii_alphabetic()))
            };
            let codes = comma && words.len() > 1 && words.iter().all(code);
            if codes { words } else { vec![p] }
        })
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_values_are_read_leniently() {
        assert_eq!(
            parse(Ty::Coordinates, "35.0262 N, 135.7808 E").unwrap(),
            json!({"lat": 35.0262, "lng": 135.7808})
        );
        assert_eq!(
            parse(Ty::PartialDate, "01/09/2027").unwrap(),
            json!("2027-09-01")
        );
        assert_eq!(parse(Ty::Date, "15.03.2027").unwrap(), json!("2027-03-15"));
        assert!(
            parse(Ty::Date, "2027-03")
                .unwrap_err()
                .contains("give the day")
        );
        assert_eq!(
            parse(Ty::Website, "www.kyoto-u.ac.jp").unwrap(),
            json!("https://www.kyoto-u.ac.jp")
        );
        assert_eq!(parse(Ty::Isced, "看護").unwrap(), json!("0913"));
        assert_eq!(parse(Ty::MonthDay, "15 April").unwrap(), json!("--04-15"));
        assert!(
            parse(Ty::MonthDay, "31/06")
                .unwrap_err()
                .contains("no day 31")
        );
        assert_eq!(
            parse(Ty::Skills, "  ").unwrap(),
            json!([]),
            "no languages is fine"
        );
        assert_eq!(
            parts_of("0913 0915, Nursing and midwifery", true),
            ["0913", "0915", "Nursing and midwifery"]
        );
        for bad in [
            parse(Ty::Count, "two").unwrap_err(),
            parse(Ty::Skills, "en B2 fluent").unwrap_err(),
            parse(Ty::Slug, "Kyoto").unwrap_err(),
        ] {
            assert!(!bad.contains('`'), "{bad}");
        }
    }
}
