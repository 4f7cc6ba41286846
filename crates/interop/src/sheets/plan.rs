//! What importing a sheet would do, row by row, before anything is written:
//! every row is `created`, `changed` (with the fields), `unchanged` or an
//! `error` (with the column and why), checked by the core's rules and
//! references against the registry as it would be afterwards.

use kizuna_core::Snapshot;
use kizuna_domain::{
    Agreement, Collection, Contact, Dataset, Entity, FundingOpportunity, Organisation, Programme,
    Slug, User,
};
use serde::Serialize;
use serde_json::Value;

use super::SheetError;
use super::columns::{Header, Mapping, find_header};
use super::context::Context;
use super::finish::finish;
use super::index::{Identity, OrgMatch};
use super::records::build;
use super::row::{RowBuild, slug};
use super::table::Grid;
use crate::Message;

pub use super::outcome::{Outcome, RowReport};

/// What importing a sheet would do, and the records to write when nothing is wrong.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The collection imported.
    pub collection: Collection,
    /// The header row and what each column means.
    pub header: Header,
    /// Every data row, in file order.
    pub rows: Vec<RowReport>,
    /// The records to create or change (partner organisations included).
    pub changes: Dataset,
}

/// How many rows of each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Rows creating a record.
    pub created: usize,
    /// Rows changing one.
    pub changed: usize,
    /// Rows that change nothing.
    pub unchanged: usize,
    /// Rows that cannot be imported.
    pub errors: usize,
}

impl Plan {
    /// Rows by outcome.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for row in &self.rows {
            match row.outcome {
                Outcome::Created => counts.created += 1,
                Outcome::Changed(_) => counts.changed += 1,
                Outcome::Unchanged => counts.unchanged += 1,
                Outcome::Error(_) => counts.errors += 1,
            }
        }
        counts
    }

    /// Whether any row is an error (then nothing may be written).
    pub fn has_errors(&self) -> bool {
        self.counts().errors > 0
    }
}

/// Works out what importing `grid` into `collection` would do. `user`, when
/// given, must be allowed each change (an operator's command line gives none).
pub fn plan(
    grid: &Grid,
    collection: Collection,
    mapping: &Mapping,
    snapshot: &Snapshot,
    user: Option<&User>,
) -> Result<Plan, SheetError> {
    let header = find_header(grid, collection, mapping)?;
    let mut ctx = Context::new(snapshot, collection, mapping);
    let mut builds = Vec::new();
    for row in grid.rows.iter().filter(|r| r.line > header.line) {
        let mut build_row = RowBuild::new(&header, row);
        if !build_row.has_data() {
            continue;
        }
        start(&mut ctx, &mut build_row);
        if build_row.errors.is_empty() {
            build(&mut ctx, &mut build_row);
            name_new_record(&mut ctx, &mut build_row);
        }
        builds.push(build_row);
    }
    if builds.is_empty() {
        return Err(SheetError::NoRows);
    }
    let (rows, changes) = match collection {
        Collection::Organisations => finish::<Organisation>(&mut ctx, &header, builds, user),
        Collection::Agreements => finish::<Agreement>(&mut ctx, &header, builds, user),
        Collection::Programmes => finish::<Programme>(&mut ctx, &header, builds, user),
        Collection::Funding => finish::<FundingOpportunity>(&mut ctx, &header, builds, user),
        Collection::Contacts => finish::<Contact>(&mut ctx, &header, builds, user),
    };
    Ok(Plan {
        collection,
        header,
        rows,
        changes,
    })
}

/// Decides which record the row is: the one its `id` names, else the one
/// its identifiers, name or title find; loads that record or starts a new one.
fn start(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    let collection = ctx.collection;
    let id = match row.value("id").cloned() {
        Some(cell) => match slug(&cell) {
            Ok(id) => {
                // Taken, so that no row without an id is given it too.
                ctx.take(collection, &id);
                Some(id)
            }
            Err(e) => return row.error("id", e),
        },
        None => match find_existing(ctx, row) {
            Ok(found) => found,
            Err(message) => {
                let column = if collection == Collection::Contacts {
                    "name"
                } else {
                    title_field(collection)
                };
                return row.error(column, message);
            }
        },
    };
    let stored = id
        .as_ref()
        .and_then(|id| stored_doc(ctx.snapshot, collection, id));
    match (id, stored) {
        (Some(id), Some(doc)) => {
            row.start_from(doc);
            row.set(&["id"], Value::String(id.to_string()));
        }
        (id, None) => {
            row.default_to(&ctx.mapping.defaults);
            if let Some(id) = id {
                row.set(&["id"], Value::String(id.to_string()));
            }
        }
        (None, Some(_)) => unreachable!("a stored record has an id"),
    }
}

