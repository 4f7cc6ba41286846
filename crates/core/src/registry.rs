//! The typed layer over [`Store`]: domain records in, domain records out.

use std::sync::Arc;

use kizuna_domain::factsheet::FACTSHEET_ID;
use kizuna_domain::{
    Collection, CountryCode, CountryProfile, Dataset, Entity, Factsheet, Organisation, RecordSet,
    Slug,
};

use crate::read::Snapshot;

use crate::store::{
    Change, Expect, ListFilter, NewRecord, Store, StoreError, StoredRecord, WriteReport,
};

mod document;
use document::{document_without_updated_at, new_record};

/// Country profiles live beside the entity collections.
const COUNTRIES: RecordSet = RecordSet::Countries;
/// The setting that names the home organisation.
const HOME: &str = "home";

/// A record with the revision of its last change (its version).
#[derive(Debug, Clone, PartialEq)]
pub struct Versioned<E> {
    /// The record, timestamps filled in.
    pub record: E,
    /// Revision of its last change.
    pub revision: i64,
}

/// Domain-typed access to a [`Store`].
#[derive(Clone)]
pub struct Registry {
    store: Arc<dyn Store>,
}

impl Registry {
    /// Wraps a store.
    pub fn new(store: Arc<dyn Store>) -> Self {
        Registry { store }
    }

    /// The untyped store underneath.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// One record by id.
    pub async fn get<E: Entity>(&self, id: &str) -> Result<Option<Versioned<E>>, StoreError> {
        let stored = self.store.get(E::COLLECTION.into(), id).await?;
        stored.map(|s| decode(E::COLLECTION.into(), s)).transpose()
    }

    /// Records of one collection, filtered by the store's columns.
    pub async fn list<E: Entity>(
        &self,
        filter: &ListFilter,
    ) -> Result<Vec<Versioned<E>>, StoreError> {
        let stored = self.store.list(E::COLLECTION.into(), filter).await?;
        stored
            .into_iter()
            .map(|s| decode(E::COLLECTION.into(), s))
            .collect()
    }

    /// The change that writes `record`, expecting `expect` of what is stored.
    pub fn put<E: Entity>(record: &E, expect: Expect) -> Change {
        Change::Put(new_record(E::COLLECTION.into(), record), expect)
    }

    /// Writes one record.
    pub async fn save<E: Entity>(
        &self,
        record: &E,
        expect: Expect,
        actor: &str,
    ) -> Result<WriteReport, StoreError> {
        self.store
            .apply(vec![Self::put(record, expect)], actor)
            .await
    }

    /// Deletes one record.
    pub async fn delete(
        &self,
        collection: Collection,
        id: &str,
        expect: Expect,
        actor: &str,
    ) -> Result<WriteReport, StoreError> {
        let change = Change::Delete {
            collection: collection.into(),
            id: id.to_owned(),
            expect,
        };
        self.store.apply(vec![change], actor).await
    }

    /// The deployment's home organisation.
    pub async fn home(&self) -> Result<Option<Slug>, StoreError> {
        Ok(self.store.setting(HOME).await?.and_then(|h| h.parse().ok()))
    }

    /// Names the deployment's home organisation.
    pub async fn set_home(&self, home: &Slug) -> Result<(), StoreError> {
        self.store.set_setting(HOME, home.as_str()).await
    }

    /// The editorial profile of a country.
    pub async fn country_profile(
        &self,
        country: CountryCode,
    ) -> Result<Option<CountryProfile>, StoreError> {
        let id = country.as_str().to_ascii_lowercase();
        let stored = self.store.get(COUNTRIES, &id).await?;
        stored.map(decode_country).transpose()
    }

    /// The change that writes a country profile.
    pub fn put_country(profile: &CountryProfile) -> Change {
        let doc = document_without_updated_at(profile);
        Change::Put(
            NewRecord {
                collection: COUNTRIES,
                id: profile.country.as_str().to_ascii_lowercase(),
                kind: None,
                country: Some(profile.country),
                visibility: kizuna_domain::Visibility::Public,
                search_text: String::new(),
                doc,
            },
            Expect::Any,
        )
    }

    /// The home institution's factsheet for incoming students, with its version.
    pub async fn factsheet(&self) -> Result<Option<Versioned<Factsheet>>, StoreError> {
        let stored = self.store.get(RecordSet::Factsheet, FACTSHEET_ID).await?;
        Ok(match stored {
            Some(stored) => {
                let revision = stored.revision;
                Some(Versioned {
                    record: decode_factsheet(stored)?,
                    revision,
                })
            }
            None => None,
        })
    }

    /// The change that writes the factsheet, expecting `expect` of what is stored.
    pub fn put_factsheet(factsheet: &Factsheet, expect: Expect) -> Change {
        let doc = document_without_updated_at(factsheet);
        Change::Put(
            NewRecord {
                collection: RecordSet::Factsheet,
                id: FACTSHEET_ID.to_owned(),
                kind: None,
                country: None,
                visibility: kizuna_domain::Visibility::Public,
                search_text: String::new(),
                doc,
            },
            expect,
        )
    }

