//! The handlers of the EWP endpoints: check the parameters the spec
//! requires, then answer with the document `kizuna_interop::ewp` writes.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use chrono::{DateTime, Utc};
use kizuna_interop::ewp::institutions::{self, MAX_HEI_IDS, MAX_OUNIT_IDS};
use kizuna_interop::ewp::node::{self, IndexFilter, MAX_IIA_IDS, home_hei};
use kizuna_interop::ewp::{factsheet, manifest};

use super::signed::{Signed, bad_request, internal, verify, xml};
use crate::AppState;

/// `GET /ewp/manifest.xml`: read by the registry, unsigned. URLs in it use
/// the node's public address, else the host the request came to, over HTTPS (EWP requires TLS; the proxy in
/// front of Kizuna terminates it).
pub async fn manifest(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    let base = match state
        .settings()
        .ewp_node
        .as_ref()
        .and_then(|n| n.public_url())
    {
        Some(url) => url.to_owned(),
        None => format!("https://{host}"),
    };
    let snapshot = state.snapshot().await;
    xml(StatusCode::OK, manifest::manifest(&snapshot, &base))
}

/// `/ewp/iias/index`: the iia-ids the caller may read.
pub async fn iias_index(State(state): State<AppState>, request: Request) -> Response {
    let signed = match verify(&state, request).await {
        Ok(signed) => signed,
        Err(refused) => return refused,
    };
    let snapshot = state.snapshot().await;
    if let Err(message) = ours(&signed, &snapshot) {
        return bad_request(&message);
    }
    let academic_years = signed.all("receiving_academic_year_id");
    if let Some(bad) = academic_years.iter().find(|y| !is_academic_year(y)) {
        return bad_request(&format!(
            "receiving_academic_year_id {bad:?} is not an academic year like 2027/2028"
        ));
    }
    let modified_since = match signed.all("modified_since").first() {
        None => None,
        Some(text) => match DateTime::parse_from_rfc3339(text) {
            Ok(at) => Some(at.with_timezone(&Utc)),
            Err(_) => {
                return bad_request(&format!(
                    "modified_since {text:?} is not an xs:dateTime like 2027-02-12T15:19:21+01:00"
                ));
            }
        },
    };
    let filter = IndexFilter {
        partner_heis: signed.all("partner_hei_id"),
        academic_years,
        modified_since,
    };
    match node::index_response(&snapshot, &signed.caller.heis, &filter) {
        Ok(body) => xml(StatusCode::OK, body),
        Err(e) => internal(&e),
    }
}

/// `/ewp/iias/get`: the IIAs named by `iia_id` that the caller may read.
pub async fn iias_get(State(state): State<AppState>, request: Request) -> Response {
    let signed = match verify(&state, request).await {
        Ok(signed) => signed,
        Err(refused) => return refused,
    };
    let snapshot = state.snapshot().await;
    if let Err(message) = ours(&signed, &snapshot) {
        return bad_request(&message);
    }
    let ids = match ids(&signed, "iia_id", MAX_IIA_IDS) {
        Ok(ids) => ids,
        Err(message) => return bad_request(&message),
    };
    match node::get_response(&snapshot, &signed.caller.heis, &ids) {
        Ok(body) => xml(StatusCode::OK, body),
        Err(e) => internal(&e),
    }
}

/// `/ewp/iias-approval`: our approvals of the caller's copies named by `iia_id`.
pub async fn approval(State(state): State<AppState>, request: Request) -> Response {
    let signed = match verify(&state, request).await {
        Ok(signed) => signed,
        Err(refused) => return refused,
    };
    let ids = match ids(&signed, "iia_id", MAX_IIA_IDS) {
        Ok(ids) => ids,
        Err(message) => return bad_request(&message),
    };
    let snapshot = state.snapshot().await;
    xml(
        StatusCode::OK,
        node::approval_response(&snapshot, &signed.caller.heis, &ids),
    )
}

/// `/ewp/institutions`: the home institution, when `hei_id` names it.
pub async fn institutions(State(state): State<AppState>, request: Request) -> Response {
    let signed = match verify(&state, request).await {
        Ok(signed) => signed,
        Err(refused) => return refused,
    };
    let heis = match ids(&signed, "hei_id", MAX_HEI_IDS) {
        Ok(ids) => ids,
        Err(message) => return bad_request(&message),
    };
    let snapshot = state.snapshot().await;
    xml(
        StatusCode::OK,
        institutions::institutions_response(&snapshot, &heis),
    )
}

/// `/ewp/factsheet`: the home institution's factsheet, when `hei_id` names it.
pub async fn factsheet(State(state): State<AppState>, request: Request) -> Response {
    let signed = match verify(&state, request).await {
        Ok(signed) => signed,
        Err(refused) => return refused,
    };
    let heis = match ids(&signed, "hei_id", MAX_HEI_IDS) {
        Ok(ids) => ids,
        Err(message) => return bad_request(&message),
    };
    let snapshot = state.snapshot().await;
    xml(
        StatusCode::OK,
        factsheet::factsheet_response(&snapshot, &heis),
    )
}

/// `/ewp/ounits`: units of the home institution by `ounit_id` or `ounit_code`.
pub async fn ounits(State(state): State<AppState>, request: Request) -> Response {
    let signed = match verify(&state, request).await {
        Ok(signed) => signed,
        Err(refused) => return refused,
    };
    let snapshot = state.snapshot().await;
    let hei = signed.all("hei_id");
    if hei.len() != 1 {
        return bad_request("give hei_id exactly once");
    }
    if home_hei(&snapshot).as_deref() != Some(hei[0].as_str()) {
        return bad_request(&format!("this node does not cover the hei {}", hei[0]));
    }
    let (by_id, by_code) = (signed.all("ounit_id"), signed.all("ounit_code"));
    let name = match (by_id.is_empty(), by_code.is_empty()) {
        (false, true) => "ounit_id",
        (true, false) => "ounit_code",
        _ => return bad_request("give either ounit_id or ounit_code values, not both"),
    };
    let wanted = match ids(&signed, name, MAX_OUNIT_IDS) {
        Ok(ids) => ids,
        Err(message) => return bad_request(&message),
    };
    // A unit's code is its id here, so both name the same units.
    xml(
        StatusCode::OK,
        institutions::ounits_response(&snapshot, &hei[0], &wanted),
    )
}

/// The values of a required, repeatable parameter, at most `max` of them.
fn ids(signed: &Signed, name: &str, max: usize) -> Result<Vec<String>, String> {
    let values = signed.all(name);
    if values.is_empty() {
        return Err(format!("{name} is required"));
    }
    if values.len() > max {
        return Err(format!(
            "at most {max} {name} values may be asked at once; {} were",
            values.len()
        ));
    }
    Ok(values)
}

/// Refuses a `hei_id` (IIAs v6 and earlier) that names another institution than ours.
fn ours(signed: &Signed, snapshot: &kizuna_core::Snapshot) -> Result<(), String> {
    let home = home_hei(snapshot);
    match signed
        .all("hei_id")
        .iter()
        .find(|h| Some(h.as_str()) != home.as_deref())
    {
        Some(other) => Err(format!("this node does not cover the hei {other}")),
        None => Ok(()),
    }
}

fn is_academic_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.len() == 9
        && bytes[4] == b'/'
        && text[..4]
            .parse::<u16>()
            .ok()
            .zip(text[5..].parse::<u16>().ok())
            .is_some_and(|(a, b)| b == a + 1)
}
