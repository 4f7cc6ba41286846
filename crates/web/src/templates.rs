//! Page templates: built-in ones embedded in the binary; a theme folder may
//! override any of them by file name, so each university can brand its pages.

mod chrome;
mod select;

pub use select::{SelectChoices, serialize_choices};

use std::path::PathBuf;

use minijinja::value::Kwargs;
use minijinja::{Environment, State, UndefinedBehavior, Value};
use rust_embed::RustEmbed;
use serde::Serialize;

use crate::AppError;
use crate::http::lang::{Lang, languages};
use kizuna_i18n::Arg;

/// The built-in templates.
#[derive(RustEmbed)]
#[folder = "templates/"]
struct BuiltinTemplates;

/// The template environment.
pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    /// Loads templates, preferring `theme_dir/templates/NAME` over the built-in NAME.
    pub fn new(theme_dir: Option<PathBuf>) -> Result<Self, AppError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_loader(move |name| {
            if name.contains("..") {
                return Ok(None);
            }
            if let Some(dir) = &theme_dir
                && let Ok(text) = std::fs::read_to_string(dir.join("templates").join(name))
            {
                return Ok(Some(text));
            }
            Ok(BuiltinTemplates::get(name).map(|f| String::from_utf8_lossy(&f.data).into_owned()))
        });
        env.add_filter("markdown", |text: Option<String>| {
            Value::from_safe_string(
                text.map(|t| crate::markdown::render(&t))
                    .unwrap_or_default(),
            )
        });
        env.add_filter("label", |state: &State, word: &str| {
            enum_message(page_lang(state), word).map_or_else(
                || Value::from(label(word)),
                |text| Value::from(text.clone()),
            )
        });
        env.add_function("t", translate);
        env.add_function("select_options", select::select_options);
        let chrome = chrome::ChromeCache::default();
        env.add_function("chrome", move |state: &State, name: &str| {
            chrome.render(state, name)
        });
        env.add_filter("date", |state: &State, day: &str| {
            date_in(page_lang(state), day)
        });
        env.add_filter("number", |state: &State, n: i64| {
            languages().formats(page_lang(state)).number(n)
        });
        env.add_function(
            "embed_snippet",
            |base: String, widget: String, params: Value| {
                crate::embed::snippet(&base, &widget, &params)
            },
        );
        env.add_function("country_name", |state: &State, code: String| {
            code.parse::<kizuna_domain::CountryCode>()
                .map(|c| crate::country_names::name_in(page_lang(state), c).to_owned())
                .unwrap_or(code)
        });
        Ok(Templates { env })
    }

    /// Renders a page.
    pub fn render<T: Serialize>(&self, name: &str, context: &T) -> Result<String, AppError> {
        let template = self.env.get_template(name)?;
        Ok(template.render(minijinja::value::Serde(context))?)
    }

    /// Every built-in template name (for tests that render them all).
    pub fn builtin_names() -> Vec<String> {
        BuiltinTemplates::iter().map(|n| n.into_owned()).collect()
    }
}

/// The language of the page being rendered: the request's, which its
/// layout also says (a render outside a request has only the layout).
fn page_lang(state: &State) -> Lang {
    crate::http::lang::scoped().unwrap_or_else(|| {
        state
            .lookup("layout")
            .and_then(|layout| layout.get_attr("lang").ok())
            .and_then(|lang| lang.as_str().and_then(|code| code.parse().ok()))
            .unwrap_or_default()
    })
}

/// `{{ t("key", count=3) }}`: the message `key` in the page's language.
/// A value that is already HTML (a macro's link, `|safe`) is placed as it
/// is, and then the message's own words are escaped around it: a sentence
/// with a link in it stays one message.
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<Value, minijinja::Error> {
    let lang = page_lang(state);
    if kwargs.args().next().is_none()
        && let Some(text) = languages().catalog().plain(lang, key)
    {
        return Ok(Value::from(text.clone()));
    }
    let mut args = Vec::new();
    let mut markup = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let arg = if value.is_safe() {
            markup.push(value.to_string());
            Arg::Text(marker(markup.len() - 1))
        } else {
            match value.as_i64() {
                Some(n) => Arg::Number(n as f64),
                None => Arg::Text(value.to_string()),
            }
        };
        args.push((name, arg));
    }
    let text = languages().catalog().message(lang, key, &args);
    if markup.is_empty() {
        return Ok(Value::from(text));
    }
    let mut html = minijinja::HtmlEscape(&text).to_string();
    for (i, m) in markup.iter().enumerate() {
        html = html.replace(&marker(i), m);
    }
    Ok(Value::from_safe_string(html))
}

