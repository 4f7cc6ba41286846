//! The report `kizuna import ewp` prints: one block per IIA (or approval) of
//! the partner's file, then the counts.

use std::fmt::Write as _;

use kizuna_interop::ewp::ImportPlan;
use kizuna_interop::ewp::import::{ApprovalEntry, CopyEntry};
use kizuna_interop::ewp::{MatchedBy, Target};

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The whole report.
pub(crate) fn plan_report(plan: &ImportPlan) -> String {
    let mut text = String::new();
    match plan {
        ImportPlan::Copies(entries) => {
            for (i, e) in entries.iter().enumerate() {
                copy_block(&mut text, i + 1, e);
            }
            let count = |f: &dyn Fn(&CopyEntry) -> bool| entries.iter().filter(|e| f(e)).count();
            let _ = writeln!(
                text,
                "{} IIA(s) read: {} of our agreements, {} new draft(s), {} that cannot be recorded.",
                entries.len(),
                count(&|e| matches!(e.target, Target::Existing { .. }) && e.error.is_none()),
                count(&|e| matches!(e.target, Target::NewDraft { .. }) && e.error.is_none()),
                count(&|e| e.error.is_some()),
            );
        }
        ImportPlan::Approvals(entries) => {
            for (i, e) in entries.iter().enumerate() {
                approval_block(&mut text, i + 1, e);
            }
            let _ = writeln!(
                text,
                "{} approval(s) read, {} that cannot be recorded.",
                entries.len(),
                entries.iter().filter(|e| e.error.is_some()).count()
            );
        }
    }
    text
}

fn copy_block(text: &mut String, n: usize, e: &CopyEntry) {
    let partner_id = e.partner_iia_id.as_deref().unwrap_or("(none)");
    let _ = write!(text, "IIA {n}: partner's iia-id {partner_id}");
    if !e.partner_hei.is_empty() {
        let _ = write!(text, " ({}", e.partner_hei);
        if let Some(code) = &e.partner_iia_code {
            let _ = write!(text, ", iia-code {code}");
        }
        text.push(')');
    }
    text.push('\n');
    let stated = match &e.stated_hash {
        Some(_) if e.hash_matches() => "equals the file's iia-hash".to_owned(),
        Some(s) => format!("differs from the file's iia-hash {s}"),
        None => "the file states no iia-hash".to_owned(),
    };
    let _ = writeln!(text, "  iia-hash (recomputed): {} ({stated})", e.hash);
    let _ = writeln!(
        text,
        "  hash matches: {}; valid-for-approval: {}",
        yes(e.hash_matches()),
        yes(e.valid_for_approval)
    );
    if let Some(ours) = &e.our_iia_id {
        let _ = writeln!(text, "  our iia-id in their copy: {ours}");
    }
    match &e.target {
        Target::Existing {
            agreement,
            title,
            matched_by,
        } => {
            let _ = writeln!(
                text,
                "  our agreement: {agreement} \"{title}\" (found {})",
                matched_by.describe()
            );
            if *matched_by == MatchedBy::Partner {
                let _ = writeln!(
                    text,
                    "  check: it was matched by the partner alone, with other conditions"
                );
            }
        }
        Target::NewDraft { agreement, title } => {
            let _ = writeln!(
                text,
                "  our agreement: none matches; a new internal draft {agreement} \"{title}\""
            );
        }
        Target::Nothing => {}
    }
    if !matches!(e.target, Target::Nothing) {
        if e.differences.is_empty() {
            let _ = writeln!(text, "  conditions: the same as ours");
        } else {
            let _ = writeln!(
                text,
                "  conditions: {} difference(s) from ours:",
                e.differences.len()
            );
            for d in &e.differences {
                let _ = writeln!(text, "    - {d}");
            }
        }
    }
    for note in &e.notes {
        let _ = writeln!(text, "  note: {note}");
    }
    if let Some(error) = &e.error {
        let _ = writeln!(text, "  error: {error}");
    }
}

fn approval_block(text: &mut String, n: usize, e: &ApprovalEntry) {
    let _ = writeln!(text, "approval {n}: our iia-id {}", e.our_iia_id);
    if let Some((id, title)) = &e.agreement {
        let _ = writeln!(text, "  our agreement: {id} \"{title}\"");
        let now = match &e.our_hash_now {
            Some(_) if e.approves_our_copy() => "our copy as it is now".to_owned(),
            Some(h) => format!("not our copy as it is now ({h}): the approval is stale"),
            None => "our agreement cannot be an IIA now: the approval is stale".to_owned(),
        };
        let _ = writeln!(text, "  iia-hash approved: {} ({now})", e.hash);
    }
    if let Some(error) = &e.error {
        let _ = writeln!(text, "  error: {error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_reports_the_counts() {
        assert_eq!(
            plan_report(&ImportPlan::Copies(Vec::new())),
            "0 IIA(s) read: 0 of our agreements, 0 new draft(s), 0 that cannot be recorded.\n"
        );
    }
}
