//! Pickers: fields that store a record's id but show and accept its name.
//! A person types a name in any script (東京, Kyoto) and picks; without
//! JavaScript a datalist offers every record and the server takes an id or
//! an exact name, saying so when a name fits several records.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use kizuna_domain::{Organisation, OrganisationKind, ValidationErrors};
use serde::{Deserialize, Serialize};

use super::forms::FormState;
use super::records::tx;
use super::schema::{Field, Kind, Target};
use crate::http::auth::Staff;
use crate::{AppError, AppState};

/// What a picker asks.
#[derive(Debug, Deserialize)]
pub(super) struct PickerQuery {
    #[serde(rename = "type")]
    target: String,
    #[serde(default)]
    q: String,
}

/// One suggestion of a picker.
#[derive(Debug, Serialize, PartialEq)]
pub(crate) struct Choice {
    /// The record's id.
    pub id: String,
    /// What a person recognises it by.
    pub label: String,
    /// What goes into the field: the label, or the id when the label is not unique.
    pub value: String,
}

/// Most choices a picker gets at once.
const PICKER_LIMIT: usize = 20;
/// Most entries of a datalist drawn into a page (the no-script baseline).
const DATALIST_LIMIT: usize = 2000;

fn org_label(snapshot: &kizuna_core::Snapshot, o: &Organisation) -> String {
    let name = o.display_name();
    if let Some(p) = o
        .parent
        .as_ref()
        .and_then(|p| snapshot.organisations.get(p))
    {
        format!("{name} ({})", p.display_name())
    } else if let Some(c) = o.country {
        format!("{name} ({})", c.as_str())
    } else {
        name.to_owned()
    }
}

/// Every record a picker of `target` may choose, staff view (internal ones too).
pub(crate) fn choices(snapshot: &kizuna_core::Snapshot, target: Target) -> Vec<Choice> {
    let pairs: Vec<(String, String)> = match target {
        Target::Organisation | Target::Unit => snapshot
            .organisations
            .values()
            .filter(|o| target == Target::Organisation || o.kind == OrganisationKind::Unit)
            .map(|o| (o.id.to_string(), org_label(snapshot, o)))
            .collect(),
        Target::Agreement => snapshot
            .agreements
            .iter()
            .map(|a| (a.id.to_string(), a.title.clone()))
            .collect(),
        Target::Programme => snapshot
            .programmes
            .iter()
            .map(|p| (p.id.to_string(), p.title.clone()))
            .collect(),
        Target::Contact => snapshot
            .contacts
            .iter()
            .map(|c| {
                let label = c
                    .role
                    .as_ref()
                    .map(|r| format!("{} ({r})", c.name))
                    .unwrap_or_else(|| c.name.clone());
                (c.id.to_string(), label)
            })
            .collect(),
    };
    let mut count: std::collections::HashMap<String, usize> = Default::default();
    for (_, label) in &pairs {
        *count.entry(label.to_lowercase()).or_default() += 1;
    }
    pairs
        .into_iter()
        .map(|(id, label)| {
            let unique = count[&label.to_lowercase()] == 1 && !label.trim().is_empty();
            Choice {
                value: if unique { label.clone() } else { id.clone() },
                id,
                label,
            }
        })
        .collect()
}

fn target_of(word: &str) -> Option<Target> {
    Target::ALL.into_iter().find(|t| t.as_str() == word)
}

/// Every name a choice is known by, lowercased: its id, its label and, for
/// organisations, each name in every language.
fn names_of(snapshot: &kizuna_core::Snapshot, choice: &Choice) -> Vec<String> {
    let mut names = vec![choice.id.to_lowercase(), choice.label.to_lowercase()];
    if let Some(o) = choice
        .id
        .parse()
        .ok()
        .and_then(|id| snapshot.organisations.get(&id))
    {
        names.extend(o.names.iter().map(|n| n.value.to_lowercase()));
    }
    names
}

/// Whether every word of `q` occurs in the choice (any name, any script, any case).
fn matches(snapshot: &kizuna_core::Snapshot, choice: &Choice, q: &str) -> bool {
    let hay = names_of(snapshot, choice).join(" ");
    q.to_lowercase().split_whitespace().all(|w| hay.contains(w))
}

/// The id that `text` (an id, a label or an exact name in any language) stands for.
fn resolve_one(
    snapshot: &kizuna_core::Snapshot,
    all: &[Choice],
    noun: &str,
    text: &str,
) -> Result<String, String> {
    let wanted = text.trim().to_lowercase();
    if let Some(c) = all.iter().find(|c| c.id == text.trim()) {
        return Ok(c.id.clone());
    }
    let found: Vec<&Choice> = all
        .iter()
        .filter(|c| names_of(snapshot, c).contains(&wanted))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(tx(
            "admin-picker-none",
            &[("field", noun), ("text", text.trim())],
        )),
        many => {
            let ids: Vec<&str> = many.iter().take(5).map(|c| c.id.as_str()).collect();
            Err(super::records::tx_count(
                "admin-picker-many",
                many.len(),
                &[("text", text.trim()), ("ids", &ids.join(", "))],
            ))
        }
    }
}

