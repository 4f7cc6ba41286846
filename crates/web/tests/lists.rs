//! The index pages `/agreements`, `/programmes` and `/organisations`: the
//! API's filters as a form, numbered pages, downloads, and the home page's
//! ways into them.

mod common;
mod writers;

use common::{TestApp, ids, spawn_apps};
use serde_json::json;
use writers::{agreement, cast, expect};

/// A page's HTML with the escapes of attribute values undone, to look for links.
fn unescape(html: &str) -> String {
    html.replace("&#x2f;", "/").replace("&amp;", "&")
}

/// GETs a page, asserting 200, with its attribute escapes undone.
async fn page(app: &TestApp, uri: &str) -> String {
    let response = app.get(uri).await;
    assert_eq!(response.status, 200, "{uri}: {}", response.body);
    unescape(&response.body)
}

/// The heading that says how many records match, e.g. `2 agreements`.
fn count_heading(body: &str) -> &str {
    let start = body
        .find(r#"<h2 id="results-h" class="result-count">"#)
        .unwrap_or_else(|| panic!("no result count in {body}"));
    let rest = &body[start..];
    let text_start = rest.find('>').unwrap() + 1;
    let end = rest[text_start..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap();
    &rest[text_start..text_start + end]
}

/// The page lists exactly the records the API lists for the same filters.
async fn same_as_the_api(app: &TestApp, collection: &str, query: &str) -> usize {
    let api = app
        .json(&format!("/api/v1/{collection}?{query}&limit=500"))
        .await;
    let response = app.get(&format!("/{collection}?{query}")).await;
    assert_eq!(
        response.status, 200,
        "/{collection}?{query}: {}",
        response.body
    );
    assert!(response.content_type().starts_with("text/html"));
    assert_eq!(response.body.matches("<h1").count(), 1);
    let body = unescape(&response.body);
    let total = api["total"].as_u64().unwrap() as usize;
    assert_eq!(
        count_heading(&body),
        total.to_string(),
        "/{collection}?{query}"
    );
    for id in ids(&api) {
        assert!(
            body.contains(&format!(r#"href="/{collection}/{id}""#)),
            "/{collection}?{query} does not list {id}"
        );
    }
    total
}

#[tokio::test]
async fn index_pages_filter_as_the_api_does() {
    for app in spawn_apps().await {
        for (collection, query, at_least) in [
            ("agreements", "", 4),
            ("agreements", "country=JP&kind=student_exchange", 1),
            ("agreements", "status=superseded", 1),
            ("agreements", "status=active&level=central", 1),
            ("agreements", "education_level=doctoral", 1),
            ("agreements", "partner=utokyo", 2),
            ("agreements", "q=nursing", 1),
            ("agreements", "country=jp&kind=&level=&q=", 4),
            ("programmes", "", 1),
            ("programmes", "country=JP&education_level=doctoral", 1),
            ("programmes", "kind=workshop", 1),
            ("organisations", "", 10),
            ("organisations", "country=JP", 3),
            ("organisations", "kind=funder", 1),
            ("organisations", "partner=riken", 1),
            ("organisations", "q=%E6%9D%B1%E4%BA%AC", 1),
        ] {
            let total = same_as_the_api(&app, collection, query).await;
            assert!(total >= at_least, "/{collection}?{query}: {total}");
        }
        let narrowed = page(&app, "/agreements?status=superseded").await;
        assert!(!narrowed.contains(r#"href="/agreements/tmu-student-exchange""#));
    }
}

#[tokio::test]
async fn the_form_keeps_the_filters_and_links_the_same_list_as_downloads() {
    for app in spawn_apps().await {
        let form = page(
            &app,
            "/agreements?country=JP&kind=student_exchange&level=&partner=tmu",
        )
        .await;
        assert!(form.contains(r#"<form class="filters" method="get" action="/agreements""#));
        assert!(form.contains(r#"<option value="student_exchange" selected>"#));
        assert!(form.contains(r#"<option value="JP" selected>Japan</option>"#));
        assert!(
            form.contains(r#"<input type="hidden" name="partner" value="tmu">"#),
            "the partner filter is kept by the form"
        );
        assert!(
            !form.contains(r#"<option value="draft""#),
            "the public cannot filter by draft"
        );
        let csv = "/api/v1/agreements.csv?country=JP&kind=student_exchange&partner=tmu";
        assert!(form.contains(&format!(r#"href="{csv}""#)), "{form}");
        let sheet = app.get(csv).await;
        expect(&sheet, 200);
        assert!(sheet.body.contains("tmu-student-exchange"));
        assert!(
            !sheet.body.contains("\nriken-phd-exchange,"),
            "the download has the page's filters"
        );
        let everything = app.get("/api/v1/agreements.csv").await.body;
        assert!(everything.contains("\nriken-phd-exchange,"));
        let xlsx = app.get("/api/v1/programmes.xlsx?country=JP").await;
        expect(&xlsx, 200);
        assert!(
            page(&app, "/programmes?country=JP")
                .await
                .contains(r#"href="/api/v1/programmes.xlsx?country=JP""#)
        );
    }
}

#[tokio::test]
async fn country_choices_are_named_in_the_readers_language() {
    for app in spawn_apps().await {
        let sv = page(&app, "/organisations?lang=sv&country=SE").await;
        assert!(
            sv.contains(r#"<option value="SE" selected>Sverige</option>"#),
            "{sv}"
        );
        // Agreements and programmes offer their partners' countries: Japan.
        for collection in ["organisations", "agreements", "programmes"] {
            let ja = page(&app, &format!("/{collection}?lang=ja")).await;
            assert!(ja.contains(r#"<option value="JP">日本</option>"#), "{ja}");
        }
    }
}

#[tokio::test]
async fn long_lists_are_paged() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        for n in 0..22 {
            let created = c
                .admin
                .post(
                    &app,
                    "/api/v1/agreements",
                    &agreement(&format!("Quokka research agreement {n:02}"), None),
                )
                .await;
            expect(&created, 201);
        }
        app.state.refresh().await.unwrap();
        let first = page(&app, "/agreements?q=quokka").await;
        assert_eq!(count_heading(&first), "22");
        assert!(first.contains("page 1 of 2"));
        assert_eq!(first.matches(r#"class="card agreement-card""#).count(), 20);
        assert!(first.contains(r#"href="/agreements?q=quokka&page=2" rel="next""#));
        assert!(!first.contains(r#"rel="prev""#));
        let second = page(&app, "/agreements?q=quokka&page=2").await;
        assert_eq!(second.matches(r#"class="card agreement-card""#).count(), 2);
        assert!(second.contains(r#"href="/agreements?q=quokka" rel="prev""#));
        assert!(second.contains("<title>Agreements, page 2 of 2"));
        for n in 0..22 {
            let title = format!("Quokka research agreement {n:02}");
            assert!(
                first.contains(&title) != second.contains(&title),
                "{title} is on exactly one page"
            );
        }
        let past_the_end = page(&app, "/agreements?q=quokka&page=9").await;
        assert!(past_the_end.contains("page 2 of 2"));
    }
}

#[tokio::test]
async fn bad_filters_are_html_errors() {
    for app in spawn_apps().await {
        for uri in [
            "/agreements?status=dormant",
            "/agreements?status=draft&kind=memo",
            "/agreements?partner=nobody",
            "/agreements?page=two",
            "/programmes?level=central",
            "/organisations?country=XX1",
            "/organisations?status=active",
        ] {
            let page = app.get(uri).await;
            assert_eq!(page.status, 400, "{uri}");
            assert!(page.content_type().starts_with("text/html"), "{uri}");
            assert!(page.body.contains("<h1"), "{uri}");
        }
        let drafts = app.get("/agreements?status=draft").await;
        assert_eq!(drafts.status, 200);
        assert_eq!(count_heading(&drafts.body), "0", "the public sees no draft");
    }
}

#[tokio::test]
async fn the_home_page_leads_students_researchers_and_staff_on() {
    for app in spawn_apps().await {
        let home = page(&app, "/").await;
        let start = home.find(r#"id="start-h""#).expect("a start section");
        let end = start + home[start..].find("</section>").unwrap();
        let section = &home[start..end];
        for who in ["For students", "For researchers", "For staff"] {
            assert!(section.contains(who), "{who}");
        }
        let links: Vec<String> = section
            .split(r#"href=""#)
            .skip(1)
            .map(|s| s[..s.find('"').unwrap()].to_owned())
            .collect();
        for wanted in [
            "/agreements",
            "/programmes",
            "/organisations",
            "/map",
            "/login",
        ] {
            assert!(
                links.iter().any(|l| l.starts_with(wanted)),
                "no link to {wanted}: {links:?}"
            );
        }
        for link in &links {
            let response = app.get(link).await;
            assert_eq!(response.status, 200, "{link}");
            assert!(
                !response.body.contains("notice-empty"),
                "{link} leads to an empty list"
            );
        }
        let api = app.json("/api/v1/agreements?kind=student_exchange").await;
        assert!(
            !ids(&api).is_empty(),
            "the students' first link finds something"
        );
        assert_eq!(json!(ids(&api)), json!(["tmu-student-exchange"]));
    }
}
