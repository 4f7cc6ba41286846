//! Text the registry refuses, on SQLite and PostgreSQL: control characters
//! (PostgreSQL cannot store a NUL; the Atom feed cannot carry most of them),
//! malformed web and e-mail addresses, and texts beyond their length limit.
//! Every offending field is named at once and nothing is written.

mod common;

use common::{admin, invalid_fields, registries, writer};
use kizuna_core::write::{NewFile, record_from_json};
use kizuna_core::{Registry, WriteError};
use kizuna_domain::{
    Agreement, Contact, CountryProfile, Dataset, Entity, FundingOpportunity, Organisation,
    Programme,
};
use serde_json::{Value, json};

/// Creates a record of `E` from `doc` as the API does, as an admin, and
/// answers the fields refused; asserts nothing was stored under `id`.
async fn refused<E: Entity>(registry: &Registry, id: &str, mut doc: Value) -> Vec<String> {
    doc["id"] = json!(id);
    let w = writer(registry).await;
    let result = match record_from_json::<E>(w.snapshot(), doc) {
        Ok(record) => w.create(&admin(), record).await.map(|_| ()),
        Err(e) => Err(e),
    };
    let mut fields = invalid_fields(result);
    fields.sort();
    assert!(
        registry.get::<E>(id).await.unwrap().is_none(),
        "{id} was stored"
    );
    fields
}

#[tokio::test]
async fn control_characters_are_refused_in_every_collection_naming_every_field() {
    let nul = "a\u{0}b";
    for registry in registries().await {
        let r = &registry;
        let org = json!({"kind": "education", "country": "JP", "city": nul,
            "names": [{"value": "Kyoto University", "kind": "display"}, {"value": "京都\u{7f}", "kind": "label"}],
            "identifiers": {"ror": "\u{1b}[31m"}, "notes": "fine\r\n\ttext", "internal_notes": "bad\u{0}"});
        assert_eq!(
            refused::<Organisation>(r, "kyoto", org).await,
            [
                "city",
                "identifiers.ror",
                "internal_notes",
                "names[1].value"
            ]
        );
        let agreement = json!({"kind": "mou", "level": "central", "title": "Line\r\nbreak",
            "parties": [{"organisation": "ki"}, {"organisation": "riken"}],
            "study_programmes": ["nursing", "tab\there"], "notes": nul});
        assert_eq!(
            refused::<Agreement>(r, "bad-agreement", agreement).await,
            ["notes", "study_programmes[1]", "title"]
        );
        let programme = json!({"kind": "course", "title": "C1 \u{85} control",
            "partners": ["utokyo"], "description": "ok\n", "recurrence": nul});
        assert_eq!(
            refused::<Programme>(r, "bad-programme", programme).await,
            ["recurrence", "title"]
        );
        let funding = json!({"kind": "scholarship", "title": nul, "amount": "1\u{0}",
            "eligibility": "two\r\nlines are fine"});
        assert_eq!(
            refused::<FundingOpportunity>(r, "bad-funding", funding).await,
            ["amount", "title"]
        );
        let contact = json!({"name": nul, "role": "Coordinator\n", "phone": "+46\u{0}"});
        assert_eq!(
            refused::<Contact>(r, "bad-contact", contact).await,
            ["name", "phone", "role"]
        );

        // Multi-line text keeps its line breaks and tabs, on either database.
        let w = writer(r).await;
        let notes = "First line\r\nsecond\tline\n";
        let ok: Agreement = record_from_json(
            w.snapshot(),
            json!({"id": "fine", "kind": "mou", "level": "central", "title": "Fine",
                "parties": [{"organisation": "ki"}, {"organisation": "riken"}], "notes": notes}),
        )
        .unwrap();
        let saved = w.create(&admin(), ok).await.unwrap();
        assert_eq!(saved.record.notes.as_deref(), Some(notes));
    }
}

