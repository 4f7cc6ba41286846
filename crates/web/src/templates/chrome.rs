//! The layout's chrome (header and footer): the same on every page of a
//! section in one language, so each is rendered once and then reused. A
//! page's own template still renders on every request; the chrome's forty
//! messages and links were a third of a search page's rendering.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use minijinja::{Error, ErrorKind, State, Value, context};

/// Rendered pieces kept at most: the sections come from request paths (a
/// stranger's made-up path renders an error page), so the cache is emptied
/// rather than allowed to grow.
const MOST_PIECES: usize = 512;

/// What a piece of chrome may depend on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    template: String,
    lang: String,
    site_name: String,
    incoming: bool,
    /// The path's first segment: `/countries` on `/countries/jp`.
    section: String,
}

/// The rendered chrome, shared by every render of the environment.
#[derive(Debug, Clone, Default)]
pub struct ChromeCache(Arc<Mutex<HashMap<Key, Value>>>);

impl ChromeCache {
    /// `{{ chrome("_site_header.html") }}`: the template rendered with the
    /// page's layout reduced to what chrome may read, from the cache when
    /// it was rendered before.
    pub fn render(&self, state: &State, template: &str) -> Result<Value, Error> {
        let layout = state
            .lookup("layout")
            .ok_or_else(|| Error::new(ErrorKind::UndefinedError, "chrome needs a layout"))?;
        let text = |name: &str| layout.get_attr(name).map(|v| v.to_string());
        let key = Key {
            template: template.to_owned(),
            lang: text("lang")?,
            site_name: text("site_name")?,
            incoming: layout.get_attr("incoming")?.is_true(),
            section: section(&text("path")?).to_owned(),
        };
        if let Some(piece) = self.lock().get(&key) {
            return Ok(piece.clone());
        }
        let html = state.env().get_template(template)?.render(context! {
            layout => context! {
                lang => &key.lang,
                site_name => &key.site_name,
                incoming => key.incoming,
                path => &key.section,
            }
        })?;
        let piece = Value::from_safe_string(html);
        let mut pieces = self.lock();
        if pieces.len() >= MOST_PIECES {
            pieces.clear();
        }
        pieces.insert(key, piece.clone());
        Ok(piece)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Value>> {
        // A render that panicked left nothing half-written: the map is whole.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The first segment of a path: `/countries` on `/countries/jp`, `/` on `/`.
fn section(path: &str) -> &str {
    match path[1.min(path.len())..].find('/') {
        Some(end) => &path[..end + 1],
        None => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::Environment;

    #[test]
    fn a_section_is_the_paths_first_segment() {
        assert_eq!(section("/"), "/");
        assert_eq!(section("/countries"), "/countries");
        assert_eq!(section("/countries/jp"), "/countries");
        assert_eq!(section("/admin/agreements/x"), "/admin");
        assert_eq!(section(""), "");
    }

    fn environment(cache: ChromeCache) -> Environment<'static> {
        let mut env = Environment::new();
        env.add_function("chrome", move |state: &State, name: &str| {
            cache.render(state, name)
        });
        env.add_template(
            "piece.html",
            r#"<b>{{ layout.site_name }}</b>{% if layout.path == "/map" %} here{% endif %} {{ layout.lang }}"#,
        )
        .unwrap();
        env.add_template(
            "page.html",
            r#"{{ layout.title }}: {{ chrome("piece.html") }}"#,
        )
        .unwrap();
        env
    }

    fn page(env: &Environment, path: &str, lang: &str, site_name: &str) -> String {
        let layout = context! { title => "T", path, lang, site_name, incoming => false };
        env.get_template("page.html")
            .unwrap()
            .render(context! { layout })
            .unwrap()
    }

    #[test]
    fn chrome_follows_the_section_language_and_name_it_depends_on() {
        let cache = ChromeCache::default();
        let env = environment(cache.clone());
        assert_eq!(page(&env, "/map", "en", "KI"), "T: <b>KI</b> here en");
        assert_eq!(page(&env, "/map/x", "en", "KI"), "T: <b>KI</b> here en");
        assert_eq!(page(&env, "/countries", "en", "KI"), "T: <b>KI</b> en");
        assert_eq!(page(&env, "/map", "sv", "KI"), "T: <b>KI</b> here sv");
        assert_eq!(
            page(&env, "/map", "en", "<Renamed>"),
            "T: <b>&lt;Renamed&gt;</b> here en",
            "a new site name is rendered anew, escaped"
        );
        assert_eq!(
            cache.lock().len(),
            4,
            "one piece per section, language and name"
        );
    }

    #[test]
    fn the_cache_is_emptied_rather_than_grown_past_its_bound() {
        let cache = ChromeCache::default();
        let env = environment(cache.clone());
        for i in 0..MOST_PIECES + 10 {
            page(&env, &format!("/made-up-{i}/x"), "en", "KI");
        }
        assert!(cache.lock().len() <= MOST_PIECES);
        assert_eq!(page(&env, "/map", "en", "KI"), "T: <b>KI</b> here en");
    }
}
