//! Field problems in the reader's language. The domain and the core report a
//! problem as a stable code with its values (and an English sentence for the
//! API); here the code is worded from the message `admin-problem-CODE`. A
//! problem without a code, or with one that has no message, keeps its sentence.

use kizuna_domain::{FieldError, ValidationErrors};
use kizuna_i18n::Arg;

use crate::http::lang::{current, languages, t_with};

/// The problem's sentence in the reader's language.
pub fn text(e: &FieldError) -> String {
    let Some(problem) = &e.problem else {
        return e.message.clone();
    };
    let key = format!("admin-problem-{}", problem.code);
    if !languages().catalog().has(current(), &key) {
        return e.message.clone();
    }
    let args: Vec<(&str, Arg)> = problem
        .args
        .iter()
        .map(|(name, value)| {
            // Counts pick the plural form; ids and words stay text.
            let arg = match value.parse::<i64>() {
                Ok(n) if matches!(*name, "max" | "count") => Arg::Number(n as f64),
                _ => Arg::Text(value.clone()),
            };
            (*name, arg)
        })
        .collect();
    t_with(&key, &args)
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
    use crate::http::lang::{Lang, scope};

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
