//! Turns records into registry changes: ids, curated records, batches and
//! the relationships report. Batches stream into one transaction that
//! commits at the end, so the database writes while the input is read, and
//! an import that fails or is killed leaves the registry as it was.

use std::collections::{HashMap, HashSet};

use kizuna_core::{Change, Expect, ListFilter, Registry, StoreError, WriteReport, WriteStep};
use kizuna_domain::{Organisation, Slug};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::mapping;
use super::reader::Item;
use super::record::{RorRecord, ror_id};
use super::summary::{ImportSummary, Relationship};

/// The actor the change log records for ROR imports; any other actor in an
/// organisation's history marks it as curated.
pub const ACTOR: &str = "import:ror";

/// The importer's view of the registry, kept in memory so that 51k records
/// need one list query instead of a lookup each.
pub(crate) struct Importer<'a> {
    registry: &'a Registry,
    /// Organisation ids by ROR id, existing ones and those imported now.
    by_ror: HashMap<String, Slug>,
    /// Every organisation, as stored or as this import writes it; boxed,
    /// because the map grows by doubling and moves every entry each time.
    orgs: HashMap<Slug, Box<Organisation>>,
    /// Stored revisions, for optimistic writes over records a person may be editing.
    revisions: HashMap<Slug, i64>,
    /// Ids this import already wrote; later writes to them expect nothing.
    touched: HashSet<Slug>,
    /// Curated status of the organisations whose history was asked for.
    curated: HashMap<Slug, bool>,
    pending: Vec<Change>,
    /// Where batches go: the one transaction of the import.
    writer: mpsc::Sender<WriteStep>,
    written: JoinHandle<Result<WriteReport, StoreError>>,
    summary: ImportSummary,
}

/// Changes sent to the transaction at a time.
const BATCH: usize = 2_000;

impl<'a> Importer<'a> {
    /// Reads every organisation once.
    pub async fn new(registry: &'a Registry) -> Result<Self, StoreError> {
        let existing = registry
            .list::<Organisation>(&ListFilter::default())
            .await?;
        let (writer, steps) = mpsc::channel(4);
        let store = registry.store().clone();
        let written = tokio::spawn(async move { store.apply_stream(steps, ACTOR).await });
        let mut importer = Importer {
            registry,
            by_ror: HashMap::with_capacity(existing.len()),
            orgs: HashMap::with_capacity(existing.len()),
            revisions: HashMap::with_capacity(existing.len()),
            touched: HashSet::new(),
            curated: HashMap::new(),
            pending: Vec::with_capacity(BATCH),
            writer,
            written,
            summary: ImportSummary::default(),
        };
        for v in existing {
            let id = v.record.id.clone();
            if let Some(ror) = v.record.identifiers.ror.as_deref().and_then(ror_id) {
                // Two records claiming one ROR id: the first by id wins, always the same.
                importer.by_ror.entry(ror).or_insert_with(|| id.clone());
            }
            importer.revisions.insert(id.clone(), v.revision);
            importer.orgs.insert(id, Box::new(v.record));
        }
        Ok(importer)
    }

    /// Takes one item read from the input.
    pub async fn take(&mut self, item: Item) -> Result<(), StoreError> {
        self.summary.read += 1;
        match item {
            Item::Malformed { at, reason } => self.summary.skipped.push((at, reason)),
            Item::Record { at, record } => self.record(at, *record).await?,
        }
        if self.pending.len() >= BATCH {
            self.send().await?;
        }
        Ok(())
    }

    /// Commits the transaction and resolves the relationships.
    pub async fn finish(mut self) -> Result<ImportSummary, StoreError> {
        self.send().await?;
        let sent = self.writer.send(WriteStep::Commit).await;
        let report = self
            .written
            .await
            .map_err(|e| StoreError::Database(Box::new(e)))??;
        sent.map_err(|_| StoreError::Abandoned)?;
        self.summary.created += report.created;
        self.summary.updated += report.updated;
        self.summary.unchanged += report.unchanged;
        let mut summary = self.summary;
        for link in &mut summary.relationships {
            link.resolved = self.by_ror.get(&link.to_ror).cloned();
        }
        summary.unresolved_links = summary
            .relationships
            .iter()
            .filter(|l| l.resolved.is_none())
            .count();
        Ok(summary)
    }

