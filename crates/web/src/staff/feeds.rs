//! Feeds: funding deadlines (public) and agreement expiries (staff) as
//! iCalendar, recent public changes as Atom.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::Response;
use axum::routing::get;
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event};
use kizuna_domain::{AgreementStatus, ChangeKind, RecordSet};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event as Xml};
use serde::Deserialize;

use crate::http::auth::Staff;
use crate::http::base_url::BaseUrl;
use crate::http::calendar::{
    CALENDAR, all_day, calendar_response, calendar_text, deadline_event, inline,
};
use crate::http::lang::{current, t, t_with};
use crate::templates::label_in;
use crate::{AppError, AppState};
use kizuna_core::read::Lookup;
use kizuna_core::read::public::{PublicRecords, public_document};
use kizuna_i18n::Arg;
use std::collections::HashMap;

/// Changes listed in the Atom feed.
const ATOM_ENTRIES: i64 = 50;

/// Feed routes under `/feeds`.
pub fn routes(_state: AppState) -> Router<AppState> {
    Router::new()
        .route("/feeds/deadlines.ics", get(deadlines))
        .route("/feeds/expiring.ics", get(expiring))
        .route("/feeds/changes.atom", get(changes))
}

/// `GET /feeds/deadlines.ics`: every public funding deadline; yearly ones
/// repeat. Written once per revision (and language and base address).
pub async fn deadlines(
    State(state): State<AppState>,
    BaseUrl(base): BaseUrl,
) -> Result<Response, AppError> {
    let mut response = state
        .cached(
            format!("deadlines.ics {base}"),
            CALENDAR,
            async |snapshot| {
                let mut calendar = Calendar::new();
                calendar
                    .name(&t("rec-cal-deadlines-name"))
                    .description(&t("rec-cal-deadlines-description"));
                for funding in &snapshot.funding {
                    for deadline in &funding.deadlines {
                        calendar.push(deadline_event(funding, deadline, &base));
                    }
                }
                Ok(calendar.done().to_string())
            },
        )
        .await?;
    response
        .headers_mut()
        .insert(header::CONTENT_DISPOSITION, inline("deadlines.ics"));
    Ok(response)
}

/// Lets calendar apps, which cannot send headers, pass the token in the URL.
#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
}

/// `GET /feeds/expiring.ics`: the end dates of signed agreements (staff only: a
/// bearer token, `?token=`, or a session).
pub async fn expiring(
    State(state): State<AppState>,
    BaseUrl(base): BaseUrl,
    Query(query): Query<TokenQuery>,
    staff: Result<Staff, AppError>,
) -> Result<Response, AppError> {
    if staff.is_err() {
        let token = query.token.ok_or_else(|| {
            AppError::Unauthorized(
                "this feed needs an API token: add ?token=… to its address".to_owned(),
            )
        })?;
        let hash = kizuna_core::credentials::token_hash(&token);
        state
            .registry()
            .store()
            .user_by_token_hash(&hash)
            .await?
            .ok_or_else(|| {
                AppError::Unauthorized("this API token is unknown or revoked".to_owned())
            })?;
    }
    let snapshot = state.snapshot().await;
    let lookup = Lookup::new(&snapshot, state.status_context(), false);
    let mut calendar = Calendar::new();
    calendar
        .name(&t("rec-cal-expiring-name"))
        .description(&t("rec-cal-expiring-description"));
    for agreement in lookup.agreements() {
        let status = lookup.status(agreement);
        let Some(until) = agreement.valid_until else {
            continue;
        };
        if matches!(status, AgreementStatus::Draft | AgreementStatus::Terminated) {
            continue;
        }
        let mut event = Event::new();
        event
            .uid(&format!("agreement-end-{}@kizuna", agreement.id))
            .summary(&calendar_text(&t_with(
                "rec-cal-expiring-summary",
                &[("title", Arg::Text(agreement.title.clone()))],
            )))
            .description(&t_with(
                "rec-cal-expiring-event",
                &[("status", Arg::Text(label_in(current(), status.as_str())))],
            ));
        all_day(&mut event, until.last_day())
            .url(&format!("{base}/agreements/{}", agreement.id))
            .timestamp(agreement.updated_at.unwrap_or_else(Utc::now));
        calendar.push(event.done());
    }
    Ok(calendar_response(calendar.done(), "expiring.ics", false))
}

/// `GET /feeds/changes.atom`: the latest changes to public records.
pub async fn changes(
    State(state): State<AppState>,
    BaseUrl(base): BaseUrl,
) -> Result<Response, AppError> {
    let atom_type = "application/atom+xml; charset=utf-8";
    state
        .cached(
            format!("changes.atom {base}"),
            atom_type,
            async |snapshot| changes_feed(&state, &snapshot, &base).await,
        )
        .await
}

