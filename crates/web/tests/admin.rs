//! The back office through the router: every page renders with labelled
//! controls, forms round-trip records, problems are shown next to their
//! fields, stale edits are refused with a clear message, history and restore.
//!
//! Requests come from a signed-in browser session and carry the form's CSRF
//! token, as a person's would; `pages_need_a_sign_in` checks strangers, and
//! `a_form_without_its_token_changes_nothing` the token itself.

#[path = "auth/browser.rs"]
mod browser;
mod common;

use axum::http::StatusCode;
use common::spawn_apps;
use kizuna_core::Expect;
use kizuna_domain::{Agreement, Role};
use support::{assert_labelled, form_fields, get, location, post, set, signed_in, tags};

/// The agreement most tests edit.
const AGREEMENT: &str = "trio-utokyo-spa-2022";
#[path = "admin/forms.rs"]
mod forms;
#[path = "admin/lifecycle.rs"]
mod lifecycle;
#[path = "admin/support.rs"]
mod support;

#[tokio::test]
async fn every_admin_page_renders_for_an_admin() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let mut uris = vec![
            "/admin/countries".to_owned(),
            "/admin/countries/jp".to_owned(),
            "/admin/countries/kr".to_owned(),
        ];
        for (collection, id) in [
            ("organisations", "utokyo"),
            ("agreements", AGREEMENT),
            ("programmes", "utokyo-ki-link"),
            ("funding", "ki-utokyo-travel-award"),
            ("contacts", "lotta-lundqvist"),
        ] {
            for suffix in [
                "",
                "/new",
                &format!("/{id}"),
                &format!("/{id}/delete"),
                &format!("/{id}/history"),
            ] {
                uris.push(format!("/admin/{collection}{suffix}"));
            }
        }
        uris.push(format!("/admin/agreements/{AGREEMENT}/renew"));
        uris.push("/admin/agreements?status=active&q=tokyo".to_owned());
        for uri in uris {
            let page = get(&app, &admin, &uri).await;
            assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
            assert!(page.content_type().starts_with("text/html"), "{uri}");
            assert_eq!(page.body.matches("<h1").count(), 1, "{uri} has one h1");
            assert!(
                !page.body.contains("<script>") && !page.body.contains(" style="),
                "{uri}: inline script or style"
            );
            assert_labelled(&uri, &page.body);
        }
    }
}

#[tokio::test]
async fn pages_need_a_sign_in() {
    for app in spawn_apps().await {
        let page = app.get("/admin/agreements").await;
        assert!(page.status.is_redirection(), "{}", page.status);
        assert!(
            location(&page).starts_with("/login?next="),
            "{}",
            location(&page)
        );
        let picker = app.get("/admin/picker?type=organisations&q=tokyo").await;
        assert_eq!(picker.status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn lists_show_internal_records_and_filter() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let mut a = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap()
            .record;
        a.visibility = kizuna_domain::Visibility::Internal;
        a.title = "A confidential arrangement".to_owned();
        app.registry().save(&a, Expect::Any, "seed").await.unwrap();
        app.state.refresh().await.unwrap();
        let list = get(&app, &admin, "/admin/agreements?q=confidential")
            .await
            .body;
        assert!(list.contains("A confidential arrangement"));
        assert!(list.contains("Internal"));
        let saved = app.registry().get::<Agreement>(AGREEMENT).await.unwrap();
        let day = saved.unwrap().record.updated_at.unwrap().format("%Y-%m-%d");
        assert!(
            list.contains(&format!("<time datetime=\"{day}\">")),
            "each row says when it last changed"
        );
        assert!(
            !list.contains("/agreements/trio-utokyo-spa\""),
            "the filter narrows the list"
        );
        let superseded = get(&app, &admin, "/admin/agreements?status=superseded")
            .await
            .body;
        assert!(
            superseded.contains("/admin/agreements/trio-utokyo-spa\""),
            "the renewed agreement is superseded"
        );
        assert_eq!(
            get(&app, &admin, "/admin/agreements?status=soon")
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
    }
}

#[tokio::test]
async fn lists_come_in_pages_in_the_readers_order() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        // 120 agreements, plus one whose title starts with an Å.
        let template = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap()
            .record;
        let named = (0..120)
            .map(|i| (format!("numbat-{i:03}"), format!("Zzz numbat {i:03}")))
            .chain([("numbat-angstrom".into(), "Ångström numbat".into())]);
        for (id, title) in named {
            let mut a = template.clone();
            a.id = id.parse().unwrap();
            a.title = title;
            a.renews = None;
            app.registry()
                .save(&a, Expect::Absent, "seed")
                .await
                .unwrap();
        }
        app.state.refresh().await.unwrap();

        let titles = |body: &str| -> Vec<String> {
            body.split("<th scope=\"row\"><a href=\"")
                .skip(1)
                .map(|row| row[row.find('>').unwrap() + 1..row.find("</a>").unwrap()].to_owned())
                .collect()
        };
        let first = get(&app, &admin, "/admin/agreements?q=numbat&lang=sv")
            .await
            .body;
        let first = titles(&first);
        assert_eq!(first.len(), 100, "100 rows a page");
        assert_eq!(first[0], "Zzz numbat 000");
        let second = get(&app, &admin, "/admin/agreements?q=numbat&page=2&lang=sv").await;
        assert_eq!(second.status, StatusCode::OK);
        assert!(
            second.body.contains("q=numbat&amp;page=1") || second.body.contains("rel=\"prev\"")
        );
        let second = titles(&second.body);
        assert_eq!(second.len(), 21);
        assert_eq!(
            second.last().unwrap(),
            "Ångström numbat",
            "å after z in Swedish"
        );
        let english = get(&app, &admin, "/admin/agreements?q=numbat&lang=en")
            .await
            .body;
        assert_eq!(
            titles(&english)[0],
            "Ångström numbat",
            "Å with the A's in English"
        );
        assert_eq!(
            get(&app, &admin, "/admin/agreements?page=two").await.status,
            StatusCode::BAD_REQUEST
        );
    }
}

