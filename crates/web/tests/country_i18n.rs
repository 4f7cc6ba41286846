//! The country page and the records' names in the reader's language:
//! country names from i18n-iso-countries, organisations' names in the
//! language where the record has one (the others beside it), lists in the
//! language's order, editorial sections per language with an English
//! fallback that says so, and search in Swedish and Japanese words.

#[path = "auth/browser.rs"]
mod browser;
mod common;
#[path = "admin/support.rs"]
#[allow(dead_code)]
mod support;

use axum::http::StatusCode;
use common::spawn_app;
use kizuna_domain::Role;
use support::{form_fields, get, post, set, signed_in};

#[tokio::test]
async fn the_country_page_speaks_swedish_and_japanese_and_english_by_default() {
    let app = spawn_app().await;
    let en = app.get("/countries/jp").await;
    assert!(en.body.contains(r#"<html lang="en""#));
    assert_eq!(common::h1(&en.body), "Collaboration in Japan");
    assert!(en.body.contains(">Overview</h2>"));
    assert!(en.body.contains(">The University of Tokyo</a>"));

    let sv = app.get("/countries/jp?lang=sv").await;
    assert_eq!(sv.status, 200);
    assert!(sv.body.contains(r#"<html lang="sv""#));
    assert_eq!(common::h1(&sv.body), "Samarbete med Japan");
    for text in [
        "Översikt",
        "Samförståndsavtal (MOU)",
        "Forskarutbildning",
        "Tillbaka till avsnitten",
    ] {
        assert!(sv.body.contains(text), "sv: {text}");
    }
    assert!(!sv.body.contains("Back to the sections"));
    // Countries without an office text render too, in every language.
    for uri in [
        "/countries/se?lang=sv",
        "/countries/kr?lang=ja",
        "/countries/fr?lang=sv",
    ] {
        assert_eq!(app.get(uri).await.status, 200, "{uri}");
    }

    for ja in [
        app.get("/countries/jp?lang=ja").await,
        app.get_accepting("/countries/jp", "ja,en;q=0.5").await,
    ] {
        assert!(ja.body.contains(r#"<html lang="ja""#));
        assert_eq!(common::h1(&ja.body), "日本との連携");
        assert!(ja.body.contains("博士課程"));
        // The record's Japanese name first, its English name beside it.
        assert!(ja.body.contains(">東京大学</a>"), "東京大学 as the link");
        assert!(
            ja.body
                .contains(r#"class="alt-name">The University of Tokyo</span>"#),
            "the English name beside"
        );
        // The strategic partnership renewed in 2022 shows its date as <time>.
        assert!(ja.body.contains(r#"<time datetime="2022">"#));
    }
}

#[tokio::test]
async fn country_names_follow_the_reader_in_lists_and_breadcrumbs() {
    let app = spawn_app().await;
    let ja = app.get("/organisations/tmu?lang=ja").await;
    assert_eq!(common::h1(&ja.body), "東京都立大学");
    assert!(ja.body.contains("Tokyo Metropolitan University"));
    assert!(ja.body.contains(">日本</a>"), "the country in Japanese");
    let sv = app.get("/organisations/ki?lang=sv").await;
    assert!(sv.body.contains("Sverige"), "Sweden in Swedish");
    let en = app.get("/organisations/tmu").await;
    assert_eq!(common::h1(&en.body), "Tokyo Metropolitan University");
    assert!(
        en.body
            .contains(r#"lang="ja" class="alt-name">東京都立大学</span>"#)
            || en.body.contains("東京都立大学")
    );
}

#[tokio::test]
async fn sections_show_in_the_readers_language_or_in_english_with_a_note() {
    let app = spawn_app().await;
    let admin = signed_in(&app, Role::Admin).await;
    let form = get(&app, &admin, "/admin/countries/jp?lang=sv").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Översättningar"), "the form in Swedish");
    let mut fields = form_fields(&form.body);
    assert!(fields.iter().any(|(n, _)| n == "translations.ja.intro"));
    set(
        &mut fields,
        "sections.intro",
        "Japan is our **oldest** partner in Asia.",
    );
    set(
        &mut fields,
        "translations.sv.intro",
        "Japan är vår **äldsta** partner i Asien.",
    );
    let done = post(&app, &admin, "/admin/countries/jp", &fields).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);

    let sv = app.get("/countries/jp?lang=sv").await;
    assert!(
        sv.body
            .contains(r#"<div class="prose"><p>Japan är vår <strong>äldsta</strong>"#),
        "Swedish intro"
    );
    assert!(!sv.body.contains("<strong>oldest</strong>"));
    let ja = app.get("/countries/jp?lang=ja").await;
    assert!(
        ja.body
            .contains("このセクションは英語でのみご覧いただけます。")
    );
    assert!(
        ja.body
            .contains(r#"<div class="prose" lang="en"><p>Japan is our <strong>oldest</strong>"#)
    );
    let en = app.get("/countries/jp").await;
    assert!(
        en.body
            .contains(r#"<div class="prose"><p>Japan is our <strong>oldest</strong>"#)
    );
    assert!(!en.body.contains("only available in English"));

    // Stored as the profile's translations; a language left empty is left out.
    let api = app.json("/api/v1/countries/jp").await;
    assert_eq!(
        api["translations"]["sv"]["intro"],
        "Japan är vår **äldsta** partner i Asien."
    );
    assert!(
        api["translations"].get("ja").is_none(),
        "{}",
        api["translations"]
    );
}

#[tokio::test]
async fn the_back_office_country_list_is_in_the_readers_language_and_order() {
    let app = spawn_app().await;
    let admin = signed_in(&app, Role::Admin).await;
    let sv = get(&app, &admin, "/admin/countries?lang=sv").await;
    assert_eq!(common::h1(&sv.body), "Landsidor");
    let at = |name: &str| sv.body.find(name).unwrap_or_else(|| panic!("{name}"));
    // å ä ö after z in Swedish.
    assert!(at("Zimbabwe (ZW)") < at("Åland (AX)"));
    assert!(at("Åland (AX)") < at("Österrike (AT)"));
    let ja = get(&app, &admin, "/admin/countries?lang=ja").await;
    assert!(ja.body.contains("日本 (JP)"));
}

#[tokio::test]
async fn subject_areas_are_found_in_swedish_and_japanese_words() {
    let app = spawn_app().await;
    for q in [
        "sjuksk%C3%B6terska",
        "%E7%9C%8B%E8%AD%B7",
        "omv%C3%A5rdnad",
        "nursing",
    ] {
        let page = app.get_accepting(&format!("/search?q={q}"), "sv").await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("/agreements/tmu-student-exchange"),
            "{q} finds the TMU exchange"
        );
        let api = app.json(&format!("/api/v1/search?q={q}")).await;
        assert!(
            api.to_string().contains("tmu-student-exchange"),
            "{q} in the API"
        );
    }
    let ja = app.get_accepting("/search?q=tokyo", "ja").await;
    assert!(
        ja.body.contains("東京大学"),
        "organisations titled in Japanese"
    );
}
