//! Searches: a page of hits with facet counts, and suggestions while typing.

use kizuna_domain::names::primary_subtag;
use tantivy::collector::TopDocs;
use tantivy::{DocAddress, Score, Searcher};

use super::{MAX_OFFSET, SearchIndex};
use crate::facets::{FacetCollector, Ranking};
use crate::query::{self, Parsed};
use crate::schema::{FACETS, facet};
use crate::snippet::Highlighter;
use crate::spelling::keep_typos_for_unknown_words;
use crate::{Hit, SearchError, SearchQuery, SearchResults};

/// Hits per page when the query does not say.
const DEFAULT_LIMIT: usize = 20;
/// Most hits one page may ask for.
const MAX_LIMIT: usize = 1000;

impl SearchIndex {
    /// Searches: hits of the requested page, facet counts and the total.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let parsed = self.parse(&searcher, &q.q, false);
        let query = query::build(&parsed, &self.fields);
        let limit = match q.limit {
            0 => DEFAULT_LIMIT,
            n => n.min(MAX_LIMIT),
        };
        // Tantivy keeps offset + limit candidates in memory: a page far beyond
        // any real result list is answered empty instead of allocated for.
        let beyond = q.offset > MAX_OFFSET;
        let (limit, offset) = if beyond { (1, 0) } else { (limit, q.offset) };
        let mut filters: [Option<Vec<String>>; FACETS.len()] = Default::default();
        if !q.types.is_empty() {
            filters[facet::TYPE] = Some(q.types.iter().map(|t| t.as_str().to_owned()).collect());
        }
        filters[facet::COUNTRY] = q.country.map(|c| vec![c.as_str().to_owned()]);
        filters[facet::KIND] = q.kind.clone().map(|k| vec![k]);
        filters[facet::LEVEL] = q.level.clone().map(|l| vec![l]);
        filters[facet::EDUCATION_LEVEL] = q.education_level.clone().map(|l| vec![l]);
        filters[facet::CAREER_STAGE] = q.career_stage.clone().map(|s| vec![s]);
        let top = TopDocs::with_limit(limit)
            .and_offset(offset)
            .order_by_score();
        let ranking = Ranking {
            public_only: q.public_only,
            organisation_boost: query::ORGANISATION_BOOST,
        };
        let collector = FacetCollector::new(top, &self.facets, filters, ranking);
        let mut found = searcher.search(&*query, &collector)?;
        // No record holds every word: the closest ones, said to be partial.
        let partial = found.total == 0 && parsed.groups.len() > 1;
        if partial {
            let closest = query::build_partial(&parsed, &self.fields);
            found = searcher.search(&*closest, &collector)?;
        }
        let hits = if beyond {
            Vec::new()
        } else {
            self.hits(&searcher, &parsed, q.lang.as_deref(), found.inner)?
        };
        Ok(SearchResults {
            hits,
            partial: partial && found.total > 0,
            facets: found.facets,
            total: found.total,
        })
    }

    /// As-you-type suggestions: the last word matches as a prefix.
    pub fn suggest(
        &self,
        prefix: &str,
        public_only: bool,
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        let searcher = self.reader.searcher();
        let parsed = self.parse(&searcher, prefix, true);
        if parsed.groups.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let query = query::build(&parsed, &self.fields);
        let top = TopDocs::with_limit(limit.min(MAX_LIMIT)).order_by_score();
        let ranking = Ranking {
            public_only,
            organisation_boost: query::ORGANISATION_BOOST_TYPING,
        };
        let collector =
            FacetCollector::new(top, &self.facets, Default::default(), ranking).without_counts();
        let found = searcher.search(&*query, &collector)?;
        self.hits(&searcher, &parsed, None, found.inner)
    }

    /// Takes the query apart; words the index holds as typed match as typed.
    fn parse(&self, searcher: &Searcher, text: &str, prefix_last: bool) -> Parsed {
        let mut parsed = query::parse(text, &mut self.analyzer.clone(), prefix_last);
        let f = &self.fields;
        keep_typos_for_unknown_words(&mut parsed, searcher, &[f.title, f.names, f.body]);
        parsed
    }

    fn hits(
        &self,
        searcher: &Searcher,
        parsed: &Parsed,
        lang: Option<&str>,
        found: Vec<(Score, DocAddress)>,
    ) -> Result<Vec<Hit>, SearchError> {
        let lang = lang.map(primary_subtag);
        let highlighter = Highlighter::new(parsed, self.analyzer.clone(), self.fields.summary);
        let mut hits = Vec::with_capacity(found.len());
        self.stored
            .read(searcher, &self.fields, found, |score, stored| {
                if let Some(kind) = stored.kind {
                    hits.push(Hit {
                        kind,
                        id: stored.id().to_owned(),
                        title: stored.title(lang.as_deref()).to_owned(),
                        snippet: highlighter.snippet(stored.summary(), stored.fallback()),
                        score,
                        visibility: stored.visibility,
                    });
                }
            })?;
        Ok(hits)
    }
}
