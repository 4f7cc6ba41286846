//! Record pages, lists, the error page, sign-in, the Atom feed and a
//! deadline's calendar file in Swedish and Japanese: `?lang=`, then
//! `Accept-Language`; without either, English as before.

mod common;

use axum::body::Body;
use axum::http::{Request, header};
use common::{TestApp, node_on};
use kizuna_core::Registry;
use kizuna_domain::Dataset;
use kizuna_storage::testing;
use kizuna_web::WebSettings;

/// The Japan dataset with conditions on the TMU exchange and dated deadlines.
fn data() -> Dataset {
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
    let sjf = data
        .funding
        .iter_mut()
        .find(|f| f.id.as_str() == "sweden-japan-foundation-scholarships")
        .unwrap();
    sjf.deadlines =
        serde_json::from_value(serde_json::json!([{"date": "2027-02-15", "yearly": false}]))
            .unwrap();
    data.validate().unwrap();
    data
}

async fn app() -> TestApp {
    let store = testing::fresh_sqlite().await.unwrap();
    Registry::new(store.clone())
        .load_dataset(&data(), "test")
        .await
        .unwrap();
    node_on(store, WebSettings::default()).await
}

/// GETs `uri` with `Accept-Language: accept` (when given), asserting `status`.
async fn get(app: &TestApp, uri: &str, accept: Option<&str>, status: u16) -> String {
    let mut request = Request::get(uri);
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT_LANGUAGE, accept);
    }
    let response = app.request(request.body(Body::empty()).unwrap()).await;
    assert_eq!(response.status, status, "{uri}: {}", response.body);
    response.body.replace("&#x2f;", "/").replace("&#x27;", "'")
}

/// Asserts `page` is in `lang` and holds every one of `words`.
fn says(page: &str, lang: &str, words: &[&str]) {
    assert!(
        page.contains(&format!("<html lang=\"{lang}\"")),
        "not in {lang}: {}",
        &page[..page.len().min(300)]
    );
    for w in words {
        assert!(
            page.contains(w),
            "“{w}” missing from the {lang} page: {page}"
        );
    }
}

#[tokio::test]
async fn record_pages_in_swedish_and_japanese() {
    let app = app().await;
    let a = "/agreements/tmu-student-exchange";
    let page = get(&app, &format!("{a}?lang=sv"), None, 200).await;
    says(
        &page,
        "sv",
        &[
            "Vad avtalet erbjuder",
            "Våra studenter som studerar hos partnern",
            "2 platser per år",
            "högst 5 månader per år sammanlagt",
            "EQF-nivå 6 (kandidatnivå)",
            "0913 Omvårdnad och barnmorskeutbildning",
            "Engelska (lägst B2)",
            "2026/27 till 2028/29",
            "Så söker du / vem du frågar",
            ">Fakta</h2>",
            "aria-label=\"Brödsmulor\"",
        ],
    );
    assert!(!page.contains("What this agreement offers"));
    let page = get(&app, a, Some("ja,en;q=0.5"), 200).await;
    says(
        &page,
        "ja",
        &[
            "この協定で可能なこと",
            "本学の学生が提携校で学ぶ",
            "年間2名",
            "英語（B2以上）",
        ],
    );

    let page = get(&app, "/organisations/riken?lang=ja", None, 200).await;
    says(&page, "ja", &[">協定</h2>", ">概要</h2>"]);
    let page = get(&app, "/organisations/riken?lang=sv", None, 200).await;
    says(&page, "sv", &[">Avtal</h2>", ">Fakta</h2>"]);

    let page = get(&app, "/programmes/ki-riken-phd-course?lang=sv", None, 200).await;
    says(&page, "sv", &[">Fakta</h2>", "<dt>Typ</dt>"]);
    let page = get(&app, "/programmes/ki-riken-phd-course", Some("ja"), 200).await;
    says(&page, "ja", &["<dt>種別</dt>"]);

    // A deadline is written as the language writes dates.
    let f = "/funding/sweden-japan-foundation-scholarships";
    let page = get(&app, &format!("{f}?lang=sv"), None, 200).await;
    says(
        &page,
        "sv",
        &[
            r#"<time datetime="2027-02-15">15 februari 2027</time>"#,
            "Lägg till i kalendern",
            ">Vem du frågar</h2>",
        ],
    );
    let page = get(&app, f, Some("ja-JP"), 200).await;
    says(
        &page,
        "ja",
        &[
            r#"<time datetime="2027-02-15">2027年2月15日</time>"#,
            "カレンダーに追加",
        ],
    );
    let page = get(&app, f, None, 200).await;
    says(&page, "en", &["15 February 2027", "Add to calendar"]);

    let page = get(&app, "/contacts/lotta-lundqvist?lang=sv", None, 200).await;
    says(&page, "sv", &["Så når du", ">Fakta</h2>"]);
    let page = get(&app, "/contacts/lotta-lundqvist?lang=ja", None, 200).await;
    says(&page, "ja", &["への連絡方法"]);
}

