//! A contact person's page: how to reach them and what they handle.

use kizuna_domain::Contact;
use serde::Serialize;

use super::Lookup;
use super::rows::{AgreementRow, ContactRow, ProgrammeRow};

/// A country a contact covers.
#[derive(Debug, Clone, Serialize)]
pub struct CountryLink {
    /// Code, e.g. `JP`.
    pub code: String,
    /// English name.
    pub name: String,
}

/// A contact's page.
#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    /// Name, role, employer and (where public) e-mail and phone.
    pub contact: ContactRow,
    /// Countries they cover.
    pub countries: Vec<CountryLink>,
    /// Agreements they handle: those they list and those listing them.
    pub agreements: Vec<AgreementRow>,
    /// Programmes they handle, either way round.
    pub programmes: Vec<ProgrammeRow>,
}

impl ContactView {
    /// Builds the page of `c`.
    pub fn build(lookup: &Lookup<'_>, c: &Contact) -> Self {
        ContactView {
            contact: lookup.contact_row(c),
            countries: c
                .countries
                .iter()
                .map(|cc| CountryLink {
                    code: cc.to_string(),
                    name: cc.name().to_owned(),
                })
                .collect(),
            agreements: lookup
                .agreements()
                .filter(|a| c.agreements.contains(&a.id) || a.contacts.contains(&c.id))
                .map(|a| lookup.agreement_row(a))
                .collect(),
            programmes: lookup
                .programmes()
                .filter(|p| c.programmes.contains(&p.id) || p.contacts.contains(&c.id))
                .map(|p| lookup.programme_row(p))
                .collect(),
        }
    }
}
