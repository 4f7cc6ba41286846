//! The answers every operation can give because of the edge, not its
//! handler: added to the OpenAPI document in one place, from what each
//! operation declares (path ids, a body, bearer security, `If-Match`), so the
//! document lists every status the server can send.

use serde_json::{Value, json};

use crate::http::version::IF_MATCH_PATTERN;

/// The shared responses, by status: name in `components/responses` and why.
const SHARED: &[(&str, &str, &str)] = &[
    (
        "400",
        "BadRequest",
        "The request is malformed: an unknown or invalid parameter, an undecodable path, a malformed `If-Match` or body",
    ),
    ("401", "Unauthorized", "No valid API token or session"),
    (
        "403",
        "Forbidden",
        "The role or unit scope does not allow it, or a cross-site request",
    ),
    ("404", "NotFound", "No such record"),
    (
        "412",
        "PreconditionFailed",
        "`If-Match` does not name the current version: someone else changed the record",
    ),
    (
        "413",
        "TooLarge",
        "The body is larger than the server accepts here",
    ),
    ("415", "UnsupportedMediaType", "The body is not JSON"),
    (
        "422",
        "InvalidRecord",
        "The record breaks the registry's rules; `errors` lists every field",
    ),
    ("428", "PreconditionRequired", "No `If-Match` was sent"),
];

/// A `$ref` to a shared response.
fn shared(status: &str) -> Value {
    let name = SHARED
        .iter()
        .find(|(s, _, _)| *s == status)
        .map(|(_, name, _)| *name)
        .expect("a shared status");
    json!({ "$ref": format!("#/components/responses/{name}") })
}

/// What one operation declares, as far as the edge cares.
struct Declared {
    path_ids: bool,
    body: Option<String>,
    secured: bool,
    if_match: Option<bool>,
}

fn declared(operation: &Value) -> Declared {
    let parameters = operation["parameters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let if_match = parameters
        .iter()
        .find(|p| p["in"] == "header" && p["name"] == "If-Match")
        .map(|p| p["required"].as_bool().unwrap_or(false));
    Declared {
        path_ids: parameters.iter().any(|p| p["in"] == "path"),
        body: operation["requestBody"]["content"]
            .as_object()
            .and_then(|content| content.keys().next().cloned()),
        secured: operation.get("security").is_some(),
        if_match,
    }
}

/// Adds the edge's answers to every operation, documents the shape of
/// `If-Match`, and the shared problem responses they point to; then makes
/// the document say what the server does where the derives cannot (see
/// [`empty_filters`], [`flatten`], [`describe_responses`]).
pub fn complete(doc: &mut Value) {
    edge_responses(doc);
    optional_ids(doc);
    empty_filters(doc);
    flatten(doc);
    staff_and_download_answers(doc);
    describe_responses(doc);
}

/// What the derives cannot say: downloads answer in their sheet's media
/// type, staff see an agreement's EWP exchange (`ewp`, `ewp_status`), and
/// the list's staff-only `ewp_state` filter answers 401 without credentials.
fn staff_and_download_answers(doc: &mut Value) {
    if let Some(paths) = doc["paths"].as_object_mut() {
        for (path, item) in paths.iter_mut() {
            let media = if path.ends_with(".csv") {
                "text/csv"
            } else if path.ends_with(".xlsx") {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            } else {
                continue;
            };
            item["get"]["responses"]["200"]["content"] =
                json!({ media: {"schema": {"type": "string", "format": "binary"}} });
        }
    }
    let list = &mut doc["paths"]["/api/v1/agreements"]["get"]["responses"];
    if list.is_object() && list.get("401").is_none() {
        list["401"] = shared("401");
    }
    let out = &mut doc["components"]["schemas"]["AgreementOut"]["properties"];
    if out.is_object() {
        out["ewp"] = json!({"type": ["object", "null"], "description": "Staff only: the EWP exchange as stored"});
        out["ewp_status"] = json!({"type": ["object", "null"], "description": "Staff only: the derived EWP exchange state"});
    }
}

fn edge_responses(doc: &mut Value) {
    for operation in operations(doc) {
        let what = declared(operation);
        let mut statuses = vec!["400"];
        if what.path_ids {
            statuses.push("404");
        }
        if what.secured {
            statuses.extend(["401", "403"]);
        }
        if let Some(media_type) = &what.body {
            statuses.push("413");
            if media_type.contains("json") {
                statuses.extend(["415", "422"]);
            }
        }
        match what.if_match {
            Some(true) => statuses.extend(["412", "428"]),
            Some(false) => statuses.push("412"),
            None => {}
        }
        if let Some(responses) = operation
            .get_mut("responses")
            .and_then(Value::as_object_mut)
        {
            for status in statuses {
                responses
                    .entry(status.to_owned())
                    .or_insert_with(|| shared(status));
            }
        }
        if let Some(parameters) = operation
            .get_mut("parameters")
            .and_then(Value::as_array_mut)
        {
            for p in parameters.iter_mut() {
                if p["in"] == "header" && p["name"] == "If-Match" {
                    p["schema"] = json!({"type": "string", "pattern": IF_MATCH_PATTERN});
                }
            }
        }
    }
    let problem = json!({
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
    });
    for (_, name, description) in SHARED {
        doc["components"]["responses"][*name] =
            json!({"description": description, "content": problem});
    }
}

/// The operations of the document.
fn operations(doc: &mut Value) -> impl Iterator<Item = &mut Value> {
    doc["paths"]
        .as_object_mut()
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.iter_mut())
        .filter(|(method, _)| {
            matches!(method.as_str(), "get" | "put" | "post" | "patch" | "delete")
        })
        .map(|(_, operation)| operation)
}

