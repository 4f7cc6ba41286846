//! What the form templates show: each field with its value, its label, its
//! hint and its problems, and a summary of every problem at the top.

use std::collections::{HashMap, HashSet};

use kizuna_domain::ValidationErrors;
use serde::Serialize;

use super::forms::{FormState, Row};
use super::problems;
use super::schema::{Field, Kind, Ty};
use crate::http::lang::{t, t_with};
use kizuna_i18n::Arg;

/// One control (or group of controls) as the template draws it.
#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    /// The posted name (its path).
    pub name: String,
    /// The HTML id.
    pub id: String,
    /// The label.
    pub label: String,
    /// Help text.
    pub hint: Option<String>,
    /// `text`, `markdown`, `lines`, `select`, `checks`, `check`, `picker`, `group` or `documents`.
    pub control: &'static str,
    /// The input type of text inputs.
    pub input: &'static str,
    /// The value as text.
    pub value: String,
    /// For a checkbox.
    pub checked: bool,
    /// For selects and checkbox groups.
    pub options: Vec<OptionView>,
    /// For pickers: what they choose (`organisations`, `units`, …).
    pub picker: Option<&'static str>,
    /// A datalist of suggestions that are not records (`isced`: subject names).
    pub list: Option<&'static str>,
    /// Required.
    pub required: bool,
    /// Shown but not editable.
    pub readonly: bool,
    /// Problems with it.
    pub errors: Vec<String>,
    /// For groups: the rows.
    pub rows: Vec<RowView>,
    /// For groups: what one row is called ("Party").
    pub item: String,
    /// For groups: each row is one value (a single picker).
    pub scalar: bool,
    /// For selects in rows: what a new row starts with.
    pub default: Option<String>,
    /// For Markdown: show the preview.
    pub preview: bool,
}

/// One row of a repeatable group.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// Its path, e.g. `parties[1]` (the value of its "Remove" button).
    pub path: String,
    /// The HTML id.
    pub id: String,
    /// "Party 2".
    pub legend: String,
    /// Its fields.
    pub fields: Vec<FieldView>,
    /// Problems with the row as a whole.
    pub errors: Vec<String>,
}

/// A choice of a select or checkbox group.
#[derive(Debug, Clone, Serialize)]
pub struct OptionView {
    /// The value.
    pub value: String,
    /// What is shown.
    pub label: String,
    /// Chosen.
    pub selected: bool,
}

/// A problem in the summary at the top, linking to its field.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryItem {
    /// `#id` of the field, or none for the record as a whole.
    pub href: Option<String>,
    /// The field's label.
    pub label: String,
    /// What is wrong.
    pub message: String,
}

/// A form ready to draw.
#[derive(Debug, Clone, Serialize)]
pub struct FormView {
    /// The fields.
    pub fields: Vec<FieldView>,
    /// Every problem, in order.
    pub summary: Vec<SummaryItem>,
    /// The pickers' targets used, for their datalists.
    pub targets: Vec<&'static str>,
}

/// The HTML id of a path: `parties[1].unit` → `f-parties-1-unit`.
pub fn html_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

/// The path one level up: `a[1].b` → `a[1]` → `a` → none.
/// "Party 2": the name of row `i` of a group whose rows are called `item` (a message key).
fn row_name(item: &str, i: usize) -> String {
    t_with(
        "admin-row-n",
        &[
            ("item", Arg::Text(t(item))),
            ("n", Arg::Number((i + 1) as f64)),
        ],
    )
}

fn parent(path: &str) -> Option<&str> {
    path.rfind(['.', '[']).map(|i| &path[..i])
}

/// Builds the view of `state`, placing each error at the nearest field that exists.
pub fn build(
    fields: &[Field],
    state: &FormState,
    errors: &ValidationErrors,
    readonly: &[&str],
) -> FormView {
    let mut labels: HashMap<String, String> = HashMap::new();
    for f in fields {
        labels.insert(f.path.to_owned(), f.label_text());
        if let Kind::Group {
            fields: subs,
            item,
            scalar,
        } = f.kind
        {
            for i in 0..state.rows(f.path).len().max(1) {
                let row = format!("{}[{i}]", f.path);
                labels.insert(row.clone(), row_name(item, i));
                if !scalar {
                    for s in subs {
                        labels.insert(
                            format!("{row}.{}", s.path),
                            format!("{} ({})", s.label_text(), row_name(item, i)),
                        );
                    }
                }
            }
        }
    }
    let mut placed: HashMap<String, Vec<String>> = HashMap::new();
    let mut summary = Vec::new();
    for e in &errors.0 {
        let mut at = Some(e.field.as_str());
        while let Some(p) = at.filter(|p| !labels.contains_key(*p)) {
            at = parent(p);
        }
        let at = at.filter(|p| !p.is_empty());
        summary.push(SummaryItem {
            href: at.map(|p| format!("#{}", html_id(p))),
            label: at
                .and_then(|p| labels.get(p))
                .cloned()
                .unwrap_or_else(|| t("admin-the-record")),
            message: problems::text(e),
        });
        if let Some(p) = at {
            placed
                .entry(p.to_owned())
                .or_default()
                .push(problems::text(e));
        }
    }
    let mut targets = HashSet::new();
    let mut views = Vec::new();
    for f in fields {
        let values = state.values.get(f.path).cloned().unwrap_or_default();
        let mut view = field_view(f, f.path, &values, &mut placed, &mut targets);
        view.readonly = readonly.contains(&f.path);
        view.preview = state.preview.as_deref() == Some(f.path);
        if let Kind::Group {
            fields: subs,
            item,
            scalar,
        } = f.kind
        {
            let mut rows: Vec<Row> = state.rows(f.path).to_vec();
            if rows.is_empty() {
                rows.push(Row::new());
            }
            view.rows = rows
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let path = format!("{}[{i}]", f.path);
                    let fields = if scalar {
                        let values = row.get("").cloned().unwrap_or_default();
                        let mut v = field_view(&subs[0], &path, &values, &mut placed, &mut targets);
                        v.label = row_name(item, i);
                        vec![v]
                    } else {
                        subs.iter()
                            .map(|s| {
                                let values =
                                    row.get(s.path).cloned().unwrap_or_else(|| default_of(s));
                                field_view(
                                    s,
                                    &format!("{path}.{}", s.path),
                                    &values,
                                    &mut placed,
                                    &mut targets,
                                )
                            })
                            .collect()
                    };
                    RowView {
                        id: html_id(&path),
                        legend: row_name(item, i),
                        errors: if scalar {
                            Vec::new()
                        } else {
                            placed.remove(&path).unwrap_or_default()
                        },
                        path,
                        fields,
                    }
                })
                .collect();
        }
        views.push(view);
    }
    let mut targets: Vec<&'static str> = targets.into_iter().collect();
    targets.sort_unstable();
    FormView {
        fields: views,
        summary,
        targets,
    }
}

