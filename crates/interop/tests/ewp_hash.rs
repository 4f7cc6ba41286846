//! The native IIA v7 hash against the EWP kit and against hand-derived values.
//!
//! Saxon (the XSLT 2.0 processor the kit was tested with) is not available
//! here, so each edge case states the `text-to-hash` string derived by hand
//! from `transform_version_7.xsl` (the derivation is in the comments), and its
//! expected hash is computed by `sha256sum`, not by the code under test.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use kizuna_interop::ewp::{self, EwpError, IiaDigest};

fn kit_dir() -> PathBuf {
    ewp::specs::dir().join("ewp-specs-api-iias/stable-v7/resources/xsltKit")
}

/// SHA-256 by coreutils, independent of the crate under test.
fn sha256sum(text: &str) -> String {
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("sha256sum (coreutils) runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()[..64].to_owned()
}

fn digests(xml: &str) -> Vec<IiaDigest> {
    ewp::digest_response(xml).unwrap()
}

/// The text equals the hand derivation and the hash equals coreutils' hash of it.
fn assert_text(d: &IiaDigest, expected: &str) {
    assert_eq!(d.text_to_hash, expected);
    assert_eq!(d.hash, sha256sum(expected));
}

#[test]
fn the_kit_example_gives_the_kit_hash_and_text() {
    let xml = std::fs::read_to_string(kit_dir().join("get-response-v7.xml")).unwrap();
    let readme = std::fs::read_to_string(kit_dir().join("README.md")).unwrap();
    // The README shows the v6 result, then the v7 one: the last complete
    // `<text-to-hash>...</text-to-hash>` (the prose names the element too).
    let kit_text = readme
        .split("<text-to-hash>")
        .skip(1)
        .filter_map(|t| t.split_once("</text-to-hash>").map(|(text, _)| text))
        .filter(|t| t.starts_with("_iia-id_1="))
        .last()
        .unwrap();
    let all = digests(&xml);
    assert_eq!(all.len(), 1);
    let d = &all[0];
    assert_eq!(d.iia_id, "0f7a5682-faf7-49a7-9cc7-ec486c49a281");
    assert_eq!(d.text_to_hash, kit_text);
    assert_eq!(
        d.hash,
        "87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225033"
    );
    assert!(d.hash_matches(), "the file states the same hash");
    // It holds `not-yet-defined` and `v6-value`: the kit adds valid-for-approval false.
    assert!(!d.valid_for_approval);
}

#[test]
fn the_api_example_states_the_hash_computed_here() {
    // The get endpoint's own example: five mobilities in both directions, each
    // with languages and subject areas, and an iia-hash the spec authors computed.
    let dir = kit_dir().join("../../endpoints");
    let xml = std::fs::read_to_string(dir.join("get-response-example.xml")).unwrap();
    let d = &digests(&xml)[0];
    assert_eq!(
        d.hash,
        "e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4"
    );
    assert!(d.hash_matches() && d.valid_for_approval);
}

const V7: &str = "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd";

/// Two IIAs: a terminated one with a single staff mobility and no partner id,
/// and one that is not terminated, to show that each IIA is judged alone.
#[test]
fn terminated_and_missing_partner_id() {
    let iia = |flag: &str| {
        format!(
            "<iia><partner><hei-id>a.eu</hei-id><iia-id>A-1</iia-id></partner>\
             <partner><hei-id>b.eu</hei-id></partner><in-effect>true</in-effect>\
             <cooperation-conditions{flag}><staff-training-mobility-spec>\
             <sending-hei-id>a.eu</sending-hei-id><receiving-hei-id>b.eu</receiving-hei-id>\
             <receiving-first-academic-year-id>2027/2028</receiving-first-academic-year-id>\
             <receiving-last-academic-year-id>2028/2029</receiving-last-academic-year-id>\
             <mobilities-per-year>1</mobilities-per-year>\
             </staff-training-mobility-spec></cooperation-conditions>\
             <iia-hash>0</iia-hash></iia>"
        )
    };
    let xml = format!(
        "<iias-get-response xmlns='{V7}'>{}{}{}{}</iias-get-response>",
        iia(" terminated-as-a-whole='true'"),
        iia(""),
        iia(" terminated-as-a-whole='1'"),
        iia(" terminated-as-a-whole='false'"),
    );
    let all = digests(&xml);
    // Partner 2 has no iia-id: `concat('_', 'iia-id_2', '=', (), '_')` is `_iia-id_2=_`.
    // Direct children of the mobility are named cooperation-conditions.MOBILITY.NAME;
    // the academic years come last, once per mobility.
    let body = "_iia-id_1=A-1__iia-id_2=_\
        _cooperation-conditions.staff-training-mobility-spec.sending-hei-id=a.eu_\
        _cooperation-conditions.staff-training-mobility-spec.receiving-hei-id=b.eu_\
        _cooperation-conditions.staff-training-mobility-spec.mobilities-per-year=1_\
        _receiving-first-academic-year-id=2027/2028__receiving-last-academic-year-id=2028/2029_";
    assert_text(&all[0], &format!("_@terminated-as-a-whole@_{body}"));
    assert_text(&all[1], body);
    assert_text(&all[2], &format!("_@terminated-as-a-whole@_{body}"));
    assert_text(&all[3], body);
    assert!(
        all.iter()
            .all(|d| d.valid_for_approval && !d.hash_matches())
    );
}

/// Prefixes, attributes, entities, CDATA, comments, whitespace, line ends,
/// non-ASCII text and empty contacts.
#[test]
fn attributes_entities_whitespace_and_contacts() {
    let xml = format!(
        "<?xml version='1.0' encoding='UTF-8'?>\n\
         <x:iias-get-response xmlns:x='{V7}' xmlns:c='urn:contact'>\n\
         <x:iia>\n  <x:partner><x:hei-id>a.eu</x:hei-id><x:iia-id>A&amp;1</x:iia-id>\
         <x:signing-contact/><c:contact><c:contact-name>Ann</c:contact-name></c:contact></x:partner>\n\
         <x:partner><x:hei-id>b.eu</x:hei-id><x:iia-id>B-2</x:iia-id></x:partner>\n\
         <x:in-effect>true</x:in-effect>\n<x:cooperation-conditions>\n\
         <x:student-studies-mobility-spec>\n\
           <x:sending-hei-id>  a.eu\n</x:sending-hei-id>\n\
           <x:sending-contact/>\n\
           <x:receiving-hei-id>b.eu</x:receiving-hei-id>\n\
           <x:receiving-contact><c:contact-name xml:lang='pl'>Zofia Żółć</c:contact-name></x:receiving-contact>\n\
           <x:receiving-first-academic-year-id>2027/2028</x:receiving-first-academic-year-id>\n\
           <x:receiving-last-academic-year-id>2029/2030</x:receiving-last-academic-year-id>\n\
           <x:mobilities-per-year>3</x:mobilities-per-year>\n\
           <x:recommended-language-skill>\n<x:language>sv</x:language><x:cefr-level>B2</x:cefr-level>\n</x:recommended-language-skill>\n\
           <x:subject-area><x:isced-f-code>0913</x:isced-f-code>\
         <x:isced-clarification xml:lang='sv' foo='b&lt;c&#10;d&#9;e\tf'>Omvårdnad &amp; <![CDATA[<vård>]]> &#x3042;</x:isced-clarification></x:subject-area>\n\
           <x:other-info-terms>東京 — Ångström\r\nline 2</x:other-info-terms>\n\
           <x:total-months-per-year>4.5</x:total-months-per-year>\n\
           <!-- a comment --><x:blended>false</x:blended>\n\
           <x:eqf-level>7<!-- inside --></x:eqf-level>\n\
         </x:student-studies-mobility-spec>\n\
         </x:cooperation-conditions>\n<x:iia-hash>0</x:iia-hash>\n</x:iia>\n</x:iias-get-response>\n"
    );
    let d = &digests(&xml)[0];
    // - prefixes disappear (local-name());
    // - partner contacts never count; the partner's iia-id is its parsed text (`&amp;` is `&`);
    // - leaf text keeps its whitespace (`  a.eu\n`); indentation between elements is not in leaves;
    // - an empty <sending-contact/> is itself no descendant of a contact and has no
    //   children, so it is dumped as a leaf with an empty value;
    // - a receiving contact with content is left out with all it holds;
    // - recommended-language-skill and subject-area have children: only their leaves count,
    //   named PARENT-OF-PARENT.PARENT.NAME (here the mobility is the grandparent);
    // - isced-clarification's attributes come first, sorted by qualified name (foo before
    //   xml:lang) and printed by local name; attribute values are normalised (a literal tab
    //   becomes a space, `&#10;` and `&#9;` stay), `&lt;` is `<`;
    // - the element text joins text, CDATA and character references (`&#x3042;` is あ);
    // - CRLF reads as LF; comments are not text.
    let expected = "_iia-id_1=A&1__iia-id_2=B-2_\
        _cooperation-conditions.student-studies-mobility-spec.sending-hei-id=  a.eu\n_\
        _cooperation-conditions.student-studies-mobility-spec.sending-contact=_\
        _cooperation-conditions.student-studies-mobility-spec.receiving-hei-id=b.eu_\
        _cooperation-conditions.student-studies-mobility-spec.mobilities-per-year=3_\
        _student-studies-mobility-spec.recommended-language-skill.language=sv_\
        _student-studies-mobility-spec.recommended-language-skill.cefr-level=B2_\
        _student-studies-mobility-spec.subject-area.isced-f-code=0913_\
        _@student-studies-mobility-spec.subject-area.isced-clarification.foo=b<c\nd\te f@_\
        _@student-studies-mobility-spec.subject-area.isced-clarification.lang=sv@_\
        _student-studies-mobility-spec.subject-area.isced-clarification=Omvårdnad & <vård> あ_\
        _cooperation-conditions.student-studies-mobility-spec.other-info-terms=東京 — Ångström\nline 2_\
        _cooperation-conditions.student-studies-mobility-spec.total-months-per-year=4.5_\
        _cooperation-conditions.student-studies-mobility-spec.blended=false_\
        _cooperation-conditions.student-studies-mobility-spec.eqf-level=7_\
        _receiving-first-academic-year-id=2027/2028__receiving-last-academic-year-id=2029/2030_";
    assert_text(d, expected);
    assert_eq!(d.iia_id, "A&1");
    assert!(d.valid_for_approval);
}

/// `not-yet-defined` hides an element and everything in it, `v6-value`
/// replaces an ISCED code; either makes the IIA not valid for approval.
#[test]
fn v6_values_and_values_not_yet_defined() {
    let iia = |spec: &str| {
        format!(
            "<iia><partner><iia-id>A</iia-id></partner><partner><iia-id>B</iia-id></partner>\
             <cooperation-conditions><staff-teacher-mobility-spec>\
             <sending-hei-id>a.eu</sending-hei-id><receiving-hei-id>b.eu</receiving-hei-id>\
             <receiving-first-academic-year-id>2021/2022</receiving-first-academic-year-id>\
             <receiving-last-academic-year-id>2027/2028</receiving-last-academic-year-id>\
             {spec}</staff-teacher-mobility-spec></cooperation-conditions></iia>"
        )
    };
    let xml = format!(
        "<iias-get-response xmlns='{V7}'>{}{}{}</iias-get-response>",
        iia(
            "<mobilities-per-year not-yet-defined='true'>1</mobilities-per-year>\
             <recommended-language-skill not-yet-defined='1'><language>en</language></recommended-language-skill>\
             <recommended-language-skill not-yet-defined='false'><language>de</language></recommended-language-skill>\
             <subject-area><isced-f-code v6-value='09'>0913</isced-f-code></subject-area>\
             <subject-area><isced-f-code v6-value=''>0915</isced-f-code></subject-area>\
             <total-days-per-year>5</total-days-per-year>"
        ),
        iia(
            "<mobilities-per-year not-yet-defined='false'>1</mobilities-per-year>\
             <subject-area><isced-f-code v6-value=''>0915</isced-f-code></subject-area>"
        ),
        iia("<mobilities-per-year>1</mobilities-per-year>\
             <subject-area><isced-f-code v6-value='9'>0915</isced-f-code></subject-area>"),
    );
    let all = digests(&xml);
    let head = "_iia-id_1=A__iia-id_2=B_\
        _cooperation-conditions.staff-teacher-mobility-spec.sending-hei-id=a.eu_\
        _cooperation-conditions.staff-teacher-mobility-spec.receiving-hei-id=b.eu_";
    let years =
        "_receiving-first-academic-year-id=2021/2022__receiving-last-academic-year-id=2027/2028_";
    // The flagged places and the flagged language (with its child) are gone; the
    // attribute itself is never printed, not even as `false`; an empty v6-value
    // leaves the code as it is.
    assert_text(
        &all[0],
        &format!(
            "{head}_staff-teacher-mobility-spec.recommended-language-skill.language=de_\
             _staff-teacher-mobility-spec.subject-area.isced-f-code=09_\
             _staff-teacher-mobility-spec.subject-area.isced-f-code=0915_\
             _cooperation-conditions.staff-teacher-mobility-spec.total-days-per-year=5_{years}"
        ),
    );
    assert!(!all[0].valid_for_approval);
    let plain = format!(
        "{head}_cooperation-conditions.staff-teacher-mobility-spec.mobilities-per-year=1_\
         _staff-teacher-mobility-spec.subject-area.isced-f-code=0915_{years}"
    );
    assert_text(&all[1], &plain);
    assert!(
        all[1].valid_for_approval,
        "`false` and an empty v6-value do not count"
    );
    assert_text(
        &all[2],
        &plain.replace("isced-f-code=0915", "isced-f-code=9"),
    );
    assert!(!all[2].valid_for_approval);
}

#[test]
fn broken_documents_are_errors_not_hashes() {
    assert!(matches!(
        ewp::digest_response("<iia><partner>"),
        Err(EwpError::Xml(_))
    ));
    let two_ids = "<iia><partner><iia-id>A</iia-id><iia-id>B</iia-id></partner></iia>";
    assert!(matches!(
        ewp::digest_response(two_ids),
        Err(EwpError::Hash(_))
    ));
    // No DTDs: no entity expansion from outside the five XML ones.
    let dtd = "<!DOCTYPE iia [<!ENTITY e 'x'>]><iia>&e;</iia>";
    assert!(matches!(ewp::digest_response(dtd), Err(EwpError::Xml(_))));
}
