//! A registry over a fresh SQLite file holding the Japan dataset, and the
//! people who act on it.

#![allow(dead_code)]

use kizuna_core::{Registry, WriteError, Writer};
use kizuna_domain::{Agreement, Dataset, Role, User};
use serde_json::json;

pub fn japan() -> Dataset {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/japan.toml"
    ))
    .unwrap();
    toml::from_str(&text).unwrap()
}

/// A fresh SQLite registry with the Japan dataset loaded.
pub async fn registry() -> Registry {
    let store = kizuna_storage::testing::fresh_sqlite().await.unwrap();
    let registry = Registry::new(store);
    registry.load_dataset(&japan(), "test").await.unwrap();
    registry
}

/// A fresh registry with the Japan dataset on each database there is to
/// test on: SQLite, and PostgreSQL when `KIZUNA_TEST_POSTGRES_URL` names a server.
pub async fn registries() -> Vec<Registry> {
    let mut all = vec![registry().await];
    if let Some(store) = kizuna_storage::testing::fresh_postgres().await {
        let registry = Registry::new(store.unwrap());
        registry.load_dataset(&japan(), "test").await.unwrap();
        all.push(registry);
    }
    all
}

/// A writer judging by the registry as it is now (after earlier writes).
pub async fn writer(registry: &Registry) -> Writer {
    Writer::load(registry.clone()).await.unwrap()
}

fn user(id: i64, email: &str, role: Role, units: &[&str]) -> User {
    User {
        id,
        email: email.parse().unwrap(),
        role,
        units: units.iter().map(|u| u.parse().unwrap()).collect(),
        disabled: false,
        created_at: chrono::Utc::now(),
    }
}

pub fn admin() -> User {
    user(1, "admin@ki.se", Role::Admin, &[])
}

/// The editor of unit `cmb` (and the units below it).
pub fn editor() -> User {
    user(2, "editor@ki.se", Role::Editor, &["cmb"])
}

pub fn viewer() -> User {
    user(3, "viewer@ki.se", Role::Viewer, &[])
}

/// A valid agreement between KI and RIKEN administered by `home_unit`.
pub fn agreement(id: &str, home_unit: Option<&str>) -> Agreement {
    serde_json::from_value(json!({
        "id": id, "kind": "mou", "level": "department", "title": format!("Agreement {id}"),
        "parties": [{"organisation": "ki"}, {"organisation": "riken"}],
        "home_unit": home_unit,
    }))
    .unwrap()
}

/// The fields of an [`WriteError::Invalid`], or a panic naming what came instead.
pub fn invalid_fields<T: std::fmt::Debug>(result: Result<T, WriteError>) -> Vec<String> {
    match result {
        Err(WriteError::Invalid(errors)) => errors.0.into_iter().map(|e| e.field).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

/// Asserts a refusal for the role or scope.
#[track_caller]
pub fn assert_forbidden<T: std::fmt::Debug>(result: Result<T, WriteError>) {
    assert!(
        matches!(
            result,
            Err(WriteError::Forbidden(_) | WriteError::OutOfScope { .. })
        ),
        "expected forbidden, got {result:?}"
    );
}
