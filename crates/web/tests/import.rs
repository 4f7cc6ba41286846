//! `/admin/import` in a browser without script: upload (a multipart form
//! with the CSRF token), preview of every row, apply (the file comes back in
//! the form), revert in one step; bad files, error rows and a registry
//! changed since the preview write nothing. On SQLite and PostgreSQL.

#[path = "auth/browser.rs"]
mod browser;
mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use browser::{Browser, PASSWORD, add_user, csrf_field};
use common::{TestApp, TestResponse, spawn_app, spawn_app_on_postgres};
use kizuna_core::Expect;
use kizuna_domain::{Agreement, Organisation, Role};

const SHEET: &str = "Lärosäte;Land;Titel;Typ;Nivå;Giltig till\nSeoul National University;KR;SNU exchange;student exchange;central;31/08/2030\n;;;;;\nThe University of Tokyo;JP;UTokyo exchange;mou;central;2031\n";

async fn on_each_database(test: impl AsyncFn(TestApp)) {
    test(spawn_app().await).await;
    if let Some(app) = spawn_app_on_postgres().await {
        test(app).await;
    }
}

fn unescape(text: &str) -> String {
    text.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The hidden fields of the page's form posting to `action`, as a browser sends them.
fn hidden_fields(html: &str, action: &str) -> Vec<(String, String)> {
    let html = unescape(html);
    let start = html
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form for {action}"));
    let form = &html[start..start + html[start..].find("</form>").unwrap()];
    form.split("<input type=\"hidden\" ")
        .skip(1)
        .map(|tag| {
            let value_of = |name: &str| {
                tag.split(&format!("{name}=\""))
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .to_owned()
            };
            (value_of("name"), value_of("value"))
        })
        .collect()
}

/// A browser's multipart upload of `file` for `collection`.
fn upload(csrf: Option<&str>, collection: &str, name: &str, file: &[u8]) -> Request<Body> {
    upload_to("/admin/import", csrf, collection, name, file)
}

/// The same upload posted to `uri` (the import page with a `?lang=`).
fn upload_to(
    uri: &str,
    csrf: Option<&str>,
    collection: &str,
    name: &str,
    file: &[u8],
) -> Request<Body> {
    let mut body = Vec::new();
    let mut part = |head: String, content: &[u8]| {
        body.extend(format!("--BOUNDARY\r\n{head}\r\n\r\n").as_bytes());
        body.extend(content);
        body.extend(b"\r\n");
    };
    if let Some(csrf) = csrf {
        part(
            "Content-Disposition: form-data; name=\"csrf\"".into(),
            csrf.as_bytes(),
        );
    }
    part(
        "Content-Disposition: form-data; name=\"collection\"".into(),
        collection.as_bytes(),
    );
    part(
        format!(
            "Content-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv"
        ),
        file,
    );
    part("Content-Disposition: form-data; name=\"mapping\"; filename=\"\"\r\nContent-Type: application/octet-stream".into(), b"");
    body.extend(b"--BOUNDARY--\r\n");
    Request::post(uri)
        .header(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=BOUNDARY",
        )
        .body(Body::from(body))
        .unwrap()
}

async fn signed_in(app: &TestApp, email: &str, role: Role) -> (Browser, String) {
    add_user(app, email, role).await;
    let mut browser = Browser::new();
    browser.login(app, email, PASSWORD).await;
    let page = browser.get(app, "/admin/import").await;
    let csrf = csrf_field(&page.body);
    (browser, csrf)
}

async fn post_fields(
    browser: &mut Browser,
    app: &TestApp,
    uri: &str,
    fields: &[(String, String)],
) -> TestResponse {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    browser.post_form(app, uri, &pairs).await
}

#[tokio::test]
async fn upload_preview_apply_and_revert_in_a_browser() {
    on_each_database(async |app: TestApp| {
        let (mut browser, csrf) = signed_in(&app, "admin@ki.se", Role::Admin).await;
        let form = browser.get(&app, "/admin/import").await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("enctype=\"multipart/form-data\""));

        let forged = browser
            .send(
                &app,
                upload(None, "agreements", "sheet.csv", SHEET.as_bytes()),
            )
            .await;
        assert_eq!(
            forged.status,
            StatusCode::FORBIDDEN,
            "an upload without the form's token is refused"
        );

        let preview = browser
            .send(
                &app,
                upload(Some(&csrf), "agreements", "sheet.csv", SHEET.as_bytes()),
            )
            .await;
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
        let page = unescape(&preview.body);
        assert!(
            page.contains("2 rows: 2 created, 0 changed, 0 unchanged, 0 with errors."),
            "{page}"
        );
        assert!(
            page.contains("<code>snu-exchange</code>")
                && page.contains("<code>utokyo-exchange</code>")
        );
        assert!(
            page.contains("adds the partner organisation `seoul-national-university`"),
            "{page}"
        );
        assert!(
            app.registry()
                .get::<Agreement>("snu-exchange")
                .await
                .unwrap()
                .is_none(),
            "a preview writes nothing"
        );

        let apply = hidden_fields(&preview.body, "/admin/import/apply");
        let done = post_fields(&mut browser, &app, "/admin/import/apply", &apply).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert!(
            unescape(&done.body)
                .contains("Imported as one change set (revisions 31–33): 3 created, 0 changed."),
            "{}",
            done.body
        );
        assert!(
            app.registry()
                .get::<Agreement>("snu-exchange")
                .await
                .unwrap()
                .is_some()
        );
        // Unsigned, the imported agreements are drafts: staff see them, the public not.
        let snapshot = app.state.snapshot().await;
        assert!(
            snapshot
                .agreements
                .iter()
                .any(|a| a.id.as_str() == "snu-exchange"),
            "the snapshot follows the import"
        );

        let revert = hidden_fields(&done.body, "/admin/import/revert");
        let reverted = post_fields(&mut browser, &app, "/admin/import/revert", &revert).await;
        assert_eq!(reverted.status, StatusCode::OK, "{}", reverted.body);
        assert!(
            unescape(&reverted.body)
                .contains("Reverted the change set of revisions 31–33 in one step")
        );
        assert!(
            app.registry()
                .get::<Agreement>("snu-exchange")
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            app.registry()
                .get::<Organisation>("seoul-national-university")
                .await
                .unwrap()
                .is_none()
        );
    })
    .await;
}

