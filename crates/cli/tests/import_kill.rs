//! A ROR import killed with SIGKILL at any moment leaves the database as it
//! was before the command: never a part of the file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use kizuna_domain::RecordSet;
use kizuna_storage::ListFilter;

const RECORDS: usize = 20_000;

/// A ROR v2 file of `n` generated organisations.
fn ror_file(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join("ror.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..n {
        let record = serde_json::json!({
            "id": format!("https://ror.org/0kz{i:06}"),
            "status": "active",
            "types": ["education"],
            "names": [{"value": format!("Kill Test University {i}"), "lang": "en", "types": ["ror_display", "label"]}],
            "locations": [{"geonames_id": 1850147, "geonames_details": {
                "country_code": "JP", "name": "Tokyo", "lat": 35.6895, "lng": 139.69171}}],
            "links": [], "external_ids": [], "relationships": [], "domains": [],
        });
        writeln!(out, "{record}").unwrap();
    }
    out.flush().unwrap();
    path
}

fn kizuna(url: &str, dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kizuna"));
    command
        .arg("--database-url")
        .arg(url)
        .arg("--data-dir")
        .arg(dir)
        .env("RUST_LOG", "warn");
    command
}

fn organisations(url: &str) -> usize {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = kizuna_storage::connect(url).await.unwrap();
        let all = store
            .list(RecordSet::Organisations, &ListFilter::default())
            .await
            .unwrap();
        store.close().await;
        all.len()
    })
}

/// Starts an import, kills it after `delay` and says whether it had
/// finished by then.
fn import_and_kill(url: &str, dir: &Path, file: &Path, delay: Duration) -> bool {
    let mut child = kizuna(url, dir)
        .args(["import", "ror"])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let finished = child.try_wait().unwrap().is_some_and(|s| s.success());
    child.kill().ok();
    child.wait().unwrap();
    finished
}

fn killed_imports_change_nothing(url: &str) {
    let dir = std::env::temp_dir().join(format!("kizuna-kill-{}", uuid_like()));
    std::fs::create_dir_all(&dir).unwrap();
    let demo = kizuna(url, &dir).arg("demo").output().unwrap();
    assert!(demo.status.success(), "{demo:?}");
    let before = organisations(url);
    let file = ror_file(&dir, RECORDS);
    // From before the first batch is read to deep into the writing: each kill
    // lands somewhere else in the import, and none may leave a part of it.
    let mut killed = 0;
    for ms in [100, 500, 1_000, 2_000, 3_500] {
        let finished = import_and_kill(url, &dir, &file, Duration::from_millis(ms));
        let now = organisations(url);
        if finished {
            assert_eq!(now, before + RECORDS, "a finished import wrote everything");
            break;
        }
        // The kill may land after the commit but before the process exits:
        // then all of the file is there, which is allowed; a part never is.
        assert!(
            now == before || now == before + RECORDS,
            "killed after {ms} ms, the import left {} organisations",
            now - before
        );
        if now == before {
            killed += 1;
        }
    }
    assert!(killed > 0, "no import was killed before it wrote anything");
    let done = kizuna(url, &dir)
        .args(["import", "ror"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(done.status.success(), "{done:?}");
    assert_eq!(organisations(url), before + RECORDS);
}

fn uuid_like() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

#[test]
fn a_killed_import_leaves_sqlite_as_it_was() {
    killed_imports_change_nothing(&kizuna_storage::testing::fresh_sqlite_url());
}

#[test]
fn a_killed_import_leaves_postgresql_as_it_was() {
    let url = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(kizuna_storage::testing::fresh_postgres_url());
    let Some(url) = url else { return };
    killed_imports_change_nothing(&url);
}