/// Where the `i`th HTML value goes (private-use characters no message holds).
fn marker(i: usize) -> String {
    format!("\u{E000}{i}\u{E001}")
}

/// A vocabulary word in `lang`: the message `enum-WORD` where there is one,
/// else the word made readable.
pub fn label_in(lang: Lang, word: &str) -> String {
    enum_message(lang, word).map_or_else(|| label(word), |text| text.to_string())
}

/// The message `enum-WORD` in `lang`, where there is one.
fn enum_message(lang: Lang, word: &str) -> Option<&'static std::sync::Arc<str>> {
    let mut key = String::with_capacity(5 + word.len());
    key.push_str("enum-");
    key.push_str(word);
    languages().catalog().plain(lang, &key)
}

/// A day, or a month of a year (`2023-04`), as `lang` writes it; a year alone
/// and anything else stays as it is.
pub fn date_in(lang: Lang, text: &str) -> String {
    use kizuna_domain::PartialDate;
    let formats = languages().formats(lang);
    match text.parse::<PartialDate>() {
        Ok(PartialDate::Day(day)) => formats.date(day),
        Ok(PartialDate::Month(year, month)) => formats
            .month(year, month)
            .unwrap_or_else(|| text.to_owned()),
        Ok(PartialDate::Year(_)) | Err(_) => text.to_owned(),
    }
}

/// Turns a vocabulary word into words a person reads: `strategic_partnership` → `Strategic partnership`.
pub fn label(word: &str) -> String {
    match word {
        "mou" => "Memorandum of understanding (MOU)".to_owned(),
        "postdoc" => "Postdoc".to_owned(),
        "doctoral" => "Doctoral (PhD)".to_owned(),
        "joint_programme" => "Joint programme".to_owned(),
        other => {
            let spaced = other.replace('_', " ");
            let mut chars = spaced.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `t("key")` in a built-in template names a message that exists
    /// (the i18n crate checks each message exists in every language).
    #[test]
    fn templates_use_only_existing_messages() {
        let catalog = languages().catalog();
        let mut missing = Vec::new();
        for name in Templates::builtin_names() {
            let text =
                String::from_utf8(BuiltinTemplates::get(&name).unwrap().data.into_owned()).unwrap();
            for (i, _) in text.match_indices("t(\"") {
                let key: String = text[i + 3..].chars().take_while(|c| *c != '"').collect();
                // `t(` inside a longer name (`list(`, `split(`) is not a message.
                let before = text[..i].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                if !catalog.has(Lang::En, &key) {
                    missing.push(format!("{name}: {key}"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "templates name messages that do not exist: {missing:#?}"
        );
    }

    #[test]
    fn html_values_are_placed_and_the_words_around_them_escaped() {
        let mut env = Environment::new();
        env.add_function("t", translate);
        env.add_template(
            "x.html",
            r#"{% macro a() %}<a href="/">x</a>{% endmacro %}{{ t("rec-valid-range", start=a(), end="<b>") }}"#,
        )
        .unwrap();
        let html = env.get_template("x.html").unwrap().render(()).unwrap();
        assert_eq!(html, r#"<a href="/">x</a> to &lt;b&gt;"#);
    }

    #[test]
    fn partial_dates_read_as_each_language_writes_them() {
        assert_eq!(date_in(Lang::En, "2023-04"), "April 2023");
        assert_eq!(date_in(Lang::Sv, "2023-04"), "april 2023");
        assert_eq!(date_in(Lang::Ja, "2023-04"), "2023年4月");
        assert_eq!(date_in(Lang::Ja, "2023"), "2023");
        assert_eq!(date_in(Lang::Sv, "2023-04-09"), "9 april 2023");
        assert_eq!(date_in(Lang::En, "not a date"), "not a date");
    }

    #[test]
    fn labels_follow_the_language() {
        assert_eq!(label_in(Lang::En, "central"), "Central");
        assert_ne!(
            label_in(Lang::Sv, "student_exchange"),
            label_in(Lang::En, "student_exchange")
        );
    }

    #[test]
    fn labels_read_as_words() {
        assert_eq!(label("strategic_partnership"), "Strategic partnership");
        assert_eq!(label("mou"), "Memorandum of understanding (MOU)");
        assert_eq!(label("central"), "Central");
    }
}
