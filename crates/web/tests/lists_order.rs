//! The index pages list records in the reader's order: organisations by the
//! name the reader sees (a Japanese reader sees Japanese names where a record
//! has one), agreements by title, in the language's collation (å ä ö after z
//! in Swedish), and the next page goes on where the first stopped. The API
//! keeps its id order. On SQLite and PostgreSQL.

mod common;
mod writers;

use common::{TestApp, ids, spawn_apps};
use kizuna_i18n::{Collation, Lang};
use serde_json::{Value, json};
use writers::{Cast, agreement, cast, expect};

/// The names (or titles) of a list page's cards, in the order shown.
fn card_names(body: &str) -> Vec<String> {
    body.split(r#"class="card-title"><a href=""#)
        .skip(1)
        .map(|card| {
            let start = card.find('>').unwrap() + 1;
            let end = card.find("</a>").unwrap();
            (card[start..end].replace("&#x27;", "'"))
                .replace("&#x2f;", "/")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

/// Every card of every page of `uri` (which has a query), page after page.
async fn all_pages(app: &TestApp, uri: &str) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    for number in 1.. {
        let response = app.get(&format!("{uri}&page={number}")).await;
        assert_eq!(response.status, 200, "{uri}: {}", response.body);
        let last = !response.body.contains(r#"rel="next""#);
        let names = card_names(&response.body);
        assert!(!names.is_empty(), "{uri} page {number}");
        pages.push(names);
        if last {
            break;
        }
        assert!(number < 50, "{uri}: the pages never end");
    }
    pages
}

fn organisation(names: Value, country: &str) -> Value {
    json!({"kind": "education", "country": country, "names": names, "visibility": "public"})
}

async fn add_organisation(app: &TestApp, c: &Cast, names: Value) {
    let created = c
        .admin
        .post(app, "/api/v1/organisations", &organisation(names, "FI"))
        .await;
    expect(&created, 201);
}

/// Names whose order differs between Swedish and English.
const NORDIC: [&str; 5] = [
    "Örebro Quokka University",
    "Zürich Quokka Institute",
    "Ängelholm Quokka College",
    "Aachen Quokka Institute",
    "Åbo Quokka Akademi",
];

#[tokio::test]
async fn organisations_follow_the_swedish_order_page_after_page() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        for name in NORDIC {
            add_organisation(&app, &c, json!([{"value": name, "kind": "display"}])).await;
        }
        for n in 1..=18 {
            let name = format!("Malmö Quokka Lab {n:02}");
            add_organisation(&app, &c, json!([{"value": name, "kind": "display"}])).await;
        }
        app.state.refresh().await.unwrap();
        let sv = all_pages(&app, "/organisations?q=quokka&lang=sv").await;
        assert_eq!(sv.len(), 2);
        assert_eq!(sv[0].len(), 20);
        assert_eq!(sv[0][0], "Aachen Quokka Institute");
        assert_eq!(sv[0][19], "Zürich Quokka Institute");
        assert_eq!(
            sv[1],
            [
                "Åbo Quokka Akademi",
                "Ängelholm Quokka College",
                "Örebro Quokka University"
            ]
        );
        let en = all_pages(&app, "/organisations?q=quokka&lang=en").await;
        assert_eq!(
            en[0][..4],
            [
                "Aachen Quokka Institute",
                "Åbo Quokka Akademi",
                "Ängelholm Quokka College",
                "Malmö Quokka Lab 01"
            ]
        );
        assert_eq!(
            en[1],
            [
                "Malmö Quokka Lab 18",
                "Örebro Quokka University",
                "Zürich Quokka Institute"
            ]
        );
        // The API's order is its contract: ids, whatever the language.
        let api = app.json("/api/v1/organisations?q=quokka&limit=500").await;
        let listed = ids(&api);
        let mut by_id = listed.clone();
        by_id.sort();
        assert_eq!(listed, by_id);
    }
}

#[tokio::test]
async fn japanese_readers_see_japanese_names_in_japanese_order() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        for (english, japanese) in [
            ("Wombat Alpha Institute", "さくら研究所"),
            ("Wombat Beta Institute", "かもめ研究所"),
            ("Wombat Gamma Institute", "あさひ研究所"),
        ] {
            let names = json!([
                {"value": english, "lang": "en", "kind": "display"},
                {"value": japanese, "lang": "ja", "kind": "label"}
            ]);
            add_organisation(&app, &c, names).await;
        }
        app.state.refresh().await.unwrap();
        let ja = all_pages(&app, "/organisations?q=wombat&lang=ja").await;
        assert_eq!(ja, [["あさひ研究所", "かもめ研究所", "さくら研究所"]]);
        let en = all_pages(&app, "/organisations?q=wombat&lang=en").await;
        assert_eq!(
            en,
            [[
                "Wombat Alpha Institute",
                "Wombat Beta Institute",
                "Wombat Gamma Institute"
            ]]
        );
        // Unfiltered, every page in order and every organisation once.
        let total = app.json("/api/v1/organisations?limit=1").await["total"]
            .as_u64()
            .unwrap() as usize;
        let collation = Collation::new(Lang::Ja);
        let every: Vec<String> = all_pages(&app, "/organisations?lang=ja").await.concat();
        assert_eq!(every.len(), total);
        assert!(
            every
                .windows(2)
                .all(|w| collation.compare(&w[0], &w[1]).is_le()),
            "{every:?}"
        );
        assert!(every.contains(&"東京大学".to_owned()), "{every:?}");
    }
}

