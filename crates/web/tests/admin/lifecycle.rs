//! History, restore, create, delete, renew and the country pages' text.

use axum::http::StatusCode;
use kizuna_core::Expect;
use kizuna_domain::{Agreement, Role};

use crate::AGREEMENT;
use crate::common::spawn_apps;
use crate::support::{form_fields, get, location, post, set, signed_in};

#[tokio::test]
async fn the_history_page_lists_changes_and_offers_restore_to_admins() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let viewer = signed_in(&app, Role::Viewer).await;
        let mut a = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap()
            .record;
        let old_title = a.title.clone();
        a.title = "A new title".to_owned();
        app.registry()
            .save(&a, Expect::Any, "colleague@example.org")
            .await
            .unwrap();
        app.state.refresh().await.unwrap();
        let uri = format!("/admin/agreements/{AGREEMENT}/history");
        let page = get(&app, &admin, &uri).await;
        assert_eq!(page.status, StatusCode::OK);
        let body = page.body;
        assert!(body.contains("colleague@example.org"));
        assert!(body.contains("Revision "));
        assert!(
            body.contains(&format!("<del>{old_title}</del>")),
            "the title before"
        );
        assert!(body.contains("<ins>A new title</ins>"));
        assert!(body.contains("<th scope=\"row\">Title</th>"));
        assert!(body.contains("Restore this version"));
        assert!(
            !get(&app, &viewer, &uri)
                .await
                .body
                .contains("Restore this version")
        );
    }
}

#[tokio::test]
async fn an_admin_restores_an_earlier_version() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let first = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap();
        let mut a = first.record.clone();
        a.title = "A mistaken title".to_owned();
        app.registry()
            .save(&a, Expect::Any, "colleague@example.org")
            .await
            .unwrap();
        app.state.refresh().await.unwrap();
        let current = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap()
            .revision;
        let fields = [
            ("to_revision".to_owned(), first.revision.to_string()),
            ("revision".to_owned(), current.to_string()),
            ("csrf".to_owned(), admin.csrf.clone()),
        ];
        let uri = format!("/admin/agreements/{AGREEMENT}/restore");
        let done = post(&app, &admin, &uri, &fields).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let restored = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap()
            .record;
        assert_eq!(restored.title, first.record.title);
        let stale = post(&app, &admin, &uri, &fields).await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
        assert!(stale.body.contains("Not restored"));
    }
}

#[tokio::test]
async fn a_record_is_created_and_deleted_through_forms() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let mut fields = form_fields(&get(&app, &admin, "/admin/contacts/new").await.body);
        set(&mut fields, "name", "Hanako Yamada");
        set(&mut fields, "email", "hanako@example.org");
        set(&mut fields, "countries", "jp");
        let created = post(&app, &admin, "/admin/contacts/new", &fields).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        assert_eq!(location(&created), "/admin/contacts/hanako-yamada?saved=1");
        let page = get(&app, &admin, "/admin/contacts/hanako-yamada")
            .await
            .body;
        assert!(page.contains("value=\"hanako@example.org\""));
        let confirm = form_fields(
            &get(&app, &admin, "/admin/contacts/hanako-yamada/delete")
                .await
                .body,
        );
        let deleted = post(
            &app,
            &admin,
            "/admin/contacts/hanako-yamada/delete",
            &confirm,
        )
        .await;
        assert_eq!(deleted.status, StatusCode::SEE_OTHER, "{}", deleted.body);
        assert_eq!(
            get(&app, &admin, "/admin/contacts/hanako-yamada")
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn a_new_record_with_problems_keeps_what_was_typed() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let mut fields = form_fields(&get(&app, &admin, "/admin/contacts/new").await.body);
        set(&mut fields, "name", "Taro");
        set(&mut fields, "countries", "jp, xx");
        let page = post(&app, &admin, "/admin/contacts/new", &fields).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.body.contains("value=\"jp, xx\""));
        assert!(page.body.contains(r#"id="f-countries-error""#));
    }
}

