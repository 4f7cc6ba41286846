//! `kizuna import csv|xlsx` and `kizuna export csv|xlsx`, run as a user would:
//! exports read back unchanged, `--dry-run` writes nothing, and every bad
//! sheet or error row ends with exit status 1 and nothing written.

mod support;

use std::path::{Path, PathBuf};

use support::{kizuna, text};

/// A data directory with the Japan dataset loaded.
fn demo_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kizuna-sheets-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let demo = kizuna(&dir, &["demo"]);
    assert!(demo.status.success(), "{demo:?}");
    dir
}

fn write(dir: &Path, name: &str, content: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.display().to_string()
}

/// The registry's revision, read from a JSON export.
fn agreements_json(dir: &Path) -> serde_json::Value {
    let out = kizuna(dir, &["export", "json"]);
    assert!(out.status.success());
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["agreements"].clone()
}

#[test]
fn exports_import_back_unchanged_and_filters_narrow_them() {
    let dir = demo_dir("roundtrip");
    for (format, collection) in [
        ("csv", "agreements"),
        ("xlsx", "organisations"),
        ("csv", "contacts"),
    ] {
        let file = dir
            .join(format!("{collection}.{format}"))
            .display()
            .to_string();
        let out = kizuna(
            &dir,
            &["export", format, "--collection", collection, "--out", &file],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let back = kizuna(&dir, &["import", format, &file, "--collection", collection]);
        assert!(back.status.success(), "{}", text(&back.stdout));
        let report = text(&back.stdout);
        assert!(
            report.contains(" 0 created, 0 changed,") && report.contains("0 with errors"),
            "{report}"
        );
        assert!(report.contains("Nothing to write"), "{report}");
    }
    let csv = kizuna(
        &dir,
        &[
            "export",
            "csv",
            "--collection",
            "agreements",
            "--country",
            "jp",
            "--kind",
            "student_exchange",
        ],
    );
    assert!(csv.status.success(), "{}", text(&csv.stderr));
    let sheet = text(&csv.stdout);
    assert!(
        sheet.starts_with("\u{feff}id,title,kind,level,partner,"),
        "{sheet}"
    );
    assert!(sheet.contains("\ntmu-student-exchange,"), "{sheet}");
    for other in ["riken-phd-exchange", "trio-utokyo-spa"] {
        assert!(
            !sheet.contains(&format!("\n{other},")),
            "{other} is not a student exchange"
        );
    }
    let bad = kizuna(
        &dir,
        &[
            "export",
            "csv",
            "--collection",
            "contacts",
            "--level",
            "central",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("`level` does not filter contacts"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn a_dry_run_reports_and_writes_nothing_then_the_import_writes_one_change_set() {
    let dir = demo_dir("dryrun");
    let sheet = "Lärosäte;Land;Titel;Typ;Nivå;Giltig till\nSeoul National University;KR;SNU exchange;student exchange;central;31/08/2030\n";
    let file = write(&dir, "new.csv", sheet.as_bytes());
    let before = agreements_json(&dir);
    let dry = kizuna(
        &dir,
        &[
            "import",
            "csv",
            &file,
            "--collection",
            "agreements",
            "--dry-run",
        ],
    );
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let report = text(&dry.stdout);
    assert!(report.contains("row 2: created snu-exchange"), "{report}");
    assert!(
        report.contains("adds the partner organisation `seoul-national-university`"),
        "{report}"
    );
    assert!(report.contains("Dry run: nothing was written."), "{report}");
    assert_eq!(agreements_json(&dir), before);
    let real = kizuna(
        &dir,
        &["import", "csv", &file, "--collection", "agreements"],
    );
    assert!(real.status.success(), "{}", text(&real.stderr));
    assert!(
        text(&real.stdout)
            .contains("Written as one change set: revisions 31–32 (2 created, 0 updated)."),
        "{}",
        text(&real.stdout)
    );
    assert_eq!(
        agreements_json(&dir).as_array().unwrap().len(),
        before.as_array().unwrap().len() + 1
    );
}

#[test]
fn a_mapping_file_names_columns_and_defaults() {
    let dir = demo_dir("mapping");
    let sheet = "Uni,Name of the deal\nThe University of Tokyo,Mapped agreement\n";
    let file = write(&dir, "mapped.csv", sheet.as_bytes());
    let map = write(&dir, "map.toml", b"[columns]\n\"Uni\" = \"partner_name\"\n\"Name of the deal\" = \"title\"\n[defaults]\nkind = \"mou\"\nlevel = \"central\"\n");
    let out = kizuna(
        &dir,
        &[
            "import",
            "csv",
            &file,
            "--collection",
            "agreements",
            "--map",
            &map,
            "--dry-run",
        ],
    );
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("row 2: created mapped-agreement"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn bad_sheets_and_error_rows_exit_1_and_write_nothing() {
    let dir = demo_dir("bad");
    let before = agreements_json(&dir);
    let error_row = "title,kind,level,partner,valid_from\nGood one,mou,central,utokyo,2027\nBad one,memo,central,utokyo,soon\n";
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "csv".into(),
                write(&dir, "errors.csv", error_row.as_bytes()),
                "--collection".into(),
                "agreements".into(),
            ],
            "nothing was imported: 1 row(s) have errors",
        ),
        (
            vec![
                "xlsx".into(),
                write(&dir, "fake.xlsx", b"not a workbook at all"),
                "--collection".into(),
                "agreements".into(),
            ],
            "this is not an Excel .xlsx workbook",
        ),
        (
            vec![
                "csv".into(),
                write(&dir, "binary.csv", &[0, 1, 2, 0, 255, 0, 7, 0, 0, 3]),
                "--collection".into(),
                "agreements".into(),
            ],
            "the file holds binary data, not text",
        ),
        (
            vec![
                "csv".into(),
                write(
                    &dir,
                    "orgs.csv",
                    b"id,name,kind,country,city,website\nx,X,education,JP,Tokyo,https://x.jp\n",
                ),
                "--collection".into(),
                "agreements".into(),
            ],
            "this sheet holds organisations, not agreements",
        ),
        (
            vec![
                "csv".into(),
                write(&dir, "empty.csv", b"title,kind,level,partner\n,,,\n\n"),
                "--collection".into(),
                "agreements".into(),
            ],
            "the sheet has no rows with data under its header",
        ),
        (
            vec![
                "csv".into(),
                write(&dir, "nocollection.csv", error_row.as_bytes()),
            ],
            "say which collection the sheet holds with --collection",
        ),
    ];
    for (args, message) in cases {
        let mut full = vec!["import".to_owned()];
        full.extend(args);
        let full: Vec<&str> = full.iter().map(String::as_str).collect();
        let out = kizuna(&dir, &full);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{full:?}: {}",
            text(&out.stdout)
        );
        assert!(
            text(&out.stderr).contains(message),
            "{full:?}: {}",
            text(&out.stderr)
        );
    }
    let errors = kizuna(
        &dir,
        &[
            "import",
            "csv",
            &dir.join("errors.csv").display().to_string(),
            "--collection",
            "agreements",
            "--dry-run",
        ],
    );
    assert_eq!(
        errors.status.code(),
        Some(1),
        "a dry run with error rows fails too"
    );
    let report = text(&errors.stdout);
    assert!(report.contains("row 2: created good-one"), "{report}");
    assert!(
        report.contains("row 3: error in column kind: unknown agreement kind `memo`"),
        "{report}"
    );
    assert!(
        report.contains("row 3: error in column valid_from: `soon` is not a date"),
        "{report}"
    );
    assert_eq!(agreements_json(&dir), before, "nothing was written");
}
