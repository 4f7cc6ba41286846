//! Reading a partner's file: an IIAs v7 `iias-get-response` (their copies)
//! or an IIAs Approval v2 `iias-approval-response` (their approvals of ours).
//!
//! Every name is matched by its local name, so namespaces and prefixes do not
//! matter (the hash works the same way). Values are read leniently: what
//! cannot be read is listed as a problem of the IIA rather than refusing the
//! file, since the report is how staff find out what is wrong with it.

use roxmltree::{Document, Node};

use super::EwpError;
use super::hash::{IiaDigest, digest_response};
use super::model::SpecKind;
use crate::Message;

/// What a partner's file holds.
#[derive(Debug, Clone)]
pub enum PartnerFile {
    /// Their copies of IIAs.
    Copies(Vec<ReadIia>),
    /// Their approvals of our copies.
    Approvals(Vec<ReadApproval>),
}

/// One side of an IIA as the copy states it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadPartner {
    /// SCHAC code of the institution.
    pub hei_id: String,
    /// The unit, by its EWP ounit id.
    pub ounit_id: Option<String>,
    /// This side's id of the IIA.
    pub iia_id: Option<String>,
    /// This side's human-readable code.
    pub iia_code: Option<String>,
}

/// One mobility of a copy, its values as written.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadSpec {
    /// Which kind.
    pub kind: SpecKind,
    /// SCHAC code of the sending HEI.
    pub sending_hei_id: String,
    /// SCHAC code of the receiving HEI.
    pub receiving_hei_id: String,
    /// First academic year's start year.
    pub first_year: Option<i32>,
    /// Last academic year's start year.
    pub last_year: Option<i32>,
    /// People per academic year.
    pub mobilities_per_year: Option<u32>,
    /// (language, CEFR level).
    pub languages: Vec<(String, Option<String>)>,
    /// ISCED-F codes.
    pub subject_areas: Vec<String>,
    /// Months (student) or days (staff) per year, as written.
    pub total_per_year: Option<String>,
    /// EQF levels.
    pub eqf_levels: Vec<u8>,
}

/// One IIA of a get response.
#[derive(Debug, Clone)]
pub struct ReadIia {
    /// The two sides, in the file's order (the serving HEI first).
    pub partners: Vec<ReadPartner>,
    /// `in-effect`.
    pub in_effect: bool,
    /// `terminated-as-a-whole`.
    pub terminated: bool,
    /// The mobilities, in the file's order.
    pub specs: Vec<ReadSpec>,
    /// Its hash, recomputed, and `valid-for-approval`.
    pub digest: IiaDigest,
    /// A get response holding this IIA alone, as the partner wrote it.
    pub xml: String,
    /// What could not be read.
    pub problems: Vec<Message>,
}

/// One approval of an approval response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadApproval {
    /// Our `iia-id` (the approving partner's response names the caller's ids).
    pub iia_id: String,
    /// The `iia-hash` of our copy they approved.
    pub iia_hash: String,
}

/// Reads a partner's file: a get response or an approval response.
pub fn read_partner_file(xml: &str) -> Result<PartnerFile, EwpError> {
    let doc = Document::parse(xml).map_err(|e| EwpError::Xml(e.to_string()))?;
    let root = doc.root_element();
    match root.tag_name().name() {
        "iias-get-response" => read_copies(xml, &doc).map(PartnerFile::Copies),
        "iias-approval-response" => Ok(PartnerFile::Approvals(read_approvals(root))),
        other => Err(EwpError::NotPartnerFile(other.to_owned())),
    }
}

fn read_copies(text: &str, doc: &Document) -> Result<Vec<ReadIia>, EwpError> {
    let root = doc.root_element();
    let digests = digest_response(text)?;
    let iias: Vec<Node> = children(root, "iia").collect();
    if iias.len() != digests.len() {
        return Err(EwpError::Hash(
            "an <iia> is not a direct child of <iias-get-response>".to_owned(),
        ));
    }
    iias.into_iter()
        .zip(digests)
        .map(|(iia, digest)| read_iia(text, root, iia, digest))
        .collect()
}

