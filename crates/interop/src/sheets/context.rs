//! What every row of one import shares: the registry as it is, the indexes
//! that find records by name, the ids this sheet takes, and the partner
//! organisations it creates (once each, however many rows name them).

use std::collections::{BTreeMap, HashSet};

use kizuna_core::Snapshot;
use kizuna_core::write::references::exists;
use kizuna_domain::{
    Collection, CountryCode, Identifiers, Name, NameKind, Organisation, OrganisationKind, Slug,
};

use super::columns::Mapping;
use super::index::{Identity, OrgIndex, OrgMatch, Titles};
use super::row::RowBuild;
use super::values::one_line;
use crate::Message;

/// A partner organisation the sheet creates, and the rows that name it.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    /// The record to create.
    pub record: Organisation,
    /// Rows that name it (errors about it are theirs).
    pub lines: Vec<usize>,
}

/// State shared by the rows of one import.
pub struct Context<'a> {
    /// The registry as it is.
    pub snapshot: &'a Snapshot,
    /// The collection imported.
    pub collection: Collection,
    /// The mapping file, if any.
    pub mapping: &'a Mapping,
    /// Organisations by identifier and name (including those this sheet creates).
    pub orgs: OrgIndex,
    /// Titled records by title.
    pub titles: Titles,
    /// Ids this sheet has given to records, by collection.
    taken: HashSet<(Collection, Slug)>,
    /// Partner organisations this sheet creates.
    pub new_orgs: BTreeMap<Slug, NewOrganisation>,
}

impl<'a> Context<'a> {
    /// A context for importing `collection` into the registry of `snapshot`.
    pub fn new(snapshot: &'a Snapshot, collection: Collection, mapping: &'a Mapping) -> Self {
        Context {
            snapshot,
            collection,
            mapping,
            orgs: OrgIndex::new(snapshot),
            titles: Titles::new(snapshot),
            taken: HashSet::new(),
            new_orgs: BTreeMap::new(),
        }
    }

    /// Whether a record of `collection` has this id, stored or given by this sheet.
    pub fn exists(&self, collection: Collection, id: &Slug) -> bool {
        self.taken.contains(&(collection, id.clone())) || exists(self.snapshot, collection, id)
    }

    /// Notes that this sheet gives a record this id; `false` when a row before did.
    pub fn take(&mut self, collection: Collection, id: &Slug) -> bool {
        self.taken.insert((collection, id.clone()))
    }

    /// A free id for a new record of `collection` called `title`.
    pub fn fresh_id(&self, collection: Collection, title: &str) -> Slug {
        let base = Slug::from_name(title).unwrap_or_else(|| {
            let singular = collection.as_str().trim_end_matches('s');
            singular.parse().expect("collection names are slugs")
        });
        std::iter::once(base.clone())
            .chain((2..).map(|n| {
                format!("{base}-{n}")
                    .parse()
                    .expect("a slug plus -n is a slug")
            }))
            .find(|id| !self.exists(collection, id) && !self.new_orgs.contains_key(id))
            .expect("some suffix is free")
    }

    /// An organisation named by id or, failing that, by its exact name;
    /// the error says what to write instead.
    pub fn org_ref(&self, text: &str) -> Result<Slug, Message> {
        let text = one_line(text);
        // An organisation this sheet adds counts too (a unit and its parent in one sheet).
        if let Ok(id) = text.parse::<Slug>()
            && (self.orgs.exists(&id) || self.exists(Collection::Organisations, &id))
        {
            return Ok(id);
        }
        match self.orgs.named(&text) {
            [one] => Ok(one.clone()),
            [] => Err(Message::coded(
                "no-organisation-named",
                &[("value", &text)],
                format!("no organisation has the id or the name `{text}`"),
            )),
            many => Err(Message::coded(
                "several-named",
                &[
                    ("collection", "organisations"),
                    ("value", &text),
                    ("ids", &ids(many)),
                ],
                format!(
                    "several organisations are called `{text}` ({}); give the id",
                    ids(many)
                ),
            )),
        }
    }

