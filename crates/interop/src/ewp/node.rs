//! What this node answers a verified caller: the IIAs v7 `index` and `get`
//! responses and the IIA Approval v2 response.
//!
//! A caller sees the IIAs whose partner is one of the institutions its key
//! covers (the spec's "at least all its partners"), and nothing else, the
//! same in `index` as in `get`, as the spec requires.

use std::collections::BTreeSet;
use std::io;

use chrono::{DateTime, Utc};
use kizuna_core::Snapshot;
use kizuna_domain::EwpState;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{EwpError, ExportedIia, export, state_of, write};

/// Namespace of the IIAs v7 index response.
pub const INDEX_NS: &str = "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/index-response.xsd";
/// Namespace of the IIA Approval v2 response.
pub const APPROVAL_NS: &str =
    "https://github.com/erasmus-without-paper/ewp-specs-api-iias-approval/tree/stable-v2";

/// Most `iia_id` values one `get` or approval request may name (the manifest says so).
pub const MAX_IIA_IDS: usize = 100;

/// The home institution's hei-id (its SCHAC code), if it has one.
pub fn home_hei(snapshot: &Snapshot) -> Option<String> {
    let home = snapshot.organisations.get(snapshot.home.as_ref()?)?;
    home.identifiers.schac.clone()
}

/// The filters of an `index` request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexFilter {
    /// `partner_hei_id` (IIAs v6 and earlier; still honoured): only IIAs with these partners.
    pub partner_heis: Vec<String>,
    /// `receiving_academic_year_id` values (`2027/2028`).
    pub academic_years: Vec<String>,
    /// `modified_since`.
    pub modified_since: Option<DateTime<Utc>>,
}

/// The IIAs a caller covering `heis` may read, in registry order.
pub fn visible_iias(
    snapshot: &Snapshot,
    heis: &BTreeSet<String>,
) -> Result<Vec<ExportedIia>, EwpError> {
    let mut all = export(snapshot, None)?.exported;
    all.retain(|e| heis.contains(&e.iia.partners[1].hei_id));
    Ok(all)
}

/// The `iias-index-response` for a caller covering `heis`.
pub fn index_response(
    snapshot: &Snapshot,
    heis: &BTreeSet<String>,
    filter: &IndexFilter,
) -> Result<String, EwpError> {
    let ids: Vec<String> = visible_iias(snapshot, heis)?
        .into_iter()
        .filter(|e| {
            filter.partner_heis.is_empty()
                || filter.partner_heis.contains(&e.iia.partners[1].hei_id)
        })
        .filter(|e| {
            filter.academic_years.is_empty()
                || e.iia.specs.iter().any(|s| {
                    filter
                        .academic_years
                        .iter()
                        .any(|y| s.first_year <= *y && *y <= s.last_year)
                })
        })
        .filter(|e| match filter.modified_since {
            None => true,
            // Without a stored time the IIA may have changed: list it (the spec allows it).
            Some(since) => last_change(snapshot, &e.agreement).is_none_or(|at| at > since),
        })
        .map(|e| e.iia_id)
        .collect();
    Ok(document("iias-index-response", INDEX_NS, |w| {
        ids.iter().try_for_each(|id| text(w, "iia-id", id))
    }))
}

/// When the IIA of `agreement` last changed: the latest change of the
/// agreement, its contacts and its parties (with their parents), all of which
/// the IIA states; `None` when one of them has no stored time.
fn last_change(snapshot: &Snapshot, agreement: &kizuna_domain::Slug) -> Option<DateTime<Utc>> {
    let agreement = snapshot.agreements.iter().find(|a| &a.id == agreement)?;
    let mut times = vec![agreement.updated_at];
    for id in &agreement.contacts {
        times.extend(
            snapshot
                .contacts
                .iter()
                .filter(|c| &c.id == id)
                .map(|c| c.updated_at),
        );
    }
    for party in &agreement.parties {
        let mut org = snapshot.organisations.get(&party.organisation);
        // Bounded: a unit's parents, not a cycle in bad data.
        for _ in 0..8 {
            let Some(found) = org else { break };
            times.push(found.updated_at);
            org = found
                .parent
                .as_ref()
                .and_then(|p| snapshot.organisations.get(p));
        }
    }
    times
        .into_iter()
        .try_fold(DateTime::<Utc>::MIN_UTC, |latest, at| Some(latest.max(at?)))
}

/// The `iias-get-response` with the IIAs of `ids` the caller may read
/// (unknown ids are left out, as the spec requires).
pub fn get_response(
    snapshot: &Snapshot,
    heis: &BTreeSet<String>,
    ids: &[String],
) -> Result<String, EwpError> {
    let wanted: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let found: Vec<ExportedIia> = visible_iias(snapshot, heis)?
        .into_iter()
        .filter(|e| wanted.contains(e.iia_id.as_str()))
        .collect();
    let pairs: Vec<_> = found.iter().map(|e| (&e.iia, e.hash.as_str())).collect();
    Ok(write::response(&pairs))
}

/// The `iias-approval-response`: our approvals, still holding, of the
/// caller's copies named by `ids` (the caller's own iia-ids).
pub fn approval_response(snapshot: &Snapshot, heis: &BTreeSet<String>, ids: &[String]) -> String {
    let wanted: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let mut approvals = Vec::new();
    for agreement in &snapshot.agreements {
        let Some(approval) = agreement.ewp.as_ref().and_then(|x| x.our_approval.as_ref()) else {
            continue;
        };
        if !wanted.contains(approval.copy.iia_id.as_str()) {
            continue;
        }
        // The caller must be the partner of the IIA it asks about.
        let partner_covered = export(snapshot, Some(&agreement.id))
            .ok()
            .and_then(|e| e.exported.into_iter().next())
            .is_some_and(|e| heis.contains(&e.iia.partners[1].hei_id));
        let holds = matches!(
            state_of(snapshot, agreement),
            EwpState::ApprovedByUs | EwpState::ApprovedByBoth
        );
        if partner_covered && holds {
            approvals.push((approval.copy.iia_id.clone(), approval.copy.hash.clone()));
        }
    }
    document("iias-approval-response", APPROVAL_NS, |w| {
        approvals.iter().try_for_each(|(id, hash)| {
            w.create_element("approval")
                .write_inner_content(|w| {
                    text(w, "iia-id", id)?;
                    text(w, "iia-hash", hash)
                })
                .map(|_| ())
        })
    })
}

type Xml = Writer<Vec<u8>>;

/// A document whose root `name` in namespace `ns` holds what `inner` writes.
pub(crate) fn document(
    name: &str,
    ns: &str,
    inner: impl FnOnce(&mut Xml) -> io::Result<()>,
) -> String {
    document_with(name, &[("xmlns", ns)], inner)
}

/// A document whose root carries the namespace declarations `namespaces`.
pub(crate) fn document_with(
    name: &str,
    namespaces: &[(&str, &str)],
    inner: impl FnOnce(&mut Xml) -> io::Result<()>,
) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written: io::Result<()> = (|| {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let mut root = w.create_element(name);
        for attribute in namespaces {
            root = root.with_attribute(*attribute);
        }
        root.write_inner_content(inner)?;
        Ok(())
    })();
    written.expect("writing to memory cannot fail");
    let mut xml =
        String::from_utf8(w.into_inner()).expect("quick-xml writes the UTF-8 it is given");
    xml.push('\n');
    xml
}

/// `<name>value</name>`, escaped.
pub(crate) fn text(w: &mut Xml, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(value))
        .map(|_| ())
}