fn default_of(f: &Field) -> Vec<String> {
    match f.kind {
        Kind::Select {
            default: Some(d), ..
        } => vec![d.to_owned()],
        _ => Vec::new(),
    }
}

fn field_view(
    f: &Field,
    path: &str,
    values: &[String],
    placed: &mut HashMap<String, Vec<String>>,
    targets: &mut HashSet<&'static str>,
) -> FieldView {
    let value = values.first().cloned().unwrap_or_default();
    let (control, input) = match f.kind {
        Kind::Text { input, .. } => ("text", input),
        Kind::Markdown => ("markdown", ""),
        Kind::Lines { comma: true, .. } => ("text", "text"),
        Kind::Lines { comma: false, .. } => ("lines", ""),
        Kind::Select { .. } => ("select", ""),
        Kind::Checks { .. } => ("checks", ""),
        Kind::Check => ("check", "checkbox"),
        Kind::Picker { .. } => ("picker", "text"),
        Kind::Group { .. } => ("group", ""),
        Kind::Documents => ("documents", ""),
    };
    let options = match f.kind {
        Kind::Select { options, blank, .. } => {
            let mut all: Vec<OptionView> = blank
                .map(|b| OptionView {
                    value: String::new(),
                    label: t(b),
                    selected: value.is_empty(),
                })
                .into_iter()
                .collect();
            all.extend(options().into_iter().map(|(v, l)| OptionView {
                selected: v == value,
                value: v,
                label: l,
            }));
            all
        }
        Kind::Checks { options } => options()
            .into_iter()
            .map(|(v, l)| OptionView {
                selected: values.contains(&v),
                value: v,
                label: l,
            })
            .collect(),
        _ => Vec::new(),
    };
    let list = matches!(f.kind, Kind::Text { ty: Ty::Isced, .. }).then(|| {
        targets.insert("isced");
        "isced"
    });
    let picker = match f.kind {
        Kind::Picker { target } => {
            targets.insert(target.as_str());
            Some(target.as_str())
        }
        Kind::Group { fields: subs, .. } => {
            for s in subs {
                if let Kind::Picker { target } = s.kind {
                    targets.insert(target.as_str());
                }
            }
            None
        }
        _ => None,
    };
    FieldView {
        name: path.to_owned(),
        id: html_id(path),
        label: f.label_text(),
        hint: f.hint_text(),
        control,
        input,
        checked: matches!(f.kind, Kind::Check) && values.iter().any(|v| !v.is_empty()),
        value,
        options,
        picker,
        list,
        required: f.required,
        readonly: false,
        errors: placed.remove(path).unwrap_or_default(),
        rows: Vec::new(),
        item: match f.kind {
            Kind::Group { item, .. } => t(item),
            _ => String::new(),
        },
        scalar: matches!(f.kind, Kind::Group { scalar: true, .. }),
        default: match f.kind {
            Kind::Select { default, .. } => default.map(str::to_owned),
            _ => None,
        },
        preview: false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::forms::from_pairs;
    use super::super::schema::AGREEMENT;
    use super::*;

    #[test]
    fn errors_land_on_the_nearest_field() {
        let posted = from_pairs(
            AGREEMENT,
            &[("parties[0].organisation".into(), "ki".into())],
        );
        let mut errors = ValidationErrors::default();
        errors.add("parties", "an agreement needs at least two parties");
        errors.add("parties[0].organisation", "no such organisation");
        errors.add("conditions[3].eqf_level", "EQF levels run from 1 to 8");
        errors.add("", "something else");
        let view = build(AGREEMENT, &posted.state, &errors, &[]);
        let parties = view.fields.iter().find(|f| f.name == "parties").unwrap();
        assert_eq!(parties.errors, ["an agreement needs at least two parties"]);
        assert_eq!(parties.rows[0].fields[0].errors, ["no such organisation"]);
        assert_eq!(parties.rows[0].fields[0].id, "f-parties-0-organisation");
        let conditions = view.fields.iter().find(|f| f.name == "conditions").unwrap();
        assert_eq!(conditions.errors, ["EQF levels run from 1 to 8"]);
        assert_eq!(view.summary.len(), 4);
        assert_eq!(view.summary[3].href, None);
    }
}
