//! Which of an organisation's names a reader sees: the one in the reader's
//! language when the record has one (東京大学 for a Japanese reader), and the
//! names in other languages beside it.

use crate::{Name, NameKind, Organisation};

/// One name with its language, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownName<'a> {
    /// The name as written.
    pub value: &'a str,
    /// Its BCP 47 language, when the record says.
    pub lang: Option<&'a str>,
}

/// The names of an organisation as a reader of one language sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamesFor<'a> {
    /// The name to show first.
    pub primary: ShownName<'a>,
    /// Names in other languages, one per language, in the record's order.
    pub others: Vec<ShownName<'a>>,
}

/// The primary subtag of a BCP 47 tag, lower-cased for comparison (`en-GB` → `en`).
pub fn primary_subtag(tag: &str) -> String {
    tag.split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Whether `text` has characters of a CJK script (Han, kana, Hangul).
fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
    })
}

/// Whether a name's language is `lang` (its primary subtag). Compared in
/// place: a page of hits asks this of every name of twenty organisations.
fn is_in(name: &Name, lang: &str) -> bool {
    fn head(tag: &str) -> &str {
        tag.split('-').next().unwrap_or_default()
    }
    name.lang
        .as_ref()
        .is_some_and(|l| head(l.as_str()).eq_ignore_ascii_case(head(lang)))
}

fn shown(name: &Name) -> ShownName<'_> {
    ShownName {
        value: &name.value,
        lang: name.lang.as_ref().map(|l| l.as_str()),
    }
}

