//! Sorting names the way a language's readers expect: å, ä, ö after z in
//! Swedish; kana and kanji in the Japanese order.

use std::cmp::Ordering;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale::Locale;

use crate::Lang;

/// A language's collation.
pub struct Collation {
    collator: CollatorBorrowed<'static>,
}

impl Collation {
    /// The collation of `lang` (case and accents matter only to break ties).
    pub fn new(lang: Lang) -> Self {
        let locale: Locale = lang
            .code()
            .parse()
            .expect("interface languages are valid locales");
        let mut options = CollatorOptions::default();
        options.strength = Some(Strength::Tertiary);
        let collator = Collator::try_new(locale.into(), options)
            .expect("compiled collation data covers en, sv and ja");
        Collation { collator }
    }

    /// The order of two names.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }

    /// A name's sort key: keys compare bytewise in the order [`Collation::compare`] gives.
    pub fn sort_key(&self, name: &str) -> Vec<u8> {
        let mut key = Vec::new();
        // Writing into a Vec cannot fail.
        let _ = self.collator.write_sort_key_to(name, &mut key);
        key
    }

    /// Sorts `items` by the name `key` gives.
    pub fn sort_by_key<T>(&self, items: &mut [T], key: impl Fn(&T) -> &str) {
        items.sort_by(|a, b| self.compare(key(a), key(b)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(lang: Lang, words: &[&str]) -> Vec<String> {
        let mut words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        Collation::new(lang).sort_by_key(&mut words, |w| w.as_str());
        words
    }

    #[test]
    fn swedish_puts_a_ring_a_umlaut_o_umlaut_after_z() {
        let words = ["Örebro", "Zürich", "Ängelholm", "Åbo", "Aachen"];
        assert_eq!(
            sorted(Lang::Sv, &words),
            ["Aachen", "Zürich", "Åbo", "Ängelholm", "Örebro"]
        );
        assert_eq!(
            sorted(Lang::En, &words),
            ["Aachen", "Åbo", "Ängelholm", "Örebro", "Zürich"]
        );
    }

    #[test]
    fn sort_keys_order_as_the_collation_does() {
        let words = ["Örebro", "Zürich", "Ängelholm", "Åbo", "Aachen", "örebro"];
        for lang in [Lang::En, Lang::Sv, Lang::Ja] {
            let collation = Collation::new(lang);
            let mut by_key: Vec<&str> = words.to_vec();
            by_key.sort_by_key(|w| collation.sort_key(w));
            let expected = sorted(lang, &words);
            assert_eq!(by_key, expected, "{lang:?}");
        }
    }

    #[test]
    fn japanese_orders_kana() {
        assert_eq!(
            sorted(Lang::Ja, &["さくら", "あさひ", "かもめ"]),
            ["あさひ", "かもめ", "さくら"]
        );
    }
}
