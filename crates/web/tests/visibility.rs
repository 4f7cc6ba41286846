//! Internal records and staff-only fields never reach a public surface:
//! pages, the API, the map, search, the feeds or the metrics.
//!
//! Every surface is checked twice over the same records: while they are
//! public it must show them (so the check can fail), and once they are made
//! internal it must not. An internal organisation also stays a party to a
//! public agreement, which must then not name it. On SQLite and PostgreSQL.

mod common;

use common::{TestApp, get_with_token, spawn_app, spawn_app_on_postgres, viewer_token};
use kizuna_core::Expect;
use kizuna_domain::{
    Agreement, Contact, Entity, FundingOpportunity, Organisation, Programme, Visibility,
};
use serde_json::json;

/// In every id and name of the scenario's records (compared in lowercase);
/// searches ask for another of their words, since the search page repeats the query.
const MARK: &str = "qzx";

/// Pages and endpoints that list or link the scenario's records, with what
/// they show of them while the records are public.
const SURFACES: &[(&str, &str)] = &[
    ("/", MARK),
    ("/countries", "Iceland"),
    ("/countries/is", MARK),
    ("/countries/jp", MARK),
    ("/organisations/riken", MARK),
    ("/agreements/riken-phd-exchange", MARK),
    ("/programmes/ki-riken-phd-course", MARK),
    ("/funding/ki-utokyo-travel-award", MARK),
    ("/funding", MARK),
    ("/contacts", MARK),
    ("/map", "Iceland"),
    ("/search?q=secretorg", MARK),
    ("/search?q=", "Iceland"),
    ("/api/v1/organisations?limit=500", MARK),
    ("/api/v1/agreements?limit=500", MARK),
    ("/api/v1/programmes?limit=500", MARK),
    ("/api/v1/funding?limit=500", MARK),
    ("/api/v1/contacts?limit=500", MARK),
    ("/api/v1/agreements/riken-phd-exchange", MARK),
    ("/api/v1/programmes/ki-riken-phd-course", MARK),
    ("/api/v1/funding/ki-utokyo-travel-award", MARK),
    ("/api/v1/contacts/lotta-lundqvist", MARK),
    ("/api/v1/countries/is", MARK),
    ("/api/v1/countries/jp", MARK),
    ("/api/v1/map?zoom=14", MARK),
    ("/api/v1/map?zoom=14&scope=all", MARK),
    ("/api/v1/map/countries", "\"IS\""),
    ("/api/v1/search?q=secretorg", MARK),
    ("/api/v1/search?q=", "\"IS\""),
    ("/api/v1/search/suggest?q=secretorg", MARK),
    ("/feeds/deadlines.ics", MARK),
    ("/feeds/changes.atom", MARK),
    ("/embed/agreements", MARK),
    ("/embed/agreements?country=IS", MARK),
    ("/embed/map", MARK),
    ("/embed/funding", MARK),
];

/// The scenario's records themselves: found while public, 404 once internal.
const RECORDS: &[&str] = &[
    "/organisations/qzx-org",
    "/agreements/qzx-agreement",
    "/programmes/qzx-programme",
    "/funding/qzx-grant",
    "/api/v1/organisations/qzx-org",
    "/api/v1/agreements/qzx-agreement",
    "/api/v1/programmes/qzx-programme",
    "/api/v1/funding/qzx-grant",
    "/api/v1/contacts/qzx-contact",
];

async fn create<E: Entity>(app: &TestApp, doc: serde_json::Value) {
    let record: E = serde_json::from_value(doc).unwrap();
    app.registry()
        .save(&record, Expect::Absent, "test")
        .await
        .unwrap();
}

