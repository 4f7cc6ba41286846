//! Single sign-on's accounts on both databases: made on first sign-in with
//! the mapped role, updated on later ones, linked by subject, refused when
//! disabled or when no group is mapped.

use std::sync::Arc;

use kizuna_core::sign_on::{Identity, SignOnError, identity_key, sign_on};
use kizuna_core::{Store, UserPatch};
use kizuna_domain::Role;
use kizuna_domain::sign_on::RoleMap;

fn roles() -> RoleMap {
    toml::from_str(
        r#"
        "kizuna-admins" = { role = "admin" }
        "nursing-coordinators" = { role = "editor", units = ["ki-nvs"] }
        "staff" = { role = "viewer" }
        "#,
    )
    .unwrap()
}

fn identity(subject: &str, email: &str, groups: &[&str]) -> Identity {
    Identity {
        issuer: "http://127.0.0.1:9/idp".to_owned(),
        subject: subject.to_owned(),
        email: Some(email.to_owned()),
        email_verified: Some(true),
        role_values: groups.iter().map(|g| (*g).to_owned()).collect(),
    }
}

async fn accounts_follow_the_provider(store: Arc<dyn Store>) {
    store.migrate().await.unwrap();
    let store = store.as_ref();
    let roles = roles();

    // First sign-in makes the account with the mapped role and units.
    let first = sign_on(
        store,
        &roles,
        &identity("u1", "Nurse@KI.se", &["nursing-coordinators"]),
    )
    .await
    .unwrap();
    assert!(first.created);
    assert_eq!(first.user.email.as_str(), "nurse@ki.se");
    assert_eq!(first.user.role, Role::Editor);
    assert_eq!(first.user.units[0].as_str(), "ki-nvs");
    let account = store
        .get_user_by_email(&first.user.email)
        .await
        .unwrap()
        .unwrap();
    assert!(
        !kizuna_core::credentials::verify_password("", &account.password_hash),
        "no password signs in to an account made by single sign-on"
    );

    // A later sign-in, by subject, takes the new role; a changed address changes nothing.
    let later = sign_on(
        store,
        &roles,
        &identity("u1", "renamed@ki.se", &["staff", "kizuna-admins"]),
    )
    .await
    .unwrap();
    assert!(!later.created);
    assert_eq!(later.user.id, first.user.id);
    assert_eq!(later.user.role, Role::Admin);
    assert!(later.user.units.is_empty());
    assert_eq!(store.list_users().await.unwrap().len(), 1);

    // No mapped group: refused, and no account is made.
    let err = sign_on(
        store,
        &roles,
        &identity("u2", "student@ki.se", &["students"]),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, SignOnError::NoRole { ref values } if values == &["students"]));
    assert_eq!(store.list_users().await.unwrap().len(), 1);

    // A disabled account is refused, whatever its groups.
    store
        .update_user(
            first.user.id,
            &UserPatch {
                disabled: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let err = sign_on(
        store,
        &roles,
        &identity("u1", "nurse@ki.se", &["kizuna-admins"]),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, SignOnError::Disabled(_)), "{err}");
    let err = sign_on(store, &roles, &identity("u1", "nurse@ki.se", &["students"]))
        .await
        .unwrap_err();
    assert!(matches!(err, SignOnError::Disabled(_)), "{err}");

    // An account made by an administrator is linked by its address on first sign-in.
    let made = store
        .create_user(&"coord@ki.se".parse().unwrap(), "x", Role::Viewer, &[])
        .await
        .unwrap();
    let linked = sign_on(
        store,
        &roles,
        &identity("u3", "coord@ki.se", &["kizuna-admins"]),
    )
    .await
    .unwrap();
    assert_eq!((linked.user.id, linked.created), (made.id, false));
    assert_eq!(linked.user.role, Role::Admin);
    let key = identity_key("http://127.0.0.1:9/idp", "u3");
    assert_eq!(
        store.user_by_identity(&key).await.unwrap().unwrap().id,
        made.id
    );

    // ... but never taken over by another identity with the same address.
    let err = sign_on(
        store,
        &roles,
        &identity("u4", "coord@ki.se", &["kizuna-admins"]),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, SignOnError::LinkedElsewhere(_)), "{err}");

    // A new identity needs a verified address.
    let mut unverified = identity("u5", "new@ki.se", &["staff"]);
    unverified.email_verified = Some(false);
    let err = sign_on(store, &roles, &unverified).await.unwrap_err();
    assert!(matches!(err, SignOnError::NoEmail), "{err}");
    let mut missing = identity("u5", "new@ki.se", &["staff"]);
    missing.email = None;
    let err = sign_on(store, &roles, &missing).await.unwrap_err();
    assert!(matches!(err, SignOnError::NoEmail), "{err}");
    assert_eq!(store.list_users().await.unwrap().len(), 2);
}

#[tokio::test]
async fn accounts_follow_the_provider_on_sqlite() {
    let store = kizuna_storage::testing::fresh_sqlite().await.unwrap();
    accounts_follow_the_provider(store).await;
}

#[tokio::test]
async fn accounts_follow_the_provider_on_postgres() {
    let Some(store) = kizuna_storage::testing::fresh_postgres().await else {
        return;
    };
    accounts_follow_the_provider(store.unwrap()).await;
}
