//! The read API's contract: shapes, filters, pagination, errors, ETags.

mod common;

use common::{ids, spawn_app, spawn_app_on_postgres, spawn_apps};
use kizuna_core::Expect;
use kizuna_domain::{Organisation, Visibility};

#[tokio::test]
async fn unknown_filter_values_are_problems_not_empty_lists() {
    for app in spawn_apps().await {
        for uri in [
            "/api/v1/agreements?kind=memo",
            "/api/v1/agreements?level=national",
            "/api/v1/agreements?status=alive",
            "/api/v1/agreements?education_level=phd",
            "/api/v1/agreements?country=XX",
            "/api/v1/agreements?partner=nowhere",
            "/api/v1/agreements?subject_area=913",
            "/api/v1/funding?career_stage=student",
            "/api/v1/organisations?kind=university",
            "/api/v1/programmes?kind=party",
            "/api/v1/contacts?unit=nowhere",
            "/api/v1/agreements?colour=red",
            "/api/v1/agreements?limit=0",
            "/api/v1/agreements?cursor=!!",
        ] {
            let response = app.get(uri).await;
            assert_eq!(response.status, 400, "{uri}: {}", response.body);
            assert_eq!(response.content_type(), "application/problem+json", "{uri}");
            let problem = response.json();
            assert_eq!(problem["status"], 400);
            assert!(
                problem["detail"].as_str().is_some_and(|d| !d.is_empty()),
                "{uri}"
            );
        }
        let detail = app.get("/api/v1/agreements?kind=memo").await.json()["detail"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(
            detail.contains("strategic_partnership"),
            "the problem lists the allowed values: {detail}"
        );
    }
}

#[tokio::test]
async fn country_codes_match_in_either_case() {
    for app in spawn_apps().await {
        let upper = app.json("/api/v1/agreements?country=JP").await;
        let lower = app.json("/api/v1/agreements?country=jp").await;
        assert_eq!(ids(&upper), ids(&lower));
        assert_eq!(upper["total"], 4);
        let sweden = app.json("/api/v1/agreements?country=se").await;
        assert_eq!(
            sweden["total"], 0,
            "the home side and its consortia are not partners"
        );
    }
}

#[tokio::test]
async fn lists_page_with_cursors() {
    for app in spawn_apps().await {
        let all = app.json("/api/v1/organisations?limit=500").await;
        let total = all["total"].as_u64().unwrap() as usize;
        assert_eq!(ids(&all).len(), total);
        assert!(all["next"].is_null());
        let mut walked = Vec::new();
        let mut uri = "/api/v1/organisations?limit=4".to_owned();
        loop {
            let page = app.json(&uri).await;
            assert_eq!(page["total"].as_u64().unwrap() as usize, total);
            walked.extend(ids(&page));
            match page["next"].as_str() {
                Some(cursor) => uri = format!("/api/v1/organisations?limit=4&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(walked, ids(&all));
        let filtered = app.json("/api/v1/organisations?country=jp&limit=2").await;
        let next = filtered["next"].as_str().unwrap();
        let second = app
            .json(&format!(
                "/api/v1/organisations?country=jp&limit=2&cursor={next}"
            ))
            .await;
        assert!(ids(&second).iter().all(|id| !ids(&filtered).contains(id)));
    }
}

#[tokio::test]
async fn records_have_the_contract_shape_and_an_etag() {
    for app in spawn_apps().await {
        let response = app.get("/api/v1/agreements/trio-utokyo-spa-2022").await;
        assert_eq!(response.status, 200);
        let etag = response
            .headers
            .get("etag")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(etag.starts_with('"') && etag.ends_with('"'));
        let mut record = response.json();
        for key in ["created_at", "updated_at"] {
            assert!(
                record[key].as_str().is_some_and(|t| t.ends_with('Z')),
                "{key}"
            );
            record[key] = "<timestamp>".into();
        }
        insta::assert_json_snapshot!("agreement_trio_utokyo_spa_2022", record);
        let org = app.json("/api/v1/organisations/utokyo").await;
        for key in [
            "id",
            "kind",
            "country",
            "city",
            "names",
            "location",
            "parent",
            "members",
            "identifiers",
            "website",
            "visibility",
            "updated_at",
        ] {
            assert!(org.get(key).is_some(), "organisation has `{key}`");
        }
    }
}

#[tokio::test]
async fn missing_records_are_404_problems() {
    for app in spawn_apps().await {
        for uri in [
            "/api/v1/organisations/nowhere",
            "/api/v1/agreements/nowhere",
            "/api/v1/countries/xx",
            "/api/v1/contacts/NOT-A-SLUG",
        ] {
            let response = app.get(uri).await;
            assert_eq!(response.status, 404, "{uri}");
            assert_eq!(response.content_type(), "application/problem+json");
        }
    }
}

#[tokio::test]
async fn internal_records_never_reach_the_public_api_or_pages() {
    for app in spawn_apps().await {
        let registry = app.registry();
        let mut secret: Organisation = registry
            .get::<Organisation>("tmu")
            .await
            .unwrap()
            .unwrap()
            .record;
        secret.id = "secret-partner".parse().unwrap();
        secret.names[0].value = "Secret Partner University".into();
        secret.visibility = Visibility::Internal;
        registry
            .save(&secret, Expect::Absent, "test")
            .await
            .unwrap();
        app.state.refresh().await.unwrap();
        assert_eq!(
            app.get("/api/v1/organisations/secret-partner").await.status,
            404
        );
        assert!(
            !ids(&app.json("/api/v1/organisations?limit=500").await)
                .contains(&"secret-partner".to_owned())
        );
        assert!(
            !app.get("/api/v1/countries/jp")
                .await
                .body
                .contains("secret-partner")
        );
        assert!(
            !app.get("/countries/jp")
                .await
                .body
                .contains("Secret Partner")
        );
        assert_eq!(app.get("/organisations/secret-partner").await.status, 404);
    }
}

#[tokio::test]
async fn changes_from_another_process_are_followed() {
    for app in spawn_apps().await {
        let other = app.registry();
        let mut tmu = other.get::<Organisation>("tmu").await.unwrap().unwrap();
        tmu.record.city = Some("Hachioji".into());
        other
            .save(&tmu.record, Expect::Revision(tmu.revision), "elsewhere")
            .await
            .unwrap();
        let follower = app.state.spawn_follower();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        loop {
            if app.json("/api/v1/organisations?q=hachioji").await["total"] == 1 {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the change was not followed within 2 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        follower.abort();
    }
}

#[tokio::test]
async fn openapi_describes_the_api() {
    let app = spawn_app().await;
    let doc = app.json("/api/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/agreements",
        "/api/v1/agreements/{id}",
        "/api/v1/programmes",
        "/api/v1/funding",
        "/api/v1/contacts",
        "/api/v1/countries/{cc}",
    ] {
        assert!(doc["paths"].get(path).is_some(), "OpenAPI lacks {path}");
    }
    let params: Vec<&str> = doc["paths"]["/api/v1/agreements"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "country",
        "kind",
        "level",
        "status",
        "education_level",
        "partner",
        "unit",
        "subject_area",
        "q",
        "cursor",
        "limit",
    ] {
        assert!(
            params.contains(&name),
            "agreements filter `{name}` is documented"
        );
    }
    assert!(doc["components"]["schemas"].get("Agreement").is_some());
}

#[tokio::test]
async fn health_and_metrics_answer() {
    for app in spawn_apps().await {
        assert_eq!(app.get("/healthz").await.status, 200);
        assert_eq!(app.get("/readyz").await.status, 200);
        app.get("/api/v1/agreements").await;
        let metrics = app.get("/metrics").await;
        assert_eq!(metrics.status, 200);
        assert!(
            metrics.body.contains("http_requests_total"),
            "{}",
            metrics.body
        );
        assert!(metrics.body.contains("kizuna_revision"));
    }
}

#[tokio::test]
async fn the_api_reads_the_same_on_postgres() {
    let Some(app) = spawn_app_on_postgres().await else {
        return;
    };
    let lite = spawn_app().await;
    for uri in [
        "/api/v1/agreements?country=jp",
        "/api/v1/organisations?limit=500",
        "/api/v1/programmes",
        "/api/v1/funding",
        "/api/v1/contacts",
    ] {
        assert_eq!(
            ids(&app.json(uri).await),
            ids(&lite.json(uri).await),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn the_country_answer_counts_each_list_and_links_to_the_whole_of_it() {
    for app in spawn_apps().await {
        let jp = app.json("/api/v1/countries/jp").await;
        for list in ["agreements", "programmes", "funding", "contacts"] {
            assert_eq!(
                jp["totals"][list].as_u64().unwrap() as usize,
                jp[list].as_array().unwrap().len(),
                "{list}: the Japan dataset is below the list limit"
            );
            let more = jp["more"][list].as_str().unwrap();
            assert_eq!(more, format!("/api/v1/{list}?country=JP"));
            let whole = app.json(more).await;
            assert_eq!(whole["total"], jp["totals"][list], "{list}");
        }
        let partners: Vec<&str> = jp["organisations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap())
            .collect();
        assert!(
            partners.contains(&"utokyo") && !partners.contains(&"ki"),
            "{partners:?}"
        );
        assert!(jp["totals"]["organisations"].as_u64().unwrap() >= partners.len() as u64);
    }
}