/// An organisation in Iceland (where nothing else is) with an agreement, a
/// programme, a grant and a contact of its own, all public, and named by
/// public records of the Japan dataset besides: a party to the RIKEN
/// agreement, a partner of the RIKEN course, the funder of the UTokyo travel
/// award and Lotta Lundqvist's employer.
async fn add_records(app: &TestApp) {
    create::<Organisation>(
        app,
        json!({
            "id": "qzx-org", "kind": "education", "country": "IS", "city": "Reykjavik",
            "location": {"lat": 64.14, "lng": -21.94},
            "names": [{"value": "Qzx Secretorg University", "kind": "display"}]
        }),
    )
    .await;
    create::<Agreement>(
        app,
        json!({
            "id": "qzx-agreement", "kind": "student_exchange", "level": "central",
            "title": "Qzx bilateral exchange", "signed": true,
            "valid_from": "2020-01-01", "valid_until": "2099-12-31",
            "parties": [{"organisation": "ki"}, {"organisation": "qzx-org"}]
        }),
    )
    .await;
    create::<Programme>(
        app,
        json!({
            "id": "qzx-programme", "kind": "course", "title": "Qzx summer school",
            "partners": ["ki", "qzx-org"]
        }),
    )
    .await;
    create::<FundingOpportunity>(
        app,
        json!({
            "id": "qzx-grant", "kind": "travel_grant", "title": "Qzx travel grant",
            "funder": "qzx-org", "destination_countries": ["IS"],
            "deadlines": [{"date": "2031-05-01"}]
        }),
    )
    .await;
    create::<Contact>(
        app,
        json!({
            "id": "qzx-contact", "name": "Qzx Person", "role": "Coordinator Iceland",
            "organisation": "qzx-org", "countries": ["IS"]
        }),
    )
    .await;
    // Public records of the Japan dataset that come to name the organisation.
    edit::<Agreement>(app, "riken-phd-exchange", |a| {
        a["parties"]
            .as_array_mut()
            .unwrap()
            .push(json!({"organisation": "qzx-org"}))
    })
    .await;
    edit::<Programme>(app, "ki-riken-phd-course", |p| {
        p["partners"].as_array_mut().unwrap().push(json!("qzx-org"))
    })
    .await;
    edit::<FundingOpportunity>(app, "ki-utokyo-travel-award", |f| {
        f["funder"] = json!("qzx-org")
    })
    .await;
    edit::<Contact>(app, "lotta-lundqvist", |c| {
        c["organisation"] = json!("qzx-org")
    })
    .await;
    app.state.refresh().await.unwrap();
}

/// Changes a stored record through its JSON form.
async fn edit<E: Entity>(app: &TestApp, id: &str, change: impl FnOnce(&mut serde_json::Value)) {
    let registry = app.registry();
    let found = registry.get::<E>(id).await.unwrap().unwrap();
    let mut doc = serde_json::to_value(&found.record).unwrap();
    change(&mut doc);
    let record: E = serde_json::from_value(doc).unwrap();
    registry
        .save(&record, Expect::Revision(found.revision), "test")
        .await
        .unwrap();
}

async fn set_visibility<E: Entity>(app: &TestApp, id: &str, visibility: Visibility) {
    edit::<E>(app, id, |doc| {
        doc["visibility"] = json!(visibility.as_str())
    })
    .await;
}

/// Makes every record of the scenario internal; the Japan records naming it stay public.
async fn make_internal(app: &TestApp) {
    let internal = Visibility::Internal;
    set_visibility::<Organisation>(app, "qzx-org", internal).await;
    set_visibility::<Agreement>(app, "qzx-agreement", internal).await;
    set_visibility::<Programme>(app, "qzx-programme", internal).await;
    set_visibility::<FundingOpportunity>(app, "qzx-grant", internal).await;
    set_visibility::<Contact>(app, "qzx-contact", internal).await;
    app.state.refresh().await.unwrap();
}

/// The registry counts `/metrics` reports.
async fn counted(app: &TestApp) -> (String, String) {
    let body = app.get("/metrics").await.body;
    let value = |name: &str| {
        body.lines()
            .find_map(|l| l.strip_prefix(&format!("{name} ")))
            .unwrap_or_else(|| panic!("/metrics has no {name}: {body}"))
            .to_owned()
    };
    (value("kizuna_organisations"), value("kizuna_agreements"))
}

