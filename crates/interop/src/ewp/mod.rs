//! Erasmus Without Paper: inter-institutional agreements (IIAs API v7).
//!
//! [`export`] turns the registry's agreements with SCHAC-coded partners into
//! an `iias-get-response` and lists the agreements it cannot express, with
//! the reasons; [`hash`] computes the `iia-hash` of any IIAs v7 response the
//! way the EWP kit's XSLT defines it, so a partner's copy can be checked.
//! [`import::plan`] reads a partner's file (their copies, or their approvals
//! of ours) into what recording it would change, and [`import::apply`]
//! records it; [`status_of`] tells where an agreement's exchange stands.
//!
//! As a network node: [`catalogue`] reads the registry's list of client
//! keys, [`httpsig`] verifies a request's HTTP Signature and [`replay`]
//! refuses its replays, and [`node`], [`institutions`], [`factsheet`] and
//! [`manifest`] write what the node answers.

pub mod catalogue;
pub mod compare;
mod contacts;
mod draft;
mod entries;
mod export;
pub mod factsheet;
pub mod hash;
pub mod httpsig;
pub mod import;
pub mod institutions;
pub mod manifest;
mod map;
mod mapping;
pub mod model;
pub mod node;
pub mod read;
pub mod replay;
mod sides;
pub mod specs;
mod status;
#[doc(hidden)]
pub mod testing;
mod write;

use kizuna_domain::Slug;

pub use compare::Difference;
pub use export::{ExportedIia, IiaExport, Skipped, export};
pub use hash::{IiaDigest, digest_response, sha256_hex};
pub use import::{ImportPlan, MatchedBy, Target};
pub use status::{ExchangeStatus, state_of, status_of};
pub use write::{CONTACT_NS, IIAS_NS, PHONE_NS, response};

/// Why an EWP export or hash could not be made.
#[derive(Debug, thiserror::Error)]
pub enum EwpError {
    /// `--agreement` named no agreement of the registry.
    #[error("there is no agreement with the id {0}")]
    UnknownAgreement(Slug),
    /// The document is not well-formed XML.
    #[error("the document is not well-formed XML: {0}")]
    Xml(String),
    /// The XSLT would fail on this document too.
    #[error("the IIA hash cannot be computed: {0}")]
    Hash(String),
    /// The document is neither an IIAs get response nor an approval response.
    #[error(
        "the document is a <{0}>, not an <iias-get-response> (a partner's copies) or an <iias-approval-response> (their approvals)"
    )]
    NotPartnerFile(String),
}

impl EwpError {
    /// The reason as a coded sentence, for an edge that words it in its
    /// reader's language (the English is this error's own text).
    pub fn message(&self) -> crate::Message {
        let english = self.to_string();
        match self {
            EwpError::UnknownAgreement(id) => {
                crate::Message::coded("ewp-unknown-agreement", &[("id", id.as_str())], english)
            }
            EwpError::Xml(detail) => {
                crate::Message::coded("ewp-not-xml", &[("detail", detail)], english)
            }
            EwpError::Hash(detail) => {
                crate::Message::coded("ewp-hash-impossible", &[("detail", detail)], english)
            }
            EwpError::NotPartnerFile(element) => {
                crate::Message::coded("ewp-not-a-partner-file", &[("element", element)], english)
            }
        }
    }
}
