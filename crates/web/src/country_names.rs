//! Country names in the reader's language: English from the domain's table,
//! Swedish and Japanese from the `i18n-iso-countries` package (copied from
//! node_modules by build.rs and embedded; nothing is read at run time).

use std::collections::HashMap;
use std::sync::LazyLock;

use kizuna_core::read::Reader;
use kizuna_domain::CountryCode;
use kizuna_i18n::Lang;

/// The package's file: `{"locale": "sv", "countries": {"SE": "Sverige", …}}`,
/// where a country may have several names, the first being the official one.
#[derive(serde::Deserialize)]
struct NamesFile {
    countries: HashMap<String, OneOrMore>,
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum OneOrMore {
    One(String),
    More(Vec<String>),
}

fn parse(json: &str) -> HashMap<String, String> {
    let file: NamesFile = serde_json::from_str(json).expect("the embedded country names parse");
    file.countries
        .into_iter()
        .filter_map(|(code, names)| match names {
            OneOrMore::One(name) => Some((code, name)),
            OneOrMore::More(names) => names.into_iter().next().map(|n| (code, n)),
        })
        .collect()
}

static SWEDISH: LazyLock<HashMap<String, String>> =
    LazyLock::new(|| parse(include_str!(concat!(env!("OUT_DIR"), "/countries/sv.json"))));
static JAPANESE: LazyLock<HashMap<String, String>> =
    LazyLock::new(|| parse(include_str!(concat!(env!("OUT_DIR"), "/countries/ja.json"))));

fn english(code: CountryCode) -> &'static str {
    code.name()
}

fn swedish(code: CountryCode) -> &'static str {
    SWEDISH
        .get(code.as_str())
        .map_or_else(|| code.name(), String::as_str)
}

fn japanese(code: CountryCode) -> &'static str {
    JAPANESE
        .get(code.as_str())
        .map_or_else(|| code.name(), String::as_str)
}

/// The function naming countries in `lang` (English where a name is missing).
pub fn namer(lang: Lang) -> fn(CountryCode) -> &'static str {
    match lang {
        Lang::En => english,
        Lang::Sv => swedish,
        Lang::Ja => japanese,
    }
}

/// A country's name in `lang`.
pub fn name_in(lang: Lang, code: CountryCode) -> &'static str {
    namer(lang)(code)
}

/// Every country's code and name in a language, in the order that language
/// sorts the names.
type Sorted = Vec<(CountryCode, &'static str, &'static str)>;

fn sorted_in(lang: Lang) -> Sorted {
    let mut all: Sorted = kizuna_domain::countries::COUNTRIES
        .iter()
        .map(|(text, _)| {
            let code: CountryCode = text.parse().expect("table codes are valid");
            (code, *text, name_in(lang, code))
        })
        .collect();
    crate::http::lang::languages()
        .collation(lang)
        .sort_by_key(&mut all, |(_, _, name)| name);
    all
}

fn sorted(lang: Lang) -> &'static Sorted {
    static EN: LazyLock<Sorted> = LazyLock::new(|| sorted_in(Lang::En));
    static SV: LazyLock<Sorted> = LazyLock::new(|| sorted_in(Lang::Sv));
    static JA: LazyLock<Sorted> = LazyLock::new(|| sorted_in(Lang::Ja));
    match lang {
        Lang::En => &EN,
        Lang::Sv => &SV,
        Lang::Ja => &JA,
    }
}

/// A set of country codes, one bit per pair of letters.
/// A set of country codes, one bit each: cheap to build, compare and hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeSet([u64; 11]);

impl CodeSet {
    fn bit(code: CountryCode) -> usize {
        let [a, b] = code.letters();
        usize::from(a - b'A') * 26 + usize::from(b - b'A')
    }

