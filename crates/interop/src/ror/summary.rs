//! What an import did, for the command line and for tests.

use std::collections::BTreeMap;
use std::fmt;

use kizuna_domain::Slug;

/// How many malformed or invalid records the summary lists one by one.
const LISTED: usize = 10;

/// A ROR relationship of an imported organisation, kept as data because the
/// domain models only a unit's parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    /// The organisation that has the relationship.
    pub from: Slug,
    /// Its ROR id.
    pub from_ror: String,
    /// ROR relationship type: `parent`, `child`, `related`, `successor`, `predecessor`.
    pub kind: String,
    /// The other organisation's name as ROR gives it.
    pub label: String,
    /// The other organisation's ROR id.
    pub to_ror: String,
    /// The organisation it points at, when that is in the registry after the import.
    pub resolved: Option<Slug>,
}

/// The outcome of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Records read, malformed ones included.
    pub read: usize,
    /// Organisations created.
    pub created: usize,
    /// Organisations changed.
    pub updated: usize,
    /// Records that matched what was stored.
    pub unchanged: usize,
    /// Records not imported: (ROR id, or `line N` / `record N` when unreadable; reason).
    pub skipped: Vec<(String, String)>,
    /// Relationships whose other end is not in the registry.
    pub unresolved_links: usize,
    /// Every relationship of the imported organisations.
    pub relationships: Vec<Relationship>,
}

impl ImportSummary {
    /// Why an import that kept no record failed, with the first problems and
    /// the likely mistake.
    pub(crate) fn nothing_usable(&self) -> String {
        let mut text = match self.read {
            0 => "the file holds no ROR record".to_owned(),
            1 => "the one record read is not a usable ROR record".to_owned(),
            n => format!("none of the {n} records read is a usable ROR record"),
        };
        let problems: Vec<String> = self
            .skipped
            .iter()
            .take(3)
            .map(|(at, reason)| format!("{at}: {reason}"))
            .collect();
        if !problems.is_empty() {
            text.push_str(&format!(" ({})", problems.join("; ")));
        }
        text.push_str(
            "; nothing was imported. `kizuna import ror` reads ROR v2 dumps (a JSON array, \
             JSON lines or one record); a Kizuna dataset or backup is loaded with \
             `kizuna import json FILE`",
        );
        text
    }

    /// How many records were skipped for each reason that repeats
    /// (`withdrawn`, `inactive`), the rest counted as one group each.
    fn skip_counts(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for (_, reason) in &self.skipped {
            *counts.entry(reason_group(reason)).or_insert(0) += 1;
        }
        counts
    }
}

/// Status skips are grouped by their reason, everything else as malformed/invalid.
fn reason_group(reason: &str) -> &str {
    match reason {
        "withdrawn" | "inactive" => reason,
        r if r.starts_with("invalid") => "invalid",
        _ => "malformed",
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Read {} ROR records: {} created, {} updated, {} unchanged, {} skipped",
            self.read,
            self.created,
            self.updated,
            self.unchanged,
            self.skipped.len()
        )?;
        if !self.skipped.is_empty() {
            let groups: Vec<String> = self
                .skip_counts()
                .iter()
                .map(|(reason, n)| format!("{n} {reason}"))
                .collect();
            write!(f, " ({})", groups.join(", "))?;
        }
        writeln!(f, ".")?;
        let problems: Vec<_> = self
            .skipped
            .iter()
            .filter(|(_, r)| !matches!(r.as_str(), "withdrawn" | "inactive"))
            .collect();
        for (at, reason) in problems.iter().take(LISTED) {
            writeln!(f, "  skipped {at}: {reason}")?;
        }
        if problems.len() > LISTED {
            writeln!(f, "  … and {} more", problems.len() - LISTED)?;
        }
        write!(
            f,
            "Relationships: {} kept, {} unresolved (the other organisation is not in the registry).",
            self.relationships.len(),
            self.unresolved_links
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_reads_as_a_sentence() {
        let summary = ImportSummary {
            read: 5,
            created: 2,
            updated: 1,
            unchanged: 0,
            skipped: vec![
                ("0abc".into(), "withdrawn".into()),
                ("line 4".into(), "expected value at line 1 column 1".into()),
            ],
            unresolved_links: 1,
            relationships: Vec::new(),
        };
        let text = summary.to_string();
        assert!(text.starts_with(
            "Read 5 ROR records: 2 created, 1 updated, 0 unchanged, 2 skipped (1 malformed, 1 withdrawn)."
        ));
        assert!(text.contains("skipped line 4: expected value"));
        assert!(!text.contains("skipped 0abc"));
        assert!(
            text.ends_with("0 kept, 1 unresolved (the other organisation is not in the registry).")
        );
    }
}
