//! The words of the interface: one Fluent bundle per language, built from
//! every `.ftl` file under `locales/<lang>/` (one file per feature), with
//! the language's plural rules.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;

use crate::Lang;

/// The built-in message files.
#[derive(RustEmbed)]
#[folder = "locales/"]
struct BuiltinMessages;

/// A message file that does not parse, or defines a message twice.
#[derive(Debug, thiserror::Error)]
#[error("message file {file}: {problem}")]
pub struct CatalogError {
    /// The file, `sv/public.ftl`.
    pub file: String,
    /// What is wrong with it.
    pub problem: String,
}

/// A value placed into a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, placed as it is.
    Text(String),
    /// A number, which also picks the plural form.
    Number(f64),
}

/// Every message in every interface language.
pub struct Catalog {
    bundles: [FluentBundle<FluentResource>; 3],
    keys: [BTreeSet<String>; 3],
    /// Every message worded without values, formatted once: most messages
    /// of a page are asked for so, dozens of times a page.
    plain: [HashMap<String, Arc<str>>; 3],
}

impl Catalog {
    /// The messages built into Kizuna.
    pub fn builtin() -> Result<Self, CatalogError> {
        let load = |lang: Lang| {
            let langid = lang
                .code()
                .parse()
                .expect("interface languages are valid language ids");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks would show up in titles, attributes and feeds.
            bundle.set_use_isolating(false);
            let mut keys = BTreeSet::new();
            let prefix = format!("{}/", lang.code());
            let mut files: Vec<String> = BuiltinMessages::iter()
                .filter(|f| f.starts_with(&prefix) && f.ends_with(".ftl"))
                .map(|f| f.into_owned())
                .collect();
            files.sort();
            for file in files {
                let data = BuiltinMessages::get(&file).expect("listed files exist");
                let text = String::from_utf8_lossy(&data.data).into_owned();
                let resource =
                    FluentResource::try_new(text).map_err(|(_, errors)| CatalogError {
                        file: file.clone(),
                        problem: format!("{errors:?}"),
                    })?;
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        keys.insert(m.id.name.to_owned());
                    }
                }
                bundle
                    .add_resource(resource)
                    .map_err(|errors| CatalogError {
                        file: file.clone(),
                        problem: format!("{errors:?}"),
                    })?;
            }
            Ok::<_, CatalogError>((bundle, keys))
        };
        let (en, en_keys) = load(Lang::En)?;
        let (sv, sv_keys) = load(Lang::Sv)?;
        let (ja, ja_keys) = load(Lang::Ja)?;
        let mut catalog = Catalog {
            bundles: [en, sv, ja],
            keys: [en_keys, sv_keys, ja_keys],
            plain: Default::default(),
        };
        catalog.plain = Lang::ALL.map(|lang| {
            (catalog.keys[lang.index()].iter())
                .filter_map(|key| Some((key.clone(), catalog.format(lang, key, &[])?.into())))
                .collect()
        });
        Ok(catalog)
    }

    /// The message `key` in `lang` with `args` placed; English when `lang`
    /// lacks it, the key itself when no language has it (so a missing
    /// message shows, and the completeness test names it).
    pub fn message(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        if args.is_empty() {
            return self
                .plain(lang, key)
                .map_or_else(|| key.to_owned(), |text| text.to_string());
        }
        [lang, Lang::En]
            .into_iter()
            .find_map(|l| self.format(l, key, args))
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` without arguments in `lang`, else in English;
    /// shared, as every page asks for the same few.
    pub fn plain(&self, lang: Lang, key: &str) -> Option<&Arc<str>> {
        [lang, Lang::En]
            .into_iter()
            .find_map(|l| self.plain[l.index()].get(key))
    }

    /// Whether `key` exists in `lang`.
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.keys[lang.index()].contains(key)
    }

    /// Every message key of `lang`.
    pub fn keys(&self, lang: Lang) -> &BTreeSet<String> {
        &self.keys[lang.index()]
    }

    fn format(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        let bundle = &self.bundles[lang.index()];
        let pattern = bundle.get_message(key)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(t) => FluentValue::from(t.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_every_language() {
        let catalog = Catalog::builtin().expect("the built-in messages parse");
        let all: BTreeSet<&String> = Lang::ALL.iter().flat_map(|l| catalog.keys(*l)).collect();
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            for key in &all {
                if !catalog.has(lang, key) {
                    missing.push(format!("{lang}: {key}"));
                }
            }
        }
        assert!(missing.is_empty(), "messages missing: {missing:#?}");
        assert!(all.len() > 20, "the catalog holds the interface's messages");
    }

    #[test]
    fn plurals_follow_each_language() {
        let catalog = Catalog::builtin().unwrap();
        let n = |lang, count: f64| {
            catalog.message(lang, "count-partners", &[("count", Arg::Number(count))])
        };
        assert_eq!(n(Lang::En, 1.0), "1 partner");
        assert_eq!(n(Lang::En, 3.0), "3 partners");
        assert_eq!(n(Lang::Sv, 1.0), "1 partner");
        assert_eq!(n(Lang::Sv, 3.0), "3 partner");
        assert_eq!(n(Lang::Ja, 3.0), "3 件の提携先");
    }

    #[test]
    fn a_message_without_values_reads_as_fluent_formats_it() {
        let catalog = Catalog::builtin().unwrap();
        for lang in Lang::ALL {
            for key in catalog.keys(lang) {
                if let Some(formatted) = catalog.format(lang, key, &[]) {
                    assert_eq!(catalog.message(lang, key, &[]), formatted, "{lang}: {key}");
                }
            }
        }
        assert_eq!(catalog.message(Lang::Sv, "nav-map", &[]), "Karta");
    }

    #[test]
    fn a_missing_message_falls_back_to_english_then_the_key() {
        let catalog = Catalog::builtin().unwrap();
        assert_eq!(
            catalog.message(Lang::Sv, "no-such-message", &[]),
            "no-such-message"
        );
        assert_eq!(catalog.message(Lang::Ja, "nav-map", &[]), "地図");
    }
}
