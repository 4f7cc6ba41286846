//! Words in English, Swedish and Japanese for what records are coded by:
//! subject areas (ISCED-F), education levels, career stages and kinds. A
//! reader searches in their own words ("sjuksköterska", "看護", "nursing"),
//! so a record carries all three languages' words for its codes.

use std::sync::LazyLock;

use kizuna_domain::IscedCode;
use kizuna_i18n::{Catalog, Lang};

/// Everyday words for fields people rarely call by their ISCED-F name: the
/// profession and the study programme ("sjuksköterskeprogrammet"), in
/// English, Swedish and Japanese.
const SUBJECT_WORDS: &[(&str, &[&str])] = &[
    (
        "0912",
        &[
            "medicine",
            "physician",
            "doctor",
            "medical programme",
            "läkare",
            "läkarprogrammet",
            "läkarutbildning",
            "medicin",
            "医学",
            "医師",
            "医学科",
        ],
    ),
    (
        "0911",
        &[
            "dentistry",
            "dentist",
            "tandläkare",
            "tandläkarprogrammet",
            "odontologi",
            "歯学",
            "歯科医師",
        ],
    ),
    (
        "0913",
        &[
            "nurse",
            "nurses",
            "nursing",
            "midwife",
            "sjuksköterska",
            "sjuksköterskor",
            "sjuksköterskeprogrammet",
            "sjuksköterskeutbildning",
            "omvårdnad",
            "barnmorska",
            "barnmorskeprogrammet",
            "看護",
            "看護学",
            "看護師",
            "助産師",
        ],
    ),
    (
        "0914",
        &[
            "biomedical laboratory science",
            "biomedicinsk analytiker",
            "臨床検査",
            "臨床検査技師",
        ],
    ),
    (
        "0915",
        &[
            "physiotherapy",
            "physiotherapist",
            "occupational therapy",
            "occupational therapist",
            "fysioterapi",
            "fysioterapeut",
            "fysioterapeutprogrammet",
            "sjukgymnast",
            "arbetsterapi",
            "arbetsterapeut",
            "arbetsterapeutprogrammet",
            "理学療法",
            "理学療法士",
            "作業療法",
            "作業療法士",
            "リハビリテーション",
        ],
    ),
    (
        "0916",
        &[
            "pharmacy",
            "pharmacist",
            "apotekare",
            "receptarie",
            "farmaci",
            "薬学",
            "薬剤師",
        ],
    ),
    (
        "0923",
        &[
            "social work",
            "social worker",
            "socionom",
            "socialt arbete",
            "社会福祉",
            "ソーシャルワーク",
        ],
    ),
    ("0511", &["biology", "biologi", "生物学"]),
    ("0512", &["biochemistry", "biokemi", "生化学"]),
    ("0531", &["chemistry", "kemi", "化学"]),
    ("0533", &["physics", "fysik", "物理学"]),
    ("0541", &["mathematics", "matematik", "数学"]),
    (
        "0613",
        &[
            "software",
            "programming",
            "datavetenskap",
            "programvara",
            "情報科学",
            "プログラミング",
        ],
    ),
];

/// The interface's messages, for the labels of vocabulary words.
static CATALOG: LazyLock<Option<Catalog>> = LazyLock::new(|| Catalog::builtin().ok());

/// Every word a subject area is searched by: its code's names in the three
/// languages and the everyday words for it.
pub fn subject_terms(code: &IscedCode) -> Vec<String> {
    let mut terms: Vec<String> = kizuna_domain::isced::field(code.as_str())
        .map(|f| f.names().iter().map(|n| (*n).to_owned()).collect())
        .unwrap_or_default();
    terms.extend(
        SUBJECT_WORDS
            .iter()
            .filter(|(c, _)| *c == code.as_str())
            .flat_map(|(_, words)| words.iter().map(|w| (*w).to_owned())),
    );
    terms
}

/// A vocabulary word's labels (`student_exchange` → "Student exchange",
/// "Studentutbyte", "学生交流"), the words readers of each language see.
pub fn word_terms(word: &str) -> Vec<String> {
    let Some(catalog) = CATALOG.as_ref() else {
        return Vec::new();
    };
    let key = format!("enum-{word}");
    let mut terms: Vec<String> = [Lang::En, Lang::Sv, Lang::Ja]
        .into_iter()
        .filter(|lang| catalog.has(*lang, &key))
        .map(|lang| catalog.message(lang, &key, &[]))
        .collect();
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nursing_is_named_in_three_languages_and_in_everyday_words() {
        let terms = subject_terms(&"0913".parse().unwrap());
        for word in [
            "Nursing and midwifery",
            "看護学・助産学",
            "sjuksköterska",
            "看護",
            "omvårdnad",
        ] {
            assert!(terms.iter().any(|t| t == word), "{word} in {terms:?}");
        }
    }

    #[test]
    fn every_field_with_everyday_words_exists() {
        for (code, _) in SUBJECT_WORDS {
            assert!(kizuna_domain::isced::field(code).is_some(), "{code}");
        }
    }

    #[test]
    fn vocabulary_words_carry_their_labels_in_each_language() {
        let terms = word_terms("student_exchange");
        assert!(terms.contains(&"Studentutbyte".to_owned()), "{terms:?}");
        assert!(terms.contains(&"学生交流".to_owned()), "{terms:?}");
        assert!(word_terms("no_such_word").is_empty());
    }
}
