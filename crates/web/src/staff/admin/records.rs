//! What the back office needs to know of each kind of record: its form, its
//! words, its public page and how it shows in a list.

use kizuna_core::Snapshot;
use kizuna_domain::{
    Agreement, Contact, Entity, FundingOpportunity, Organisation, Programme, Visibility,
};
use serde::Serialize;
use serde_json::{Value, json};

use super::forms::FormState;
use super::schema::{self, Field};
use super::words::word;
use crate::http::lang::t_with;
use kizuna_core::read::Lookup;
use kizuna_i18n::Arg;

/// A record as a row of a back-office list.
#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    /// Id.
    pub id: String,
    /// Title or name.
    pub title: String,
    /// Kind, as words.
    pub kind: Option<String>,
    /// A line of context (country, partners, funder…).
    pub detail: String,
    /// Derived status word (agreements).
    pub status: Option<String>,
    /// `public` or `internal`.
    pub visibility: String,
    /// The public page, when it has one and is public.
    pub public_url: Option<String>,
    /// Last change, `YYYY-MM-DD`.
    pub updated: Option<String>,
}

/// A kind of record the back office edits.
pub trait AdminRecord: Entity {
    /// "agreement".
    const SINGULAR: &'static str;
    /// "Agreements".
    const PLURAL: &'static str;
    /// The form's fields.
    const FIELDS: &'static [Field];
    /// The field a new id is made from ("title", "name", or "names" for organisations).
    const NAME_FIELD: &'static str;

    /// Every record of the kind, internal ones included.
    fn all(snapshot: &Snapshot) -> Vec<&Self>;

    /// The row in a list.
    fn row(&self, lookup: &Lookup<'_>) -> ListRow;

    /// Where the public sees it.
    fn public_path(&self) -> String;

    /// The record as an agreement, when it is one (for the EWP panel).
    fn as_agreement(&self) -> Option<&Agreement> {
        None
    }

    /// What a new record's form starts with.
    fn blank() -> Value {
        json!({"visibility": "public"})
    }

    /// The public page, if the record is public.
    fn public_url(&self) -> Option<String> {
        (self.audience() == Visibility::Public).then(|| self.public_path())
    }

    /// The name typed into the form, which a new id is made from.
    fn typed_name(state: &FormState) -> String {
        if Self::NAME_FIELD == "names" {
            let rows = state.rows("names");
            let display = rows
                .iter()
                .find(|r| {
                    r.get("kind")
                        .and_then(|k| k.first())
                        .is_some_and(|k| k == "display")
                })
                .or_else(|| rows.first());
            display
                .and_then(|r| r.get("value"))
                .and_then(|v| v.first())
                .cloned()
                .unwrap_or_default()
        } else {
            state.value(Self::NAME_FIELD).to_owned()
        }
    }
}

fn base_row<E: AdminRecord>(record: &E, kind: Option<String>, detail: String) -> ListRow {
    ListRow {
        id: record.id().to_string(),
        title: record.title().to_owned(),
        kind,
        detail,
        status: None,
        visibility: record.visibility().to_string(),
        public_url: record.public_url(),
        updated: record
            .updated_at()
            .map(|t| t.format("%Y-%m-%d").to_string()),
    }
}

fn label(word: impl std::fmt::Display) -> Option<String> {
    Some(super::words::word(&word.to_string()))
}

/// A message that depends on the collection (`admin-records`, `admin-not-found`…),
/// with `extra` values placed.
pub fn by_collection(key: &str, collection: &str, extra: &[(&str, &str)]) -> String {
    let mut args = vec![("collection", Arg::Text(collection.to_owned()))];
    args.extend(extra.iter().map(|(k, v)| (*k, Arg::Text((*v).to_owned()))));
    t_with(key, &args)
}

/// "There is no agreement “x”." in the reader's language.
pub fn not_found(collection: &str, id: &str) -> crate::AppError {
    crate::AppError::NotFound(by_collection("admin-not-found", collection, &[("id", id)]))
}

/// A message with a count (which picks the plural form) and text values placed.
pub fn tx_count(key: &str, count: usize, args: &[(&str, &str)]) -> String {
    let mut all = vec![("count", Arg::Number(count as f64))];
    all.extend(args.iter().map(|(k, v)| (*k, Arg::Text((*v).to_owned()))));
    t_with(key, &all)
}

/// A message with text values placed.
pub fn tx(key: &str, args: &[(&str, &str)]) -> String {
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(k, v)| (*k, Arg::Text((*v).to_owned())))
        .collect();
    t_with(key, &args)
}

impl AdminRecord for Organisation {
    const SINGULAR: &'static str = "organisation";
    const PLURAL: &'static str = "Organisations";
    const FIELDS: &'static [Field] = schema::ORGANISATION;
    const NAME_FIELD: &'static str = "names";

