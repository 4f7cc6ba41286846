//! Backups: a dump restored into another database (of either kind) gives
//! back every record, history entry, account, token, document and setting.

use std::sync::Arc;

use chrono::Utc;
use kizuna_core::{Registry, credentials};
use kizuna_domain::{Organisation, RecordSet, Role};
use kizuna_storage::{
    BackupCounts, Change, DumpItem, Expect, ListFilter, RestoreItem, RestoreStep, RestoredRecord,
    Store, StoreError, StoredDocument, StoredRecord, testing,
};

use crate::{email, japan, org, slugs};

const PASSWORD: &str = "correct horse battery staple";

/// A registry with history (creates, an update, a delete), the factsheet
/// for incoming students, two accounts (one token live, one revoked), a
/// document and the home setting; gives the live token.
async fn populate(store: &Arc<dyn Store>) -> String {
    let registry = Registry::new(store.clone());
    registry.load_dataset(&japan(), "demo").await.unwrap();
    let factsheet = kizuna_domain::factsheet::example();
    store
        .apply(
            vec![Registry::put_factsheet(&factsheet, Expect::Absent)],
            "anna@ki.se",
        )
        .await
        .unwrap();
    let mut tmu = registry.get::<Organisation>("tmu").await.unwrap().unwrap();
    tmu.record.city = Some("Hachioji".into());
    registry
        .save(&tmu.record, Expect::Revision(tmu.revision), "anna@ki.se")
        .await
        .unwrap();
    registry
        .delete(
            kizuna_domain::Collection::Contacts,
            "per-nilsson",
            Expect::Any,
            "anna@ki.se",
        )
        .await
        .unwrap();
    let hash = credentials::hash_password(PASSWORD).unwrap();
    let anna = store
        .create_user(&email("anna@ki.se"), &hash, Role::Admin, &[])
        .await
        .unwrap();
    store
        .create_user(&email("bo@ki.se"), &hash, Role::Editor, &slugs(&["ki"]))
        .await
        .unwrap();
    let (old, old_hash) = credentials::new_api_token();
    let old_id = store.create_token(anna.id, "old", &old_hash).await.unwrap();
    store.revoke_token(anna.id, old_id).await.unwrap();
    assert!(!old.is_empty());
    let (plain, token_hash) = credentials::new_api_token();
    store
        .create_token(anna.id, "ci", &token_hash)
        .await
        .unwrap();
    store
        .user_by_token_hash(&token_hash)
        .await
        .unwrap()
        .unwrap();
    store.put_document(&document()).await.unwrap();
    plain
}

fn document() -> StoredDocument {
    let bytes: Vec<u8> = b"%PDF-1.7\n".iter().copied().chain(0..=255).collect();
    StoredDocument {
        id: "0123456789abcdef0123456789abcdef".into(),
        agreement_id: "riken-phd-exchange".into(),
        name: "signed 署名.pdf".into(),
        content_type: "application/pdf".into(),
        size: bytes.len() as i64,
        data: bytes,
        uploaded_by: "anna@ki.se".into(),
        uploaded_at: Utc::now(),
    }
}

/// Everything a backup should carry, read through the ordinary methods.
#[derive(Debug, PartialEq)]
struct Contents {
    home: Option<String>,
    users: Vec<(kizuna_domain::User, String, Vec<kizuna_storage::ApiToken>)>,
    records: Vec<(RecordSet, String, serde_json::Value, StoredRecord)>,
    history: Vec<kizuna_storage::ChangeEntry>,
    document: Option<StoredDocument>,
}

async fn contents(store: &Arc<dyn Store>) -> Contents {
    let mut users = Vec::new();
    for user in store.list_users().await.unwrap() {
        let hash = store
            .get_user_by_email(&user.email)
            .await
            .unwrap()
            .unwrap()
            .password_hash;
        let tokens = store.list_tokens(user.id).await.unwrap();
        users.push((user, hash, tokens));
    }
    let mut records = Vec::new();
    for &set in RecordSet::ALL {
        for record in store.list(set, &ListFilter::default()).await.unwrap() {
            let value = record.value().unwrap();
            // Compared as JSON values; the text may order keys differently.
            let record = StoredRecord {
                doc: String::new(),
                ..record
            };
            records.push((set, record.id.clone(), value, record));
        }
    }
    Contents {
        home: store.setting("home").await.unwrap(),
        users,
        records,
        history: store.changes_since(0, i64::MAX).await.unwrap(),
        document: store.get_document(&document().id).await.unwrap(),
    }
}

