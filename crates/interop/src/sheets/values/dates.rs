//! Dates as people and Excel write them in sheets: days, months and years
//! in the usual shapes, Excel's serial numbers, and spans of academic years.

use chrono::{Days, NaiveDate};
use kizuna_domain::PartialDate;

use crate::Message;
use crate::sheets::table::{Cell, number_text};

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
