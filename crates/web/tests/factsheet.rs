//! The factsheet for incoming students through the router, on SQLite and
//! PostgreSQL: an admin fills in the form in /admin, the public reads it at
//! /incoming (linked from the home page and every footer), and a partner's
//! signed request gets it as Factsheet v1 XML that validates against the
//! official schema and carries the values. The form reports every problem at
//! once, refuses a stale save, and only admins may save it.

#[path = "auth/browser.rs"]
mod browser;
mod common;
// Shared helpers, of which this file uses a part.
#[allow(dead_code)]
#[path = "ewp_node/support.rs"]
mod node_support;
#[allow(dead_code)]
#[path = "admin/support.rs"]
mod support;

use axum::http::StatusCode;
use common::{TestApp, spawn_apps};
use kizuna_domain::Role;
use node_support::{assert_valid, node};
use support::{Staff, assert_labelled, form_fields, get, location, post, set, signed_in};

const XSD: &str = "ewp-specs-api-factsheet/stable-v1/response.xsd";

/// The form as an admin fills it in, typed as people type.
async fn filled_form(app: &TestApp, admin: &Staff) -> Vec<(String, String)> {
    let page = get(app, admin, "/admin/factsheet").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_labelled("/admin/factsheet", &page.body);
    let mut fields = form_fields(&page.body);
    for (name, value) in [
        ("nominations.autumn", "15 April"),
        ("nominations.spring", "1/10"),
        ("applications.autumn", "--05-01"),
        ("applications.spring", "October 15"),
        ("decision_weeks", "5"),
        ("tor_weeks", "4"),
        ("application.email", "incoming@ki.se"),
        ("application.phone", "+46 8 524 800 00"),
        ("application.website", "ki.se/en/incoming"),
        ("requirements[0].name", "Language certificate"),
        ("requirements[0].details", "English B2 or higher"),
        ("accessibility[0].kind", "service"),
        ("accessibility[0].name", "Funka"),
        ("accessibility[0].information.email", "funka@ki.se"),
        ("accessibility[0].information.website", "ki.se/funka"),
        ("housing.email", "housing@ki.se"),
        ("housing.website", "ki.se/housing"),
        ("visa.email", "visa@ki.se"),
        ("visa.website", "www.migrationsverket.se"),
        ("insurance.email", "insurance@ki.se"),
        ("insurance.phone", "08-524 860 00"),
        ("insurance.website", "ki.se/insurance"),
        ("additional_info[0].topic", "Recognition & grades"),
        ("additional_info[0].information.email", "recognition@ki.se"),
        (
            "additional_info[0].information.website",
            "ki.se/recognition",
        ),
    ] {
        set(&mut fields, name, value);
    }
    fields
}

