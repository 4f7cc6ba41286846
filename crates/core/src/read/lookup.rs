//! Reading a snapshot as one audience (the public or staff) sees it, through
//! the snapshot's per-revision indexes: finding records here, building list
//! rows from them in [`rows`].

use std::collections::HashSet;

use kizuna_domain::{
    Agreement, AgreementStatus, Contact, CountryCode, Entity, FundingOpportunity, Organisation,
    Programme, Renewal, Slug, StatusContext, Visibility,
};

use super::Snapshot;
use super::index::Indexes;
use super::snapshot::by_id;

mod rows;

/// How many renewals ahead a status looks (chains are a handful long).
const RENEWAL_DEPTH: usize = 16;

/// Who reads: the language names are shown in and sorted by. The interface's
/// own country names and collation live at the edge; the default reader reads
/// English, as the API does, in the order of the names' code points.
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    /// BCP 47 tag of the reader's language (`en`, `sv`, `ja`).
    pub lang: &'static str,
    /// A country's name in the reader's language.
    pub country_name: fn(CountryCode) -> &'static str,
    /// A name's sort key in the reader's language: names are in the order of
    /// their keys' bytes (one key per language, so lists built from keys are
    /// kept per language; see [`super::order`]).
    pub sort_key: fn(&str) -> Vec<u8>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            lang: "en",
            country_name: |c| c.name(),
            sort_key: |name| name.as_bytes().to_vec(),
        }
    }
}

/// Reads a snapshot as one audience sees it.
pub struct Lookup<'a> {
    /// The registry.
    pub snapshot: &'a Snapshot,
    /// For agreement status.
    pub ctx: StatusContext,
    /// Hide internal records.
    pub public_only: bool,
    /// The snapshot's indexes.
    pub index: &'a Indexes,
    /// The language names are shown in.
    pub reader: Reader,
}

impl<'a> Lookup<'a> {
    /// A reader of `snapshot`.
    pub fn new(snapshot: &'a Snapshot, ctx: StatusContext, public_only: bool) -> Self {
        Lookup {
            snapshot,
            ctx,
            public_only,
            index: snapshot.index(),
            reader: Reader::default(),
        }
    }

    /// The same reader showing names in `reader`'s language.
    pub fn reading_as(self, reader: Reader) -> Self {
        Lookup { reader, ..self }
    }