/// A record sent to the API may leave out its `id`: a create makes one from
/// the title or name, a replace takes the URL's (see `api::writes`). Request
/// bodies refer to a copy of the record's schema without `id` among the
/// required fields; answers keep the record's own, where it always is.
fn optional_ids(doc: &mut Value) {
    let mut inputs = serde_json::Map::new();
    let schemas = doc["components"]["schemas"].clone();
    for operation in operations(doc) {
        let Some(content) = operation
            .get_mut("requestBody")
            .and_then(|b| b.get_mut("content"))
            .and_then(|c| c.get_mut("application/json"))
        else {
            continue;
        };
        let Some(name) = content["schema"]["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
            .map(str::to_owned)
        else {
            continue;
        };
        let mut input = schemas[&name].clone();
        let Some(required) = input.get_mut("required").and_then(Value::as_array_mut) else {
            continue;
        };
        if !required.iter().any(|r| r == "id") {
            continue;
        }
        required.retain(|r| r != "id");
        let input_name = format!("{name}Input");
        content["schema"] = json!({ "$ref": format!("#/components/schemas/{input_name}") });
        inputs.insert(input_name, input);
    }
    for (name, schema) in inputs {
        doc["components"]["schemas"][name] = schema;
    }
}

/// Query filters of a typed value are read by
/// [`crate::http::query::parse_param`], where an empty value means no filter
/// (forms send their empty fields): the document allows `""` beside the type.
/// The type is written out in the parameter, not referred to: small, and
/// easier on tools.
fn empty_filters(doc: &mut Value) {
    let schemas = doc["components"]["schemas"].clone();
    for operation in operations(doc) {
        let Some(parameters) = operation
            .get_mut("parameters")
            .and_then(Value::as_array_mut)
        else {
            continue;
        };
        for p in parameters.iter_mut().filter(|p| p["in"] == "query") {
            let Some(name) = p["schema"]["$ref"]
                .as_str()
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            else {
                continue;
            };
            let Some(typed) = schemas.get(name).cloned() else {
                continue;
            };
            p["schema"] = json!({"anyOf": [typed, {"type": "string", "maxLength": 0}]});
        }
    }
}

/// `#[serde(flatten)]` comes out as `allOf` of a closed object and the added
/// fields, which no value can satisfy (the closed object refuses the added
/// fields): merged into one object with every property, wherever it occurs.
fn flatten(doc: &mut Value) {
    let schemas = doc["components"]["schemas"].clone();
    merge_all_of(doc, &schemas);
}

fn merge_all_of(value: &mut Value, schemas: &Value) {
    match value {
        Value::Object(map) => {
            for child in map.values_mut() {
                merge_all_of(child, schemas);
            }
        }
        Value::Array(items) => {
            for child in items {
                merge_all_of(child, schemas);
            }
        }
        _ => return,
    }
    let Some(parts) = value.get("allOf").and_then(Value::as_array) else {
        return;
    };
    let resolve = |part: &Value| -> Option<Value> {
        match part.get("$ref").and_then(Value::as_str) {
            Some(reference) => schemas
                .get(reference.strip_prefix("#/components/schemas/")?)
                .cloned(),
            None => Some(part.clone()),
        }
    };
    let Some(parts) = parts.iter().map(resolve).collect::<Option<Vec<Value>>>() else {
        return;
    };
    if !parts.iter().all(|p| p.get("properties").is_some()) {
        return;
    }
    let mut properties = serde_json::Map::new();
    let mut required = Vec::new();
    for part in &parts {
        if let Some(more) = part["properties"].as_object() {
            properties.extend(more.clone());
        }
        if let Some(more) = part["required"].as_array() {
            required.extend(more.iter().cloned());
        }
    }
    let mut merged = json!({"type": "object", "properties": properties, "required": required});
    if parts
        .iter()
        .any(|p| p["additionalProperties"] == json!(false))
    {
        merged["additionalProperties"] = json!(false);
    }
    if let Some(description) = value.get("description") {
        merged["description"] = description.clone();
    }
    *value = merged;
}

/// OpenAPI requires a description on every response; the derives leave it
/// out where a handler gives only a body.
fn describe_responses(doc: &mut Value) {
    for operation in operations(doc) {
        let Some(responses) = operation
            .get_mut("responses")
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        for (status, response) in responses.iter_mut() {
            if response.get("$ref").is_none() && response.get("description").is_none() {
                let reason = status
                    .parse::<u16>()
                    .ok()
                    .and_then(|s| axum::http::StatusCode::from_u16(s).ok())
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("Answer");
                response["description"] = json!(reason);
            }
        }
    }
}