#[tokio::test]
async fn agreements_follow_the_readers_order_of_titles() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        for title in [
            "Örebro Numbat agreement",
            "Zagreb Numbat agreement",
            "Aachen Numbat agreement",
        ] {
            expect(
                &c.admin
                    .post(&app, "/api/v1/agreements", &agreement(title, None))
                    .await,
                201,
            );
        }
        app.state.refresh().await.unwrap();
        let sv = all_pages(&app, "/agreements?q=numbat&lang=sv").await;
        assert_eq!(
            sv,
            [[
                "Aachen Numbat agreement",
                "Zagreb Numbat agreement",
                "Örebro Numbat agreement"
            ]]
        );
        let en = all_pages(&app, "/agreements?q=numbat&lang=en").await;
        assert_eq!(
            en,
            [[
                "Aachen Numbat agreement",
                "Örebro Numbat agreement",
                "Zagreb Numbat agreement"
            ]]
        );
    }
}

#[tokio::test]
async fn contacts_are_grouped_by_country_names_and_people_in_the_readers_order() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        for (name, country) in [
            ("Örjan Öberg", "DE"),
            ("Zeke Zander", "DE"),
            ("Åsa Ek", "DE"),
            ("Ada Alm", "ES"),
        ] {
            let contact = json!({"name": name, "organisation": "ki", "countries": [country]});
            expect(&c.admin.post(&app, "/api/v1/contacts", &contact).await, 201);
        }
        app.state.refresh().await.unwrap();
        let sv = app.get("/contacts?lang=sv").await.body;
        // Country headings in Swedish, in Swedish order: Japan, Spanien, Tyskland.
        let at = |text: &str| sv.find(text).unwrap_or_else(|| panic!("{text}: {sv}"));
        assert!(at(">Japan</h2>") < at(">Spanien</h2>"));
        assert!(at(">Spanien</h2>") < at(">Tyskland</h2>"));
        assert!(!sv.contains(">Germany</h2>"), "no English country name");
        // People by name, å and ö after z.
        assert!(at("Zeke Zander") < at("Åsa Ek") && at("Åsa Ek") < at("Örjan Öberg"));
        let en = app.get("/contacts?lang=en").await.body;
        let at = |text: &str| en.find(text).unwrap_or_else(|| panic!("{text}: {en}"));
        assert!(at(">Germany</h2>") < at(">Japan</h2>"));
        assert!(at("Åsa Ek") < at("Örjan Öberg") && at("Örjan Öberg") < at("Zeke Zander"));
    }
}

#[tokio::test]
async fn the_funding_finder_lists_titles_in_the_readers_order() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        for title in [
            "Örebro Wombat grant",
            "Zagreb Wombat grant",
            "Aachen Wombat grant",
        ] {
            let funding = json!({"kind": "award", "title": title, "career_stages": ["postdoc"]});
            expect(&c.admin.post(&app, "/api/v1/funding", &funding).await, 201);
        }
        app.state.refresh().await.unwrap();
        let wombats = |body: &str| -> Vec<String> {
            card_names(body)
                .into_iter()
                .filter(|t| t.contains("Wombat"))
                .collect()
        };
        let sv = app.get("/funding?career_stage=postdoc&lang=sv").await.body;
        assert_eq!(
            wombats(&sv),
            [
                "Aachen Wombat grant",
                "Zagreb Wombat grant",
                "Örebro Wombat grant"
            ]
        );
        let en = app.get("/funding?career_stage=postdoc&lang=en").await.body;
        assert_eq!(
            wombats(&en),
            [
                "Aachen Wombat grant",
                "Örebro Wombat grant",
                "Zagreb Wombat grant"
            ]
        );
    }
}
