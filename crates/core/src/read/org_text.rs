//! Every organisation's names and city, lower-cased and laid end to end, with
//! a trigram index over them, made on a revision's first text filter over the
//! whole registry. A filter then reads only the organisations whose trigrams
//! hold its text, instead of lower-casing every name of the registry on every
//! request (30–38 ms at 150k organisations) or reading the whole buffer
//! (0.3–1 ms).

use std::sync::{Arc, OnceLock};

use kizuna_domain::Organisation;

use super::trigrams::Trigrams;

/// Between two texts of one organisation, and between organisations: a
/// filter's text never contains it (see [`OrgText::positions`]).
const SEPARATOR: char = '\n';

/// The lower-cased names and city of each organisation of a snapshot.
#[derive(Debug, Default)]
pub struct OrgText {
    text: String,
    /// Where each organisation's text ends, in the snapshot's id order.
    ends: Vec<usize>,
    /// Which organisations may hold each trigram; `None` past its size limit.
    trigrams: Option<Trigrams>,
}

/// Made on first use, kept with the revision's indexes.
pub(super) type OrgTextSlot = OnceLock<OrgText>;

impl OrgText {
    /// The texts of `orgs` (every organisation, in id order).
    pub fn build(orgs: &[Arc<Organisation>]) -> OrgText {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(orgs.len());
        for org in orgs {
            let pieces = org.names.iter().map(|n| n.value.as_str());
            // Piece by piece, as `TextFilter::matches` lower-cases them (a
            // final sigma depends on where its word ends).
            for piece in pieces.chain(org.city.as_deref()) {
                text.push_str(&piece.to_lowercase());
                text.push(SEPARATOR);
            }
            ends.push(text.len());
        }
        let trigrams = Trigrams::build(text.as_bytes(), &ends);
        OrgText {
            text,
            ends,
            trigrams,
        }
    }

    /// Positions (in id order) of the organisations whose names or city
    /// contain `needle`, already lower case; `None` when it is empty or holds
    /// the separator, which this text cannot tell from its pieces' ends.
    pub fn positions(&self, needle: &str) -> Option<Vec<usize>> {
        if needle.is_empty() || needle.contains(SEPARATOR) {
            return None;
        }
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let bytes = self.text.as_bytes();
        let start = |org: usize| if org == 0 { 0 } else { self.ends[org - 1] };
        if let Some(candidates) = self
            .trigrams
            .as_ref()
            .and_then(|t| t.candidates(needle.as_bytes()))
        {
            // A match cannot run past an organisation's last separator, so
            // each candidate is checked within its own text.
            return Some(
                candidates
                    .into_iter()
                    .map(|org| org as usize)
                    .filter(|&org| finder.find(&bytes[start(org)..self.ends[org]]).is_some())
                    .collect(),
            );
        }
        // A needle shorter than a trigram: read the whole text.
        let mut found = Vec::new();
        let (mut from, mut org) = (0, 0);
        while let Some(at) = finder.find(&bytes[from..]) {
            // Matches come in order, so the organisation holding this one is
            // found by walking on from the last.
            while self.ends[org] <= from + at {
                org += 1;
            }
            found.push(org);
            // One match is enough: go on from the next organisation's text.
            from = self.ends[org];
            org += 1;
        }
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use kizuna_domain::Organisation;

    use super::OrgText;
    use crate::read::filters::TextFilter;

    fn org(id: &str, names: &[&str], city: Option<&str>) -> Arc<Organisation> {
        let names: Vec<_> = names
            .iter()
            .map(|n| serde_json::json!({"value": n, "kind": "label"}))
            .collect();
        Arc::new(
            serde_json::from_value(serde_json::json!({
                "id": id, "kind": "education", "names": names, "city": city,
            }))
            .unwrap(),
        )
    }

    /// What `TextFilter::matches` finds by walking every organisation.
    fn walked(orgs: &[Arc<Organisation>], q: &str) -> Vec<usize> {
        let filter = TextFilter::new(Some(q));
        (0..orgs.len())
            .filter(|&i| {
                let o = &orgs[i];
                let names = o.names.iter().map(|n| n.value.as_str());
                filter.matches(names.chain(o.city.as_deref()))
            })
            .collect()
    }

    #[test]
    fn positions_are_the_organisations_a_walk_finds() {
        let orgs = [
            org("a", &["Universität Wien", "Uni Wien"], Some("Wien")),
            org("b", &[], None),
            org("c", &["東京大学", "The University of Tokyo"], Some("Tokyo")),
            org("d", &["ΟΔΟΣ Σχολή"], Some("Αθήνα")),
            org("e", &["Kyoto University"], None),
            org("f", &["Tokyo Tech"], Some("Meguro")),
        ];
        let text = OrgText::build(&orgs);
        for q in [
            "wien",
            "WIEN",
            "uni",
            "東京",
            "tokyo",
            "οδος",
            "οδοσ",
            "σχολή",
            "αθήνα",
            "y",
            "o",
            "versity of",
            "wienuni",
            "tokyotokyo",
            "tech\nmeguro",
            "nowhere",
            "é",
        ] {
            let needle = TextFilter::new(Some(q));
            let found = text.positions(needle.needle().unwrap());
            if q.contains('\n') {
                assert_eq!(found, None, "a separator in the text cannot be searched");
            } else {
                assert_eq!(found.unwrap(), walked(&orgs, q), "{q:?}");
            }
        }
        assert_eq!(
            text.positions("wienuni").unwrap(),
            Vec::<usize>::new(),
            "a match never runs from one name into the next"
        );
        assert_eq!(text.positions("o").unwrap(), [2, 4, 5], "each once");
    }
}
