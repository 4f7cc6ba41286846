//! Search through the web: the API, suggestions, the page, visibility and
//! following changes written elsewhere.

mod common;

use std::time::{Duration, Instant};

use common::spawn_app;
use kizuna_core::Expect;
use kizuna_domain::{Organisation, Visibility};
use serde_json::Value;

fn hit_ids(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_owned())
        .collect()
}

fn search_uri(q: &str, extra: &str) -> String {
    format!("/api/v1/search?q={}{extra}", encode(q))
}

fn encode(q: &str) -> String {
    q.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn names_are_found_in_every_script_and_exact_names_rank_first() {
    let app = spawn_app().await;
    let tokyo = app.json(&search_uri("東京", "")).await;
    let ids = hit_ids(&tokyo);
    assert!(
        ids.contains(&"utokyo".to_owned()) && ids.contains(&"tmu".to_owned()),
        "{ids:?}"
    );
    assert_eq!(
        hit_ids(&app.json(&search_uri("理化学研究所", "")).await)[0],
        "riken"
    );
    assert_eq!(
        hit_ids(&app.json(&search_uri("東京大学", "")).await)[0],
        "utokyo"
    );
    assert_eq!(
        hit_ids(&app.json(&search_uri("Karolinksa", "")).await)[0],
        "ki",
        "one typo is forgiven"
    );
    for (q, first) in [("KI", "ki"), ("UTokyo", "utokyo"), ("JSPS", "jsps")] {
        assert_eq!(
            hit_ids(&app.json(&search_uri(q, "")).await)[0],
            first,
            "{q}"
        );
    }
    let hit = &tokyo["hits"][0];
    for key in ["type", "id", "title", "snippet", "score"] {
        assert!(hit.get(key).is_some(), "a hit has `{key}`");
    }
    assert!(tokyo["total"].as_u64().unwrap() >= 2);
}

#[tokio::test]
async fn facets_count_and_filters_narrow() {
    let app = spawn_app().await;
    let all = app.json(&search_uri("", "")).await;
    let types = &all["facets"]["type"];
    assert_eq!(types["organisations"], 15);
    assert_eq!(types["agreements"], 4);
    let only = app
        .json(&search_uri("tokyo", "&type=agreements&country=jp"))
        .await;
    assert!(
        only["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["type"] == "agreements")
    );
    assert!(only["total"].as_u64().unwrap() >= 1);
    let doctoral = app
        .json(&search_uri("", "&education_level=doctoral&type=agreements"))
        .await;
    assert!(hit_ids(&doctoral).contains(&"riken-phd-exchange".to_owned()));
    for bad in [
        "&type=people",
        "&country=XX",
        "&level=national",
        "&kind=memo",
        "&limit=0",
        "&colour=red",
    ] {
        let response = app.get(&search_uri("tokyo", bad)).await;
        assert_eq!(response.status, 400, "{bad}");
        assert_eq!(response.content_type(), "application/problem+json");
    }
}

#[tokio::test]
async fn suggestions_and_the_search_page() {
    let app = spawn_app().await;
    let suggest = app.json("/api/v1/search/suggest?q=Karolin").await;
    assert_eq!(hit_ids(&suggest)[0], "ki");
    let page = app.get("/search?q=nursing").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains(r#"href="/agreements/tmu-student-exchange""#),
        "results link to their records"
    );
    assert!(page.body.contains("<mark>"), "matches are highlighted");
    assert!(
        page.body.contains("search?q=nursing&amp;type=agreements"),
        "facets link to narrowed searches"
    );
    // Narrowing again keeps the other filters and starts at the first page;
    // the chosen value's link takes it away.
    let narrowed = app
        .get("/search?q=japan&type=agreements&offset=20")
        .await
        .body;
    assert!(
        narrowed.contains(r#"search?q=japan&amp;type=agreements&amp;country=JP">Japan"#),
        "{narrowed}"
    );
    assert!(narrowed.contains(r#"search?q=japan" aria-current="true""#));
    let unfiltered = app.get("/search").await.body;
    assert!(unfiltered.contains(r#"search?type=agreements""#));
    assert_eq!(app.get("/search?q=x&type=people").await.status, 400);
    assert!(app.get("/search").await.body.contains("<h1"));
}

#[tokio::test]
async fn internal_records_are_never_found_and_changes_elsewhere_are_followed() {
    let app = spawn_app().await;
    let other = app.registry();
    let mut secret: Organisation = other
        .get::<Organisation>("tmu")
        .await
        .unwrap()
        .unwrap()
        .record;
    secret.id = "hidden-partner".parse().unwrap();
    secret.names = vec![
        serde_json::from_value(
            serde_json::json!({"value": "Zyxwv Hidden Institute", "kind": "display"}),
        )
        .unwrap(),
    ];
    secret.visibility = Visibility::Internal;
    other
        .save(&secret, Expect::Absent, "elsewhere")
        .await
        .unwrap();
    let mut riken = other.get::<Organisation>("riken").await.unwrap().unwrap();
    riken.record.names.push(
        serde_json::from_value(
            serde_json::json!({"value": "Quuxfoo Research Centre", "kind": "alias"}),
        )
        .unwrap(),
    );
    other
        .save(&riken.record, Expect::Revision(riken.revision), "elsewhere")
        .await
        .unwrap();

    let follower = app.state.spawn_follower();
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        if hit_ids(&app.json(&search_uri("Quuxfoo", "")).await)
            .first()
            .map(String::as_str)
            == Some("riken")
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "a change written elsewhere is searchable within 2 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    follower.abort();
    assert_eq!(
        app.json(&search_uri("Zyxwv", "")).await["total"],
        0,
        "internal records stay out of public search"
    );
    assert!(
        !app.get("/search?q=Zyxwv")
            .await
            .body
            .contains("hidden-partner")
    );
}

#[tokio::test]
async fn a_second_node_on_the_same_postgres_follows_within_two_seconds() {
    let Some(url) = kizuna_storage::testing::fresh_postgres_url().await else {
        return;
    };
    let writer_store = kizuna_storage::connect(&url).await.unwrap();
    let reader = common::app_on(kizuna_storage::connect(&url).await.unwrap()).await;
    let writer = kizuna_core::Registry::new(writer_store);
    let follower = reader.state.spawn_follower();
    let mut tmu = writer.get::<Organisation>("tmu").await.unwrap().unwrap();
    tmu.record.names.push(
        serde_json::from_value(serde_json::json!({"value": "Plughwob Campus", "kind": "alias"}))
            .unwrap(),
    );
    writer
        .save(&tmu.record, Expect::Revision(tmu.revision), "node-a")
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        if hit_ids(&reader.json(&search_uri("Plughwob", "")).await)
            .first()
            .map(String::as_str)
            == Some("tmu")
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the other node's change is searchable within 2 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    follower.abort();
}

#[tokio::test]
async fn text_with_nothing_searchable_finds_nothing_never_everything() {
    let app = spawn_app().await;
    // The control: an empty query lists every public record.
    assert!(
        app.json(&search_uri("", "")).await["total"]
            .as_u64()
            .unwrap()
            > 20
    );
    let long_word = "a".repeat(64);
    for q in ["*", "(", "\")", long_word.as_str()] {
        let found = app.json(&search_uri(q, "")).await;
        assert_eq!(found["total"], 0, "{q:?}: {found}");
        assert!(found["hits"].as_array().unwrap().is_empty(), "{q:?}");
        let suggested = app
            .json(&format!("/api/v1/search/suggest?q={}", encode(q)))
            .await;
        assert!(suggested["hits"].as_array().unwrap().is_empty(), "{q:?}");
        let page = app.get(&format!("/search?q={}", encode(q))).await;
        assert_eq!(page.status, 200);
        assert!(
            !page.body.contains(r#"class="hit""#),
            "{q:?} lists hits on the page"
        );
    }
}

#[tokio::test]
async fn staff_find_internal_records_marked_internal_and_the_public_never() {
    let app = spawn_app().await;
    let registry = app.registry();
    let mut riken = registry
        .get::<Organisation>("riken")
        .await
        .unwrap()
        .unwrap();
    riken.record.visibility = Visibility::Internal;
    registry
        .save(&riken.record, Expect::Revision(riken.revision), "test")
        .await
        .unwrap();
    app.state.refresh().await.unwrap();
    let token = common::viewer_token(&app).await;

    let staff = common::get_with_token(&app, &token, &search_uri("RIKEN", "")).await;
    assert_eq!(staff.status, 200, "{}", staff.body);
    assert_eq!(staff.headers["cache-control"], "private, no-store");
    let hits = staff.json()["hits"].as_array().unwrap().clone();
    let found = hits
        .iter()
        .find(|h| h["id"] == "riken")
        .expect("staff find RIKEN");
    assert_eq!(found["visibility"], "internal");
    assert!(
        hits.iter()
            .filter(|h| h["id"] != "riken")
            .all(|h| h["visibility"] == "public")
    );
    let suggest = common::get_with_token(&app, &token, "/api/v1/search/suggest?q=RIKE").await;
    assert_eq!(suggest.json()["hits"][0]["id"], "riken");
    let page = common::get_with_token(&app, &token, "/search?q=RIKEN").await;
    assert!(
        page.body.contains(r#"href="/admin/organisations/riken""#),
        "{}",
        page.body
    );
    assert!(page.body.contains("Internal"));

    let public = app.json(&search_uri("RIKEN", "")).await;
    assert!(hit_ids(&public).iter().all(|id| id != "riken"), "{public}");
    let suggest = app.json("/api/v1/search/suggest?q=RIKE").await;
    assert!(hit_ids(&suggest).iter().all(|id| id != "riken"));
    let page = app.get("/search?q=RIKEN").await.body;
    assert!(!page.contains(r#"href="/organisations/riken""#));
    assert!(!page.contains("/admin/organisations/riken"));
    // A token that is unknown is refused, not quietly treated as the public.
    let forged = common::get_with_token(&app, "kz_forged", &search_uri("RIKEN", "")).await;
    assert_eq!(forged.status, 401);
}

/// The `<li>` texts of one filter on the search page, and its "show all" link.
fn facet_section(page: &str, facet: &str) -> (Vec<String>, Option<String>) {
    let start = page
        .find(&format!(r#"id="facet-{facet}""#))
        .unwrap_or_else(|| panic!("no {facet} filter in {page}"));
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    let items = section
        .split("<li>")
        .skip(1)
        .map(|li| li[..li.find("</li>").unwrap()].to_owned())
        .collect();
    let all = section.find(r#"class="facet-more"><a href=""#).map(|at| {
        let href = &section[at + r#"class="facet-more"><a href=""#.len()..];
        href[..href.find('"').unwrap()]
            .replace("&amp;", "&")
            .replace("&#x2f;", "/")
    });
    (items, all)
}

#[tokio::test]
async fn a_filter_lists_its_commonest_values_and_every_value_on_request() {
    let app = spawn_app().await;
    let api = app.json("/api/v1/search").await;
    let mut kinds: Vec<(String, u64)> = api["facets"]["kind"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, c)| (k.clone(), c.as_u64().unwrap()))
        .collect();
    assert!(
        kinds.len() > 10,
        "more kinds than a filter lists: {kinds:?}"
    );
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    let first = app.get("/search").await.body;
    assert!(
        first.contains(&format!(">Show all {}</a>", kinds.len())),
        "{first}"
    );
    let (items, all) = facet_section(&first, "kind");
    assert_eq!(items.len(), 10, "the ten commonest: {items:?}");
    assert!(
        items[0].contains(&format!(r#"kind={}""#, kinds[0].0)),
        "the commonest first: {items:?}"
    );
    let all = all.expect("a link to every value");
    assert_eq!(all, "/search?more=kind");
    let (every, none) = facet_section(&app.get(&all).await.body, "kind");
    assert_eq!((every.len(), none), (kinds.len(), None));

    // The chosen value is listed even when it is not among the commonest.
    let (rarest, _) = kinds.last().unwrap();
    let (items, _) = facet_section(
        &app.get(&format!("/search?kind={rarest}")).await.body,
        "kind",
    );
    assert_eq!(items.len(), 11);
    assert!(
        items.last().unwrap().contains(r#"aria-current="true""#),
        "{items:?}"
    );

    let response = app.get("/api/v1/search?more=kind").await;
    assert_eq!(response.status, 400, "the API has no such parameter");
}
