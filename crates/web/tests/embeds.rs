//! Embeds: `/embed/{widget}` pages show public records only, carry no session,
//! open links in the top window and may be framed only by the configured
//! origins; `/embed.js` names this deployment. On SQLite and PostgreSQL.

mod common;

use axum::http::header;
use common::{TestApp, TestResponse, spawn_apps};
use kizuna_core::Expect;
use kizuna_domain::{Agreement, Visibility};
use kizuna_web::WebSettings;
use kizuna_web::http::base_url::EmbedOrigin;

const WIDGET_PAGES: [&str; 4] = [
    "/embed/map?country=JP",
    "/embed/agreements?country=JP",
    "/embed/funding?country=JP",
    "/embed/country?country=JP",
];

/// The page with minijinja's escaped slashes put back.
fn unescaped(body: &str) -> String {
    body.replace("&#x2f;", "/")
}

fn header_text<'a>(response: &'a common::TestResponse, name: &str) -> Option<&'a str> {
    response.headers.get(name).and_then(|v| v.to_str().ok())
}

fn csp(response: &common::TestResponse) -> &str {
    header_text(response, "content-security-policy").unwrap_or_default()
}

fn allowing(origins: &str) -> WebSettings {
    WebSettings {
        embed_origins: EmbedOrigin::parse_list(origins).unwrap(),
        public_url: Some("https://partners.ki.se".parse().unwrap()),
        ..WebSettings::default()
    }
}

/// Copies of a Japanese agreement that the public must never see: one
/// internal, one public but unsigned (a draft).
async fn add_hidden_agreements(app: &TestApp) {
    let registry = app.registry();
    let tmu = registry
        .get::<Agreement>("tmu-student-exchange")
        .await
        .unwrap()
        .unwrap()
        .record;
    let mut internal = tmu.clone();
    internal.id = "qzx-internal-pact".parse().unwrap();
    internal.title = "Qzx internal pact".to_owned();
    internal.renews = None;
    internal.visibility = Visibility::Internal;
    let mut draft = tmu;
    draft.id = "qzx-draft-pact".parse().unwrap();
    draft.title = "Qzx draft pact".to_owned();
    draft.renews = None;
    (draft.signed, draft.signed_on) = (false, None);
    for record in [internal, draft] {
        registry
            .save(&record, Expect::Absent, "test")
            .await
            .unwrap();
    }
    app.state.refresh().await.unwrap();
}

#[tokio::test]
async fn embed_pages_may_be_framed_only_by_the_configured_origins() {
    for app in spawn_apps().await {
        // Unset: nobody may frame anything.
        for path in WIDGET_PAGES {
            let page = app.get(path).await;
            assert_eq!(page.status, 200, "{path}: {}", page.body);
            assert!(csp(&page).contains("frame-ancestors 'none'"), "{path}");
            assert_eq!(header_text(&page, "x-frame-options"), Some("DENY"));
        }
        let node = app
            .node(allowing("https://www.ki.se http://localhost:8081"))
            .await;
        for path in WIDGET_PAGES {
            let page = node.get(path).await;
            assert_eq!(page.status, 200, "{path}: {}", page.body);
            assert!(
                csp(&page).contains("frame-ancestors https://www.ki.se http://localhost:8081;"),
                "{path}: {}",
                csp(&page)
            );
            assert!(csp(&page).contains("script-src 'self';"), "still strict");
            assert_eq!(header_text(&page, "x-frame-options"), None, "{path}");
        }
        // Every other page keeps refusing to be framed.
        for path in [
            "/",
            "/countries/jp",
            "/map",
            "/funding",
            "/login",
            "/api/v1/agreements",
            "/nowhere",
        ] {
            let page = node.get(path).await;
            assert!(csp(&page).contains("frame-ancestors 'none'"), "{path}");
            assert_eq!(
                header_text(&page, "x-frame-options"),
                Some("DENY"),
                "{path}"
            );
        }
        let unknown = node.get("/embed/calendar?country=JP").await;
        assert_eq!(unknown.status, 404);
        assert!(unknown.content_type().starts_with("text/html"));
    }
}

