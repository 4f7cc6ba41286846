//! The atlas in the reader's language: home, countries, map, search and the
//! embeds speak Swedish and Japanese when asked (`?lang=`, the cookie or
//! `Accept-Language`), and English when nobody asks.

mod common;

use common::{TestApp, spawn_app};
use kizuna_core::{Expect, Registry};
use kizuna_domain::{Agreement, CountryProfile, CountrySections};
use kizuna_i18n::{Lang, Languages};
use kizuna_web::WebSettings;
use kizuna_web::http::base_url::EmbedOrigin;

/// The texts of every `<span class="country-name">`, in page order.
fn country_names(body: &str) -> Vec<String> {
    body.split(r#"<span class="country-name">"#)
        .skip(1)
        .map(|rest| rest[..rest.find("</span>").unwrap()].to_owned())
        .collect()
}

/// Adds country profiles whose codes sort otherwise than their names
/// (AT Austria/Österrike, CH Switzerland/Schweiz, DE Germany/Tyskland).
async fn add_countries(app: &TestApp) {
    let registry = app.registry();
    let puts = ["AT", "CH", "DE"]
        .iter()
        .map(|code| {
            Registry::put_country(&CountryProfile {
                country: code.parse().unwrap(),
                collaboration_years: None,
                research_fields: vec![],
                key_partners: vec![],
                supporters: vec![],
                sections: CountrySections::default(),
                translations: Default::default(),
                updated_at: None,
            })
        })
        .collect();
    registry.store().apply(puts, "test").await.unwrap();
    app.state.refresh().await.unwrap();
}

#[tokio::test]
async fn the_home_page_speaks_the_readers_language() {
    let app = spawn_app().await;
    let en = app.get("/").await.body;
    assert!(en.contains(r#"<html lang="en">"#));
    assert!(en.contains("Where to start"), "{en}");
    assert!(en.contains("Agreements in force"));

    let sv = app.get("/?lang=sv").await.body;
    assert!(sv.contains(r#"<html lang="sv">"#));
    assert!(
        common::h1(&sv).starts_with("Internationellt samarbete"),
        "{}",
        common::h1(&sv)
    );
    assert!(sv.contains("Här börjar du"));
    assert!(sv.contains("Avtal om studentutbyte"));
    assert!(sv.contains("Gällande avtal"));
    assert!(!sv.contains("Where to start"), "no English left");

    let ja = app.get_accepting("/", "ja,en;q=0.5").await.body;
    assert!(ja.contains(r#"<html lang="ja">"#));
    assert!(common::h1(&ja).contains("国際連携"), "{}", common::h1(&ja));
    assert!(ja.contains("学生交流協定"));
    assert!(ja.contains("はじめに"));
    // Japanese counts take no plural ending.
    assert!(ja.contains("協定 "), "agreement counts: {ja}");
}

/// The link of the header's navigation that is marked as the current page.
fn current_nav(body: &str) -> Option<String> {
    let nav = &body[body.find(r#"<nav class="site-nav""#)?..];
    let nav = &nav[..nav.find("</nav>")?];
    let marked = &nav[..nav.find(r#" aria-current="page""#)?];
    let href = &marked[marked.rfind("href=\"")? + 6..];
    Some(href[..href.find('"')?].replace("&#x2f;", "/"))
}

/// The header and footer are rendered once per language and section and
/// then reused: each page still gets its own language and its own section.
#[tokio::test]
async fn the_header_marks_the_section_in_the_readers_language() {
    let app = spawn_app().await;
    for _ in 0..2 {
        let map = app.get("/map?lang=sv").await.body;
        assert_eq!(current_nav(&map).as_deref(), Some("/map"));
        assert!(map.contains(r#"<nav class="site-nav" aria-label="Huvudmeny">"#));
        assert!(map.contains(">Karta</a>"), "the Swedish header");
        let country = app.get("/countries/jp").await.body;
        assert_eq!(current_nav(&country).as_deref(), Some("/countries"));
        assert!(country.contains(">Countries</a>"));
        let countries = app.get("/countries?lang=ja").await.body;
        assert_eq!(current_nav(&countries).as_deref(), Some("/countries"));
        assert!(countries.contains(">地図</a>"), "the Japanese header");
        let home = app.get("/").await.body;
        assert_eq!(current_nav(&home), None);
        assert!(home.contains(r#"<a class="brand" href="/" aria-current="page">"#));
        assert!(!country.contains(r#"<a class="brand" href="/" aria-current="page">"#));
    }
}

#[tokio::test]
async fn countries_are_sorted_by_the_readers_language() {
    let app = spawn_app().await;
    add_countries(&app).await;
    let languages = Languages::load().unwrap();
    for (lang, query) in [
        (Lang::En, ""),
        (Lang::Sv, "?lang=sv"),
        (Lang::Ja, "?lang=ja"),
    ] {
        let page = app.get(&format!("/countries{query}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let names = country_names(&page.body);
        assert_eq!(names.len(), 4, "{lang}: {names:?}");
        let mut sorted = names.clone();
        languages
            .collation(lang)
            .sort_by_key(&mut sorted, |n| n.as_str());
        assert_eq!(names, sorted, "{lang}: in the language's order");
    }
    let en = country_names(&app.get("/countries").await.body);
    let at = |name: &str| en.iter().position(|n| n == name).unwrap();
    assert!(
        at("Germany") < at("Switzerland"),
        "by name, not code: {en:?}"
    );

    let sv = app.get("/countries?lang=sv").await.body;
    assert!(sv.contains("<h1>Länder</h1>"), "{}", common::h1(&sv));
    assert!(sv.contains("Landprofil"));
    assert!(sv.contains("4 avtal · 7 organisationer"), "{sv}");
    let en = app.get("/countries").await.body;
    assert!(en.contains("4 agreements · 7 organisations"), "{en}");
    assert!(en.contains("0 agreements · 0 organisations"), "{en}");
    let ja = app.get("/countries?lang=ja").await.body;
    assert!(ja.contains("<h1>国・地域</h1>"), "{}", common::h1(&ja));
}

#[tokio::test]
async fn the_map_page_speaks_the_readers_language() {
    let app = spawn_app().await;
    let sv = app.get("/map?lang=sv&kind=student_exchange").await;
    assert_eq!(sv.status, 200, "?lang= is no filter: {}", sv.body);
    let sv = sv.body;
    assert!(sv.contains(r#"<html lang="sv">"#));
    assert!(
        sv.contains("<h1>Karta över partner och avtal</h1>"),
        "{}",
        common::h1(&sv)
    );
    assert!(sv.contains("Filter (1)"));
    assert!(sv.contains(r#"<label for="m-kind">Typ av avtal</label>"#));
    assert!(sv.contains(r#"<option value="">Alla</option>"#));
    assert!(sv.contains("Länder skuggade efter antal partner"));
    // The filter's options are vocabulary labels in Swedish.
    assert!(
        sv.contains(r#"<option value="student_exchange" selected>Studentutbyte</option>"#)
            || sv.contains("selected>Student"),
        "{sv}"
    );
    // The script's texts travel in a data attribute, translated.
    let block = data_block(&sv, "map-messages");
    assert_eq!(block["zoomApart"], "Zooma in för att skilja dem åt");
    assert_eq!(block["here"], "{count} partner här");
    assert_eq!(block["status"]["active"], app_label(Lang::Sv, "active"));

    let ja = app.get_accepting("/map", "ja").await.body;
    assert!(ja.contains(r#"<html lang="ja">"#));
    assert!(
        ja.contains("<h1>提携先と協定の地図</h1>"),
        "{}",
        common::h1(&ja)
    );
    assert!(ja.contains("絞り込み（0）"));
    assert!(ja.contains(r#"aria-label="横の一覧にある提携先の地図""#));
    assert!(ja.contains("提携先 "), "the list's count");
    assert_eq!(
        data_block(&ja, "map-messages")["openList"],
        "ここに提携先 {count} 件：一覧を開く"
    );

    let en = app.get("/map").await.body;
    assert!(en.contains("Filters (0)"));
    assert_eq!(
        data_block(&en, "map-messages")["zoomIn"],
        "{count} partners: zoom in"
    );
}

/// The vocabulary label of `word` in `lang`, as the templates show it.
fn app_label(lang: Lang, word: &str) -> String {
    Languages::load()
        .unwrap()
        .catalog()
        .message(lang, &format!("enum-{word}"), &[])
}

/// The JSON in the `data-messages` attribute of the element `#ID` (texts for a script).
fn data_block(body: &str, id: &str) -> serde_json::Value {
    let open = format!(r#"<div id="{id}" hidden data-messages='"#);
    let start = body.find(&open).unwrap_or_else(|| panic!("no #{id}")) + open.len();
    let end = start + body[start..].find('\'').unwrap();
    serde_json::from_str(&body[start..end]).unwrap()
}

#[tokio::test]
async fn search_and_suggestions_speak_the_readers_language() {
    let app = spawn_app().await;
    let sv = app.get("/search?q=nursing&lang=sv").await;
    assert_eq!(sv.status, 200, "{}", sv.body);
    let sv = sv.body;
    assert!(sv.contains(r#"<html lang="sv">"#));
    assert!(
        sv.contains("<h1>Resultat för ”nursing”</h1>"),
        "{}",
        common::h1(&sv)
    );
    assert!(sv.contains("<title>Sök: nursing"), "the page title");
    assert!(sv.contains(r#"aria-label="Sök i atlasen""#));
    assert!(sv.contains(">Typ</h2>"), "facet headings");
    assert!(sv.contains(" av "), "the result range: {sv}");
    assert!(
        sv.contains(r#"<span class="badge type-agreements">Avtal</span>"#),
        "{sv}"
    );
    let suggest = data_block(&sv, "suggest-messages");
    assert_eq!(suggest["label"], "Förslag");
    assert_eq!(suggest["types"]["programmes"], "Program");

    let ja = app.get_accepting("/search?q=zzzqqq", "ja").await.body;
    assert!(
        ja.contains("<h1>「zzzqqq」の検索結果</h1>"),
        "{}",
        common::h1(&ja)
    );
    assert!(ja.contains("該当なし"));
    assert!(ja.contains("該当するものはありません。"));
    assert_eq!(
        data_block(&ja, "suggest-messages")["other"],
        "候補 {count} 件。矢印キーで選択できます"
    );

    // Every page's header box gets the same texts, e.g. the home page in English.
    let en = app.get("/").await.body;
    assert_eq!(
        data_block(&en, "suggest-messages")["internal"],
        "{type} · internal"
    );
}

fn allowing(origins: &str) -> WebSettings {
    WebSettings {
        embed_origins: EmbedOrigin::parse_list(origins).unwrap(),
        public_url: Some("https://partners.ki.se".parse().unwrap()),
        ..WebSettings::default()
    }
}

#[tokio::test]
async fn embeds_speak_the_language_they_are_asked_for() {
    let app = spawn_app().await;
    let node = app.node(allowing("https://www.ki.se")).await;
    let cases = [
        (
            "/embed/map?country=JP&lang=sv",
            "sv",
            "Partner i Japan",
            "Hela kartan på",
        ),
        (
            "/embed/agreements?country=JP&lang=sv",
            "sv",
            "Avtal med partner i Japan",
            "Alla avtal och partner på",
        ),
        (
            "/embed/funding?country=JP&lang=sv",
            "sv",
            "Finansiering för vistelser i Japan",
            "finansieringsmöjlighet",
        ),
        (
            "/embed/country?country=JP&lang=sv",
            "sv",
            "Samarbete med Japan",
            "Partnerorganisationer",
        ),
        (
            "/embed/map?country=JP&lang=ja",
            "ja",
            "の提携先",
            "地図全体を見る",
        ),
        (
            "/embed/agreements?country=JP&lang=ja",
            "ja",
            "の提携先との協定",
            "すべての協定と提携先",
        ),
        (
            "/embed/funding?country=JP&lang=ja",
            "ja",
            "での滞在のための助成金",
            "助成金・奨学金 ",
        ),
        (
            "/embed/country?country=JP&lang=ja",
            "ja",
            "との連携",
            "提携機関",
        ),
    ];
    for (uri, lang, heading, text) in cases {
        let page = node.get(uri).await;
        assert_eq!(page.status, 200, "{uri}: {}", page.body);
        assert!(
            page.body.contains(&format!(r#"<html lang="{lang}">"#)),
            "{uri}"
        );
        assert!(
            common::h1(&page.body).contains(heading),
            "{uri}: {}",
            common::h1(&page.body)
        );
        assert!(page.body.contains(text), "{uri}: {}", page.body);
    }
    // Dates in the language's form, with the machine-readable date beside.
    let registry = app.registry();
    let mut tmu = registry
        .get::<Agreement>("tmu-student-exchange")
        .await
        .unwrap()
        .unwrap();
    tmu.record.valid_until = Some("2030-03-31".parse().unwrap());
    registry
        .save(&tmu.record, Expect::Any, "test")
        .await
        .unwrap();
    node.state.refresh().await.unwrap();
    let until = r#"<time datetime="2030-03-31">"#;
    let ja = node.get("/embed/agreements?country=JP&lang=ja").await.body;
    assert!(
        ja.contains(&format!("{until}2030年3月31日</time>まで")),
        "{ja}"
    );
    let sv = node.get("/embed/agreements?country=JP&lang=sv").await.body;
    assert!(
        sv.contains(&format!("till och med {until}31 mars 2030</time>")),
        "{sv}"
    );
    let en = node.get("/embed/agreements?country=JP").await.body;
    assert!(
        en.contains(&format!("until {until}31 March 2030</time>")),
        "{en}"
    );

    let en = node.get("/embed/country?country=JP").await.body;
    assert!(en.contains(r#"<html lang="en">"#));
    assert!(common::h1(&en).contains("Collaboration with Japan"));
    let unknown = node.get("/embed/calendar?lang=sv").await;
    assert_eq!(unknown.status, 404);
    assert!(
        unknown.body.contains(r#"<html lang="sv">"#),
        "{}",
        unknown.body
    );

    // The loader titles its frames in the host page's language.
    let script = node.get("/embed.js").await.body;
    assert!(script.contains("\"sv\":{"), "{script}");
    assert!(script.contains("Karta över partner"));
    assert!(!script.contains("__KIZUNA_TITLES__"));
}
