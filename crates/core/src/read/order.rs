//! Lists in the order of the reader's language: organisations by the name a
//! reader of the language sees (東京大学 for a Japanese reader), agreements
//! and programmes by title, each in the language's collation (å ä ö after z
//! in Swedish).
//!
//! Sorting a registry's names costs far more than a page of them, so each
//! language's order is made once per revision, on the first list read in
//! it, and kept with the revision's other indexes; a page then only ranks
//! the records its filters select and sorts the twenty it shows.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use kizuna_domain::{Agreement, Collection, Entity, Organisation, Programme, Slug};

use super::filters::{AgreementFilter, OrganisationFilter, ProgrammeFilter};
use super::page::bounds;
use super::{Lookup, NumberedPage, Snapshot};

/// The collections listed by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Listed {
    Organisations,
    Agreements,
    Programmes,
    Funding,
    Contacts,
}

impl Listed {
    fn of(collection: Collection) -> Listed {
        match collection {
            Collection::Organisations => Listed::Organisations,
            Collection::Agreements => Listed::Agreements,
            Collection::Programmes => Listed::Programmes,
            Collection::Funding => Listed::Funding,
            Collection::Contacts => Listed::Contacts,
        }
    }
}

/// One language's order of one collection: the rank of each record by its
/// position in the snapshot's id-ordered list, and the positions by rank.
#[derive(Debug)]
pub(crate) struct NameOrder {
    rank: Vec<u32>,
    by_rank: Vec<u32>,
}

impl NameOrder {
    /// Orders `names` (in id order) by their sort keys; equal keys stay in id order.
    fn of<'n>(
        names: impl ExactSizeIterator<Item = &'n str>,
        sort_key: fn(&str) -> Vec<u8>,
    ) -> Self {
        let keys: Vec<Vec<u8>> = names.map(sort_key).collect();
        let mut by_rank: Vec<u32> = (0..keys.len() as u32).collect();
        by_rank.sort_by(|a, b| keys[*a as usize].cmp(&keys[*b as usize]));
        let mut rank = vec![0; keys.len()];
        for (r, at) in by_rank.iter().enumerate() {
            rank[*at as usize] = r as u32;
        }
        NameOrder { rank, by_rank }
    }

    /// The rank of the record at position `at`.
    fn rank(&self, at: usize) -> u32 {
        self.rank[at]
    }
}

/// An order being made or made: whoever asks first makes it, the others wait.
type Slot = Arc<OnceLock<Arc<NameOrder>>>;

/// The orders made so far at one revision, by language and collection.
#[derive(Debug, Default)]
pub(crate) struct NameOrders {
    made: Mutex<HashMap<(&'static str, Listed), Slot>>,
    /// Each organisation's position in [`super::Indexes::all_orgs`], by the
    /// address of the record the snapshot holds once (filters hand out
    /// references to those very records): a lookup per filtered record that
    /// costs a hash of a number, not a search among 150,000 ids.
    org_positions: OnceLock<HashMap<usize, u32>>,
}

impl NameOrders {
    /// The order of `listed` for `lookup`'s reader, made on first use. Readers
    /// asking for one that is being made wait for it rather than make it again.
    fn get(&self, lookup: &Lookup<'_>, listed: Listed) -> Arc<NameOrder> {
        let slot = {
            let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
            made.entry((lookup.reader.lang, listed))
                .or_default()
                .clone()
        };
        slot.get_or_init(|| Arc::new(make(lookup, listed))).clone()
    }

    /// The position of `org` among every organisation of the snapshot.
    fn org_position(&self, lookup: &Lookup<'_>, org: &Organisation) -> Option<usize> {
        let positions = self.org_positions.get_or_init(|| {
            let all = lookup.index.all_orgs().iter().enumerate();
            all.map(|(at, o)| (address(o), at as u32)).collect()
        });
        match positions.get(&address(org)) {
            Some(at) => Some(*at as usize),
            // A record from elsewhere (not this snapshot's): found by its id.
            None => lookup.index.org_at(&org.id),
        }
    }
}

fn address(org: &Organisation) -> usize {
    std::ptr::from_ref(org) as usize
}

fn make(lookup: &Lookup<'_>, listed: Listed) -> NameOrder {
    let s: &Snapshot = lookup.snapshot;
    let key = lookup.reader.sort_key;
    match listed {
        Listed::Organisations => {
            let lang = lookup.reader.lang;
            let names = lookup.index.all_orgs().iter();
            NameOrder::of(names.map(|o| o.names_for(lang).primary.value), key)
        }
        Listed::Agreements => NameOrder::of(s.agreements.iter().map(|a| a.title.as_str()), key),
        Listed::Programmes => NameOrder::of(s.programmes.iter().map(|p| p.title.as_str()), key),
        Listed::Funding => NameOrder::of(s.funding.iter().map(|f| f.title.as_str()), key),
        Listed::Contacts => NameOrder::of(s.contacts.iter().map(|c| c.name.as_str()), key),
    }
}

impl<'a> Lookup<'a> {
    fn name_order(&self, listed: Listed) -> Arc<NameOrder> {
        self.index.name_orders.get(self, listed)
    }

