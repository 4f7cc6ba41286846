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
    fn a_name_given_as_a_list_takes_the_first() {
        let names = parse(r#"{"locale":"x","countries":{"US":["USA","America"],"SE":"S"}}"#);
        assert_eq!(names["US"], "USA");
        assert_eq!(names["SE"], "S");
    }
}