fn read_iia(text: &str, root: Node, iia: Node, digest: IiaDigest) -> Result<ReadIia, EwpError> {
    let mut problems = Vec::new();
    let partners = children(iia, "partner")
        .map(|p| ReadPartner {
            hei_id: child_text(p, "hei-id").unwrap_or_default(),
            ounit_id: child_text(p, "ounit-id").filter(|s| !s.is_empty()),
            iia_id: child_text(p, "iia-id").filter(|s| !s.is_empty()),
            iia_code: child_text(p, "iia-code").filter(|s| !s.is_empty()),
        })
        .collect();
    let conditions = children(iia, "cooperation-conditions").next();
    let terminated = conditions
        .and_then(|c| c.attribute("terminated-as-a-whole"))
        .is_some_and(|v| matches!(v.trim(), "true" | "1"));
    let mut specs = Vec::new();
    for (i, mobility) in conditions
        .into_iter()
        .flat_map(|c| c.children().filter(Node::is_element))
        .enumerate()
    {
        match read_spec(mobility) {
            Ok((spec, found)) => {
                problems.extend(found.into_iter().map(|p| of_mobility(i + 1, p)));
                specs.push(spec);
            }
            Err(p) => problems.push(of_mobility(i + 1, p)),
        }
    }
    Ok(ReadIia {
        partners,
        in_effect: child_text(iia, "in-effect").is_some_and(|v| v == "true" || v == "1"),
        terminated,
        specs,
        xml: alone(text, root, iia, &digest)?,
        digest,
        problems,
    })
}

/// A get response holding only `iia`: the file's own start tag of the root
/// (so its namespace declarations stay), the IIA as written, the end tag.
/// It hashes as the IIA did in the whole file; when it would not, the whole
/// file is kept instead.
fn alone(text: &str, root: Node, iia: Node, digest: &IiaDigest) -> Result<String, EwpError> {
    if children(root, "iia").count() == 1 {
        // The file is this IIA alone already (so is every copy stored).
        return Ok(text.to_owned());
    }
    let start_tag = root
        .first_child()
        .map(|first| &text[root.range().start..first.range().start]);
    let Some(start_tag) = start_tag else {
        return Ok(text.to_owned());
    };
    let qname = start_tag
        .trim_start_matches('<')
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or_default();
    let xml = format!("{start_tag}{}</{qname}>\n", &text[iia.range()]);
    match digest_response(&xml)?.as_slice() {
        [again] if again == digest => Ok(xml),
        _ => Ok(text.to_owned()),
    }
}

/// A problem of the `n`th mobility, saying so.
fn of_mobility(n: usize, problem: Message) -> Message {
    Message {
        english: format!("mobility {n}: {}", problem.english),
        problem: problem.problem.map(|p| p.with("n", n)),
    }
}

fn read_spec(mobility: Node) -> Result<(ReadSpec, Vec<Message>), Message> {
    let name = mobility.tag_name().name();
    let kind = [
        SpecKind::StudentStudies,
        SpecKind::StudentTraineeship,
        SpecKind::StaffTeacher,
        SpecKind::StaffTraining,
    ]
    .into_iter()
    .find(|k| k.element() == name)
    .ok_or_else(|| {
        let english = format!("<{name}> is not a kind of mobility of IIAs v7");
        Message::coded("ewp-unknown-mobility", &[("element", name)], english)
    })?;
    let mut problems = Vec::new();
    let number = |field: &'static str, problems: &mut Vec<Message>| -> Option<String> {
        let value = child_text(mobility, field)?;
        if value.is_empty() {
            let english = format!("<{field}> is empty");
            problems.push(Message::coded("ewp-empty", &[("element", field)], english));
            return None;
        }
        Some(value)
    };
    let year = |field: &'static str, problems: &mut Vec<Message>| {
        let value = child_text(mobility, field)?;
        let start = value.split('/').next().and_then(|y| y.parse().ok());
        if start.is_none() {
            let english = format!("<{field}> {value:?} is not an academic year");
            let args = [("element", field), ("value", value.as_str())];
            problems.push(Message::coded("ewp-not-a-year", &args, english));
        }
        start
    };
    let first_year = year("receiving-first-academic-year-id", &mut problems);
    let last_year = year("receiving-last-academic-year-id", &mut problems);
    let places = number("mobilities-per-year", &mut problems).and_then(|v| {
        let parsed = v.parse().ok();
        if parsed.is_none() {
            let english = format!("<mobilities-per-year> {v:?} is not a number");
            let args = [("element", "mobilities-per-year"), ("value", v.as_str())];
            problems.push(Message::coded("ewp-not-a-number", &args, english));
        }
        parsed
    });
    let total_field = if kind.is_student() {
        "total-months-per-year"
    } else {
        "total-days-per-year"
    };
    let total_per_year = number(total_field, &mut problems);
    let eqf_levels = children(mobility, "eqf-level")
        .filter_map(|e| {
            let v = string_value(e).trim().to_owned();
            let level = v.parse().ok();
            if level.is_none() {
                let english = format!("<eqf-level> {v:?} is not a level");
                let args = [("element", "eqf-level"), ("value", v.as_str())];
                problems.push(Message::coded("ewp-not-a-level", &args, english));
            }
            level
        })
        .collect();
    let spec = ReadSpec {
        kind,
        sending_hei_id: child_text(mobility, "sending-hei-id").unwrap_or_default(),
        receiving_hei_id: child_text(mobility, "receiving-hei-id").unwrap_or_default(),
        first_year,
        last_year,
        mobilities_per_year: places,
        languages: children(mobility, "recommended-language-skill")
            .map(|l| {
                (
                    child_text(l, "language").unwrap_or_default(),
                    child_text(l, "cefr-level"),
                )
            })
            .collect(),
        subject_areas: children(mobility, "subject-area")
            .filter_map(|s| child_text(s, "isced-f-code"))
            .collect(),
        total_per_year,
        eqf_levels,
    };
    Ok((spec, problems))
}