/// Each picker of `fields` as `(path or group, sub-field, target, noun)`.
fn each_picker(fields: &[Field]) -> Vec<(&'static str, Option<&'static str>, Target, String)> {
    let mut out = Vec::new();
    for f in fields {
        match f.kind {
            Kind::Picker { target } => {
                out.push((f.path, None, target, f.label_text().to_lowercase()))
            }
            Kind::Group { fields: subs, .. } => {
                for s in subs {
                    if let Kind::Picker { target } = s.kind {
                        out.push((f.path, Some(s.path), target, s.label_text().to_lowercase()));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Applies `change` to every picker value of the form, with its path.
fn each_value(
    fields: &[Field],
    state: &mut FormState,
    mut change: impl FnMut(&str, Target, &str, &mut String),
) {
    for (path, sub, target, noun) in each_picker(fields) {
        match sub {
            None => {
                if let Some(v) = state.values.get_mut(path).and_then(|v| v.first_mut()) {
                    change(path, target, &noun, v);
                }
            }
            Some(sub) => {
                for (i, row) in state.rows.get_mut(path).into_iter().flatten().enumerate() {
                    if let Some(v) = row.get_mut(sub).and_then(|v| v.first_mut()) {
                        let at = if sub.is_empty() {
                            format!("{path}[{i}]")
                        } else {
                            format!("{path}[{i}].{sub}")
                        };
                        change(&at, target, &noun, v);
                    }
                }
            }
        }
    }
}

/// Replaces the names typed into pickers by their records' ids; what no
/// record or several records are called is reported at its field.
pub(crate) fn resolve(
    snapshot: &kizuna_core::Snapshot,
    fields: &[Field],
    state: &mut FormState,
) -> ValidationErrors {
    let mut errors = ValidationErrors::default();
    let mut cache: std::collections::HashMap<&'static str, Vec<Choice>> = Default::default();
    each_value(fields, state, |path, target, noun, value| {
        if value.trim().is_empty() {
            return;
        }
        let all = cache
            .entry(target.as_str())
            .or_insert_with(|| choices(snapshot, target));
        match resolve_one(snapshot, all, noun, value) {
            Ok(id) => *value = id,
            Err(message) => errors.add(path, message),
        }
    });
    errors
}

/// Shows each picker's record by what a person recognises (its unique
/// label), leaving what is not an id as typed.
pub(crate) fn display(snapshot: &kizuna_core::Snapshot, fields: &[Field], state: &mut FormState) {
    let mut cache: std::collections::HashMap<&'static str, Vec<Choice>> = Default::default();
    each_value(fields, state, |_, target, _, value| {
        let all = cache
            .entry(target.as_str())
            .or_insert_with(|| choices(snapshot, target));
        if let Some(c) = all.iter().find(|c| c.id == value.trim()) {
            *value = c.value.clone();
        }
    });
}

/// `GET /admin/picker?type=organisations|units|agreements|programmes|contacts|ror&q=…`:
/// what a picker offers while typing (staff see internal records too);
/// `ror` offers the organisations read from ROR, to fill a new one from.
pub(super) async fn picker(
    State(state): State<AppState>,
    _staff: Staff,
    Query(query): Query<PickerQuery>,
) -> Result<Response, AppError> {
    let ror = query.target == "ror";
    let target = if ror {
        Some(Target::Organisation)
    } else {
        target_of(&query.target)
    }
    .ok_or_else(|| AppError::BadRequest(format!("unknown picker type “{}”", query.target)))?;
    let snapshot = state.snapshot().await;
    let from_ror = |c: &Choice| {
        c.id.parse()
            .ok()
            .and_then(|id| snapshot.organisations.get(&id))
            .is_some_and(|o| o.identifiers.ror.is_some())
    };
    let items: Vec<Choice> = choices(&snapshot, target)
        .into_iter()
        .filter(|c| matches(&snapshot, c, &query.q) && (!ror || from_ror(c)))
        .take(PICKER_LIMIT)
        .collect();
    Ok(axum::Json(serde_json::json!({ "items": items })).into_response())
}

/// A datalist drawn into a form page.
#[derive(Debug, Serialize)]
pub(crate) struct Datalist {
    /// `dl-organisations`, …
    pub id: String,
    /// Its options.
    pub options: Vec<Choice>,
}

/// The datalists of the pickers a form uses.
pub(crate) fn datalists(
    snapshot: &kizuna_core::Snapshot,
    targets: &[&'static str],
) -> Vec<Datalist> {
    let mut lists: Vec<Datalist> = targets
        .iter()
        .filter_map(|t| target_of(t))
        .map(|t| Datalist {
            id: format!("dl-{}", t.as_str()),
            options: choices(snapshot, t)
                .into_iter()
                .take(DATALIST_LIMIT)
                .collect(),
        })
        .collect();
    if targets.contains(&"isced") {
        // Subject areas by name: the English name goes into the field (the
        // server reads any language's name, or the code, back as the code).
        let options = kizuna_domain::isced::FIELDS
            .iter()
            .map(|f| Choice {
                id: f.code.to_owned(),
                label: format!("{} · {} · {}", f.code, f.sv, f.ja),
                value: f.en.to_owned(),
            })
            .collect();
        lists.push(Datalist {
            id: "dl-isced".to_owned(),
            options,
        });
    }
    lists
}
