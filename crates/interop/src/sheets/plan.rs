//! What importing a sheet would do, row by row, before anything is written:
//! every row is `created`, `changed` (with the fields), `unchanged` or an
//! `error` (with the column and why), checked by the core's rules and
//! references against the registry as it would be afterwards.

use std::collections::{BTreeMap, HashMap};

use kizuna_core::Snapshot;
use kizuna_core::write::dataset_problems;
use kizuna_core::write::scope::{home_unit, may};
use kizuna_domain::{
    Action, Agreement, Collection, Contact, Dataset, Entity, FundingOpportunity, Organisation,
    Programme, Slug, User,
};
use serde::Serialize;
use serde_json::Value;

use super::SheetError;
use super::columns::{Header, Mapping, find_header};
use super::context::{Context, NewOrganisation};
use super::index::{Identity, OrgMatch};
use super::records::build;
use super::row::{CellError, RowBuild, slug};
use super::table::Grid;
use super::values::one_line;

/// What importing one row does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", content = "details", rename_all = "lowercase")]
pub enum Outcome {
    /// A new record.
    Created,
    /// A stored record changes in these fields.
    Changed(Vec<String>),
    /// The row says what is stored.
    Unchanged,
    /// The row cannot be imported, for these reasons.
    Error(Vec<CellError>),
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowReport {
    /// Its row number in the file.
    pub line: usize,
    /// The record's id, when known.
    pub id: Option<String>,
    /// What importing it does.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// What else it does (a partner organisation added with it).
    pub notes: Vec<String>,
}

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
            Ok(id) => Some(id),
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
fn find_existing(ctx: &Context<'_>, row: &RowBuild<'_>) -> Result<Option<Slug>, String> {
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
            OrgMatch::Ambiguous(many) => Err(format!(
                "several organisations have this name ({}); give the id",
                super::context::ids(&many)
            )),
            OrgMatch::Near(near) => Err(format!(
                "is this {}? Give its id to change it, or an id of its own to add it as another organisation",
                near.iter()
                    .map(|(id, n)| format!("`{n}` ({id})"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            )),
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
        many => Err(format!(
            "several {collection} are called `{title}` ({}); give the id",
            super::context::ids(many)
        )),
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
            "give a value (a new record needs it)",
        ),
    }
}

/// Reads each row's record, compares it with what is stored, and checks the
/// records together against the registry.
fn finish<E: Entity + IntoDataset>(
    ctx: &mut Context<'_>,
    header: &Header,
    builds: Vec<RowBuild<'_>>,
    user: Option<&User>,
) -> (Vec<RowReport>, Dataset) {
    let headers: BTreeMap<&str, &str> = (header.columns.iter())
        .filter_map(|c| Some((c.field?, c.header.as_str())))
        .collect();
    let mut rows = Vec::with_capacity(builds.len());
    let mut data = Dataset::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut at_line: HashMap<String, usize> = HashMap::new();
    for mut b in builds {
        let id = b.get(&["id"]).and_then(Value::as_str).map(str::to_owned);
        if let Some(id) = &id
            && let Some(earlier) = seen.insert(id.clone(), b.line)
        {
            b.error("id", format!("row {earlier} already has the id `{id}`"));
        }
        let mut outcome = Outcome::Error(Vec::new());
        if b.errors.is_empty() {
            match serde_json::from_value::<E>(Value::Object(b.doc.clone())) {
                Ok(mut record) => {
                    record.normalise();
                    outcome = compare(&record, b.stored.as_ref());
                    if let Some(user) = user {
                        check_scope(ctx.snapshot, user, &record, b.stored.is_some(), &mut b);
                    }
                    if matches!(outcome, Outcome::Created | Outcome::Changed(_)) {
                        at_line.insert(format!("{}.{}", E::COLLECTION, record.id()), b.line);
                        record.push_to(&mut data);
                    }
                }
                Err(e) => serde_problem(&mut b, &e.to_string()),
            }
        }
        if !b.errors.is_empty() {
            outcome = Outcome::Error(std::mem::take(&mut b.errors));
        }
        rows.push(RowReport {
            line: b.line,
            id,
            outcome,
            notes: std::mem::take(&mut b.notes),
        });
    }
    // Rows by their row number (file order, so each number once).
    let index: HashMap<usize, usize> = rows.iter().enumerate().map(|(i, r)| (r.line, i)).collect();
    add_new_orgs(ctx, &mut data, &mut rows, &index, &mut at_line, user);
    for problem in dataset_problems(ctx.snapshot, &mut data).0 {
        let mut parts = problem.field.splitn(3, '.');
        let (collection, id, field) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        let lines: Vec<usize> = match ctx.new_orgs.get(
            &id.parse::<Slug>()
                .unwrap_or_else(|_| "x".parse().expect("a slug")),
        ) {
            Some(new)
                if collection == "organisations" && E::COLLECTION != Collection::Organisations =>
            {
                new.lines.clone()
            }
            _ => at_line
                .get(&format!("{collection}.{id}"))
                .into_iter()
                .copied()
                .collect(),
        };
        for line in lines {
            let Some(row) = index.get(&line).map(|i| &mut rows[*i]) else {
                continue;
            };
            let column = column_of(E::COLLECTION, field);
            let header = headers.get(column).copied().unwrap_or(column).to_owned();
            let error = CellError {
                column: header,
                message: problem.message.clone(),
            };
            match &mut row.outcome {
                Outcome::Error(errors) => errors.push(error),
                other => *other = Outcome::Error(vec![error]),
            }
        }
    }
    (rows, data)
}

/// The column that holds a record field named in a core problem.
fn column_of(collection: Collection, field: &str) -> &'static str {
    let top = field.split(['.', '[']).next().unwrap_or_default();
    match (collection, top) {
        (_, "parties") => "partner",
        (_, "conditions") => "places_out",
        (_, "names") => "name",
        (_, "location") => "lat",
        (Collection::Organisations, "identifiers") => {
            let key = field.rsplit('.').next().unwrap_or_default();
            super::columns::fields_static(key).unwrap_or("id")
        }
        (_, other) => super::columns::fields_static(other).unwrap_or(
            if collection == Collection::Organisations || collection == Collection::Contacts {
                "name"
            } else {
                "title"
            },
        ),
    }
}

