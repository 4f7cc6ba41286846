//! The organisations a record's document may show, as its audience sees them.
//!
//! A public record's document is what the public searches, facets and reads
//! snippets of, so it must not carry the name or country of an internal
//! organisation that is party to it; an internal record's document is only
//! ever found by staff, who may see everything.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use kizuna_core::Snapshot;
use kizuna_domain::rules::{self, OrganisationLookup};
use kizuna_domain::{CountryCode, Organisation, Slug, Visibility};

/// The organisations of a snapshot as seen from a record of one visibility.
#[derive(Clone, Copy)]
pub struct Refs<'a> {
    snapshot: &'a Snapshot,
    /// The record is public: internal organisations do not exist for it.
    public: bool,
}

/// The organisation map with the internal ones left out when `public`.
struct Visible<'a> {
    orgs: &'a BTreeMap<Slug, Arc<Organisation>>,
    public: bool,
}

impl OrganisationLookup for Visible<'_> {
    fn organisation(&self, id: &Slug) -> Option<&Organisation> {
        self.orgs
            .get(id)
            .map(|o| &**o)
            .filter(|o| !self.public || o.visibility == Visibility::Public)
    }
}

impl<'a> Refs<'a> {
    /// What a record of `visibility` may show of the organisations of `snapshot`.
    pub fn new(snapshot: &'a Snapshot, visibility: Visibility) -> Self {
        Refs {
            snapshot,
            public: visibility == Visibility::Public,
        }
    }

    fn visible(&self) -> Visible<'a> {
        Visible {
            orgs: &self.snapshot.organisations,
            public: self.public,
        }
    }

    /// The organisation, if the record may show it.
    pub fn org(&self, id: &Slug) -> Option<&'a Organisation> {
        self.snapshot
            .organisations
            .get(id)
            .map(|o| &**o)
            .filter(|o| !self.public || o.visibility == Visibility::Public)
    }

    /// Every name of an organisation, in every language.
    pub fn all_names(&self, id: &Slug) -> impl Iterator<Item = String> + 'a {
        self.org(id)
            .into_iter()
            .flat_map(|o| o.names.iter().map(|n| n.value.clone()))
    }

    /// The organisation's display name.
    pub fn display_name(&self, id: &Slug) -> Option<String> {
        self.org(id).map(|o| o.display_name().to_owned())
    }

    /// Its acronym, if it has one.
    pub fn acronym(&self, id: &Slug) -> Option<String> {
        self.org(id)?.acronym().map(str::to_owned)
    }

    /// Countries of the partners: parties other than the home side, a
    /// consortium counting with its members.
    pub fn partner_countries<'p>(
        &self,
        parties: impl IntoIterator<Item = &'p Slug>,
    ) -> BTreeSet<CountryCode> {
        let orgs = self.visible();
        match &self.snapshot.home {
            Some(home) => rules::partner_countries(parties, home, &orgs)
                .into_iter()
                .collect(),
            // Without a configured home every party is a partner.
            None => parties
                .into_iter()
                .filter_map(|id| orgs.organisation(id))
                .flat_map(|o| {
                    let members = o.members.iter().filter_map(|m| orgs.organisation(m));
                    o.country
                        .into_iter()
                        .chain(members.filter_map(|m| m.country))
                })
                .collect(),
        }
    }

    /// Whether the organisation is the home organisation or a consortium it belongs to.
    pub fn is_home_side(&self, id: &Slug) -> bool {
        self.snapshot
            .home
            .as_ref()
            .is_some_and(|home| rules::is_home_side(id, home, &self.visible()))
    }
}
