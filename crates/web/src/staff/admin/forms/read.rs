//! Form → record: typed values read from text, problems noted at their
//! field's path, the record built over the stored one.

use kizuna_domain::{Entity, ValidationErrors};
use serde_json::{Map, Value, json};

use super::FormState;
use super::parse::{parse, parts_of};
use crate::staff::admin::schema::{Field, Kind, Ty};

fn set(doc: &mut Value, path: &str, value: Value) {
    let mut here = doc;
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        if !here.is_object() {
            *here = Value::Object(Map::new());
        }
        let map = here.as_object_mut().expect("an object");
        if keys.peek().is_none() {
            map.insert(key.to_owned(), value);
            return;
        }
        here = map.entry(key.to_owned()).or_insert(Value::Null);
    }
}

fn options_of(kind: Kind) -> Vec<String> {
    match kind {
        Kind::Select { options, .. } | Kind::Checks { options } => {
            options().into_iter().map(|(v, _)| v).collect()
        }
        _ => Vec::new(),
    }
}

/// Reads one field (`values` as posted) into JSON, noting problems at `path`.
fn read(f: &Field, path: &str, values: &[String], errors: &mut ValidationErrors) -> Value {
    let one = values.first().map(|s| s.trim()).unwrap_or("");
    let noun = f.label.to_lowercase();
    let result = match f.kind {
        Kind::Text { ty, .. } => match parse(ty, one) {
            Ok(Value::Null) if f.required && ty == Ty::Str => Ok(json!("")),
            other => other,
        },
        Kind::Markdown => Ok(if one.is_empty() {
            Value::Null
        } else {
            json!(values[0])
        }),
        Kind::Picker { .. } => parse(Ty::Slug, one),
        Kind::Check => Ok(json!(values.iter().any(|v| !v.is_empty()))),
        Kind::Select { .. } if one.is_empty() => Ok(Value::Null),
        Kind::Select { .. } => {
            if options_of(f.kind).iter().any(|o| o == one) {
                Ok(json!(one))
            } else {
                Err(format!("choose one of the listed values for {noun}"))
            }
        }
        Kind::Checks { .. } => {
            let allowed = options_of(f.kind);
            match values.iter().find(|v| !allowed.contains(v)) {
                Some(bad) => Err(format!("“{bad}” is not one of the choices")),
                None => Ok(json!(values)),
            }
        }
        Kind::Lines { ty, comma } => {
            let text = values.join("\n");
            let (mut good, mut bad) = (Vec::new(), Vec::new());
            for p in parts_of(&text, comma) {
                match parse(ty, p) {
                    // The same field named twice (nursing, omvårdnad) is kept once.
                    Ok(v) if good.contains(&v) => {}
                    Ok(v) => good.push(v),
                    Err(e) => bad.push(e),
                }
            }
            if bad.is_empty() {
                Ok(Value::Array(good))
            } else {
                Err(bad.join("; "))
            }
        }
        Kind::Group { .. } | Kind::Documents => Ok(Value::Null),
    };
    match result {
        Ok(Value::Null) if f.required && !matches!(f.kind, Kind::Markdown) => {
            errors.add(
                path,
                format!(
                    "{} {noun}",
                    if matches!(f.kind, Kind::Select { .. } | Kind::Picker { .. }) {
                        "choose the"
                    } else {
                        "give the"
                    }
                ),
            );
            Value::Null
        }
        Ok(v) => v,
        Err(message) => {
            errors.add(path, message);
            // What lets the rest of the record still be read and checked.
            match f.kind {
                Kind::Lines { .. } | Kind::Checks { .. } => json!([]),
                Kind::Text { ty: Ty::Skills, .. } => json!([]),
                _ => Value::Null,
            }
        }
    }
}

/// Turns the form into a record, starting from `base` (the stored record's
/// JSON, or `{}`) so fields the form does not show survive. On failure,
/// every problem found at once: values that could not be read, and what
/// the registry's JSON reader finds in the rest (missing fields, rules,
/// references), each problem once per field.
pub fn to_record<E: Entity>(
    snapshot: &kizuna_core::Snapshot,
    fields: &[Field],
    state: &FormState,
    base: Value,
) -> Result<E, ValidationErrors> {
    let (doc, mut errors) = to_json(fields, state, base);
    let more = match kizuna_core::write::record_from_json::<E>(snapshot, doc) {
        Ok(record) if errors.0.is_empty() => return Ok(record),
        Ok(mut record) => kizuna_core::write::problems(snapshot, &mut record),
        Err(kizuna_core::WriteError::Invalid(more)) => more,
        Err(e) => {
            let mut more = ValidationErrors::default();
            more.add("", e.to_string());
            more
        }
    };
    // A value the form could not read stands as null or empty: what the
    // reader says of it again is left out.
    let said = |field: &str| {
        errors.0.iter().any(|x| {
            x.field == field
                || field.starts_with(&format!("{}.", x.field))
                || field.starts_with(&format!("{}[", x.field))
        })
    };
    let more: Vec<_> = more.0.into_iter().filter(|e| !said(&e.field)).collect();
    errors.0.extend(more);
    Err(errors)
}