/// A row serde refused: a missing required field, as a request to fill it.
fn serde_problem(row: &mut RowBuild<'_>, message: &str) {
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
        .map(str::to_owned);
    match missing {
        Some(field) => {
            let hint = match field.as_str() {
                "kind" | "level" => " (or set it for every new row in a mapping file's [defaults])",
                _ => "",
            };
            row.error(
                &field,
                format!("give a value (a new record needs it){hint}"),
            );
        }
        None => row.error("id", one_line(message)),
    }
}

fn compare<E: Entity>(record: &E, stored: Option<&Value>) -> Outcome {
    let Some(stored) = stored else {
        return Outcome::Created;
    };
    let mut now = serde_json::to_value(record).expect("records serialise");
    let mut before = stored.clone();
    for doc in [&mut now, &mut before] {
        if let Some(map) = doc.as_object_mut() {
            map.remove("created_at");
            map.remove("updated_at");
        }
    }
    if now == before {
        return Outcome::Unchanged;
    }
    let keys: std::collections::BTreeSet<&String> =
        (now.as_object().into_iter().flat_map(|m| m.keys()))
            .chain(before.as_object().into_iter().flat_map(|m| m.keys()))
            .collect();
    let mut fields = Vec::new();
    for key in keys {
        let (a, b) = (
            now.get(key).filter(|v| !v.is_null()),
            before.get(key).filter(|v| !v.is_null()),
        );
        if a == b {
            continue;
        }
        match (key.as_str(), a, b) {
            ("identifiers", a, b) => {
                let empty = serde_json::Map::new();
                let (a, b) = (
                    a.and_then(Value::as_object).unwrap_or(&empty),
                    b.and_then(Value::as_object).unwrap_or(&empty),
                );
                for k in a.keys().chain(b.keys()) {
                    if a.get(k) != b.get(k) && !fields.contains(k) {
                        fields.push(k.clone());
                    }
                }
            }
            ("parties", ..) => fields.push("partner".to_owned()),
            ("conditions", ..) => fields.push("conditions".to_owned()),
            ("location", ..) => fields.push("lat/lng".to_owned()),
            (other, ..) => fields.push(other.to_owned()),
        }
    }
    Outcome::Changed(fields)
}

fn check_scope<E: Entity>(
    snapshot: &Snapshot,
    user: &User,
    record: &E,
    update: bool,
    row: &mut RowBuild<'_>,
) {
    let action = if update {
        Action::Update
    } else {
        Action::Create
    };
    let home = home_unit(snapshot, record);
    if !may(user, snapshot, action, home.as_ref()) {
        let place = home
            .map(|u| format!("records of `{u}`"))
            .unwrap_or_else(|| "central records".to_owned());
        row.error("id", format!("a {} may not {action} {place}", user.role));
    }
}

/// Adds the partner organisations the sheet creates, noting each on its rows.
fn add_new_orgs(
    ctx: &Context<'_>,
    data: &mut Dataset,
    rows: &mut [RowReport],
    index: &HashMap<usize, usize>,
    at_line: &mut HashMap<String, usize>,
    user: Option<&User>,
) {
    for (id, NewOrganisation { record, lines }) in &ctx.new_orgs {
        let name = record.display_name();
        let country = record.country.map(|c| c.to_string()).unwrap_or_default();
        for line in lines {
            if let Some(row) = index.get(line).map(|i| &mut rows[*i]) {
                row.notes.push(format!(
                    "adds the partner organisation `{id}` ({name}, {country})"
                ));
                if let Some(user) = user
                    && !may(user, ctx.snapshot, Action::Create, None)
                {
                    let error = CellError {
                        column: "partner_name".into(),
                        message: format!(
                            "`{name}` is not in the registry, and a {} may not add organisations; ask an admin",
                            user.role
                        ),
                    };
                    match &mut row.outcome {
                        Outcome::Error(errors) => errors.push(error),
                        other => *other = Outcome::Error(vec![error]),
                    }
                }
            }
        }
        at_line
            .entry(format!("organisations.{id}"))
            .or_insert(lines[0]);
        data.organisations.push(record.clone());
    }
}

/// Puts a record in its place in a dataset.
pub trait IntoDataset {
    /// Adds the record to `data`.
    fn push_to(self, data: &mut Dataset);
}

impl IntoDataset for Organisation {
    fn push_to(self, data: &mut Dataset) {
        data.organisations.push(self);
    }
}
impl IntoDataset for Agreement {
    fn push_to(self, data: &mut Dataset) {
        data.agreements.push(self);
    }
}
impl IntoDataset for Programme {
    fn push_to(self, data: &mut Dataset) {
        data.programmes.push(self);
    }
}
impl IntoDataset for FundingOpportunity {
    fn push_to(self, data: &mut Dataset) {
        data.funding.push(self);
    }
}
impl IntoDataset for Contact {
    fn push_to(self, data: &mut Dataset) {
        data.contacts.push(self);
    }
}
