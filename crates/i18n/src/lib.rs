//! Kizuna's interface languages: which language a reader gets, the words of
//! every message in it (Fluent, with plural rules), and the language's own
//! order of names, dates and numbers (ICU4X).

mod collate;
mod format;
mod lang;
mod messages;

pub use collate::Collation;
pub use format::Formats;
pub use lang::{Lang, UnknownLang};
pub use messages::{Arg, Catalog, CatalogError};

// `icu_provider` is a dependency only for its `sync` feature (formatters shared across threads).
use icu_provider as _;

/// Everything a page needs to speak one language: messages, collation and formats.
pub struct Languages {
    catalog: Catalog,
    per_lang: [(Collation, Formats); 3],
}

impl Languages {
    /// Loads the built-in messages and each language's ICU data.
    pub fn load() -> Result<Self, CatalogError> {
        let per = |lang| (Collation::new(lang), Formats::new(lang));
        Ok(Languages {
            catalog: Catalog::builtin()?,
            per_lang: [per(Lang::En), per(Lang::Sv), per(Lang::Ja)],
        })
    }

    /// The messages.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The order of names in `lang`.
    pub fn collation(&self, lang: Lang) -> &Collation {
        &self.per_lang[lang.index()].0
    }

    /// Dates and numbers written as `lang` writes them.
    pub fn formats(&self, lang: Lang) -> &Formats {
        &self.per_lang[lang.index()].1
    }
}
