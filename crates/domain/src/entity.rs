//! What every record kind has in common, so storage and the API handle
//! them through one path.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::text::TextKind;
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
    /// The text fields that are not one line (see [`crate::text`]), by path.
    const TEXT_KINDS: &'static [(&'static str, TextKind)];
    /// Its stable id.
    fn id(&self) -> &Slug;
    /// Who may see it, as its editor set it.
    fn visibility(&self) -> Visibility;
    /// Who may see it, all rules considered (a draft agreement is internal
    /// whatever its `visibility`): what every public surface goes by.
    fn audience(&self) -> Visibility {
        self.visibility()
    }
    /// The name people know it by.
    fn title(&self) -> &str;
    /// Checks every rule, the text rules included, reporting all problems.
    fn validate(&self) -> Result<(), ValidationErrors>;
    /// Brings equivalent inputs to one form before validation.
    fn normalise(&mut self) {}
    /// Removes the fields only staff may see, for public surfaces.
    fn redact_internal(&mut self);
    /// Storage sets both timestamps.
    fn set_timestamps(&mut self, created_at: DateTime<Utc>, updated_at: DateTime<Utc>);
    /// When storage last wrote it (`None` before it is stored).
    fn updated_at(&self) -> Option<DateTime<Utc>>;
    /// The record as its stored document holds it: timestamps are the
    /// store's columns, so a record that carries them is copied without.
    fn without_timestamps(&self) -> Cow<'_, Self>;
}

macro_rules! entity {
    ($ty:ty, $collection:ident, $text:expr, |$s:ident| $title:expr, |$r:ident| $redact:expr) => {
        entity!($ty, $collection, $text, |$s| $title, |$r| $redact, |_x| {});
    };
    ($ty:ty, $collection:ident, $text:expr, |$s:ident| $title:expr, |$r:ident| $redact:expr, |$n:ident| $normalise:expr) => {
        entity!(
            $ty,
            $collection,
            $text,
            |$s| $title,
            |$r| $redact,
            |$n| $normalise,
            |x| x.visibility
        );
    };
    ($ty:ty, $collection:ident, $text:expr, |$s:ident| $title:expr, |$r:ident| $redact:expr, |$n:ident| $normalise:expr, |$v:ident| $audience:expr) => {
        impl Entity for $ty {
            const COLLECTION: Collection = Collection::$collection;
            const TEXT_KINDS: &'static [(&'static str, TextKind)] = $text;
            fn id(&self) -> &Slug {
                &self.id
            }
            fn visibility(&self) -> Visibility {
                self.visibility
            }
            fn audience(&self) -> Visibility {
                let $v = self;
                $audience
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
            fn redact_internal(&mut self) {
                let $r = self;
                $redact
            }
            fn set_timestamps(&mut self, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) {
                self.created_at = Some(created_at);
                self.updated_at = Some(updated_at);
            }
            fn updated_at(&self) -> Option<DateTime<Utc>> {
                self.updated_at
            }
            fn without_timestamps(&self) -> Cow<'_, Self> {
                if self.created_at.is_none() && self.updated_at.is_none() {
                    return Cow::Borrowed(self);
                }
                let mut bare = self.clone();
                bare.created_at = None;
                bare.updated_at = None;
                Cow::Owned(bare)
            }
        }
    };
}

use TextKind::{Link, Long};

