//! ROR import against real databases: every test runs on a fresh SQLite file
//! and, when a server is configured, on a fresh PostgreSQL database.
//!
//! `fixtures/ror-sample.jsonl` holds real ROR v2 records (UTokyo, RIKEN, a
//! RIKEN centre, Tokyo Metropolitan University, Karolinska Institutet, two
//! hospitals sharing a name, a withdrawn hospital), a truncated line 4, and a
//! made-up record with only a Japanese name and a dangling relationship.

use std::future::Future;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use kizuna_core::{Expect, ListFilter, Registry};
use kizuna_domain::{NameKind, Organisation, OrganisationKind};
use kizuna_interop::InteropError;
use kizuna_interop::ror::{self, ImportSummary, RorImport};
use kizuna_storage::testing;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/ror-sample.jsonl"
);

/// Runs `test` on SQLite, then on PostgreSQL when one is configured.
async fn on_each_database<F, Fut>(test: F)
where
    F: Fn(Registry) -> Fut,
    Fut: Future<Output = ()>,
{
    test(Registry::new(testing::fresh_sqlite().await.unwrap())).await;
    if let Some(store) = testing::fresh_postgres().await {
        test(Registry::new(store.unwrap())).await;
    }
}

/// A file of its own for one test, in the temporary folder.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("kizuna-ror-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The fixture's lines that are whole records.
fn sample_records() -> Vec<serde_json::Value> {
    std::fs::read_to_string(SAMPLE)
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

async fn import(registry: &Registry, path: &Path) -> ImportSummary {
    ror::import(registry, path, &|_, _| {}).await.unwrap()
}

async fn org(registry: &Registry, id: &str) -> Organisation {
    registry
        .get::<Organisation>(id)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{id} was not imported"))
        .record
}

async fn all_orgs(registry: &Registry) -> Vec<Organisation> {
    let mut orgs: Vec<Organisation> = registry
        .list::<Organisation>(&ListFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.record)
        .collect();
    for o in &mut orgs {
        o.created_at = None;
        o.updated_at = None;
    }
    orgs
}

fn names_of(org: &Organisation, kind: NameKind) -> Vec<&str> {
    org.names
        .iter()
        .filter(|n| n.kind == kind)
        .map(|n| n.value.as_str())
        .collect()
}

#[tokio::test]
async fn import_creates_organisations_with_japanese_names() {
    on_each_database(|registry| async move {
        let calls = Mutex::new(Vec::new());
        let progress = |read, total| calls.lock().unwrap().push((read, total));
        let summary = ror::import(&registry, Path::new(SAMPLE), &progress)
            .await
            .unwrap();
        assert_eq!(
            (summary.read, summary.created, summary.updated, summary.unchanged),
            (10, 8, 0, 0),
            "{summary}"
        );
        let size = std::fs::metadata(SAMPLE).unwrap().len();
        assert_eq!(calls.lock().unwrap().last(), Some(&(size, size)));

        let utokyo = org(&registry, "the-university-of-tokyo").await;
        assert_eq!(utokyo.kind, OrganisationKind::Education);
        assert_eq!(utokyo.display_name(), "The University of Tokyo");
        let ja = utokyo.names.iter().find(|n| n.value == "東京大学").unwrap();
        assert_eq!((ja.kind, ja.lang.as_ref().unwrap().as_str()), (NameKind::Label, "ja"));
        assert_eq!(utokyo.acronym(), Some("UT"));
        assert_eq!(utokyo.country.unwrap().as_str(), "JP");
        assert_eq!(utokyo.city.as_deref(), Some("Tokyo"));
        assert_eq!(utokyo.website.as_deref(), Some("https://www.u-tokyo.ac.jp"));
        assert_eq!(utokyo.established, Some(1877));
        let ids = &utokyo.identifiers;
        assert_eq!(ids.ror.as_deref(), Some("057zh3y96"));
        assert_eq!(ids.wikidata.as_deref(), Some("Q7842"));
        assert_eq!(ids.isni.as_deref(), Some("0000 0001 2169 1048"));
        assert_eq!(ids.grid.as_deref(), Some("grid.26999.3d"));

        // Facility and funder: a facility. No preferred ISNI: the first one.
        let riken = org(&registry, "riken").await;
        assert_eq!(riken.kind, OrganisationKind::Facility);
        assert_eq!(names_of(&riken, NameKind::Label), ["理化学研究所"]);
        assert_eq!(riken.identifiers.isni.as_deref(), Some("0000 0000 9446 5255"));
        assert_eq!(riken.city.as_deref(), Some("Wako"));

        // A RIKEN centre stays a facility; its parent is a relationship.
        let csrs = org(&registry, "riken-center-for-sustainable-resource-science").await;
        assert_eq!((csrs.kind, csrs.parent.clone()), (OrganisationKind::Facility, None));
        let parent = summary
            .relationships
            .iter()
            .find(|r| r.from == csrs.id && r.kind == "parent")
            .unwrap();
        assert_eq!(parent.to_ror, "01sjwvz98");
        assert_eq!(parent.resolved.as_ref().map(|s| s.as_str()), Some("riken"));

        // Two hospitals of one name; a name without Latin letters.
        org(&registry, "sanno-hospital").await;
        org(&registry, "sanno-hospital-057jn4x11").await;
        let osaka = org(&registry, "ror-0zzzzzz99").await;
        assert_eq!(osaka.display_name(), "大阪市立科学研究所");
        assert_eq!(osaka.names[1].lang, None, "an invalid language tag becomes null");

        // Withdrawn records are counted, not imported; dangling links are kept.
        assert!(summary.skipped.contains(&("007gp5s15".into(), "withdrawn".into())));
        assert!(registry.get::<Organisation>("kumamoto-chuo-hospital").await.unwrap().is_none());
        let dangling = summary
            .relationships
            .iter()
            .find(|r| r.to_ror == "0nowhere0")
            .unwrap();
        assert_eq!((dangling.from.as_str(), &dangling.resolved), ("ror-0zzzzzz99", &None));
        let unresolved = summary.relationships.iter().filter(|r| r.resolved.is_none()).count();
        assert_eq!(summary.unresolved_links, unresolved);
        assert!(unresolved > 0 && unresolved < summary.relationships.len());

        let history = registry.store().history(kizuna_domain::RecordSet::Organisations, "riken").await.unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].actor, ror::ACTOR);
        assert!(summary.to_string().starts_with(
            "Read 10 ROR records: 8 created, 0 updated, 0 unchanged, 2 skipped (1 malformed, 1 withdrawn)."
        ));
    })
    .await;
}

