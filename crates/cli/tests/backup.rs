//! `kizuna backup` and `kizuna restore` run as a user would, from SQLite to
//! PostgreSQL and back; what was restored is checked through the real
//! router: documents download byte for byte, accounts sign in, API tokens
//! work, history is the same and new writes continue its revisions.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use kizuna_core::{Registry, Store};
use kizuna_storage::testing;
use kizuna_web::{AppState, WebSettings};
use tower::ServiceExt;

const PASSWORD: &str = "correct-horse-battery-staple";
const AGREEMENT: &str = "/api/v1/agreements/riken-phd-exchange";

/// A database and the data folder beside it.
struct Deployment {
    url: String,
    dir: PathBuf,
}

impl Deployment {
    fn new(url: String) -> Self {
        let dir = std::env::temp_dir().join(format!("kizuna-backup-{}", unique()));
        std::fs::create_dir_all(&dir).unwrap();
        Deployment { url, dir }
    }

    /// A SQLite file inside the data folder, so both go when the test ends.
    fn sqlite() -> Self {
        let mut deployment = Deployment::new(String::new());
        deployment.url = format!("sqlite://{}", deployment.dir.join("kizuna.db").display());
        deployment
    }

    /// A PostgreSQL deployment, or SQLite where no server is configured.
    async fn postgres_or_sqlite() -> Self {
        match testing::fresh_postgres_url().await {
            Some(url) => Deployment::new(url),
            None => Deployment::sqlite(),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kizuna"));
        command
            .args(args)
            .arg("--database-url")
            .arg(&self.url)
            .arg("--data-dir")
            .arg(&self.dir)
            .env_remove("KIZUNA_DATABASE_URL")
            .env("RUST_LOG", "warn");
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs a command that must succeed and returns its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "kizuna {args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// Demo data, an admin with a password and an API token (returned).
    fn seed(&self) -> String {
        self.ok(&["demo"]);
        let mut add = self
            .command(&["user", "add", "anna@ki.se", "--role", "admin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        writeln!(add.stdin.take().unwrap(), "{PASSWORD}").unwrap();
        assert!(add.wait().unwrap().success());
        let out = self.ok(&["user", "token", "anna@ki.se", "--name", "ci"]);
        out.lines().last().unwrap().trim().to_owned()
    }

    async fn store(&self) -> Arc<dyn Store> {
        kizuna_storage::connect(&self.url).await.unwrap()
    }

    async fn app(&self) -> App {
        let store = self.store().await;
        let state = AppState::new(Registry::new(store.clone()), WebSettings::default())
            .await
            .unwrap();
        App {
            router: kizuna_web::router(state),
            store,
        }
    }
}

impl Drop for Deployment {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn unique() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

/// The application over a deployment's database, driven in-process.
struct App {
    router: axum::Router,
    store: Arc<dyn Store>,
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }

    fn etag(&self) -> i64 {
        let etag = self.headers[header::ETAG].to_str().unwrap();
        etag.trim_matches('"').parse().unwrap()
    }
}

impl App {
    async fn send(&self, mut request: Request<Body>) -> Reply {
        let client = SocketAddr::from(([192, 0, 2, 1], 40000));
        request.extensions_mut().insert(ConnectInfo(client));
        let response = self.router.clone().oneshot(request).await.unwrap();
        let (status, headers) = (response.status(), response.headers().clone());
        let body = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: body.to_vec(),
        }
    }

    async fn get(&self, token: &str, uri: &str) -> Reply {
        let request = Request::get(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        self.send(request).await
    }

    /// Uploads a document to the agreement and returns the reply (201, with the new ETag).
    async fn upload(&self, token: &str, name: &str, bytes: &[u8]) -> Reply {
        let request = Request::post(format!("{AGREEMENT}/documents"))
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/pdf")
            .header(
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            )
            .body(Body::from(bytes.to_vec()))
            .unwrap();
        let reply = self.send(request).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
        reply
    }

    /// Signs in through the form at /login, as a browser does.
    async fn sign_in(&self, email: &str, password: &str) -> Reply {
        let form = self
            .send(Request::get("/login").body(Body::empty()).unwrap())
            .await;
        assert_eq!(form.status, StatusCode::OK);
        let cookie = form.headers[header::SET_COOKIE].to_str().unwrap();
        let cookie = cookie.split(';').next().unwrap().to_owned();
        let html = String::from_utf8(form.body).unwrap();
        let start = html.find(r#"name="csrf" value=""#).unwrap() + 19;
        let csrf = html[start..].split('"').next().unwrap();
        let fields = [("email", email), ("password", password), ("csrf", csrf)];
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        let request = Request::post("/login")
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.join("&")))
            .unwrap();
        self.send(request).await
    }
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A PDF-like file with every byte value in it.
fn pdf(seed: u8) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..=255u8).map(|b| b.wrapping_add(seed)));
    bytes.extend(std::iter::repeat_n(seed, 100_000));
    bytes
}

/// Backs `from` up and restores it into `to`, checking what arrived; returns the
/// agreement's history as the API gives it.
async fn copy(from: &Deployment, to: &Deployment, token: &str, documents: &[(String, Vec<u8>)]) {
    let file = from.dir.join("backup.jsonl.gz");
    let out = from.ok(&["backup", file.to_str().unwrap()]);
    assert!(out.contains("Backed up"), "{out}");
    let source = from.store().await;
    let history = source.changes_since(0, i64::MAX).await.unwrap();
    let revision = source.revision().await.unwrap();
    source.close().await;

    let out = to.ok(&["restore", file.to_str().unwrap()]);
    assert!(out.contains("Restored") && out.contains("Indexed"), "{out}");
    let index = kizuna_search::SearchIndex::open_or_create(&to.dir.join("index")).unwrap();
    assert_eq!(
        index.indexed_revision(),
        revision,
        "the search index was rebuilt"
    );
    drop(index);

    let app = to.app().await;
    assert_eq!(
        app.store.changes_since(0, i64::MAX).await.unwrap(),
        history,
        "the same revisions, actors, times and documents"
    );
    for (id, bytes) in documents {
        let download = app.get(token, &format!("{AGREEMENT}/documents/{id}")).await;
        assert_eq!(download.status, StatusCode::OK, "the API token still works");
        assert!(
            download.body == *bytes,
            "document {id} comes back byte for byte"
        );
    }
    let api = app.get(token, &format!("{AGREEMENT}/history")).await;
    assert_eq!(api.status, StatusCode::OK);
    let actors: Vec<String> = api.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actor"].as_str().unwrap().to_owned())
        .collect();
    assert!(actors.contains(&"anna@ki.se".to_owned()), "{actors:?}");

    let signed_in = app.sign_in("anna@ki.se", PASSWORD).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    assert_eq!(signed_in.headers[header::LOCATION], "/admin", "signed in");
    let refused = app.sign_in("anna@ki.se", "not-the-password-at-all").await;
    assert_ne!(refused.status, StatusCode::SEE_OTHER);
    app.store.close().await;
}

#[tokio::test]
async fn everything_moves_from_sqlite_to_postgres_and_back() {
    let sqlite = Deployment::sqlite();
    let token = sqlite.seed();
    let app = sqlite.app().await;
    let first = pdf(1);
    let uploaded = app.upload(&token, "signed.pdf", &first).await;
    let mut documents = vec![(uploaded.json()["id"].as_str().unwrap().to_owned(), first)];
    app.store.close().await;

    let postgres = Deployment::postgres_or_sqlite().await;
    copy(&sqlite, &postgres, &token, &documents).await;

    // Writes after the restore continue the revisions, and go with the next backup.
    let app = postgres.app().await;
    let restored = app.store.revision().await.unwrap();
    let second = pdf(2);
    let uploaded = app.upload(&token, "annex.pdf", &second).await;
    assert_eq!(
        uploaded.etag(),
        restored + 1,
        "above every restored revision"
    );
    documents.push((uploaded.json()["id"].as_str().unwrap().to_owned(), second));
    app.store.close().await;

    let back = Deployment::sqlite();
    copy(&postgres, &back, &token, &documents).await;
}

/// The database's revision and accounts: what must not change when a restore fails.
async fn state(deployment: &Deployment) -> (i64, Vec<String>) {
    let store = deployment.store().await;
    let revision = store.revision().await.unwrap();
    let users = store.list_users().await.unwrap();
    store.close().await;
    (
        revision,
        users.iter().map(|u| u.email.to_string()).collect(),
    )
}

#[track_caller]
fn refused(out: &Output, says: &str) {
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(says), "{stderr}");
}

