//! The filters of the index pages as their form shows them: which selects a
//! list offers, with choices made once per language and shared, and the
//! words that differ from one collection's list to another's.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use kizuna_core::read::Lookup;
use kizuna_core::read::params::home_units;
use kizuna_domain::{CountryCode, EducationLevel};
use serde::Serialize;

use crate::country_names::{CodeSet, named_set_in_order};
use crate::http::lang::{Lang, current, languages};
use crate::templates::SelectChoices;

/// The words of a list page that differ between collections, as message
/// keys (and `what`, the value count messages pick their words by).
#[derive(Debug, Serialize)]
pub(super) struct ListWords {
    /// `organisations`: the page's path and the API collection its downloads come from.
    pub collection: &'static str,
    /// `organisation`.
    pub what: &'static str,
    pub heading: &'static str,
    pub lead: &'static str,
    pub filters: &'static str,
    /// Says which organisation the list is narrowed to.
    pub partner: &'static str,
    pub text: &'static str,
    pub text_hint: &'static str,
    pub show: &'static str,
    pub no_match: &'static str,
    pub show_all: &'static str,
}

/// `/agreements`.
pub(super) const AGREEMENTS: ListWords = ListWords {
    collection: "agreements",
    what: "agreement",
    heading: "rec-agreements",
    lead: "rec-agreements-lead",
    filters: "rec-filter-agreements",
    partner: "rec-filter-with",
    text: "rec-filter-words",
    text_hint: "rec-filter-words-hint-agreements",
    show: "rec-show-agreements",
    no_match: "rec-no-agreement-matches",
    show_all: "rec-show-all-agreements",
};

/// `/programmes`.
pub(super) const PROGRAMMES: ListWords = ListWords {
    collection: "programmes",
    what: "programme",
    heading: "rec-programmes",
    lead: "rec-programmes-lead",
    filters: "rec-filter-programmes",
    partner: "rec-filter-with",
    text: "rec-filter-words",
    text_hint: "rec-filter-words-hint-programmes",
    show: "rec-show-programmes",
    no_match: "rec-no-programme-matches",
    show_all: "rec-show-all-programmes",
};

/// `/organisations`.
pub(super) const ORGANISATIONS: ListWords = ListWords {
    collection: "organisations",
    what: "organisation",
    heading: "rec-organisations",
    lead: "rec-organisations-lead",
    filters: "rec-filter-organisations",
    partner: "rec-filter-units-of",
    text: "rec-filter-name-or-city",
    text_hint: "rec-filter-name-hint",
    show: "rec-show-organisations",
    no_match: "rec-no-organisation-matches",
    show_all: "rec-show-all-organisations",
};

/// One select of a list's form.
#[derive(Debug, Serialize)]
pub(super) struct SelectField {
    /// The control's id.
    id: &'static str,
    /// The query parameter it sets.
    name: &'static str,
    /// Message keys of its label and of its empty choice.
    label: &'static str,
    any: &'static str,
    #[serde(serialize_with = "crate::templates::serialize_choices")]
    choices: Arc<SelectChoices>,
    /// The value the reader chose, if any.
    selected: Option<String>,
}

impl SelectField {
    /// The select `id` setting `name`, labelled by the messages `label` and `any`.
    pub fn new(
        (id, name): (&'static str, &'static str),
        (label, any): (&'static str, &'static str),
        choices: Arc<SelectChoices>,
        selected: &Option<String>,
    ) -> SelectField {
        SelectField {
            id,
            name,
            label,
            any,
            choices,
            selected: selected.clone(),
        }
    }
}

