//! Writes IIAs as an IIAs API v7 `iias-get-response` document.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::model::{ContactCard, Iia, IiaPartner, MobilitySpec, Phone};

/// Namespace of the IIAs API v7 get response.
pub const IIAS_NS: &str = "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd";
/// Namespace of the EWP contact type.
pub const CONTACT_NS: &str =
    "https://github.com/erasmus-without-paper/ewp-specs-types-contact/tree/stable-v1";
/// Namespace of the EWP phone number type.
pub const PHONE_NS: &str =
    "https://github.com/erasmus-without-paper/ewp-specs-types-phonenumber/tree/stable-v1";

type Xml = Writer<Vec<u8>>;

/// The response document for these IIAs, each with its `iia-hash`
/// (lower-case hex, as computed by `hash`).
pub fn response(iias: &[(&Iia, &str)]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_response(&mut w, iias).expect("writing to memory cannot fail");
    let mut xml =
        String::from_utf8(w.into_inner()).expect("quick-xml writes the UTF-8 it is given");
    xml.push('\n');
    xml
}

fn write_response(w: &mut Xml, iias: &[(&Iia, &str)]) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("iias-get-response")
        .with_attribute(("xmlns", IIAS_NS))
        .with_attribute(("xmlns:c", CONTACT_NS))
        .with_attribute(("xmlns:p", PHONE_NS))
        .write_inner_content(|w| {
            for (iia, hash) in iias {
                write_iia(w, iia, hash)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_iia(w: &mut Xml, iia: &Iia, hash: &str) -> io::Result<()> {
    w.create_element("iia").write_inner_content(|w| {
        for partner in &iia.partners {
            write_partner(w, partner)?;
        }
        text(w, "in-effect", if iia.in_effect { "true" } else { "false" })?;
        let mut conditions = w.create_element("cooperation-conditions");
        if iia.terminated {
            conditions = conditions.with_attribute(("terminated-as-a-whole", "true"));
        }
        if iia.specs.is_empty() {
            conditions.write_empty()?;
        } else {
            conditions.write_inner_content(|w| {
                iia.specs.iter().try_for_each(|spec| write_spec(w, spec))
            })?;
        }
        text(w, "iia-hash", hash)
    })?;
    Ok(())
}

fn write_partner(w: &mut Xml, p: &IiaPartner) -> io::Result<()> {
    w.create_element("partner").write_inner_content(|w| {
        text(w, "hei-id", &p.hei_id)?;
        optional(w, "ounit-id", p.ounit_id.as_deref())?;
        optional(w, "iia-id", p.iia_id.as_deref())?;
        optional(w, "iia-code", p.iia_code.as_deref())?;
        if let Some(signer) = &p.signing_contact {
            write_contact(w, "signing-contact", signer)?;
        }
        optional(w, "signing-date", p.signing_date.as_deref())?;
        for contact in &p.contacts {
            write_contact(w, "c:contact", contact)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// A `c:Contact`: its parts come in the order the contact schema fixes.
pub(crate) fn write_contact(w: &mut Xml, element: &str, c: &ContactCard) -> io::Result<()> {
    w.create_element(element).write_inner_content(|w| {
        text(w, "c:contact-name", &c.name)?;
        if let Some(phone) = &c.phone {
            w.create_element("p:phone-number")
                .write_inner_content(|w| match phone {
                    Phone::E164(n) => text(w, "p:e164", n),
                    Phone::Other(n) => text(w, "p:other-format", n),
                })?;
        }
        optional(w, "c:email", c.email.as_deref())?;
        optional(w, "c:role-description", c.role.as_deref())
    })?;
    Ok(())
}

fn write_spec(w: &mut Xml, s: &MobilitySpec) -> io::Result<()> {
    w.create_element(s.kind.element())
        .write_inner_content(|w| {
            text(w, "sending-hei-id", &s.sending_hei_id)?;
            optional(w, "sending-ounit-id", s.sending_ounit_id.as_deref())?;
            text(w, "receiving-hei-id", &s.receiving_hei_id)?;
            optional(w, "receiving-ounit-id", s.receiving_ounit_id.as_deref())?;
            text(w, "receiving-first-academic-year-id", &s.first_year)?;
            text(w, "receiving-last-academic-year-id", &s.last_year)?;
            text(w, "mobilities-per-year", &s.mobilities_per_year.to_string())?;
            for (lang, cefr) in &s.languages {
                w.create_element("recommended-language-skill")
                    .write_inner_content(|w| {
                        text(w, "language", lang)?;
                        optional(w, "cefr-level", cefr.as_deref())
                    })?;
            }
            for code in &s.subject_areas {
                w.create_element("subject-area")
                    .write_inner_content(|w| text(w, "isced-f-code", code))?;
            }
            if s.kind.is_student() {
                optional(w, "total-months-per-year", s.total_per_year.as_deref())?;
                text(w, "blended", "false")?;
                for level in &s.eqf_levels {
                    text(w, "eqf-level", &level.to_string())?;
                }
            } else {
                optional(w, "total-days-per-year", s.total_per_year.as_deref())?;
            }
            Ok(())
        })?;
    Ok(())
}

fn optional(w: &mut Xml, element: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(v) => text(w, element, v),
        None => Ok(()),
    }
}

fn text(w: &mut Xml, element: &str, value: &str) -> io::Result<()> {
    w.create_element(element)
        .write_text_content(BytesText::new(&xml_chars(value)))?;
    Ok(())
}

/// Drops what XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF) and
/// writes line ends as `\n`, which is what any parser would read back anyway.
fn xml_chars(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_xml_cannot_hold_is_dropped_and_markup_is_escaped() {
        assert_eq!(xml_chars("a\u{1}b\r\nc\u{FFFF}"), "ab\nc");
        let mut w = Writer::new(Vec::new());
        text(&mut w, "x", "R&D <lab> \"ä\"").unwrap();
        let out = String::from_utf8(w.into_inner()).unwrap();
        let parsed = roxmltree::Document::parse(&out).unwrap();
        assert_eq!(parsed.root_element().text(), Some("R&D <lab> \"ä\""));
    }
}
