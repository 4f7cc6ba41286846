//! An agreement's parties from the partner columns: by id in `partner`, or
//! by identifiers and name (found, asked about, or added once).

use kizuna_domain::rules::is_home_side;
use kizuna_domain::{Party, Slug};

use super::context::Context;
use super::index::Identity;
use super::row::RowBuild;
use super::table::Cell;
use super::values::{normalise_erasmus, normalise_ror, parse_pic, split_list};
use crate::Message;

/// Columns that name an agreement's partner.
const PARTNER_COLUMNS: [&str; 6] = [
    "partner",
    "partner_name",
    "partner_ror",
    "partner_erasmus",
    "partner_pic",
    "partner_schac",
];

/// The parties: the home side as stored (or the home organisation) and the
/// partners the row names; unchanged when it names the stored partners.
pub(super) fn parties(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    if PARTNER_COLUMNS.iter().all(|c| row.value(c).is_none()) {
        if row.stored.is_none() {
            row.error(
                "partner",
                Message::coded(
                    "partner-missing",
                    &[],
                    "give the partner: its id in `partner`, or `partner_name` and `partner_country`",
                ),
            );
        }
        return;
    }
    let errors = row.errors.len();
    let partners = partner_ids(ctx, row);
    if row.errors.len() > errors {
        return;
    }
    let stored: Vec<Party> = (row.get(&["parties"]).cloned())
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let orgs = &ctx.snapshot.organisations;
    let home = ctx.snapshot.home.as_ref();
    let home_side = |p: &Party| home.is_some_and(|h| is_home_side(&p.organisation, h, orgs));
    let mut was: Vec<&Slug> = stored
        .iter()
        .filter(|p| !home_side(p))
        .map(|p| &p.organisation)
        .collect();
    let mut now: Vec<&Slug> = partners.iter().collect();
    was.sort();
    was.dedup();
    now.sort();
    now.dedup();
    if was == now {
        return;
    }
    let mut parties: Vec<Party> = stored.iter().filter(|p| home_side(p)).cloned().collect();
    if parties.is_empty() {
        let Some(home) = home else {
            row.error(
                "partner",
                Message::coded(
                    "no-home-organisation",
                    &[],
                    "the registry names no home organisation, so this agreement's own side is unknown",
                ),
            );
            return;
        };
        parties.push(Party {
            organisation: home.clone(),
            unit: None,
            role: Default::default(),
        });
    }
    for id in partners {
        if parties.iter().any(|p| p.organisation == id) {
            continue;
        }
        let kept = stored.iter().find(|p| p.organisation == id).cloned();
        parties.push(kept.unwrap_or(Party {
            organisation: id,
            unit: None,
            role: Default::default(),
        }));
    }
    row.set(
        &["parties"],
        serde_json::to_value(parties).expect("parties serialise"),
    );
}

/// The partners a row names: by id in `partner`, else by identifiers and
/// name (lists in these columns go together item by item).
fn partner_ids(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) -> Vec<Slug> {
    let mut found = Vec::new();
    let mut name_from_partner = None;
    if let Some(cell) = row.value("partner").cloned() {
        let items = split_list(&cell, false);
        for item in &items {
            match item.parse::<Slug>() {
                Ok(id) if ctx.orgs.exists(&id) => found.push(id),
                _ if items.len() == 1 && row.value("partner_name").is_none() => {
                    name_from_partner = Some(item.clone());
                }
                _ => row.error(
                    "partner",
                    Message::coded(
                        "not-an-organisation-id",
                        &[("value", item)],
                        format!("`{item}` is not the id of an organisation"),
                    ),
                ),
            }
        }
        if name_from_partner.is_none() {
            return found;
        }
    }
    let list = |row: &RowBuild<'_>, field: &str| {
        row.value(field)
            .map(|c| split_list(c, false))
            .unwrap_or_default()
    };
    let names = name_from_partner
        .map(|n| vec![n])
        .unwrap_or_else(|| list(row, "partner_name"));
    let countries = list(row, "partner_country");
    let columns = [
        "partner_ror",
        "partner_erasmus",
        "partner_pic",
        "partner_schac",
    ];
    let ids: Vec<Vec<String>> = columns.iter().map(|c| list(row, c)).collect();
    let count = ids
        .iter()
        .map(Vec::len)
        .chain([names.len(), 1])
        .max()
        .unwrap_or(1);
    let pick = |items: &[String], i: usize| match items.len() {
        1 => items.first().cloned(),
        _ => items.get(i).cloned(),
    };
    for i in 0..count {
        let mut identity = Identity::default();
        let parse = |row: &mut RowBuild<'_>,
                     column: &str,
                     read: &dyn Fn(&str) -> Result<String, Message>| {
            let k = columns
                .iter()
                .position(|c| *c == column)
                .expect("a partner column");
            let text = pick(&ids[k], i)?;
            read(&text)
                .inspect_err(|e| row.error(column, e.clone()))
                .ok()
        };
        identity.ror = parse(row, "partner_ror", &normalise_ror);
        identity.erasmus = parse(row, "partner_erasmus", &normalise_erasmus);
        identity.pic = parse(row, "partner_pic", &|t| parse_pic(&Cell::text(t)));
        identity.schac = parse(row, "partner_schac", &|t| Ok(t.to_lowercase()));
        let country = match pick(&countries, i).map(|c| super::row::country(&Cell::text(&c))) {
            Some(Ok(cc)) => Some(cc),
            Some(Err(e)) => {
                row.error("partner_country", e);
                None
            }
            None => None,
        };
        let name = if names.len() == count || names.len() == 1 {
            pick(&names, i)
        } else {
            None
        };
        if let Some(id) = ctx.partner(row, identity, name, country) {
            found.push(id);
        }
    }
    found
}
