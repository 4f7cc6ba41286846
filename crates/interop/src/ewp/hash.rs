//! The IIA v7 hash, natively: the `text-to-hash` string that the EWP kit's
//! `transform_version_7.xsl` builds for each `<iia>`, and its SHA-256.
//!
//! The rules, as the XSLT applies them (every name is a local name, so
//! namespace prefixes never matter):
//! 1. `_@terminated-as-a-whole@_` when `cooperation-conditions` carries
//!    `terminated-as-a-whole` equal to `true` or `1`;
//! 2. `_iia-id_N=VALUE_` for each `partner`, N its position (an absent id
//!    gives `_iia-id_2=_`);
//! 3. for each mobility (child of `cooperation-conditions`), every element
//!    below it in document order except the sending and receiving contacts
//!    (and all inside them), the two academic-year elements and whatever
//!    carries, or sits below something carrying, `not-yet-defined` equal to
//!    `true` or `1`:
//!    - each attribute other than `not-yet-defined` and `v6-value` as
//!      `_@GRANDPARENT.PARENT.ELEMENT.ATTRIBUTE=VALUE@_`,
//!    - then, if the element has no child elements,
//!      `_GRANDPARENT.PARENT.ELEMENT=VALUE_`, VALUE being its text as parsed
//!      (entities resolved, whitespace kept) or, for `isced-f-code`, its
//!      non-empty `v6-value`;
//! 4. after each mobility `_receiving-first-academic-year-id=Y_` and
//!    `_receiving-last-academic-year-id=Y_`.
//!
//! `valid-for-approval` is false when an element carries `not-yet-defined`
//! (`true`/`1`) or a non-empty `v6-value`.
//!
//! Two choices where the XSLT leaves room:
//! - scope: the XSLT looks for `terminated-as-a-whole`, `not-yet-defined` and
//!   `v6-value` with `//`, in the whole response, so in a response of several
//!   IIAs one terminated IIA would change the hash of all the others. Here each
//!   IIA is judged on its own, which equals the kit's result for a response
//!   holding that IIA alone (the way partners fetch and compare one IIA);
//! - attribute order: XSLT leaves it to the processor. The kit runs Saxon over
//!   a JAXP DOM (`XsltTest.java`), and that DOM keeps an element's attributes
//!   sorted by qualified name, so dumped attributes are sorted the same way.
//!   (A valid v7 file has no dumped attribute inside a mobility: only
//!   `not-yet-defined` and `v6-value` are allowed there, and both are skipped.)

use roxmltree::{Document, Node};
use sha2::{Digest, Sha256};

use super::EwpError;

/// What the kit's transformation yields for one `<iia>`, plus its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IiaDigest {
    /// The first partner's `iia-id` (empty when absent).
    pub iia_id: String,
    /// The string that is hashed.
    pub text_to_hash: String,
    /// SHA-256 of `text_to_hash`, lower-case hex.
    pub hash: String,
    /// The `iia-hash` the file states, trimmed, if any.
    pub stated_hash: Option<String>,
    /// False when the IIA still carries v6 values or values not yet defined.
    pub valid_for_approval: bool,
}

impl IiaDigest {
    /// Whether the file's `iia-hash` equals the recomputed one.
    pub fn hash_matches(&self) -> bool {
        self.stated_hash.as_deref() == Some(self.hash.as_str())
    }
}

/// Digests every `<iia>` of an IIAs get response (any namespace), in order.
pub fn digest_response(xml: &str) -> Result<Vec<IiaDigest>, EwpError> {
    let doc = Document::parse(xml).map_err(|e| EwpError::Xml(e.to_string()))?;
    doc.descendants()
        .filter(|n| is(*n, "iia"))
        .map(digest_iia)
        .collect()
}