async fn dump(store: &Arc<dyn Store>) -> (Vec<DumpItem>, BackupCounts) {
    let (out, mut items) = tokio::sync::mpsc::channel(4);
    let (counts, items) = tokio::join!(store.dump_backup(out), async {
        let mut all = Vec::new();
        while let Some(item) = items.recv().await {
            all.push(item);
        }
        all
    });
    (items, counts.unwrap())
}

/// What the command line does with a dumped item on its way back in.
fn restorable(item: DumpItem) -> RestoreItem {
    match item {
        DumpItem::Record(r) => {
            let s = r.record;
            RestoreItem::Record(
                RestoredRecord::decode(
                    r.collection,
                    &s.id,
                    &s.doc,
                    s.created_at,
                    s.updated_at,
                    s.revision,
                )
                .unwrap(),
            )
        }
        DumpItem::Setting { key, value } => RestoreItem::Setting { key, value },
        DumpItem::User(u) => RestoreItem::User(u),
        DumpItem::Token(t) => RestoreItem::Token(t),
        DumpItem::Change(c) => RestoreItem::Change(c),
        DumpItem::Document(d) => RestoreItem::Document(d),
    }
}

/// Restores `items` in steps of 7, committing unless `commit` is false.
async fn restore(
    store: &Arc<dyn Store>,
    items: Vec<DumpItem>,
    replace: bool,
    commit: bool,
) -> Result<BackupCounts, StoreError> {
    let (steps, received) = tokio::sync::mpsc::channel(2);
    let send = async move {
        let items: Vec<RestoreItem> = items.into_iter().map(restorable).collect();
        for chunk in items.chunks(7) {
            if steps
                .send(RestoreStep::Items(chunk.to_vec()))
                .await
                .is_err()
            {
                return;
            }
        }
        if commit {
            steps.send(RestoreStep::Commit).await.ok();
        }
    };
    let (restored, ()) = tokio::join!(store.restore_backup(received, replace), send);
    restored
}

/// Copies `from` into the empty `to` and checks that everything arrived
/// and that the next write continues the revisions.
async fn copy_and_compare(from: &Arc<dyn Store>, to: &Arc<dyn Store>, token: &str) {
    let (items, counts) = dump(from).await;
    let records = RecordSet::ALL.len(); // at least one of each kind
    assert!(counts.records as usize > records, "{counts}");
    assert_eq!(
        (
            counts.users,
            counts.tokens,
            counts.documents,
            counts.settings
        ),
        (2, 2, 1, 1),
        "{counts}"
    );
    let restored = restore(to, items, false, true).await.unwrap();
    assert_eq!(restored, counts, "everything sent was written");
    assert_eq!(contents(to).await, contents(from).await);
    let stored = to.get_document(&document().id).await.unwrap().unwrap();
    assert_eq!(stored.data, document().data, "byte for byte");
    let anna = to
        .user_by_token_hash(&credentials::token_hash(token))
        .await
        .unwrap()
        .expect("the token still signs its owner in");
    assert_eq!(anna.email.as_str(), "anna@ki.se");
    let account = to.get_user_by_email(&anna.email).await.unwrap().unwrap();
    assert!(credentials::verify_password(
        PASSWORD,
        &account.password_hash
    ));

    let last = to.revision().await.unwrap();
    assert_eq!(last, from.revision().await.unwrap());
    let written = to
        .apply(
            vec![Change::Put(
                org("new", "SE", "public", &["New"]),
                Expect::Absent,
            )],
            "after",
        )
        .await
        .unwrap();
    assert_eq!(written.revisions, [Some(last + 1)], "revisions continue");
    let carl = to
        .create_user(&email("carl@ki.se"), "h", Role::Viewer, &[])
        .await
        .unwrap();
    assert!(carl.id > anna.id, "account ids continue too");
    let (_, hash) = credentials::new_api_token();
    let id = to.create_token(carl.id, "t", &hash).await.unwrap();
    let highest = to.list_tokens(anna.id).await.unwrap();
    assert!(highest.iter().all(|t| t.id < id), "and token ids");
}

