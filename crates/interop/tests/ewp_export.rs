//! `iias-get-response` export: every file it writes validates against the
//! official EWP schemas (xmllint, offline through the specs' catalog), it
//! carries what the agreements say, and agreements that cannot be IIAs are
//! listed with their reasons.
//!
//! The Japan dataset has no SCHAC codes and no mobility conditions, so these
//! tests add European partners of their own (data/japan.toml stays as it is).

use std::path::PathBuf;
use std::process::Command;

use kizuna_core::{Registry, Snapshot, Writer};
use kizuna_domain::{Dataset, Slug};
use kizuna_interop::ewp::{self, EwpError, IiaExport};
use kizuna_storage::testing;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The offline copy of the EWP specs.
fn specs() -> PathBuf {
    ewp::specs::dir()
}

/// Validates a document with xmllint against the IIAs v7 get-response schema.
/// A missing xmllint fails the test: the schemas are the point of it.
fn xmllint(xml: &str, name: &str) -> Result<(), String> {
    let specs = specs();
    let xsd = specs.join("ewp-specs-api-iias/stable-v7/endpoints/get-response.xsd");
    assert!(
        xsd.is_file(),
        "the EWP specs are missing at {}",
        specs.display()
    );
    let file = std::env::temp_dir().join(format!("kizuna-ewp-{}-{name}.xml", std::process::id()));
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint")
        .args(["--nonet", "--noout", "--schema"])
        .arg(&xsd)
        .arg(&file)
        .env("XML_CATALOG_FILES", specs.join("catalog.xml"))
        .output()
        .unwrap_or_else(|e| panic!("xmllint does not run ({e}): install libxml2-utils"));
    let _ = std::fs::remove_file(&file);
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn assert_valid(xml: &str, name: &str) {
    if let Err(problems) = xmllint(xml, name) {
        panic!("{name} does not validate:\n{problems}\n{xml}");
    }
}

fn japan() -> Dataset {
    let text = std::fs::read_to_string(repo().join("data/japan.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

/// The Japan dataset, KI with its SCHAC code, and the European additions.
fn europe() -> Dataset {
    let mut data = japan();
    let ki = data
        .organisations
        .iter_mut()
        .find(|o| o.id.as_str() == "ki")
        .unwrap();
    ki.identifiers.schac = Some("ki.se".into());
    let extra =
        std::fs::read_to_string(repo().join("crates/interop/tests/fixtures/ewp-europe.toml"));
    let extra: Dataset = toml::from_str(&extra.unwrap()).unwrap();
    data.organisations.extend(extra.organisations);
    data.contacts.extend(extra.contacts);
    data.agreements.extend(extra.agreements);
    data
}

fn export(data: &Dataset, only: Option<&str>) -> IiaExport {
    let only: Option<Slug> = only.map(|s| s.parse().unwrap());
    ewp::export(&Snapshot::from_dataset(data, 1), only.as_ref()).unwrap()
}

fn reasons<'a>(export: &'a IiaExport, id: &str) -> &'a [kizuna_interop::Message] {
    &export
        .skipped
        .iter()
        .find(|s| s.agreement.as_str() == id)
        .unwrap_or_else(|| panic!("{id} is not listed as skipped"))
        .reasons
}

#[test]
fn the_validator_refuses_what_the_schema_refuses() {
    // Guards the tests below against a validator that passes everything.
    let broken = "<iias-get-response xmlns='https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd'>\
                  <iia><in-effect>true</in-effect></iia></iias-get-response>";
    assert!(xmllint(broken, "broken").is_err());
}

#[test]
fn the_japan_dataset_exports_no_iia_and_says_why() {
    let out = export(&japan(), None);
    assert_valid(&out.xml, "japan");
    assert!(out.exported.is_empty());
    assert_eq!(out.skipped.len(), 4, "every agreement is accounted for");
    assert_eq!(
        reasons(&out, "tmu-student-exchange"),
        [
            "the home organisation ki has no SCHAC code (identifiers.schac)",
            "the partner tmu has no SCHAC code (identifiers.schac)",
            "it has no mobility conditions",
        ]
    );
    assert_eq!(
        reasons(&out, "trio-utokyo-spa-2022"),
        [
            "the home organisation takes part only through the consortium stockholm-trio; an IIA binds two institutions"
        ]
    );
}

#[test]
fn agreements_with_european_partners_export_and_validate() {
    let out = export(&europe(), None);
    assert_valid(&out.xml, "europe");
    let ids: Vec<&str> = out.exported.iter().map(|e| e.agreement.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ki-helsinki-a-very-long-agreement-identifier-that-goes-on-beyond-sixty-four-characters",
            "ki-helsinki-draft",
            "ki-helsinki-terminated",
            "ki-uw-2027",
        ]
    );
    let xml = &out.xml;
    // The same without the indentation, to look for runs of elements.
    let flat: String = xml.lines().map(str::trim).collect();
    // Partners: KI first, by SCHAC code, with its unit; UW's unit has no known EWP id.
    assert!(flat.contains(
        "<partner><hei-id>ki.se</hei-id><ounit-id>cmb</ounit-id>\
         <iia-id>ki-uw-2027</iia-id><iia-code>ki-uw-2027</iia-code><signing-contact>"
    ));
    assert!(xml.contains("<signing-date>2027-01-15</signing-date>"));
    assert!(flat.contains("<partner><hei-id>uw.edu.pl</hei-id><signing-contact>"));
    let uw = out
        .exported
        .iter()
        .find(|e| e.agreement.as_str() == "ki-uw-2027")
        .unwrap();
    assert_eq!(
        uw.notes,
        [
            "the partner's unit uw-physics is left out: its EWP ounit id is not recorded",
            "the contact tanaka works for neither partner and is left out",
        ]
    );
    // Contacts: the signer by role, the others as contacts; phones as E.164 when they can be.
    let [home, partner] = &uw.iia.partners;
    assert_eq!(home.signing_contact.as_ref().unwrap().name, "Anna Lind");
    assert!(xml.contains("<p:e164>+46852480000</p:e164>"));
    assert_eq!(home.contacts[0].name, "Erik Berg");
    assert_eq!(home.contacts[0].email.as_deref(), Some("erik.berg@ki.se"));
    assert_eq!(
        partner.signing_contact.as_ref().unwrap().name,
        "Zofia Żółć-Wąsowska"
    );
    assert!(xml.contains("<p:other-format>22 552 00 00 ext. 12</p:other-format>"));
    // Conditions in the schema's order, each direction with its ends.
    let kinds: Vec<&str> = uw.iia.specs.iter().map(|s| s.kind.element()).collect();
    assert_eq!(
        kinds,
        [
            "student-studies-mobility-spec",
            "student-studies-mobility-spec",
            "student-traineeship-mobility-spec",
            "staff-teacher-mobility-spec",
            "staff-training-mobility-spec",
        ]
    );
    let studies_in = &uw.iia.specs[1];
    assert_eq!(
        (
            studies_in.sending_hei_id.as_str(),
            studies_in.receiving_hei_id.as_str()
        ),
        ("uw.edu.pl", "ki.se")
    );
    assert_eq!(studies_in.receiving_ounit_id.as_deref(), Some("cmb"));
    assert!(xml.contains("<total-months-per-year>4.5</total-months-per-year>"));
    assert!(flat.contains(
        "<recommended-language-skill><language>pl</language><cefr-level>B1</cefr-level>"
    ));
    assert!(xml.contains("<isced-f-code>0533</isced-f-code>"));
    assert!(xml.contains("<eqf-level>8</eqf-level>"));
    assert!(
        xml.contains(
            "<receiving-last-academic-year-id>2030/2031</receiving-last-academic-year-id>"
        )
    );
    assert!(xml.contains("<total-days-per-year>10</total-days-per-year>"));
    // A draft is not in effect; a terminated agreement says so.
    let exported = |id: &str| {
        out.exported
            .iter()
            .find(|e| e.agreement.as_str().starts_with(id))
            .unwrap()
    };
    assert!(!exported("ki-helsinki-draft").iia.in_effect);
    assert!(exported("ki-helsinki-terminated").iia.in_effect);
    assert!(xml.contains("<cooperation-conditions terminated-as-a-whole=\"true\">"));
    // An id longer than EWP's 64 characters is cut, with a hash to keep it unique.
    assert_eq!(exported("ki-helsinki-a-very-long").iia_id.len(), 64);
    // Each stated hash is the one recomputed from the file.
    let digests = ewp::digest_response(xml).unwrap();
    assert_eq!(digests.len(), 4);
    for (d, e) in digests.iter().zip(&out.exported) {
        assert!(d.hash_matches() && d.valid_for_approval);
        assert_eq!(
            (d.iia_id.as_str(), d.hash.as_str()),
            (e.iia_id.as_str(), e.hash.as_str())
        );
    }
}

#[test]
fn the_exported_hash_equals_a_hand_derived_one() {
    let out = export(&europe(), Some("ki-helsinki-terminated"));
    assert_valid(&out.xml, "terminated");
    // Derived from transform_version_7.xsl for the IIA written: terminated;
    // KI's iia-id, Helsinki's absent; one staff training mobility of KI's
    // (no unit, no days); the academic years last.
    let text = "_@terminated-as-a-whole@_\
        _iia-id_1=ki-helsinki-terminated__iia-id_2=_\
        _cooperation-conditions.staff-training-mobility-spec.sending-hei-id=ki.se_\
        _cooperation-conditions.staff-training-mobility-spec.receiving-hei-id=helsinki.fi_\
        _cooperation-conditions.staff-training-mobility-spec.mobilities-per-year=2_\
        _receiving-first-academic-year-id=2026/2027__receiving-last-academic-year-id=2027/2028_";
    let sha = Command::new("sh")
        .args(["-c", "printf '%s' \"$1\" | sha256sum", "sh", text])
        .output()
        .unwrap();
    let expected = &String::from_utf8(sha.stdout).unwrap()[..64];
    assert_eq!(out.exported.len(), 1);
    assert_eq!(out.exported[0].hash, expected);
    assert!(
        out.xml
            .contains(&format!("<iia-hash>{expected}</iia-hash>"))
    );
}

#[test]
fn agreements_that_cannot_be_iias_are_listed_with_every_reason() {
    let out = export(&europe(), None);
    assert_eq!(
        reasons(&out, "ki-helsinki-incomplete"),
        [
            "conditions[0]: places_per_year is missing; EWP needs at least one place a year",
            "conditions[0]: last_year is missing; EWP needs the academic years",
            "conditions[0]: student_studies needs at least one recommended language in EWP",
            "conditions[1]: staff mobility is counted in days_per_year, not months",
            "conditions[1]: EWP has no EQF level for staff mobility",
        ]
    );
    assert_eq!(
        reasons(&out, "ki-helsinki-mou"),
        ["it has no mobility conditions"]
    );
    assert_eq!(
        reasons(&out, "ki-uw-helsinki"),
        ["an IIA binds two institutions; this agreement has 3 parties"]
    );
    assert!(
        reasons(&out, "riken-phd-exchange")
            .iter()
            .any(|r| r == &"the partner riken has no SCHAC code (identifiers.schac)")
    );
}

#[test]
fn one_agreement_can_be_chosen() {
    let data = europe();
    let one = export(&data, Some("ki-uw-2027"));
    assert_eq!(one.exported.len(), 1);
    assert!(one.skipped.is_empty());
    assert_valid(&one.xml, "one");
    let skipped = export(&data, Some("ki-helsinki-mou"));
    assert!(skipped.exported.is_empty());
    assert_eq!(skipped.skipped.len(), 1);
    let unknown: Slug = "no-such-agreement".parse().unwrap();
    assert!(matches!(
        ewp::export(&Snapshot::from_dataset(&data, 1), Some(&unknown)),
        Err(EwpError::UnknownAgreement(id)) if id == unknown
    ));
}

#[test]
fn constructed_iias_with_every_optional_part_validate() {
    use ewp::model::{ContactCard, Iia, IiaPartner, MobilitySpec, Phone, SpecKind};
    let card = |name: &str, phone: Option<Phone>| ContactCard {
        name: name.into(),
        phone,
        email: Some("a@b.eu".into()),
        role: Some("Rôle & <duty>\nsecond line".into()),
    };
    let spec = |kind, languages: Vec<(String, Option<String>)>| MobilitySpec {
        kind,
        sending_hei_id: "a.eu".into(),
        sending_ounit_id: Some("A/1".into()),
        receiving_hei_id: "b.eu".into(),
        receiving_ounit_id: Some("B~2".into()),
        first_year: "2027/2028".into(),
        last_year: "2027/2028".into(),
        mobilities_per_year: 1,
        languages,
        subject_areas: vec!["0913".into(), "0915".into()],
        total_per_year: Some("0.25".into()),
        eqf_levels: vec![6, 7],
    };
    let partner = |hei: &str| IiaPartner {
        hei_id: hei.into(),
        ounit_id: Some("u1".into()),
        iia_id: Some("x".into()),
        iia_code: Some("Ü/2027 & co".into()),
        signing_contact: Some(card("東京 太郎", Some(Phone::E164("+81312345678".into())))),
        signing_date: Some("2027-02-28".into()),
        contacts: vec![
            card("A", None),
            card("B", Some(Phone::Other("(0)8 12".into()))),
        ],
    };
    let full = Iia {
        partners: [partner("a.eu"), partner("b.eu")],
        in_effect: true,
        terminated: true,
        specs: [
            SpecKind::StudentStudies,
            SpecKind::StudentTraineeship,
            SpecKind::StaffTeacher,
            SpecKind::StaffTraining,
        ]
        .into_iter()
        .map(|k| {
            spec(
                k,
                vec![("en".into(), Some("C2".into())), ("zh-Hant".into(), None)],
            )
        })
        .collect(),
    };
    let bare = Iia {
        partners: [
            IiaPartner {
                hei_id: "a.eu".into(),
                ..IiaPartner::default()
            },
            IiaPartner {
                hei_id: "b.eu".into(),
                ..IiaPartner::default()
            },
        ],
        in_effect: false,
        terminated: false,
        specs: Vec::new(),
    };
    let hash = "0".repeat(64);
    assert_valid(
        &ewp::response(&[(&full, &hash), (&bare, &hash)]),
        "constructed",
    );
    assert_valid(&ewp::response(&[]), "empty");
}

/// Runs `test` on SQLite, then on PostgreSQL when one is configured.
async fn on_each_database<F, Fut>(test: F)
where
    F: Fn(Registry) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    test(Registry::new(testing::fresh_sqlite().await.unwrap())).await;
    if let Some(store) = testing::fresh_postgres().await {
        test(Registry::new(store.unwrap())).await;
    }
}

#[tokio::test]
async fn the_export_is_the_same_after_a_trip_through_storage() {
    let data = europe();
    let mut direct: Vec<(String, String)> = export(&data, None)
        .exported
        .into_iter()
        .map(|e| (e.iia_id, e.hash))
        .collect();
    direct.sort();
    on_each_database(|registry| {
        let mut data = data.clone();
        let direct = direct.clone();
        async move {
            let writer = Writer::load(registry.clone()).await.unwrap();
            writer.import(&mut data, "test").await.unwrap();
            let snapshot = registry.snapshot().await.unwrap();
            let out = ewp::export(&snapshot, None).unwrap();
            assert_valid(&out.xml, "stored");
            let mut stored: Vec<(String, String)> = out
                .exported
                .into_iter()
                .map(|e| (e.iia_id, e.hash))
                .collect();
            stored.sort();
            assert_eq!(stored, direct);
            assert_eq!(out.skipped.len(), 7);
        }
    })
    .await;
}
