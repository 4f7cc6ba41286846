//! Answers that stay bounded as the registry grows: a country with hundreds
//! of partners and agreements answers with the first of each list, counts of
//! all of them and links that page through the rest.

mod common;

use std::collections::BTreeSet;

use common::{japan, node_on};
use kizuna_core::Registry;
use kizuna_domain::{Agreement, Contact, Dataset, FundingOpportunity, Organisation};
use kizuna_storage::testing;
use kizuna_web::WebSettings;
use serde_json::json;

/// Japanese partners added to the Japan dataset, each with an agreement.
const PARTNERS: usize = 400;
/// The budget of issue 7 for the country answer, at any registry size.
const MAX_COUNTRY_BYTES: usize = 200 * 1024;

fn many_partners() -> Dataset {
    let mut data = japan();
    for i in 0..PARTNERS {
        let id = format!("jp-partner-{i:04}");
        let org: Organisation = serde_json::from_value(json!({
            "id": id, "kind": "education", "country": "JP", "city": "Osaka",
            "location": {"lat": 34.7, "lng": 135.5},
            "names": [{"value": format!("Japanese Partner University {i}"), "lang": "en", "kind": "display"}],
        }))
        .unwrap();
        let agreement: Agreement = serde_json::from_value(json!({
            "id": format!("jp-exchange-{i:04}"), "kind": "student_exchange", "level": "central",
            "title": format!("Student exchange, Karolinska Institutet – Japanese Partner University {i}"),
            "parties": [{"organisation": "ki"}, {"organisation": id}],
            "signed": true, "education_levels": ["bachelor", "master"],
            "research_fields": ["A long research field that makes each agreement weigh more"],
        }))
        .unwrap();
        data.organisations.push(org);
        data.agreements.push(agreement);
    }
    data
}

#[tokio::test]
async fn the_country_answer_stays_small_and_links_to_every_partner() {
    let store = testing::fresh_sqlite().await.unwrap();
    Registry::new(store.clone())
        .load_dataset(&many_partners(), "test")
        .await
        .unwrap();
    let app = node_on(store, WebSettings::default()).await;

    let answer = app.get("/api/v1/countries/jp").await;
    assert_eq!(answer.status, 200);
    assert!(
        answer.body.len() < MAX_COUNTRY_BYTES,
        "{} bytes",
        answer.body.len()
    );
    let jp = answer.json();
    assert_eq!(jp["organisations"].as_array().unwrap().len(), 50);
    assert_eq!(jp["agreements"].as_array().unwrap().len(), 50);
    let partners = jp["totals"]["partners"].as_u64().unwrap() as usize;
    assert!(partners > PARTNERS, "{partners}");
    assert!(jp["totals"]["agreements"].as_u64().unwrap() as usize > PARTNERS);

    // The organisations link pages through every Japanese organisation.
    let mut seen = BTreeSet::new();
    let mut uri = format!(
        "{}&limit=120",
        jp["more"]["organisations"].as_str().unwrap()
    );
    let (mut pages, mut total) = (0, None);
    loop {
        let page = app.json(&uri).await;
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 120);
        assert_eq!(*total.get_or_insert(page["total"].clone()), page["total"]);
        for o in items {
            assert_eq!(o["country"], "JP");
            assert!(seen.insert(o["id"].as_str().unwrap().to_owned()), "{o}");
        }
        pages += 1;
        match page["next"].as_str() {
            Some(next) => uri = format!("/api/v1/organisations?country=jp&limit=120&cursor={next}"),
            None => break,
        }
    }
    assert!(pages >= 4, "{pages} pages");
    assert_eq!(Some(json!(seen.len())), total);
    assert!(jp["totals"]["organisations"].as_u64().unwrap() >= seen.len() as u64);
    assert!((0..PARTNERS).all(|i| seen.contains(&format!("jp-partner-{i:04}"))));

    // The country page shows the first 50 partners and agreements of a level,
    // with counts of all and a link to the whole filtered list.
    let page = app.get("/countries/jp").await;
    assert_eq!(page.status, 200);
    // 50 of the 400 partners, and the country's few funders, which share the look.
    let cards = page.body.matches("<li class=\"partner\">").count();
    assert!((50..60).contains(&cards), "{cards}");
    assert!(
        page.body.contains("The first 50 of"),
        "the partners are said to be more"
    );
    assert!(
        page.body.contains("level=central\">All "),
        "a link to every central agreement"
    );
    // Lists inside sentences (at a glance, each career stage) name the first
    // ten and link to the rest; lists and cards end in "See all".
    assert!(
        page.body.contains("level=central\">39"),
        "the rest of the central agreements at a glance: {}",
        page.body.len()
    );
    assert!(
        page.body.contains(">See all "),
        "lists end in a link to all"
    );
    // 400 partners and agreements (340 KB when every list was whole).
    assert!(
        page.body.len() < 150 * 1024,
        "the country page is {} bytes",
        page.body.len()
    );

    // The home page shows a dozen central agreements and links to all of them.
    let home = app.get("/").await;
    assert_eq!(
        home.body.matches("class=\"card agreement-card\"").count(),
        12
    );
    let link = home.body.split(" central agreements</a>").next().unwrap();
    let count: usize = link.rsplit(' ').next().unwrap().parse().unwrap_or(0);
    assert!(count > PARTNERS, "{count}");
    assert!(home.body.contains("level=central"));
}

