//! Who to ask about a record: the rule every page that ends in "how to apply"
//! follows, so a reader is never left with "Not recorded".
//!
//! An agreement's own contacts, else the contacts of its home unit, else
//! those covering a partner's country, else the office's mailbox. Funding
//! asks through the agreement or programme it belongs to, then the
//! countries it takes you to.

use std::collections::BTreeSet;

use kizuna_domain::{Agreement, Contact, CountryCode, FundingOpportunity, Slug};
use serde::Serialize;

use super::Lookup;
use super::rows::ContactRow;

/// Why these people (or the mailbox) are the ones to ask.
/// Most people named on one record's page: a country's contacts can run to
/// hundreds in a large registry, and a page costs what it shows.
const MOST_PEOPLE: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AskReason {
    /// They handle the record itself.
    Record,
    /// They handle the agreement the record belongs to.
    Agreement,
    /// They handle the programme the record belongs to.
    Programme,
    /// They work at the unit that administers it.
    Unit,
    /// They cover the partner's (or destination's) country.
    Country,
    /// Nobody is recorded: the international office's mailbox.
    Office,
    /// Nobody is recorded and no mailbox is configured.
    Nobody,
}

/// The people (or the mailbox) to ask about a record.
#[derive(Debug, Clone, Serialize)]
pub struct WhoToAsk {
    /// Why them.
    pub reason: AskReason,
    /// The people, best first; empty for the office or nobody.
    pub contacts: Vec<ContactRow>,
    /// How many more people the rule found than are listed (the contacts page has them all).
    pub more: usize,
    /// The office's mailbox, when nobody else is recorded.
    pub office_email: Option<String>,
    /// What they were found through (the unit's or countries' names), for the wording.
    pub through: Vec<String>,
}

impl WhoToAsk {
    fn people(reason: AskReason, lookup: &Lookup<'_>, people: Vec<&Contact>) -> Option<Self> {
        (!people.is_empty()).then(|| WhoToAsk {
            reason,
            more: people.len().saturating_sub(MOST_PEOPLE),
            contacts: people
                .into_iter()
                .take(MOST_PEOPLE)
                .map(|c| lookup.contact_row(c))
                .collect(),
            office_email: None,
            through: Vec::new(),
        })
    }

    fn office(office_email: Option<&str>) -> Self {
        let office_email = office_email
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned);
        WhoToAsk {
            reason: if office_email.is_some() {
                AskReason::Office
            } else {
                AskReason::Nobody
            },
            contacts: Vec::new(),
            more: 0,
            office_email,
            through: Vec::new(),
        }
    }

    fn through(mut self, names: Vec<String>) -> Self {
        self.through = names;
        self
    }
}

/// People who handle the agreement: listed on it, or listing it.
fn agreement_contacts<'a>(lookup: &Lookup<'a>, a: &Agreement) -> Vec<&'a Contact> {
    lookup
        .contacts()
        .filter(|c| a.contacts.contains(&c.id) || c.agreements.contains(&a.id))
        .collect()
}

/// People at a unit (its own contacts, not its parent's).
fn unit_contacts<'a>(lookup: &Lookup<'a>, unit: &Slug) -> Vec<&'a Contact> {
    lookup
        .contacts_at(lookup.index.contacts_of(unit))
        .filter(|c| c.unit.as_ref() == Some(unit) || c.organisation.as_ref() == Some(unit))
        .collect()
}

/// People covering any of the countries, each once, in registry order.
fn country_contacts<'a>(
    lookup: &Lookup<'a>,
    countries: &BTreeSet<CountryCode>,
) -> Vec<&'a Contact> {
    let mut at: Vec<usize> = countries
        .iter()
        .flat_map(|cc| lookup.index.contacts_in_country(*cc).iter().copied())
        .collect();
    at.sort_unstable();
    at.dedup();
    lookup.contacts_at(&at).collect()
}

fn country_names(lookup: &Lookup<'_>, countries: &BTreeSet<CountryCode>) -> Vec<String> {
    countries
        .iter()
        .map(|c| lookup.country_name(*c).to_owned())
        .collect()
}

/// Whom to ask about agreement `a`, by the rule in the module documentation.
pub fn about_agreement(lookup: &Lookup<'_>, a: &Agreement, office_email: Option<&str>) -> WhoToAsk {
    if let Some(found) = WhoToAsk::people(AskReason::Record, lookup, agreement_contacts(lookup, a))
    {
        return found;
    }
    if let Some(unit) = a.home_unit.as_ref().and_then(|u| lookup.org(u))
        && let Some(found) =
            WhoToAsk::people(AskReason::Unit, lookup, unit_contacts(lookup, &unit.id))
    {
        return found.through(vec![lookup.org_name(unit).to_owned()]);
    }
    let countries: BTreeSet<CountryCode> = lookup
        .partner_countries(a.party_ids())
        .into_iter()
        .collect();
    if let Some(found) = WhoToAsk::people(
        AskReason::Country,
        lookup,
        country_contacts(lookup, &countries),
    ) {
        return found.through(country_names(lookup, &countries));
    }
    WhoToAsk::office(office_email)
}