/// The Atom document of the latest public changes, links under `base`.
async fn changes_feed(
    state: &AppState,
    snapshot: &kizuna_core::Snapshot,
    base: &str,
) -> Result<String, AppError> {
    let store = state.registry().store();
    // The feed is cached per revision of the snapshot: it lists the changes up to it.
    let newest = snapshot.revision;
    let entries = store
        .changes_since((newest - ATOM_ENTRIES * 4).max(0), ATOM_ENTRIES * 4)
        .await?;
    let public = |collection: RecordSet, doc: &Option<serde_json::Value>| {
        doc.as_ref().is_some_and(|d| public_document(collection, d))
    };
    // A record made internal since (or deleted while internal) takes its
    // earlier public entries out of the feed; one whose last change was its
    // deletion while public keeps them.
    let public_now = PublicRecords::of(snapshot);
    let mut last_change: HashMap<(RecordSet, &str), &kizuna_core::ChangeEntry> = HashMap::new();
    for e in entries.iter().filter(|e| e.revision <= newest) {
        last_change.insert((e.collection, e.record_id.as_str()), e);
    }
    let still_public = |e: &kizuna_core::ChangeEntry| {
        let last = last_change.get(&(e.collection, e.record_id.as_str()));
        match last {
            Some(last) if last.action == ChangeKind::Delete => public(e.collection, &last.before),
            _ => e
                .collection
                .collection()
                .is_some_and(|c| public_now.record(c, &e.record_id)),
        }
    };
    let mut shown: Vec<(String, String, String, DateTime<Utc>, i64)> = entries
        .iter()
        .rev()
        .filter(|e| e.revision <= newest && e.collection.collection().is_some())
        .filter(|e| match e.action {
            ChangeKind::Delete => public(e.collection, &e.before),
            _ => public(e.collection, &e.after),
        })
        .filter(|e| still_public(e))
        .take(ATOM_ENTRIES as usize)
        .map(|e| {
            let doc = e.after.as_ref().or(e.before.as_ref());
            let title = doc
                .and_then(|d| {
                    d["title"]
                        .as_str()
                        .or(d["name"].as_str())
                        .or(d["names"][0]["value"].as_str())
                })
                .unwrap_or(&e.record_id)
                .to_owned();
            let key = match e.action {
                ChangeKind::Create => "rec-feed-added",
                ChangeKind::Delete => "rec-feed-removed",
                ChangeKind::Update => "rec-feed-updated",
            };
            (
                t_with(key, &[("title", Arg::Text(title))]),
                format!("{base}/{}/{}", e.collection, e.record_id),
                e.collection.to_string(),
                e.at,
                e.revision,
            )
        })
        .collect();
    shown.sort_by_key(|s| std::cmp::Reverse(s.4));
    let updated = shown.first().map(|s| s.3).unwrap_or_else(Utc::now);
    let site = snapshot
        .home
        .as_ref()
        .and_then(|h| snapshot.organisations.get(h))
        .map(|o| o.display_name().to_owned())
        .unwrap_or_else(|| "Kizuna".to_owned());
    atom(
        &t_with("rec-feed-changes-title", &[("site", Arg::Text(site))]),
        &format!("{base}/feeds/changes.atom"),
        base,
        updated,
        &shown,
    )
    .map_err(|e| AppError::Internal(e.to_string()))
}

fn atom(
    title: &str,
    self_url: &str,
    base: &str,
    updated: DateTime<Utc>,
    entries: &[(String, String, String, DateTime<Utc>, i64)],
) -> std::io::Result<String> {
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Xml::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    let mut feed = BytesStart::new("feed");
    feed.push_attribute(("xmlns", "http://www.w3.org/2005/Atom"));
    feed.push_attribute(("xml:lang", current().code()));
    w.write_event(Xml::Start(feed))?;
    text(&mut w, "title", title)?;
    text(&mut w, "id", self_url)?;
    text(&mut w, "updated", &updated.to_rfc3339())?;
    link(&mut w, self_url, Some("self"))?;
    link(&mut w, base, None)?;
    w.write_event(Xml::Start(BytesStart::new("author")))?;
    text(&mut w, "name", "Kizuna")?;
    w.write_event(Xml::End(BytesEnd::new("author")))?;
    for (entry_title, url, collection, at, revision) in entries {
        w.write_event(Xml::Start(BytesStart::new("entry")))?;
        text(&mut w, "title", entry_title)?;
        text(&mut w, "id", &format!("{url}#revision-{revision}"))?;
        text(&mut w, "updated", &at.to_rfc3339())?;
        link(&mut w, url, None)?;
        let mut category = BytesStart::new("category");
        category.push_attribute(("term", collection.as_str()));
        w.write_event(Xml::Empty(category))?;
        w.write_event(Xml::End(BytesEnd::new("entry")))?;
    }
    w.write_event(Xml::End(BytesEnd::new("feed")))?;
    Ok(String::from_utf8_lossy(&w.into_inner()).into_owned())
}

fn text(w: &mut quick_xml::Writer<Vec<u8>>, tag: &str, value: &str) -> std::io::Result<()> {
    w.write_event(Xml::Start(BytesStart::new(tag)))?;
    w.write_event(Xml::Text(BytesText::new(value)))?;
    w.write_event(Xml::End(BytesEnd::new(tag)))
}

fn link(w: &mut quick_xml::Writer<Vec<u8>>, href: &str, rel: Option<&str>) -> std::io::Result<()> {
    let mut l = BytesStart::new("link");
    l.push_attribute(("href", href));
    if let Some(rel) = rel {
        l.push_attribute(("rel", rel));
    }
    w.write_event(Xml::Empty(l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn event_text(title: &str, date: NaiveDate) -> String {
        let mut event = Event::new();
        event.uid("x@kizuna").summary(&calendar_text(title));
        all_day(&mut event, date);
        let mut calendar = Calendar::new();
        calendar.push(event.done());
        calendar.done().to_string()
    }

    #[test]
    fn a_whole_day_ends_at_the_start_of_the_next_one() {
        let text = event_text("Deadline", NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        assert!(text.contains("DTSTART;VALUE=DATE:20261231\r\n"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20270101\r\n"), "{text}");
    }

    #[test]
    fn carriage_returns_and_control_characters_never_break_a_line() {
        let text = event_text(
            "One\rTwo\r\nThree\nFour\u{7}\u{1b}",
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        );
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains("SUMMARY:One\\nTwo\\nThree\\nFour\r\n"),
            "{text:?}"
        );
        // Every CR in the output ends a content line.
        assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
        assert!(!text.contains('\u{7}') && !text.contains('\u{1b}'));
    }
}