#[tokio::test]
async fn a_malformed_line_is_reported_with_its_number_and_the_rest_imported() {
    on_each_database(|registry| async move {
        let summary = import(&registry, Path::new(SAMPLE)).await;
        let (at, reason) = summary
            .skipped
            .iter()
            .find(|(_, r)| r != "withdrawn")
            .unwrap();
        assert_eq!(at, "line 4");
        assert!(
            reason.starts_with("EOF while parsing") && reason.contains(" at column "),
            "{reason}"
        );
        // The lines after it are imported.
        org(&registry, "tokyo-metropolitan-university").await;
        org(&registry, "karolinska-institutet").await;
    })
    .await;
}

#[tokio::test]
async fn reimporting_changes_nothing() {
    on_each_database(|registry| async move {
        import(&registry, Path::new(SAMPLE)).await;
        let revision = registry.store().revision().await.unwrap();
        let again = import(&registry, Path::new(SAMPLE)).await;
        assert_eq!(
            (
                again.read,
                again.created,
                again.updated,
                again.unchanged,
                again.skipped.len()
            ),
            (10, 0, 0, 8, 2)
        );
        assert_eq!(registry.store().revision().await.unwrap(), revision);
        assert_eq!(all_orgs(&registry).await.len(), 8);
    })
    .await;
}

