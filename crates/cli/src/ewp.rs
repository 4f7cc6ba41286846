//! Erasmus Without Paper at the command line: `kizuna export ewp` writes
//! agreements as an IIAs v7 `iias-get-response` (what cannot be an IIA is
//! listed on standard error); `kizuna import ewp FILE [--apply]` reports on a
//! partner's file and records it only when asked; `kizuna ewp approve ID`
//! approves the partner's copy of an agreement.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, bail};
use kizuna_core::write::Actor;
use kizuna_core::{Registry, Writer};
use kizuna_domain::Slug;
use kizuna_interop::ewp::{self, IiaExport};

use crate::ewp_report::plan_report;

/// What the change log records for the command line's EWP writes.
const IMPORT_ACTOR: &str = "import ewp";
const APPROVE_ACTOR: &str = "ewp approve";

/// Reads a partner's file and prints what it says and would change; with
/// `apply`, records it (all or nothing). Any entry that cannot be recorded
/// is an error, with or without `apply`.
pub(crate) async fn import(registry: &Registry, file: &Path, apply: bool) -> anyhow::Result<()> {
    let xml =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let snapshot = registry.snapshot().await.context("reading the registry")?;
    let plan = ewp::import::plan(&snapshot, &xml, chrono::Utc::now())
        .with_context(|| format!("reading {}", file.display()))?;
    print!("{}", plan_report(&plan));
    let errors = plan.errors();
    if !errors.is_empty() {
        bail!(
            "nothing was written; {} entry(ies) cannot be recorded (see above)",
            errors.len()
        );
    }
    if !apply {
        println!("Nothing was written; run again with --apply to record it.");
        return Ok(());
    }
    let writer = Writer::new(registry.clone(), std::sync::Arc::new(snapshot));
    let report = ewp::import::apply(&writer, Actor::Operator(IMPORT_ACTOR), &plan)
        .await
        .context("recording the file")?;
    println!(
        "Recorded: {} agreement(s) updated, {} draft(s) created, {} unchanged (revision {}).",
        report.updated,
        report.created,
        plan.writes()
            .len()
            .saturating_sub(report.updated + report.created),
        registry.store().revision().await?
    );
    Ok(())
}

/// Approves the partner's copy of `agreement`, or says why it may not be.
pub(crate) async fn approve(registry: &Registry, agreement: &Slug) -> anyhow::Result<()> {
    let snapshot = registry.snapshot().await.context("reading the registry")?;
    let Some(record) = snapshot.agreements.iter().find(|a| &a.id == agreement) else {
        bail!("there is no agreement with the id {agreement}");
    };
    let status = ewp::status_of(&snapshot, record);
    let writer = Writer::new(registry.clone(), std::sync::Arc::new(snapshot.clone()));
    let saved = writer
        .approve_partner_copy(
            Actor::Operator(APPROVE_ACTOR),
            agreement.as_str(),
            status.facts(),
            None,
        )
        .await?;
    let approval = saved
        .record
        .ewp
        .as_ref()
        .and_then(|x| x.our_approval.as_ref())
        .context("the approval was not kept")?;
    let after = registry.snapshot().await?;
    let state = after
        .agreements
        .iter()
        .find(|a| &a.id == agreement)
        .map(|a| ewp::state_of(&after, a))
        .context("the agreement is gone")?;
    println!(
        "Approved the partner's copy of {agreement}: IIA {} with iia-hash {}.\nState: {state} ({})",
        approval.copy.iia_id,
        approval.copy.hash,
        state.explanation()
    );
    Ok(())
}

/// Writes the IIAs to `out` (standard output without it) and reports on
/// standard error what was exported, left out, and why. Choosing an
/// agreement that cannot be an IIA is an error.
pub(crate) async fn export(
    registry: &Registry,
    agreement: Option<&Slug>,
    out: Option<&Path>,
) -> anyhow::Result<()> {
    let snapshot = registry.snapshot().await.context("reading the registry")?;
    let export = ewp::export(&snapshot, agreement)?;
    eprint!("{}", report(&export));
    if let Some(id) = agreement
        && export.exported.is_empty()
    {
        bail!("the agreement {id} cannot be exported as an IIA (reasons above)");
    }
    match out {
        Some(file) => {
            let partial = file.with_extension("partial");
            std::fs::write(&partial, &export.xml)
                .with_context(|| format!("writing {}", partial.display()))?;
            // A failed run leaves the previous file whole, never half a new one.
            std::fs::rename(&partial, file)
                .with_context(|| format!("moving the export to {}", file.display()))?;
            eprintln!("Wrote {}.", file.display());
        }
        None => print!("{}", export.xml),
    }
    Ok(())
}

/// One block per agreement: its IIA id and hash with what it leaves out, or
/// why it is not exported; then the counts.
fn report(export: &IiaExport) -> String {
    let mut text = String::new();
    for e in &export.exported {
        let _ = writeln!(
            text,
            "{}: exported as IIA {} (iia-hash {})",
            e.agreement, e.iia_id, e.hash
        );
        for note in &e.notes {
            let _ = writeln!(text, "  note: {note}");
        }
    }
    for s in &export.skipped {
        let _ = writeln!(text, "{}: not exported:", s.agreement);
        for reason in &s.reasons {
            let _ = writeln!(text, "  - {reason}");
        }
    }
    let _ = writeln!(
        text,
        "{} IIA(s) exported, {} agreement(s) left out.",
        export.exported.len(),
        export.skipped.len()
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use kizuna_interop::ewp::Skipped;

    #[test]
    fn the_report_names_each_agreement_and_every_reason() {
        let export = IiaExport {
            xml: String::new(),
            exported: Vec::new(),
            skipped: vec![Skipped {
                agreement: "ki-riken".parse().unwrap(),
                reasons: vec!["first".into(), "second".into()],
            }],
        };
        assert_eq!(
            report(&export),
            "ki-riken: not exported:\n  - first\n  - second\n\
             0 IIA(s) exported, 1 agreement(s) left out.\n"
        );
    }
}