/// Whom to ask about funding `f`: the people of its agreement or programme,
/// else those covering its destinations, else the office.
pub fn about_funding(
    lookup: &Lookup<'_>,
    f: &FundingOpportunity,
    office_email: Option<&str>,
) -> WhoToAsk {
    if let Some(a) = f.agreement.as_ref().and_then(|id| lookup.agreement(id))
        && let Some(found) =
            WhoToAsk::people(AskReason::Agreement, lookup, agreement_contacts(lookup, a))
    {
        return found.through(vec![a.title.clone()]);
    }
    if let Some(p) = f.programme.as_ref().and_then(|id| lookup.programme(id)) {
        let people: Vec<&Contact> = lookup
            .contacts()
            .filter(|c| p.contacts.contains(&c.id) || c.programmes.contains(&p.id))
            .collect();
        if let Some(found) = WhoToAsk::people(AskReason::Programme, lookup, people) {
            return found.through(vec![p.title.clone()]);
        }
    }
    let countries: BTreeSet<CountryCode> = f.destination_countries.iter().copied().collect();
    if let Some(found) = WhoToAsk::people(
        AskReason::Country,
        lookup,
        country_contacts(lookup, &countries),
    ) {
        return found.through(country_names(lookup, &countries));
    }
    WhoToAsk::office(office_email)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Snapshot;
    use kizuna_domain::{Dataset, StatusContext};

    fn japan() -> Snapshot {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/japan.toml"
        ))
        .expect("data/japan.toml is in the repository");
        let data: Dataset = toml::from_str(&text).expect("data/japan.toml parses");
        Snapshot::from_dataset(&data, 1)
    }

    fn ctx() -> StatusContext {
        StatusContext {
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            expiring_window_days: 180,
        }
    }

    fn contact(id: &str, unit: Option<&str>, countries: &[&str], agreements: &[&str]) -> Contact {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": id, "organisation": "ki", "unit": unit,
            "countries": countries, "agreements": agreements, "visibility": "public"
        }))
        .unwrap()
    }

    fn ask(s: &Snapshot, id: &str, office: Option<&str>) -> WhoToAsk {
        let lookup = Lookup::new(s, ctx(), true);
        let a = s.agreements.iter().find(|a| a.id.as_str() == id).unwrap();
        about_agreement(&lookup, a, office)
    }

    fn ids(w: &WhoToAsk) -> Vec<&str> {
        w.contacts.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn the_agreement_first_then_its_unit_then_the_country_then_the_office() {
        let mut s = japan();
        let exchange = s
            .agreements
            .iter_mut()
            .find(|a| a.id.as_str() == "tmu-student-exchange")
            .unwrap();
        exchange.home_unit = Some("cmb".parse().unwrap());
        // The Japan dataset: two people cover Japan.
        let w = ask(&s, "tmu-student-exchange", Some("office@ki.se"));
        assert_eq!(w.reason, AskReason::Country);
        assert_eq!(ids(&w), ["lotta-lundqvist", "per-nilsson"]);
        assert_eq!(w.through, ["Japan"]);

        s.contacts
            .push(contact("unit-person", Some("cmb"), &[], &[]));
        s.invalidate();
        let w = ask(&s, "tmu-student-exchange", None);
        assert_eq!(w.reason, AskReason::Unit);
        assert_eq!(ids(&w), ["unit-person"]);

        s.contacts
            .push(contact("own-person", None, &[], &["tmu-student-exchange"]));
        s.invalidate();
        let w = ask(&s, "tmu-student-exchange", None);
        assert_eq!(w.reason, AskReason::Record);
        assert_eq!(ids(&w), ["own-person"]);
    }

    #[test]
    fn a_page_names_a_few_people_and_counts_the_rest() {
        let mut s = japan();
        for n in 0..20 {
            s.contacts
                .push(contact(&format!("jp-{n:02}"), None, &["JP"], &[]));
        }
        s.invalidate();
        let w = ask(&s, "tmu-student-exchange", None);
        assert_eq!(w.reason, AskReason::Country);
        assert_eq!(w.contacts.len(), MOST_PEOPLE);
        assert_eq!(
            w.more,
            22 - MOST_PEOPLE,
            "the Japan dataset's two and the twenty added"
        );
    }

    #[test]
    fn without_anyone_recorded_the_office_mailbox_is_asked() {
        let mut s = japan();
        s.contacts.clear();
        s.invalidate();
        let w = ask(&s, "riken-phd-exchange", Some(" international@ki.se "));
        assert_eq!(w.reason, AskReason::Office);
        assert_eq!(w.office_email.as_deref(), Some("international@ki.se"));
        assert!(w.contacts.is_empty());
        let w = ask(&s, "riken-phd-exchange", Some(""));
        assert_eq!(w.reason, AskReason::Nobody);
        assert_eq!(w.office_email, None);
    }

    #[test]
    fn internal_contacts_are_never_who_the_public_asks() {
        let mut s = japan();
        for c in &mut s.contacts {
            c.visibility = kizuna_domain::Visibility::Internal;
        }
        let w = ask(&s, "tmu-student-exchange", Some("office@ki.se"));
        assert_eq!(w.reason, AskReason::Office);
    }

    #[test]
    fn funding_asks_through_its_agreement_then_its_destinations() {
        let mut s = japan();
        let lookup = Lookup::new(&s, ctx(), true);
        let award = s
            .funding
            .iter()
            .find(|f| f.id.as_str() == "ki-utokyo-travel-award");
        let w = about_funding(&lookup, award.unwrap(), None);
        assert_eq!(w.reason, AskReason::Country);
        assert_eq!(ids(&w), ["lotta-lundqvist", "per-nilsson"]);
        s.contacts
            .push(contact("trio-person", None, &[], &["trio-utokyo-spa-2022"]));
        s.invalidate();
        let lookup = Lookup::new(&s, ctx(), true);
        let award = s
            .funding
            .iter()
            .find(|f| f.id.as_str() == "ki-utokyo-travel-award");
        let w = about_funding(&lookup, award.unwrap(), None);
        assert_eq!(w.reason, AskReason::Agreement);
        assert_eq!(ids(&w), ["trio-person"]);
    }
}