/// SHA-256 of a text as lower-case hex.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn digest_iia(iia: Node) -> Result<IiaDigest, EwpError> {
    let text_to_hash = text_to_hash(iia)?;
    let iia_id = children(iia, "partner")
        .next()
        .map(|p| {
            children(p, "iia-id")
                .map(string_value)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let stated_hash = children(iia, "iia-hash")
        .next()
        .map(|h| string_value(h).trim().to_owned());
    Ok(IiaDigest {
        iia_id,
        hash: sha256_hex(&text_to_hash),
        text_to_hash,
        stated_hash,
        valid_for_approval: valid_for_approval(iia),
    })
}

/// The kit's `text-to-hash` for one `<iia>` element.
fn text_to_hash(iia: Node) -> Result<String, EwpError> {
    let mut out = String::new();
    let terminated = iia
        .descendants()
        .filter(|n| is(*n, "cooperation-conditions"))
        .any(|c| {
            c.attributes()
                .any(|a| a.name() == "terminated-as-a-whole" && is_true(a.value()))
        });
    if terminated {
        out.push_str("_@terminated-as-a-whole@_");
    }
    for (i, partner) in children(iia, "partner").enumerate() {
        let id = single_value(partner, "iia-id")?;
        out.push_str(&format!("_iia-id_{}={id}_", i + 1));
    }
    let conditions = children(iia, "cooperation-conditions");
    for mobility in conditions.flat_map(|c| c.children().filter(Node::is_element)) {
        for element in mobility.descendants().skip(1).filter(Node::is_element) {
            if !counts(element) {
                continue;
            }
            for (name, value) in dumped_attributes(element) {
                out.push_str(&format!("_@{}={value}@_", path(element, &name)));
            }
            if !element.children().any(|c| c.is_element()) {
                out.push_str(&format!("_{}={}_", path(element, ""), leaf_value(element)));
            }
        }
        for year in [
            "receiving-first-academic-year-id",
            "receiving-last-academic-year-id",
        ] {
            out.push_str(&format!("_{year}={}_", single_value(mobility, year)?));
        }
    }
    Ok(out)
}

/// Whether an element below a mobility takes part in the hash.
fn counts(element: Node) -> bool {
    let name = element.tag_name().name();
    let in_contact = element
        .ancestors()
        .skip(1)
        .any(|a| is(a, "sending-contact") || is(a, "receiving-contact"));
    let not_yet_defined = element
        .ancestors()
        .filter(Node::is_element)
        .any(|a| a.attribute("not-yet-defined").is_some_and(is_true));
    !in_contact
        && name != "receiving-first-academic-year-id"
        && name != "receiving-last-academic-year-id"
        && !not_yet_defined
}

/// The attributes the XSLT prints, as (qualified name, value), sorted by name.
fn dumped_attributes(element: Node) -> Vec<(String, String)> {
    let mut dumped: Vec<(String, String, &str)> = element
        .attributes()
        .filter(|a| a.namespace().is_some() || !matches!(a.name(), "not-yet-defined" | "v6-value"))
        .map(|a| {
            let qualified = match a.namespace().and_then(|ns| element.lookup_prefix(ns)) {
                Some(prefix) if !prefix.is_empty() => format!("{prefix}:{}", a.name()),
                _ => a.name().to_owned(),
            };
            (qualified, a.value().to_owned(), a.name())
        })
        .collect();
    // Java compares names by UTF-16 code units.
    dumped.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    dumped
        .into_iter()
        .map(|(_, value, local)| (local.to_owned(), value))
        .collect()
}

/// `GRANDPARENT.PARENT.ELEMENT`, or for an attribute
/// `GRANDPARENT.PARENT.ELEMENT.ATTRIBUTE` (the attribute's own parent being
/// the element).
fn path(element: Node, attribute: &str) -> String {
    let parent = element.parent().filter(Node::is_element);
    let grandparent = parent.and_then(|p| p.parent()).filter(Node::is_element);
    let name = |n: Option<Node>| {
        n.map(|n| n.tag_name().name().to_owned())
            .unwrap_or_default()
    };
    let mut path = format!(
        "{}.{}.{}",
        name(grandparent),
        name(parent),
        element.tag_name().name()
    );
    if !attribute.is_empty() {
        path.push('.');
        path.push_str(attribute);
    }
    path
}

/// A leaf's value: its text, or for `isced-f-code` its non-empty `v6-value`.
fn leaf_value(element: Node) -> String {
    if element.tag_name().name() == "isced-f-code"
        && let Some(v6) = element.attribute("v6-value").filter(|v| !v.is_empty())
    {
        return v6.to_owned();
    }
    string_value(element)
}

/// The value of the one child element of this name, empty when there is none;
/// the XSLT fails on several (`concat` takes one item), and so does this.
fn single_value(parent: Node, name: &'static str) -> Result<String, EwpError> {
    let mut found = children(parent, name);
    let value = found.next().map(string_value).unwrap_or_default();
    if found.next().is_some() {
        return Err(EwpError::Hash(format!(
            "<{}> holds more than one <{name}>",
            parent.tag_name().name()
        )));
    }
    Ok(value)
}

fn valid_for_approval(iia: Node) -> bool {
    !iia.descendants().filter(Node::is_element).any(|e| {
        e.attribute("not-yet-defined").is_some_and(is_true)
            || e.attribute("v6-value").is_some_and(|v| !v.is_empty())
    })
}

/// XPath's string value: all text below the node, comments left out.
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
    node.children().filter(move |c| is(*c, name))
}

