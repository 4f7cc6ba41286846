//! Detail views of single records, with everything linked to them.

use kizuna_domain::{
    Agreement, FundingOpportunity, Location, MobilityCondition, Name, Organisation, Programme,
};
use serde::Serialize;

use super::rows::{AgreementRow, ContactRow, FundingRow, OrgRef, ProgrammeRow};
use super::{Indexes, Lookup};

/// An organisation's page.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    /// Summary.
    pub org: OrgRef,
    /// Every name.
    pub names: Vec<Name>,
    /// Home page.
    pub website: Option<String>,
    /// External ids, labelled, with a link where one exists.
    pub identifiers: Vec<IdentifierView>,
    /// Year founded.
    pub established: Option<i32>,
    /// Markdown notes.
    pub notes: Option<String>,
    /// Coordinates.
    pub location: Option<Location>,
    /// Whether this is the home organisation.
    pub is_home: bool,
    /// Parent, for units.
    pub parent: Option<OrgRef>,
    /// Units of it.
    pub units: Vec<OrgRef>,
    /// Members, for consortia.
    pub members: Vec<OrgRef>,
    /// Consortia it belongs to.
    pub member_of: Vec<OrgRef>,
    /// Agreements it (or a unit of it) is party to.
    pub agreements: Vec<AgreementRow>,
    /// Programmes it takes part in, hosts or administers.
    pub programmes: Vec<ProgrammeRow>,
    /// Funding it provides.
    pub funding: Vec<FundingRow>,
    /// People there.
    pub contacts: Vec<ContactRow>,
}

impl OrganisationView {
    /// Builds the page of `org`.
    pub fn build(lookup: &Lookup<'_>, org: &Organisation) -> Self {
        let ix = lookup.index;
        let units: Vec<&Organisation> = lookup.orgs(ix.children(&org.id)).collect();
        // Everything naming the organisation or one of its units, each once, in id order.
        let involved: Vec<&kizuna_domain::Slug> = std::iter::once(&org.id)
            .chain(units.iter().map(|u| &u.id))
            .collect();
        let positions =
            |of: for<'x> fn(&'x Indexes, &kizuna_domain::Slug) -> &'x [usize]| -> Vec<usize> {
                let set: std::collections::BTreeSet<usize> = involved
                    .iter()
                    .flat_map(|id| of(ix, id).iter().copied())
                    .collect();
                set.into_iter().collect()
            };
        OrganisationView {
            org: lookup
                .org_ref(&org.id)
                .expect("a visible organisation has a reference"),
            names: org.names.clone(),
            website: org.website.clone(),
            identifiers: identifier_views(&org.identifiers),
            established: org.established,
            notes: org.notes.clone(),
            location: org.location,
            is_home: lookup.snapshot.home.as_ref() == Some(&org.id),
            parent: org.parent.as_ref().and_then(|p| lookup.org_ref(p)),
            units: units.iter().filter_map(|u| lookup.org_ref(&u.id)).collect(),
            members: org
                .members
                .iter()
                .filter_map(|m| lookup.org_ref(m))
                .collect(),
            member_of: ix
                .consortia_of(&org.id)
                .iter()
                .filter_map(|c| lookup.org_ref(c))
                .collect(),
            agreements: lookup
                .agreements_at(&positions(Indexes::agreements_of))
                .map(|a| lookup.agreement_row(a))
                .collect(),
            programmes: lookup
                .programmes_at(&positions(Indexes::programmes_of))
                .map(|p| lookup.programme_row(p))
                .collect(),
            funding: lookup
                .funding_at(&positions(Indexes::funding_of))
                .map(|f| lookup.funding_row(f))
                .collect(),
            contacts: lookup
                .contacts_at(&positions(Indexes::contacts_of))
                .map(|c| lookup.contact_row(c))
                .collect(),
        }
    }
}

/// An external identifier as shown.
#[derive(Debug, Clone, Serialize)]
pub struct IdentifierView {
    /// What registry it belongs to.
    pub label: &'static str,
    /// The identifier.
    pub value: String,
    /// Where the registry shows it.
    pub url: Option<String>,
}

