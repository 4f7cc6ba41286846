//! The options of a select, written once when the choices are made: a
//! country filter offers ~250 of them on every list page, and writing each
//! per request (let alone looping over them in the template) was a large
//! part of such a page's time. A request only marks its selected option.

use std::borrow::Cow;
use std::fmt::Write;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectRepr};
use minijinja::{Error, ErrorKind, HtmlEscape, Value};

/// The `(value, label)` choices of a select, handed to a template as one
/// value for `select_options` (and empty, so false, when there are none).
#[derive(Debug, Default)]
pub struct SelectChoices {
    /// Every `<option>`, escaped, none selected.
    html: String,
    /// Each choice's value and where in `html` its opening tag ends.
    marks: Vec<(Cow<'static, str>, usize)>,
}

impl SelectChoices {
    /// Choices offered in the given order.
    pub fn new(
        pairs: impl IntoIterator<Item = (Cow<'static, str>, Cow<'static, str>)>,
    ) -> SelectChoices {
        let mut choices = SelectChoices::default();
        for (value, label) in pairs {
            let _ = write!(choices.html, "<option value=\"{}\"", HtmlEscape(&value));
            choices.marks.push((value, choices.html.len()));
            let _ = write!(choices.html, ">{}</option>", HtmlEscape(&label));
        }
        choices
    }
}

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
        self.marks
            .get(key.as_usize()?)
            .map(|(value, _)| Value::from(value.as_ref()))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.marks.len())
    }
}

/// `{{ select_options(choices, selected) }}`: the `<option>`s of
/// [`SelectChoices`], the selected one marked.
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
    let at = (choices.marks.iter())
        .find(|(value, _)| Some(value.as_ref()) == selected)
        .map_or(choices.html.len(), |(_, at)| *at);
    let mut html = String::with_capacity(choices.html.len() + 9);
    html.push_str(&choices.html[..at]);
    if at < choices.html.len() {
        html.push_str(" selected");
    }
    html.push_str(&choices.html[at..]);
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
            "{{ select_options(choices, selected) }}|{{ choices|length }}{% if choices %} some{% endif %}",
        )?;
        let choices = SelectChoices::new([
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
                r#"|2 some"#
            )
        );
        assert!(!render(Value::from(())).unwrap().contains("selected"));
        assert!(!render(Value::from("AU")).unwrap().contains("selected"));
        let marked = render(Value::from("x\"><script>")).unwrap();
        assert_eq!(marked.matches(" selected").count(), 1);
        assert!(marked.contains(r#"&gt;" selected>&lt;b&gt;"#), "{marked}");
    }

    #[test]
    fn anything_else_is_a_template_error() {
        let mut env = Environment::new();
        env.add_function("select_options", select_options);
        let result = env.render_str("{{ select_options([1, 2], none) }}", ());
        assert!(result.is_err());
    }
}