/// The Japan dataset with `n` more funding opportunities for Japan and `n`
/// more people: half for Japan, half for Korea.
fn many_offers_and_people(n: usize) -> Dataset {
    let mut data = japan();
    for i in 0..n {
        let funding: FundingOpportunity = serde_json::from_value(json!({
            "id": format!("grant-{i:03}"), "kind": "travel_grant",
            "title": format!("Travel grant {i:03}"), "career_stages": ["master"],
            "destination_countries": ["JP"], "deadlines": [],
        }))
        .unwrap();
        let country = if i % 2 == 0 { "JP" } else { "KR" };
        let contact: Contact = serde_json::from_value(json!({
            "id": format!("person-{i:03}"), "name": format!("Person {i:03}"),
            "organisation": "ki", "countries": [country], "agreements": [], "programmes": [],
            "visibility": "public",
        }))
        .unwrap();
        data.funding.push(funding);
        data.contacts.push(contact);
    }
    data
}

/// Links of the page's `rel` = `prev`/`next` pager link, if any.
fn pager_link(body: &str, rel: &str) -> Option<String> {
    let at = body.find(&format!("rel=\"{rel}\""))?;
    let start = body[..at].rfind("href=\"")? + 6;
    let end = start + body[start..].find('"')?;
    Some(
        body[start..end]
            .replace("&amp;", "&")
            .replace("&#x2f;", "/"),
    )
}

#[tokio::test]
async fn funding_and_contacts_come_in_pages_that_keep_their_filters() {
    let store = testing::fresh_sqlite().await.unwrap();
    Registry::new(store.clone())
        .load_dataset(&many_offers_and_people(70), "test")
        .await
        .unwrap();
    let app = node_on(store, WebSettings::default()).await;

    // Funding: 20 a page, the filters kept from page to page, every grant once.
    let mut uri = "/funding?career_stage=master".to_owned();
    let mut grants = BTreeSet::new();
    let mut pages = 0;
    loop {
        let page = app.get(&uri).await;
        assert_eq!(page.status, 200, "{uri}");
        let on_page: Vec<&str> = page.body.matches("/funding/grant-").collect();
        assert!(on_page.len() <= 20, "{uri}: {}", on_page.len());
        for (at, _) in page.body.match_indices("/funding/grant-") {
            grants.insert(page.body[at..at + 18].to_owned());
        }
        pages += 1;
        match pager_link(&page.body, "next") {
            Some(next) => {
                assert!(next.contains("career_stage=master"), "{next}");
                uri = next;
            }
            None => break,
        }
    }
    assert_eq!(grants.len(), 70);
    assert_eq!(pages, 4);
    assert!(
        app.get("/funding?page=2")
            .await
            .body
            .contains("rel=\"prev\"")
    );
    assert_eq!(app.get("/funding?page=two").await.status, 400);

    // Contacts: 30 a page; one country keeps only its people (and those for every country).
    let first = app.get("/contacts").await;
    assert_eq!(first.status, 200);
    assert_eq!(
        first.body.matches("class=\"card contact-card\"").count(),
        30
    );
    assert!(pager_link(&first.body, "next").is_some());
    let korea = app.get("/contacts?country=KR").await;
    assert_eq!(korea.status, 200);
    let people = korea.body.matches("class=\"card contact-card\"").count();
    assert_eq!(people, 30, "35 people cover Korea: the first 30");
    assert!(
        !korea.body.contains("/contacts/person-000"),
        "a Japan person"
    );
    let next = pager_link(&korea.body, "next").unwrap();
    assert!(next.contains("country=KR"), "{next}");
    let rest = app.get(&next).await;
    assert_eq!(rest.body.matches("class=\"card contact-card\"").count(), 5);
    assert!(rest.body.contains("/contacts/person-069"));
    assert_eq!(app.get("/contacts?country=XX1").await.status, 400);
}