fn title_field(collection: Collection) -> &'static str {
    match collection {
        Collection::Organisations | Collection::Contacts => "name",
        _ => "title",
    }
}

/// The stored record a row without an id describes, if any.
fn find_existing(ctx: &Context<'_>, row: &RowBuild<'_>) -> Result<Option<Slug>, Message> {
    let collection = ctx.collection;
    if collection == Collection::Organisations {
        let text = |f: &str| row.text(f);
        let identity = Identity {
            ror: text("ror").and_then(|t| super::values::normalise_ror(&t).ok()),
            erasmus: text("erasmus").and_then(|t| super::values::normalise_erasmus(&t).ok()),
            pic: row
                .value("pic")
                .and_then(|c| super::values::parse_pic(c).ok()),
            schac: text("schac").map(|t| t.to_lowercase()),
        };
        let country = row
            .value("country")
            .and_then(|c| super::row::country(c).ok());
        return match ctx.orgs.find(&identity, text("name").as_deref(), country) {
            OrgMatch::Found(id) => Ok(Some(id)),
            OrgMatch::NotFound => Ok(None),
            OrgMatch::Ambiguous(many) => {
                let ids = super::context::ids(&many);
                let english = format!("several organisations have this name ({ids}); give the id");
                Err(Message::coded("name-ambiguous", &[("ids", &ids)], english))
            }
            OrgMatch::Near(near) => {
                let offers: Vec<String> =
                    near.iter().map(|(id, n)| format!("`{n}` ({id})")).collect();
                let english = format!(
                    "is this {}? Give its id to change it, or an id of its own to add it as another organisation",
                    offers.join(" or ")
                );
                let offers = offers.join(" / ");
                Err(Message::coded("name-near", &[("offers", &offers)], english))
            }
            OrgMatch::Conflict(why) => Err(why),
        };
    }
    if collection == Collection::Contacts
        && let Some(email) = row.text("email")
        && let [one] = ctx.titles.with_email(&email)
    {
        return Ok(Some(one.clone()));
    }
    let Some(title) = row.text(title_field(collection)) else {
        return Ok(None);
    };
    match ctx.titles.titled(collection, &title) {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        many => {
            let ids = super::context::ids(many);
            let english = format!("several {collection} are called `{title}` ({ids}); give the id");
            Err(Message::coded(
                "several-named",
                &[
                    ("collection", collection.as_str()),
                    ("value", &title),
                    ("ids", &ids),
                ],
                english,
            ))
        }
    }
}

fn stored_doc(snapshot: &Snapshot, collection: Collection, id: &Slug) -> Option<Value> {
    fn of<E: Entity>(list: &[E], id: &Slug) -> Option<Value> {
        let at = list.binary_search_by(|r| r.id().cmp(id)).ok()?;
        serde_json::to_value(&list[at]).ok()
    }
    match collection {
        Collection::Organisations => snapshot
            .organisations
            .get(id)
            .and_then(|o| serde_json::to_value(&**o).ok()),
        Collection::Agreements => of(&snapshot.agreements, id),
        Collection::Programmes => of(&snapshot.programmes, id),
        Collection::Funding => of(&snapshot.funding, id),
        Collection::Contacts => of(&snapshot.contacts, id),
    }
}

/// Gives a new record without an id one from its title or name.
fn name_new_record(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    if row.get(&["id"]).is_some() {
        return;
    }
    let title = row
        .get(&[title_field(ctx.collection)])
        .and_then(Value::as_str)
        .map(str::to_owned);
    let title = title.or_else(|| {
        let names = row.get(&["names"])?.as_array()?;
        names.first()?.get("value")?.as_str().map(str::to_owned)
    });
    match title {
        Some(title) => {
            let id = ctx.fresh_id(ctx.collection, &title);
            ctx.take(ctx.collection, &id);
            row.set(&["id"], Value::String(id.to_string()));
        }
        None => row.error(
            title_field(ctx.collection),
            Message::coded("value-needed", &[], "give a value (a new record needs it)"),
        ),
    }
}
