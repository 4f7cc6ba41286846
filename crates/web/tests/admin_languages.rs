//! The back office in Swedish and Japanese: the dashboard, a record's form
//! with the problems the registry's rules find (worded in the reader's
//! language, beside the field they name), the history with its dates, and the
//! import page; `?lang=` and `Accept-Language` choose the language, and a
//! request asking for none still gets English.

#[path = "auth/browser.rs"]
mod browser;
mod common;
// Not every helper of the back-office tests is used here.
#[path = "admin/support.rs"]
#[allow(dead_code)]
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::spawn_app;
use kizuna_domain::Role;
use support::{form_fields, get, post, send, signed_in, unescape};

/// An agreement of the test data with three parties.
const AGREEMENT: &str = "trio-utokyo-spa-2022";

/// The text of the error shown beside the field `id`, or "".
fn error_beside(body: &str, id: &str) -> String {
    let marker = format!("id=\"{id}-error\"");
    body.find(&marker)
        .map(|i| {
            let rest = &body[i..];
            unescape(&rest[..rest.find("</p>").unwrap_or(rest.len())])
        })
        .unwrap_or_default()
}

/// The text of the page's `<h1>`.
fn h1(body: &str) -> String {
    let start = body.find("<h1").expect("an h1");
    let start = start + body[start..].find('>').unwrap() + 1;
    let end = start + body[start..].find("</h1>").unwrap();
    unescape(&body[start..end])
}

/// The texts of the `<time>` elements of a page.
fn times(body: &str) -> Vec<String> {
    body.match_indices("<time ")
        .map(|(i, _)| {
            let rest = &body[i..];
            let start = rest.find('>').unwrap() + 1;
            rest[start..rest.find("</time>").unwrap()].to_owned()
        })
        .collect()
}

const SWEDISH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

#[tokio::test]
async fn the_dashboard_speaks_the_readers_language() {
    let app = spawn_app().await;
    let admin = signed_in(&app, Role::Admin).await;
    let sv = get(&app, &admin, "/admin?lang=sv").await;
    assert_eq!(sv.status, StatusCode::OK);
    assert!(sv.body.contains("<html lang=\"sv\""));
    assert_eq!(h1(&sv.body), "Översikt");
    let body = unescape(&sv.body);
    for text in [
        "Lägg till i registret",
        "Nytt avtal",
        "Avtal efter partnerland",
        "Logga ut",
        "Inloggad som admin@example.org (Administratör)",
    ] {
        assert!(body.contains(text), "sv dashboard lacks {text}");
    }
    let ja = get(&app, &admin, "/admin?lang=ja").await;
    assert!(ja.body.contains("<html lang=\"ja\""));
    assert_eq!(h1(&ja.body), "ダッシュボード");
    assert!(unescape(&ja.body).contains("提携先の国別の協定"));
    // Accept-Language alone chooses Japanese; nothing chooses English.
    let request = Request::get("/admin")
        .header(header::ACCEPT_LANGUAGE, "ja,en;q=0.5")
        .body(Body::empty())
        .unwrap();
    let by_header = send(&app, &admin, request).await;
    assert_eq!(h1(&by_header.body), "ダッシュボード");
    let en = get(&app, &admin, "/admin").await;
    assert!(en.body.contains("<html lang=\"en\""));
    assert_eq!(h1(&en.body), "Dashboard");
    assert!(en.body.contains("Add to the registry"));
}

#[tokio::test]
async fn a_rule_broken_in_a_form_is_named_in_the_readers_language() {
    let app = spawn_app().await;
    let admin = signed_in(&app, Role::Admin).await;
    let uri = format!("/admin/agreements/{AGREEMENT}");
    for (lang, problem, label, summary) in [
        (
            "sv",
            "ett avtal behöver minst två parter",
            "Parter",
            "Det finns ett problem",
        ),
        (
            "ja",
            "協定には2者以上の当事者が必要です",
            "当事者",
            "1件の問題があります",
        ),
        (
            "en",
            "an agreement needs at least two parties",
            "Parties",
            "There is a problem",
        ),
    ] {
        let form = get(&app, &admin, &format!("{uri}?lang={lang}")).await;
        assert_eq!(form.status, StatusCode::OK);
        let fields: Vec<(String, String)> = form_fields(&form.body)
            .into_iter()
            .filter(|(k, _)| !k.starts_with("parties[1]") && !k.starts_with("parties[2]"))
            .collect();
        let page = post(&app, &admin, &format!("{uri}?lang={lang}"), &fields).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{lang}");
        assert!(page.body.contains(&format!("<html lang=\"{lang}\"")));
        let beside = error_beside(&page.body, "f-parties");
        assert!(beside.contains(problem), "{lang}: {beside}");
        let body = unescape(&page.body);
        // The summary names the field by its label in the same language.
        assert!(
            body.contains(&format!("{label}: {problem}")),
            "{lang}: the summary names the field"
        );
        assert!(body.contains(summary), "{lang}: {summary}");
    }
    // A value the form itself cannot read is named in the language too.
    let mut fields = form_fields(&get(&app, &admin, &format!("{uri}?lang=sv")).await.body);
    support::set(&mut fields, "signed_on", "igår");
    let page = post(&app, &admin, &format!("{uri}?lang=sv"), &fields).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let beside = error_beside(&page.body, "f-signed-on");
    assert!(beside.contains("”igår” är inget datum"), "{beside}");
}

