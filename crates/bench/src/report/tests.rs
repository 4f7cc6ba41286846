use std::sync::Arc;

use super::*;
use crate::endpoints::Endpoint;
use crate::stats::Run;

fn row(name: &str, group: Group, latency_ms: u64, per_second: u64, failures: usize) -> Row {
    let run = |count: u64, wall: Duration| {
        let mut run = Run {
            samples: vec![Duration::from_millis(latency_ms); count as usize],
            failures,
            ..Run::default()
        };
        run.finish(wall, 1);
        run
    };
    Row {
        endpoint: Endpoint {
            name: name.to_owned(),
            group,
            paths: Arc::new(vec![name.to_owned()]),
            gzip: false,
        },
        one: run(100, Duration::from_secs(1)),
        many: run(per_second, Duration::from_secs(1)),
    }
}

#[test]
fn budgets_judge_latency_ratio_and_failures() {
    let d = DatasetResult {
        kind: Some(DatasetKind::Synthetic),
        scale: FULL_SCALE,
        rows: vec![
            row("/healthz", Group::Ceiling, 1, 1000, 0),
            row("/fast", Group::Record, 2, 500, 0),
            row("/search", Group::Search, 5, 150, 0),
            row("/slow", Group::Map, 25, 100, 0),
            row("/broken", Group::Page, 1, 900, 1),
        ],
        memory: Some((400 * 1024, 600 * 1024)),
        ..DatasetResult::default()
    };
    let ceiling = 1000.0;
    assert!(p99_met(&d.rows[1]) && ratio_met(&d.rows[1], ceiling));
    assert!(ratio_met(&d.rows[2], ceiling), "search needs only 10%");
    assert!(!p99_met(&d.rows[3]) && !ratio_met(&d.rows[3], ceiling));
    assert!(!p99_met(&d.rows[4]), "a failure fails the endpoint");
    let table = budgets(&d);
    let find = |start: &str| table.iter().find(|b| b.0.starts_with(start)).unwrap();
    assert_eq!(find("every page").1, "2 of 4 met; worst /broken at 1.00 ms");
    assert_eq!(find("every page").2, Some(false));
    assert!(
        find("32 connections")
            .1
            .starts_with("2 of 4 met; lowest /slow at 10.0%")
    );
    assert_eq!(find("server memory").2, Some(false));
}