#[tokio::test]
async fn lists_in_swedish_and_japanese() {
    let app = app().await;
    let page = get(&app, "/agreements?lang=sv", None, 200).await;
    says(
        &page,
        "sv",
        &[
            "<title>Avtal",
            "Filtrera avtal",
            "Visa avtal",
            "Alla länder",
            " avtal</h2>",
        ],
    );
    let page = get(&app, "/agreements?kind=mou&lang=ja", None, 200).await;
    says(&page, "ja", &["条件に合う協定", "条件をクリア"]);
    let page = get(&app, "/organisations", Some("sv"), 200).await;
    says(&page, "sv", &["<title>Organisationer", "Namn eller ort"]);
    let page = get(&app, "/programmes?lang=ja", None, 200).await;
    says(&page, "ja", &["プログラムを表示"]);
    let page = get(&app, "/funding?lang=sv", None, 200).await;
    says(
        &page,
        "sv",
        &["<title>Finansiering", "Karriärsteg", "möjligheter</h2>"],
    );
    let page = get(&app, "/contacts?lang=ja", None, 200).await;
    says(&page, "ja", &["<title>担当者", "この一覧をダウンロード"]);
}

#[tokio::test]
async fn the_error_page_speaks_the_readers_language() {
    let app = app().await;
    let page = get(&app, "/agreements/no-such-thing?lang=sv", None, 404).await;
    says(&page, "sv", &["Fel 404", "Sidan finns inte", "startsidan"]);
    let page = get(&app, "/no/such/page", Some("ja"), 404).await;
    says(&page, "ja", &["エラー 404", "ページが見つかりません"]);
    let page = get(&app, "/agreements/no-such-thing", None, 404).await;
    says(
        &page,
        "en",
        &["Error 404", "Not found", "There is no agreement"],
    );
}

#[tokio::test]
async fn the_sign_in_page_speaks_the_readers_language() {
    let app = app().await;
    let page = get(&app, "/login?lang=sv", None, 200).await;
    says(
        &page,
        "sv",
        &[
            "<h1 id=\"login-h\">Logga in</h1>",
            "E-postadress",
            "Lösenord",
        ],
    );
    let page = get(&app, "/login?signed_out=1", Some("ja"), 200).await;
    says(&page, "ja", &["ログアウトしました。", "パスワード"]);
}

#[tokio::test]
async fn feeds_and_calendars_speak_the_readers_language() {
    let app = app().await;
    let feed = get(&app, "/feeds/changes.atom?lang=sv", None, 200).await;
    assert!(feed.contains(": senaste ändringar</title>"), "{feed}");
    assert!(feed.contains("xml:lang=\"sv\""), "{feed}");
    assert!(feed.contains("<title>Tillagt: "), "{feed}");
    let feed = get(&app, "/feeds/changes.atom", None, 200).await;
    assert!(feed.contains(": recent changes</title>"), "{feed}");

    let ics = "/funding/sweden-japan-foundation-scholarships/deadlines/1.ics";
    let event = get(&app, ics, Some("ja"), 200).await.replace("\r\n ", "");
    assert!(event.contains("SUMMARY:応募締切："), "{event}");
    assert!(event.contains("DESCRIPTION:"), "{event}");
    let event = get(&app, &format!("{ics}?lang=sv"), None, 200)
        .await
        .replace("\r\n ", "");
    assert!(event.contains("SUMMARY:Sista ansökningsdag: "), "{event}");
    let all = get(&app, "/feeds/deadlines.ics", Some("sv"), 200)
        .await
        .replace("\r\n ", "");
    assert!(
        all.contains("Sista ansökningsdagar för finansiering"),
        "{all}"
    );
    let all = get(&app, "/feeds/deadlines.ics", None, 200)
        .await
        .replace("\r\n ", "");
    assert!(all.contains("SUMMARY:Deadline: "), "{all}");
}
