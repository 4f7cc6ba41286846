//! The Erasmus Without Paper node end to end, on SQLite and PostgreSQL: a key
//! made here is listed in a catalogue file for UW (uw.edu.pl); requests signed
//! with it (HTTP Signatures, signed here independently of the node's code)
//! list UW's IIAs with `index` (with `modified_since` too), fetch them with
//! `get` and recompute their hashes; Institutions, Organizational Units and
//! IIA Approval answer; every answer validates against its official schema.
//! Unsigned, unknown-key, stale, replayed and wrongly digested requests are
//! refused with the spec's `error-response`; without a catalogue `/ewp/` is 404.

mod common;
#[path = "ewp_node/support.rs"]
mod support;

use std::sync::Arc;

use axum::http::{StatusCode, header};
use chrono::{Duration, Utc};
use common::spawn_apps;
use kizuna_core::Writer;
use kizuna_core::write::Actor;
use kizuna_interop::ewp::{self, import};
use kizuna_web::WebSettings;
use kizuna_web::ewp_node::EwpNode;
use support::{STRANGER, Signing, assert_refused, assert_valid, get, iia_ids, node, signed, uuid};

#[tokio::test]
async fn a_partner_lists_fetches_and_checks_its_iias() {
    for app in spawn_apps().await {
        let node = node(&app).await;

        let index = get(&node, "/ewp/iias/index").await;
        assert_eq!(index.status, StatusCode::OK, "{}", index.body);
        assert_valid(
            &index.body,
            "ewp-specs-api-iias/stable-v7/endpoints/index-response.xsd",
        );
        assert_eq!(
            iia_ids(&index.body),
            ["ki-uw"],
            "only UW's agreement, not Helsinki's"
        );

        let past = (Utc::now() - Duration::days(1)).to_rfc3339();
        let future = (Utc::now() + Duration::days(1)).to_rfc3339();
        let since = |at: &str| format!("/ewp/iias/index?modified_since={}", at.replace('+', "%2B"));
        assert_eq!(iia_ids(&get(&node, &since(&past)).await.body), ["ki-uw"]);
        assert!(iia_ids(&get(&node, &since(&future)).await.body).is_empty());
        let years = get(
            &node,
            "/ewp/iias/index?receiving_academic_year_id=2030/2031",
        )
        .await;
        assert!(iia_ids(&years.body).is_empty(), "{}", years.body);
        let bad = get(&node, "/ewp/iias/index?modified_since=yesterday").await;
        assert_refused(&bad, StatusCode::BAD_REQUEST, "modified_since");

        let fetched = get(
            &node,
            "/ewp/iias/get?iia_id=ki-uw&iia_id=ki-helsinki&iia_id=nope",
        )
        .await;
        assert_eq!(fetched.status, StatusCode::OK, "{}", fetched.body);
        assert_valid(
            &fetched.body,
            "ewp-specs-api-iias/stable-v7/endpoints/get-response.xsd",
        );
        let digests = ewp::digest_response(&fetched.body).unwrap();
        assert_eq!(
            digests.len(),
            1,
            "Helsinki's IIA and unknown ids are left out"
        );
        let stated = fetched
            .body
            .split("<iia-hash>")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap();
        assert_eq!(
            digests[0].hash, stated,
            "the hash recomputed from the document is the one it states"
        );

        let posted = node
            .request(signed(
                "POST",
                "/ewp/iias/get",
                "iia_id=ki-uw",
                Signing::default(),
            ))
            .await;
        assert_eq!(posted.status, StatusCode::OK, "{}", posted.body);
        assert_eq!(posted.body, fetched.body, "POST answers as GET does");

        let too_many: String = (0..101).map(|i| format!("iia_id={i}&")).collect();
        let refused = node
            .request(signed(
                "POST",
                "/ewp/iias/get",
                &too_many,
                Signing::default(),
            ))
            .await;
        assert_refused(&refused, StatusCode::BAD_REQUEST, "at most 100");
    }
}

