//! "Add to calendar" on funding pages: one deadline as a one-event iCalendar file.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use icalendar::Calendar;

use crate::http::calendar::{base_url, calendar_response, calendar_text, deadline_event};
use crate::{AppError, AppState};

/// The deadline's position from a file name like `1.ics` (counted from 1, as pages show them).
fn deadline_number(file: &str) -> Option<usize> {
    let n: usize = file.strip_suffix(".ics")?.parse().ok()?;
    n.checked_sub(1)
}

/// `GET /funding/{id}/deadlines/{n}.ics`: the `n`th deadline of a public funding opportunity.
pub async fn deadline(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let not_found = || AppError::NotFound(format!("There is no deadline `{file}` of `{id}`."));
    let snapshot = state.public_snapshot().await;
    let funding = snapshot
        .funding
        .iter()
        .find(|f| f.id.as_str() == id)
        .ok_or_else(not_found)?;
    let deadline = deadline_number(&file)
        .and_then(|n| funding.deadlines.get(n))
        .ok_or_else(not_found)?;
    let mut calendar = Calendar::new();
    calendar.name(&calendar_text(&funding.title));
    calendar.push(deadline_event(funding, deadline, &base_url(&headers)));
    let name = format!("{}-deadline-{file}", funding.id);
    Ok(calendar_response(calendar.done(), &name, true))
}

#[cfg(test)]
mod tests {
    use super::deadline_number;

    #[test]
    fn deadlines_are_counted_from_one() {
        assert_eq!(deadline_number("1.ics"), Some(0));
        assert_eq!(deadline_number("3.ics"), Some(2));
        for bad in ["0.ics", "1", "x.ics", "-1.ics", "1.ics.ics"] {
            assert_eq!(deadline_number(bad), None, "{bad}");
        }
    }
}
