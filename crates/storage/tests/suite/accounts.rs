//! Staff accounts (created, found, listed, changed) and the API tokens
//! that act for them.

use std::sync::Arc;

use chrono::Utc;
use kizuna_core::credentials;
use kizuna_domain::Role;
use kizuna_storage::{Store, StoreError, UserPatch};

use crate::{email, slugs};

async fn accounts_are_created_found_and_listed(store: Arc<dyn Store>) {
    let hash = credentials::hash_password("a long enough passphrase").unwrap();
    let anna = store
        .create_user(
            &email("Anna@KI.se"),
            &hash,
            Role::Editor,
            &slugs(&["cmb", "bionut"]),
        )
        .await
        .unwrap();
    assert_eq!(anna.email.as_str(), "anna@ki.se");
    assert_eq!((anna.role, anna.disabled), (Role::Editor, false));
    assert_eq!(
        anna.units,
        slugs(&["cmb", "bionut"]),
        "units keep their order"
    );
    assert!(anna.created_at <= Utc::now());
    let admin = store
        .create_user(&email("admin@ki.se"), "x", Role::Admin, &[])
        .await
        .unwrap();
    assert_ne!(admin.id, anna.id);

    assert_eq!(store.get_user(anna.id).await.unwrap().as_ref(), Some(&anna));
    assert_eq!(store.get_user(anna.id + 1000).await.unwrap(), None);
    let account = store
        .get_user_by_email(&email("ANNA@ki.se"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.user, anna);
    assert!(credentials::verify_password(
        "a long enough passphrase",
        &account.password_hash
    ));
    assert!(
        store
            .get_user_by_email(&email("nobody@ki.se"))
            .await
            .unwrap()
            .is_none()
    );
    let listed = store.list_users().await.unwrap();
    assert_eq!(
        listed.iter().map(|u| u.email.as_str()).collect::<Vec<_>>(),
        ["admin@ki.se", "anna@ki.se"],
        "by address"
    );

    let err = store
        .create_user(&email("anna@ki.se"), "y", Role::Viewer, &[])
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::AlreadyExists { collection, id } if collection == "users" && id == "anna@ki.se"),
        "{err}"
    );
    assert_eq!(store.list_users().await.unwrap().len(), 2);
    assert_eq!(
        store.revision().await.unwrap(),
        0,
        "accounts are not records"
    );
}

async fn accounts_change_role_units_state_and_password(store: Arc<dyn Store>) {
    let user = store
        .create_user(&email("bo@ki.se"), "old", Role::Viewer, &[])
        .await
        .unwrap();
    let editor = store
        .update_user(
            user.id,
            &UserPatch {
                role: Some(Role::Editor),
                units: Some(slugs(&["cmb"])),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (editor.role, editor.units.clone()),
        (Role::Editor, slugs(&["cmb"]))
    );
    assert_eq!(editor.created_at, user.created_at);
    let disabled = store
        .update_user(
            user.id,
            &UserPatch {
                disabled: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(disabled.disabled);
    assert_eq!(
        (disabled.role, disabled.units.clone()),
        (Role::Editor, slugs(&["cmb"])),
        "what the patch leaves out is kept"
    );
    let unchanged = store
        .update_user(user.id, &UserPatch::default())
        .await
        .unwrap();
    assert_eq!(unchanged, disabled);
    let enabled = store
        .update_user(
            user.id,
            &UserPatch {
                disabled: Some(false),
                units: Some(vec![]),
                role: Some(Role::Admin),
            },
        )
        .await
        .unwrap();
    assert!(!enabled.disabled);
    assert_eq!((enabled.role, enabled.units.len()), (Role::Admin, 0));

    store.set_password_hash(user.id, "new").await.unwrap();
    let account = store
        .get_user_by_email(&email("bo@ki.se"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.password_hash, "new");

    let err = store.set_password_hash(999, "x").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    let err = store
        .update_user(999, &UserPatch::default())
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
}

async fn tokens_authenticate_until_revoked(store: Arc<dyn Store>) {
    let cora = store
        .create_user(&email("cora@ki.se"), "h", Role::Editor, &slugs(&["cmb"]))
        .await
        .unwrap();
    let other = store
        .create_user(&email("dan@ki.se"), "h", Role::Viewer, &[])
        .await
        .unwrap();
    let (plain, hash) = credentials::new_api_token();
    let id = store.create_token(cora.id, "laptop", &hash).await.unwrap();
    let tokens = store.list_tokens(cora.id).await.unwrap();
    assert_eq!(tokens.len(), 1);
    assert_eq!(
        (tokens[0].id, tokens[0].user_id, tokens[0].name.as_str()),
        (id, cora.id, "laptop")
    );
    assert_eq!((tokens[0].last_used_at, tokens[0].revoked_at), (None, None));

    let found = store
        .user_by_token_hash(&credentials::token_hash(&plain))
        .await
        .unwrap();
    assert_eq!(found.as_ref(), Some(&cora));
    let used = store.list_tokens(cora.id).await.unwrap()[0].last_used_at;
    assert!(used.is_some(), "a use is noted");
    store.user_by_token_hash(&hash).await.unwrap().unwrap();
    assert_eq!(
        store.list_tokens(cora.id).await.unwrap()[0].last_used_at,
        used,
        "noted at most once a minute"
    );
    assert_eq!(
        store
            .user_by_token_hash(&credentials::token_hash("kz_guess"))
            .await
            .unwrap(),
        None
    );

    let err = store
        .create_token(cora.id, "laptop", &credentials::new_api_token().1)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::AlreadyExists { collection, .. } if collection == "api_tokens"),
        "a live name is unique per user: {err}"
    );
    store
        .create_token(other.id, "laptop", &credentials::new_api_token().1)
        .await
        .expect("another user may use the same name");
    let err = store.create_token(999, "x", "y").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");

    let err = store.revoke_token(other.id, id).await.unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound { .. }),
        "only the owner's token is revoked: {err}"
    );
    assert!(store.user_by_token_hash(&hash).await.unwrap().is_some());
    store.revoke_token(cora.id, id).await.unwrap();
    assert_eq!(store.user_by_token_hash(&hash).await.unwrap(), None);
    let err = store.revoke_token(cora.id, id).await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    let tokens = store.list_tokens(cora.id).await.unwrap();
    assert!(tokens[0].revoked_at.is_some(), "revoked tokens stay listed");

    let (_, hash2) = credentials::new_api_token();
    let id2 = store.create_token(cora.id, "laptop", &hash2).await.unwrap();
    assert!(id2 > id, "a revoked token's name can be used again");
    assert_eq!(
        store
            .list_tokens(cora.id)
            .await
            .unwrap()
            .iter()
            .map(|t| t.id)
            .collect::<Vec<_>>(),
        [id, id2]
    );
    store
        .update_user(
            cora.id,
            &UserPatch {
                disabled: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store.user_by_token_hash(&hash2).await.unwrap(),
        None,
        "a disabled account's tokens stop working"
    );
}

suite!(
    accounts_are_created_found_and_listed,
    accounts_change_role_units_state_and_password,
    tokens_authenticate_until_revoked,
);