fn read_approvals(root: Node) -> Vec<ReadApproval> {
    children(root, "approval")
        .map(|a| ReadApproval {
            iia_id: child_text(a, "iia-id").unwrap_or_default(),
            iia_hash: child_text(a, "iia-hash").unwrap_or_default(),
        })
        .collect()
}

/// The trimmed text of the first child element of this name.
fn child_text(parent: Node, name: &'static str) -> Option<String> {
    children(parent, name)
        .next()
        .map(|c| string_value(c).trim().to_owned())
}

fn string_value(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect()
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"<?xml version="1.0"?>
<r:iias-get-response xmlns:r="urn:x" xmlns:c="urn:c">
  <r:iia><r:partner><r:hei-id>uw.edu.pl</r:hei-id><r:iia-id>uw-1</r:iia-id></r:partner>
    <r:partner><r:hei-id>ki.se</r:hei-id></r:partner><r:in-effect>true</r:in-effect>
    <r:cooperation-conditions>
      <r:staff-training-mobility-spec><r:sending-hei-id>uw.edu.pl</r:sending-hei-id>
        <r:receiving-hei-id>ki.se</r:receiving-hei-id>
        <r:receiving-first-academic-year-id>2027/2028</r:receiving-first-academic-year-id>
        <r:receiving-last-academic-year-id>x</r:receiving-last-academic-year-id>
        <r:mobilities-per-year>2</r:mobilities-per-year>
        <r:total-days-per-year>10</r:total-days-per-year></r:staff-training-mobility-spec>
      <r:unknown-spec/>
    </r:cooperation-conditions><r:iia-hash>00</r:iia-hash></r:iia>
  <r:iia><r:partner><r:hei-id>a</r:hei-id></r:partner><r:partner><r:hei-id>b</r:hei-id></r:partner>
    <r:in-effect>false</r:in-effect><r:cooperation-conditions/><r:iia-hash>11</r:iia-hash></r:iia>
</r:iias-get-response>"#;

    #[test]
    fn copies_are_read_with_their_problems_and_kept_alone() {
        let PartnerFile::Copies(iias) = read_partner_file(FILE).unwrap() else {
            panic!("a get response holds copies");
        };
        assert_eq!(iias.len(), 2);
        let first = &iias[0];
        assert_eq!(first.partners[0].iia_id.as_deref(), Some("uw-1"));
        assert!(first.in_effect && !first.terminated);
        let spec = &first.specs[0];
        assert_eq!(
            (spec.first_year, spec.last_year, spec.mobilities_per_year),
            (Some(2027), None, Some(2))
        );
        assert_eq!(spec.total_per_year.as_deref(), Some("10"));
        assert_eq!(first.problems.len(), 2, "{:?}", first.problems);
        // Alone, the IIA keeps its prefixes and hashes as it did in the file.
        assert!(
            first
                .xml
                .starts_with("<r:iias-get-response xmlns:r=\"urn:x\"")
        );
        assert!(!first.xml.contains("<r:hei-id>a</r:hei-id>"));
        let again = digest_response(&first.xml).unwrap();
        assert_eq!(again, vec![first.digest.clone()]);
    }

    #[test]
    fn approvals_and_other_files_are_told_apart() {
        let xml = "<iias-approval-response xmlns='urn:a'><approval><iia-id> ki-uw </iia-id>\
                   <iia-hash>ab</iia-hash></approval></iias-approval-response>";
        let PartnerFile::Approvals(found) = read_partner_file(xml).unwrap() else {
            panic!("an approval response holds approvals");
        };
        assert_eq!(
            found,
            [ReadApproval {
                iia_id: "ki-uw".into(),
                iia_hash: "ab".into()
            }]
        );
        assert!(matches!(
            read_partner_file("<dataset/>"),
            Err(EwpError::NotPartnerFile(name)) if name == "dataset"
        ));
        assert!(matches!(read_partner_file("<a>"), Err(EwpError::Xml(_))));
    }
}
