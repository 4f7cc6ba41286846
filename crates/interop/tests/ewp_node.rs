//! What the EWP node answers, written from the European fixture and checked
//! against the official schemas (xmllint through the specs' catalog): the
//! manifest's API entries and covered institution, Institutions v2 and
//! Organizational Units v2 with contacts, and the IIAs index filters.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use chrono::{TimeZone, Utc};
use kizuna_core::Snapshot;
use kizuna_domain::Dataset;
use kizuna_interop::ewp::{catalogue, factsheet, institutions, manifest, node, specs};

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The Japan dataset, KI with its SCHAC and Erasmus codes, and the European fixture.
fn europe() -> Snapshot {
    let text = std::fs::read_to_string(repo().join("data/japan.toml")).unwrap();
    let mut data: Dataset = toml::from_str(&text).unwrap();
    let ki = data
        .organisations
        .iter_mut()
        .find(|o| o.id.as_str() == "ki")
        .unwrap();
    ki.identifiers.schac = Some("ki.se".into());
    ki.identifiers.erasmus = Some("S STOCKHO03".into());
    ki.website = Some("https://ki.se/en".into());
    let extra =
        std::fs::read_to_string(repo().join("crates/interop/tests/fixtures/ewp-europe.toml"));
    let extra: Dataset = toml::from_str(&extra.unwrap()).unwrap();
    data.organisations.extend(extra.organisations);
    data.contacts.extend(extra.contacts);
    data.agreements.extend(extra.agreements);
    Snapshot::from_dataset(&data, 1)
}

/// Validates `xml` against `xsd`, a file of its own (in the temp folder) or
/// one of the specs folder.
fn validate(xml: &str, xsd: &Path) -> Result<(), String> {
    let specs = specs::dir();
    let file = std::env::temp_dir().join(format!(
        "kizuna-ewp-node-{}-{}.xml",
        std::process::id(),
        catalogue::fingerprint(xml.as_bytes())
    ));
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint")
        .args(["--nonet", "--noout", "--schema"])
        .arg(specs.join(xsd))
        .arg(&file)
        .env("XML_CATALOG_FILES", specs.join("catalog.xml"))
        .output()
        .unwrap_or_else(|e| panic!("xmllint does not run ({e}): install libxml2-utils"));
    let _ = std::fs::remove_file(&file);
    match out.status.success() {
        true => Ok(()),
        false => Err(String::from_utf8_lossy(&out.stderr).into_owned()),
    }
}

fn assert_valid(xml: &str, xsd: &str) {
    if let Err(problems) = validate(xml, Path::new(xsd)) {
        panic!("does not validate against {xsd}:\n{problems}\n{xml}");
    }
}

/// A schema that imports the registry's and each served API's manifest entry
/// schema, so that the manifest's `<r:apis-implemented>` validates entry by
/// entry (its `xs:any` is lax: an entry is checked when its schema is known).
fn entries_schema() -> std::path::PathBuf {
    let raw = "https://raw.githubusercontent.com/erasmus-without-paper";
    let imports: String = [
        ("ewp-specs-api-registry/tree/stable-v1", "ewp-specs-api-registry/stable-v1/catalogue.xsd"),
        ("ewp-specs-api-iias/blob/stable-v7/manifest-entry.xsd", "ewp-specs-api-iias/stable-v7/manifest-entry.xsd"),
        ("ewp-specs-api-iias-approval/blob/stable-v2/manifest-entry.xsd", "ewp-specs-api-iias-approval/stable-v2/manifest-entry.xsd"),
        ("ewp-specs-api-institutions/blob/stable-v2/manifest-entry.xsd", "ewp-specs-api-institutions/stable-v2/manifest-entry.xsd"),
        ("ewp-specs-api-ounits/blob/stable-v2/manifest-entry.xsd", "ewp-specs-api-ounits/stable-v2/manifest-entry.xsd"),
        ("ewp-specs-api-factsheet/blob/stable-v1/manifest-entry.xsd", "ewp-specs-api-factsheet/stable-v1/manifest-entry.xsd"),
    ]
    .iter()
    .map(|(ns, at)| {
        format!(
            "<xs:import namespace=\"https://github.com/erasmus-without-paper/{ns}\" schemaLocation=\"{raw}/{at}\"/>\n"
        )
    })
    .collect();
    let xsd = format!(
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:kizuna:manifest-test\">\n{imports}</xs:schema>\n"
    );
    let file = std::env::temp_dir().join(format!("kizuna-ewp-entries-{}.xsd", std::process::id()));
    std::fs::write(&file, xsd).unwrap();
    file
}