    /// A record of `collection` named by id or by its exact title (a contact: name or e-mail).
    pub fn record_ref(&self, collection: Collection, text: &str) -> Result<Slug, Message> {
        let text = one_line(text);
        if let Ok(id) = text.parse::<Slug>()
            && self.exists(collection, &id)
        {
            return Ok(id);
        }
        let by_email = match collection {
            Collection::Contacts => self.titles.with_email(&text),
            _ => &[],
        };
        let what = collection.as_str().trim_end_matches('s');
        match (by_email, self.titles.titled(collection, &text)) {
            ([one], _) | ([], [one]) => Ok(one.clone()),
            ([], []) => Err(Message::coded(
                "no-record-named",
                &[("what", what), ("value", &text)],
                format!("no {what} has the id or the name `{text}`"),
            )),
            (many, []) | (_, many) => Err(Message::coded(
                "several-named",
                &[
                    ("collection", collection.as_str()),
                    ("value", &text),
                    ("ids", &ids(many)),
                ],
                format!(
                    "several {collection} are called `{text}` ({}); give the id",
                    ids(many)
                ),
            )),
        }
    }

    /// The partner organisation a row describes: found by identifiers or exact
    /// name, else created once (when nothing near it exists). Errors ask the
    /// row for what would settle it.
    pub fn partner(
        &mut self,
        row: &mut RowBuild<'_>,
        identity: Identity,
        name: Option<String>,
        country: Option<CountryCode>,
    ) -> Option<Slug> {
        match self.orgs.find(&identity, name.as_deref(), country) {
            OrgMatch::Found(id) => {
                if let Some(new) = self.new_orgs.get_mut(&id)
                    && !new.lines.contains(&row.line)
                {
                    new.lines.push(row.line);
                }
                Some(id)
            }
            OrgMatch::Conflict(why) => {
                let english = format!("{why}; give the partner's id in `partner`");
                let problem = why.problem.map(|p| kizuna_domain::Problem {
                    code: "partner-identifiers-conflict",
                    ..p
                });
                row.error("partner_name", Message::of_problem(problem, english));
                None
            }
            OrgMatch::Ambiguous(many) => {
                let name = name.unwrap_or_default();
                let english = format!(
                    "several organisations are called `{name}` ({}); give the right one's id in `partner`",
                    ids(&many)
                );
                let args = [("value", name.as_str()), ("ids", &ids(&many))];
                row.error(
                    "partner_name",
                    Message::coded("partner-several-named", &args, english),
                );
                None
            }
            OrgMatch::Near(near) => {
                let name = name.unwrap_or_default();
                let offers: Vec<String> =
                    near.iter().map(|(id, n)| format!("`{n}` ({id})")).collect();
                let english = format!(
                    "no organisation is called `{name}`; is it {}? Confirm by giving its id in `partner`; if it is another institution, add that one first (import it as organisations, with an id)",
                    offers.join(" or ")
                );
                let args = [("value", name.as_str()), ("offers", &offers.join(" / "))];
                row.error(
                    "partner_name",
                    Message::coded("partner-near", &args, english),
                );
                None
            }
            OrgMatch::NotFound => {
                let Some(name) = name else {
                    row.error("partner", Message::coded("partner-unknown-identifiers", &[], "no organisation has these identifiers; give `partner_name` and `partner_country` to add it"));
                    return None;
                };
                let Some(country) = country else {
                    let english =
                        format!("`{name}` is not in the registry; give its country to add it");
                    row.error(
                        "partner_country",
                        Message::coded("partner-country-missing", &[("value", &name)], english),
                    );
                    return None;
                };
                Some(self.create_partner(row.line, identity, name, country))
            }
        }
    }

    fn create_partner(
        &mut self,
        line: usize,
        identity: Identity,
        name: String,
        country: CountryCode,
    ) -> Slug {
        let id = self.fresh_id(Collection::Organisations, &name);
        let record = Organisation {
            id: id.clone(),
            kind: OrganisationKind::Education,
            names: vec![Name {
                value: name,
                lang: None,
                kind: NameKind::Display,
            }],
            country: Some(country),
            city: None,
            location: None,
            parent: None,
            members: Vec::new(),
            website: None,
            identifiers: Identifiers {
                ror: identity.ror,
                erasmus: identity.erasmus,
                schac: identity.schac,
                pic: identity.pic,
                ..Identifiers::default()
            },
            established: None,
            notes: None,
            internal_notes: None,
            visibility: Default::default(),
            created_at: None,
            updated_at: None,
        };
        self.orgs.add(&record);
        self.new_orgs.insert(
            id.clone(),
            NewOrganisation {
                record,
                lines: vec![line],
            },
        );
        id
    }
}

/// Ids as `a`, `b`, `c`.
pub fn ids(ids: &[Slug]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
