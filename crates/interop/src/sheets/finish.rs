//! The end of planning: each row's record read and compared with what is
//! stored, then every record checked together against the registry as it
//! would be (the core's rules and references), problems put back on their rows.

use std::collections::{BTreeMap, HashMap};

use kizuna_core::Snapshot;
use kizuna_core::write::dataset_problems;
use kizuna_core::write::scope::{home_units, may, may_all};
use kizuna_domain::{
    Action, Agreement, Collection, Contact, Dataset, Entity, FundingOpportunity, Organisation,
    Programme, Slug, User,
};
use serde_json::Value;

use super::columns::Header;
use super::context::{Context, NewOrganisation};
use super::outcome::{Outcome, RowReport};
use super::row::{CellError, RowBuild};
use super::values::one_line;
use crate::Message;

/// Reads each row's record, compares it with what is stored, and checks the
/// records together against the registry.
pub(super) fn finish<E: Entity + IntoDataset>(
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
            let english = format!("row {earlier} already has the id `{id}`");
            let args = [("row", earlier.to_string()), ("value", id.clone())];
            let args: Vec<(&'static str, &str)> =
                args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            b.error("id", Message::coded("id-twice-in-sheet", &args, english));
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
                problem: problem.problem.clone(),
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
            let english = format!("give a value (a new record needs it){hint}");
            let code = match hint {
                "" => "value-needed",
                _ => "value-needed-or-default",
            };
            row.error(&field, Message::coded(code, &[], english));
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
    let homes = home_units(snapshot, record);
    if !may_all(user, snapshot, action, &homes) {
        let units: Vec<String> = homes.iter().map(|u| format!("`{u}`")).collect();
        let units = units.join(", ");
        let (place, english_place) = if homes.is_empty() {
            ("central", "central records".to_owned())
        } else {
            ("units", format!("records of {units}"))
        };
        let english = format!(
            "{} may not {action} {english_place}",
            user.role.with_article()
        );
        let (role, action) = (user.role.to_string(), action.to_string());
        let args = [
            ("role", role.as_str()),
            ("action", action.as_str()),
            ("place", place),
            ("units", units.as_str()),
        ];
        row.error("id", Message::coded("not-in-scope", &args, english));
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
                let english = format!("adds the partner organisation `{id}` ({name}, {country})");
                let id = id.to_string();
                let args = [("id", id.as_str()), ("name", name), ("country", &country)];
                row.notes
                    .push(Message::coded("adds-partner", &args, english));
                if let Some(user) = user
                    && !may(user, ctx.snapshot, Action::Create, None)
                {
                    let english = format!(
                        "`{name}` is not in the registry, and a {} may not add organisations; ask an admin",
                        user.role
                    );
                    let role = user.role.to_string();
                    let args = [("value", name), ("role", role.as_str())];
                    let error = CellError::new(
                        "partner_name",
                        Message::coded("may-not-add-partner", &args, english),
                    );
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
