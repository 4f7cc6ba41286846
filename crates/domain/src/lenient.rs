//! Readers of what people paste into forms: coordinates as maps and
//! spreadsheets write them, dates in the usual written orders, and web
//! addresses without their scheme. Each answers the strict domain value or
//! a message in plain words.

use chrono::NaiveDate;

use crate::values::PartialDate;

/// A point read from text, in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coordinates {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lng: f64,
}

const COORDINATES_HELP: &str =
    "write the latitude and the longitude, e.g. 35.0262, 135.7808 or 35.0262 N, 135.7808 E";

/// Reads "35.0262, 135.7808", "35.0262 N, 135.7808 E", "35,0262 135,7808",
/// "35°1′34″N 135°46′51″E" and the like (latitude first unless the letters
/// say otherwise).
pub fn coordinates(text: &str) -> Result<Coordinates, String> {
    let text = text.trim();
    let (first, second) = halves(text).ok_or_else(|| COORDINATES_HELP.to_owned())?;
    let (a, a_axis) = degrees(first).ok_or_else(|| COORDINATES_HELP.to_owned())?;
    let (b, b_axis) = degrees(second).ok_or_else(|| COORDINATES_HELP.to_owned())?;
    let (lat, lng) = match (a_axis, b_axis) {
        (Some(Axis::Lng), Some(Axis::Lat) | None) | (None, Some(Axis::Lat)) => (b, a),
        (Some(x), Some(y)) if x == y => return Err(COORDINATES_HELP.to_owned()),
        _ => (a, b),
    };
    if !(-90.0..=90.0).contains(&lat) {
        return Err(format!(
            "the latitude {lat} is outside −90 to 90: {COORDINATES_HELP}"
        ));
    }
    if !(-180.0..=180.0).contains(&lng) {
        return Err(format!(
            "the longitude {lng} is outside −180 to 180: {COORDINATES_HELP}"
        ));
    }
    Ok(Coordinates { lat, lng })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Axis {
    Lat,
    Lng,
}

/// Splits a pair at `;`, at a comma followed by a space, after a hemisphere
/// letter, at a lone comma between decimals with points, or at a space.
fn halves(text: &str) -> Option<(&str, &str)> {
    if let Some(pair) = text.split_once(';') {
        return Some(pair);
    }
    if let Some(i) = text.find(", ") {
        return Some((&text[..i], &text[i + 2..]));
    }
    if let Some(i) = text.find(|c: char| "NSns".contains(c))
        && i + 1 < text.len()
    {
        let (a, b) = text.split_at(i + 1);
        let b = b.trim_start_matches([',', ' ']);
        if !b.is_empty() {
            return Some((a, b));
        }
    }
    if text.matches(',').count() == 1 && text.contains('.') {
        return text.split_once(',');
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() == 2 {
        let i = text.find(char::is_whitespace)?;
        return Some((&text[..i], &text[i..]));
    }
    None
}

/// One coordinate: decimal degrees (comma or point) or degrees, minutes and
/// seconds, with an optional hemisphere letter before or after.
fn degrees(text: &str) -> Option<(f64, Option<Axis>)> {
    let mut text = text.trim().to_uppercase();
    let mut sign = 1.0;
    let mut axis = None;
    for (letter, s, a) in [
        ('N', 1.0, Axis::Lat),
        ('S', -1.0, Axis::Lat),
        ('E', 1.0, Axis::Lng),
        ('W', -1.0, Axis::Lng),
    ] {
        if text.starts_with(letter) || text.ends_with(letter) {
            text = text.trim_matches(letter).trim().to_owned();
            sign = s;
            axis = Some(a);
            break;
        }
    }
    let text = text.replace(',', ".");
    let parts: Vec<&str> = text
        .split(['°', '′', '″', '\'', '"', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() || parts.len() > 3 {
        return None;
    }
    let mut value = 0.0;
    for (i, p) in parts.iter().enumerate() {
        let n: f64 = p.parse().ok().filter(|n: &f64| n.is_finite())?;
        if i > 0 && !(0.0..60.0).contains(&n) {
            return None;
        }
        value += n.abs() / 60f64.powi(i as i32);
    }
    let negative = parts[0].starts_with('-');
    if negative && axis.is_some_and(|_| sign < 0.0) {
        return None;
    }
    let value = if negative { -value } else { value * sign };
    Some((value, axis))
}

/// Reads `2027`, `2027-09`, `2027-09-01`, `01/09/2027` (day first, as in
/// Europe, unless the second number can only be a day), `09/2027`,
/// `2027/09/01`, `1.9.2027` and `2027年9月1日`.
pub fn date(text: &str) -> Result<PartialDate, String> {
    let text = text.trim();
    let bad = || {
        format!("“{text}” is not a date: write 2027, 2027-09, 2027-09-01 or 01/09/2027 (day first)")
    };
    if let Ok(date) = text.parse::<PartialDate>() {
        return Ok(date);
    }
    let parts: Vec<&str> = text
        .split(['/', '.', '-', ' ', '年', '月', '日'])
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
    let month = |y: u32, m: u32| {
        if (1..=12).contains(&m) {
            Ok(PartialDate::Month(y as i32, m))
        } else {
            Err(bad())
        }
    };
    match (parts.as_slice(), nums.as_slice()) {
        ([y], [year]) if y.len() == 4 => Ok(PartialDate::Year(*year as i32)),
        ([y, ..], [year, m, d]) if y.len() == 4 => ymd(*year, *m, *d),
        ([y, _], [year, m]) if y.len() == 4 => month(*year, *m),
        ([.., y], [a, b, year]) if y.len() == 4 => {
            if *b > 12 && *a <= 12 {
                ymd(*year, *a, *b)
            } else {
                ymd(*year, *b, *a)
            }
        }
        ([_, y], [m, year]) if y.len() == 4 => month(*year, *m),
        _ => Err(bad()),
    }
}

/// A web address as stored: `www.kyoto-u.ac.jp` becomes
/// `https://www.kyoto-u.ac.jp`; an address with a scheme is kept as written.
pub fn website(text: &str) -> String {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") || lower.contains("://") {
        return text.to_owned();
    }
    let bare = text.trim_start_matches('/');
    let looks_like_host = bare
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|host| host.contains('.') && !host.contains(char::is_whitespace));
    if looks_like_host {
        format!("https://{bare}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (f64, f64) {
        let c = coordinates(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        ((c.lat * 1e4).round() / 1e4, (c.lng * 1e4).round() / 1e4)
    }

    #[test]
    fn coordinates_are_read_as_people_paste_them() {
        for text in [
            "35.0262, 135.7808",
            "35.0262,135.7808",
            "35.0262 135.7808",
            "35.0262; 135.7808",
            "35.0262 N, 135.7808 E",
            "35.0262N 135.7808E",
            "N 35.0262, E 135.7808",
            "135.7808 E, 35.0262 N",
            "35,0262 135,7808",
            "35,0262° N, 135,7808° E",
            "35,0262; 135,7808",
        ] {
            assert_eq!(at(text), (35.0262, 135.7808), "{text}");
        }
        assert_eq!(at("59.3293 N, 18.0686 E"), (59.3293, 18.0686));
        assert_eq!(at("33.8688 S, 151.2093 E"), (-33.8688, 151.2093));
        assert_eq!(at("-33.8688, -70.6693"), (-33.8688, -70.6693));
        assert_eq!(at("35°1′34″N 135°46′51″E"), (35.0261, 135.7808));
        assert_eq!(at("35°1'34\"N, 135°46'51\"E"), (35.0261, 135.7808));
    }

    #[test]
    fn coordinates_out_of_range_or_unreadable_are_refused_in_plain_words() {
        for text in [
            "135.7808, 35.0262",
            "kyoto",
            "35.0262",
            "1 2 3",
            "35 N, 36 N",
        ] {
            let e = coordinates(text).unwrap_err();
            assert!(!e.contains('`'), "{e}");
            assert!(e.contains("latitude"), "{text}: {e}");
        }
    }

    #[test]
    fn dates_are_read_in_the_usual_orders() {
        for (text, want) in [
            ("2027", "2027"),
            ("2027-09", "2027-09"),
            ("2027-09-01", "2027-09-01"),
            ("01/09/2027", "2027-09-01"),
            ("1.9.2027", "2027-09-01"),
            ("09/13/2027", "2027-09-13"),
            ("09/2027", "2027-09"),
            ("2027/09/01", "2027-09-01"),
            ("2027年9月1日", "2027-09-01"),
            ("2027年9月", "2027-09"),
            (" 2031-08-31 ", "2031-08-31"),
        ] {
            assert_eq!(date(text).unwrap().to_string(), want, "{text}");
        }
        for bad in ["31/02/2031", "27", "soon", "13/2027", "2027-13"] {
            let e = date(bad).unwrap_err();
            assert!(
                e.contains("is not a date") && !e.contains('`'),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn websites_without_a_scheme_get_https() {
        assert_eq!(website("www.kyoto-u.ac.jp"), "https://www.kyoto-u.ac.jp");
        assert_eq!(website("kyoto-u.ac.jp/en/"), "https://kyoto-u.ac.jp/en/");
        assert_eq!(website("http://example.org"), "http://example.org");
        assert_eq!(website("HTTPS://Example.org"), "HTTPS://Example.org");
        assert_eq!(website("not a site"), "not a site");
        assert_eq!(website("ftp://x.org"), "ftp://x.org");
    }
}
