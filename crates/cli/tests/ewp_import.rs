//! `kizuna import ewp FILE [--apply]` and `kizuna ewp approve ID`, run as a
//! user would: the report names the partner's iia-id, the recomputed hash and
//! whether it is the file's, valid-for-approval, our agreement and the
//! differences; nothing is written without --apply; approving is refused
//! with the reason when it may not be done.

mod support;

use kizuna_interop::ewp::testing::uw_copy;
use support::ewp::{loaded, write};
use support::{kizuna, text};

#[test]
fn the_report_comes_first_and_apply_records_it() {
    let dir = loaded("");
    let differing = write(&dir, "uw-3.xml", &uw_copy(3));
    let run = kizuna(&dir, &["import", "ewp", &differing]);
    assert!(run.status.success(), "{run:?}");
    let out = text(&run.stdout);
    for line in [
        "IIA 1: partner's iia-id uw-77 (uw.edu.pl)",
        "equals the file's iia-hash)",
        "hash matches: yes; valid-for-approval: yes",
        "our agreement: ki-uw \"Staff training KI – UW\" (found by our iia-id in the partner's copy)",
        "conditions: 1 difference(s) from ours:",
        "- staff_training outgoing: places_per_year: ours 2, theirs 3",
        "Nothing was written; run again with --apply to record it.",
    ] {
        assert!(out.contains(line), "{line:?} missing from:\n{out}");
    }
    let ours = kizuna(&dir, &["export", "ewp", "--agreement", "ki-uw"]);
    assert!(
        !text(&ours.stdout).contains("uw-77"),
        "nothing was recorded without --apply"
    );

    let same = write(&dir, "uw-2.xml", &uw_copy(2));
    let applied = kizuna(&dir, &["import", "ewp", &same, "--apply"]);
    assert!(applied.status.success(), "{applied:?}");
    let out = text(&applied.stdout);
    assert!(out.contains("conditions: the same as ours"), "{out}");
    assert!(out.contains("Recorded: 1 agreement(s) updated"), "{out}");
    let ours = kizuna(&dir, &["export", "ewp", "--agreement", "ki-uw"]);
    assert!(
        text(&ours.stdout).contains("<iia-id>uw-77</iia-id>"),
        "our copy names the partner's iia-id once recorded"
    );

    let approved = kizuna(&dir, &["ewp", "approve", "ki-uw"]);
    assert!(approved.status.success(), "{approved:?}");
    assert!(
        text(&approved.stdout).contains("State: approved_by_us"),
        "{}",
        text(&approved.stdout)
    );
    let again = kizuna(&dir, &["ewp", "approve", "ki-uw"]);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("this copy is already approved"));
}

#[test]
fn what_cannot_be_recorded_fails_and_writes_nothing() {
    let dir = loaded("");
    let own = kizuna(&dir, &["export", "ewp", "--agreement", "ki-uw"]);
    let own = write(&dir, "own.xml", &text(&own.stdout));
    let refused = kizuna(&dir, &["import", "ewp", &own, "--apply"]);
    assert!(!refused.status.success());
    assert!(text(&refused.stdout).contains("error: its first partner is ki.se"));
    assert!(text(&refused.stderr).contains("nothing was written"));
    // Approving needs a copy of the partner's first.
    let early = kizuna(&dir, &["ewp", "approve", "ki-uw"]);
    assert!(!early.status.success());
    assert!(text(&early.stderr).contains("no copy of the partner's has been imported"));
    // --apply belongs to the EWP import alone.
    let data = write(&dir, "d.json", "{}");
    let json = kizuna(&dir, &["import", "json", &data, "--apply"]);
    assert!(!json.status.success());
    assert!(text(&json.stderr).contains("--apply applies to `import ewp` only"));
    let help = kizuna(&dir, &["--help"]);
    assert!(text(&help.stdout).contains("ewp"));
    let import_help = kizuna(&dir, &["import", "--help"]);
    assert!(text(&import_help.stdout).contains("--apply"));
}
