//! Absolute links (feeds, calendars, embeds, `/embed.js`) start with the
//! public URL; a client's `Host` or `X-Forwarded-*` changes nothing unless the
//! proxy is trusted, and then only when well formed. On SQLite and PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{TestApp, TestResponse, spawn_apps};
use kizuna_core::Expect;
use kizuna_domain::{Agreement, FundingOpportunity};
use kizuna_web::WebSettings;

/// A funding deadline and an agreement end, so both calendars have an event with a link.
async fn add_dates(app: &TestApp) {
    let registry = app.registry();
    let mut jsps = registry
        .get::<FundingOpportunity>("jsps-fellowships")
        .await
        .unwrap()
        .unwrap();
    jsps.record.deadlines = vec![
        serde_json::from_value(serde_json::json!({"date": "2027-03-01", "yearly": true})).unwrap(),
    ];
    registry
        .save(&jsps.record, Expect::Revision(jsps.revision), "test")
        .await
        .unwrap();
    let mut tmu = registry
        .get::<Agreement>("tmu-student-exchange")
        .await
        .unwrap()
        .unwrap();
    tmu.record.valid_until = Some("2027-02-28".parse().unwrap());
    registry
        .save(&tmu.record, Expect::Revision(tmu.revision), "test")
        .await
        .unwrap();
    app.state.refresh().await.unwrap();
}

/// Public surfaces with absolute links, and a link each must hold.
const LINKED: [(&str, &str); 4] = [
    ("/feeds/changes.atom", "/feeds/changes.atom"),
    ("/feeds/deadlines.ics", "/funding/"),
    (
        "/embed/agreements?country=JP",
        "/agreements/tmu-student-exchange",
    ),
    ("/embed.js", ""),
];

async fn get_with(app: &TestApp, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.request(request.body(Body::empty()).unwrap()).await
}

const FORGED: [(&str, &str); 3] = [
    ("host", "evil.example"),
    ("x-forwarded-proto", "javascript:alert(1)//"),
    ("x-forwarded-host", "evil.example"),
];

/// The body with iCalendar's folded lines joined.
fn unfolded(response: &TestResponse) -> String {
    response.body.replace("\r\n ", "").replace("&#x2f;", "/")
}

fn assert_links(response: &TestResponse, uri: &str, base: &str, link: &str) {
    assert_eq!(response.status, 200, "{uri}: {}", response.body);
    let body = unfolded(response);
    let quoted = if uri.ends_with(".js") {
        format!("\"{base}\"")
    } else {
        format!("{base}{link}")
    };
    assert!(body.contains(&quoted), "{uri} lacks {quoted}: {body}");
    for bad in ["javascript:", "evil.example"] {
        assert!(!body.contains(bad), "{uri} copied {bad}: {body}");
    }
}

#[tokio::test]
async fn forged_headers_change_no_link() {
    for app in spawn_apps().await {
        add_dates(&app).await;
        let node = app
            .node(WebSettings {
                listen: Some(([127, 0, 0, 1], 8080).into()),
                ..WebSettings::default()
            })
            .await;
        for (uri, link) in LINKED {
            let response = get_with(&node, uri, &FORGED).await;
            assert_links(&response, uri, "http://127.0.0.1:8080", link);
        }
        // The Atom feed's own address too (it is cached per base).
        let atom = get_with(&node, "/feeds/changes.atom", &FORGED).await;
        assert!(
            atom.body
                .contains("<id>http://127.0.0.1:8080/feeds/changes.atom</id>"),
            "{}",
            atom.body
        );
    }
}

#[tokio::test]
async fn the_public_url_is_the_base_of_every_absolute_link() {
    for app in spawn_apps().await {
        add_dates(&app).await;
        let node = app
            .node(WebSettings {
                public_url: Some("https://partners.ki.se/".parse().unwrap()),
                // The public URL wins even over a trusted proxy.
                trust_proxy: true,
                ..WebSettings::default()
            })
            .await;
        for (uri, link) in LINKED {
            let response = get_with(&node, uri, &FORGED).await;
            assert_links(&response, uri, "https://partners.ki.se", link);
            let honest = get_with(&node, uri, &[("x-forwarded-host", "proxy.example")]).await;
            assert!(!honest.body.contains("proxy.example"), "{uri}");
        }
        let token = common::viewer_token(&node).await;
        let expiring = node
            .get(&format!("/feeds/expiring.ics?token={token}"))
            .await;
        assert_links(
            &expiring,
            "/feeds/expiring.ics",
            "https://partners.ki.se",
            "/agreements/",
        );
    }
}

#[tokio::test]
async fn a_trusted_proxy_names_the_base_when_well_formed() {
    for app in spawn_apps().await {
        add_dates(&app).await;
        let node = app
            .node(WebSettings {
                trust_proxy: true,
                listen: Some(([127, 0, 0, 1], 8080).into()),
                ..WebSettings::default()
            })
            .await;
        let proxied = [
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "Partners.Example"),
        ];
        for (uri, link) in LINKED {
            let response = get_with(&node, uri, &proxied).await;
            assert_links(&response, uri, "https://partners.example", link);
            // Forged values are refused whole: the listen address instead.
            let forged = get_with(&node, uri, &FORGED).await;
            assert_links(&forged, uri, "http://127.0.0.1:8080", link);
            let by_host = get_with(&node, uri, &[("host", "kizuna.internal:8443")]).await;
            assert_links(&by_host, uri, "http://kizuna.internal:8443", link);
        }
        let script = get_with(&node, "/embed.js", &proxied).await;
        assert_eq!(
            script.headers.get("vary").and_then(|v| v.to_str().ok()),
            Some("Host, X-Forwarded-Host, X-Forwarded-Proto")
        );
    }
}
