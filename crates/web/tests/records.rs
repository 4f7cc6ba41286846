//! Records that end in an action: what an agreement offers and whom to ask,
//! contact pages, funding with its official page, amount and deadlines to
//! add to a calendar, and country pages a phone can find its way around.

mod common;

use std::sync::Arc;

use common::{TestApp, node_on};
use kizuna_core::{Registry, Store};
use kizuna_domain::Dataset;
use kizuna_storage::testing;
use kizuna_web::WebSettings;

/// The Japan dataset with what the pages need to show: conditions on the
/// TMU exchange, a contact for the RIKEN exchange, a quiet and an internal
/// contact, and the Sweden-Japan Foundation's link, amount and deadlines.
fn enriched() -> Dataset {
    let mut data = common::japan();
    let tmu = data
        .agreements
        .iter_mut()
        .find(|a| a.id.as_str() == "tmu-student-exchange")
        .unwrap();
    tmu.conditions = serde_json::from_value(serde_json::json!([{
        "direction": "outgoing", "mobility": "student_studies",
        "places_per_year": 2, "months_per_year": 5.0, "eqf_level": 6,
        "subject_area": "0913", "languages": [{"lang": "en", "cefr": "B2"}],
        "first_year": 2026, "last_year": 2028
    }]))
    .unwrap();
    let contacts: Vec<kizuna_domain::Contact> = serde_json::from_value(serde_json::json!([
        {"id": "yuki-tanaka", "name": "Yuki Tanaka", "role": "RIKEN exchange coordinator",
         "organisation": "ki", "email": "yuki.tanaka@example.org", "phone": "+46 8 524 800 00",
         "details_visibility": "public", "countries": ["JP"],
         "agreements": ["riken-phd-exchange"], "visibility": "public"},
        {"id": "quiet-person", "name": "Quiet Person", "organisation": "ki",
         "email": "quiet@example.org", "phone": "+46 8 000 000 00",
         "details_visibility": "internal", "visibility": "public"},
        {"id": "secret-person", "name": "Secret Person", "email": "secret@example.org",
         "visibility": "internal"}
    ]))
    .unwrap();
    data.contacts.extend(contacts);
    let sjf = data
        .funding
        .iter_mut()
        .find(|f| f.id.as_str() == "sweden-japan-foundation-scholarships")
        .unwrap();
    sjf.url = Some("https://www.swejap.a.se/scholarships".to_owned());
    sjf.amount = Some("SEK 30,000".to_owned());
    sjf.deadlines = serde_json::from_value(serde_json::json!([
        {"date": "2027-02-15", "yearly": true},
        {"date": "2027-09-30"}
    ]))
    .unwrap();
    data.validate().unwrap();
    data
}

/// The app over `data` on every database the tests run on, with `settings`.
async fn apps_with(data: &Dataset, settings: WebSettings) -> Vec<TestApp> {
    let mut stores: Vec<Arc<dyn Store>> = vec![testing::fresh_sqlite().await.unwrap()];
    if let Some(pg) = testing::fresh_postgres().await {
        stores.push(pg.unwrap());
    }
    let mut apps = Vec::new();
    for store in stores {
        Registry::new(store.clone())
            .load_dataset(data, "test")
            .await
            .unwrap();
        apps.push(node_on(store, settings.clone()).await);
    }
    apps
}

fn office() -> WebSettings {
    WebSettings {
        office_email: Some("international@example.org".to_owned()),
        ..WebSettings::default()
    }
}

/// A page's HTML with the escapes of `/` and `'` undone, to compare with
/// plain text (the template engine escapes both in text and attributes).
async fn html(app: &TestApp, uri: &str) -> String {
    let response = app.get(uri).await;
    assert_eq!(response.status, 200, "{uri}: {}", response.body);
    response.body.replace("&#x2f;", "/").replace("&#x27;", "'")
}

