//! Typo tolerance for the words the index does not hold.
//!
//! Matching a word with one typo walks a Levenshtein automaton through the
//! term dictionary of every text field: most of a query's cost at 50k
//! organisations. A word the registry holds as typed is spelled as someone
//! wrote it, so it matches as typed; only a word found nowhere (or, while
//! typing, a start no term has) is worth the walk. This is how spelling
//! suggesters decide too (Lucene's "suggest when not in index").

use tantivy::Searcher;
use tantivy::schema::Field;

use crate::query::{Group, Parsed};

/// Whether some segment holds `text` as a whole term of `field`.
fn holds_term(searcher: &Searcher, field: Field, text: &str) -> bool {
    searcher.segment_readers().iter().any(|segment| {
        segment
            .inverted_index(field)
            .ok()
            .and_then(|index| index.terms().get(text.as_bytes()).ok().flatten())
            .is_some()
    })
}

/// Whether some segment holds a term of `field` that starts with `prefix`.
fn holds_prefix(searcher: &Searcher, field: Field, prefix: &str) -> bool {
    searcher.segment_readers().iter().any(|segment| {
        let Ok(index) = segment.inverted_index(field) else {
            return false;
        };
        let Ok(mut stream) = index.terms().range().ge(prefix.as_bytes()).into_stream() else {
            return false;
        };
        stream.advance() && stream.key().starts_with(prefix.as_bytes())
    })
}

/// Turns typo tolerance off for each word that `fields` hold as typed (as a
/// whole word, or as the start of one for the word being typed).
pub fn keep_typos_for_unknown_words(parsed: &mut Parsed, searcher: &Searcher, fields: &[Field]) {
    for group in &mut parsed.groups {
        let Group::Word {
            text,
            fuzzy,
            prefix,
        } = group
        else {
            continue;
        };
        if !*fuzzy {
            continue;
        }
        let known = if *prefix {
            fields.iter().any(|f| holds_prefix(searcher, *f, text))
        } else {
            fields.iter().any(|f| holds_term(searcher, *f, text))
        };
        if known {
            *fuzzy = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Fields;
    use crate::tokenizer::{TOKENIZER, analyzer};
    use tantivy::{Index, doc};

    fn searcher_with(title: &str) -> (Searcher, Fields) {
        let (schema, fields) = Fields::build();
        let index = Index::create_in_ram(schema);
        index.tokenizers().register(TOKENIZER, analyzer());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.add_document(doc!(fields.title => title)).unwrap();
        writer.commit().unwrap();
        (index.reader().unwrap().searcher(), fields)
    }

    fn fuzziness(parsed: &Parsed) -> Vec<bool> {
        parsed
            .groups
            .iter()
            .map(|g| matches!(g, Group::Word { fuzzy: true, .. }))
            .collect()
    }

    #[test]
    fn only_words_the_index_lacks_keep_their_typos() {
        let (searcher, fields) = searcher_with("Karolinska Institutet Stockholm");
        let text = [fields.title, fields.names, fields.body];
        let mut parsed = crate::query::parse("Karolinksa Stockholm", &mut analyzer(), false);
        assert_eq!(fuzziness(&parsed), [true, true]);
        keep_typos_for_unknown_words(&mut parsed, &searcher, &text);
        assert_eq!(fuzziness(&parsed), [true, false]);
    }

    #[test]
    fn a_word_being_typed_keeps_its_typos_only_when_no_term_starts_so() {
        let (searcher, fields) = searcher_with("Karolinska Institutet");
        let text = [fields.title, fields.names, fields.body];
        let mut typing = crate::query::parse("Karol", &mut analyzer(), true);
        keep_typos_for_unknown_words(&mut typing, &searcher, &text);
        assert_eq!(fuzziness(&typing), [false]);
        let mut typo = crate::query::parse("Kaorl", &mut analyzer(), true);
        keep_typos_for_unknown_words(&mut typo, &searcher, &text);
        assert_eq!(fuzziness(&typo), [true]);
    }
}
