//! Files staff upload that cannot be read at all (a sheet that is binary, a
//! workbook that is not one, columns that mean the same, a wrong mapping
//! file, a partner's EWP file that is not XML) are explained on the admin
//! pages in the reader's language; the CLI and the JSON keep the English.
//! On SQLite and PostgreSQL.

#[path = "auth/browser.rs"]
mod browser;
mod common;
#[path = "admin/support.rs"]
#[allow(dead_code)]
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{TestApp, spawn_app, spawn_app_on_postgres};
use kizuna_domain::Role;
use support::{Staff, send, signed_in, unescape};

async fn on_each_database(test: impl AsyncFn(TestApp)) {
    test(spawn_app().await).await;
    if let Some(app) = spawn_app_on_postgres().await {
        test(app).await;
    }
}

/// A multipart body of `(name, file name, content)` parts, `None` for a plain field.
fn multipart(uri: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Request<Body> {
    let mut body = Vec::new();
    for (name, file_name, content) in parts {
        let head = match file_name {
            Some(f) => format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream"
            ),
            None => format!("Content-Disposition: form-data; name=\"{name}\""),
        };
        body.extend(format!("--BOUNDARY\r\n{head}\r\n\r\n").as_bytes());
        body.extend(*content);
        body.extend(b"\r\n");
    }
    body.extend(b"--BOUNDARY--\r\n");
    Request::post(uri)
        .header(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=BOUNDARY",
        )
        .body(Body::from(body))
        .unwrap()
}

/// What the sheet import page says of `file` (and a mapping file) in `lang`.
async fn sheet_page(
    app: &TestApp,
    staff: &Staff,
    lang: &str,
    (name, file): (&str, &[u8]),
    mapping: &[u8],
) -> String {
    let request = multipart(
        &format!("/admin/import?lang={lang}"),
        &[
            ("csrf", None, staff.csrf.as_bytes()),
            ("collection", None, b"agreements"),
            ("file", Some(name), file),
            ("mapping", Some("mapping.toml"), mapping),
        ],
    );
    let page = send(app, staff, request).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    unescape(&page.body)
}

/// A file as uploaded: its name and bytes.
type Upload = (&'static str, &'static [u8]);
/// The reader's language, the file, the mapping file, and what the page says.
type Case = (&'static str, Upload, &'static [u8], &'static str);

const BINARY: (&str, &[u8]) = ("partners.csv", b"title\0kind\0\x01\x02\n\0\0");
const NOT_A_WORKBOOK: (&str, &[u8]) = ("partners.xlsx", b"PK\x03\x04 cut off");
const TWICE: (&str, &[u8]) = ("twice.csv", b"title,Titel,kind\nA,B,mou\n");
const GOOD: (&str, &[u8]) = ("good.csv", b"title,kind,level\nA,mou,central\n");
const WRONG_MAPPING: &[u8] = b"[columns]\n\"Uni\" = \"university\"\n";

#[tokio::test]
async fn a_sheet_that_cannot_be_read_is_explained_in_the_readers_language() {
    on_each_database(async |app: TestApp| {
        let staff = signed_in(&app, Role::Admin).await;
        let before = app.store.revision().await.unwrap();
        let cases: [Case; 9] = [
            ("sv", BINARY, b"", "partners.csv kan inte importeras: filen innehåller binära data, inte text"),
            ("ja", BINARY, b"", "partners.csvはインポートできません：ファイルにはテキストではなくバイナリデータが含まれています"),
            ("en", BINARY, b"", "partners.csv cannot be imported: the file holds binary data, not text"),
            ("sv", NOT_A_WORKBOOK, b"", "partners.xlsx kan inte importeras: det här är ingen Excel-arbetsbok (.xlsx)"),
            ("ja", NOT_A_WORKBOOK, b"", "これは Excel ブック（.xlsx）ではありません"),
            ("sv", TWICE, b"", "kolumnerna ”title” och ”Titel” betyder båda ”title”"),
            ("ja", TWICE, b"", "列「title」と「Titel」はどちらも「title」を表します"),
            ("sv", GOOD, WRONG_MAPPING, "mappningsfilen är felaktig: ”university” är ingen kolumn för avtal"),
            ("ja", GOOD, WRONG_MAPPING, "対応付けファイルに誤りがあります：「university」は協定の列ではありません"),
        ];
        for (lang, file, mapping, said) in cases {
            let page = sheet_page(&app, &staff, lang, file, mapping).await;
            assert!(page.contains(said), "{lang}: {said} in {page}");
        }
        assert_eq!(app.store.revision().await.unwrap(), before, "nothing written");
    })
    .await;
}

/// What the EWP import page says of `xml` in `lang`.
async fn ewp_page(app: &TestApp, staff: &Staff, lang: &str, xml: &str) -> String {
    let request = multipart(
        &format!("/admin/ewp/import?lang={lang}"),
        &[
            ("csrf", None, staff.csrf.as_bytes()),
            ("file", Some("partner.xml"), xml.as_bytes()),
        ],
    );
    let page = send(app, staff, request).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    unescape(&page.body)
}

#[tokio::test]
async fn a_partner_file_that_cannot_be_read_is_explained_in_the_readers_language() {
    on_each_database(async |app: TestApp| {
        let staff = signed_in(&app, Role::Admin).await;
        let cases = [
            (
                "sv",
                "<iias-get-response>",
                "dokumentet är inte välformad XML: ",
            ),
            (
                "ja",
                "<iias-get-response>",
                "文書が整形式の XML ではありません：",
            ),
            (
                "en",
                "<iias-get-response>",
                "the document is not well-formed XML: ",
            ),
            (
                "sv",
                "<dataset/>",
                "dokumentet är ett <dataset>, inte ett <iias-get-response>",
            ),
            ("ja", "<dataset/>", "文書は <dataset> です。"),
        ];
        for (lang, xml, said) in cases {
            let page = ewp_page(&app, &staff, lang, xml).await;
            assert!(page.contains(said), "{lang}: {said} in {page}");
        }
    })
    .await;
}