    /// Loads a whole dataset in one transaction; records equal to what is stored
    /// are left alone, so loading twice changes nothing.
    pub async fn load_dataset(
        &self,
        data: &Dataset,
        actor: &str,
    ) -> Result<WriteReport, StoreError> {
        let mut changes = Vec::new();
        changes.extend(data.organisations.iter().map(|r| Self::put(r, Expect::Any)));
        changes.extend(data.agreements.iter().map(|r| Self::put(r, Expect::Any)));
        changes.extend(data.programmes.iter().map(|r| Self::put(r, Expect::Any)));
        changes.extend(data.funding.iter().map(|r| Self::put(r, Expect::Any)));
        changes.extend(data.contacts.iter().map(|r| Self::put(r, Expect::Any)));
        changes.extend(data.country_profiles().map(Self::put_country));
        let report = self.store.apply(changes, actor).await?;
        if let Some(home) = &data.home {
            self.set_home(home).await?;
        }
        Ok(report)
    }

    /// Every record of a collection in id order, read a page at a time: the
    /// stored rows of a whole registry are never held beside their records
    /// (at 51k organisations that doubled the memory of a start).
    async fn each<E: Entity>(&self, mut keep: impl FnMut(E)) -> Result<(), StoreError> {
        const PAGE: i64 = 1_000;
        let mut filter = ListFilter {
            limit: Some(PAGE),
            ..ListFilter::default()
        };
        loop {
            let page = self.store.list(E::COLLECTION.into(), &filter).await?;
            let last_page = (page.len() as i64) < PAGE;
            filter.after = page.last().map(|s| s.id.clone());
            for stored in page {
                keep(decode(E::COLLECTION.into(), stored)?.record);
            }
            if last_page {
                return Ok(());
            }
        }
    }

    /// Every record, public and internal, at the current revision.
    pub async fn snapshot(&self) -> Result<Snapshot, StoreError> {
        // Read the revision first: a change landing meanwhile (between two
        // pages, too) makes the snapshot newer than its number, never older,
        // and the change log from that number is replayed on it later.
        let revision = self.store.revision().await?;
        let all = ListFilter::default();
        let countries = self.store.list(COUNTRIES, &all).await?;
        let mut snapshot = Snapshot {
            revision,
            home: self.home().await?,
            ..Snapshot::default()
        };
        let organisations = &mut snapshot.organisations;
        self.each(|o: Organisation| {
            organisations.insert(o.id.clone(), Arc::new(o));
        })
        .await?;
        self.each(|a| snapshot.agreements.push(a)).await?;
        self.each(|p| snapshot.programmes.push(p)).await?;
        self.each(|f| snapshot.funding.push(f)).await?;
        self.each(|c| snapshot.contacts.push(c)).await?;
        snapshot.countries = countries
            .into_iter()
            .map(decode_country)
            .collect::<Result<_, _>>()?;
        snapshot.factsheet = self.factsheet().await?.map(|v| v.record);
        Ok(snapshot)
    }
}

impl Registry {
    /// Brings a snapshot up to the store's newest revision by replaying the
    /// change log, and returns which records changed. Falls back to a full
    /// reload when the log since the snapshot is long.
    pub async fn refresh(
        &self,
        snapshot: &mut Snapshot,
    ) -> Result<Vec<(RecordSet, String)>, StoreError> {
        const REPLAY_LIMIT: i64 = 5_000;
        let entries = self
            .store
            .changes_since(snapshot.revision, REPLAY_LIMIT + 1)
            .await?;
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let changed: Vec<(RecordSet, String)> = entries
            .iter()
            .map(|e| (e.collection, e.record_id.clone()))
            .collect();
        if entries.len() as i64 > REPLAY_LIMIT {
            *snapshot = self.snapshot().await?;
            return Ok(changed);
        }
        for entry in &entries {
            // The log holds documents, not timestamps: re-read the record so
            // the snapshot matches what a single GET returns.
            let stored = self.store.get(entry.collection, &entry.record_id).await?;
            snapshot.replace(entry.collection, &entry.record_id, stored)?;
            snapshot.revision = entry.revision;
        }
        snapshot.home = self.home().await?;
        Ok(changed)
    }
}

/// Reads a stored record straight into its type (no intermediate JSON tree:
/// at start-up this is every record of the registry).
pub(crate) fn decode<E: Entity>(
    collection: RecordSet,
    stored: StoredRecord,
) -> Result<Versioned<E>, StoreError> {
    let mut record: E = parse(collection, &stored)?;
    record.set_timestamps(stored.created_at, stored.updated_at);
    Ok(Versioned {
        record,
        revision: stored.revision,
    })
}

/// Reads a stored country profile.
pub(crate) fn decode_country(stored: StoredRecord) -> Result<CountryProfile, StoreError> {
    let mut profile: CountryProfile = parse(COUNTRIES, &stored)?;
    profile.updated_at = Some(stored.updated_at);
    Ok(profile)
}

/// Reads the stored factsheet.
pub(crate) fn decode_factsheet(stored: StoredRecord) -> Result<Factsheet, StoreError> {
    let mut factsheet: Factsheet = parse(RecordSet::Factsheet, &stored)?;
    factsheet.updated_at = Some(stored.updated_at);
    Ok(factsheet)
}

fn parse<T: serde::de::DeserializeOwned>(
    collection: RecordSet,
    stored: &StoredRecord,
) -> Result<T, StoreError> {
    serde_json::from_str(&stored.doc).map_err(|source| StoreError::Corrupt {
        collection: collection.to_string(),
        id: stored.id.clone(),
        source,
    })
}