    fn all(snapshot: &Snapshot) -> Vec<&Self> {
        snapshot.organisations.values().map(|o| &**o).collect()
    }

    fn row(&self, lookup: &Lookup<'_>) -> ListRow {
        let mut place: Vec<String> = Vec::new();
        if let Some(p) = self
            .parent
            .as_ref()
            .and_then(|p| lookup.snapshot.organisations.get(p))
        {
            place.push(tx("admin-list-unit-of", &[("name", p.display_name())]));
        }
        place.extend(self.city.clone());
        place.extend(self.country.map(|c| c.name().to_owned()));
        base_row(self, label(self.kind), place.join(" · "))
    }

    fn public_path(&self) -> String {
        format!("/organisations/{}", self.id)
    }

    fn blank() -> Value {
        json!({"visibility": "public", "names": [{"value": "", "lang": null, "kind": "display"}]})
    }
}

impl AdminRecord for Agreement {
    const SINGULAR: &'static str = "agreement";
    const PLURAL: &'static str = "Agreements";
    const FIELDS: &'static [Field] = schema::AGREEMENT;
    const NAME_FIELD: &'static str = "title";

    fn all(snapshot: &Snapshot) -> Vec<&Self> {
        snapshot.agreements.iter().collect()
    }

    fn as_agreement(&self) -> Option<&Agreement> {
        Some(self)
    }

    fn row(&self, lookup: &Lookup<'_>) -> ListRow {
        let names: Vec<String> = self
            .parties
            .iter()
            .filter_map(|p| lookup.snapshot.organisations.get(&p.organisation))
            .map(|o| o.display_name().to_owned())
            .collect();
        let mut row = base_row(
            self,
            label(self.kind),
            format!(
                "{} · {}",
                tx("admin-list-level", &[("level", &word(self.level.as_str()))]),
                names.join(", ")
            ),
        );
        row.status = Some(lookup.status(self).to_string());
        row
    }

    fn public_path(&self) -> String {
        format!("/agreements/{}", self.id)
    }

    fn blank() -> Value {
        let party = json!({"organisation": null, "unit": null, "role": "partner"});
        json!({"visibility": "public", "parties": [party.clone(), party]})
    }
}

impl AdminRecord for Programme {
    const SINGULAR: &'static str = "programme";
    const PLURAL: &'static str = "Programmes";
    const FIELDS: &'static [Field] = schema::PROGRAMME;
    const NAME_FIELD: &'static str = "title";

    fn all(snapshot: &Snapshot) -> Vec<&Self> {
        snapshot.programmes.iter().collect()
    }

    fn row(&self, lookup: &Lookup<'_>) -> ListRow {
        let names: Vec<&str> = self
            .partners
            .iter()
            .filter_map(|p| lookup.snapshot.organisations.get(p))
            .map(|o| o.display_name())
            .collect();
        base_row(self, label(self.kind), names.join(", "))
    }

    fn public_path(&self) -> String {
        format!("/programmes/{}", self.id)
    }
}

impl AdminRecord for FundingOpportunity {
    const SINGULAR: &'static str = "funding opportunity";
    const PLURAL: &'static str = "Funding opportunities";
    const FIELDS: &'static [Field] = schema::FUNDING;
    const NAME_FIELD: &'static str = "title";

    fn all(snapshot: &Snapshot) -> Vec<&Self> {
        snapshot.funding.iter().collect()
    }

    fn row(&self, lookup: &Lookup<'_>) -> ListRow {
        let funder = self
            .funder
            .as_ref()
            .and_then(|f| lookup.snapshot.organisations.get(f))
            .map(|o| tx("admin-list-from", &[("name", o.display_name())]))
            .unwrap_or_default();
        base_row(self, label(self.kind), funder)
    }

    fn public_path(&self) -> String {
        format!("/funding/{}", self.id)
    }
}

impl AdminRecord for Contact {
    const SINGULAR: &'static str = "contact";
    const PLURAL: &'static str = "Contacts";
    const FIELDS: &'static [Field] = schema::CONTACT;
    const NAME_FIELD: &'static str = "name";

    fn all(snapshot: &Snapshot) -> Vec<&Self> {
        snapshot.contacts.iter().collect()
    }

    fn row(&self, lookup: &Lookup<'_>) -> ListRow {
        let mut detail: Vec<String> = self.role.clone().into_iter().collect();
        detail.extend(
            self.organisation
                .as_ref()
                .and_then(|o| lookup.snapshot.organisations.get(o))
                .map(|o| o.display_name().to_owned()),
        );
        base_row(self, None, detail.join(" · "))
    }

    fn public_path(&self) -> String {
        "/contacts".to_owned()
    }

    fn blank() -> Value {
        json!({"visibility": "public", "details_visibility": "public"})
    }
}
