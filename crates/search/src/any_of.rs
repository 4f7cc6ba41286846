//! A disjunction of a few clauses that seeks instead of buffering.
//!
//! Tantivy answers a disjunction (`DisjunctionMaxQuery`, a `BooleanQuery` of
//! `Should` clauses) with a union that fills a window of 4,096 documents from
//! every clause. Inside an intersection the union is mostly *sought*: the
//! rarest word leads and each other word is asked for the next document at
//! or after the leader's. A seek beyond the window refills a whole new window
//! from every clause, so a common word ("university", held by most of the
//! registry) decoded thousands of documents per seek: a quarter of a search at
//! 150k organisations. A query's disjunctions have a handful of clauses
//! (a word's fields, or the words and the whole-name match), so this one keeps
//! them side by side and seeks each through its skip lists.
//!
//! Scores are those of tantivy's disjunction-max combiner: the best clause's
//! score plus `tie_breaker` times the others' (1.0 sums them).

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// Matches a document when any clause does.
pub struct AnyOfQuery {
    clauses: Vec<Box<dyn Query>>,
    tie_breaker: Score,
}

impl AnyOfQuery {
    /// Scores a match by its best clause, plus `tie_breaker` times the others.
    pub fn best_of(clauses: Vec<Box<dyn Query>>, tie_breaker: Score) -> Self {
        AnyOfQuery {
            clauses,
            tie_breaker,
        }
    }

    /// Scores a match by the sum of its clauses' scores.
    pub fn sum_of(clauses: Vec<Box<dyn Query>>) -> Self {
        Self::best_of(clauses, 1.0)
    }
}

impl Clone for AnyOfQuery {
    fn clone(&self) -> Self {
        AnyOfQuery {
            clauses: self.clauses.iter().map(|c| c.box_clone()).collect(),
            tie_breaker: self.tie_breaker,
        }
    }
}

impl fmt::Debug for AnyOfQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnyOfQuery")
            .field("clauses", &self.clauses)
            .field("tie_breaker", &self.tie_breaker)
            .finish()
    }
}

impl Query for AnyOfQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let clauses = self
            .clauses
            .iter()
            .map(|c| c.weight(enable_scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(AnyOfWeight {
            clauses,
            tie_breaker: self.tie_breaker,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for clause in &self.clauses {
            clause.query_terms(visitor);
        }
    }
}

struct AnyOfWeight {
    clauses: Vec<Box<dyn Weight>>,
    tie_breaker: Score,
}

impl Weight for AnyOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut clauses = Vec::with_capacity(self.clauses.len());
        for weight in &self.clauses {
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                clauses.push(scorer);
            }
        }
        if clauses.len() == 1 {
            return Ok(clauses.remove(0));
        }
        Ok(Box::new(AnyOfScorer::new(
            clauses,
            self.tie_breaker,
            reader.max_doc(),
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "Document #({doc}) does not match"
            )));
        }
        let mut explanation = Explanation::new("AnyOf", scorer.score());
        for weight in &self.clauses {
            if let Ok(detail) = weight.explain(reader, doc) {
                explanation.add_detail(detail);
            }
        }
        Ok(explanation)
    }
}

/// The clauses that have not ended, each on its own next match.
///
/// Each clause's current document is kept beside it: reading it through the
/// clause (a virtual call) several times per match cost a tenth of a search.
struct AnyOfScorer {
    clauses: Vec<Box<dyn Scorer>>,
    docs: Vec<DocId>,
    tie_breaker: Score,
    doc: DocId,
    max_doc: u32,
}

impl AnyOfScorer {
    fn new(clauses: Vec<Box<dyn Scorer>>, tie_breaker: Score, max_doc: u32) -> Self {
        let docs = clauses.iter().map(|c| c.doc()).collect();
        let mut scorer = AnyOfScorer {
            clauses,
            docs,
            tie_breaker,
            doc: TERMINATED,
            max_doc,
        };
        scorer.settle();
        scorer
    }

    /// Drops the clauses that ended and moves to the lowest current document.
    fn settle(&mut self) -> DocId {
        let mut i = 0;
        while i < self.docs.len() {
            if self.docs[i] == TERMINATED {
                self.docs.swap_remove(i);
                self.clauses.swap_remove(i);
            } else {
                i += 1;
            }
        }
        self.doc = self.docs.iter().copied().min().unwrap_or(TERMINATED);
        self.doc
    }
}

