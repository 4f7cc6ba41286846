//! Page templates: built-in ones embedded in the binary; a theme folder may
//! override any of them by file name, so each university can brand its pages.

use std::path::PathBuf;

use minijinja::{Environment, UndefinedBehavior, Value};
use rust_embed::RustEmbed;
use serde::Serialize;

use crate::AppError;

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
        env.add_filter("label", label);
        env.add_function(
            "embed_snippet",
            |base: String, widget: String, params: Value| {
                crate::embed::snippet(&base, &widget, &params)
            },
        );
        env.add_function("country_name", |code: String| {
            code.parse::<kizuna_domain::CountryCode>()
                .map(|c| c.name().to_owned())
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

    #[test]
    fn labels_read_as_words() {
        assert_eq!(label("strategic_partnership"), "Strategic partnership");
        assert_eq!(label("mou"), "Memorandum of understanding (MOU)");
        assert_eq!(label("central"), "Central");
    }
}