/// What a filter offers, as the key its choices are kept under.
#[derive(PartialEq, Eq, Hash)]
enum Offered {
    Countries(CodeSet),
    Words(Vec<&'static str>),
}

/// The choices offering `offered` in `lang`, made by `make` the first time.
/// A registry's set of countries rarely changes and a vocabulary never does,
/// so each (language, offer) is written once and shared by every request.
fn kept(lang: Lang, offered: Offered, make: impl FnOnce() -> SelectChoices) -> Arc<SelectChoices> {
    /// Enough for every list page in every language and a few past sets.
    const KEPT: usize = 64;
    type Made = HashMap<(Lang, Offered), Arc<SelectChoices>>;
    static MADE: LazyLock<Mutex<Made>> = LazyLock::new(Mutex::default);
    let mut made = MADE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if made.len() >= KEPT {
        made.clear();
    }
    let key = (lang, offered);
    if let Some(choices) = made.get(&key) {
        return Arc::clone(choices);
    }
    let choices = Arc::new(make());
    made.insert(key, Arc::clone(&choices));
    choices
}

/// `codes` as the choices of a country filter, in the reader's language.
fn country_choices(codes: impl IntoIterator<Item = CountryCode>) -> Arc<SelectChoices> {
    let lang = current();
    let set: CodeSet = codes.into_iter().collect();
    kept(lang, Offered::Countries(set), || {
        let named = named_set_in_order(lang, &set);
        SelectChoices::new(
            named
                .into_iter()
                .map(|(code, name)| (code.into(), name.into())),
        )
    })
}

/// Choices in the order of the reader's language (å ä ö after z in Swedish).
fn sort_choices(choices: &mut [(Cow<'static, str>, Cow<'static, str>)]) {
    languages()
        .collation(current())
        .sort_by_key(choices, |(_, label)| label.as_ref());
}

/// Vocabulary words, labelled in the reader's language.
pub(super) fn words(all: impl IntoIterator<Item = &'static str>) -> Arc<SelectChoices> {
    let lang = current();
    let words: Vec<&'static str> = all.into_iter().collect();
    kept(lang, Offered::Words(words.clone()), || {
        SelectChoices::new(
            words
                .into_iter()
                .map(|word| (word.into(), crate::templates::label_in(lang, word).into())),
        )
    })
}

/// The country filter labelled by the message `label`, offering `codes`.
pub(super) fn country_select(
    label: &'static str,
    codes: impl IntoIterator<Item = CountryCode>,
    selected: &Option<String>,
) -> SelectField {
    let choices = country_choices(codes);
    SelectField::new(
        ("f-country", "country"),
        (label, "rec-any-country"),
        choices,
        selected,
    )
}

/// The kind filter, offering the vocabulary `kinds`.
pub(super) fn kind_select(
    kinds: impl IntoIterator<Item = &'static str>,
    selected: &Option<String>,
) -> SelectField {
    SelectField::new(
        ("f-kind", "kind"),
        ("rec-kind", "rec-any-kind"),
        words(kinds),
        selected,
    )
}

/// Whom an agreement or programme is for.
pub(super) fn education_select(selected: &Option<String>) -> SelectField {
    SelectField::new(
        ("f-education", "education_level"),
        ("rec-for", "rec-anyone"),
        words(EducationLevel::ALL.iter().map(|w| w.as_str())),
        selected,
    )
}

/// The select of home units (`id`, labelled by the message `label`), left
/// out when the registry has none.
pub(super) fn unit_select(
    lookup: &Lookup<'_>,
    label: &'static str,
    selected: &Option<String>,
) -> Option<SelectField> {
    let mut choices: Vec<(Cow<'static, str>, Cow<'static, str>)> = home_units(lookup)
        .into_iter()
        .map(|u| (u.id.to_string().into(), u.display_name().to_owned().into()))
        .collect();
    if choices.is_empty() {
        return None;
    }
    sort_choices(&mut choices);
    let choices = Arc::new(SelectChoices::new(choices));
    Some(SelectField::new(
        ("f-unit", "unit"),
        (label, "rec-any-unit"),
        choices,
        selected,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::lang::scope;

    #[tokio::test]
    async fn choices_follow_the_readers_order() {
        let choice = |label: &'static str| (label.into(), label.into());
        let sorted = |lang| async move {
            let mut all = vec![choice("Österrike"), choice("Zambia"), choice("Albanien")];
            scope(lang, async { sort_choices(&mut all) }).await;
            all.into_iter()
                .map(|(_, label): (Cow<str>, Cow<str>)| label.into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(sorted(Lang::Sv).await, ["Albanien", "Zambia", "Österrike"]);
        assert_eq!(sorted(Lang::En).await, ["Albanien", "Österrike", "Zambia"]);
    }

    #[test]
    fn every_list_word_is_a_message() {
        let catalog = languages().catalog();
        for words in [&AGREEMENTS, &PROGRAMMES, &ORGANISATIONS] {
            let keys = [
                words.heading,
                words.lead,
                words.filters,
                words.partner,
                words.text,
                words.text_hint,
                words.show,
                words.no_match,
                words.show_all,
            ];
            for key in keys {
                assert!(catalog.has(Lang::En, key), "{key} is not a message");
            }
        }
    }
}