    async fn record(&mut self, at: String, record: RorRecord) -> Result<(), StoreError> {
        let Some(ror) = record.ror_id() else {
            let reason = format!("`{}` is not a ROR id", record.id);
            self.summary.skipped.push((at, reason));
            return Ok(());
        };
        if let Some(status) = record.status.as_deref().filter(|s| *s != "active") {
            self.summary.skipped.push((ror, status.to_owned()));
            return Ok(());
        }
        let names = mapping::names(&record);
        let Some(display) = names.first().map(|n| n.value.clone()) else {
            self.skip_invalid(ror, "the record has no name");
            return Ok(());
        };
        let existing = self.by_ror.get(&ror).cloned();
        let Some(id) = existing.clone().or_else(|| self.new_id(&display, &ror)) else {
            self.skip_invalid(ror, "no free id");
            return Ok(());
        };
        let fresh = mapping::organisation(&record, &ror, id.clone(), names);
        let next = match &existing {
            None => Some(fresh),
            Some(id) => self.update(id, fresh).await?,
        };
        if let Some(org) = &next
            && let Err(e) = org.validate()
        {
            self.skip_invalid(ror, &e.to_string());
            return Ok(());
        }
        self.summary
            .relationships
            .extend(record.relationships.iter().map(|r| Relationship {
                from: id.clone(),
                from_ror: ror.clone(),
                kind: r.kind.clone(),
                label: r.label.clone(),
                to_ror: ror_id(&r.id).unwrap_or_else(|| r.id.clone()),
                resolved: None,
            }));
        self.by_ror.insert(ror, id.clone());
        match next {
            None => self.summary.unchanged += 1,
            Some(org) => {
                let expect = if self.touched.contains(&id) {
                    Expect::Any
                } else if let Some(revision) = self.revisions.get(&id) {
                    Expect::Revision(*revision)
                } else {
                    Expect::Absent
                };
                self.pending.push(Registry::put(&org, expect));
                self.touched.insert(id.clone());
                self.orgs.insert(id, Box::new(org));
            }
        }
        Ok(())
    }

    /// The new version of an existing organisation, `None` when nothing changes.
    async fn update(
        &mut self,
        id: &Slug,
        fresh: Organisation,
    ) -> Result<Option<Organisation>, StoreError> {
        let stored = &self.orgs[id];
        let overwritten = mapping::overwrite(stored, fresh.clone());
        // When ROR's version is what is stored, curated or not makes no
        // difference, so the history is only read for records that change.
        if overwritten == **stored {
            return Ok(None);
        }
        if !self.is_curated(id).await? {
            return Ok(Some(overwritten));
        }
        let stored = &self.orgs[id];
        let filled = mapping::fill(stored, &fresh);
        Ok((filled != **stored).then_some(filled))
    }

    /// Whether anyone but this importer ever wrote the organisation.
    ///
    /// Any earlier hand edit counts, not just the last change: once the
    /// importer has filled a curated record's gaps it is the last writer, and
    /// the next import must still not overwrite the person's values.
    async fn is_curated(&mut self, id: &Slug) -> Result<bool, StoreError> {
        if let Some(curated) = self.curated.get(id) {
            return Ok(*curated);
        }
        let history = self
            .registry
            .store()
            .history(kizuna_domain::RecordSet::Organisations, id.as_str())
            .await?;
        // No history means nobody knows who wrote it: treat it as curated.
        let curated = history.is_empty() || history.iter().any(|c| c.actor != ACTOR);
        self.curated.insert(id.clone(), curated);
        Ok(curated)
    }

    /// A free id for a new organisation: its name's slug, then with the ROR
    /// id appended, then `ror-<id>` for names without Latin letters.
    fn new_id(&self, display: &str, ror: &str) -> Option<Slug> {
        let base = Slug::from_name(display);
        let candidates = base
            .iter()
            .flat_map(|b| [b.to_string(), format!("{b}-{ror}")])
            .chain([format!("ror-{ror}")]);
        candidates
            .filter_map(|c| c.parse::<Slug>().ok())
            .find(|c| !self.orgs.contains_key(c))
    }

    fn skip_invalid(&mut self, ror: String, why: &str) {
        self.summary.skipped.push((ror, format!("invalid: {why}")));
    }

    /// Sends the pending changes to the transaction.
    async fn send(&mut self) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let changes = std::mem::replace(&mut self.pending, Vec::with_capacity(BATCH));
        if self.writer.send(WriteStep::Changes(changes)).await.is_err() {
            // The transaction ended early: its task holds the reason.
            return Err(match (&mut self.written).await {
                Ok(Err(e)) => e,
                _ => StoreError::Abandoned,
            });
        }
        Ok(())
    }
}
