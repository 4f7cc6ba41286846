//! Change sets: many records written by one act (a spreadsheet import) in
//! one transaction, and undone in one step.
//!
//! Every change of one transaction carries the same actor and time and
//! consecutive revisions, so revisions `first..=last` name the set; reverting
//! it writes the inverse of each change, again as one transaction (audited
//! like any write), and only when none of its records changed since.

use std::collections::HashSet;
use std::sync::Arc;

use kizuna_domain::{
    Action, Agreement, Collection, Contact, CountryProfile, Dataset, Entity, FundingOpportunity,
    Organisation, Programme, RecordSet, Slug, User, ValidationErrors,
};

use super::references::{referrers, typed_references};
use super::scope::{self, Typed};
use super::{WriteError, Writer, actor, dataset_problems, keep_managed_fields};
use crate::{Change, ChangeEntry, Expect, Registry, Snapshot, WriteReport};

/// What writing a change set did: the counts, and the revisions that name it
/// (none when every record was already as given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Records created, updated, left unchanged.
    pub report: WriteReport,
    /// The first and last revision of the set.
    pub revisions: Option<(i64, i64)>,
}

impl Writer {
    /// Writes every record of `data` as one change set: checked like
    /// [`Writer::import`] (rules and references judged against the registry
    /// as it will be), with `user`'s permission for each record when a user
    /// acts (an operator's command line passes `None`), each record expected
    /// as this writer's snapshot has it (absent for new ones), so a change
    /// made meanwhile is [`WriteError::Stale`] and nothing is written.
    /// `data.home` is not set by this; country profiles are not written.
    pub async fn write_change_set(
        &self,
        user: Option<&User>,
        actor_name: &str,
        data: &mut Dataset,
    ) -> Result<ChangeSet, WriteError> {
        let snapshot = self.snapshot();
        if let Some(user) = user {
            for record in typed(data) {
                let stored = stored_of(snapshot, &record);
                let action = if stored.is_some() {
                    Action::Update
                } else {
                    Action::Create
                };
                // The same rules as one write: every home unit of both
                // versions, and the agreements a renewal points at.
                for version in std::iter::once(&record).chain(stored.iter()) {
                    let homes = scope::typed_home_units(snapshot, version);
                    scope::require_all(user, snapshot, action, &homes)?;
                }
                if matches!(record, Typed::Agreement(_)) {
                    scope::require_renewed(user, snapshot, Some(&record), stored.as_ref())?;
                }
            }
        }
        dataset_problems(snapshot, data)
            .into_result()
            .map_err(WriteError::Invalid)?;
        let mut changes = Vec::new();
        changes.extend(self.puts(&data.organisations).await?);
        changes.extend(self.puts(&data.agreements).await?);
        changes.extend(self.puts(&data.programmes).await?);
        changes.extend(self.puts(&data.funding).await?);
        changes.extend(self.puts(&data.contacts).await?);
        let report = self.registry.store().apply(changes, actor_name).await?;
        Ok(ChangeSet {
            revisions: span(&report),
            report,
        })
    }

    /// The writes of `records`, each expecting what the snapshot holds.
    async fn puts<E: Entity>(&self, records: &[E]) -> Result<Vec<Change>, WriteError> {
        let mut changes = Vec::with_capacity(records.len());
        for record in records {
            let id = record.id().as_str();
            // A new record needs no read: the store refuses it if it exists by now.
            if !super::references::exists(self.snapshot(), E::COLLECTION, record.id()) {
                changes.push(Registry::put(record, Expect::Absent));
                continue;
            }
            let change = match self.registry.get::<E>(id).await? {
                Some(stored) if same_as_snapshot(self.snapshot(), &stored.record) => {
                    let record = keep_managed_fields(record.clone(), Some(&stored.record))?;
                    Registry::put(&record, Expect::Revision(stored.revision))
                }
                stored => {
                    return Err(WriteError::Conflict(format!(
                        "{}/{id} was {} by someone else meanwhile; look again and repeat the import",
                        E::COLLECTION,
                        if stored.is_some() {
                            "changed"
                        } else {
                            "deleted"
                        }
                    )));
                }
            };
            changes.push(change);
        }
        Ok(changes)
    }

