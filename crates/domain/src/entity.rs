//! What every record kind has in common, so storage and the API handle
//! them through one path.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{
    Agreement, Contact, FundingOpportunity, Organisation, Programme, Slug, ValidationErrors,
    Visibility,
};

crate::enums::vocabulary!(
    /// The record collections, named as in the API's URLs.
    Collection, "collection" {
        Organisations => "organisations", Agreements => "agreements",
        Programmes => "programmes", Funding => "funding", Contacts => "contacts",
    }
);

/// A kind of record kept in the registry.
pub trait Entity: Serialize + DeserializeOwned + Clone + Send + Sync + 'static {
    /// The collection that holds it.
    const COLLECTION: Collection;
    /// Its stable id.
    fn id(&self) -> &Slug;
    /// Who may see it.
    fn visibility(&self) -> Visibility;
    /// The name people know it by.
    fn title(&self) -> &str;
    /// Checks every rule, reporting all problems.
    fn validate(&self) -> Result<(), ValidationErrors>;
    /// Brings equivalent inputs to one form before validation.
    fn normalise(&mut self) {}
    /// Storage sets both timestamps.
    fn set_timestamps(&mut self, created_at: DateTime<Utc>, updated_at: DateTime<Utc>);
}

macro_rules! entity {
    ($ty:ty, $collection:ident, |$s:ident| $title:expr) => {
        entity!($ty, $collection, |$s| $title, |_x| {});
    };
    ($ty:ty, $collection:ident, |$s:ident| $title:expr, |$n:ident| $normalise:expr) => {
        impl Entity for $ty {
            const COLLECTION: Collection = Collection::$collection;
            fn id(&self) -> &Slug {
                &self.id
            }
            fn visibility(&self) -> Visibility {
                self.visibility
            }
            fn title(&self) -> &str {
                let $s = self;
                $title
            }
            fn validate(&self) -> Result<(), ValidationErrors> {
                <$ty>::validate(self)
            }
            fn normalise(&mut self) {
                let $n = self;
                $normalise
            }
            fn set_timestamps(&mut self, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) {
                self.created_at = Some(created_at);
                self.updated_at = Some(updated_at);
            }
        }
    };
}

entity!(Organisation, Organisations, |s| s.display_name());
entity!(Agreement, Agreements, |s| &s.title, |a| a.normalise());
entity!(Programme, Programmes, |s| &s.title);
entity!(FundingOpportunity, Funding, |s| &s.title);
entity!(Contact, Contacts, |s| &s.name);