#[tokio::test]
async fn a_changed_record_updates_in_place() {
    on_each_database(|registry| async move {
        import(&registry, Path::new(SAMPLE)).await;
        let changed = std::fs::read_to_string(SAMPLE)
            .unwrap()
            .replace(
                "\"value\": \"東京大学\"",
                "\"value\": \"国立大学法人東京大学\"",
            )
            .replace("https://www.u-tokyo.ac.jp", "https://www.u-tokyo.ac.jp/en/");
        let path = temp_file("changed.jsonl", changed.as_bytes());
        let summary = import(&registry, &path).await;
        assert_eq!(
            (summary.created, summary.updated, summary.unchanged),
            (0, 1, 7),
            "{summary}"
        );
        let utokyo = org(&registry, "the-university-of-tokyo").await;
        assert_eq!(names_of(&utokyo, NameKind::Label), ["国立大学法人東京大学"]);
        assert_eq!(
            utokyo.website.as_deref(),
            Some("https://www.u-tokyo.ac.jp/en/")
        );
        assert_eq!(all_orgs(&registry).await.len(), 8, "no duplicate");
        std::fs::remove_file(path).ok();
    })
    .await;
}

#[tokio::test]
async fn a_curated_organisation_keeps_its_values_and_gains_missing_ones() {
    on_each_database(|registry| async move {
        let curated: Organisation = serde_json::from_value(serde_json::json!({
            "id": "utokyo", "kind": "education", "city": "Bunkyo",
            "names": [{"value": "University of Tokyo", "lang": "en", "kind": "display"},
                      {"value": "UTokyo", "lang": null, "kind": "acronym"}],
            "identifiers": {"ror": "057zh3y96", "schac": "u-tokyo.ac.jp"},
            "notes": "Strategic partner since 2017."
        }))
        .unwrap();
        registry.save(&curated, Expect::Absent, "alice").await.unwrap();

        let summary = import(&registry, Path::new(SAMPLE)).await;
        assert_eq!((summary.created, summary.updated), (7, 1), "{summary}");
        assert!(registry.get::<Organisation>("the-university-of-tokyo").await.unwrap().is_none());
        let utokyo = org(&registry, "utokyo").await;
        assert_eq!(names_of(&utokyo, NameKind::Display), ["University of Tokyo"]);
        assert_eq!(utokyo.city.as_deref(), Some("Bunkyo"));
        assert_eq!(utokyo.notes.as_deref(), Some("Strategic partner since 2017."));
        assert_eq!(utokyo.identifiers.schac.as_deref(), Some("u-tokyo.ac.jp"));
        // Empty fields filled, missing names added, ROR's display name a label.
        assert_eq!(utokyo.country.unwrap().as_str(), "JP");
        assert_eq!(utokyo.website.as_deref(), Some("https://www.u-tokyo.ac.jp"));
        assert!(utokyo.location.is_some());
        assert_eq!(utokyo.identifiers.wikidata.as_deref(), Some("Q7842"));
        let labels = names_of(&utokyo, NameKind::Label);
        assert!(labels.contains(&"東京大学") && labels.contains(&"The University of Tokyo"));
        assert_eq!(utokyo.names.iter().filter(|n| n.value == "UTokyo").count(), 1);
        // Its relationships are kept under the curated id.
        let links: Vec<_> = summary
            .relationships
            .iter()
            .filter(|r| r.from_ror == "057zh3y96")
            .collect();
        assert!(!links.is_empty() && links.iter().all(|r| r.from.as_str() == "utokyo"));

        // The importer wrote last now, yet a later ROR version still does not
        // overwrite what alice chose.
        let changed = std::fs::read_to_string(SAMPLE)
            .unwrap()
            .replace("\"name\": \"Tokyo\"}, \"geonames_id\": 1850147}], \"names\": [{\"lang\": null, \"types\": [\"ror_display\", \"label\"], \"value\": \"The University of Tokyo\"",
                     "\"name\": \"Hongo\"}, \"geonames_id\": 1850147}], \"names\": [{\"lang\": null, \"types\": [\"ror_display\", \"label\"], \"value\": \"The University of Tokyo\"");
        assert!(changed.contains("Hongo"), "the fixture changed shape");
        let path = temp_file("curated.jsonl", changed.as_bytes());
        let again = import(&registry, &path).await;
        assert_eq!((again.created, again.updated), (0, 0), "{again}");
        assert_eq!(org(&registry, "utokyo").await.city.as_deref(), Some("Bunkyo"));
        std::fs::remove_file(path).ok();
    })
    .await;
}

