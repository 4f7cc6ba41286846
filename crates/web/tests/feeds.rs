//! Feeds: iCalendar deadlines (public) and expiries (token), Atom changes.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::spawn_app;
use kizuna_core::{Expect, credentials};
use kizuna_domain::{Agreement, FundingOpportunity, Role};

#[tokio::test]
async fn deadlines_are_a_valid_public_calendar() {
    let app = spawn_app().await;
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
    app.state.refresh().await.unwrap();
    let feed = app.get("/feeds/deadlines.ics").await;
    assert_eq!(feed.status, 200);
    assert!(feed.content_type().starts_with("text/calendar"));
    let body = feed.body.replace("\r\n ", "");
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.trim_end().ends_with("END:VCALENDAR"));
    assert!(body.contains("VERSION:2.0") && body.contains("PRODID:"));
    assert!(body.contains("SUMMARY:Deadline: JSPS"), "{body}");
    assert!(body.contains("DTSTART;VALUE=DATE:20270301"), "{body}");
    assert!(body.contains("RRULE:FREQ=YEARLY"));
    assert!(body.contains("UID:deadline-jsps-fellowships-2027-03-01@kizuna"));
    assert!(
        feed.body.split("\r\n").all(|l| l.len() <= 75),
        "lines are folded at 75 octets"
    );
}

#[tokio::test]
async fn expiries_need_a_token_and_list_ending_agreements() {
    let app = spawn_app().await;
    let registry = app.registry();
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
    assert_eq!(app.get("/feeds/expiring.ics").await.status, 401);
    assert_eq!(
        app.get("/feeds/expiring.ics?token=kz_wrong").await.status,
        401
    );
    let store = registry.store();
    let hash = credentials::hash_password("correct horse battery staple").unwrap();
    let user = store
        .create_user(
            &"viewer@example.org".parse().unwrap(),
            &hash,
            Role::Viewer,
            &[],
        )
        .await
        .unwrap();
    let (token, token_hash) = credentials::new_api_token();
    store
        .create_token(user.id, "calendar", &token_hash)
        .await
        .unwrap();
    let by_query = app.get(&format!("/feeds/expiring.ics?token={token}")).await;
    assert_eq!(by_query.status, 200);
    let body = by_query.body.replace("\r\n ", "");
    assert!(body.contains("DTSTART;VALUE=DATE:20270228"), "{body}");
    assert!(body.contains("Agreement ends: "));
    let by_header = app
        .request(
            Request::get("/feeds/expiring.ics")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(by_header.status, 200);
}

#[tokio::test]
async fn the_atom_feed_lists_public_changes_only() {
    let app = spawn_app().await;
    let registry = app.registry();
    let mut hidden = registry
        .get::<FundingOpportunity>("jsps-fellowships")
        .await
        .unwrap()
        .unwrap()
        .record;
    hidden.id = "secret-grant".parse().unwrap();
    hidden.title = "Secret grant".into();
    hidden.visibility = kizuna_domain::Visibility::Internal;
    registry
        .save(&hidden, Expect::Absent, "test")
        .await
        .unwrap();
    let feed = app.get("/feeds/changes.atom").await;
    assert_eq!(feed.status, 200);
    assert!(feed.content_type().starts_with("application/atom+xml"));
    assert!(
        feed.body
            .starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
    );
    assert!(
        feed.body
            .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">")
    );
    assert!(
        feed.body.contains("<title>Added: Per Nilsson</title>"),
        "{}",
        feed.body
    );
    assert!(feed.body.contains("/agreements/trio-utokyo-spa-2022"));
    assert!(
        !feed.body.contains("Secret grant"),
        "internal records stay out of the public feed"
    );
    // 30 changes loaded the demo; one of them is the Japan country profile, not a record.
    assert_eq!(
        feed.body.matches("<entry>").count(),
        29,
        "every public record change of the demo"
    );
}

#[tokio::test]
async fn a_record_made_internal_takes_its_earlier_entries_out_of_the_feed() {
    let app = spawn_app().await;
    let registry = app.registry();
    let entries =
        |feed: &str, title: &str| feed.matches(&format!("<title>{title}</title>")).count();
    let feed = app.get("/feeds/changes.atom").await.body;
    // The controls: both records were added in public.
    assert_eq!(
        entries(&feed, "Added: JSPS fellowship programmes"),
        1,
        "{feed}"
    );
    assert_eq!(entries(&feed, "Added: Lotta Lundqvist"), 1, "{feed}");

    let mut jsps = registry
        .get::<FundingOpportunity>("jsps-fellowships")
        .await
        .unwrap()
        .unwrap();
    jsps.record.visibility = kizuna_domain::Visibility::Internal;
    registry
        .save(&jsps.record, Expect::Revision(jsps.revision), "test")
        .await
        .unwrap();
    // A record deleted while public keeps its history, its removal included.
    let lotta = registry
        .get::<kizuna_domain::Contact>("lotta-lundqvist")
        .await
        .unwrap()
        .unwrap();
    registry
        .delete(
            kizuna_domain::Collection::Contacts,
            "lotta-lundqvist",
            Expect::Revision(lotta.revision),
            "test",
        )
        .await
        .unwrap();
    app.state.refresh().await.unwrap();
    let feed = app.get("/feeds/changes.atom").await.body;
    assert!(!feed.contains("JSPS fellowship"), "{feed}");
    assert!(!feed.contains("/funding/jsps-fellowships"), "{feed}");
    assert_eq!(entries(&feed, "Added: Lotta Lundqvist"), 1, "{feed}");
    assert_eq!(entries(&feed, "Removed: Lotta Lundqvist"), 1, "{feed}");
}