/// The text of a page's section, from its heading id to the next section.
fn section<'a>(page: &'a str, heading_id: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"{heading_id}\""))
        .unwrap_or_else(|| panic!("no #{heading_id} in {page}"));
    let rest = &page[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

#[tokio::test]
async fn an_agreement_says_what_a_student_gets_in_words() {
    for app in apps_with(&enriched(), office()).await {
        let page = html(&app, "/agreements/tmu-student-exchange").await;
        let offers = section(&page, "offers-h");
        for words in [
            "Our students going to study at the partner",
            "2 places a year",
            "up to 5 months a year in all",
            "EQF level 6 (bachelor's)",
            "0913 Nursing and midwifery",
            "English (B2 or above)",
            "2026/27 to 2028/29",
        ] {
            assert!(offers.contains(words), "{words} missing from {offers}");
        }
        // Subject areas are named, not only numbered.
        assert!(page.contains("0915 Therapy and rehabilitation"));
    }
}

#[tokio::test]
async fn who_to_ask_follows_the_agreement_then_the_country_then_the_office() {
    let data = enriched();
    for app in apps_with(&data, office()).await {
        // The RIKEN exchange names its own coordinator, e-mail and all.
        let riken = html(&app, "/agreements/riken-phd-exchange").await;
        let ask = section(&riken, "ask-h");
        assert!(ask.contains("Yuki Tanaka"), "{ask}");
        assert!(ask.contains("mailto:yuki.tanaka@example.org"), "{ask}");
        assert!(ask.contains(r#"href="/contacts/yuki-tanaka""#), "{ask}");
        // Without conditions the page says so and points to whom to ask.
        let offers = section(&riken, "offers-h");
        assert!(
            offers.contains("not recorded for this agreement"),
            "{offers}"
        );
        assert!(offers.contains(r##"href="#ask-h""##), "{offers}");
        // The TMU exchange names nobody: the people covering Japan.
        let tmu = html(&app, "/agreements/tmu-student-exchange").await;
        let ask = section(&tmu, "ask-h");
        assert!(ask.contains("cover Japan"), "{ask}");
        assert!(ask.contains("Lotta Lundqvist"), "{ask}");
        assert!(!ask.contains("international@example.org"), "{ask}");
    }
    let mut nobody = data.clone();
    nobody.contacts.clear();
    for contact_free in [&nobody] {
        for app in apps_with(contact_free, office()).await {
            let tmu = html(&app, "/agreements/tmu-student-exchange").await;
            let ask = section(&tmu, "ask-h");
            assert!(
                ask.contains(r#"href="mailto:international@example.org""#),
                "{ask}"
            );
        }
        for app in apps_with(contact_free, WebSettings::default()).await {
            let tmu = html(&app, "/agreements/tmu-student-exchange").await;
            assert!(section(&tmu, "ask-h").contains("ask your international office"));
        }
    }
}

#[tokio::test]
async fn contact_pages_show_public_details_and_hide_internal_people() {
    for app in apps_with(&enriched(), WebSettings::default()).await {
        let body = &html(&app, "/contacts/yuki-tanaka").await;
        assert!(body.contains("<h1>Yuki Tanaka</h1>"), "{body}");
        assert!(body.contains(r#"href="mailto:yuki.tanaka@example.org""#));
        assert!(body.contains(r#"href="tel:+46852480000""#), "{body}");
        assert!(body.contains(r#"href="/organisations/ki""#));
        assert!(body.contains(r#"href="/countries/jp""#));
        assert!(body.contains(r#"href="/agreements/riken-phd-exchange""#));
        // Public person, private details: no e-mail or phone anywhere.
        let quiet = html(&app, "/contacts/quiet-person").await;
        assert!(!quiet.contains("quiet@example.org"));
        assert!(!quiet.contains("tel:"));
        assert!(quiet.contains("No public e-mail address or phone number"));
        // Internal people do not exist for the public.
        for uri in [
            "/contacts/secret-person",
            "/contacts/nobody",
            "/contacts/Not%20A%20Slug",
        ] {
            let missing = app.get(uri).await;
            assert_eq!(missing.status, 404, "{uri}");
            assert!(missing.content_type().starts_with("text/html"), "{uri}");
            assert!(!missing.body.contains("secret@example.org"));
        }
        // The list's cards link to the pages and show public e-mail addresses.
        let list = html(&app, "/contacts").await;
        assert!(list.contains(r#"href="/contacts/yuki-tanaka""#));
        assert!(list.contains(r#"href="mailto:yuki.tanaka@example.org""#));
        assert!(!list.contains("secret-person"));
        assert!(!list.contains("quiet@example.org"));
    }
}

#[tokio::test]
async fn funding_pages_link_the_funder_the_official_page_and_each_deadline() {
    for app in apps_with(&enriched(), office()).await {
        let page = html(&app, "/funding/sweden-japan-foundation-scholarships").await;
        assert!(page.contains(r#"href="https://www.swejap.a.se/scholarships""#));
        assert!(page.contains(r#"href="/organisations/sweden-japan-foundation""#));
        assert!(page.contains("SEK 30,000"));
        let deadlines = section(&page, "deadlines-h");
        for n in [1, 2] {
            let link = format!(
                r#"href="/funding/sweden-japan-foundation-scholarships/deadlines/{n}.ics""#
            );
            assert!(deadlines.contains(&link), "{deadlines}");
        }
        assert!(deadlines.contains(r#"href="/feeds/deadlines.ics""#));
        assert!(!page.contains("Not recorded"));

        // Without amount or deadlines the page says whom to ask instead.
        let jsps = html(&app, "/funding/jsps-fellowships").await;
        assert!(!jsps.contains("Not recorded"), "{jsps}");
        assert!(jsps.contains(r##"href="#ask-h""##));
        let ask = section(&jsps, "ask-h");
        assert!(ask.contains("Lotta Lundqvist"), "{ask}");
        assert!(jsps.contains(r#"href="/feeds/deadlines.ics""#));
    }
}

#[tokio::test]
async fn add_to_calendar_downloads_one_event() {
    for app in apps_with(&enriched(), WebSettings::default()).await {
        let base = "/funding/sweden-japan-foundation-scholarships/deadlines";
        let yearly = app.get(&format!("{base}/1.ics")).await;
        assert_eq!(yearly.status, 200);
        assert!(yearly.content_type().starts_with("text/calendar"));
        let disposition = yearly.headers["content-disposition"].to_str().unwrap();
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        assert_eq!(yearly.body.matches("BEGIN:VEVENT").count(), 1);
        assert!(yearly.body.contains("DTSTART;VALUE=DATE:20270215"));
        assert!(yearly.body.contains("RRULE:FREQ=YEARLY"));
        assert!(yearly.body.contains("Sweden-Japan Foundation scholarships"));
        let once = app.get(&format!("{base}/2.ics")).await;
        assert_eq!(once.body.matches("BEGIN:VEVENT").count(), 1);
        assert!(once.body.contains("DTSTART;VALUE=DATE:20270930"));
        assert!(!once.body.contains("RRULE"));
        for uri in [
            format!("{base}/0.ics"),
            format!("{base}/3.ics"),
            format!("{base}/1"),
            "/funding/jsps-fellowships/deadlines/1.ics".to_owned(),
            "/funding/nothing/deadlines/1.ics".to_owned(),
        ] {
            assert_eq!(app.get(&uri).await.status, 404, "{uri}");
        }
    }
}

#[tokio::test]
async fn country_pages_give_a_phone_sections_and_a_way_back_up() {
    for app in apps_with(&enriched(), WebSettings::default()).await {
        let page = html(&app, "/countries/jp").await;
        assert!(page.contains(r#"<nav class="toc" id="toc""#), "{page}");
        for id in ["agreements", "funding", "contacts"] {
            assert!(page.contains(&format!(r##"href="#{id}""##)), "{id}");
        }
        // Every section ends with a way back to the sections and the top.
        let sections = page.matches(r#"class="country-section""#).count();
        assert!(sections >= 8);
        assert_eq!(page.matches(r#"class="back-to-top""#).count(), sections);
        assert!(page.contains(r##"<a href="#toc">Back to the sections</a>"##));
    }
}

#[tokio::test]
async fn the_search_page_says_when_matches_are_partial() {
    for app in apps_with(&enriched(), WebSettings::default()).await {
        let body = &html(&app, "/search?q=postdoc+funding+japan+tuition").await;
        assert!(body.contains("No record matches every word; closest matches:"));
        let first = body.find("/funding/jsps-fellowships").unwrap();
        let second = body
            .find("/funding/sweden-japan-foundation-scholarships")
            .unwrap();
        let other = body.find(r#"href="/programmes/"#).unwrap();
        assert!(first.max(second) < other, "the funders come first");
        let full = html(&app, "/search?q=postdoc+funding+japan").await;
        assert!(!full.contains("closest matches"));
        assert!(full.contains("/funding/jsps-fellowships"));
        // Filters sit behind a disclosure that counts them.
        let filtered = html(&app, "/search?q=japan&type=funding").await;
        assert!(filtered.contains("<details class=\"facets-drawer\""));
        assert!(filtered.contains("Filters (1)"), "{filtered}");
        assert!(filtered.contains(r#"src="/assets/search.js""#));

        let api = app
            .json("/api/v1/search?q=postdoc+funding+japan+tuition")
            .await;
        assert_eq!(api["partial"], true);
        assert_eq!(api["hits"][0]["type"], "funding");
        assert_eq!(api["hits"][1]["type"], "funding");
        let api = app.json("/api/v1/search?q=postdoc+funding+japan").await;
        assert_eq!(api["partial"], false);
        // Only punctuation still finds nothing, and is not "partial".
        let api = app.json("/api/v1/search?q=%28+%29+*").await;
        assert_eq!(api["total"], 0);
        assert_eq!(api["partial"], false);
        // Subject areas by their ISCED names.
        let api = app.json("/api/v1/search?q=midwifery").await;
        let ids: Vec<&str> = api["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&"tmu-student-exchange"), "{ids:?}");
    }
}