async fn public_then_internal(app: TestApp) {
    // Every failing surface is listed, not just the first.
    let mut failures = Vec::new();
    let before = counted(&app).await;
    add_records(&app).await;
    for (uri, shown) in SURFACES {
        let response = app.get(uri).await;
        if response.status != 200 || !response.body.to_lowercase().contains(&shown.to_lowercase()) {
            failures.push(format!(
                "{uri} ({}) does not show public {shown:?}",
                response.status
            ));
        }
    }
    for uri in RECORDS {
        let response = app.get(uri).await;
        if response.status != 200 || !response.body.to_lowercase().contains(MARK) {
            failures.push(format!(
                "{uri} ({}) does not show a public record",
                response.status
            ));
        }
    }
    if counted(&app).await == before {
        failures.push("/metrics does not count public records".to_owned());
    }

    make_internal(&app).await;
    for (uri, shown) in SURFACES {
        let response = app.get(uri).await;
        // A country with nothing public left may be a page without partners or a 404.
        let empty_country = uri.contains("countries/is") && response.status == 404;
        if response.status != 200 && !empty_country {
            failures.push(format!("{uri} answers {}", response.status));
        }
        let body = response.body.to_lowercase();
        let mut secrets = vec![MARK.to_owned(), shown.to_lowercase()];
        secrets.dedup();
        for secret in secrets {
            if body.contains(&secret) {
                failures.push(format!("{uri} shows {secret:?} of internal records"));
            }
        }
    }
    for uri in RECORDS {
        let status = app.get(uri).await.status;
        if status != 404 {
            failures.push(format!("{uri} answers {status} for an internal record"));
        }
    }
    if counted(&app).await != before {
        failures.push("/metrics counts internal records".to_owned());
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[tokio::test]
async fn every_surface_shows_public_records_and_hides_internal_ones_on_sqlite() {
    public_then_internal(spawn_app().await).await;
}

#[tokio::test]
async fn every_surface_shows_public_records_and_hides_internal_ones_on_postgres() {
    let app = spawn_app_on_postgres()
        .await
        .expect("PostgreSQL is configured: set KIZUNA_TEST_POSTGRES_URL");
    public_then_internal(app).await;
}

const SECRET_NOTE: &str = "Vbn renegotiate the fee before March";
const SECRET_EMAIL: &str = "per.private@example.org";

/// Surfaces that show the TMU agreement or Per Nilsson.
const FIELD_SURFACES: &[&str] = &[
    "/",
    "/countries/jp",
    "/organisations/tmu",
    "/agreements/tmu-student-exchange",
    "/contacts",
    "/search?q=exchange",
    "/api/v1/agreements?limit=500",
    "/api/v1/agreements/tmu-student-exchange",
    "/api/v1/contacts",
    "/api/v1/contacts/per-nilsson",
    "/api/v1/countries/jp",
    "/api/v1/search?q=exchange",
    "/feeds/changes.atom",
];

/// Per Nilsson's e-mail address, shown publicly or only to staff.
async fn set_email(app: &TestApp, details: Visibility) {
    let registry = app.registry();
    let mut per = registry
        .get::<Contact>("per-nilsson")
        .await
        .unwrap()
        .unwrap();
    per.record.email = Some(SECRET_EMAIL.into());
    per.record.details_visibility = details;
    registry
        .save(&per.record, Expect::Revision(per.revision), "test")
        .await
        .unwrap();
    app.state.refresh().await.unwrap();
}

async fn staff_only_fields(app: TestApp) {
    let registry = app.registry();
    let mut tmu = registry
        .get::<Agreement>("tmu-student-exchange")
        .await
        .unwrap()
        .unwrap();
    tmu.record.internal_notes = Some(SECRET_NOTE.into());
    tmu.record.documents = vec![serde_json::from_value(json!({"id": "doc1", "name": "signed-Vbn.pdf", "content_type": "application/pdf", "size": 3})).unwrap()];
    registry
        .save(&tmu.record, Expect::Revision(tmu.revision), "test")
        .await
        .unwrap();
    set_email(&app, Visibility::Public).await;
    // The controls: staff read the note and the document; public details are public.
    let token = viewer_token(&app).await;
    let internal = get_with_token(
        &app,
        &token,
        "/api/v1/agreements/tmu-student-exchange/internal",
    )
    .await;
    assert!(internal.body.contains(SECRET_NOTE) && internal.body.contains("signed-Vbn.pdf"));
    for uri in ["/contacts", "/api/v1/contacts/per-nilsson"] {
        assert!(app.get(uri).await.body.contains(SECRET_EMAIL), "{uri}");
    }

    set_email(&app, Visibility::Internal).await;
    for uri in FIELD_SURFACES {
        let response = app.get(uri).await;
        assert_eq!(response.status, 200, "{uri}");
        for secret in [SECRET_NOTE, "Vbn", SECRET_EMAIL] {
            assert!(!response.body.contains(secret), "{uri} shows {secret:?}");
        }
    }
    // The contact itself stays public; only the details marked internal are withheld.
    let per = app.json("/api/v1/contacts/per-nilsson").await;
    assert_eq!(per["name"], "Per Nilsson");
    assert!(per["email"].is_null());
}

#[tokio::test]
async fn staff_only_fields_reach_staff_and_never_the_public_on_sqlite() {
    staff_only_fields(spawn_app().await).await;
}

#[tokio::test]
async fn staff_only_fields_reach_staff_and_never_the_public_on_postgres() {
    let app = spawn_app_on_postgres()
        .await
        .expect("PostgreSQL is configured: set KIZUNA_TEST_POSTGRES_URL");
    staff_only_fields(app).await;
}
