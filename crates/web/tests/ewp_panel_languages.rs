//! An agreement's EWP panel in the reader's language: why our copy cannot
//! be an IIA, and why the partner's copy cannot be approved yet (also when
//! approving anyway is refused).

#[path = "auth/browser.rs"]
mod browser;
mod common;
#[path = "admin/support.rs"]
#[allow(dead_code)]
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{TestApp, spawn_app, spawn_app_on_postgres, with_ewp_partner};
use kizuna_domain::Role;
use kizuna_interop::ewp::testing::uw_copy;
use support::{Staff, attr, get, send, tags, unescape};

/// Beside `ki-uw`, which can be an IIA: an agreement with UW exchanged before
/// that cannot (it states no mobility conditions).
const MOU: &str = r#"
[[agreements]]
id = "ki-uw-mou"
kind = "mou"
level = "central"
title = "MoU KI – UW"
parties = [{ organisation = "ki" }, { organisation = "uw" }]
signed = true
ewp = { partner_iia_id = "uw-9" }
"#;

/// Reads the partner's copy of `ki-uw` (with 3 places a year, where ours says 2) and records it.
async fn record_differing_copy(app: &TestApp, staff: &Staff) {
    let body = format!(
        "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"uw.xml\"\r\nContent-Type: application/xml\r\n\r\n{}\r\n--B--\r\n",
        staff.csrf,
        uw_copy(3)
    );
    let upload = Request::post("/admin/ewp/import")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=B")
        .body(Body::from(body))
        .unwrap();
    let preview = send(app, staff, upload).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let start = preview.body.find("/admin/ewp/import/confirm").unwrap();
    let form = &preview.body[start..start + preview.body[start..].find("</form>").unwrap()];
    let fields: Vec<(String, String)> = tags(form, "input")
        .into_iter()
        .filter_map(|(tag, _)| Some((attr(tag, "name")?, attr(tag, "value")?)))
        .collect();
    let confirm = Request::post("/admin/ewp/import/confirm")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(serde_urlencoded::to_string(&fields).unwrap()))
        .unwrap();
    let done = send(app, staff, confirm).await;
    assert!(done.status.is_redirection(), "{}", done.body);
}

async fn panel(app: &TestApp, staff: &Staff, id: &str, lang: &str) -> String {
    let page = get(app, staff, &format!("/admin/agreements/{id}?lang={lang}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let body = unescape(&page.body);
    let start = body.find("class=\"ewp-panel\"").expect("an EWP panel");
    body[start..start + body[start..].find("</section>").unwrap()].to_owned()
}

#[tokio::test]
async fn the_panel_says_why_in_the_readers_language() {
    for app in [Some(spawn_app().await), spawn_app_on_postgres().await]
        .into_iter()
        .flatten()
    {
        with_ewp_partner(&app, MOU).await;
        let staff = support::signed_in(&app, Role::Admin).await;
        for (lang, said) in [
            ("en", "it has no mobility conditions"),
            ("sv", "det har inga mobilitetsvillkor"),
            ("ja", "交流の条件がありません"),
        ] {
            let html = panel(&app, &staff, "ki-uw-mou", lang).await;
            assert!(html.contains(said), "{lang}: {said} in {html}");
        }
        record_differing_copy(&app, &staff).await;
        for (lang, said) in [
            ("en", "make the two copies agree first"),
            ("sv", "få de två exemplaren att stämma överens först"),
            ("ja", "先に二つの写しを一致させてください"),
        ] {
            let html = panel(&app, &staff, "ki-uw", lang).await;
            assert!(html.contains(said), "{lang}: {said} in {html}");
            // Approving anyway (a stale page) is refused with the same reason.
            let revision = app
                .registry()
                .get::<kizuna_domain::Agreement>("ki-uw")
                .await
                .unwrap()
                .unwrap()
                .revision;
            let fields = [
                ("csrf", staff.csrf.clone()),
                ("revision", revision.to_string()),
            ];
            let approve = Request::post(format!("/admin/agreements/ki-uw/ewp/approve?lang={lang}"))
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(serde_urlencoded::to_string(fields).unwrap()))
                .unwrap();
            let refused = send(&app, &staff, approve).await;
            assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
            assert!(
                unescape(&refused.body).contains(said),
                "{lang}: {}",
                refused.body
            );
        }
    }
}