#[tokio::test]
async fn restores_refuse_what_they_cannot_do_whole() {
    let source = Deployment::sqlite();
    source.seed();
    let file = source.dir.join("backup.jsonl");
    source.ok(&["backup", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&file).unwrap();

    let target = Deployment::sqlite();
    target.ok(&["demo"]);
    let before = state(&target).await;
    let restore = |path: &Path, force: bool| {
        let mut args = vec!["restore", path.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        target.run(&args)
    };
    refused(&restore(&file, false), "is not empty");
    refused(&restore(&file, false), "--force");

    let write = |name: &str, text: &str| {
        let path = target.dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let lines: Vec<&str> = text.lines().collect();
    let cut = write("cut.jsonl", &lines[..lines.len() - 1].join("\n"));
    refused(&restore(&cut, true), "incomplete");
    let record = lines
        .iter()
        .position(|l| l.starts_with(r#"{"record""#))
        .unwrap();
    let mut bad = lines.clone();
    let broken = bad[record].replace(r#""kind":"#, r#""kind":17,"was":"#);
    bad[record] = &broken;
    let bad = write("bad.jsonl", &bad.join("\n"));
    refused(&restore(&bad, true), &format!("line {}", record + 1));
    let newer = text.replacen(r#""version":1"#, r#""version":2"#, 1);
    refused(
        &restore(&write("newer.jsonl", &newer), true),
        "format version 2",
    );
    let dataset = target.ok(&["export", "json"]);
    refused(
        &restore(&write("old.json", &dataset), true),
        "kizuna import json",
    );
    refused(
        &restore(&write("notes.txt", "not a backup\n"), true),
        "not a Kizuna backup",
    );
    refused(
        &target.run(&["import", "json", file.to_str().unwrap()]),
        "kizuna restore",
    );
    assert_eq!(state(&target).await, before, "no refusal changed anything");

    target.ok(&["restore", "--force", file.to_str().unwrap()]);
    assert_eq!(state(&target).await, state(&source).await);
}

#[test]
fn help_describes_backup_and_restore() {
    let out = Command::new(env!("CARGO_BIN_EXE_kizuna"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("backup") && help.contains("Write a complete backup"),
        "{help}"
    );
    assert!(
        help.contains("restore") && help.contains("Restore a backup"),
        "{help}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_kizuna"))
        .args(["restore", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("--force") && help.contains("empty database"),
        "{help}"
    );
}

const RECORDS: usize = 5_000;

/// A backup of `RECORDS` generated organisations, written by `kizuna backup`
/// (in the folder of the deployment it came from, which goes when that does).
async fn big_backup() -> (Deployment, PathBuf) {
    let source = Deployment::sqlite();
    let store = source.store().await;
    let changes = (0..RECORDS)
        .map(|i| {
            let organisation: kizuna_domain::Organisation =
                serde_json::from_value(serde_json::json!({
                    "id": format!("org-{i:05}"), "kind": "education", "country": "JP",
                    "names": [{"value": format!("Restore Kill University {i}"), "kind": "display"}],
                }))
                .unwrap();
            Registry::put(&organisation, kizuna_core::Expect::Absent)
        })
        .collect();
    store.apply(changes, "generator").await.unwrap();
    store.close().await;
    let file = source.dir.join("big.jsonl");
    source.ok(&["backup", file.to_str().unwrap()]);
    (source, file)
}

/// Restores with `--force` and kills the process at several moments: each time
/// the database is as before, unless the restore had finished.
async fn killed_restores_change_nothing(target: Deployment) {
    let (_source, file) = big_backup().await;
    target.seed();
    let before = state(&target).await;
    let mut killed = 0;
    for ms in [50, 150, 300, 600, 1_000, 2_000] {
        let mut child = target
            .command(&["restore", "--force", file.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let finished = child.try_wait().unwrap().is_some_and(|s| s.success());
        child.kill().ok();
        child.wait().unwrap();
        let now = state(&target).await;
        let whole = (RECORDS as i64, Vec::new());
        if finished {
            assert_eq!(now, whole, "a finished restore wrote everything");
            break;
        }
        killed += 1;
        // A kill after the commit (while the search index is rebuilt) finds
        // the restore whole; any other moment finds the database as it was.
        assert!(
            now == before || now == whole,
            "killed after {ms} ms, the restore left a part: {now:?}"
        );
        if now == whole {
            break;
        }
    }
    assert!(killed > 0, "no restore was killed before it finished");
    target.ok(&["restore", "--force", file.to_str().unwrap()]);
    assert_eq!(
        state(&target).await,
        (RECORDS as i64, Vec::new()),
        "a restore left alone replaces everything"
    );
}

#[tokio::test]
async fn a_killed_restore_leaves_sqlite_as_it_was() {
    killed_restores_change_nothing(Deployment::sqlite()).await;
}

#[tokio::test]
async fn a_killed_restore_leaves_postgresql_as_it_was() {
    let Some(url) = testing::fresh_postgres_url().await else {
        return;
    };
    killed_restores_change_nothing(Deployment::new(url)).await;
}
