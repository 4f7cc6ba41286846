//! iCalendar answers: the deadline feed and the one-event downloads of a
//! funding page write their events the same way.

use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use kizuna_domain::{Deadline, FundingOpportunity};

/// `https://host` of the request, for absolute links in calendars and feeds.
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("http");
    format!("{scheme}://{host}")
}

/// Text as iCalendar can carry it: the library escapes `\\`, `,`, `;` and LF
/// but writes other control characters raw, and a bare CR would end the
/// content line early (RFC 5545 3.3.11 allows no control character but tab).
pub fn calendar_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// Makes `event` a whole-day event on `date`. `DTEND` of a date is exclusive
/// (RFC 5545 3.6.1), so it is the next day; the library's `all_day` sets it to
/// the same day, an event of no length.
pub fn all_day(event: &mut Event, date: NaiveDate) -> &mut Event {
    event.starts(date);
    match date.succ_opt() {
        Some(next) => event.ends(next),
        None => event,
    }
}

/// The event of one funding deadline; a yearly one repeats.
pub fn deadline_event(funding: &FundingOpportunity, deadline: &Deadline, base: &str) -> Event {
    let mut event = Event::new();
    event
        .uid(&format!("deadline-{}-{}@kizuna", funding.id, deadline.date))
        .summary(&calendar_text(&format!("Deadline: {}", funding.title)));
    all_day(&mut event, deadline.date)
        .url(&format!("{base}/funding/{}", funding.id))
        .timestamp(funding.updated_at.unwrap_or_else(Utc::now));
    if deadline.yearly {
        event.add_property("RRULE", "FREQ=YEARLY");
    }
    event.done()
}

/// A calendar answer; `attachment` makes browsers save it (a one-event download).
pub fn calendar_response(calendar: Calendar, file: &str, attachment: bool) -> Response {
    let disposition = if attachment { "attachment" } else { "inline" };
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("{disposition}; filename=\"{file}\""),
            ),
        ],
        calendar.to_string(),
    )
        .into_response()
}