/// The errors to show when the JSON does not make a record: the field
/// problems that caused it, or else what serde says.
pub fn unreadable(mut errors: ValidationErrors, e: serde_json::Error) -> ValidationErrors {
    if errors.0.is_empty() {
        errors.add(
            "",
            format!(
                "the form could not be read: {}",
                e.to_string().replace('`', "")
            ),
        );
    }
    errors
}

/// The form as JSON over `base`, with the problems of values that could not be read.
pub fn to_json(fields: &[Field], state: &FormState, base: Value) -> (Value, ValidationErrors) {
    let mut doc = if base.is_object() { base } else { json!({}) };
    let mut errors = ValidationErrors::default();
    for f in fields {
        let value = match f.kind {
            Kind::Documents => continue,
            Kind::Group {
                fields: subs,
                scalar,
                ..
            } => {
                let rows = state.rows(f.path).iter().enumerate().map(|(i, row)| {
                    if scalar {
                        read(
                            &subs[0],
                            &format!("{}[{i}]", f.path),
                            row.get("").map(Vec::as_slice).unwrap_or(&[]),
                            &mut errors,
                        )
                    } else {
                        let mut item = Value::Object(Map::new());
                        for s in subs {
                            let path = format!("{}[{i}].{}", f.path, s.path);
                            let v = read(
                                s,
                                &path,
                                row.get(s.path).map(Vec::as_slice).unwrap_or(&[]),
                                &mut errors,
                            );
                            // A row's field may lie deeper (`information.email`).
                            set(&mut item, s.path, v);
                        }
                        item
                    }
                });
                let rows: Vec<Value> = rows.collect();
                if rows.is_empty() && f.required {
                    errors.add(
                        f.path,
                        format!("add at least one {}", f.label.to_lowercase()),
                    );
                }
                Value::Array(rows)
            }
            _ => read(
                f,
                f.path,
                state.values.get(f.path).map(Vec::as_slice).unwrap_or(&[]),
                &mut errors,
            ),
        };
        set(&mut doc, f.path, value);
    }
    (doc, errors)
}

#[cfg(test)]
mod tests {
    use kizuna_core::Snapshot;
    use kizuna_domain::Agreement;

    use super::super::{Action, from_json, from_pairs};
    use super::*;
    use crate::staff::admin::schema::AGREEMENT;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_posted_agreement_becomes_a_record() {
        let posted = from_pairs(
            AGREEMENT,
            &pairs(&[
                ("id", "x-y"),
                ("title", "X and Y"),
                ("kind", "mou"),
                ("level", "central"),
                ("parties[0].organisation", "ki"),
                ("parties[0].role", "partner"),
                ("parties[1].organisation", "utokyo"),
                ("parties[1].role", "coordinator"),
                ("parties[2].organisation", ""),
                ("parties[2].role", "partner"),
                ("signed_on", "2022"),
                ("education_levels", "doctoral"),
                ("education_levels", "postdoc"),
                ("subject_areas", "0913, 0915"),
                ("study_programmes", "nursing\r\nphysiotherapy\r\n"),
                ("conditions[0].direction", "outgoing"),
                ("conditions[0].mobility", "student_studies"),
                ("conditions[0].languages", "en B2, ja"),
                ("visibility", "public"),
                ("revision", "12"),
            ]),
        );
        assert_eq!(posted.action, Action::Save);
        assert_eq!(posted.revision, 12);
        let mut state = posted.state;
        state.compact(AGREEMENT);
        let a: Agreement = to_record(&Snapshot::default(), AGREEMENT, &state, json!({})).unwrap();
        assert_eq!(a.parties.len(), 2);
        assert_eq!(a.study_programmes, ["nursing", "physiotherapy"]);
        assert_eq!(a.subject_areas.len(), 2);
        assert_eq!(a.conditions[0].languages.len(), 2);
        let back = from_json(AGREEMENT, &serde_json::to_value(&a).unwrap());
        assert_eq!(back.value("signed_on"), "2022");
        assert_eq!(back.rows("parties").len(), 2);
        assert_eq!(back.rows("conditions")[0]["languages"], ["en B2, ja"]);
    }

    #[test]
    fn problems_name_their_fields() {
        let posted = from_pairs(
            AGREEMENT,
            &pairs(&[
                ("title", ""),
                ("kind", "mou"),
                ("level", "central"),
                ("parties[0].organisation", "Not A Slug"),
                ("valid_from", "soon"),
                ("subject_areas", "0913 12"),
                ("visibility", "public"),
            ]),
        );
        let errors =
            to_record::<Agreement>(&Snapshot::default(), AGREEMENT, &posted.state, json!({}))
                .unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"parties[0].organisation"), "{fields:?}");
        assert!(fields.contains(&"valid_from"), "{fields:?}");
        assert!(fields.contains(&"subject_areas"), "{fields:?}");
    }
}
