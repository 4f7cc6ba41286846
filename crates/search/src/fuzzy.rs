//! Typo-tolerant term matching that stays within the query's script.
//!
//! A plain Levenshtein automaton lets the first character be anything, so on
//! a dictionary holding tens of thousands of CJK bigrams it walks every one of
//! their first characters (milliseconds per field at 50k organisations). A
//! Latin word with a typo is still a Latin word: terms whose first byte is in
//! another script than the query's cannot match and are never visited.

use std::sync::{Arc, OnceLock};

use tantivy::query::{AutomatonWeight, DfaWrapper, EnableScoring, FuzzyTermQuery, Query, Weight};
use tantivy::schema::Field;
use tantivy::{TantivyError, Term};
use tantivy_fst::Automaton;

/// Which first bytes a matching term may start with.
#[derive(Debug, Clone, Copy, PartialEq)]
enum FirstByte {
    /// Any ASCII byte: typos in the first letter of a folded Latin word.
    Ascii,
    /// This UTF-8 lead byte (the same block of 64 code points).
    Lead(u8),
}

impl FirstByte {
    fn of(text: &str) -> FirstByte {
        match text.as_bytes().first() {
            Some(b) if b.is_ascii() => FirstByte::Ascii,
            Some(b) => FirstByte::Lead(*b),
            None => FirstByte::Ascii,
        }
    }

    fn allows(self, byte: u8) -> bool {
        match self {
            FirstByte::Ascii => byte.is_ascii(),
            FirstByte::Lead(lead) => byte == lead,
        }
    }
}

/// A Levenshtein automaton that refuses terms starting in another script.
struct SameScript {
    dfa: DfaWrapper,
    first: FirstByte,
}

impl std::fmt::Debug for SameScript {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SameScript")
            .field("first", &self.first)
            .finish_non_exhaustive()
    }
}

impl Automaton for SameScript {
    /// The DFA's state and whether the first byte has been read; `None` is dead.
    type State = Option<(u32, bool)>;

    fn start(&self) -> Self::State {
        Some((self.dfa.start(), false))
    }

    fn is_match(&self, state: &Self::State) -> bool {
        state.is_some_and(|(s, _)| self.dfa.is_match(&s))
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.is_some_and(|(s, _)| self.dfa.can_match(&s))
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        let (s, started) = (*state)?;
        if !started && !self.first.allows(byte) {
            return None;
        }
        Some((self.dfa.accept(&s, byte), true))
    }
}

/// The automaton of one word, built by the first field's query that needs it
/// and shared by the word's queries on the other fields (the automaton reads
/// term bytes, whatever their field).
type Shared = Arc<OnceLock<Arc<SameScript>>>;

/// Matches terms within one edit of a word (or, as a prefix, of its start).
#[derive(Debug, Clone)]
pub struct SameScriptFuzzyQuery {
    field: Field,
    inner: FuzzyTermQuery,
    first: FirstByte,
    built: Shared,
}

impl SameScriptFuzzyQuery {
    /// Terms of `field` within `distance` edits of `text`.
    pub fn new(field: Field, text: &str, distance: u8) -> Self {
        let term = Term::from_field_text(field, text);
        SameScriptFuzzyQuery {
            field,
            inner: FuzzyTermQuery::new(term, distance, true),
            first: FirstByte::of(text),
            built: Shared::default(),
        }
    }

    /// Terms of `field` that start within `distance` edits of `text`.
    pub fn prefix(field: Field, text: &str, distance: u8) -> Self {
        let term = Term::from_field_text(field, text);
        SameScriptFuzzyQuery {
            field,
            inner: FuzzyTermQuery::new_prefix(term, distance, true),
            first: FirstByte::of(text),
            built: Shared::default(),
        }
    }

    /// The same match on another field, sharing the automaton once built.
    pub fn on(&self, field: Field) -> Self {
        SameScriptFuzzyQuery {
            field,
            ..self.clone()
        }
    }

    fn automaton(&self) -> Result<Arc<SameScript>, TantivyError> {
        if let Some(built) = self.built.get() {
            return Ok(built.clone());
        }
        let automaton = Arc::new(SameScript {
            dfa: self.inner.automaton()?,
            first: self.first,
        });
        // A concurrent build of the same word is harmless: either one is kept.
        Ok(self.built.get_or_init(|| automaton).clone())
    }
}

impl Query for SameScriptFuzzyQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> Result<Box<dyn Weight>, TantivyError> {
        Ok(Box::new(AutomatonWeight::<SameScript>::new(
            self.field,
            self.automaton()?,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(query: &SameScriptFuzzyQuery, candidate: &str) -> bool {
        let automaton = query.automaton().unwrap();
        let mut state = automaton.start();
        for b in candidate.bytes() {
            state = automaton.accept(&state, b);
        }
        automaton.is_match(&state)
    }

    #[test]
    fn one_typo_anywhere_in_a_latin_word_but_not_another_script() {
        let (_, fields) = crate::schema::Fields::build();
        let q = SameScriptFuzzyQuery::new(fields.names, "karolinksa", 1);
        assert!(matches(&q, "karolinska"));
        assert!(matches(&q, "carolinksa"));
        assert!(!matches(&q, "東arolinksa"));
        assert!(!matches(&q, "karolinsk"));
        let p = SameScriptFuzzyQuery::prefix(fields.names, "karol", 0);
        assert!(matches(&p, "karolinska"));
        let on_title = p.on(fields.title);
        assert!(matches(&on_title, "karolinska") && !matches(&on_title, "kaorlinska"));
        assert!(
            Arc::ptr_eq(&on_title.automaton().unwrap(), &p.automaton().unwrap()),
            "one automaton per word, whatever the field"
        );
        assert!(!matches(&p, "kaorlinska"));
        let cyrillic = SameScriptFuzzyQuery::new(fields.names, "москва", 1);
        assert!(matches(&cyrillic, "масква"));
    }
}