entity!(
    Organisation,
    Organisations,
    &[("notes", Long), ("internal_notes", Long), ("website", Link)],
    |s| s.display_name(),
    |o| o.internal_notes = None
);
entity!(
    Agreement,
    Agreements,
    // A partner's EWP copy is kept as the XML it came in, lines and all.
    &[
        ("notes", Long),
        ("internal_notes", Long),
        ("ewp.partner_copy.xml", Long),
        ("ewp.our_approval.copy.xml", Long),
    ],
    |s| &s.title,
    |a| {
        a.internal_notes = None;
        a.documents.clear();
        a.ewp = None;
    },
    |a| a.normalise(),
    |a| a.audience()
);
entity!(
    Programme,
    Programmes,
    &[("description", Long), ("internal_notes", Long)],
    |s| &s.title,
    |p| p.internal_notes = None
);
entity!(
    FundingOpportunity,
    Funding,
    &[("eligibility", Long), ("url", Link)],
    |s| &s.title,
    |_f| {}
);
entity!(Contact, Contacts, &[], |s| &s.name, |c| {
    if c.details_visibility == Visibility::Internal {
        c.email = None;
        c.phone = None;
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_removes_staff_only_fields() {
        let mut contact: Contact = serde_json::from_value(serde_json::json!({
            "id": "x", "name": "X", "email": "x@example.org", "phone": "+46 8 000",
            "details_visibility": "internal"
        }))
        .unwrap();
        contact.redact_internal();
        assert_eq!((contact.email, contact.phone), (None, None));
        let mut agreement: Agreement = serde_json::from_value(serde_json::json!({
            "id": "a", "kind": "mou", "level": "central", "title": "A",
            "parties": [{"organisation": "ki"}, {"organisation": "riken"}],
            "internal_notes": "renegotiate", "notes": "public",
            "documents": [{"id": "d1", "name": "signed.pdf", "content_type": "application/pdf", "size": 10}],
            "ewp": {"partner_iia_id": "uw-1"}
        }))
        .unwrap();
        agreement.redact_internal();
        assert_eq!(agreement.internal_notes, None);
        assert!(agreement.documents.is_empty());
        assert!(agreement.ewp.is_none());
        assert_eq!(agreement.notes.as_deref(), Some("public"));
    }

    /// Checks that `doc` reads as an `E` whose rules, seen through the trait
    /// as through the type, refuse `field`.
    fn refused<E: Entity>(doc: serde_json::Value, field: &str) {
        let record: E = serde_json::from_value(doc).unwrap();
        let errors = Entity::validate(&record).unwrap_err();
        assert!(
            errors.0.iter().any(|e| e.field == field),
            "{}: {errors}",
            E::COLLECTION
        );
    }

    #[test]
    fn every_kind_of_record_holds_every_text_to_the_text_rules() {
        use serde_json::json;
        let nul = "a\u{0}b";
        refused::<Organisation>(
            json!({"id": "x", "kind": "education", "city": nul,
                "names": [{"value": "X", "kind": "display"}]}),
            "city",
        );
        refused::<Agreement>(
            json!({"id": "x", "kind": "mou", "level": "central", "title": "X",
                "parties": [{"organisation": "a"}, {"organisation": "b"}],
                "study_programmes": ["ok", nul]}),
            "study_programmes[1]",
        );
        refused::<Programme>(
            json!({"id": "x", "kind": "course", "title": "X", "partners": ["a"],
                "recurrence": "a\nb"}),
            "recurrence",
        );
        refused::<FundingOpportunity>(
            json!({"id": "x", "kind": "scholarship", "title": "X", "amount": "\u{7f}"}),
            "amount",
        );
        refused::<Contact>(json!({"id": "x", "name": "X", "phone": "\u{9b}1"}), "phone");
        let notes = json!({"id": "x", "kind": "mou", "level": "central", "title": "X",
            "parties": [{"organisation": "a"}, {"organisation": "b"}],
            "notes": "two\r\nlines\tand a tab"});
        let multi_line: Agreement = serde_json::from_value(notes).unwrap();
        assert_eq!(
            Entity::validate(&multi_line),
            Ok(()),
            "notes run over lines"
        );
    }
}

crate::enums::vocabulary!(
    /// What the registry keeps and its change log speaks of: the five record
    /// collections, the editorial country profiles and the home institution's
    /// factsheet for incoming students.
    RecordSet, "record set" {
        Organisations => "organisations", Agreements => "agreements",
        Programmes => "programmes", Funding => "funding", Contacts => "contacts",
        Countries => "countries", Factsheet => "factsheet",
    }
);

impl From<Collection> for RecordSet {
    fn from(c: Collection) -> Self {
        match c {
            Collection::Organisations => RecordSet::Organisations,
            Collection::Agreements => RecordSet::Agreements,
            Collection::Programmes => RecordSet::Programmes,
            Collection::Funding => RecordSet::Funding,
            Collection::Contacts => RecordSet::Contacts,
        }
    }
}

impl RecordSet {
    /// The entity collection, or `None` for country profiles and the factsheet.
    pub fn collection(self) -> Option<Collection> {
        match self {
            RecordSet::Organisations => Some(Collection::Organisations),
            RecordSet::Agreements => Some(Collection::Agreements),
            RecordSet::Programmes => Some(Collection::Programmes),
            RecordSet::Funding => Some(Collection::Funding),
            RecordSet::Contacts => Some(Collection::Contacts),
            RecordSet::Countries | RecordSet::Factsheet => None,
        }
    }
}

crate::enums::vocabulary!(
    /// What one entry of the change log did to its record.
    ChangeKind, "change" { Create => "create", Update => "update", Delete => "delete" }
);