    /// A country's name in the reader's language.
    pub fn country_name(&self, code: CountryCode) -> &'static str {
        (self.reader.country_name)(code)
    }

    /// An organisation's name in the reader's language (see [`Organisation::names_for`]).
    pub fn org_name(&self, org: &'a Organisation) -> &'a str {
        org.names_for(self.reader.lang).primary.value
    }

    /// Whether this audience may see a record of visibility `v`.
    pub fn visible(&self, v: Visibility) -> bool {
        !self.public_only || v == Visibility::Public
    }

    /// Whether this audience may see `record`, all rules considered (the
    /// public never sees a draft agreement: [`Entity::audience`]).
    pub fn shows<E: Entity>(&self, record: &E) -> bool {
        self.visible(record.audience())
    }

    /// The home organisation's id (a placeholder that matches nothing when unset).
    pub fn home(&self) -> Slug {
        self.snapshot
            .home
            .clone()
            .unwrap_or_else(|| "no-home".parse().expect("valid slug"))
    }

    /// An organisation this audience may see.
    pub fn org(&self, id: &Slug) -> Option<&'a Organisation> {
        self.snapshot
            .organisations
            .get(id)
            .map(|o| &**o)
            .filter(|o| self.shows(*o))
    }

    /// Visible organisations.
    pub fn organisations(&self) -> impl Iterator<Item = &'a Organisation> + '_ {
        self.snapshot
            .organisations
            .values()
            .map(|o| &**o)
            .filter(|o| self.shows(*o))
    }

    /// Visible organisations whose names or city contain `text`, with their
    /// positions in [`super::Indexes::all_orgs`] (id order), found through
    /// the revision's text index; `None` when there is no text or the index
    /// cannot search for it.
    pub(super) fn organisations_with_text(
        &self,
        text: &super::filters::TextFilter,
    ) -> Option<impl Iterator<Item = (usize, &'a Organisation)> + '_> {
        let all = self.index.all_orgs();
        let found = self.index.org_text().positions(text.needle()?)?;
        Some(
            found
                .into_iter()
                .map(move |at| (at, &*all[at]))
                .filter(|(_, o)| self.shows(*o)),
        )
    }

    /// Visible agreements.
    pub fn agreements(&self) -> impl Iterator<Item = &'a Agreement> + '_ {
        self.snapshot.agreements.iter().filter(|a| self.shows(*a))
    }

    /// Visible programmes.
    pub fn programmes(&self) -> impl Iterator<Item = &'a Programme> + '_ {
        self.snapshot.programmes.iter().filter(|p| self.shows(*p))
    }

    /// Visible funding opportunities.
    pub fn funding(&self) -> impl Iterator<Item = &'a FundingOpportunity> + '_ {
        self.snapshot.funding.iter().filter(|f| self.shows(*f))
    }

    /// Visible contacts.
    pub fn contacts(&self) -> impl Iterator<Item = &'a Contact> + '_ {
        self.snapshot.contacts.iter().filter(|c| self.shows(*c))
    }

    /// An agreement by id, if visible.
    pub fn agreement(&self, id: &Slug) -> Option<&'a Agreement> {
        let at = self.index.agreement_at(id)?;
        Some(&self.snapshot.agreements[at]).filter(|a| self.shows(*a))
    }

    /// A programme by id, if visible.
    pub fn programme(&self, id: &Slug) -> Option<&'a Programme> {
        let at = self.index.programme_at(id)?;
        Some(&self.snapshot.programmes[at]).filter(|p| self.shows(*p))
    }

    /// A funding opportunity by id, if visible.
    pub fn funding_opportunity(&self, id: &Slug) -> Option<&'a FundingOpportunity> {
        by_id(&self.snapshot.funding, id).filter(|f| self.shows(*f))
    }

    /// A contact by id, if visible.
    pub fn contact(&self, id: &Slug) -> Option<&'a Contact> {
        by_id(&self.snapshot.contacts, id).filter(|c| self.shows(*c))
    }

    /// Visible agreements at these positions of the snapshot.
    pub fn agreements_at<'b>(
        &'b self,
        at: &'b [usize],
    ) -> impl Iterator<Item = &'a Agreement> + 'b {
        at.iter()
            .map(|&i| &self.snapshot.agreements[i])
            .filter(|a| self.shows(*a))
    }

    /// Visible programmes at these positions of the snapshot.
    pub fn programmes_at<'b>(
        &'b self,
        at: &'b [usize],
    ) -> impl Iterator<Item = &'a Programme> + 'b {
        at.iter()
            .map(|&i| &self.snapshot.programmes[i])
            .filter(|p| self.shows(*p))
    }

    /// Visible funding opportunities at these positions of the snapshot.
    pub fn funding_at<'b>(
        &'b self,
        at: &'b [usize],
    ) -> impl Iterator<Item = &'a FundingOpportunity> + 'b {
        at.iter()
            .map(|&i| &self.snapshot.funding[i])
            .filter(|f| self.shows(*f))
    }

    /// Visible contacts at these positions of the snapshot.
    pub fn contacts_at<'b>(&'b self, at: &'b [usize]) -> impl Iterator<Item = &'a Contact> + 'b {
        at.iter()
            .map(|&i| &self.snapshot.contacts[i])
            .filter(|c| self.shows(*c))
    }

    /// Visible organisations with these ids.
    pub fn orgs<'b>(&'b self, ids: &'b [Slug]) -> impl Iterator<Item = &'a Organisation> + 'b {
        ids.iter().filter_map(|id| self.org(id))
    }

    /// The signed agreement that renews `a`, if any.
    pub fn successor(&self, a: &Agreement) -> Option<&'a Agreement> {
        let at = self.index.agreement_at(&a.id)?;
        let next = self.index.successor_of(at)?;
        Some(&self.snapshot.agreements[next]).filter(|s| !s.is_draft())
    }

    /// The derived status of an agreement.
    pub fn status(&self, a: &Agreement) -> AgreementStatus {
        self.status_within(a, RENEWAL_DEPTH)
    }

    /// The status of `a` looking at most `depth` renewals ahead.
    fn status_within(&self, a: &Agreement, depth: usize) -> AgreementStatus {
        // Bounded: a cycle of renewals in bad data must not hang a request.
        let renewal = self.successor(a).filter(|_| depth > 0).map(|s| Renewal {
            starts: s.valid_from.or(s.signed_on).map(|d| d.first_day()),
            status: self.status_within(s, depth - 1),
        });
        a.status(self.ctx, renewal)
    }

    /// Whether `id` is `ancestor` or a unit below it, at any depth.
    pub fn within(&self, id: &Slug, ancestor: &Slug) -> bool {
        let mut current = Some(id);
        // Bounded: a cycle of parents in bad data must not hang a request.
        for _ in 0..64 {
            match current {
                Some(c) if c == ancestor => return true,
                Some(c) => {
                    current = self
                        .snapshot
                        .organisations
                        .get(c)
                        .and_then(|o| o.parent.as_ref())
                }
                None => return false,
            }
        }
        false
    }

    /// The partner countries of a set of parties (see `kizuna_domain::rules`).
    pub fn partner_countries<'b>(
        &self,
        parties: impl IntoIterator<Item = &'b Slug>,
    ) -> HashSet<CountryCode> {
        kizuna_domain::rules::partner_countries(parties, &self.home(), &self.snapshot.organisations)
    }

    /// Whether an organisation is the home or a consortium it belongs to
    /// (`kizuna_domain::rules::is_home_side`, precomputed once per request).
    pub fn is_home_side(&self, id: &Slug) -> bool {
        self.index.home_side.contains(id)
    }
}