impl DocSet for AnyOfScorer {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for (clause, doc) in self.clauses.iter_mut().zip(&mut self.docs) {
            if *doc == current {
                *doc = clause.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for (clause, doc) in self.clauses.iter_mut().zip(&mut self.docs) {
            if *doc < target {
                *doc = clause.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        let sum: u64 = self.clauses.iter().map(|c| u64::from(c.size_hint())).sum();
        sum.min(u64::from(self.max_doc)) as u32
    }

    fn cost(&self) -> u64 {
        self.clauses.iter().map(|c| c.cost()).sum()
    }
}

impl Scorer for AnyOfScorer {
    fn score(&mut self) -> Score {
        let (mut best, mut sum) = (0.0 as Score, 0.0 as Score);
        let current = self.doc;
        for (clause, doc) in self.clauses.iter_mut().zip(&self.docs) {
            if *doc == current {
                let score = clause.score();
                best = best.max(score);
                sum += score;
            }
        }
        best + self.tie_breaker * (sum - best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, DisjunctionMaxQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, STRING, Schema};
    use tantivy::{Index, doc};

    /// Documents 0..n; `a` on every third, `b` on every fifth, `c` on every seventh.
    fn index(n: u32) -> (Index, [tantivy::schema::Field; 3]) {
        let mut schema = Schema::builder();
        let fields = ["a", "b", "c"].map(|name| schema.add_text_field(name, STRING));
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        for i in 0..n {
            let mut document = doc!();
            for (field, every) in fields.iter().zip([3, 5, 7]) {
                if i % every == 0 {
                    document.add_text(*field, "x");
                }
            }
            document.add_text(fields[0], format!("n{}", i % 11));
            writer.add_document(document).unwrap();
        }
        writer.commit().unwrap();
        (index, fields)
    }

    fn term(field: tantivy::schema::Field, text: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::WithFreqs,
        ))
    }

    #[test]
    fn matches_and_scores_as_the_disjunction_max_query_does() {
        let (index, [a, b, c]) = index(20_000);
        let searcher = index.reader().unwrap().searcher();
        let clauses = || vec![term(a, "x"), term(b, "x"), term(c, "x")];
        // Inside an intersection, so that the disjunction is sought.
        let within = |q: Box<dyn Query>| BooleanQuery::intersection(vec![term(a, "n4"), q]);
        let ours = within(Box::new(AnyOfQuery::best_of(clauses(), 0.1)));
        let theirs = within(Box::new(DisjunctionMaxQuery::with_tie_breaker(
            clauses(),
            0.1,
        )));
        let top = TopDocs::with_limit(20_000).order_by_score();
        let (mut ours, mut theirs) = (
            searcher.search(&ours, &top).unwrap(),
            searcher.search(&theirs, &top).unwrap(),
        );
        assert!(ours.len() > 900, "{} matches", ours.len());
        ours.sort_by_key(|(_, d)| *d);
        theirs.sort_by_key(|(_, d)| *d);
        assert_eq!(ours.len(), theirs.len());
        for ((s1, d1), (s2, d2)) in ours.iter().zip(&theirs) {
            assert_eq!(d1, d2);
            assert!((s1 - s2).abs() < 1e-4, "{s1} vs {s2} at {d1:?}");
        }
    }

    #[test]
    fn a_sum_counts_every_clause_and_missing_terms_match_nothing() {
        let (index, [a, b, c]) = index(1000);
        let searcher = index.reader().unwrap().searcher();
        let sum = AnyOfQuery::sum_of(vec![term(a, "x"), term(b, "x"), term(c, "nothing")]);
        // Multiples of 3 or 5 below 1000.
        let expected = (0..1000).filter(|i| i % 3 == 0 || i % 5 == 0).count();
        assert_eq!(searcher.search(&sum, &Count).unwrap(), expected);
        let none = AnyOfQuery::sum_of(vec![term(c, "nothing")]);
        assert_eq!(searcher.search(&none, &Count).unwrap(), 0);
    }
}
