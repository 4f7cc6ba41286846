//! Records sent as JSON: every field error at once (not only serde's first),
//! an id from the title when none is given, and JSON merge patches (RFC 7386).

use kizuna_domain::{Entity, Problem, Slug, ValidationErrors};
use serde_json::{Map, Value};

use super::json_errors::{PLACEHOLDER, coded, plain, split, template, top_key, words_for};
use super::{WriteError, references};
use crate::Snapshot;

/// Reads a record from a JSON object, reporting every field error at once;
/// an absent, null or empty `id` is generated from the title ([`generate_id`]),
/// and an agreement's derived `status` and `ewp_status` (as a read shows
/// them) are ignored.
pub fn record_from_json<E: Entity>(snapshot: &Snapshot, doc: Value) -> Result<E, WriteError> {
    let Value::Object(mut map) = doc else {
        let mut errors = ValidationErrors::default();
        errors.add_coded(
            "",
            Problem::new("not-an-object"),
            "send the record as a JSON object",
        );
        return Err(WriteError::Invalid(errors));
    };
    let generate = match map.get("id") {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    };
    if generate {
        map.insert("id".into(), Value::String(PLACEHOLDER.into()));
    }
    if E::COLLECTION == kizuna_domain::Collection::Agreements {
        // Derived and shown by reads: accepted back, never stored.
        map.remove("status");
        map.remove("ewp_status");
    }
    let record: E = parse_all(snapshot, map)?;
    if !generate {
        return Ok(record);
    }
    let id = generate_id::<E>(snapshot, record.title());
    with_id(record, &id)
}

/// A free id for a new record of `E`: the title as a slug, then `-2`, `-3`…
pub fn generate_id<E: Entity>(snapshot: &Snapshot, title: &str) -> Slug {
    let base = Slug::from_name(title).unwrap_or_else(|| {
        let singular = E::COLLECTION.as_str().trim_end_matches('s');
        singular.parse().expect("collection names are slugs")
    });
    let free = |s: &Slug| !references::exists(snapshot, E::COLLECTION, s);
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| {
            format!("{base}-{n}")
                .parse::<Slug>()
                .expect("a slug plus -n is a slug")
        })
        .find(free)
        .expect("some suffix is free")
}

/// The record with another id.
pub fn with_id<E: Entity>(record: E, id: &Slug) -> Result<E, WriteError> {
    let mut doc = serde_json::to_value(record)?;
    doc["id"] = Value::String(id.to_string());
    Ok(serde_json::from_value(doc)?)
}

/// Applies a JSON merge patch (RFC 7386) to `target`.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let map = target.as_object_mut().expect("made an object above");
    for (key, value) in patch {
        if value.is_null() {
            map.remove(key);
        } else {
            merge_patch(map.entry(key.clone()).or_insert(Value::Null), value);
        }
    }
}

/// Parses `map` as `E`; on failure stands in for (or drops) the offending
/// top-level field and tries again, so every bad field is named (missing
/// ones, wrong types and bad values alike), then adds the rule and
/// reference problems of what remains.
fn parse_all<E: Entity>(snapshot: &Snapshot, mut map: Map<String, Value>) -> Result<E, WriteError> {
    let mut errors = ValidationErrors::default();
    let mut dropped: Vec<String> = Vec::new();
    let template = template(E::COLLECTION);
    let partial: Option<E> = loop {
        let bytes = serde_json::to_vec(&map).expect("JSON values serialise");
        let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
        match serde_path_to_error::deserialize::<_, E>(&mut deserializer) {
            Ok(record) => break Some(record),
            Err(e) => {
                let (field, message) = split(&e.to_string());
                let key = top_key(&field).to_owned();
                if key.is_empty() || dropped.contains(&key) {
                    errors.add_coded(field, coded(&message), plain(&message));
                    break None;
                }
                let code = coded(&message);
                let message = match map.get(&key) {
                    Some(given) if field == key => words_for(given, &message, || {
                        let mut probe = map.clone();
                        probe.insert(key.clone(), Value::String(String::new()));
                        let bytes = serde_json::to_vec(&probe).expect("JSON values serialise");
                        let mut d = serde_json::Deserializer::from_slice(&bytes);
                        serde_path_to_error::deserialize::<_, E>(&mut d)
                            .err()
                            .map(|e| split(&e.to_string()))
                            .filter(|(f, _)| *f == key)
                            .map(|(_, m)| m)
                    }),
                    _ => plain(&message),
                };
                errors.add_coded(field, code, message);
                match template.get(&key) {
                    Some(value) => map.insert(key.clone(), value.clone()),
                    None => map.remove(&key),
                };
                dropped.push(key);
            }
        }
    };
    let Some(mut record) = partial else {
        return Err(WriteError::Invalid(errors));
    };
    if errors.0.is_empty() {
        // Rules and references are checked by the write, after permission.
        return Ok(record);
    }
    let problems = super::problems(snapshot, &mut record);
    for e in problems.0 {
        if !dropped.iter().any(|d| d == top_key(&e.field)) {
            errors.0.push(e);
        }
    }
    Err(WriteError::Invalid(errors))
}