#[tokio::test]
async fn bad_files_and_error_rows_are_shown_and_write_nothing() {
    on_each_database(async |app: TestApp| {
        let (mut browser, csrf) = signed_in(&app, "editor@ki.se", Role::Admin).await;
        let before = app.store.revision().await.unwrap();
        let orgs = b"id,name,kind,country,city,website\nx,X,education,JP,Tokyo,https://x.jp\n";
        let wrong = browser.send(&app, upload(Some(&csrf), "agreements", "orgs.csv", orgs)).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unescape(&wrong.body).contains("orgs.csv cannot be imported: this sheet holds organisations, not agreements"), "{}", wrong.body);

        let errors = "title,kind,level,partner\nGood,mou,central,utokyo\nBad,memo,central,University of Tokio\n";
        let preview = browser.send(&app, upload(Some(&csrf), "agreements", "errors.csv", errors.as_bytes())).await;
        assert_eq!(preview.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = unescape(&preview.body);
        assert!(page.contains("Column <strong>kind</strong>: unknown agreement kind `memo`"), "{page}");
        assert!(page.contains("Some rows have errors: nothing will be written."));
        assert!(!page.contains("action=\"/admin/import/apply\""), "no apply button");
        assert_eq!(app.store.revision().await.unwrap(), before);
    })
    .await;
}