#[tokio::test]
async fn gzip_plain_array_and_single_object_inputs_all_import() {
    let plain = Registry::new(testing::fresh_sqlite().await.unwrap());
    import(&plain, Path::new(SAMPLE)).await;
    let expected = all_orgs(&plain).await;

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&std::fs::read(SAMPLE).unwrap()).unwrap();
    let gz_path = temp_file("sample.jsonl.gz", &gz.finish().unwrap());
    let array = serde_json::to_vec_pretty(&sample_records()).unwrap();
    let array_path = temp_file("sample.json", &array);

    on_each_database(|registry| {
        let (gz_path, array_path, expected) = (&gz_path, &array_path, &expected);
        async move {
            let gz = import(&registry, gz_path).await;
            assert_eq!((gz.read, gz.created, gz.skipped.len()), (10, 8, 2));
            assert_eq!(&all_orgs(&registry).await, expected);

            let array = import(&registry, array_path).await;
            assert_eq!(
                (array.read, array.unchanged, array.skipped.len()),
                (9, 8, 1),
                "{array}"
            );
        }
    })
    .await;

    let fresh = Registry::new(testing::fresh_sqlite().await.unwrap());
    let array = import(&fresh, &array_path).await;
    assert_eq!((array.read, array.created), (9, 8));
    assert_eq!(all_orgs(&fresh).await, expected);

    let one = serde_json::to_vec_pretty(&sample_records()[1]).unwrap();
    let one_path = temp_file("riken.json", &one);
    let single = Registry::new(testing::fresh_sqlite().await.unwrap());
    let summary = import(&single, &one_path).await;
    assert_eq!((summary.read, summary.created), (1, 1));
    let riken = expected.iter().find(|o| o.id.as_str() == "riken").unwrap();
    assert_eq!(all_orgs(&single).await, std::slice::from_ref(riken));

    for p in [gz_path, array_path, one_path] {
        std::fs::remove_file(p).ok();
    }
}

#[tokio::test]
async fn an_unreadable_file_is_an_error() {
    let registry = Registry::new(testing::fresh_sqlite().await.unwrap());
    let missing = ror::import(&registry, Path::new("/nonexistent/ror.json"), &|_, _| {}).await;
    assert!(matches!(missing, Err(InteropError::Open { .. })));
    let csv = temp_file("partners.csv", b"name,country\nRIKEN,JP\n");
    let not_json = RorImport::new(&registry).run_file(&csv).await;
    assert!(matches!(not_json, Err(InteropError::NotJson('n'))));
    std::fs::remove_file(csv).ok();
}

/// The whole real file on SQLite, in release mode:
/// `cargo test -p kizuna-interop --release -- --ignored --nocapture`.
#[tokio::test]
#[ignore = "imports 51k records; run in release mode"]
async fn the_real_ror_file_imports_fast() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ror/ror-v2-records.jsonl.gz"
    ));
    let registry = Registry::new(testing::fresh_sqlite().await.unwrap());
    for round in ["first import", "re-import"] {
        let started = std::time::Instant::now();
        let summary = import(&registry, path).await;
        let secs = started.elapsed().as_secs_f64();
        println!(
            "{round}: {} records in {secs:.2} s = {:.0} records/s\n{summary}",
            summary.read,
            summary.read as f64 / secs
        );
        assert_eq!(summary.read, 51_370);
        let count = |r: &str| summary.skipped.iter().filter(|(_, why)| why == r).count();
        assert_eq!((count("withdrawn"), count("inactive")), (1374, 1250));
    }
}
