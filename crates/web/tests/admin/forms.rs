//! Forms a coordinator uses without a manual: every problem at once beside
//! its field, pickers that take names in any script, pasted coordinates,
//! dates, addresses and subject names, a new organisation made inline, and
//! the dashboard's actions.

use axum::http::StatusCode;
use kizuna_core::Expect;
use kizuna_domain::{Agreement, Organisation, Role};

use crate::common::spawn_apps;
use crate::support::{form_fields, get, location, post, set, signed_in};

fn push(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.push((name.to_owned(), value.to_owned()));
}

/// The text of the error shown beside the field `id`, or "".
fn error_beside(body: &str, id: &str) -> String {
    let marker = format!("id=\"{id}-error\"");
    body.find(&marker)
        .map(|i| {
            let rest = &body[i..];
            rest[..rest.find("</p>").unwrap_or(rest.len())].to_owned()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn an_empty_organisation_form_names_every_missing_field() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let fields = form_fields(&get(&app, &admin, "/admin/organisations/new").await.body);
        let page = post(&app, &admin, "/admin/organisations/new", &fields).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            error_beside(&page.body, "f-kind").contains("choose the kind"),
            "{}",
            page.body
        );
        assert!(
            error_beside(&page.body, "f-names-0-value").contains("a name cannot be empty"),
            "{}",
            page.body
        );
        assert!(
            !page.body.contains("none can be made"),
            "no id problem without a name"
        );
        assert!(page.body.contains("There are 2 problems"));
        // A name no id can be made from is one problem among the others.
        let mut fields = fields.clone();
        set(&mut fields, "names[0].value", "京都大学");
        let page = post(&app, &admin, "/admin/organisations/new", &fields).await;
        assert!(error_beside(&page.body, "f-id").contains("none can be made from “京都大学”"));
        assert!(error_beside(&page.body, "f-kind").contains("choose the kind"));
        assert!(!page.body.contains('`'), "no backticks in messages");
    }
}

#[tokio::test]
async fn pasted_values_are_read_and_pickers_take_names() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let mut org = form_fields(&get(&app, &admin, "/admin/organisations/new").await.body);
        set(&mut org, "names[0].value", "Kyoto University");
        set(&mut org, "kind", "education");
        set(&mut org, "country", "JP");
        set(&mut org, "city", "Kyoto");
        set(&mut org, "location", "35,0262° N, 135,7808° E");
        set(&mut org, "website", "www.kyoto-u.ac.jp");
        push(&mut org, "names[1].value", "京都大学");
        push(&mut org, "names[1].lang", "ja");
        push(&mut org, "names[1].kind", "label");
        let saved = post(&app, &admin, "/admin/organisations/new", &org).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(
            location(&saved),
            "/admin/organisations/kyoto-university?saved=1"
        );
        let kyoto = app
            .registry()
            .get::<Organisation>("kyoto-university")
            .await
            .unwrap()
            .unwrap()
            .record;
        assert_eq!(kyoto.website.as_deref(), Some("https://www.kyoto-u.ac.jp"));
        let at = kyoto.location.unwrap();
        assert!((at.lat - 35.0262).abs() < 1e-9 && (at.lng - 135.7808).abs() < 1e-9);
        let form = get(&app, &admin, "/admin/organisations/kyoto-university")
            .await
            .body;
        assert!(form.contains(r#"name="location" type="text" value="35.0262, 135.7808""#));

        let mut a = form_fields(&get(&app, &admin, "/admin/agreements/new").await.body);
        set(&mut a, "title", "Nursing exchange 2027–2031");
        set(&mut a, "kind", "student_exchange");
        set(&mut a, "level", "central");
        set(&mut a, "parties[0].organisation", "karolinska institutet");
        set(&mut a, "parties[1].organisation", "京都大学");
        set(&mut a, "valid_from", "01/09/2027");
        set(&mut a, "valid_until", "2031-08");
        set(&mut a, "subject_areas", "nursing, omvårdnad");
        set(&mut a, "conditions[0].direction", "outgoing");
        set(&mut a, "conditions[0].mobility", "student_studies");
        set(&mut a, "conditions[0].subject_area", "看護");
        set(&mut a, "conditions[0].languages", "");
        let saved = post(&app, &admin, "/admin/agreements/new", &a).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let id = "nursing-exchange-2027-2031";
        let stored = app
            .registry()
            .get::<Agreement>(id)
            .await
            .unwrap()
            .unwrap()
            .record;
        let parties: Vec<&str> = stored
            .parties
            .iter()
            .map(|p| p.organisation.as_str())
            .collect();
        assert_eq!(parties, ["ki", "kyoto-university"]);
        assert_eq!(stored.valid_from.unwrap().to_string(), "2027-09-01");
        assert_eq!(stored.valid_until.unwrap().to_string(), "2031-08");
        let areas: Vec<&str> = stored.subject_areas.iter().map(|s| s.as_str()).collect();
        assert_eq!(areas, ["0913"], "the same field named twice is kept once");
        assert_eq!(
            stored.conditions[0].subject_area.as_ref().unwrap().as_str(),
            "0913"
        );
        assert!(stored.conditions[0].languages.is_empty());
        // The form shows names, not ids, and saves them back unchanged.
        let page = get(&app, &admin, &format!("/admin/agreements/{id}"))
            .await
            .body;
        assert!(
            page.contains(
                r#"name="parties[1].organisation" type="text" value="Kyoto University (JP)""#
            ),
            "{}",
            &page[page.find("parties[1].organisation").unwrap()..][..300]
        );
        let fields = form_fields(&page);
        let again = post(&app, &admin, &format!("/admin/agreements/{id}"), &fields).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
        let after = app
            .registry()
            .get::<Agreement>(id)
            .await
            .unwrap()
            .unwrap()
            .record;
        assert_eq!(after.parties, stored.parties);
    }
}