    fn contains(&self, code: CountryCode) -> bool {
        let bit = Self::bit(code);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

impl FromIterator<CountryCode> for CodeSet {
    fn from_iter<I: IntoIterator<Item = CountryCode>>(codes: I) -> Self {
        let mut set = CodeSet([0; 11]);
        for code in codes {
            let bit = Self::bit(code);
            set.0[bit / 64] |= 1 << (bit % 64);
        }
        set
    }
}

/// `codes` as (code, name in `lang`), in the order `lang` sorts those names
/// (å ä ö after z in Swedish), each once. Every country is named and sorted
/// once per language, so a page with a country filter picks its few hundred
/// from that list instead of collating them per request.
pub fn named_in_order(
    lang: Lang,
    codes: impl IntoIterator<Item = CountryCode>,
) -> Vec<(&'static str, &'static str)> {
    named_set_in_order(lang, &codes.into_iter().collect())
}

/// As [`named_in_order`], for a set already made.
pub fn named_set_in_order(lang: Lang, wanted: &CodeSet) -> Vec<(&'static str, &'static str)> {
    sorted(lang)
        .iter()
        .filter(|(code, _, _)| wanted.contains(*code))
        .map(|&(_, text, name)| (text, name))
        .collect()
}

/// A reader of `lang`, for [`kizuna_core::read::Lookup::reading_as`].
pub fn reader(lang: Lang) -> Reader {
    Reader {
        lang: lang.code(),
        country_name: namer(lang),
        sort_key: sort_key_in(lang),
    }
}

/// The function giving a name's sort key in `lang`'s collation.
fn sort_key_in(lang: Lang) -> fn(&str) -> Vec<u8> {
    fn key(lang: Lang, name: &str) -> Vec<u8> {
        crate::http::lang::languages()
            .collation(lang)
            .sort_key(name)
    }
    match lang {
        Lang::En => |name| key(Lang::En, name),
        Lang::Sv => |name| key(Lang::Sv, name),
        Lang::Ja => |name| key(Lang::Ja, name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cc(code: &str) -> CountryCode {
        code.parse().unwrap()
    }

    #[test]
    fn countries_have_names_in_each_language() {
        assert_eq!(name_in(Lang::En, cc("JP")), "Japan");
        assert_eq!(name_in(Lang::Sv, cc("JP")), "Japan");
        assert_eq!(name_in(Lang::Ja, cc("JP")), "日本");
        assert_eq!(name_in(Lang::Sv, cc("AT")), "Österrike");
        assert_eq!(name_in(Lang::Ja, cc("SE")), "スウェーデン");
        assert_eq!(name_in(Lang::Sv, cc("DE")), "Tyskland");
    }

    #[test]
    fn every_code_the_domain_knows_has_a_swedish_and_a_japanese_name() {
        for (code, english) in kizuna_domain::countries::COUNTRIES {
            assert!(SWEDISH.contains_key(*code), "{code} {english} in Swedish");
            assert!(JAPANESE.contains_key(*code), "{code} {english} in Japanese");
        }
    }

    #[test]
    fn countries_come_named_in_the_readers_order() {
        let codes = || [cc("AT"), cc("JP"), cc("DE"), cc("SE"), cc("JP")];
        let named = |lang| {
            named_in_order(lang, codes())
                .into_iter()
                .map(|(_, name)| name)
                .collect::<Vec<_>>()
        };
        assert_eq!(named(Lang::En), ["Austria", "Germany", "Japan", "Sweden"]);
        assert_eq!(
            named(Lang::Sv),
            ["Japan", "Sverige", "Tyskland", "Österrike"]
        );
        assert_eq!(
            named(Lang::Ja).len(),
            4,
            "each country once, in Japanese too"
        );
        assert_eq!(named_in_order(Lang::Ja, [cc("JP")])[0].1, "日本");
    }

    #[test]
    fn a_name_given_as_a_list_takes_the_first() {
        let names = parse(r#"{"locale":"x","countries":{"US":["USA","America"],"SE":"S"}}"#);
        assert_eq!(names["US"], "USA");
        assert_eq!(names["SE"], "S");
    }
}