#[tokio::test]
async fn an_agreement_is_renewed() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let uri = format!("/admin/agreements/{AGREEMENT}/renew");
        let form = get(&app, &admin, &uri).await.body;
        let mut fields = form_fields(&form);
        let get_field = |k: &str| {
            fields
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        // Pickers show names; the server reads them back as ids.
        assert_eq!(
            get_field("renews"),
            "Strategic Partnership Agreement, Stockholm Trio – University of Tokyo (renewal 2022)"
        );
        assert_eq!(get_field("valid_from"), "");
        assert_eq!(
            get_field("parties[1].organisation"),
            "The University of Tokyo (JP)"
        );
        let id = get_field("id");
        set(&mut fields, "valid_from", "2027-01-01");
        let done = post(&app, &admin, &uri, &fields).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let successor = app
            .registry()
            .get::<Agreement>(&id)
            .await
            .unwrap()
            .unwrap()
            .record;
        assert_eq!(
            successor.renews.as_ref().map(|r| r.as_str()),
            Some(AGREEMENT)
        );
        assert_eq!(successor.parties.len(), 2);
    }
}

#[tokio::test]
async fn a_country_page_text_is_saved() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let mut fields = form_fields(&get(&app, &admin, "/admin/countries/jp").await.body);
        set(
            &mut fields,
            "sections.intro",
            "Kizuna **bonds** with Japan.",
        );
        let done = post(&app, &admin, "/admin/countries/jp", &fields).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert!(
            app.get("/countries/jp")
                .await
                .body
                .contains("<strong>bonds</strong>")
        );
    }
}

#[tokio::test]
async fn an_edit_of_a_record_deleted_meanwhile_is_kept_and_explained() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let uri = "/admin/contacts/per-nilsson";
        let mut fields = form_fields(&get(&app, &admin, uri).await.body);
        let registry = app.registry();
        let current = registry
            .get::<kizuna_domain::Contact>("per-nilsson")
            .await
            .unwrap()
            .unwrap();
        registry
            .delete(
                kizuna_domain::Collection::Contacts,
                "per-nilsson",
                Expect::Revision(current.revision),
                "colleague@example.org",
            )
            .await
            .unwrap();
        app.state.refresh().await.unwrap();
        set(&mut fields, "role", "Still here?");
        let page = post(&app, &admin, uri, &fields).await;
        assert_eq!(page.status, StatusCode::CONFLICT, "{}", page.body);
        assert!(
            page.body
                .contains("Someone else deleted this record since you opened it")
        );
        assert!(page.body.contains("value=\"Still here?\""));
        assert!(page.body.contains(&format!(r#"<a href="{uri}/history">"#)));
    }
}

#[tokio::test]
async fn a_form_without_its_token_changes_nothing() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let uri = format!("/admin/agreements/{AGREEMENT}");
        let mut fields = form_fields(&get(&app, &admin, &uri).await.body);
        assert!(
            fields.contains(&("csrf".to_owned(), admin.csrf.clone())),
            "the form carries the session's token"
        );
        set(&mut fields, "title", "Forged title");
        let without: Vec<_> = fields
            .iter()
            .filter(|(k, _)| k != "csrf")
            .cloned()
            .collect();
        let mut forged = fields.clone();
        set(&mut forged, "csrf", "forged");
        for attempt in [&without, &forged] {
            let refused = post(&app, &admin, &uri, attempt).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
            assert!(
                refused
                    .body
                    .contains("This form has expired or came from another site")
            );
        }
        let confirm = form_fields(&get(&app, &admin, &format!("{uri}/delete")).await.body);
        let no_token: Vec<_> = confirm.into_iter().filter(|(k, _)| k != "csrf").collect();
        let refused = post(&app, &admin, &format!("{uri}/delete"), &no_token).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
        let stored = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .expect("not deleted")
            .record;
        assert_ne!(stored.title, "Forged title", "not changed");
        let saved = post(&app, &admin, &uri, &fields).await;
        assert_eq!(
            saved.status,
            StatusCode::SEE_OTHER,
            "with its token it is saved"
        );
    }
}
