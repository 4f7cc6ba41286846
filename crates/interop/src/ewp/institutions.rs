//! The home institution and its units as the Institutions v2 and
//! Organizational Units v2 APIs describe them.
//!
//! Only the home institution is served (it is the one hei this node covers);
//! its units are known by their Kizuna ids, as the IIAs name them. Contacts
//! are given only when public, details and all: the APIs are read by any
//! node of the network.

use std::io;

use kizuna_core::Snapshot;
use kizuna_domain::{Contact, Organisation, OrganisationKind, Slug, Visibility};
use quick_xml::Writer;

use super::contacts::card;
use super::node::{document_with, home_hei, text};
use super::write::{CONTACT_NS, PHONE_NS, write_contact};

/// Namespace of the Institutions v2 response.
pub const INSTITUTIONS_NS: &str =
    "https://github.com/erasmus-without-paper/ewp-specs-api-institutions/tree/stable-v2";
/// Namespace of the Organizational Units v2 response.
pub const OUNITS_NS: &str =
    "https://github.com/erasmus-without-paper/ewp-specs-api-ounits/tree/stable-v2";

/// Most hei ids an Institutions request may name.
pub const MAX_HEI_IDS: usize = 10;
/// Most ounit ids (or codes) an Organizational Units request may name.
pub const MAX_OUNIT_IDS: usize = 100;

type Xml = Writer<Vec<u8>>;

/// The `institutions-response` for the `hei_ids` asked: the home institution
/// when it is one of them, nothing else.
pub fn institutions_response(snapshot: &Snapshot, hei_ids: &[String]) -> String {
    let home = home(snapshot).filter(|(hei, _)| hei_ids.contains(hei));
    document_with("institutions-response", &namespaces(INSTITUTIONS_NS), |w| {
        let Some((hei, org)) = home else {
            return Ok(());
        };
        w.create_element("hei").write_inner_content(|w| {
            text(w, "hei-id", &hei)?;
            if let Some(erasmus) = &org.identifiers.erasmus {
                other_id(w, "erasmus", erasmus)?;
            }
            if let Some(pic) = &org.identifiers.pic {
                other_id(w, "pic", pic)?;
            }
            names(w, org)?;
            website(w, org)?;
            contacts(w, snapshot, &org.id, false)?;
            for unit in units(snapshot, &org.id) {
                text(w, "ounit-id", unit.id.as_str())?;
            }
            Ok(())
        })?;
        Ok(())
    })
}

/// The `ounits-response` for units of `hei_id` named by id (or by code: they
/// are the same here). Another hei, or unknown ids, give no units.
pub fn ounits_response(snapshot: &Snapshot, hei_id: &str, ids: &[String]) -> String {
    let home = home(snapshot).filter(|(hei, _)| hei == hei_id);
    document_with("ounits-response", &namespaces(OUNITS_NS), |w| {
        let Some((_, org)) = home else {
            return Ok(());
        };
        for unit in units(snapshot, &org.id) {
            if !ids.iter().any(|id| id == unit.id.as_str()) {
                continue;
            }
            w.create_element("ounit").write_inner_content(|w| {
                text(w, "ounit-id", unit.id.as_str())?;
                text(w, "ounit-code", unit.id.as_str())?;
                names(w, unit)?;
                if let Some(parent) = unit.parent.as_ref().filter(|p| **p != org.id) {
                    text(w, "parent-ounit-id", parent.as_str())?;
                }
                website(w, unit)?;
                contacts(w, snapshot, &unit.id, true)
            })?;
        }
        Ok(())
    })
}

/// Whether `id` is a unit of the home institution (for callers that check first).
pub fn is_home_unit(snapshot: &Snapshot, id: &str) -> bool {
    home(snapshot)
        .is_some_and(|(_, org)| units(snapshot, &org.id).iter().any(|u| u.id.as_str() == id))
}

fn namespaces(ns: &str) -> [(&str, &str); 3] {
    [
        ("xmlns", ns),
        ("xmlns:c", CONTACT_NS),
        ("xmlns:p", PHONE_NS),
    ]
}

fn home(snapshot: &Snapshot) -> Option<(String, &Organisation)> {
    let org = snapshot.organisations.get(snapshot.home.as_ref()?)?;
    Some((home_hei(snapshot)?, org))
}

/// The units below `root` at any depth, in id order; ids too long for EWP are left out.
fn units<'a>(snapshot: &'a Snapshot, root: &Slug) -> Vec<&'a Organisation> {
    snapshot
        .organisations
        .values()
        .filter(|o| o.kind == OrganisationKind::Unit && o.id.as_str().len() <= 64)
        .filter(|o| below(snapshot, o, root))
        .map(|o| &**o)
        .collect()
}

fn below(snapshot: &Snapshot, org: &Organisation, root: &Slug) -> bool {
    let mut parent = org.parent.as_ref();
    // Bounded: a parent cycle in bad data must not hang a request.
    for _ in 0..32 {
        match parent {
            Some(p) if p == root => return true,
            Some(p) => {
                parent = snapshot
                    .organisations
                    .get(p)
                    .and_then(|o| o.parent.as_ref())
            }
            None => return false,
        }
    }
    false
}

fn other_id(w: &mut Xml, kind: &str, value: &str) -> io::Result<()> {
    w.create_element("other-id")
        .with_attribute(("type", kind))
        .write_text_content(quick_xml::events::BytesText::new(value))
        .map(|_| ())
}

fn names(w: &mut Xml, org: &Organisation) -> io::Result<()> {
    for name in &org.names {
        let mut element = w.create_element("name");
        if let Some(lang) = &name.lang {
            element = element.with_attribute(("xml:lang", lang.as_str()));
        }
        element.write_text_content(quick_xml::events::BytesText::new(&name.value))?;
    }
    Ok(())
}

fn website(w: &mut Xml, org: &Organisation) -> io::Result<()> {
    match org.website.as_deref() {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            text(w, "website-url", url)
        }
        _ => Ok(()),
    }
}

/// The public contacts of `org`: of the unit itself, or of the institution
/// without a unit.
fn contacts(w: &mut Xml, snapshot: &Snapshot, org: &Slug, unit: bool) -> io::Result<()> {
    let public = |c: &&Contact| {
        c.visibility == Visibility::Public && c.details_visibility == Visibility::Public
    };
    let mut notes = Vec::new();
    for contact in snapshot.contacts.iter().filter(public) {
        let belongs = if unit {
            contact.unit.as_ref() == Some(org)
        } else {
            contact.unit.is_none() && contact.organisation.as_ref() == Some(org)
        };
        if belongs {
            write_contact(w, "c:contact", &card(contact, &mut notes).0)?;
        }
    }
    Ok(())
}