    /// Undoes the change set of revisions `first..=last` in one step (admins
    /// only): puts back what each record was before it, deletes what it
    /// created, brings back what it deleted. Refused when the revisions are
    /// not one set, when a record changed since, or when the result would
    /// leave references dangling; then nothing is written.
    pub async fn revert_change_set(
        &self,
        user: &User,
        first: i64,
        last: i64,
    ) -> Result<WriteReport, WriteError> {
        scope::require_admin(user, "revert a change set")?;
        if first < 1 || last < first {
            return Err(WriteError::BadInput(format!(
                "{first}–{last} is not a span of revisions"
            )));
        }
        // One more on each side: a neighbour written by the same act means
        // the span is only part of a set.
        let around = self
            .registry
            .store()
            .changes_since(first - 2, last - first + 3)
            .await?;
        let (inside, outside): (Vec<ChangeEntry>, Vec<ChangeEntry>) = around
            .into_iter()
            .partition(|e| (first..=last).contains(&e.revision));
        let entries = inside;
        let same = |e: &ChangeEntry| e.actor == entries[0].actor && e.at == entries[0].at;
        let whole = entries.len() as i64 == last - first + 1
            && entries.iter().all(same)
            && !outside.iter().any(same);
        if !whole {
            return Err(WriteError::BadInput(format!(
                "revisions {first}–{last} are not one change set"
            )));
        }
        let mut after = self.snapshot().clone();
        let mut changes = Vec::new();
        let mut restored = Vec::new();
        let mut deleted = Vec::new();
        for entry in entries.iter().rev() {
            let current = self
                .registry
                .store()
                .get(entry.collection, &entry.record_id)
                .await?;
            let current_revision = current.as_ref().map(|c| c.revision);
            let expected = entry.after.as_ref().map(|_| entry.revision);
            if current_revision != expected {
                return Err(WriteError::Conflict(format!(
                    "{}/{} changed after revision {}; revert it by hand from its history",
                    entry.collection, entry.record_id, entry.revision
                )));
            }
            let expect = match expected {
                Some(revision) => Expect::Revision(revision),
                None => Expect::Absent,
            };
            match &entry.before {
                Some(doc) if *doc == crate::erased_marker() => {
                    return Err(WriteError::Conflict(format!(
                        "{}/{} was erased; its earlier versions are gone",
                        entry.collection, entry.record_id
                    )));
                }
                Some(doc) => {
                    let (change, record) = put_doc(entry, doc.clone(), expect)?;
                    if let Some(record) = record {
                        overlay(&mut after, Some(&record), entry);
                        restored.push(record);
                    }
                    changes.push(change);
                }
                None => {
                    overlay(&mut after, None, entry);
                    deleted.push(entry);
                    changes.push(Change::Delete {
                        collection: entry.collection,
                        id: entry.record_id.clone(),
                        expect,
                    });
                }
            }
        }
        let mut errors = ValidationErrors::default();
        for record in &restored {
            errors.extend_prefixed(&place(record), typed_references(&after, record));
        }
        let gone: HashSet<(RecordSet, &str)> = (deleted.iter())
            .map(|e| (e.collection, e.record_id.as_str()))
            .collect();
        for entry in &deleted {
            let (Some(collection), Ok(id)) = (
                entry.collection.collection(),
                entry.record_id.parse::<Slug>(),
            ) else {
                continue;
            };
            let others: Vec<String> = referrers(&after, collection, &id)
                .into_iter()
                .filter(|r| {
                    let (c, i) = r.split_once('/').unwrap_or_default();
                    !c.parse().is_ok_and(|c: RecordSet| gone.contains(&(c, i)))
                })
                .collect();
            if !others.is_empty() {
                errors.add(
                    format!("{}.{}", entry.collection, entry.record_id),
                    format!("it is now referred to by {}", others.join(", ")),
                );
            }
        }
        errors.into_result().map_err(WriteError::Invalid)?;
        Ok(self.registry.store().apply(changes, actor(user)).await?)
    }
}

/// The first and last revision a write produced.
fn span(report: &WriteReport) -> Option<(i64, i64)> {
    let revisions = report.revisions.iter().flatten();
    Some((*revisions.clone().min()?, *revisions.max()?))
}

/// Whether the stored record is the one the writer's snapshot holds.
fn same_as_snapshot<E: Entity>(snapshot: &Snapshot, stored: &E) -> bool {
    stored_of(snapshot, &Typed::of(stored)).is_some_and(|seen| {
        let doc = |r: &Typed| match r {
            Typed::Organisation(r) => serde_json::to_value(r),
            Typed::Agreement(r) => serde_json::to_value(r),
            Typed::Programme(r) => serde_json::to_value(r),
            Typed::Funding(r) => serde_json::to_value(r),
            Typed::Contact(r) => serde_json::to_value(r),
        };
        doc(&seen).ok() == doc(&Typed::of(stored)).ok()
    })
}

fn typed(data: &Dataset) -> impl Iterator<Item = Typed> + '_ {
    (data.organisations.iter().cloned().map(Typed::Organisation))
        .chain(data.agreements.iter().cloned().map(Typed::Agreement))
        .chain(data.programmes.iter().cloned().map(Typed::Programme))
        .chain(data.funding.iter().cloned().map(Typed::Funding))
        .chain(data.contacts.iter().cloned().map(Typed::Contact))
}

