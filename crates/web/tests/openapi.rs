//! The OpenAPI document says what the server parses and answers: the wire
//! words of every vocabulary, the agreement's derived status, the page size
//! bounds, and every status the edge can send.

mod common;

use common::spawn_app;
use serde_json::Value;

async fn document() -> Value {
    spawn_app().await.json("/api/openapi.json").await
}

fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut all = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            all.push((method.clone(), path.clone(), operation.clone()));
        }
    }
    all
}

#[tokio::test]
async fn vocabularies_are_documented_by_their_wire_words() {
    let doc = document().await;
    let schemas = &doc["components"]["schemas"];
    let kinds: Vec<&str> = schemas["AgreementKind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let words: Vec<&str> = kizuna_domain::AgreementKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(kinds, words);
    assert_eq!(
        schemas["Visibility"]["enum"],
        serde_json::json!(["public", "internal"])
    );
    assert_eq!(schemas["AgreementLevel"]["enum"][0], "central");
    assert_eq!(schemas["Slug"]["pattern"], "^[a-z0-9]+(-[a-z0-9]+)*$");
}

#[tokio::test]
async fn agreements_are_documented_with_their_status() {
    let doc = document().await;
    let out = &doc["components"]["schemas"]["AgreementOut"];
    assert!(
        out.get("allOf").is_none(),
        "a closed allOf admits nothing: {out}"
    );
    assert!(out["properties"]["status"].is_object(), "{out}");
    assert!(out["properties"]["title"].is_object(), "{out}");
    let required: Vec<&str> = out["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        required.contains(&"status") && required.contains(&"id"),
        "{required:?}"
    );
    for (method, path) in [
        ("get", "/api/v1/agreements/{id}"),
        ("get", "/api/v1/agreements/{id}/internal"),
        ("patch", "/api/v1/agreements/{id}"),
        ("post", "/api/v1/agreements/{id}/renew"),
    ] {
        let ok = &doc["paths"][path][method]["responses"];
        let body = ok.get("200").or_else(|| ok.get("201")).unwrap();
        assert_eq!(
            body["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/AgreementOut",
            "{method} {path}"
        );
    }
}

#[tokio::test]
async fn page_sizes_are_documented_as_the_read_model_bounds_them() {
    let doc = document().await;
    let limit = doc["paths"]["/api/v1/agreements"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "limit")
        .unwrap()
        .clone();
    assert_eq!(limit["schema"]["minimum"], 1);
    assert_eq!(
        limit["schema"]["maximum"],
        kizuna_core::read::page::MAX_LIMIT
    );
}

#[tokio::test]
async fn every_operation_lists_the_answers_of_the_edge() {
    let doc = document().await;
    for (method, path, operation) in operations(&doc) {
        let responses = operation["responses"].as_object().unwrap();
        let has = |status: &str| responses.contains_key(status);
        let name = format!("{method} {path}");
        assert!(has("400"), "{name}");
        if path.contains('{') {
            assert!(has("404"), "{name}");
        }
        if operation.get("security").is_some() {
            assert!(has("401") && has("403"), "{name}");
        }
        if let Some(content) = operation["requestBody"]["content"].as_object() {
            assert!(has("413"), "{name}");
            if content.keys().any(|k| k.contains("json")) {
                assert!(has("415") && has("422"), "{name}");
            }
        }
        let params = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if let Some(if_match) = params.iter().find(|p| p["name"] == "If-Match") {
            assert!(has("412"), "{name}");
            assert!(if_match["schema"]["pattern"].is_string(), "{name}");
            if if_match["required"] == true {
                assert!(has("428"), "{name}");
            }
        }
        for (status, response) in responses {
            assert!(
                response.get("description").is_some() || response.get("$ref").is_some(),
                "{name} {status} has no description"
            );
        }
    }
}

/// Every `$ref` names something the document holds.
#[tokio::test]
async fn every_reference_resolves() {
    fn walk(value: &Value, doc: &Value) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    let pointer = reference.strip_prefix('#').unwrap();
                    assert!(doc.pointer(pointer).is_some(), "dangling {reference}");
                }
                map.values().for_each(|v| walk(v, doc));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, doc)),
            _ => {}
        }
    }
    let doc = document().await;
    walk(&doc, &doc);
}

#[tokio::test]
async fn records_sent_may_leave_out_their_id() {
    let doc = document().await;
    let body = &doc["paths"]["/api/v1/contacts"]["post"]["requestBody"]["content"]["application/json"]
        ["schema"];
    let name = body["$ref"].as_str().unwrap().rsplit('/').next().unwrap();
    let required = &doc["components"]["schemas"][name]["required"];
    assert!(
        !required.as_array().unwrap().iter().any(|r| r == "id"),
        "{required}"
    );
    assert!(
        required.as_array().unwrap().iter().any(|r| r == "name"),
        "{required}"
    );
    let answer = &doc["components"]["schemas"]["Contact"]["required"];
    assert!(
        answer.as_array().unwrap().iter().any(|r| r == "id"),
        "{answer}"
    );
}

#[tokio::test]
async fn search_offsets_are_bounded_as_documented() {
    let app = spawn_app().await;
    let doc = app.json("/api/openapi.json").await;
    let offset = doc["paths"]["/api/v1/search"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "offset")
        .unwrap()
        .clone();
    assert_eq!(offset["schema"]["maximum"], kizuna_search::MAX_OFFSET);
    let deep = format!(
        "/api/v1/search?q=tokyo&offset={}",
        kizuna_search::MAX_OFFSET + 1
    );
    assert_eq!(app.get(&deep).await.status, 400);
    let deepest = format!(
        "/api/v1/search?q=tokyo&offset={}",
        kizuna_search::MAX_OFFSET
    );
    assert_eq!(app.get(&deepest).await.status, 200);
}

#[tokio::test]
async fn country_sections_in_other_languages_are_documented() {
    let doc = document().await;
    let schemas = &doc["components"]["schemas"];
    let schema = "CountryOut";
    let translations = &schemas[schema]["properties"]["translations"];
    assert!(translations.is_object(), "{schema}: {translations}");
    let sections = translations["additionalProperties"]["$ref"].as_str();
    assert_eq!(
        sections,
        Some("#/components/schemas/CountrySections"),
        "{schema}"
    );
    // Optional: older clients that never send it keep working.
    let required = schemas[schema]["required"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!required.contains(&"translations".into()), "{schema}");
}
