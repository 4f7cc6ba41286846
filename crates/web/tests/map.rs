//! The map API and page: partner points, server-side clusters, filters.

mod common;

use common::spawn_apps;
use serde_json::Value;

fn features(v: &Value) -> &Vec<Value> {
    v["features"].as_array().unwrap()
}

#[tokio::test]
async fn partners_cluster_at_world_view_and_split_when_zoomed_in() {
    for app in spawn_apps().await {
        let world = app.json("/api/v1/map?zoom=2").await;
        assert_eq!(world["type"], "FeatureCollection");
        assert_eq!(
            world["total"], 3,
            "RIKEN, UTokyo and TMU are the located partners"
        );
        let total: u64 = features(&world)
            .iter()
            .map(|f| f["properties"]["count"].as_u64().unwrap())
            .sum();
        assert_eq!(total, 3);
        assert!(
            features(&world)
                .iter()
                .any(|f| f["properties"]["cluster"] == true),
            "Tokyo's partners merge at world view"
        );
        // A view with a bbox is rendered per request (not kept): still GeoJSON.
        let view = app.get("/api/v1/map?zoom=12&bbox=138,34,141,37").await;
        assert_eq!(view.content_type(), "application/geo+json");
        let close = view.json();
        let ids: Vec<&str> = features(&close)
            .iter()
            .filter_map(|f| f["properties"]["id"].as_str())
            .collect();
        assert_eq!(ids, ["riken"], "RIKEN (Wako) stands alone when zoomed in");
        // ROR gives UTokyo and TMU the same city coordinates: they never separate,
        // so the server lists both in one feature instead of asking to zoom further.
        let tokyo = features(&close)
            .iter()
            .find(|f| f["properties"]["cluster"] == true)
            .unwrap();
        assert!(tokyo["properties"]["expansion_zoom"].is_null());
        let together: Vec<&str> = tokyo["properties"]["partners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(together, ["tmu", "utokyo"]);
        let utokyo = &tokyo["properties"]["partners"][1];
        assert!(
            tokyo["geometry"]["coordinates"][0].as_f64().unwrap() > 139.0,
            "GeoJSON puts longitude first"
        );
        let titles: Vec<&str> = utokyo["agreements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        assert!(
            titles.contains(&"trio-utokyo-spa-2022"),
            "a point names its agreements: {titles:?}"
        );
        let elsewhere = app.json("/api/v1/map?zoom=6&bbox=0,40,20,60").await;
        assert!(features(&elsewhere).is_empty(), "nothing outside the box");
    }
}

#[tokio::test]
async fn filters_narrow_the_partners() {
    for app in spawn_apps().await {
        let ids = |v: &Value| -> Vec<String> {
            features(v)
                .iter()
                .filter_map(|f| f["properties"]["id"].as_str().map(str::to_owned))
                .collect()
        };
        let exchange = app.json("/api/v1/map?zoom=14&kind=student_exchange").await;
        assert_eq!(ids(&exchange), ["tmu"]);
        let nursing = app
            .json("/api/v1/map?zoom=14&study_programme=Nursing")
            .await;
        assert_eq!(ids(&nursing), ["tmu"]);
        let central = app.json("/api/v1/map?zoom=14&level=central").await;
        let mut central_ids = ids(&central);
        central_ids.sort();
        assert_eq!(central_ids, ["riken", "utokyo"]);
        assert_eq!(app.json("/api/v1/map?country=se").await["total"], 0);
        let counts = app.json("/api/v1/map/countries").await;
        assert_eq!(counts["JP"]["agreements"], 4);
        assert_eq!(
            counts["JP"]["active_agreements"], 3,
            "the renewed original is superseded, not in force"
        );
        for bad in [
            "/api/v1/map?kind=memo",
            "/api/v1/map?bbox=1,2",
            "/api/v1/map?zoom=30",
            "/api/v1/map?scope=some",
            "/api/v1/map?unit=nowhere",
        ] {
            let response = app.get(bad).await;
            assert_eq!(response.status, 400, "{bad}");
            assert_eq!(response.content_type(), "application/problem+json");
        }
    }
}

#[tokio::test]
async fn the_map_page_lists_the_same_partners_and_keeps_the_filters() {
    for app in spawn_apps().await {
        let page = app
            .get("/map?kind=student_exchange&lat=35.7&lng=139.7&zoom=9")
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(r#"href="/organisations/tmu""#));
        assert!(!page.body.contains(r#"href="/organisations/riken""#));
        assert!(
            page.body.contains(r#"data-query="kind=student_exchange""#),
            "the widget asks for what the list shows"
        );
        assert!(
            page.body.contains(r#"data-zoom="9""#),
            "the view comes back from the link"
        );
        assert!(
            page.body
                .contains(r#"<option value="student_exchange" selected>"#)
        );
        let all = app.get("/map").await.body;
        for id in ["riken", "utokyo", "tmu"] {
            assert!(
                all.contains(&format!(r#"href="/organisations/{id}""#)),
                "{id}"
            );
        }
        assert!(app.get("/assets/vendor/leaflet.js").await.status == 200);
        assert!(app.get("/assets/vendor/countries-110m.json").await.status == 200);
    }
}

#[tokio::test]
async fn the_answer_frames_every_selected_partner_and_lists_a_town_in_one_feature() {
    for app in spawn_apps().await {
        // Looking at Europe, the filters still say where Japan's partners are.
        let japan = app
            .json("/api/v1/map?country=jp&zoom=5&bbox=0,40,20,60")
            .await;
        assert!(features(&japan).is_empty());
        assert_eq!(japan["total"], 3);
        let b: Vec<f64> = japan["bounds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        assert_eq!(
            b,
            [139.62333, 35.6895, 139.69171, 35.78944],
            "west,south,east,north"
        );
        assert!(app.json("/api/v1/map?country=se").await["bounds"].is_null());
        // At world view Wako and central Tokyo are one place: one click lists all three.
        let world = app.json("/api/v1/map?zoom=2").await;
        let tokyo = &features(&world)[0]["properties"];
        assert_eq!(tokyo["count"], 3);
        let listed: Vec<&str> = tokyo["partners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(listed, ["riken", "tmu", "utokyo"]);
        let zoom = tokyo["expansion_zoom"].as_u64().unwrap();
        assert!(
            (8..=10).contains(&zoom),
            "they part near zoom 9, not {zoom}"
        );
        assert_eq!(tokyo["bounds"], japan["bounds"]);
        // Apart, a zoom cluster names its members so the list can light it up.
        let apart = app.json("/api/v1/map?zoom=6&scope=all").await;
        assert!(
            features(&apart)
                .iter()
                .all(|f| f["properties"]["cluster"] == false
                    || f["properties"]["partners"].is_array()
                    || f["properties"]["ids"].is_array())
        );
    }
}

#[tokio::test]
async fn the_page_opens_on_the_filtered_partners_or_on_one_partner() {
    for app in spawn_apps().await {
        let japan = app.get("/map?country=jp").await.body;
        assert!(
            japan.contains(r#"data-frame="139.6233,35.6895,139.6917,35.7894""#),
            "the page frames Japan's partners"
        );
        assert!(japan.contains(r#"<option value="JP" selected>"#));
        assert!(japan.contains(r#"<span id="filter-count">Filters (1)</span>"#));
        assert!(
            !japan.contains("data-lat="),
            "no fixed view when the filters frame it"
        );
        let riken = app.get("/map?focus=riken").await;
        assert_eq!(riken.status, 200);
        assert!(riken.body.contains(r#"data-focus="riken""#));
        assert!(riken.body.contains(r#"data-lat="35.78944""#));
        assert!(
            riken.body.contains(r#"data-zoom="7""#),
            "its region on the offline shapes"
        );
        assert!(!riken.body.contains("data-frame="));
        assert!(
            riken
                .body
                .contains(r#"<li id="partner-riken" data-partner="riken" class="is-highlighted">"#)
        );
        let unknown = app.get("/map?focus=nowhere").await;
        assert_eq!(unknown.status, 200, "a stale link still opens the map");
        assert!(!unknown.body.contains("data-focus="));
        let org = app.get("/organisations/riken").await.body;
        assert!(org.contains(r#"href="/map?focus=riken""#), "see on the map");
        let names = app.json("/map/country-names.json").await;
        assert_eq!(names["JP"], "Japan");
        assert_eq!(names["SE"], "Sweden");
    }
}