#[tokio::test]
async fn country_pages_imports_and_file_names_obey_the_same_text_rules() {
    for registry in registries().await {
        let w = writer(&registry).await;
        let mut profile: CountryProfile = w.snapshot().countries[0].clone();
        profile.sections.intro = Some("Intro\r\nwith \u{0} inside".into());
        profile.research_fields.push("two\nlines".into());
        let mut fields = invalid_fields(w.save_country(&admin(), profile).await);
        fields.sort();
        assert_eq!(
            fields,
            [
                format!(
                    "research_fields[{}]",
                    w.snapshot().countries[0].research_fields.len()
                ),
                "sections.intro".to_owned()
            ]
        );

        let mut data: Dataset = serde_json::from_value(json!({
            "organisations": [{"id": "kyoto", "kind": "education", "city": "a\u{0}b",
                "names": [{"value": "Kyoto University", "kind": "display"}]}],
            "countries": [{"country": "KR", "sections": {"intro": "\u{0}"}}]}))
        .unwrap();
        assert_eq!(
            invalid_fields(w.import(&mut data, "import").await),
            ["organisations.kyoto.city", "country.KR.sections.intro"]
        );
        assert!(
            registry
                .get::<Organisation>("kyoto")
                .await
                .unwrap()
                .is_none()
        );

        // A file name is refused before its bytes are stored under it.
        let file = NewFile {
            name: "signed\u{0}.pdf".into(),
            content_type: "application/pdf".into(),
            data: b"%PDF".to_vec(),
        };
        let attached = w
            .attach_document(&admin(), "riken-phd-exchange", file, None)
            .await;
        assert_eq!(invalid_fields(attached), ["documents[0].name"]);
        let stored = registry
            .get::<Agreement>("riken-phd-exchange")
            .await
            .unwrap()
            .unwrap();
        assert!(stored.record.documents.is_empty());
    }
}

#[tokio::test]
async fn addresses_are_checked_and_texts_have_a_length_limit() {
    for registry in registries().await {
        let r = &registry;
        let org = json!({"kind": "education", "website": "https://x y",
            "names": [{"value": "N".repeat(200_000), "kind": "display"}]});
        assert_eq!(
            refused::<Organisation>(r, "huge", org).await,
            ["names[0].value", "website"]
        );
        let org = json!({"kind": "education", "website": "https://example.org/\"><script>",
            "names": [{"value": "X", "kind": "display"}], "notes": "x".repeat(100_001)});
        assert_eq!(
            refused::<Organisation>(r, "x", org).await,
            ["notes", "website"]
        );
        let contact = json!({"name": "Anna", "email": "a@b.c\"><script>"});
        assert_eq!(refused::<Contact>(r, "anna", contact).await, ["email"]);
        let contact = json!({"name": "Anna", "email": "anna@ki"});
        assert_eq!(refused::<Contact>(r, "anna", contact).await, ["email"]);
        let funding = json!({"kind": "award", "title": "T".repeat(501), "url": "https://"});
        assert_eq!(
            refused::<FundingOpportunity>(r, "long", funding).await,
            ["title", "url"]
        );

        let w = writer(r).await;
        let good: Contact = record_from_json(
            w.snapshot(),
            json!({"id": "anna", "name": "Anna", "email": "Anna.Berg@KI.se"}),
        )
        .unwrap();
        let saved = w.create(&admin(), good).await.unwrap();
        assert_eq!(
            saved.record.email.as_deref(),
            Some("Anna.Berg@KI.se"),
            "kept as written"
        );
        let page: Organisation = record_from_json(
            w.snapshot(),
            json!({"id": "long-notes", "kind": "education", "website": "https://東京大学.jp/a?b=c",
                "names": [{"value": "N".repeat(500), "kind": "display"}],
                "notes": "x".repeat(100_000)}),
        )
        .unwrap();
        w.create(&admin(), page).await.unwrap();
    }
}

#[tokio::test]
async fn a_nul_never_reaches_the_store_as_a_server_error() {
    for registry in registries().await {
        let w = writer(&registry).await;
        let stored = registry
            .get::<Agreement>("riken-phd-exchange")
            .await
            .unwrap()
            .unwrap();
        let doc = w
            .patched::<Agreement>(
                "riken-phd-exchange",
                stored.revision,
                &json!({"title": "a\u{0}b"}),
            )
            .await
            .unwrap();
        let record: Agreement = record_from_json(w.snapshot(), doc).unwrap();
        match w.update(&admin(), record, stored.revision).await {
            Err(WriteError::Invalid(errors)) => {
                assert_eq!(errors.0[0].field, "title");
                assert!(errors.0[0].message.contains("U+0000"), "{errors}");
            }
            other => panic!("expected field errors, got {other:?}"),
        }
    }
}