impl Organisation {
    /// The names a reader of `lang` (a BCP 47 tag such as `ja` or `sv`) sees:
    /// first the record's full name in that language (its display name when
    /// that is in the language, else its first label in it), else the display
    /// name; then its full names (display names, then labels) in each other
    /// language, once per language.
    pub fn names_for(&self, lang: &str) -> NamesFor<'_> {
        let primary = self.name_for(lang);
        // One name per language (a name without one counts as its own), the
        // display names first, so the name a reader of another language sees
        // is always beside the one this reader sees.
        // A language's names in a CJK script and in Latin letters (理化学研究所,
        // RIKEN) are told apart: both are worth showing.
        let key = |lang: Option<&str>, value: &str| (lang.map(primary_subtag), has_cjk(value));
        let mut seen = vec![key(primary.lang, primary.value)];
        let mut others = Vec::new();
        let displays = self.names.iter().filter(|n| n.kind == NameKind::Display);
        let labels = self.names.iter().filter(|n| n.kind == NameKind::Label);
        for name in displays.chain(labels) {
            let k = key(name.lang.as_ref().map(|l| l.as_str()), &name.value);
            if name.value == primary.value || seen.contains(&k) {
                continue;
            }
            seen.push(k);
            others.push(shown(name));
        }
        NamesFor { primary, others }
    }

    /// The name a reader sees first in each language (primary subtag) the
    /// record names itself in, where it is not the display name: a reader of
    /// any other language sees the display name. Kept beside search hits, so
    /// that a page of them is titled without looking every record up.
    pub fn first_names_by_language(&self) -> Vec<(String, &str)> {
        let display = self.display_name();
        let mut found: Vec<(String, &str)> = Vec::new();
        for tag in self.names.iter().filter_map(|n| n.lang.as_ref()) {
            let lang = primary_subtag(tag.as_str());
            if found.iter().any(|(l, _)| *l == lang) {
                continue;
            }
            let name = self.name_for(&lang).value;
            found.push((lang, name));
        }
        found.retain(|(_, name)| *name != display);
        found
    }

    /// The one name a reader of `lang` sees first (the `primary` of [`Self::names_for`]).
    pub fn name_for(&self, lang: &str) -> ShownName<'_> {
        [NameKind::Display, NameKind::Label]
            .iter()
            .find_map(|k| self.names.iter().find(|n| n.kind == *k && is_in(n, lang)))
            .map(shown)
            .unwrap_or_else(|| {
                let display = self.display_name();
                ShownName {
                    value: display,
                    lang: self
                        .names
                        .iter()
                        .find(|n| n.value == display)
                        .and_then(|n| n.lang.as_ref().map(|l| l.as_str())),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::Organisation;

    fn org(names: serde_json::Value) -> Organisation {
        serde_json::from_value(serde_json::json!({
            "id": "utokyo", "kind": "education", "names": names
        }))
        .unwrap()
    }

    #[test]
    fn first_names_by_language_are_those_name_for_gives_beside_the_display_name() {
        let o = org(serde_json::json!([
            {"value": "Karolinska Institutet", "lang": "sv", "kind": "display"},
            {"value": "Karolinska Institute", "lang": "en-GB", "kind": "label"},
            {"value": "カロリンスカ研究所", "lang": "ja", "kind": "label"},
            {"value": "KI", "lang": "sv", "kind": "acronym"},
            {"value": "Karolinska", "lang": "EN", "kind": "label"}
        ]));
        assert_eq!(
            o.first_names_by_language(),
            [
                ("en".to_owned(), "Karolinska Institute"),
                ("ja".to_owned(), "カロリンスカ研究所")
            ]
        );
        for (lang, name) in o.first_names_by_language() {
            assert_eq!(o.name_for(&lang).value, name);
        }
        assert_eq!(o.name_for("sv").value, o.display_name());
    }

    fn utokyo() -> Organisation {
        org(serde_json::json!([
            {"value": "The University of Tokyo", "lang": "en", "kind": "display"},
            {"value": "UTokyo", "lang": null, "kind": "acronym"},
            {"value": "Todai", "lang": "en", "kind": "alias"},
            {"value": "東京大学", "lang": "ja", "kind": "label"}
        ]))
    }

    fn values<'a>(names: &[super::ShownName<'a>]) -> Vec<&'a str> {
        names.iter().map(|n| n.value).collect()
    }

    #[test]
    fn a_japanese_reader_sees_the_japanese_name_first_and_the_english_beside_it() {
        let org = utokyo();
        let names = org.names_for("ja");
        assert_eq!(names.primary.value, "東京大学");
        assert_eq!(names.primary.lang, Some("ja"));
        assert_eq!(values(&names.others), ["The University of Tokyo"]);
        assert_eq!(names.others[0].lang, Some("en"));
    }

    #[test]
    fn readers_without_a_name_in_their_language_see_the_display_name() {
        let org = utokyo();
        for lang in ["en", "sv", "en-GB"] {
            let names = org.names_for(lang);
            assert_eq!(names.primary.value, "The University of Tokyo", "{lang}");
            assert_eq!(names.primary.lang, Some("en"));
            assert_eq!(values(&names.others), ["東京大学"], "{lang}");
        }
    }

    #[test]
    fn a_display_name_in_the_language_wins_over_a_label_and_one_name_per_language_shows() {
        let org = org(serde_json::json!([
            {"value": "KTH", "lang": "sv", "kind": "label"},
            {"value": "KTH Royal Institute of Technology", "lang": "en", "kind": "display"},
            {"value": "Royal Institute of Technology", "lang": "en", "kind": "label"},
            {"value": "Kungliga Tekniska högskolan", "lang": "sv", "kind": "display"}
        ]));
        let sv = org.names_for("sv");
        assert_eq!(sv.primary.value, "Kungliga Tekniska högskolan");
        assert_eq!(values(&sv.others), ["KTH Royal Institute of Technology"]);
        let en = org.names_for("EN");
        assert_eq!(en.primary.value, "KTH Royal Institute of Technology");
        assert_eq!(values(&en.others), ["Kungliga Tekniska högskolan"]);
    }

    #[test]
    fn a_languages_names_in_kanji_and_in_latin_letters_are_both_shown() {
        let org = org(serde_json::json!([
            {"value": "RIKEN", "lang": "ja", "kind": "display"},
            {"value": "理化学研究所", "lang": "ja", "kind": "label"}
        ]));
        let en = org.names_for("en");
        assert_eq!(en.primary.value, "RIKEN");
        assert_eq!(values(&en.others), ["理化学研究所"]);
    }

    #[test]
    fn a_display_name_without_a_language_stays_beside_a_name_in_the_readers() {
        let org = org(serde_json::json!([
            {"value": "Karolinska Institutet", "lang": null, "kind": "display"},
            {"value": "カロリンスカ研究所", "lang": "ja", "kind": "label"}
        ]));
        let sv = org.names_for("sv");
        assert_eq!(sv.primary.value, "Karolinska Institutet");
        assert_eq!(sv.primary.lang, None);
        assert_eq!(values(&sv.others), ["カロリンスカ研究所"]);
        let ja = org.names_for("ja");
        assert_eq!(ja.primary.value, "カロリンスカ研究所");
        assert_eq!(values(&ja.others), ["Karolinska Institutet"]);
        assert_eq!(ja.others[0].lang, None);
    }
}