#[tokio::test]
async fn embed_pages_show_public_records_only_and_carry_no_session() {
    for app in spawn_apps().await {
        add_hidden_agreements(&app).await;
        let node = app.node(allowing("https://www.ki.se")).await;
        // The hidden copies are there for staff, so their absence below means something.
        let draft = node
            .registry()
            .get::<Agreement>("qzx-draft-pact")
            .await
            .unwrap();
        assert_eq!(draft.unwrap().record.visibility, Visibility::Public);

        let agreements = node.get("/embed/agreements?country=JP").await;
        assert_eq!(agreements.status, 200, "{}", agreements.body);
        let body = &unescaped(&agreements.body);
        assert!(
            body.contains("<h1>Agreements with partners in Japan</h1>"),
            "{body}"
        );
        assert!(
            body.contains(
                "href=\"https://partners.ki.se/agreements/tmu-student-exchange\" target=\"_top\""
            ),
            "{body}"
        );
        assert!(
            !body.to_lowercase().contains("qzx"),
            "internal or draft shown: {body}"
        );

        let map = node.get("/embed/map?country=JP").await;
        assert!(
            map.body.contains("Tokyo Metropolitan University"),
            "{}",
            map.body
        );
        assert!(map.body.contains("data-query=\"country=JP\""));
        assert!(
            map.body.contains(" data-embed"),
            "map.js tells the embed from the page by it"
        );
        assert!(!map.body.to_lowercase().contains("qzx"));

        let funding = node.get("/embed/funding?country=JP").await;
        let funding = unescaped(&funding.body);
        assert!(
            funding.contains("href=\"https://partners.ki.se/funding/jsps-fellowships\""),
            "{funding}"
        );

        let country = node.get("/embed/country?country=jp").await;
        let country = TestResponse {
            body: unescaped(&country.body),
            ..country
        };
        assert!(
            country.body.contains("<h1>Collaboration with Japan</h1>"),
            "{}",
            country.body
        );
        assert!(
            country
                .body
                .contains("href=\"https://partners.ki.se/countries/jp\"")
        );

        for path in WIDGET_PAGES {
            let page = node.get(path).await;
            assert!(
                page.headers.get(header::SET_COOKIE).is_none(),
                "{path} sets a cookie"
            );
            assert!(page.body.contains("<base target=\"_top\">"), "{path}");
            assert!(
                page.body
                    .contains("<script src=\"/assets/embed-frame.js\">"),
                "{path}"
            );
            for secret in ["csrf", "token", "<form", "<script>"] {
                assert!(!page.body.contains(secret), "{path} holds {secret}");
            }
            assert_eq!(page.body.matches("<h1>").count(), 1, "{path}");
        }
    }
}

#[tokio::test]
async fn embed_filters_are_checked() {
    for app in spawn_apps().await {
        let doctoral = app.get("/embed/agreements?education_level=doctoral").await;
        assert_eq!(doctoral.status, 200);
        assert!(
            doctoral.body.contains("riken-phd-exchange"),
            "{}",
            doctoral.body
        );
        assert!(
            !doctoral.body.contains("tmu-student-exchange"),
            "bachelor's/master's only"
        );
        for bad in [
            "/embed/agreements?kind=nonsense",
            "/embed/map?colour=red",
            "/embed/funding?career_stage=toddler",
            "/embed/country",
            "/embed/country?country=XX1",
        ] {
            let page = app.get(bad).await;
            assert_eq!(page.status, 400, "{bad}: {}", page.body);
            assert!(page.content_type().starts_with("text/html"), "{bad}");
        }
    }
}

#[tokio::test]
async fn the_embed_script_points_at_the_public_url_and_is_cacheable() {
    for app in spawn_apps().await {
        let node = app.node(allowing("https://www.ki.se")).await;
        let script = node.get("/embed.js").await;
        assert_eq!(script.status, 200);
        assert_eq!(script.content_type(), "text/javascript; charset=utf-8");
        assert_eq!(
            header_text(&script, "cache-control"),
            Some("public, max-age=3600")
        );
        assert!(
            script
                .body
                .contains("var base = \"https://partners.ki.se\";"),
            "{}",
            script.body
        );
        assert!(!script.body.contains("__KIZUNA_BASE__"));
        // Every answer varies by the reader's language; this one's base never varies.
        let vary = header_text(&script, "vary")
            .unwrap_or_default()
            .to_lowercase();
        assert!(!vary.contains("host"), "the base never varies: {vary}");
        assert!(!vary.contains("forwarded"), "the base never varies: {vary}");
    }
}

#[tokio::test]
async fn the_country_page_and_the_map_offer_the_snippet() {
    for app in spawn_apps().await {
        let node = app.node(allowing("https://www.ki.se")).await;
        let country = node.get("/countries/jp").await;
        let country = TestResponse {
            body: unescaped(&country.body),
            ..country
        };
        assert!(
            country.body.contains(
                "&lt;div data-kizuna=&quot;country&quot; data-country=&quot;JP&quot;&gt;&lt;/div&gt;\
                 &lt;script src=&quot;https://partners.ki.se/embed.js&quot; async&gt;&lt;/script&gt;"
            ),
            "{}",
            country.body
        );
        let map = node
            .get("/map?country=JP&kind=student_exchange&zoom=4")
            .await;
        assert!(
            map.body.contains(
                "&lt;div data-kizuna=&quot;map&quot; data-country=&quot;JP&quot; data-kind=&quot;student_exchange&quot;&gt;"
            ),
            "{}",
            map.body
        );
        assert!(
            map.body
                .contains("<script src=\"/assets/embed-box.js\" defer></script>")
        );
    }
}