async fn a_backup_restores_everything(store: Arc<dyn Store>) {
    let token = populate(&store).await;
    let target = match store.backend() {
        "sqlite" => testing::fresh_sqlite().await.unwrap(),
        _ => testing::fresh_postgres().await.unwrap().unwrap(),
    };
    copy_and_compare(&store, &target, &token).await;
    let restored = Registry::new(target).factsheet().await.unwrap().unwrap();
    assert_eq!(
        restored.record.application,
        kizuna_domain::factsheet::example().application,
        "the factsheet is in the backup"
    );
}

async fn a_restore_into_a_database_with_data_is_refused(store: Arc<dyn Store>) {
    let source = testing::fresh_sqlite().await.unwrap();
    populate(&source).await;
    let (items, _) = dump(&source).await;
    store
        .create_user(&email("early@ki.se"), "h", Role::Admin, &[])
        .await
        .unwrap();
    let err = restore(&store, items.clone(), false, true)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotEmpty {
                users: 1,
                records: 0,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        store.list_users().await.unwrap().len(),
        1,
        "nothing changed"
    );
    assert_eq!(store.revision().await.unwrap(), 0);

    let counts = restore(&store, items, true, true).await.unwrap();
    assert_eq!(counts.users, 2);
    let users = store.list_users().await.unwrap();
    assert!(
        users.iter().all(|u| u.email.as_str() != "early@ki.se"),
        "replace means replace: {users:?}"
    );
    assert_eq!(contents(&store).await, contents(&source).await);
}

async fn an_unfinished_restore_changes_nothing(store: Arc<dyn Store>) {
    let token = populate(&store).await;
    let before = contents(&store).await;
    let revision = store.revision().await.unwrap();
    let source = testing::fresh_sqlite().await.unwrap();
    Registry::new(source.clone())
        .load_dataset(&japan(), "other")
        .await
        .unwrap();
    let (items, _) = dump(&source).await;
    let err = restore(&store, items, true, false).await.unwrap_err();
    assert!(matches!(err, StoreError::Abandoned), "{err}");
    assert_eq!(
        contents(&store).await,
        before,
        "the wipe was rolled back too"
    );
    assert_eq!(store.revision().await.unwrap(), revision);
    assert!(
        store
            .user_by_token_hash(&credentials::token_hash(&token))
            .await
            .unwrap()
            .is_some()
    );
    let mut broken = dump(&store).await.0;
    broken.push(broken[1].clone());
    let err = restore(&store, broken, true, true).await.unwrap_err();
    assert!(
        matches!(err, StoreError::Database(_)),
        "a duplicate account: {err}"
    );
    assert_eq!(contents(&store).await, before);
}

suite!(
    a_backup_restores_everything,
    a_restore_into_a_database_with_data_is_refused,
    an_unfinished_restore_changes_nothing,
);

#[tokio::test]
async fn backups_move_between_sqlite_and_postgres_both_ways() {
    let Some(postgres) = testing::fresh_postgres().await else {
        return;
    };
    let postgres = postgres.unwrap();
    let sqlite = testing::fresh_sqlite().await.unwrap();
    let token = populate(&sqlite).await;
    copy_and_compare(&sqlite, &postgres, &token).await;

    let back = testing::fresh_sqlite().await.unwrap();
    let (items, _) = dump(&postgres).await;
    restore(&back, items, false, true).await.unwrap();
    assert_eq!(contents(&back).await, contents(&postgres).await);
    assert_eq!(
        back.revision().await.unwrap(),
        postgres.revision().await.unwrap()
    );
}
