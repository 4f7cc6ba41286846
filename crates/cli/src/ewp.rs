//! `kizuna export ewp`: agreements as an Erasmus Without Paper IIAs v7
//! `iias-get-response`; what cannot be an IIA is listed on standard error.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, bail};
use kizuna_core::Registry;
use kizuna_domain::Slug;
use kizuna_interop::ewp::{self, IiaExport};

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