fn is(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// The XSLT compares the attribute's text with `'true'` and `'1'` as strings.
fn is_true(value: &str) -> bool {
    value == "true" || value == "1"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(conditions: &str) -> IiaDigest {
        let xml = format!(
            "<r><iia><partner><iia-id>A</iia-id></partner><partner/>\
             <cooperation-conditions>{conditions}</cooperation-conditions>\
             <iia-hash>x</iia-hash></iia></r>"
        );
        digest_response(&xml).unwrap().remove(0)
    }

    #[test]
    fn sha256_is_lower_case_hex() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn partners_contacts_and_years_follow_the_rules() {
        let d = digest(
            "<m><sending-hei-id>a.eu</sending-hei-id>\
             <sending-contact><contact-name>X</contact-name></sending-contact>\
             <receiving-last-academic-year-id>2031/2032</receiving-last-academic-year-id>\
             <receiving-first-academic-year-id>2027/2028</receiving-first-academic-year-id>\
             <s><l>en</l></s></m>",
        );
        assert_eq!(
            d.text_to_hash,
            "_iia-id_1=A__iia-id_2=_\
             _cooperation-conditions.m.sending-hei-id=a.eu__m.s.l=en_\
             _receiving-first-academic-year-id=2027/2028__receiving-last-academic-year-id=2031/2032_"
        );
        assert_eq!(d.iia_id, "A");
        assert_eq!(d.stated_hash.as_deref(), Some("x"));
        assert!(d.valid_for_approval && !d.hash_matches());
    }

    #[test]
    fn not_yet_defined_hides_the_subtree_and_blocks_approval() {
        let d =
            digest("<m><s not-yet-defined='1'><l>en</l></s><t not-yet-defined='false'>2</t></m>");
        assert!(d.text_to_hash.contains("_cooperation-conditions.m.t=2_"));
        assert!(!d.text_to_hash.contains("en"));
        assert!(!d.valid_for_approval);
    }

    #[test]
    fn attributes_are_sorted_by_qualified_name_and_v6_replaces_the_code() {
        let d = digest(
            "<m><e z='1' xml:lang='sv' a='2'>t</e><isced-f-code v6-value='09'>0913</isced-f-code></m>",
        );
        assert!(d.text_to_hash.contains(
            "_@cooperation-conditions.m.e.a=2@__@cooperation-conditions.m.e.lang=sv@_\
             _@cooperation-conditions.m.e.z=1@__cooperation-conditions.m.e=t_\
             _cooperation-conditions.m.isced-f-code=09_"
        ));
        assert!(!d.valid_for_approval);
    }

    #[test]
    fn two_year_elements_are_an_error_as_in_the_xslt() {
        let xml = "<iia><cooperation-conditions><m><receiving-first-academic-year-id/>\
                   <receiving-first-academic-year-id/></m></cooperation-conditions></iia>";
        assert!(matches!(digest_response(xml), Err(EwpError::Hash(_))));
    }
}