/// The `<prefix:name>` element of `xml`, alone, with the root's namespace declarations.
fn element_alone(xml: &str, tag: &str) -> String {
    let root = xml
        .split("<manifest ")
        .nth(1)
        .unwrap()
        .split('>')
        .next()
        .unwrap();
    let start = xml.find(&format!("<{tag}")).unwrap();
    let end = xml.find(&format!("</{tag}>")).unwrap() + tag.len() + 3;
    let element = &xml[start..end];
    let open_end = element.find('>').unwrap();
    format!("{} {root}{}", &element[..open_end], &element[open_end..])
}

#[test]
fn the_manifest_entries_and_covered_institution_validate() {
    let xml = manifest::manifest(&europe(), "https://partners.ki.se/");
    let entries = entries_schema();
    for tag in ["r:apis-implemented", "r:hei"] {
        let alone = element_alone(&xml, tag);
        if let Err(problems) = validate(&alone, &entries) {
            panic!("{tag} does not validate:\n{problems}\n{alone}");
        }
    }
    assert!(
        xml.contains("<ia7:get-url>https://partners.ki.se/ewp/iias/get</ia7:get-url>"),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<r:other-id type="erasmus">S STOCKHO03</r:other-id>"#),
        "{xml}"
    );
    assert!(
        xml.contains("<fs1:url>https://partners.ki.se/ewp/factsheet</fs1:url>"),
        "{xml}"
    );
    // Guards the check above against a schema that accepts anything.
    let broken = element_alone(&xml, "r:apis-implemented")
        .replace("<ia7:max-iia-ids>100</ia7:max-iia-ids>", "");
    assert!(
        validate(&broken, &entries).is_err(),
        "an entry without max-iia-ids is refused"
    );
}

#[test]
fn institutions_and_units_validate_with_their_contacts() {
    let snapshot = europe();
    let xml = institutions::institutions_response(&snapshot, &["ki.se".to_owned()]);
    assert_valid(&xml, "ewp-specs-api-institutions/stable-v2/response.xsd");
    assert!(
        xml.contains("<website-url>https://ki.se/en</website-url>"),
        "{xml}"
    );
    assert!(
        xml.contains("<c:contact-name>Anna Lind</c:contact-name>"),
        "{xml}"
    );
    assert!(
        !xml.contains("Erik Berg"),
        "a unit's contact is the unit's: {xml}"
    );
    let none = institutions::institutions_response(&snapshot, &["uw.edu.pl".to_owned()]);
    assert_valid(&none, "ewp-specs-api-institutions/stable-v2/response.xsd");
    assert!(
        !none.contains("<hei>"),
        "only the home institution is served"
    );

    let units = institutions::ounits_response(&snapshot, "ki.se", &["cmb".to_owned()]);
    assert_valid(&units, "ewp-specs-api-ounits/stable-v2/response.xsd");
    assert!(
        units.contains("<c:contact-name>Erik Berg</c:contact-name>"),
        "{units}"
    );
    assert!(institutions::is_home_unit(&snapshot, "cmb"));
    assert!(!institutions::is_home_unit(&snapshot, "uw-physics"));
}

#[test]
fn the_factsheet_validates_and_carries_every_value() {
    const XSD: &str = "ewp-specs-api-factsheet/stable-v1/response.xsd";
    let mut snapshot = europe();
    let ki = vec!["ki.se".to_owned()];
    let unwritten = factsheet::factsheet_response(&snapshot, &ki);
    assert_valid(&unwritten, XSD);
    assert!(!unwritten.contains("<factsheet>"), "none written yet");

    let mut sheet = kizuna_domain::factsheet::example();
    sheet.visa.phone = None;
    sheet.housing.phone = Some("08-524 800 00 (weekdays)".into());
    sheet.requirements[0].website = Some("https://ki.se/en/language".into());
    sheet.accessibility[0].description = Some("Support for students with disabilities".into());
    sheet.additional_info[0].topic = "Recognition & <grades>".into();
    snapshot.factsheet = Some(sheet);
    let xml = factsheet::factsheet_response(&snapshot, &ki);
    assert_valid(&xml, XSD);
    for part in [
        "<hei-id>ki.se</hei-id>",
        "<student-nominations>\n        <autumn-term>--04-15</autumn-term>\n        <spring-term>--10-01</spring-term>",
        "<student-applications>\n        <autumn-term>--05-01</autumn-term>\n        <spring-term>--10-15</spring-term>",
        "<decision-weeks-limit>5</decision-weeks-limit>",
        "<tor-weeks-limit>5</tor-weeks-limit>",
        "<email>incoming@ki.se</email>",
        "<p:e164>+46852480000</p:e164>",
        "<p:other-format>08-524 800 00 (weekdays)</p:other-format>",
        "<p:phone-number/>",
        "<website-url>https://www.migrationsverket.se/</website-url>",
        "<name>Language certificate</name>",
        "<details>English B2</details>",
        "<information-website>https://ki.se/en/language</information-website>",
        "<type>service</type>",
        "<description>Support for students with disabilities</description>",
        "<type>Recognition &amp; &lt;grades&gt;</type>",
    ] {
        assert!(xml.contains(part), "{part} missing from\n{xml}");
    }
    // Guards the check above against a schema that accepts anything.
    let broken = xml.replace("<tor-weeks-limit>5</tor-weeks-limit>", "");
    assert!(validate(&broken, Path::new(XSD)).is_err());

    let other = factsheet::factsheet_response(&snapshot, &["uw.edu.pl".to_owned()]);
    assert!(
        !other.contains("<factsheet>"),
        "only the home institution's"
    );
}