#[tokio::test]
async fn the_history_dates_and_actions_follow_the_language() {
    let app = spawn_app().await;
    let admin = signed_in(&app, Role::Admin).await;
    let uri = format!("/admin/agreements/{AGREEMENT}/history");
    let ja = get(&app, &admin, &format!("{uri}?lang=ja")).await;
    assert_eq!(ja.status, StatusCode::OK);
    assert!(ja.body.contains("<html lang=\"ja\""));
    assert!(h1(&ja.body).starts_with("履歴："));
    let body = unescape(&ja.body);
    assert!(body.contains("：作成"), "the action is a label");
    let when = times(&ja.body);
    assert!(!when.is_empty());
    for t in &when {
        assert!(
            t.contains('年') && t.contains('月') && t.contains('日'),
            "{t}"
        );
    }
    let sv = get(&app, &admin, &format!("{uri}?lang=sv")).await;
    assert!(h1(&sv.body).starts_with("Historik: "));
    assert!(unescape(&sv.body).contains(": Skapad"));
    for t in times(&sv.body) {
        assert!(SWEDISH_MONTHS.iter().any(|m| t.contains(m)), "{t}");
    }
    let en = get(&app, &admin, &uri).await;
    assert!(unescape(&en.body).contains(": Created"));
}

#[tokio::test]
async fn the_import_page_speaks_the_readers_language() {
    let app = spawn_app().await;
    let admin = signed_in(&app, Role::Admin).await;
    for (lang, heading, texts) in [
        (
            "sv",
            "Importera ett kalkylark",
            [
                "Arket innehåller",
                "Fil (.csv eller .xlsx)",
                ">Avtal</option>",
            ],
        ),
        (
            "ja",
            "スプレッドシートをインポート",
            [
                "シートの内容",
                "ファイル（.csvまたは.xlsx）",
                ">協定</option>",
            ],
        ),
    ] {
        let page = get(&app, &admin, &format!("/admin/import?lang={lang}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&format!("<html lang=\"{lang}\"")));
        assert_eq!(h1(&page.body), heading);
        let body = unescape(&page.body);
        for text in texts {
            assert!(body.contains(text), "{lang}: {text}");
        }
    }
}

#[tokio::test]
async fn a_delete_refused_while_referenced_says_why_in_the_readers_language() {
    let app = spawn_app().await;
    let admin = signed_in(&app, Role::Admin).await;
    let uri = "/admin/organisations/utokyo/delete";
    for (lang, says) in [
        (
            "sv",
            "kan inte tas bort eftersom andra poster fortfarande hänvisar till den",
        ),
        ("ja", "から参照されているため削除できません"),
    ] {
        let fields = form_fields(&get(&app, &admin, &format!("{uri}?lang={lang}")).await.body);
        let refused = post(&app, &admin, &format!("{uri}?lang={lang}"), &fields).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
        let body = unescape(&refused.body);
        assert!(body.contains(says), "{lang}: {body}");
        assert!(
            body.contains(&format!("agreements/{AGREEMENT}")),
            "names the referrers"
        );
        assert!(
            !body.contains("is still referred to by"),
            "{lang}: no English left"
        );
    }
}

#[tokio::test]
async fn a_change_out_of_scope_is_refused_in_the_readers_language() {
    let app = spawn_app().await;
    let editor = signed_in(&app, Role::Editor).await;
    let uri = format!("/admin/agreements/{AGREEMENT}/delete");
    for (lang, title, says) in [
        ("sv", "Inte tillåtet", "En redaktör får inte ta bort"),
        ("ja", "権限がありません", "編集者は"),
    ] {
        let fields = vec![
            ("csrf".to_owned(), editor.csrf.clone()),
            ("revision".to_owned(), "1".to_owned()),
        ];
        let refused = post(&app, &editor, &format!("{uri}?lang={lang}"), &fields).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
        let body = unescape(&refused.body);
        assert!(
            body.contains(title) && body.contains(says),
            "{lang}: {body}"
        );
        assert!(!body.contains("may not delete"), "{lang}: no English left");
    }
    // An edit saved over someone else's is explained in the language too.
    let admin = signed_in(&app, Role::Admin).await;
    let edit = format!("/admin/agreements/{AGREEMENT}?lang=ja");
    let mut fields = form_fields(&get(&app, &admin, &edit).await.body);
    support::set(&mut fields, "title", "Changed once");
    let first = post(&app, &admin, &edit, &fields).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    support::set(&mut fields, "title", "Changed twice");
    let stale = post(&app, &admin, &edit, &fields).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert!(!unescape(&stale.body).contains("was changed by someone else"));
}
