//! The registry's agreements as one IIAs v7 get response.

use kizuna_core::Snapshot;
use kizuna_domain::Slug;

use super::model::Iia;
use super::{EwpError, hash, map, write};

/// The written response and what went into it.
#[derive(Debug, Clone)]
pub struct IiaExport {
    /// The `iias-get-response` document.
    pub xml: String,
    /// The agreements written, in registry order.
    pub exported: Vec<ExportedIia>,
    /// The agreements that cannot be IIAs, with the reasons.
    pub skipped: Vec<Skipped>,
}

/// One agreement written as an IIA.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportedIia {
    /// The agreement.
    pub agreement: Slug,
    /// Its `iia-id` (the agreement's id, cut to 64 characters when longer).
    pub iia_id: String,
    /// Its `iia-hash`.
    pub hash: String,
    /// What of the agreement the IIA leaves out, and why.
    pub notes: Vec<String>,
    /// The IIA as written.
    pub iia: Iia,
}

/// An agreement that cannot be expressed as an IIA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The agreement.
    pub agreement: Slug,
    /// Every reason, for the staff to fix.
    pub reasons: Vec<crate::Message>,
}

/// Exports every agreement, or only `only`, that can be an IIA.
pub fn export(snapshot: &Snapshot, only: Option<&Slug>) -> Result<IiaExport, EwpError> {
    if let Some(id) = only
        && !snapshot.agreements.iter().any(|a| &a.id == id)
    {
        return Err(EwpError::UnknownAgreement(id.clone()));
    }
    let mut exported = Vec::new();
    let mut skipped = Vec::new();
    for agreement in &snapshot.agreements {
        if only.is_some_and(|id| id != &agreement.id) {
            continue;
        }
        match map::to_iia(snapshot, agreement) {
            Ok((iia, notes)) => exported.push(ExportedIia {
                agreement: agreement.id.clone(),
                iia_id: iia.partners[0].iia_id.clone().unwrap_or_default(),
                hash: hash_of(&iia)?,
                notes,
                iia,
            }),
            Err(reasons) => skipped.push(Skipped {
                agreement: agreement.id.clone(),
                reasons,
            }),
        }
    }
    let pairs: Vec<(&Iia, &str)> = exported.iter().map(|e| (&e.iia, e.hash.as_str())).collect();
    let xml = write::response(&pairs);
    Ok(IiaExport {
        xml,
        exported,
        skipped,
    })
}

/// The hash of an IIA as a partner will compute it: from the written XML,
/// read back, so that escaping and line ends are what the partner sees.
pub(crate) fn hash_of(iia: &Iia) -> Result<String, EwpError> {
    let placeholder = "0".repeat(64);
    let alone = write::response(&[(iia, placeholder.as_str())]);
    let digest = hash::digest_response(&alone)?;
    digest
        .into_iter()
        .next()
        .map(|d| d.hash)
        .ok_or_else(|| EwpError::Hash("the written IIA could not be read back".to_owned()))
}