#[test]
fn the_index_lists_the_callers_iias_by_year_and_change() {
    let snapshot = europe();
    let uw = BTreeSet::from(["uw.edu.pl".to_owned()]);
    let all = node::index_response(&snapshot, &uw, &node::IndexFilter::default()).unwrap();
    assert_valid(
        &all,
        "ewp-specs-api-iias/stable-v7/endpoints/index-response.xsd",
    );
    assert!(all.contains("<iia-id>ki-uw-2027</iia-id>"), "{all}");
    assert!(
        !all.contains("helsinki"),
        "Helsinki's IIAs are not UW's: {all}"
    );

    let years = |y: &str| node::IndexFilter {
        academic_years: vec![y.to_owned()],
        ..node::IndexFilter::default()
    };
    let in_2028 = node::index_response(&snapshot, &uw, &years("2028/2029")).unwrap();
    assert!(in_2028.contains("ki-uw-2027"), "{in_2028}");
    let in_2040 = node::index_response(&snapshot, &uw, &years("2040/2041")).unwrap();
    assert!(!in_2040.contains("<iia-id>"), "{in_2040}");

    // The fixture's agreements carry no stored time: they may have changed, so they are listed.
    let since = node::IndexFilter {
        modified_since: Some(Utc.with_ymd_and_hms(2100, 1, 1, 0, 0, 0).unwrap()),
        ..node::IndexFilter::default()
    };
    assert!(
        node::index_response(&snapshot, &uw, &since)
            .unwrap()
            .contains("ki-uw-2027")
    );

    let nobody =
        node::index_response(&snapshot, &BTreeSet::new(), &node::IndexFilter::default()).unwrap();
    assert!(
        !nobody.contains("<iia-id>"),
        "a key covering no institution sees nothing"
    );
}

#[test]
fn error_responses_validate() {
    let xml = manifest::error_response("the <signature> & its \"date\" are wrong");
    assert_valid(&xml, "ewp-specs-architecture/stable-v1/common-types.xsd");
}

#[test]
fn modified_since_counts_changes_to_the_partner_and_contacts_too() {
    let old = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let since = Utc.with_ymd_and_hms(2027, 6, 1, 0, 0, 0).unwrap();
    let new = Utc.with_ymd_and_hms(2028, 1, 1, 0, 0, 0).unwrap();
    let mut snapshot = europe();
    for org in snapshot.organisations.values_mut() {
        std::sync::Arc::make_mut(org).updated_at = Some(old);
    }
    snapshot
        .contacts
        .iter_mut()
        .for_each(|c| c.updated_at = Some(old));
    snapshot
        .agreements
        .iter_mut()
        .for_each(|a| a.updated_at = Some(old));
    let uw = BTreeSet::from(["uw.edu.pl".to_owned()]);
    let filter = node::IndexFilter {
        modified_since: Some(since),
        ..node::IndexFilter::default()
    };
    let listed = |snapshot: &Snapshot| node::index_response(snapshot, &uw, &filter).unwrap();
    assert!(
        !listed(&snapshot).contains("ki-uw-2027"),
        "nothing changed since"
    );

    // UW itself, the parent of the party uw-physics, changed.
    let key = snapshot
        .organisations
        .keys()
        .find(|k| k.as_str() == "uw")
        .unwrap()
        .clone();
    std::sync::Arc::make_mut(snapshot.organisations.get_mut(&key).unwrap()).updated_at = Some(new);
    assert!(listed(&snapshot).contains("ki-uw-2027"));

    let mut snapshot = snapshot;
    std::sync::Arc::make_mut(snapshot.organisations.get_mut(&key).unwrap()).updated_at = Some(old);
    let anna = snapshot
        .contacts
        .iter_mut()
        .find(|c| c.id.as_str() == "anna-lind")
        .unwrap();
    anna.updated_at = Some(new);
    assert!(
        listed(&snapshot).contains("ki-uw-2027"),
        "a contact the IIA names changed"
    );
}