#[tokio::test]
async fn an_agreement_round_trips_through_the_form() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let uri = format!("/admin/agreements/{AGREEMENT}");
        let before = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap();
        let mut fields = form_fields(&get(&app, &admin, &uri).await.body);
        assert!(fields.contains(&("revision".to_owned(), before.revision.to_string())));
        set(
            &mut fields,
            "title",
            "Strategic Partnership Agreement, renamed",
        );
        let saved = post(&app, &admin, &uri, &fields).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(location(&saved), format!("{uri}?saved=1"));
        let after = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap();
        let mut expected = before.record.clone();
        expected.title = "Strategic Partnership Agreement, renamed".to_owned();
        expected.updated_at = after.record.updated_at;
        assert_eq!(after.record, expected, "only the title changed");
        let page = get(&app, &admin, &format!("{uri}?saved=1")).await.body;
        assert!(page.contains("Saved."));
        assert!(
            app.get(&format!("/agreements/{AGREEMENT}"))
                .await
                .body
                .contains("Strategic Partnership Agreement, renamed")
        );
    }
}

#[tokio::test]
async fn unreadable_values_are_shown_next_to_their_fields() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let uri = format!("/admin/agreements/{AGREEMENT}");
        let mut fields = form_fields(&get(&app, &admin, &uri).await.body);
        set(&mut fields, "valid_from", "soon");
        set(&mut fields, "subject_areas", "0913, 12");
        fields.retain(|(k, _)| !k.starts_with("parties[1]"));
        let page = post(&app, &admin, &uri, &fields).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        let body = page.body;
        assert!(
            body.contains(r#"id="f-valid-from" name="valid_from" type="text" value="soon""#),
            "the typed value stays"
        );
        let input = tags(&body, "input")
            .into_iter()
            .find(|(t, _)| t.contains(r#"id="f-valid-from""#))
            .unwrap()
            .0;
        assert!(input.contains(r#"aria-invalid="true""#), "{input}");
        assert!(input.contains("f-valid-from-error"), "{input}");
        let error = &body[body.find(r#"id="f-valid-from-error""#).unwrap()..];
        assert!(error[..300].contains("is not a date"), "{}", &error[..300]);
        assert!(
            body.contains(r##"<a href="#f-valid-from">"##),
            "the summary links to the field"
        );
        assert!(body.contains(r#"id="f-subject-areas-error""#));
        assert!(
            body.contains("an agreement needs at least two parties"),
            "domain rules are checked as well"
        );
        assert!(body.contains(r#"id="f-parties-error""#));
        let stored = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap()
            .record;
        assert_eq!(stored.parties.len(), 2, "nothing was saved");
    }
}

#[tokio::test]
async fn rule_violations_from_the_write_path_are_shown_next_to_their_fields() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let uri = format!("/admin/agreements/{AGREEMENT}");
        let mut fields = form_fields(&get(&app, &admin, &uri).await.body);
        set(&mut fields, "title", "  ");
        set(&mut fields, "valid_from", "2023");
        set(&mut fields, "valid_until", "2022");
        let page = post(&app, &admin, &uri, &fields).await;
        assert_eq!(
            page.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            page.body
        );
        let input = tags(&page.body, "input")
            .into_iter()
            .find(|(t, _)| t.contains(r#"id="f-title""#))
            .unwrap()
            .0;
        assert!(input.contains(r#"aria-invalid="true""#), "{input}");
        assert!(page.body.contains("give the agreement a title"));
        assert!(
            page.body
                .contains("the end of validity is before its start")
        );
    }
}

#[tokio::test]
async fn a_stale_revision_shows_the_conflict_message() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let uri = format!("/admin/agreements/{AGREEMENT}");
        let mut fields = form_fields(&get(&app, &admin, &uri).await.body);
        // Someone else saves in between.
        let mut other = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap()
            .record;
        other.notes = Some("Changed meanwhile.".to_owned());
        app.registry()
            .save(&other, Expect::Any, "colleague@example.org")
            .await
            .unwrap();
        app.state.refresh().await.unwrap();
        set(&mut fields, "title", "My late change");
        let page = post(&app, &admin, &uri, &fields).await;
        assert_eq!(page.status, StatusCode::CONFLICT, "{}", page.body);
        assert!(page.body.contains(
            "Someone else changed this record since you opened it. Your changes are below."
        ));
        assert!(page.body.contains(&format!(r#"<a href="{uri}">"#)));
        assert!(
            page.body.contains("value=\"My late change\""),
            "the person's changes are kept in the form"
        );
        let stored = app
            .registry()
            .get::<Agreement>(AGREEMENT)
            .await
            .unwrap()
            .unwrap()
            .record;
        assert_eq!(
            stored.notes.as_deref(),
            Some("Changed meanwhile."),
            "never overwritten"
        );
        assert_ne!(stored.title, "My late change");
    }
}

#[tokio::test]
async fn rows_are_added_and_removed_without_script() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let uri = format!("/admin/agreements/{AGREEMENT}");
        let mut fields = form_fields(&get(&app, &admin, &uri).await.body);
        fields.push(("add".to_owned(), "parties".to_owned()));
        let page = post(&app, &admin, &uri, &fields).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains(r#"id="f-parties-2-organisation""#),
            "a third party row"
        );
        let mut fields = form_fields(&page.body);
        fields.push(("remove".to_owned(), "parties[0]".to_owned()));
        let page = post(&app, &admin, &uri, &fields).await;
        assert!(!page.body.contains(r#"id="f-parties-2-organisation""#));
        assert!(page.body.contains(r#"id="f-parties-0-organisation" name="parties[0].organisation" type="text" value="The University of Tokyo (JP)""#), "{}", &page.body[page.body.find("f-parties-0-organisation").unwrap()..][..200]);
    }
}

#[tokio::test]
async fn markdown_is_previewed_sanitised() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let text = "**Bold** <script>alert(1)</script> [x](javascript:alert(2))";
        let fragment = post(
            &app,
            &admin,
            "/admin/preview",
            &[
                ("text".into(), text.into()),
                ("fragment".into(), "1".into()),
                ("csrf".into(), admin.csrf.clone()),
            ],
        )
        .await;
        assert_eq!(fragment.status, StatusCode::OK);
        assert!(fragment.body.contains("<strong>Bold</strong>"));
        assert!(!fragment.body.contains("<script") && !fragment.body.contains("javascript:"));
        let whole = post(
            &app,
            &admin,
            "/admin/preview",
            &[
                ("text".into(), text.into()),
                ("csrf".into(), admin.csrf.clone()),
            ],
        )
        .await;
        assert_eq!(whole.body.matches("<h1").count(), 1);
        // Without script, the preview button re-renders the form with the preview.
        let uri = format!("/admin/agreements/{AGREEMENT}");
        let mut fields = form_fields(&get(&app, &admin, &uri).await.body);
        set(&mut fields, "notes", text);
        fields.push(("preview".to_owned(), "notes".to_owned()));
        let page = post(&app, &admin, &uri, &fields).await.body;
        let region = &page[page.find(r#"id="f-notes-preview""#).unwrap()..];
        assert!(
            region[..400].contains("<strong>Bold</strong>"),
            "{}",
            &region[..400]
        );
        assert!(!page.contains("<script>alert"));
    }
}

#[tokio::test]
async fn pickers_suggest_records_of_one_kind() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let found = get(&app, &admin, "/admin/picker?type=organisations&q=東京")
            .await
            .json();
        let ids: Vec<&str> = found["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&"utokyo"), "{ids:?}");
        let units = get(&app, &admin, "/admin/picker?type=units&q=")
            .await
            .json();
        assert!(
            units["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["id"] == "cmb")
        );
        assert!(
            !units["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["id"] == "utokyo")
        );
        assert_eq!(
            get(&app, &admin, "/admin/picker?type=planets&q=x")
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
    }
}
