//! The `kizuna` binary, run as a user would.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::{kizuna, stdout, temp_dir};

#[test]
fn demo_loads_once_and_then_changes_nothing() {
    let dir = temp_dir("cli");
    let first = kizuna(&dir, &["demo"]);
    assert!(first.status.success(), "{first:?}");
    assert!(
        stdout(&first).contains("30 created, 0 updated, 0 unchanged"),
        "{}",
        stdout(&first)
    );
    assert!(
        dir.join("kizuna.db").exists(),
        "the SQLite file is created in the data directory"
    );
    let second = kizuna(&dir, &["demo"]);
    assert!(
        stdout(&second).contains("0 created, 0 updated, 30 unchanged (revision 30)"),
        "{}",
        stdout(&second)
    );
}

#[test]
fn backup_restores_into_an_empty_database() {
    let dir = temp_dir("cli");
    kizuna(&dir, &["demo"]);
    let backup = dir.join("backup.json");
    let out = kizuna(&dir, &["backup", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let other = temp_dir("cli");
    let restored = kizuna(&other, &["restore", backup.to_str().unwrap()]);
    assert!(
        stdout(&restored).contains("Restored 30 records"),
        "{}",
        stdout(&restored)
    );
    let again = kizuna(&other, &["export", "json"]);
    let original = kizuna(&dir, &["export", "json"]);
    let strip = |o: &Output| -> serde_json::Value {
        let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        for collection in [
            "organisations",
            "agreements",
            "programmes",
            "funding",
            "contacts",
        ] {
            for record in v[collection].as_array_mut().unwrap() {
                record
                    .as_object_mut()
                    .unwrap()
                    .retain(|k, _| k != "created_at" && k != "updated_at");
            }
        }
        for c in v["countries"].as_array_mut().unwrap() {
            c.as_object_mut().unwrap().remove("updated_at");
        }
        v
    };
    assert_eq!(strip(&again), strip(&original));
}

#[test]
fn a_bad_import_lists_every_problem_and_writes_nothing() {
    let dir = temp_dir("cli");
    let file = dir.join("bad.json");
    std::fs::write(
        &file,
        r#"{"home": "ki", "organisations": [{"id": "ki", "kind": "education", "names": [{"value": "KI", "kind": "acronym"}]}],
            "agreements": [{"id": "a", "kind": "mou", "level": "central", "title": "A", "parties": [{"organisation": "ki"}]},
                           {"id": "b", "kind": "mou", "level": "central", "title": "B", "parties": [{"organisation": "ki"}, {"organisation": "nowhere"}]}]}"#,
    )
    .unwrap();
    let out = kizuna(&dir, &["import", "json", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing was imported; 2 problem(s)"), "{err}");
    assert!(
        err.contains("agreements.a.parties: an agreement needs at least two parties"),
        "{err}"
    );
    assert!(
        err.contains("agreements.b.parties[1].organisation: “nowhere” is not a known organisation"),
        "{err}"
    );
    let export = kizuna(&dir, &["export", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(v["organisations"].as_array().unwrap().len(), 0);
}

#[test]
fn serve_prints_its_address_and_stops_gracefully_on_sigterm() {
    let dir = temp_dir("cli");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kizuna"))
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&dir)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    let url = loop {
        let line = lines.next().expect("serve prints its address").unwrap();
        if let Some(rest) = line.strip_prefix("Kizuna is running at ") {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
        assert!(Instant::now() < deadline);
    };
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    use std::io::{Read, Write};
    write!(
        stream,
        "GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "graceful shutdown exits 0: {status:?}");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l == "Kizuna stopped."), "{rest:?}");
}

#[test]
fn help_names_every_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_kizuna"))
        .arg("--help")
        .output()
        .unwrap();
    let help = stdout(&out);
    for command in [
        "serve", "demo", "migrate", "reindex", "backup", "import", "export", "user",
    ] {
        assert!(help.contains(command), "--help names {command}");
    }
    assert!(help.contains("--database-url"));
}

#[test]
fn ror_import_summarises_and_reimports_without_duplicates() {
    let dir = temp_dir("cli");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../interop/tests/fixtures/ror-sample.jsonl"
    );
    let first = kizuna(&dir, &["import", "ror", fixture]);
    assert!(first.status.success(), "{first:?}");
    assert!(stdout(&first).contains("8 created"), "{}", stdout(&first));
    assert!(
        stdout(&first).contains("skipped line 4"),
        "{}",
        stdout(&first)
    );
    let second = kizuna(&dir, &["import", "ror", fixture]);
    assert!(
        stdout(&second).contains("0 created, 0 updated, 8 unchanged"),
        "{}",
        stdout(&second)
    );
}

#[test]
fn reindex_builds_the_index_in_the_data_directory() {
    let dir = temp_dir("cli");
    kizuna(&dir, &["demo"]);
    let out = kizuna(&dir, &["reindex"]);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout(&out).contains("at revision 30"), "{}", stdout(&out));
    assert!(dir.join("index").join("kizuna-search-version").exists());
}

/// `kizuna ARGS --data-dir DIR` with the environment an operator's shell might
/// have: no `RUST_LOG`, output to a pipe (not a terminal).
fn kizuna_plain(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kizuna"))
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("KIZUNA_DATABASE_URL")
        .env_remove("RUST_LOG")
        .env_remove("NO_COLOR")
        .output()
        .expect("kizuna runs")
}

#[test]
fn one_shot_commands_log_nothing_by_default_and_never_colour_a_pipe() {
    let dir = temp_dir("cli");
    for args in [&["demo"][..], &["migrate"], &["export", "json"]] {
        let out = kizuna_plain(&dir, args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.is_empty(), "{args:?} logged: {err}");
    }
    let verbose = kizuna_plain(&dir, &["-v", "migrate"]);
    let err = String::from_utf8_lossy(&verbose.stderr);
    assert!(
        err.contains("opening the database"),
        "-v asks for more: {err}"
    );
    assert!(
        !err.contains('\u{1b}'),
        "no colour codes on a pipe: {err:?}"
    );
}

#[test]
fn every_failure_starts_with_the_same_error_prefix() {
    let dir = temp_dir("cli");
    let missing = dir.join("missing.json");
    for args in [
        vec!["import", "json", missing.to_str().unwrap()],
        vec!["no-such-command"],
        vec!["--config", missing.to_str().unwrap(), "migrate"],
    ] {
        let out = kizuna_plain(&dir, &args);
        assert_eq!(out.status.code().map(|c| c != 0), Some(true), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(!err.contains("Error:"), "{args:?}: {err}");
    }
}

#[test]
fn a_file_that_is_not_ror_fails_the_import_and_says_what_to_use() {
    let dir = temp_dir("cli");
    kizuna(&dir, &["demo"]);
    let backup = dir.join("backup.json");
    assert!(
        kizuna(&dir, &["backup", backup.to_str().unwrap()])
            .status
            .success()
    );
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    let withdrawn = dir.join("withdrawn.jsonl");
    std::fs::write(
        &withdrawn,
        r#"{"id": "https://ror.org/007gp5s15", "status": "withdrawn", "names": []}"#,
    )
    .unwrap();
    for file in [&backup, &empty, &withdrawn] {
        let out = kizuna(&dir, &["import", "ror", file.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {err}", file.display());
        assert!(err.contains("nothing was imported"), "{err}");
        assert!(err.contains("`kizuna import json FILE`"), "{err}");
    }
    let err =
        String::from_utf8_lossy(&kizuna(&dir, &["import", "ror", backup.to_str().unwrap()]).stderr)
            .into_owned();
    assert!(
        err.contains("missing field `id`"),
        "the first problem is named: {err}"
    );
    let export = kizuna(&dir, &["export", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(
        v["organisations"].as_array().unwrap().len(),
        15,
        "unchanged"
    );
}
