//! Records as the store writes them: the document serialised once, and the
//! columns lists filter on.

use kizuna_domain::{Entity, RecordSet};

use crate::store::NewRecord;

/// A profile or factsheet as its stored document: without `updated_at`,
/// which is the store's column.
pub(super) fn document_without_updated_at(value: &impl serde::Serialize) -> String {
    let mut doc = serde_json::to_value(value).expect("documents serialise");
    if let Some(map) = doc.as_object_mut() {
        map.remove("updated_at");
    }
    doc.to_string()
}

/// The document fields the store also keeps as columns, read back from the
/// serialised record so that every kind of record is served by one rule.
#[derive(serde::Deserialize)]
struct Columns {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    city: Option<String>,
    #[serde(default)]
    names: Vec<NameValue>,
}

/// A name's text, the rest of the name ignored.
#[derive(serde::Deserialize)]
struct NameValue {
    value: String,
}

/// A record as the store writes it. The document is serialised straight
/// from the record, with no JSON tree in between: an import of 51k
/// organisations spent a fifth of its time building, writing out and
/// dropping such trees.
pub(super) fn new_record<E: Entity>(collection: RecordSet, record: &E) -> NewRecord {
    let doc = serde_json::to_string(&*record.without_timestamps()).expect("records serialise");
    let columns: Columns = serde_json::from_str(&doc).expect("a record's document has its columns");
    let mut search = vec![record.title().to_owned()];
    search.extend(columns.names.into_iter().map(|n| n.value));
    search.extend(columns.city);
    NewRecord {
        collection,
        id: record.id().to_string(),
        kind: columns.kind,
        country: columns.country.and_then(|c| c.parse().ok()),
        visibility: record.visibility(),
        search_text: search.join("\n").to_lowercase(),
        doc,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use kizuna_domain::{Entity, Organisation, RecordSet};

    use super::new_record;

    fn university() -> Organisation {
        serde_json::from_value(serde_json::json!({
            "id": "utokyo",
            "kind": "education",
            "names": [
                {"value": "The University of Tokyo", "kind": "display"},
                {"value": "東京大学", "lang": "ja", "kind": "label"},
            ],
            "country": "JP",
            "city": "Tokyo",
        }))
        .unwrap()
    }

    #[test]
    fn a_document_leaves_the_timestamps_to_the_store() {
        let mut org = university();
        let at = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        org.set_timestamps(at, at);
        let record = new_record(RecordSet::Organisations, &org);
        let doc: serde_json::Value = serde_json::from_str(&record.doc).unwrap();
        assert_eq!(doc.get("created_at"), None);
        assert_eq!(doc.get("updated_at"), None);
        assert_eq!(doc["id"], "utokyo");
        let fresh = new_record(RecordSet::Organisations, &university());
        assert_eq!(
            record.doc, fresh.doc,
            "a stored record writes what a new one does"
        );
    }

    #[test]
    fn the_columns_come_from_the_document() {
        let record = new_record(RecordSet::Organisations, &university());
        assert_eq!(record.kind.as_deref(), Some("education"));
        assert_eq!(record.country.map(|c| c.to_string()), Some("JP".into()));
        assert_eq!(
            record.search_text,
            "the university of tokyo\nthe university of tokyo\n東京大学\ntokyo"
        );
    }
}
