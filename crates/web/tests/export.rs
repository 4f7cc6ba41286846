//! `GET /api/v1/{collection}.csv` and `.xlsx`: the list's records with its
//! filters, public ones for the public and every one for staff; a workbook
//! has typed cells. On SQLite and PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{TestApp, spawn_app, spawn_app_on_postgres, viewer_token};
use http_body_util::BodyExt;
use kizuna_core::Expect;
use kizuna_domain::{Agreement, Collection, Visibility};
use kizuna_interop::sheets::{self, Cell, Format, Mapping};
use tower::ServiceExt;

async fn download(
    app: &TestApp,
    uri: &str,
    token: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut request = Request::get(uri);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let response = app
        .router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, headers, bytes)
}

/// The ids in a downloaded sheet's `id` column.
fn ids(bytes: &[u8], format: Format) -> Vec<String> {
    let grid = sheets::read(bytes, format, &Mapping::default()).unwrap();
    grid.rows[1..]
        .iter()
        .map(|r| r.cells[0].as_text())
        .collect()
}

async fn on_each_database(test: impl AsyncFn(TestApp)) {
    test(spawn_app().await).await;
    if let Some(app) = spawn_app_on_postgres().await {
        test(app).await;
    }
}

#[tokio::test]
async fn lists_download_as_csv_and_xlsx_with_the_list_filters() {
    on_each_database(async |app: TestApp| {
        let (status, headers, csv) = download(
            &app,
            "/api/v1/agreements.csv?country=jp&kind=student_exchange",
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            "attachment; filename=\"agreements.csv\""
        );
        assert_eq!(ids(&csv, Format::Csv), ["tmu-student-exchange"]);

        let (status, headers, xlsx) =
            download(&app, "/api/v1/agreements.xlsx?partner=utokyo", None).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .contains("spreadsheetml")
        );
        assert_eq!(
            ids(&xlsx, Format::Xlsx),
            ["trio-utokyo-spa", "trio-utokyo-spa-2022"]
        );
        // Whole dates are date cells; a year alone stays as written.
        let registry = app.registry();
        let mut riken = registry
            .get::<Agreement>("riken-phd-exchange")
            .await
            .unwrap()
            .unwrap()
            .record;
        riken.signed_on = Some("2023-01-25".parse().unwrap());
        registry.save(&riken, Expect::Any, "test").await.unwrap();
        app.state.refresh().await.unwrap();
        let (_, _, all) = download(&app, "/api/v1/agreements.xlsx", None).await;
        let grid = sheets::read(&all, Format::Xlsx, &Mapping::default()).unwrap();
        let col = grid.rows[0]
            .cells
            .iter()
            .position(|c| c.as_text() == "signed_on")
            .unwrap();
        let row = |id: &str| {
            grid.rows
                .iter()
                .find(|r| r.cells[0].as_text() == id)
                .unwrap()
        };
        assert_eq!(
            row("riken-phd-exchange").cells[col],
            Cell::Date("2023-01-25".parse().unwrap())
        );
        assert_eq!(row("trio-utokyo-spa-2022").cells[col], Cell::text("2022"));

        for collection in Collection::ALL {
            let (status, _, bytes) =
                download(&app, &format!("/api/v1/{collection}.xlsx"), None).await;
            assert_eq!(status, StatusCode::OK, "{collection}");
            let api = app.json(&format!("/api/v1/{collection}?limit=500")).await;
            assert_eq!(
                ids(&bytes, Format::Xlsx),
                common::ids(&api),
                "{collection}: the same records as the list"
            );
        }

        let (status, headers, body) =
            download(&app, "/api/v1/contacts.csv?level=central", None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
        assert!(String::from_utf8_lossy(&body).contains("`level` does not filter contacts"));
        let (status, _, _) = download(&app, "/api/v1/agreements.csv?kind=memo", None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    })
    .await;
}

#[tokio::test]
async fn public_list_pages_link_their_downloads_with_their_filters() {
    let app = spawn_app().await;
    let funding = app.get("/funding?kind=scholarship&country=JP").await;
    let page = funding.body.replace("&#x2f;", "/").replace("&amp;", "&");
    assert!(
        page.contains("href=\"/api/v1/funding.xlsx?kind=scholarship&country=JP\""),
        "{page}"
    );
    assert!(page.contains("href=\"/api/v1/funding.csv?kind=scholarship&country=JP\""));
    let (status, _, bytes) = download(
        &app,
        "/api/v1/funding.csv?kind=scholarship&country=JP",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        ids(&bytes, Format::Csv),
        ["sweden-japan-foundation-scholarships"]
    );
    let contacts = app.get("/contacts").await.body.replace("&#x2f;", "/");
    assert!(contacts.contains("href=\"/api/v1/contacts.xlsx\""));
}

#[tokio::test]
async fn internal_records_download_for_staff_only() {
    on_each_database(async |app: TestApp| {
        let registry = app.registry();
        let mut riken = registry
            .get::<Agreement>("riken-phd-exchange")
            .await
            .unwrap()
            .unwrap()
            .record;
        riken.visibility = Visibility::Internal;
        registry.save(&riken, Expect::Any, "test").await.unwrap();
        app.state.refresh().await.unwrap();

        let (_, headers, public) = download(&app, "/api/v1/agreements.csv", None).await;
        assert!(!ids(&public, Format::Csv).contains(&"riken-phd-exchange".to_owned()));
        assert!(headers.get(header::CACHE_CONTROL).is_none());
        let token = viewer_token(&app).await;
        let (status, headers, staff) = download(&app, "/api/v1/agreements.csv", Some(&token)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(ids(&staff, Format::Csv).contains(&"riken-phd-exchange".to_owned()));
        assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
        let (status, _, _) = download(&app, "/api/v1/agreements.csv", Some("kz_not_a_token")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    })
    .await;
}
