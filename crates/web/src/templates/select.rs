//! The options of a select, written in one call: a country filter offers
//! ~250 of them on every list page, and converting each choice into a
//! template value and looping over it in the template took a third of such a
//! page's time.

use std::borrow::Cow;
use std::fmt::Write;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectRepr};
use minijinja::{Error, ErrorKind, HtmlEscape, Value};

/// The `(value, label)` pairs a select offers, handed to a template as one
/// value for `select_options`; templates may also loop over them as
/// `{value, label}` items.
#[derive(Debug, Default)]
pub struct SelectChoices(pub Vec<(Cow<'static, str>, Cow<'static, str>)>);

/// Serializes shared choices as one template value, for
/// `#[serde(serialize_with = "crate::templates::serialize_choices")]`.
pub fn serialize_choices<S: serde::Serializer>(
    choices: &Arc<SelectChoices>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&Value::from_dyn_object(Arc::clone(choices)), serializer)
}

impl Object for SelectChoices {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let (value, label) = self.0.get(key.as_usize()?)?;
        Some(minijinja::context! { value => value.as_ref(), label => label.as_ref() })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
}

/// `{{ select_options(choices, selected) }}`: the `<option>`s of
/// [`SelectChoices`], the selected one marked, escaped as any value is.
pub fn select_options(choices: Value, selected: Option<Value>) -> Result<Value, Error> {
    let choices = choices
        .downcast_object_ref::<SelectChoices>()
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOperation,
                "select_options takes the choices a page prepared (SelectChoices)",
            )
        })?;
    let selected = selected.as_ref().and_then(Value::as_str);
    let mut html = String::with_capacity(choices.0.len() * 40);
    for (value, label) in &choices.0 {
        let mark = if selected == Some(value.as_ref()) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            html,
            "<option value=\"{}\"{mark}>{}</option>",
            HtmlEscape(value.as_ref()),
            HtmlEscape(label.as_ref())
        );
    }
    Ok(Value::from_safe_string(html))
}

#[cfg(test)]
mod tests {
    use minijinja::Environment;

    use super::*;

    fn render(selected: Value) -> Result<String, Error> {
        let mut env = Environment::new();
        env.add_function("select_options", select_options);
        env.add_template(
            "x.html",
            "{{ select_options(choices, selected) }}|{% for c in choices %}{{ c.value }}{% endfor %}",
        )?;
        let choices = SelectChoices(vec![
            ("AT".into(), "Österrike".into()),
            ("x\"><script>".into(), "<b>&</b>".into()),
        ]);
        env.get_template("x.html")?.render(minijinja::context! {
            choices => Value::from_object(choices), selected => selected,
        })
    }

    #[test]
    fn options_are_escaped_and_the_selected_one_marked() {
        assert_eq!(
            render(Value::from("AT")).unwrap(),
            concat!(
                r#"<option value="AT" selected>Österrike</option>"#,
                r#"<option value="x&quot;&gt;&lt;script&gt;">&lt;b&gt;&amp;&lt;&#x2f;b&gt;</option>"#,
                r#"|ATx&quot;&gt;&lt;script&gt;"#
            )
        );
        assert!(!render(Value::from(())).unwrap().contains("selected"));
    }

    #[test]
    fn anything_else_is_a_template_error() {
        let mut env = Environment::new();
        env.add_function("select_options", select_options);
        let result = env.render_str("{{ select_options([1, 2], none) }}", ());
        assert!(result.is_err());
    }
}
