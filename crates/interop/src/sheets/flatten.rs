//! Records as sheet rows: one column per field, lists joined with `; `, an
//! agreement's partners and mobility conditions flattened into columns.
//! [`super::build`] reads the same columns back.

use kizuna_core::Snapshot;
use kizuna_domain::rules::partners;
use kizuna_domain::{
    Agreement, AgreementStatus, Collection, Contact, FundingOpportunity, Name, Organisation,
    PartialDate, Programme, Slug, Visibility,
};

use super::columns::fields;
use super::table::Cell;

/// A sheet to write: its columns and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Column headers (field names).
    pub columns: Vec<&'static str>,
    /// One row per record.
    pub rows: Vec<Vec<Cell>>,
}

fn text(value: impl AsRef<str>) -> Cell {
    Cell::text(value.as_ref())
}

fn opt<T: ToString>(value: &Option<T>) -> Cell {
    value
        .as_ref()
        .map(|v| text(v.to_string()))
        .unwrap_or(Cell::Empty)
}

fn list<T: ToString>(values: &[T]) -> Cell {
    let joined: Vec<String> = values.iter().map(ToString::to_string).collect();
    text(joined.join("; "))
}

fn date(value: &Option<PartialDate>) -> Cell {
    match value {
        Some(PartialDate::Day(d)) => Cell::Date(*d),
        Some(other) => text(other.to_string()),
        None => Cell::Empty,
    }
}

fn number(value: Option<f64>) -> Cell {
    value.map(Cell::Number).unwrap_or(Cell::Empty)
}

fn visibility(v: Visibility) -> Cell {
    text(v.as_str())
}

/// A name as `value (lang, kind)`, or `value (kind)` without a language.
pub fn name_text(name: &Name) -> String {
    match &name.lang {
        Some(lang) => format!("{} ({lang}, {})", name.value, name.kind),
        None => format!("{} ({})", name.value, name.kind),
    }
}

fn sheet<R>(collection: Collection, records: &[R], cell: impl Fn(&R, &str) -> Cell) -> Sheet {
    let columns = fields(collection).to_vec();
    let rows = (records.iter())
        .map(|r| columns.iter().map(|c| cell(r, c)).collect())
        .collect();
    Sheet { columns, rows }
}

/// The organisations sheet.
pub fn organisations(records: &[&Organisation]) -> Sheet {
    sheet(Collection::Organisations, records, |o, field| {
        let ids = &o.identifiers;
        match field {
            "id" => text(o.id.as_str()),
            "name" => text(o.display_name()),
            "kind" => text(o.kind.as_str()),
            "names" => text(o.names.iter().map(name_text).collect::<Vec<_>>().join("; ")),
            "country" => opt(&o.country),
            "city" => opt(&o.city),
            "lat" => number(o.location.map(|l| l.lat)),
            "lng" => number(o.location.map(|l| l.lng)),
            "parent" => opt(&o.parent),
            "members" => list(&o.members),
            "website" => opt(&o.website),
            "ror" => opt(&ids.ror),
            "erasmus" => opt(&ids.erasmus),
            "schac" => opt(&ids.schac),
            "pic" => opt(&ids.pic),
            "wikidata" => opt(&ids.wikidata),
            "isni" => opt(&ids.isni),
            "grid" => opt(&ids.grid),
            "established" => number(o.established.map(f64::from)),
            "notes" => opt(&o.notes),
            "internal_notes" => opt(&o.internal_notes),
            "visibility" => visibility(o.visibility),
            _ => Cell::Empty,
        }
    })
}

/// The partner organisations of an agreement: its parties other than the
/// home side (every party when the registry names no home).
pub fn partner_ids<'a>(snapshot: &'a Snapshot, a: &'a Agreement) -> Vec<&'a Slug> {
    match &snapshot.home {
        Some(home) => partners(a.party_ids(), home, &snapshot.organisations).collect(),
        None => a.party_ids().collect(),
    }
}

/// The flattened mobility conditions of an agreement, by column.
pub fn condition_cell(a: &Agreement, field: &str) -> Cell {
    super::conditions::Flat::of(&a.conditions).cell(field)
}

