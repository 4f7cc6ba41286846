//! A sentence of an import report: a stable code with its values, for an
//! edge that words it in the reader's language, and the English sentence the
//! CLI prints and the JSON holds (so their shape does not change).

use kizuna_domain::Problem;
use serde::{Serialize, Serializer};

/// One sentence for a person, coded when its wording may be translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The sentence in English.
    pub english: String,
    /// The same as a code and its values (`None`: only the English exists).
    pub problem: Option<Problem>,
}

impl Message {
    /// A sentence with its code and named values.
    pub fn coded(
        code: &'static str,
        args: &[(&'static str, &str)],
        english: impl Into<String>,
    ) -> Message {
        let problem = args
            .iter()
            .fold(Problem::new(code), |p, (name, value)| p.with(name, value));
        Message {
            english: english.into(),
            problem: Some(problem),
        }
    }

    /// A sentence with an already made problem (a domain or core code).
    pub fn of_problem(problem: Option<Problem>, english: impl Into<String>) -> Message {
        Message {
            english: english.into(),
            problem,
        }
    }
}

impl From<String> for Message {
    fn from(english: String) -> Message {
        Message {
            english,
            problem: None,
        }
    }
}

impl From<&str> for Message {
    fn from(english: &str) -> Message {
        Message::from(english.to_owned())
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english)
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.english == *other
    }
}

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.english)
    }
}

/// Every code this crate gives a [`Message`] (an edge words each one; a
/// test below finds any code in the sources that is missing here).
pub const CODES: &[&str] = &[
    // Values in sheet cells.
    "not-a-date",
    "not-a-date-cell",
    "not-a-date-write",
    "not-yes-or-no",
    "not-a-pic",
    "not-an-erasmus-code",
    "not-a-ror-id",
    "not-academic-years",
    "unknown-word",
    "not-a-code",
    "not-an-id",
    "not-a-country",
    "not-a-whole-number",
    "out-of-range",
    "not-a-number",
    "not-a-language-level",
    "not-an-eqf-level",
    "months-over-a-year",
    "not-a-deadline",
    "lat-lng-both",
    // Finding a sheet row's record and partners.
    "identifiers-conflict",
    "partner-identifiers-conflict",
    "no-organisation-named",
    "no-record-named",
    "several-named",
    "name-ambiguous",
    "name-near",
    "partner-several-named",
    "partner-near",
    "partner-unknown-identifiers",
    "partner-country-missing",
    "partner-missing",
    "no-home-organisation",
    "not-an-organisation-id",
    // Whole sheet rows.
    "value-needed",
    "value-needed-or-default",
    "id-twice-in-sheet",
    "not-in-scope",
    "may-not-add-partner",
    "adds-partner",
    // A partner's EWP file.
    "ewp-unknown-mobility",
    "ewp-empty",
    "ewp-not-a-year",
    "ewp-not-a-number",
    "ewp-not-a-level",
    "ewp-approval-unknown",
    "ewp-approval-no-hash",
    "ewp-approval-twice",
    "ewp-no-home-schac",
    "ewp-partner-count",
    "ewp-own-copy",
    "ewp-neither-ours",
    "ewp-partner-iia-id-missing",
    "ewp-linked-elsewhere",
    "ewp-mapped-twice",
    "ewp-unknown-our-iia-id",
    "ewp-several-unlinked",
    "ewp-no-partner-organisation",
    "ewp-no-home",
    "ewp-draft-in-effect",
    "ewp-draft-first-eqf-level",
    "ewp-draft-first-subject-area",
    "ewp-draft-not-isced",
    "ewp-draft-not-a-language",
    "ewp-draft-whole-days",
    // Why an agreement of ours cannot be an IIA.
    "ewp-iia-party-unknown",
    "ewp-iia-home-through-consortium",
    "ewp-iia-home-not-a-party",
    "ewp-iia-party-count",
    "ewp-iia-partner-consortium",
    "ewp-iia-no-schac",
    "ewp-iia-no-conditions",
    // One of its mobility conditions (codes chosen in `ewp::map`).
    "ewp-iia-no-places",
    "ewp-iia-no-years",
    "ewp-iia-no-language",
    "ewp-iia-student-months",
    "ewp-iia-staff-days",
    "ewp-iia-staff-eqf",
    // A partner's EWP file that cannot be read at all.
    "ewp-not-xml",
    "ewp-hash-impossible",
    "ewp-not-a-partner-file",
    "ewp-unknown-agreement",
    // Sheet files that cannot be imported at all.
    "sheet-is-a-workbook",
    "sheet-binary",
    "csv-broken",
    "not-a-workbook",
    "workbook-no-such-sheet",
    "worksheet-unreadable",
    "mapping-unreadable",
    "mapping-unknown-column",
    "columns-mean-the-same",
    "no-key-column",
    "no-header-row",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes written in this crate's sources: the first string after each
    /// `coded(` and after each `code: "` that renames a problem.
    fn codes_in_sources() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("the sources are readable") {
                let path = entry.expect("a directory entry").path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("message.rs")
                {
                    let text = std::fs::read_to_string(&path).expect("a source file");
                    for marker in ["coded(", "code: "] {
                        for (at, _) in text.match_indices(marker) {
                            let rest = text[at + marker.len()..].trim_start();
                            // A code passed in a variable is listed where it is chosen.
                            let Some(rest) = rest.strip_prefix('"') else {
                                continue;
                            };
                            if let Some(end) = rest.find('"') {
                                out.push(rest[..end].to_owned());
                            }
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out
    }

    #[test]
    fn every_code_in_the_sources_is_listed() {
        let found = codes_in_sources();
        assert!(found.len() > 30, "the scan finds the codes: {found:?}");
        let missing: Vec<&String> = found
            .iter()
            .filter(|c| !CODES.contains(&c.as_str()))
            .collect();
        assert!(missing.is_empty(), "codes missing from CODES: {missing:?}");
    }

    #[test]
    fn serialises_and_prints_as_its_english_sentence() {
        let m = Message::coded("x", &[("value", "7")], "seven");
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"seven\"");
        assert_eq!(m.to_string(), "seven");
        let p = m.problem.unwrap();
        assert_eq!((p.code, p.args), ("x", vec![("value", "7".to_owned())]));
    }
}