    /// Each record's rank among its collection in the reader's order (the
    /// name an organisation shows the reader, other records' titles, people's
    /// names), for [`NumberedPage::cut_ranked`]; made once per revision.
    pub fn name_rank<E: Entity>(&self) -> impl Fn(&E) -> u32 + '_ {
        let listed = Listed::of(E::COLLECTION);
        let order = self.name_order(listed);
        move |record: &E| {
            self.position(listed, record.id())
                .map_or(u32::MAX, |at| order.rank(at))
        }
    }

    /// Where the record `id` sits in the snapshot's id-ordered list.
    fn position(&self, listed: Listed, id: &Slug) -> Option<usize> {
        let s = self.snapshot;
        match listed {
            Listed::Organisations => self.index.org_at(id),
            Listed::Agreements => self.index.agreement_at(id),
            Listed::Programmes => self.index.programme_at(id),
            Listed::Funding => s.funding.binary_search_by(|f| f.id.cmp(id)).ok(),
            Listed::Contacts => s.contacts.binary_search_by(|c| c.id.cmp(id)).ok(),
        }
    }
}

impl OrganisationFilter {
    /// Page `number` of the matching organisations, in the order of the name
    /// the reader sees. Without a kind, text or parent filter and with every
    /// organisation visible, only the records on the page are read.
    pub fn numbered_page<'a>(
        &self,
        lookup: &Lookup<'a>,
        number: usize,
        per_page: usize,
    ) -> NumberedPage<'a, Organisation> {
        let order = lookup.name_order(Listed::Organisations);
        let ix = lookup.index;
        let every_one_visible = !lookup.public_only || ix.orgs_all_public();
        let unfiltered = self.kind.is_none()
            && self.text.is_empty()
            && self.parent.is_none()
            && self.country.is_none();
        if every_one_visible && unfiltered {
            let all = ix.all_orgs();
            let (number, pages, start, end) = bounds(all.len(), number, per_page);
            return NumberedPage {
                items: (order.by_rank[start..end].iter())
                    .map(|at| &*all[*at as usize])
                    .collect(),
                total: all.len(),
                number,
                pages,
            };
        }
        if let Some(found) = self.found_by_text(lookup) {
            let ranked = found.into_iter().map(|(at, o)| (order.rank(at), o));
            return NumberedPage::cut_by_rank(ranked.collect(), number, per_page);
        }
        let positions = &ix.name_orders;
        let rank = |o: &Organisation| {
            (positions.org_position(lookup, o)).map_or(u32::MAX, |at| order.rank(at))
        };
        NumberedPage::cut_ranked(self.select(lookup), rank, number, per_page)
    }
}

impl AgreementFilter {
    /// Page `number` of the matching agreements, in the order of their titles
    /// in the reader's language.
    pub fn numbered_page<'a>(
        &self,
        lookup: &Lookup<'a>,
        number: usize,
        per_page: usize,
    ) -> NumberedPage<'a, Agreement> {
        let order = lookup.name_order(Listed::Agreements);
        let ix = lookup.index;
        let rank = |a: &Agreement| ix.agreement_at(&a.id).map_or(u32::MAX, |at| order.rank(at));
        NumberedPage::cut_ranked(self.select(lookup), rank, number, per_page)
    }
}

impl ProgrammeFilter {
    /// Page `number` of the matching programmes, in the order of their titles
    /// in the reader's language.
    pub fn numbered_page<'a>(
        &self,
        lookup: &Lookup<'a>,
        number: usize,
        per_page: usize,
    ) -> NumberedPage<'a, Programme> {
        let order = lookup.name_order(Listed::Programmes);
        let ix = lookup.index;
        let rank = |p: &Programme| ix.programme_at(&p.id).map_or(u32::MAX, |at| order.rank(at));
        NumberedPage::cut_ranked(self.select(lookup), rank, number, per_page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_ranks_by_key_and_keeps_id_order_on_ties() {
        let names = ["b", "a", "c", "a"];
        let order = NameOrder::of(names.iter().copied(), |n| n.as_bytes().to_vec());
        assert_eq!(order.by_rank, [1, 3, 0, 2]);
        assert_eq!(order.rank, [2, 0, 3, 1]);
    }
}