fn identifier_views(ids: &kizuna_domain::Identifiers) -> Vec<IdentifierView> {
    let entries: [(&'static str, &Option<String>, Option<&str>); 7] = [
        ("ROR", &ids.ror, Some("https://ror.org/")),
        (
            "Wikidata",
            &ids.wikidata,
            Some("https://www.wikidata.org/wiki/"),
        ),
        ("ISNI", &ids.isni, None),
        ("GRID", &ids.grid, None),
        ("Erasmus code", &ids.erasmus, None),
        ("SCHAC", &ids.schac, None),
        ("PIC", &ids.pic, None),
    ];
    entries
        .into_iter()
        .filter_map(|(label, value, base)| {
            let value = value.clone()?;
            Some(IdentifierView {
                label,
                url: base.map(|b| format!("{b}{value}")),
                value,
            })
        })
        .collect()
}

/// An agreement's page.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementView {
    /// Summary.
    pub agreement: AgreementRow,
    /// Markdown notes.
    pub notes: Option<String>,
    /// Mobility conditions.
    pub conditions: Vec<MobilityCondition>,
    /// The renewal chain, oldest first, this agreement included.
    pub history: Vec<AgreementRow>,
    /// Programmes run under it.
    pub programmes: Vec<ProgrammeRow>,
    /// Funding that belongs to it.
    pub funding: Vec<FundingRow>,
    /// People who handle it.
    pub contacts: Vec<ContactRow>,
}

impl AgreementView {
    /// Builds the page of `a`.
    pub fn build(lookup: &Lookup<'_>, a: &Agreement) -> Self {
        let mut chain = vec![a];
        let mut cursor = a;
        while let Some(prev) = cursor.renews.as_ref().and_then(|r| lookup.agreement(r)) {
            if chain.iter().any(|c| c.id == prev.id) {
                break;
            }
            chain.insert(0, prev);
            cursor = prev;
        }
        cursor = a;
        while let Some(next) = lookup
            .successor(cursor)
            .filter(|n| lookup.agreement(&n.id).is_some())
        {
            if chain.iter().any(|c| c.id == next.id) {
                break;
            }
            chain.push(next);
            cursor = next;
        }
        AgreementView {
            agreement: lookup.agreement_row(a),
            notes: a.notes.clone(),
            conditions: a.conditions.clone(),
            history: if chain.len() > 1 {
                chain.iter().map(|c| lookup.agreement_row(c)).collect()
            } else {
                Vec::new()
            },
            programmes: lookup
                .programmes()
                .filter(|p| p.agreement.as_ref() == Some(&a.id))
                .map(|p| lookup.programme_row(p))
                .collect(),
            funding: lookup
                .funding()
                .filter(|f| f.agreement.as_ref() == Some(&a.id))
                .map(|f| lookup.funding_row(f))
                .collect(),
            contacts: lookup
                .contacts()
                .filter(|c| a.contacts.contains(&c.id) || c.agreements.contains(&a.id))
                .map(|c| lookup.contact_row(c))
                .collect(),
        }
    }
}

/// A programme's page.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeView {
    /// Summary.
    pub programme: ProgrammeRow,
    /// Funding that belongs to it.
    pub funding: Vec<FundingRow>,
    /// People who handle it.
    pub contacts: Vec<ContactRow>,
}

impl ProgrammeView {
    /// Builds the page of `p`.
    pub fn build(lookup: &Lookup<'_>, p: &Programme) -> Self {
        ProgrammeView {
            programme: lookup.programme_row(p),
            funding: lookup
                .funding()
                .filter(|f| f.programme.as_ref() == Some(&p.id))
                .map(|f| lookup.funding_row(f))
                .collect(),
            contacts: lookup
                .contacts()
                .filter(|c| p.contacts.contains(&c.id) || c.programmes.contains(&p.id))
                .map(|c| lookup.contact_row(c))
                .collect(),
        }
    }
}

/// A funding opportunity's page.
#[derive(Debug, Clone, Serialize)]
pub struct FundingView {
    /// Summary.
    pub funding: FundingRow,
}

impl FundingView {
    /// Builds the page of `f`.
    pub fn build(lookup: &Lookup<'_>, f: &FundingOpportunity) -> Self {
        FundingView {
            funding: lookup.funding_row(f),
        }
    }
}