#[cfg(test)]
mod tests {
    use kizuna_domain::{Agreement, Organisation};
    use serde_json::json;

    use super::*;

    fn fields(result: Result<impl std::fmt::Debug, WriteError>) -> Vec<String> {
        match result {
            Err(WriteError::Invalid(errors)) => errors.0.into_iter().map(|e| e.field).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn merge_patches_follow_rfc_7386() {
        let mut doc = json!({"a": "b", "c": {"d": "e", "f": "g"}, "list": [1, 2]});
        merge_patch(
            &mut doc,
            &json!({"a": "z", "c": {"f": null}, "list": [3], "new": {"x": 1}}),
        );
        assert_eq!(
            doc,
            json!({"a": "z", "c": {"d": "e"}, "list": [3], "new": {"x": 1}})
        );
    }

    #[test]
    fn every_bad_field_is_named_not_only_the_first() {
        let snapshot = Snapshot::default();
        let org = json!({"id": "x", "kind": "unit", "country": "XX", "website": "ftp://x",
            "names": [{"value": " ", "kind": "display"}], "colour": "red"});
        let mut got = fields(record_from_json::<Organisation>(&snapshot, org));
        got.sort();
        assert_eq!(
            got,
            ["colour", "country", "names[0].value", "parent", "website"]
        );
        let agreement = json!({"kind": "memo", "level": "central", "title": "T",
            "parties": [{"organisation": "nowhere"}], "valid_from": "2024-01-01", "valid_until": "2023"});
        let got = fields(record_from_json::<Agreement>(&snapshot, agreement));
        assert_eq!(
            got,
            ["kind", "parties", "valid_until", "parties[0].organisation"]
        );
    }

    #[test]
    fn ids_come_from_titles_and_stay_unique() {
        let mut snapshot = Snapshot::default();
        let doc = json!({"kind": "mou", "level": "central", "title": "Kyoto – KI MoU",
            "parties": [{"organisation": "a"}, {"organisation": "b"}]});
        let first: Agreement = serde_json::from_value(json!({"id": "kyoto-ki-mou", "kind": "mou",
            "level": "central", "title": "x", "parties": []}))
        .unwrap();
        assert_eq!(
            generate_id::<Agreement>(&snapshot, "Kyoto – KI MoU").as_str(),
            "kyoto-ki-mou"
        );
        snapshot.agreements.push(first);
        assert_eq!(
            generate_id::<Agreement>(&snapshot, "Kyoto – KI MoU").as_str(),
            "kyoto-ki-mou-2"
        );
        assert_eq!(
            generate_id::<Agreement>(&snapshot, "京都").as_str(),
            "agreement"
        );
        let made = record_from_json::<Agreement>(&snapshot, doc).unwrap();
        assert_eq!(
            made.id.as_str(),
            "kyoto-ki-mou-2",
            "references are the write's to check"
        );
    }
}