#[tokio::test]
async fn institutions_units_and_approvals_answer_in_their_schemas() {
    for app in spawn_apps().await {
        let node = node(&app).await;
        let hei = get(&node, "/ewp/institutions?hei_id=ki.se&hei_id=other.example").await;
        assert_eq!(hei.status, StatusCode::OK, "{}", hei.body);
        assert_valid(
            &hei.body,
            "ewp-specs-api-institutions/stable-v2/response.xsd",
        );
        assert!(hei.body.contains("<hei-id>ki.se</hei-id>"), "{}", hei.body);
        assert!(
            hei.body.contains("<ounit-id>cmb</ounit-id>"),
            "{}",
            hei.body
        );
        assert!(
            hei.body
                .contains(r#"<other-id type="erasmus">S STOCKHO03</other-id>"#)
        );

        let units = get(&node, "/ewp/ounits?hei_id=ki.se&ounit_id=cmb&ounit_id=nope").await;
        assert_eq!(units.status, StatusCode::OK, "{}", units.body);
        assert_valid(&units.body, "ewp-specs-api-ounits/stable-v2/response.xsd");
        assert_eq!(units.body.matches("<ounit>").count(), 1, "{}", units.body);
        let other = get(&node, "/ewp/ounits?hei_id=uw.edu.pl&ounit_id=cmb").await;
        assert_refused(&other, StatusCode::BAD_REQUEST, "does not cover");

        let approvals = get(&node, "/ewp/iias-approval?iia_id=uw-77").await;
        assert_eq!(approvals.status, StatusCode::OK, "{}", approvals.body);
        assert_valid(
            &approvals.body,
            "ewp-specs-api-iias-approval/stable-v2/response.xsd",
        );
        assert!(
            !approvals.body.contains("<approval>"),
            "nothing approved yet"
        );

        let manifest = node.get("/ewp/manifest.xml").await;
        assert_eq!(manifest.status, StatusCode::OK);
        for url in [
            "/ewp/iias/get",
            "/ewp/iias/index",
            "/ewp/iias-approval",
            "/ewp/institutions",
            "/ewp/ounits",
        ] {
            assert!(
                manifest.body.contains(url),
                "{url} missing from\n{}",
                manifest.body
            );
        }
        assert!(manifest.body.contains("<sec-A2:httpsig/>"));
        assert!(
            manifest.body.contains(r#"<r:hei id="ki.se">"#),
            "{}",
            manifest.body
        );
    }
}

#[tokio::test]
async fn unsigned_unknown_stale_replayed_and_tampered_requests_are_refused() {
    for app in spawn_apps().await {
        let node = node(&app).await;
        let unsigned = node.get("/ewp/iias/index").await;
        assert_refused(&unsigned, StatusCode::UNAUTHORIZED, "Authorization");
        let challenge = unsigned.headers.get(header::WWW_AUTHENTICATE).unwrap();
        assert!(
            challenge
                .to_str()
                .unwrap()
                .starts_with("Signature realm=\"EWP\"")
        );

        let stranger = Signing {
            key: &STRANGER,
            ..Signing::default()
        };
        let response = node
            .request(signed("GET", "/ewp/iias/index", "", stranger))
            .await;
        assert_refused(&response, StatusCode::FORBIDDEN, "not a client key");

        let stale = Signing {
            date: Utc::now() - Duration::minutes(6),
            ..Signing::default()
        };
        let response = node
            .request(signed("GET", "/ewp/iias/index", "", stale))
            .await;
        assert_refused(&response, StatusCode::BAD_REQUEST, "5 minutes");

        let id = uuid();
        let once = || Signing {
            request_id: id.clone(),
            ..Signing::default()
        };
        let first = node
            .request(signed("GET", "/ewp/iias/index", "", once()))
            .await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.body);
        let replayed = node
            .request(signed("GET", "/ewp/iias/index", "", once()))
            .await;
        assert_refused(&replayed, StatusCode::BAD_REQUEST, "already used");

        let digest = Signing {
            digest_of: Some(b"iia_id=other"),
            ..Signing::default()
        };
        let response = node
            .request(signed("POST", "/ewp/iias/get", "iia_id=ki-uw", digest))
            .await;
        assert_refused(&response, StatusCode::BAD_REQUEST, "Digest");

        let mut tampered = signed("GET", "/ewp/iias/get?iia_id=ki-uw", "", Signing::default());
        *tampered.uri_mut() = "/ewp/iias/get?iia_id=ki-helsinki".parse().unwrap();
        let response = node.request(tampered).await;
        assert_refused(&response, StatusCode::BAD_REQUEST, "does not verify");
    }
}

#[tokio::test]
async fn without_a_catalogue_the_node_is_off() {
    for app in spawn_apps().await {
        for path in [
            "/ewp/manifest.xml",
            "/ewp/iias/index",
            "/ewp/iias/get?iia_id=x",
        ] {
            let response = app
                .request(signed("GET", path, "", Signing::default()))
                .await;
            assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
        }
    }
}

#[tokio::test]
async fn our_approval_of_the_partners_copy_is_served_with_its_hash() {
    for app in spawn_apps().await {
        let node = node(&app).await;
        let copy = kizuna_interop::ewp::testing::uw_copy(2);
        let snapshot = app.registry().snapshot().await.unwrap();
        let plan = import::plan(&snapshot, &copy, Utc::now()).unwrap();
        let writer = Writer::load(app.registry()).await.unwrap();
        import::apply(&writer, Actor::Operator("test"), &plan)
            .await
            .unwrap();
        let snapshot = app.registry().snapshot().await.unwrap();
        let ours = snapshot
            .agreements
            .iter()
            .find(|a| a.id.as_str() == "ki-uw");
        let status = ewp::status_of(&snapshot, ours.unwrap());
        let writer = Writer::load(app.registry()).await.unwrap();
        writer
            .approve_partner_copy(Actor::Operator("test"), "ki-uw", status.facts(), None)
            .await
            .unwrap();
        node.state.refresh().await.unwrap();

        let approvals = get(&node, "/ewp/iias-approval?iia_id=uw-77&iia_id=unknown").await;
        assert_eq!(approvals.status, StatusCode::OK, "{}", approvals.body);
        assert_valid(
            &approvals.body,
            "ewp-specs-api-iias-approval/stable-v2/response.xsd",
        );
        let approved = &ewp::digest_response(&copy).unwrap()[0].hash;
        assert_eq!(
            approvals.body.matches("<approval>").count(),
            1,
            "{}",
            approvals.body
        );
        assert!(
            approvals.body.contains("<iia-id>uw-77</iia-id>"),
            "{}",
            approvals.body
        );
        assert!(
            approvals
                .body
                .contains(&format!("<iia-hash>{approved}</iia-hash>")),
            "the hash of UW's copy as approved: {}",
            approvals.body
        );

        // Our copy now names UW's iia-id, and its hash still checks out.
        let fetched = get(&node, "/ewp/iias/get?iia_id=ki-uw").await;
        assert_valid(
            &fetched.body,
            "ewp-specs-api-iias/stable-v7/endpoints/get-response.xsd",
        );
        assert!(
            fetched.body.contains("<iia-id>uw-77</iia-id>"),
            "{}",
            fetched.body
        );
        let stated = fetched.body.split("<iia-hash>").nth(1).unwrap();
        assert!(stated.starts_with(&ewp::digest_response(&fetched.body).unwrap()[0].hash));
    }
}

#[tokio::test]
async fn at_a_public_address_the_manifest_names_it_and_requests_must_too() {
    let app = common::spawn_app().await;
    let _loaded = node(&app).await;
    let at = EwpNode::load(&support::catalogue_file())
        .unwrap()
        .at("https://partners.ki.se/");
    let public = app
        .node(WebSettings {
            ewp_node: Some(Arc::new(at)),
            ..WebSettings::default()
        })
        .await;
    let manifest = public.get("/ewp/manifest.xml").await;
    assert!(
        manifest
            .body
            .contains("<ia7:get-url>https://partners.ki.se/ewp/iias/get</ia7:get-url>"),
        "{}",
        manifest.body
    );
    // The test client signs for ewp.ki.se, which is not this node's host.
    let elsewhere = get(&public, "/ewp/iias/index").await;
    assert_refused(&elsewhere, StatusCode::BAD_REQUEST, "Host");
}
