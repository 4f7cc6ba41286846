//! Shared set-up of the spreadsheet tests: the Japan dataset in a fresh
//! SQLite file and, when a server is configured, a fresh PostgreSQL database.

#![allow(dead_code)]

use std::future::Future;
use std::sync::Arc;

use kizuna_core::{Registry, Snapshot, Writer};
use kizuna_domain::{Collection, Dataset, StatusContext};
use kizuna_interop::sheets::{self, Format, Mapping, Outcome, Plan};
use kizuna_storage::testing;

/// The Japan dataset, as `kizuna demo` loads it.
pub fn japan() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/japan.toml");
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Runs `test` on a registry holding the Japan dataset, on SQLite, then on
/// PostgreSQL when one is configured.
pub async fn on_each_database<F, Fut>(test: F)
where
    F: Fn(Registry) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut stores = vec![testing::fresh_sqlite().await.unwrap()];
    if let Some(pg) = testing::fresh_postgres().await {
        stores.push(pg.unwrap());
    }
    for store in stores {
        let registry = Registry::new(store);
        let writer = Writer::load(registry.clone()).await.unwrap();
        writer.import(&mut japan(), "test").await.unwrap();
        test(registry).await;
    }
}

/// A fixed day, so no test depends on today's date.
pub fn status_context() -> StatusContext {
    StatusContext {
        today: "2026-11-29".parse().unwrap(),
        expiring_window_days: 180,
    }
}

/// The registry as it is now.
pub async fn snapshot(registry: &Registry) -> Arc<Snapshot> {
    Arc::new(registry.snapshot().await.unwrap())
}

/// Plans importing `bytes` as `collection` with no mapping file, by an operator.
pub async fn plan(
    registry: &Registry,
    bytes: &[u8],
    format: Format,
    collection: Collection,
) -> Plan {
    plan_with(registry, bytes, format, collection, &Mapping::default()).await
}

/// Plans importing `bytes` with a mapping file.
pub async fn plan_with(
    registry: &Registry,
    bytes: &[u8],
    format: Format,
    collection: Collection,
    mapping: &Mapping,
) -> Plan {
    let snapshot = snapshot(registry).await;
    sheets::read_plan(bytes, format, collection, mapping, &snapshot, None)
        .unwrap_or_else(|e| panic!("the sheet cannot be read: {e}"))
}

/// Applies a plan as an operator would; returns the change set's revisions.
pub async fn apply(registry: &Registry, plan: &Plan) -> (i64, i64) {
    let writer = Writer::load(registry.clone()).await.unwrap();
    let set = sheets::apply(&writer, plan, None, "import").await.unwrap();
    set.revisions.expect("something was written")
}

/// Each row's outcome as a short word with its details, for assertions.
pub fn outcomes(plan: &Plan) -> Vec<String> {
    plan.rows
        .iter()
        .map(|r| match &r.outcome {
            Outcome::Created => format!("{}: created {}", r.line, r.id.clone().unwrap_or_default()),
            Outcome::Changed(fields) => format!(
                "{}: changed {} ({})",
                r.line,
                r.id.clone().unwrap_or_default(),
                fields.join(", ")
            ),
            Outcome::Unchanged => format!("{}: unchanged", r.line),
            Outcome::Error(errors) => {
                let what: Vec<String> = errors
                    .iter()
                    .map(|e| format!("[{}] {}", e.column, e.message))
                    .collect();
                format!("{}: error {}", r.line, what.join(" | "))
            }
        })
        .collect()
}