#[tokio::test]
async fn unknown_and_ambiguous_names_are_reported_at_their_picker() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let mut copy = app
            .registry()
            .get::<Organisation>("su")
            .await
            .unwrap()
            .unwrap()
            .record;
        copy.id = "su-copy".parse().unwrap();
        copy.identifiers = Default::default();
        app.registry()
            .save(&copy, Expect::Absent, "seed")
            .await
            .unwrap();
        app.state.refresh().await.unwrap();
        let mut a = form_fields(&get(&app, &admin, "/admin/agreements/new").await.body);
        set(&mut a, "title", "Two names");
        set(&mut a, "parties[0].organisation", "Atlantis University");
        set(&mut a, "parties[1].organisation", "Stockholm University");
        let page = post(&app, &admin, "/admin/agreements/new", &a).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        let unknown = error_beside(&page.body, "f-parties-0-organisation");
        assert!(
            unknown.contains("no organisation is called “Atlantis University”"),
            "{unknown}"
        );
        let several = error_beside(&page.body, "f-parties-1-organisation");
        assert!(several.contains("su, su-copy"), "{several}");
        assert!(error_beside(&page.body, "f-kind").contains("choose the kind"));
        assert!(error_beside(&page.body, "f-level").contains("choose the level"));
        assert!(
            page.body.contains(r#"value="Atlantis University""#),
            "what was typed stays"
        );
        assert!(!page.body.contains('`'));
    }
}

#[tokio::test]
async fn an_organisation_is_made_inline_and_answered_as_json() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let page = get(&app, &admin, "/admin/agreements/new").await.body;
        assert!(page.contains(r#"<dialog class="new-org" id="new-org""#));
        let mut fields = vec![("csrf".to_owned(), admin.csrf.clone())];
        let empty = post(&app, &admin, "/admin/inline/organisations", &fields).await;
        assert_eq!(
            empty.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            empty.body
        );
        let problem = empty.json();
        let named: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert!(
            named.contains(&"kind") && named.contains(&"names"),
            "{problem}"
        );
        for (k, v) in [
            ("names[0].value", "Osaka University"),
            ("names[0].kind", "display"),
            ("names[1].value", "大阪大学"),
            ("names[1].lang", "ja"),
            ("names[1].kind", "label"),
            ("kind", "education"),
            ("country", "JP"),
            ("location", "34.8222, 135.5244"),
            ("website", "www.osaka-u.ac.jp"),
            ("visibility", "public"),
        ] {
            push(&mut fields, k, v);
        }
        let made = post(&app, &admin, "/admin/inline/organisations", &fields).await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        let body = made.json();
        assert_eq!(body["id"], "osaka-university");
        assert_eq!(body["value"], "Osaka University (JP)");
        let found = get(&app, &admin, "/admin/picker?type=organisations&q=大阪")
            .await
            .json();
        assert_eq!(found["items"][0]["id"], "osaka-university");
        let ror = get(&app, &admin, "/admin/picker?type=ror&q=tokyo")
            .await
            .json();
        let ids: Vec<&str> = ror["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert!(
            ids.contains(&"utokyo") && !ids.contains(&"utokyo-iqb"),
            "{ids:?}"
        );
        let without_token = post(&app, &admin, "/admin/inline/organisations", &fields[1..]).await;
        assert!(without_token.status.is_client_error());
    }
}

#[tokio::test]
async fn the_dashboard_offers_to_create_and_every_page_links_to_sign_in() {
    for app in spawn_apps().await {
        let admin = signed_in(&app, Role::Admin).await;
        let dashboard = get(&app, &admin, "/admin").await.body;
        for c in [
            "agreements",
            "organisations",
            "programmes",
            "funding",
            "contacts",
        ] {
            assert!(
                dashboard.contains(&format!(r#"href="/admin/{c}/new""#)),
                "{c}"
            );
        }
        let home = app.get("/").await.body.replace("&#x2f;", "/");
        assert!(home.contains(r#"<a href="/login">Staff sign-in</a>"#));
    }
}
