//! iCalendar answers: the deadline feed and the one-event downloads of a
//! funding page write their events the same way.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use kizuna_domain::{Deadline, FundingOpportunity};
use kizuna_i18n::Arg;

use super::lang::t_with;

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

/// The event of one funding deadline in the reader's language; a yearly one repeats.
pub fn deadline_event(funding: &FundingOpportunity, deadline: &Deadline, base: &str) -> Event {
    let url = format!("{base}/funding/{}", funding.id);
    let title = || Arg::Text(funding.title.clone());
    let summary = t_with("rec-cal-deadline-summary", &[("title", title())]);
    let description = t_with(
        "rec-cal-deadline-description",
        &[("title", title()), ("url", Arg::Text(url.clone()))],
    );
    let mut event = Event::new();
    event
        .uid(&format!("deadline-{}-{}@kizuna", funding.id, deadline.date))
        .summary(&calendar_text(&summary))
        .description(&calendar_text(&description));
    all_day(&mut event, deadline.date)
        .url(&url)
        .timestamp(funding.updated_at.unwrap_or_else(Utc::now));
    if deadline.yearly {
        event.add_property("RRULE", "FREQ=YEARLY");
    }
    event.done()
}

/// A calendar answer; `attachment` makes browsers save it (a one-event download).
pub fn calendar_response(calendar: Calendar, file: &str, attachment: bool) -> Response {
    let disposition = if attachment {
        HeaderValue::from_str(&format!("attachment; filename=\"{file}\""))
            .expect("file names here are header-safe")
    } else {
        inline(file)
    };
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(CALENDAR)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        calendar.to_string(),
    )
        .into_response()
}

/// The `Content-Type` of calendars.
pub const CALENDAR: &str = "text/calendar; charset=utf-8";

/// `Content-Disposition` of a calendar shown where it opens.
pub fn inline(file: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("inline; filename=\"{file}\""))
        .expect("file names here are header-safe")
}
