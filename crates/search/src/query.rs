//! From the text people type to a Tantivy query.
//!
//! Every word must match (in any text field); when no record holds them all,
//! [`build_partial`] ranks the records by how many of them they hold. A CJK run must match as a
//! phrase of its bigrams, so any substring of two or more characters finds
//! the record. Latin words of five letters or more also match with one typo.
//! A whole-query match of a name, acronym, title or identifier is boosted far
//! above everything else, so "KI" puts Karolinska Institutet first.

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, PhraseQuery,
    Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Score, Term};

use crate::any_of::AnyOfQuery;
use crate::fuzzy::SameScriptFuzzyQuery;
use crate::schema::Fields;
use crate::tokenizer::{is_cjk, normalise};

/// Longer queries are cut: nobody types more, and each word costs a clause.
const MAX_QUERY_CHARS: usize = 200;
/// At most this many words or CJK runs take part.
const MAX_GROUPS: usize = 12;
/// Words shorter than this must be spelled right: one typo in "ki" is another word.
pub const FUZZY_MIN_CHARS: usize = 5;
/// How far an exact name match outranks the rest.
const EXACT_BOOST: f32 = 30.0;
/// Weight of a typo-tolerant match relative to the exact word.
const FUZZY_WEIGHT: f32 = 0.4;
/// Weight of a prefix match (as-you-type) relative to the exact word.
const PREFIX_WEIGHT: f32 = 0.6;
/// What each matched word adds to a partial match, above any relevance
/// score: a record holding more of the words ranks first.
const COVERAGE_SCORE: f32 = 100.0;

/// One unit of the query that must match.
#[derive(Debug, Clone, PartialEq)]
pub enum Group {
    /// A Latin word, folded and lowercased.
    Word {
        /// The word as indexed.
        text: String,
        /// Matches with one typo.
        fuzzy: bool,
        /// Matches as a prefix (the word being typed).
        prefix: bool,
    },
    /// A run of CJK characters: its bigrams, or the character alone.
    Cjk(Vec<String>),
}

/// A query as typed, taken apart.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// What must match.
    pub groups: Vec<Group>,
    /// The whole query in the exact-match form.
    pub exact: String,
    /// Nothing was typed (or only spaces): every record matches.
    pub blank: bool,
}

/// Takes the query text apart with the index's own analyzer.
///
/// `prefix_last` makes the last word match as a prefix (suggestions).
pub fn parse(q: &str, analyzer: &mut TextAnalyzer, prefix_last: bool) -> Parsed {
    let q = match q.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &q[..cut],
        None => q,
    };
    let mut groups: Vec<Group> = Vec::new();
    // End offset of the previous CJK token: an overlapping one continues its run.
    let mut run_end: Option<usize> = None;
    let mut stream = analyzer.token_stream(q);
    while let Some(token) = stream.next() {
        let cjk = q[token.offset_from..].chars().next().is_some_and(is_cjk);
        if cjk {
            let continues = run_end.is_some_and(|end| token.offset_from < end);
            run_end = Some(token.offset_to);
            if continues && let Some(Group::Cjk(terms)) = groups.last_mut() {
                terms.push(token.text.clone());
                continue;
            }
            groups.push(Group::Cjk(vec![token.text.clone()]));
        } else {
            run_end = None;
            let chars = token.text.chars().count();
            let fuzzy = chars >= FUZZY_MIN_CHARS && !token.text.chars().any(|c| c.is_numeric());
            groups.push(Group::Word {
                text: token.text.clone(),
                fuzzy,
                prefix: false,
            });
        }
    }
    drop_function_words(&mut groups, prefix_last);
    groups.truncate(MAX_GROUPS);
    if prefix_last && let Some(Group::Word { text, prefix, .. }) = groups.last_mut() {
        // One letter would expand to a large share of the dictionary.
        *prefix = text.chars().count() >= 2;
    }
    Parsed {
        groups,
        exact: normalise(q),
        blank: q.trim().is_empty(),
    }
}

