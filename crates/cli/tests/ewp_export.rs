//! `kizuna export ewp`, run as a user would: the IIAs go to the file or to
//! standard output, what cannot be an IIA is listed on standard error.

mod support;

use support::ewp::loaded;
use support::{kizuna, text};

/// RIKEN (no SCHAC code) and an agreement with it, beside KI and UW.
const RIKEN: &str = r#"
[[organisations]]
id = "riken"
kind = "facility"
names = [{ value = "RIKEN", kind = "display" }]

[[agreements]]
id = "ki-riken"
kind = "research"
level = "central"
title = "Research"
parties = [{ organisation = "ki" }, { organisation = "riken" }]
signed = true
"#;

#[test]
fn export_ewp_writes_the_iias_and_lists_the_rest() {
    let dir = loaded(RIKEN);
    let file = dir.join("iias.xml");
    let run = kizuna(&dir, &["export", "ewp", "--out", file.to_str().unwrap()]);
    assert!(run.status.success(), "{run:?}");
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("ki-uw: exported as IIA ki-uw (iia-hash "),
        "{stderr}"
    );
    assert!(
        stderr.contains("ki-riken: not exported:\n  - the partner riken has no SCHAC code"),
        "{stderr}"
    );
    let xml = std::fs::read_to_string(&file).unwrap();
    assert!(xml.starts_with("<?xml") && xml.contains("<iia-id>ki-uw</iia-id>"));
    assert!(xml.contains("<staff-training-mobility-spec>"));
    assert!(
        run.stdout.is_empty(),
        "the file holds the XML, not standard output"
    );
    assert!(!dir.join("iias.partial").exists());
}

#[test]
fn one_agreement_goes_to_standard_output_or_fails_with_its_reasons() {
    let dir = loaded(RIKEN);
    let one = kizuna(&dir, &["export", "ewp", "--agreement", "ki-uw"]);
    assert!(one.status.success(), "{one:?}");
    assert_eq!(text(&one.stdout).matches("<iia>").count(), 1);
    let refused = kizuna(&dir, &["export", "ewp", "--agreement", "ki-riken"]);
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("it has no mobility conditions"));
    assert!(
        refused.stdout.is_empty(),
        "no document for an agreement that is no IIA"
    );
    let unknown = kizuna(&dir, &["export", "ewp", "--agreement", "nope"]);
    assert!(!unknown.status.success());
    assert!(text(&unknown.stderr).contains("there is no agreement with the id nope"));
    let json = kizuna(&dir, &["export", "json", "--agreement", "ki-uw"]);
    assert!(
        !json.status.success(),
        "the EWP flags are not silently ignored"
    );
}
