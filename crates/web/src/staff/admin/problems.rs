//! Field problems in the reader's language. The domain and the core report a
//! problem as a stable code with its values (and an English sentence for the
//! API); here the code is worded from the message `admin-problem-CODE`. A
//! problem without a code, or with one that has no message, keeps its sentence.

use crate::http::lang::{coded, current};
use crate::templates::label_in;
use kizuna_domain::{FieldError, Problem, ValidationErrors};

/// The problem's sentence in the reader's language.
pub fn text(e: &FieldError) -> String {
    coded(e.problem.as_ref(), &e.message, &["admin-problem-"])
}

/// A sentence of an import report (a sheet row's problem or note, an EWP
/// entry's) in the reader's language: its code worded from `import-msg-CODE`,
/// or, for a domain or core problem carried along, `admin-problem-CODE`.
pub fn import_text(message: &kizuna_interop::Message) -> String {
    import_problem_text(message.problem.as_ref(), &message.english)
}

/// [`import_text`] for a problem and its English sentence held apart.
pub fn import_problem_text(problem: Option<&Problem>, english: &str) -> String {
    // Vocabulary words among the values (an EWP condition's mobility and
    // direction) are placed as the reader's words for them.
    let problem = problem.map(|p| Problem {
        args: (p.args.iter())
            .map(|(name, value)| match *name {
                "mobility" | "direction" => (*name, label_in(current(), value)),
                _ => (*name, value.clone()),
            })
            .collect(),
        ..p.clone()
    });
    coded(
        problem.as_ref(),
        english,
        &["import-msg-", "admin-problem-"],
    )
}

/// A refusal of the core (out of scope, still referred to) in the reader's
/// language, from `admin-refused-CODE`.
pub fn refused_text(problem: &Problem, english: &str) -> String {
    coded(Some(problem), english, &["admin-refused-"])
}

/// The same problems, each worded in the reader's language (for an HTML form
/// or the dialog that shows them).
pub fn worded(errors: &ValidationErrors) -> ValidationErrors {
    ValidationErrors(
        errors
            .0
            .iter()
            .map(|e| FieldError {
                message: text(e),
                ..e.clone()
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use kizuna_domain::Problem;

    use super::*;
    use crate::http::lang::{Lang, languages, scope};

    fn coded(problem: Problem) -> FieldError {
        let mut errors = ValidationErrors::default();
        errors.add_coded("title", problem, "English sentence");
        errors.0.remove(0)
    }

    #[tokio::test]
    async fn a_coded_problem_is_worded_in_the_readers_language() {
        let e = coded(Problem::new("title-missing"));
        let sv = scope(Lang::Sv, async { text(&e) }).await;
        let ja = scope(Lang::Ja, async { text(&e) }).await;
        let en = scope(Lang::En, async { text(&e) }).await;
        assert_ne!(sv, "English sentence");
        assert_ne!(sv, en);
        assert_ne!(ja, en);
    }

    #[tokio::test]
    async fn counts_are_placed_as_numbers() {
        let e = coded(Problem::new("too-long").with("max", 200).with("count", 250));
        let en = scope(Lang::En, async { text(&e) }).await;
        assert!(en.contains("200") && en.contains("250"), "{en}");
    }

    #[tokio::test]
    async fn an_uncoded_problem_keeps_its_sentence() {
        let mut errors = ValidationErrors::default();
        errors.add("title", "as it was");
        let sv = scope(Lang::Sv, async { worded(&errors) }).await;
        assert_eq!(sv.0[0].message, "as it was");
    }

    #[tokio::test]
    async fn every_import_code_has_a_message_in_every_language() {
        for code in kizuna_interop::message::CODES {
            let key = format!("import-msg-{code}");
            for lang in [Lang::En, Lang::Sv, Lang::Ja] {
                assert!(
                    languages().catalog().has(lang, &key),
                    "{lang}: {key} is missing"
                );
            }
        }
    }

    #[tokio::test]
    async fn an_import_message_is_worded_and_falls_back_to_a_domain_code() {
        let m = kizuna_interop::Message::coded("not-a-date", &[("value", "31/31")], "English");
        let sv = scope(Lang::Sv, async { import_text(&m) }).await;
        let ja = scope(Lang::Ja, async { import_text(&m) }).await;
        assert!(sv.contains("31/31") && sv.contains("inget datum"), "{sv}");
        assert!(ja.contains("31/31") && ja.contains("日付"), "{ja}");
        let domain = Problem::new("title-missing");
        let sv = scope(Lang::Sv, async {
            import_problem_text(Some(&domain), "English")
        })
        .await;
        assert_ne!(sv, "English");
        let plain = kizuna_interop::Message::from("only English");
        assert_eq!(
            scope(Lang::Ja, async { import_text(&plain) }).await,
            "only English"
        );
    }

    #[tokio::test]
    async fn an_ewp_note_places_the_readers_words_for_the_condition() {
        let note = kizuna_interop::Message::coded(
            "ewp-draft-not-isced",
            &[
                ("mobility", "student_studies"),
                ("direction", "outgoing"),
                ("value", "99"),
            ],
            "English",
        );
        let en = scope(Lang::En, async { import_text(&note) }).await;
        assert!(en.starts_with("Student studies, Outgoing:"), "{en}");
        let sv = scope(Lang::Sv, async { import_text(&note) }).await;
        assert!(
            !sv.contains("student_studies") && sv.contains("”99”"),
            "{sv}"
        );
        for how in [
            "our-iia-id",
            "partner-iia-id",
            "partner-and-conditions",
            "partner",
        ] {
            let key = format!("admin-ewp-matched-{how}");
            assert!(languages().catalog().has(Lang::Ja, &key), "{key}");
        }
    }

    #[tokio::test]
    async fn every_code_the_domain_uses_has_a_message() {
        for code in CODES {
            let key = format!("admin-problem-{code}");
            assert!(
                languages().catalog().has(Lang::En, &key),
                "{key} is missing"
            );
        }
    }

    /// The codes the domain and the core give (kept in step by hand: a new
    /// code without a message is still shown, in English).
    const CODES: &[&str] = &[
        "title-missing",
        "name-missing",
        "names-missing",
        "name-empty",
        "latitude-range",
        "longitude-range",
        "parent-not-unit",
        "parent-missing",
        "parent-self",
        "members-not-consortium",
        "member-self",
        "partners-missing",
        "parties-too-few",
        "party-twice",
        "validity-end-before-start",
        "ends-before-signed",
        "renews-itself",
        "eqf-level-range",
        "last-year-before-first",
        "months-range",
        "id-twice",
        "web-address",
        "web-address-scheme",
        "email-address",
        "line-break",
        "tab",
        "control-character",
        "too-long",
        "unknown-reference",
        "parent-ancestor",
        "unit-not-of-party",
        "not-a-unit",
        "not-an-object",
        "required",
        "unknown-field",
        "wrong-value",
    ];
}