/// Words that name nothing in the languages of institution names ("Institute
/// of Technology", "Universidad de Chile", "Högskolan i Borås"). Every other
/// record holds one, so requiring them only made a query walk most of the
/// index; the whole-name match still counts them.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "for", "in", "of", "on", "the", "to", // English
    "da", "das", "de", "del", "della", "der", "des", "di", "do", "dos", "du", "e", "et", "la",
    "las", "le", "les", "los", "und", "y", // Romance and German
    "av", "fur", "och", "van", "voor", "en", // Nordic, German, Dutch
];

/// Leaves out function words when other words remain to match (a query of
/// function words alone keeps them); the word being typed always stays.
fn drop_function_words(groups: &mut Vec<Group>, prefix_last: bool) {
    let last = groups.len().saturating_sub(1);
    let is_function_word = |(i, g): (usize, &Group)| {
        !(prefix_last && i == last)
            && matches!(g, Group::Word { text, .. } if FUNCTION_WORDS.contains(&text.as_str()))
    };
    if groups.iter().enumerate().all(is_function_word) {
        return;
    }
    let mut i = 0;
    groups.retain(|g| {
        let keep = !is_function_word((i, g));
        i += 1;
        keep
    });
}

/// The text fields and how much a match in each counts.
fn text_fields(f: &Fields) -> [(Field, f32); 3] {
    [(f.title, 3.0), (f.names, 2.5), (f.body, 1.0)]
}

fn boosted(query: impl Query, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(query), boost))
}

fn term_query(field: Field, text: &str) -> TermQuery {
    TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    )
}

/// The query for one group: any text field may hold it; the best field counts most.
fn group_query(group: &Group, f: &Fields) -> Box<dyn Query> {
    let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
    // A word's typo and prefix automata are built once and shared by every field.
    let (typo, start) = match group {
        Group::Word {
            text,
            fuzzy,
            prefix,
        } => (
            fuzzy.then(|| SameScriptFuzzyQuery::new(f.title, text, 1)),
            prefix.then(|| SameScriptFuzzyQuery::prefix(f.title, text, u8::from(*fuzzy))),
        ),
        Group::Cjk(_) => (None, None),
    };
    for (field, boost) in text_fields(f) {
        match group {
            Group::Word { text, .. } => {
                disjuncts.push(boosted(term_query(field, text), boost));
                if let Some(q) = &typo {
                    disjuncts.push(boosted(q.on(field), boost * FUZZY_WEIGHT));
                }
                if let Some(q) = &start {
                    disjuncts.push(boosted(q.on(field), boost * PREFIX_WEIGHT));
                }
            }
            Group::Cjk(terms) if terms.len() == 1 => {
                let text = &terms[0];
                disjuncts.push(boosted(term_query(field, text), boost));
                if text.chars().count() == 1 {
                    // A lone character is indexed only inside bigrams: match their start.
                    let term = Term::from_field_text(field, text);
                    let q = FuzzyTermQuery::new_prefix(term, 0, true);
                    disjuncts.push(boosted(q, boost * PREFIX_WEIGHT));
                }
            }
            Group::Cjk(terms) => {
                let terms = terms
                    .iter()
                    .map(|t| Term::from_field_text(field, t))
                    .collect();
                disjuncts.push(boosted(PhraseQuery::new(terms), boost));
            }
        }
    }
    Box::new(AnyOfQuery::best_of(disjuncts, 0.1))
}

/// What an organisation adds to its score: institutions are what people look
/// for most, so between equal matches they come first.
pub const ORGANISATION_BOOST: Score = 0.5;
/// The same while typing, when the box mostly looks for an institution.
pub const ORGANISATION_BOOST_TYPING: Score = 1.5;