#[tokio::test]
async fn an_admin_edits_it_students_read_it_and_partners_fetch_it() {
    for app in spawn_apps().await {
        let node = node(&app).await;
        assert_eq!(app.get("/incoming").await.status, StatusCode::NOT_FOUND);
        assert!(!app.get("/").await.body.contains("href=\"/incoming\""));
        let before = node_support::get(&node, "/ewp/factsheet?hei_id=ki.se").await;
        assert_valid(&before.body, XSD);
        assert!(!before.body.contains("<factsheet>"), "none written yet");

        let admin = signed_in(&app, Role::Admin).await;
        let fields = filled_form(&app, &admin).await;
        let saved = post(&app, &admin, "/admin/factsheet", &fields).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(location(&saved), "/admin/factsheet?saved=1");
        let again = get(&app, &admin, "/admin/factsheet?saved=1").await;
        assert!(again.body.contains("Saved."));
        assert!(
            again.body.contains("value=\"--04-15\""),
            "stored as EWP writes it"
        );

        let page = app.get("/incoming").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let body = support::unescape(&page.body);
        for part in [
            "Coming to Karolinska Institutet as an exchange student",
            "<time datetime=\"04-15\">15 April</time>",
            "<time datetime=\"10-01\">1 October</time>",
            "<time datetime=\"10-15\">15 October</time>",
            "We decide on your application within 5 weeks.",
            "Transcript of Records within 4 weeks",
            "href=\"mailto:incoming@ki.se\"",
            "href=\"tel:+46852480000\"",
            "href=\"https://ki.se/en/incoming\"",
            "<strong>Language certificate</strong>: English B2 or higher",
            "Funka",
            "https://www.migrationsverket.se",
            "Recognition & grades",
        ] {
            assert!(
                body.contains(part),
                "{part} missing from /incoming:\n{body}"
            );
        }
        for (lang, parts) in [
            ("sv", ["Sista dagar", "15 april", "inom 5 veckor"]),
            ("ja", ["締切", "4月15日", "5週間以内"]),
        ] {
            let page = app.get(&format!("/incoming?lang={lang}")).await;
            for part in parts {
                assert!(
                    page.body.contains(part),
                    "{lang}: {part} missing:\n{}",
                    page.body
                );
            }
        }
        assert!(app.get("/").await.body.contains("href=\"/incoming\""));
        assert!(
            app.get("/contacts")
                .await
                .body
                .contains("href=\"/incoming\""),
            "every footer links it"
        );

        node.state.refresh().await.unwrap();
        let xml = node_support::get(&node, "/ewp/factsheet?hei_id=ki.se&hei_id=uw.edu.pl").await;
        assert_eq!(xml.status, StatusCode::OK, "{}", xml.body);
        assert_valid(&xml.body, XSD);
        for part in [
            "<hei-id>ki.se</hei-id>",
            "<autumn-term>--04-15</autumn-term>",
            "<spring-term>--10-15</spring-term>",
            "<decision-weeks-limit>5</decision-weeks-limit>",
            "<tor-weeks-limit>4</tor-weeks-limit>",
            "<email>housing@ki.se</email>",
            "<p:e164>+46852480000</p:e164>",
            "<p:other-format>08-524 860 00</p:other-format>",
            "<website-url>https://www.migrationsverket.se</website-url>",
            "<type>Recognition &amp; grades</type>",
        ] {
            assert!(xml.body.contains(part), "{part} missing from\n{}", xml.body);
        }
        assert_eq!(
            xml.body.matches("<factsheet>").count(),
            1,
            "UW's is not ours"
        );
        let manifest = node.get("/ewp/manifest.xml").await;
        assert!(
            manifest.body.contains("/ewp/factsheet</fs1:url>"),
            "{}",
            manifest.body
        );
        let unsigned = node.get("/ewp/factsheet?hei_id=ki.se").await;
        node_support::assert_refused(&unsigned, StatusCode::UNAUTHORIZED, "Authorization");
        let nothing = node_support::get(&node, "/ewp/factsheet").await;
        node_support::assert_refused(&nothing, StatusCode::BAD_REQUEST, "hei_id is required");
    }
}

#[tokio::test]
async fn the_form_reports_every_problem_at_once_and_keeps_what_was_typed() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let mut fields = filled_form(&app, &admin).await;
        set(&mut fields, "nominations.autumn", "31 June");
        set(&mut fields, "decision_weeks", "five");
        set(&mut fields, "housing.email", "housing at ki.se");
        set(&mut fields, "visa.website", "");
        set(&mut fields, "accessibility[0].kind", "");
        let refused = post(&app, &admin, "/admin/factsheet", &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let body = support::unescape(&refused.body);
        assert!(body.contains("There are 5 problems"), "{body}");
        for part in [
            "Deadlines: Nominations for the autumn term by: there is no day 31 in month 6",
            "Decisions and transcripts: Decision within (weeks): “five” is not a whole number",
            "Housing: E-mail:",
            "Visas: Web page:",
            "Kind (Support 1): choose the kind",
            "value=\"housing at ki.se\"",
        ] {
            assert!(body.contains(part), "{part} missing from\n{body}");
        }
        assert!(app.registry().factsheet().await.unwrap().is_none());
    }
}

#[tokio::test]
async fn a_stale_save_is_refused_and_only_admins_may_save() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let first = filled_form(&app, &admin).await;
        let saved = post(&app, &admin, "/admin/factsheet", &first).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        // The form loaded before that save, sent again: someone saved meanwhile.
        let stale = post(&app, &admin, "/admin/factsheet", &first).await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
        assert!(stale.body.contains("Someone else saved the factsheet"));

        let mut current = filled_form(&app, &admin).await;
        set(&mut current, "tor_weeks", "3");
        let saved = post(&app, &admin, "/admin/factsheet", &current).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(
            app.registry()
                .factsheet()
                .await
                .unwrap()
                .unwrap()
                .record
                .tor_weeks,
            3
        );

        for role in [Role::Viewer, Role::Editor] {
            let staff = signed_in(&app, role).await;
            let mut theirs = filled_form(&app, &staff).await;
            set(&mut theirs, "tor_weeks", "2");
            let refused = post(&app, &staff, "/admin/factsheet", &theirs).await;
            assert_eq!(
                refused.status,
                StatusCode::FORBIDDEN,
                "{role}: {}",
                refused.body
            );
        }
        let mut no_token = current.clone();
        no_token.retain(|(k, _)| k != "csrf");
        let refused = post(&app, &admin, "/admin/factsheet", &no_token).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert_eq!(
            app.registry()
                .factsheet()
                .await
                .unwrap()
                .unwrap()
                .record
                .tor_weeks,
            3
        );
    }
}