#[tokio::test]
async fn the_rows_problems_and_notes_are_in_the_readers_language() {
    on_each_database(async |app: TestApp| {
        let (mut browser, csrf) = signed_in(&app, "admin@ki.se", Role::Admin).await;
        let sheet = "Lärosäte;Land;Titel;Typ;Nivå;Giltig till\nSeoul National University;KR;SNU exchange;student exchange;central;31/31/2030\nNowhere University;;Other exchange;memo;central;2031\n";
        let report = async |browser: &mut Browser, lang: &str| {
            let uri = format!("/admin/import?lang={lang}");
            let upload = upload_to(&uri, Some(&csrf), "agreements", "bad.csv", sheet.as_bytes());
            let page = browser.send(&app, upload).await;
            assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", page.body);
            unescape(&page.body)
        };
        let sv = report(&mut browser, "sv").await;
        for said in [
            "”31/31/2030” är inget datum (skriv 2027-09-01",
            "lägger till partnerorganisationen ”seoul-national-university” (Seoul National University, KR)",
            "”Nowhere University” finns inte i registret; ange dess land för att lägga till den",
            "”memo” är inte ett av de tillåtna orden",
        ] {
            assert!(sv.contains(said), "{said} in {sv}");
        }
        let ja = report(&mut browser, "ja").await;
        for said in [
            "「31/31/2030」は日付ではありません",
            "提携先機関「seoul-national-university」（Seoul National University、KR）を追加します",
            "「Nowhere University」は登録されていません",
            "「memo」は使える語ではありません",
        ] {
            assert!(ja.contains(said), "{said} in {ja}");
        }
        let orgs = b"id,name,kind,country,city,website\nx,X,education,JP,Tokyo,https://x.jp\n";
        let upload = upload_to("/admin/import?lang=sv", Some(&csrf), "agreements", "orgs.csv", orgs);
        let wrong = unescape(&browser.send(&app, upload).await.body);
        assert!(wrong.contains("det här arket innehåller organisationer, inte avtal"), "{wrong}");
        let en = report(&mut browser, "en").await;
        assert!(en.contains("`31/31/2030` is not a date (write 2027-09-01"), "{en}");
        assert!(en.contains("unknown agreement kind `memo`"), "{en}");
    })
    .await;
}

#[tokio::test]
async fn a_registry_changed_since_the_preview_is_previewed_again() {
    on_each_database(async |app: TestApp| {
        let (mut browser, csrf) = signed_in(&app, "admin@ki.se", Role::Admin).await;
        let sheet = "id,valid_until\ntmu-student-exchange,2030-08-31\n";
        let preview = browser
            .send(
                &app,
                upload(Some(&csrf), "agreements", "dates.csv", sheet.as_bytes()),
            )
            .await;
        assert!(
            unescape(&preview.body).contains("1 row: 0 created, 1 changed"),
            "{}",
            preview.body
        );
        let apply = hidden_fields(&preview.body, "/admin/import/apply");

        let registry = app.registry();
        let mut tmu = registry
            .get::<Agreement>("tmu-student-exchange")
            .await
            .unwrap()
            .unwrap()
            .record;
        tmu.valid_until = Some("2030-08-31".parse().unwrap());
        registry.save(&tmu, Expect::Any, "someone").await.unwrap();
        app.state.refresh().await.unwrap();
        let before = app.store.revision().await.unwrap();

        let again = post_fields(&mut browser, &app, "/admin/import/apply", &apply).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        let page = unescape(&again.body);
        assert!(
            page.contains("The registry changed since the preview"),
            "{page}"
        );
        assert!(page.contains("0 changed, 1 unchanged"), "{page}");
        assert_eq!(
            app.store.revision().await.unwrap(),
            before,
            "nothing written"
        );
    })
    .await;
}

#[tokio::test]
async fn viewers_import_nothing() {
    let app = spawn_app().await;
    add_user(&app, "viewer@ki.se", Role::Viewer).await;
    let mut browser = Browser::new();
    browser.login(&app, "viewer@ki.se", PASSWORD).await;
    let page = browser.get(&app, "/admin/import").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_sheet_larger_than_the_json_limit_is_previewed() {
    on_each_database(async |app: TestApp| {
        let (mut browser, csrf) = signed_in(&app, "admin@ki.se", Role::Admin).await;
        // 3 MB: past the 2 MB of a JSON body, within the upload limit.
        let mut sheet = SHEET.as_bytes().to_vec();
        sheet.extend(std::iter::repeat_n(b'\n', 3 * 1024 * 1024));
        let preview = browser
            .send(&app, upload(Some(&csrf), "agreements", "big.csv", &sheet))
            .await;
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
        assert!(
            unescape(&preview.body).contains("2 rows: 2 created"),
            "{}",
            preview.body
        );
    })
    .await;
}