/// The agreements sheet; `status` gives each one's derived status.
pub fn agreements(
    snapshot: &Snapshot,
    records: &[&Agreement],
    status: impl Fn(&Agreement) -> AgreementStatus,
) -> Sheet {
    sheet(Collection::Agreements, records, |a, field| {
        let partners: Vec<&Organisation> = partner_ids(snapshot, a)
            .into_iter()
            .filter_map(|id| snapshot.organisations.get(id).map(|o| &**o))
            .collect();
        let of_partners = |f: &dyn Fn(&Organisation) -> Option<String>| {
            let values: Vec<String> = partners.iter().filter_map(|o| f(o)).collect();
            list(&values)
        };
        match field {
            "id" => text(a.id.as_str()),
            "title" => text(&a.title),
            "kind" => text(a.kind.as_str()),
            "level" => text(a.level.as_str()),
            "partner" => list(&partner_ids(snapshot, a)),
            "partner_name" => of_partners(&|o| Some(o.display_name().to_owned())),
            "partner_country" => of_partners(&|o| o.country.map(|c| c.to_string())),
            "partner_ror" => of_partners(&|o| o.identifiers.ror.clone()),
            "partner_erasmus" => of_partners(&|o| o.identifiers.erasmus.clone()),
            "partner_pic" => of_partners(&|o| o.identifiers.pic.clone()),
            "partner_schac" => of_partners(&|o| o.identifiers.schac.clone()),
            "home_unit" => opt(&a.home_unit),
            "signed" => Cell::Bool(a.signed),
            "signed_on" => date(&a.signed_on),
            "valid_from" => date(&a.valid_from),
            "valid_until" => date(&a.valid_until),
            "terminated_on" => date(&a.terminated_on),
            "status" => text(status(a).as_str()),
            "renews" => opt(&a.renews),
            "education_levels" => list(&a.education_levels),
            "study_programmes" => list(&a.study_programmes),
            "subject_areas" => list(&a.subject_areas),
            "research_fields" => list(&a.research_fields),
            "contacts" => list(&a.contacts),
            "notes" => opt(&a.notes),
            "internal_notes" => opt(&a.internal_notes),
            "visibility" => visibility(a.visibility),
            other => condition_cell(a, other),
        }
    })
}

/// The programmes sheet.
pub fn programmes(records: &[&Programme]) -> Sheet {
    sheet(Collection::Programmes, records, |p, field| match field {
        "id" => text(p.id.as_str()),
        "title" => text(&p.title),
        "kind" => text(p.kind.as_str()),
        "description" => opt(&p.description),
        "partners" => list(&p.partners),
        "units" => list(&p.units),
        "education_levels" => list(&p.education_levels),
        "recurrence" => opt(&p.recurrence),
        "locations" => list(&p.locations),
        "agreement" => opt(&p.agreement),
        "contacts" => list(&p.contacts),
        "internal_notes" => opt(&p.internal_notes),
        "visibility" => visibility(p.visibility),
        _ => Cell::Empty,
    })
}

/// The funding sheet; yearly deadlines are marked `(yearly)`.
pub fn funding(records: &[&FundingOpportunity]) -> Sheet {
    sheet(Collection::Funding, records, |f, field| match field {
        "id" => text(f.id.as_str()),
        "title" => text(&f.title),
        "kind" => text(f.kind.as_str()),
        "funder" => opt(&f.funder),
        "career_stages" => list(&f.career_stages),
        "destination_countries" => list(&f.destination_countries),
        "eligibility" => opt(&f.eligibility),
        "deadlines" => {
            let items: Vec<String> = (f.deadlines.iter())
                .map(|d| match d.yearly {
                    true => format!("{} (yearly)", d.date.format("%Y-%m-%d")),
                    false => d.date.format("%Y-%m-%d").to_string(),
                })
                .collect();
            list(&items)
        }
        "amount" => opt(&f.amount),
        "url" => opt(&f.url),
        "programme" => opt(&f.programme),
        "agreement" => opt(&f.agreement),
        "visibility" => visibility(f.visibility),
        _ => Cell::Empty,
    })
}

/// The contacts sheet.
pub fn contacts(records: &[&Contact]) -> Sheet {
    sheet(Collection::Contacts, records, |c, field| match field {
        "id" => text(c.id.as_str()),
        "name" => text(&c.name),
        "role" => opt(&c.role),
        "organisation" => opt(&c.organisation),
        "unit" => opt(&c.unit),
        "email" => opt(&c.email),
        "phone" => opt(&c.phone),
        "details_visibility" => visibility(c.details_visibility),
        "countries" => list(&c.countries),
        "agreements" => list(&c.agreements),
        "programmes" => list(&c.programmes),
        "visibility" => visibility(c.visibility),
        _ => Cell::Empty,
    })
}
