//! Web sessions until they expire, and failed sign-ins counted per key.

use std::sync::Arc;

use chrono::{Duration, Utc};
use kizuna_storage::Store;

async fn sessions_are_kept_until_they_expire(store: Arc<dyn Store>) {
    let later = Utc::now() + Duration::hours(1);
    assert_eq!(store.session_load("s1").await.unwrap(), None);
    store.session_save("s1", "{\"a\":1}", later).await.unwrap();
    assert_eq!(
        store.session_load("s1").await.unwrap().as_deref(),
        Some("{\"a\":1}")
    );
    store.session_save("s1", "{\"a\":2}", later).await.unwrap();
    assert_eq!(
        store.session_load("s1").await.unwrap().as_deref(),
        Some("{\"a\":2}")
    );
    store
        .session_save("old", "{}", Utc::now() - Duration::seconds(1))
        .await
        .unwrap();
    assert_eq!(store.session_load("old").await.unwrap(), None, "expired");
    assert_eq!(store.session_delete_expired().await.unwrap(), 1);
    assert_eq!(store.session_delete_expired().await.unwrap(), 0);
    assert!(store.session_load("s1").await.unwrap().is_some());
    store.session_delete("s1").await.unwrap();
    store.session_delete("s1").await.unwrap();
    assert_eq!(store.session_load("s1").await.unwrap(), None);
}

async fn failed_sign_ins_are_counted_per_key(store: Arc<dyn Store>) {
    let now = Utc::now();
    for minutes in [30, 10, 1] {
        store
            .record_login_failure("anna@ki.se", now - Duration::minutes(minutes))
            .await
            .unwrap();
    }
    store.record_login_failure("10.0.0.1", now).await.unwrap();
    let count = |key: &'static str, minutes: i64| {
        let store = store.clone();
        async move {
            store
                .count_login_failures(key, now - Duration::minutes(minutes))
                .await
                .unwrap()
        }
    };
    assert_eq!(count("anna@ki.se", 60).await, 3);
    assert_eq!(count("anna@ki.se", 15).await, 2);
    assert_eq!(
        count("anna@ki.se", 10).await,
        2,
        "the window's start counts"
    );
    assert_eq!(count("nobody", 60).await, 0);
    assert_eq!(
        store
            .prune_login_failures(now - Duration::minutes(20))
            .await
            .unwrap(),
        1
    );
    assert_eq!(count("anna@ki.se", 60).await, 2);
    store.clear_login_failures("anna@ki.se").await.unwrap();
    assert_eq!(count("anna@ki.se", 60).await, 0);
    assert_eq!(count("10.0.0.1", 60).await, 1, "other keys are kept");
}

suite!(
    sessions_are_kept_until_they_expire,
    failed_sign_ins_are_counted_per_key,
);
