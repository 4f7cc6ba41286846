//! Public pages: every one renders, errors are real pages, output is escaped.

mod common;

use common::{spawn_app, spawn_apps};
use kizuna_core::Registry;
use kizuna_domain::{CountryProfile, CountrySections};

#[tokio::test]
async fn every_public_page_renders() {
    for app in spawn_apps().await {
        let data = common::japan();
        let mut uris = vec![
            "/".to_owned(),
            "/countries".to_owned(),
            "/countries/jp".to_owned(),
            "/countries/se".to_owned(),
            "/funding".to_owned(),
            "/funding?career_stage=doctoral&country=JP".to_owned(),
            "/contacts".to_owned(),
        ];
        uris.extend(
            data.organisations
                .iter()
                .map(|o| format!("/organisations/{}", o.id)),
        );
        uris.extend(
            data.agreements
                .iter()
                .map(|a| format!("/agreements/{}", a.id)),
        );
        uris.extend(
            data.programmes
                .iter()
                .map(|p| format!("/programmes/{}", p.id)),
        );
        uris.extend(data.funding.iter().map(|f| format!("/funding/{}", f.id)));
        for uri in uris {
            let page = app.get(&uri).await;
            assert_eq!(page.status, 200, "{uri}: {}", page.body);
            assert!(page.content_type().starts_with("text/html"), "{uri}");
            assert_eq!(page.body.matches("<h1").count(), 1, "{uri} has one h1");
            let csp = page
                .headers
                .get("content-security-policy")
                .unwrap()
                .to_str()
                .unwrap();
            assert!(csp.contains("script-src 'self'"), "{uri}");
            assert!(
                !page.body.contains("<script>"),
                "{uri} has no inline script"
            );
        }
    }
}

#[tokio::test]
async fn the_renewal_history_is_on_the_agreement_page() {
    for app in spawn_apps().await {
        let page = app.get("/agreements/trio-utokyo-spa-2022").await.body;
        assert!(page.contains("Renewal history"));
        assert!(page.contains(r#"href="/agreements/trio-utokyo-spa""#));
        let original = app.get("/agreements/trio-utokyo-spa").await.body;
        assert!(
            original.contains(r#"href="/agreements/trio-utokyo-spa-2022""#),
            "the original links to its renewal"
        );
    }
}

#[tokio::test]
async fn errors_are_html_pages() {
    for app in spawn_apps().await {
        for (uri, status) in [
            ("/no/such/page", 404),
            ("/organisations/nowhere", 404),
            ("/countries/xx", 404),
            ("/funding?career_stage=student", 400),
        ] {
            let page = app.get(uri).await;
            assert_eq!(page.status, status, "{uri}");
            assert!(
                page.content_type().starts_with("text/html"),
                "{uri}: {}",
                page.content_type()
            );
            assert!(page.body.contains("<h1"), "{uri}");
        }
    }
}

#[tokio::test]
async fn markdown_is_sanitised_and_text_escaped() {
    for app in spawn_apps().await {
        let registry: Registry = app.registry();
        let profile = CountryProfile {
            country: "KR".parse().unwrap(),
            collaboration_years: None,
            research_fields: vec!["<b>bold field</b>".into()],
            key_partners: vec![],
            supporters: vec![],
            sections: CountrySections {
                intro: Some(
                    "Hello <script>alert(1)</script> **world** <img src=x onerror=alert(2)>".into(),
                ),
                ..Default::default()
            },
            translations: Default::default(),
            updated_at: None,
        };
        registry
            .store()
            .apply(vec![Registry::put_country(&profile)], "test")
            .await
            .unwrap();
        app.state.refresh().await.unwrap();
        let page = app.get("/countries/kr").await.body;
        assert!(page.contains("<strong>world</strong>"));
        assert!(!page.contains("<script>alert(1)"));
        assert!(!page.contains("onerror"));
        assert!(
            page.contains("&lt;b&gt;bold field&lt;&#x2f;b&gt;")
                || page.contains("&lt;b&gt;bold field&lt;/b&gt;"),
            "plain text is escaped"
        );
    }
}

#[tokio::test]
async fn assets_are_served_with_types() {
    let app = spawn_app().await;
    let css = app.get("/assets/kizuna.css").await;
    assert_eq!(css.status, 200);
    assert_eq!(css.content_type(), "text/css");
    assert_eq!(app.get("/assets/nope.css").await.status, 404);
    assert_eq!(app.get("/assets/../Cargo.toml").await.status, 404);
}