/// The snapshot's version of the record with the same id.
fn stored_of(snapshot: &Snapshot, record: &Typed) -> Option<Typed> {
    fn find<E: Entity>(list: &[E], id: &Slug) -> Option<E> {
        list.iter().find(|r| r.id() == id).cloned()
    }
    match record {
        Typed::Organisation(r) => {
            (snapshot.organisations.get(&r.id)).map(|o| Typed::Organisation(Organisation::clone(o)))
        }
        Typed::Agreement(r) => find(&snapshot.agreements, &r.id).map(Typed::Agreement),
        Typed::Programme(r) => find(&snapshot.programmes, &r.id).map(Typed::Programme),
        Typed::Funding(r) => find(&snapshot.funding, &r.id).map(Typed::Funding),
        Typed::Contact(r) => find(&snapshot.contacts, &r.id).map(Typed::Contact),
    }
}

fn place(record: &Typed) -> String {
    fn of<E: Entity>(r: &E) -> String {
        format!("{}.{}", E::COLLECTION, r.id())
    }
    match record {
        Typed::Organisation(r) => of(r),
        Typed::Agreement(r) => of(r),
        Typed::Programme(r) => of(r),
        Typed::Funding(r) => of(r),
        Typed::Contact(r) => of(r),
    }
}

/// The change that puts `doc` back, and the record it is (not for country
/// profiles and the factsheet).
fn put_doc(
    entry: &ChangeEntry,
    doc: serde_json::Value,
    expect: Expect,
) -> Result<(Change, Option<Typed>), WriteError> {
    fn typed_put<E: Entity>(
        doc: serde_json::Value,
        expect: Expect,
        wrap: fn(E) -> Typed,
    ) -> Result<(Change, Option<Typed>), WriteError> {
        let record: E = serde_json::from_value(doc).map_err(|e| {
            WriteError::Conflict(format!(
                "an earlier version of a record no longer fits its shape: {e}"
            ))
        })?;
        Ok((Registry::put(&record, expect), Some(wrap(record))))
    }
    match entry.collection.collection() {
        Some(Collection::Organisations) => {
            typed_put::<Organisation>(doc, expect, Typed::Organisation)
        }
        Some(Collection::Agreements) => typed_put::<Agreement>(doc, expect, Typed::Agreement),
        Some(Collection::Programmes) => typed_put::<Programme>(doc, expect, Typed::Programme),
        Some(Collection::Funding) => typed_put::<FundingOpportunity>(doc, expect, Typed::Funding),
        Some(Collection::Contacts) => typed_put::<Contact>(doc, expect, Typed::Contact),
        None if entry.collection == RecordSet::Factsheet => {
            let factsheet: kizuna_domain::Factsheet = serde_json::from_value(doc)?;
            Ok((Registry::put_factsheet(&factsheet, expect), None))
        }
        None => {
            let profile: CountryProfile = serde_json::from_value(doc)?;
            let Change::Put(record, _) = Registry::put_country(&profile) else {
                unreachable!("put_country makes a put")
            };
            Ok((Change::Put(record, expect), None))
        }
    }
}

/// The snapshot with the entry's record replaced by `record`, or removed.
fn overlay(snapshot: &mut Snapshot, record: Option<&Typed>, entry: &ChangeEntry) {
    fn set<E: Entity>(list: &mut Vec<E>, id: &str, record: Option<E>) {
        list.retain(|r| r.id().as_str() != id);
        if let Some(record) = record {
            let at = list.partition_point(|r| r.id() < record.id());
            list.insert(at, record);
        }
    }
    snapshot.invalidate();
    let id = entry.record_id.as_str();
    match (entry.collection, record.cloned()) {
        (RecordSet::Organisations, Some(Typed::Organisation(o))) => {
            snapshot.organisations.insert(o.id.clone(), Arc::new(o));
        }
        (RecordSet::Organisations, _) => {
            if let Ok(slug) = id.parse::<Slug>() {
                snapshot.organisations.remove(&slug);
            }
        }
        (RecordSet::Agreements, r) => set(
            &mut snapshot.agreements,
            id,
            r.and_then(|r| match r {
                Typed::Agreement(a) => Some(a),
                _ => None,
            }),
        ),
        (RecordSet::Programmes, r) => set(
            &mut snapshot.programmes,
            id,
            r.and_then(|r| match r {
                Typed::Programme(p) => Some(p),
                _ => None,
            }),
        ),
        (RecordSet::Funding, r) => set(
            &mut snapshot.funding,
            id,
            r.and_then(|r| match r {
                Typed::Funding(f) => Some(f),
                _ => None,
            }),
        ),
        (RecordSet::Contacts, r) => set(
            &mut snapshot.contacts,
            id,
            r.and_then(|r| match r {
                Typed::Contact(c) => Some(c),
                _ => None,
            }),
        ),
        (RecordSet::Countries | RecordSet::Factsheet, _) => {}
    }
}