/// Builds the query for `parsed`. The audience and the organisation
/// preference are applied by the collector ([`crate::facets::Ranking`]).
pub fn build(parsed: &Parsed, f: &Fields) -> Box<dyn Query> {
    if parsed.blank {
        Box::new(AllQuery)
    } else if parsed.groups.is_empty() {
        // Text with no word to search for (`*`, `(`, one word too long to be
        // indexed) finds what is named exactly so, never everything.
        match parsed.exact.as_str() {
            "" => Box::new(EmptyQuery),
            exact => boosted(term_query(f.exact, exact), EXACT_BOOST),
        }
    } else {
        let every_group = parsed.groups.iter().map(|g| group_query(g, f)).collect();
        let mut alternatives: Vec<Box<dyn Query>> =
            vec![Box::new(BooleanQuery::intersection(every_group))];
        // A whole-name match counts even where the words alone would not
        // (identifiers live only in the exact field).
        if !parsed.exact.is_empty() {
            let exact = term_query(f.exact, &parsed.exact);
            alternatives.push(boosted(exact, EXACT_BOOST));
        }
        Box::new(AnyOfQuery::sum_of(alternatives))
    }
}

/// The fallback when no record holds every word: records holding any of
/// them, those holding more words first, then by relevance.
pub fn build_partial(parsed: &Parsed, f: &Fields) -> Box<dyn Query> {
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    for group in &parsed.groups {
        clauses.push(group_query(group, f));
        let covered = ConstScoreQuery::new(group_query(group, f), COVERAGE_SCORE);
        clauses.push(Box::new(covered));
    }
    if clauses.is_empty() {
        Box::new(EmptyQuery)
    } else {
        Box::new(AnyOfQuery::sum_of(clauses))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::analyzer;

    fn word(text: &str, fuzzy: bool, prefix: bool) -> Group {
        Group::Word {
            text: text.into(),
            fuzzy,
            prefix,
        }
    }

    fn cjk(terms: &[&str]) -> Group {
        Group::Cjk(terms.iter().map(|t| t.to_string()).collect())
    }

    #[test]
    fn cjk_runs_group_their_bigrams_and_words_stand_alone() {
        let p = parse("理化学研究所 RIKEN 東", &mut analyzer(), false);
        assert_eq!(
            p.groups,
            [
                cjk(&["理化", "化学", "学研", "研究", "究所"]),
                word("riken", true, false),
                cjk(&["東"]),
            ]
        );
        assert_eq!(p.exact, "理化学研究所 riken 東");
    }

    #[test]
    fn adjacent_cjk_runs_stay_apart() {
        let p = parse("東京 大学", &mut analyzer(), false);
        assert_eq!(p.groups, [cjk(&["東京"]), cjk(&["大学"])]);
    }

    #[test]
    fn short_words_and_numbers_are_not_fuzzy() {
        let p = parse("KI 2022 Göteborg", &mut analyzer(), false);
        assert_eq!(
            p.groups,
            [
                word("ki", false, false),
                word("2022", false, false),
                word("goteborg", true, false)
            ]
        );
    }

    #[test]
    fn function_words_are_left_out_unless_nothing_else_remains() {
        let p = parse("Institute of Technology", &mut analyzer(), false);
        assert_eq!(
            p.groups,
            [
                word("institute", true, false),
                word("technology", true, false)
            ]
        );
        assert_eq!(
            p.exact, "institute of technology",
            "the whole name still counts"
        );
        let p = parse("Universidad de Chile", &mut analyzer(), false);
        assert_eq!(p.groups.len(), 2);
        let p = parse("the of", &mut analyzer(), false);
        assert_eq!(
            p.groups,
            [word("the", false, false), word("of", false, false)]
        );
        // While typing, the last word may be the start of a name ("de" → Delft).
        let p = parse("university de", &mut analyzer(), true);
        assert_eq!(
            p.groups,
            [word("university", true, false), word("de", false, true)]
        );
    }

    #[test]
    fn only_the_last_word_is_a_prefix_when_typing() {
        let p = parse("stockholm tr", &mut analyzer(), true);
        assert_eq!(
            p.groups,
            [word("stockholm", true, false), word("tr", false, true)]
        );
        let p = parse("stockholm t", &mut analyzer(), true);
        assert_eq!(p.groups[1], word("t", false, false));
    }
}
