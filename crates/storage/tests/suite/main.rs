//! The storage suite: every test runs against SQLite and PostgreSQL, each on a
//! fresh database.
//!
//! The tests are grouped by area, one module each; they stay one test
//! binary so the suite builds once.

use kizuna_domain::{Dataset, Email, RecordSet, Slug};
use kizuna_storage::{NewRecord, testing};
use serde_json::json;

fn org(id: &str, country: &str, visibility: &str, names: &[&str]) -> NewRecord {
    let doc = json!({
        "id": id, "kind": "education", "country": country, "visibility": visibility,
        "names": names.iter().map(|n| json!({"value": n, "kind": "display"})).collect::<Vec<_>>(),
    });
    NewRecord {
        collection: RecordSet::Organisations,
        id: id.into(),
        kind: Some("education".into()),
        country: Some(country.parse().unwrap()),
        visibility: visibility.parse().unwrap(),
        search_text: names.join("\n").to_lowercase(),
        doc: doc.to_string(),
    }
}

/// A written document as a JSON tree, to compare with what history reads back.
fn tree(doc: &str) -> serde_json::Value {
    serde_json::from_str(doc).expect("documents are JSON")
}

/// Renames a record's first name in its document.
fn rename(record: &mut NewRecord, name: String) {
    let mut doc = tree(&record.doc);
    doc["names"][0]["value"] = serde_json::Value::String(name);
    record.doc = doc.to_string();
}

fn japan() -> Dataset {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/japan.toml"
    ))
    .unwrap();
    let mut data: Dataset = toml::from_str(&text).unwrap();
    data.validate().unwrap();
    data
}

fn email(s: &str) -> Email {
    s.parse().unwrap()
}

fn slugs(ids: &[&str]) -> Vec<Slug> {
    ids.iter().map(|id| id.parse().unwrap()).collect()
}

/// Runs each named test of the calling module on a fresh SQLite database
/// and, when PostgreSQL is configured, on a fresh PostgreSQL one.
macro_rules! suite {
    ($($test:ident),+ $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $test() {
                super::$test(kizuna_storage::testing::fresh_sqlite().await.unwrap()).await;
            })+
        }
        mod postgres {
            $(#[tokio::test]
            async fn $test() {
                if let Some(store) = kizuna_storage::testing::fresh_postgres().await {
                    super::$test(store.unwrap()).await;
                }
            })+
        }
    };
}

#[test]
fn unknown_database_urls_are_refused() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let err = rt
        .block_on(kizuna_storage::connect("mysql://x"))
        .err()
        .unwrap();
    assert!(err.to_string().contains("unsupported database URL"));
    let _ = testing::POSTGRES_ENV;
}

mod accounts;
mod backups;
mod batches;
mod documents;
mod history;
mod reads;
mod sessions;
mod writes;
