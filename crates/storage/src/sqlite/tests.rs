//! The SQLite backend's own rules: how pages are sought and how documents are kept.

use kizuna_domain::RecordSet;

use crate::sqlite::sql::values;

/// A page after a cursor seeks to it through the primary key: written as
/// `(?6 IS NULL OR id > ?6)` it walked every row before the cursor, so
/// reading a registry page by page (every start) grew with its square.
#[tokio::test]
async fn a_page_after_a_cursor_seeks_to_it() {
    let store = crate::sqlite::SqliteStore::open(&crate::testing::fresh_sqlite_url())
        .await
        .unwrap();
    crate::sqlite::sql::MIGRATOR.run(&store.pool).await.unwrap();
    let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "EXPLAIN QUERY PLAN {}",
        crate::sqlite::sql::LIST
    )))
    .bind("organisations")
    .bind(false)
    .bind(None::<String>)
    .bind(None::<String>)
    .bind(None::<String>)
    .bind("riken")
    .bind(1000)
    .fetch_all(&store.pool)
    .await
    .unwrap();
    let steps: Vec<&str> = plan.iter().map(|row| row.3.as_str()).collect();
    assert!(
        steps.iter().any(|s| s.contains("collection=? AND id>?")),
        "{steps:?}"
    );
}

/// A record's document is kept once, in the change log; records written
/// before migration 0005 keep their own copy and read the same.
#[tokio::test]
async fn documents_are_stored_once_and_older_rows_keep_theirs() {
    use crate::{Change, Expect, NewRecord, Store};
    let store = crate::sqlite::SqliteStore::open(&crate::testing::fresh_sqlite_url())
        .await
        .unwrap();
    crate::sqlite::sql::MIGRATOR
        .run_to(4, &store.pool)
        .await
        .unwrap();
    let old = r#"{"id":"ki","kind":"education","names":[]}"#;
    for statement in [
        "INSERT INTO changes (collection, record_id, action, actor, at, after) \
         VALUES ('organisations', 'ki', 'create', 't', '2026-01-01T00:00:00Z', ?1)",
        "INSERT INTO records (collection, id, visibility, doc, created_at, updated_at, revision) \
         VALUES ('organisations', 'ki', 'public', ?1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1)",
    ] {
        sqlx::query(statement)
            .bind(old)
            .execute(&store.pool)
            .await
            .unwrap();
    }
    crate::sqlite::sql::MIGRATOR.run(&store.pool).await.unwrap();
    let ki = store.get(RecordSet::Organisations, "ki").await.unwrap();
    assert_eq!(ki.unwrap().doc, old, "an older row keeps its own copy");

    let doc = r#"{"id":"tmu","kind":"education","names":[]}"#;
    let tmu = NewRecord {
        collection: RecordSet::Organisations,
        id: "tmu".into(),
        kind: None,
        country: None,
        visibility: kizuna_domain::Visibility::Public,
        search_text: String::new(),
        doc: doc.into(),
    };
    store
        .apply(vec![Change::Put(tmu, Expect::Absent)], "t")
        .await
        .unwrap();
    let own: Option<String> = sqlx::query_scalar("SELECT doc FROM records WHERE id = 'tmu'")
        .fetch_one(&store.pool)
        .await
        .unwrap();
    assert_eq!(
        own, None,
        "a write keeps the document in the change log only"
    );
    let tmu = store.get(RecordSet::Organisations, "tmu").await.unwrap();
    assert_eq!(tmu.unwrap().doc, doc);
}

#[test]
fn values_repeat_the_row() {
    assert_eq!(
        values("INSERT INTO t VALUES ", "(?, ?)", 3),
        "INSERT INTO t VALUES (?, ?),(?, ?),(?, ?)"
    );
    assert_eq!(values("X ", "(?)", 1), "X (?)");
}
