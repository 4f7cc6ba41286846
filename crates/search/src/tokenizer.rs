//! Tokenisation: Latin words folded and lowercased, CJK runs cut into bigrams.
//!
//! Japanese and Chinese are written without spaces, so a word tokenizer would
//! see 東京大学 as one token and 東京 would never find it. A dictionary-based
//! segmenter (lindera) downloads its dictionary at build time, which fails
//! offline; overlapping bigrams need no dictionary and make every substring of
//! two or more characters findable with a phrase query.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, TextAnalyzer, Token,
    TokenStream, Tokenizer,
};

/// Name under which [`analyzer`] is registered with the index.
pub const TOKENIZER: &str = "kizuna";

/// Tokens longer than this (in bytes) are dropped: they are URLs or noise, not words.
const MAX_TOKEN_BYTES: usize = 64;

/// Whether `c` is written in a CJK script (Han, Hiragana, Katakana or Hangul).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3005..=0x3007            // 々 〆 〇
        | 0x3040..=0x309F          // Hiragana
        | 0x30A0..=0x30FA          // Katakana (without ・, a separator)
        | 0x30FC..=0x30FF          // ー and friends belong to words
        | 0x31F0..=0x31FF          // Katakana phonetic extensions
        | 0x1100..=0x11FF          // Hangul Jamo
        | 0x3130..=0x318F          // Hangul compatibility Jamo
        | 0x3400..=0x4DBF          // Han extension A
        | 0x4E00..=0x9FFF          // Han
        | 0xAC00..=0xD7AF          // Hangul syllables
        | 0xF900..=0xFAFF          // Han compatibility
        | 0xFF66..=0xFF9F          // half-width Katakana
        | 0x20000..=0x2FA1F        // Han extensions B and later
    )
}

/// Splits text into words (runs of non-CJK letters and digits) and CJK bigrams.
///
/// A CJK run of one character yields that character alone.
#[derive(Clone, Default)]
pub struct CjkBigramTokenizer {
    token: Token,
}

/// The token stream of [`CjkBigramTokenizer`].
pub struct CjkBigramStream<'a> {
    text: &'a str,
    cursor: usize,
    // The previous token was a bigram whose second character is at `cursor`:
    // if the run ends there, that character is already covered.
    in_run: bool,
    token: &'a mut Token,
}

impl Tokenizer for CjkBigramTokenizer {
    type TokenStream<'a> = CjkBigramStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CjkBigramStream<'a> {
        self.token.reset();
        CjkBigramStream {
            text,
            cursor: 0,
            in_run: false,
            token: &mut self.token,
        }
    }
}

impl CjkBigramStream<'_> {
    fn emit(&mut self, from: usize, to: usize) -> bool {
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.push_str(&self.text[from..to]);
        self.token.position = self.token.position.wrapping_add(1);
        true
    }
}

impl TokenStream for CjkBigramStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        let text = self.text;
        while let Some(c) = text[self.cursor..].chars().next() {
            let start = self.cursor;
            let end = start + c.len_utf8();
            self.cursor = end;
            if is_cjk(c) {
                if let Some(next) = text[end..].chars().next().filter(|n| is_cjk(*n)) {
                    self.in_run = true;
                    return self.emit(start, end + next.len_utf8());
                }
                if std::mem::take(&mut self.in_run) {
                    continue;
                }
                return self.emit(start, end);
            }
            self.in_run = false;
            if c.is_alphanumeric() {
                let word_end = text[end..]
                    .char_indices()
                    .find(|(_, ch)| !ch.is_alphanumeric() || is_cjk(*ch))
                    .map_or(text.len(), |(i, _)| end + i);
                self.cursor = word_end;
                return self.emit(start, word_end);
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The analyzer of every full-text field: bigrams for CJK, folded lowercase words otherwise.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(CjkBigramTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Folds a whole name to the form kept in the exact-match field.
///
/// Lowercased, diacritics folded, punctuation collapsed to single spaces, so
/// "Tōkyō  Daigaku" and "tokyo-daigaku" meet.
pub fn normalise(text: &str) -> String {
    let mut folder = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut folded = String::with_capacity(text.len());
    let mut stream = folder.token_stream(text);
    while let Some(token) = stream.next() {
        folded.push_str(&token.text);
    }
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize)> {
        let mut a = analyzer();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position));
        }
        out
    }

    fn texts(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn cjk_runs_become_overlapping_bigrams_with_consecutive_positions() {
        assert_eq!(
            tokens("東京大学"),
            [("東京".into(), 0), ("京大".into(), 1), ("大学".into(), 2)]
        );
    }

    #[test]
    fn a_lone_cjk_character_is_a_unigram() {
        assert_eq!(texts("東 大学"), ["東", "大学"]);
        assert_eq!(texts("ab 学"), ["ab", "学"]);
    }

    #[test]
    fn mixed_scripts_split_at_script_boundaries() {
        assert_eq!(
            texts("RIKEN理化学 Yokohama・キャンパス"),
            [
                "riken", "理化", "化学", "yokohama", "キャ", "ャン", "ンパ", "パス"
            ]
        );
    }

    #[test]
    fn latin_words_are_lowercased_and_folded() {
        assert_eq!(
            texts("Göteborgs universitet, Tōkyō Daigaku"),
            ["goteborgs", "universitet", "tokyo", "daigaku"]
        );
    }

    #[test]
    fn offsets_point_at_the_source_text() {
        let text = "KI と東京";
        let mut a = analyzer();
        let mut stream = a.token_stream(text);
        let mut spans = Vec::new();
        while let Some(t) = stream.next() {
            spans.push(&text[t.offset_from..t.offset_to]);
        }
        assert_eq!(spans, ["KI", "と東", "東京"]);
    }

    #[test]
    fn normalise_folds_case_diacritics_and_punctuation() {
        assert_eq!(normalise("  Tōkyō--Daigaku "), "tokyo daigaku");
        assert_eq!(normalise("UTokyo"), "utokyo");
        assert_eq!(normalise("東京大学"), "東京大学");
        assert_eq!(normalise("!!"), "");
    }
}
