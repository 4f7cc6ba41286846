//! The EWP exchange of agreements: a partner's copy recorded on the agreement
//! it maps to (or a new draft made from it), the partner's approval of our
//! copy, and our approval of theirs. Each is an audited change of the
//! agreement, checked like any other; nothing else sets `Agreement::ewp`
//! (updates and restores keep the stored one, new agreements start without).

use std::collections::HashSet;

use chrono::Utc;
use kizuna_domain::ewp::approval_refusal;
use kizuna_domain::{
    Action, Agreement, EwpExchange, EwpFacts, OurApproval, PartnerApproval, PartnerCopy, Slug, User,
};

use super::documents::check_version;
use super::{WriteError, Writer, problems, scope};
use crate::{Expect, Registry, Versioned, WriteReport};

/// Who makes an EWP write.
#[derive(Debug, Clone, Copy)]
pub enum Actor<'a> {
    /// A staff member, held to their role and unit scope.
    Staff(&'a User),
    /// The operator at the command line, as for `kizuna import`: no user's
    /// scope applies, and the name is what the change log records.
    Operator(&'a str),
}

impl Actor<'_> {
    /// What the change log records.
    pub fn name(&self) -> &str {
        match self {
            Actor::Staff(user) => user.email.as_str(),
            Actor::Operator(name) => name,
        }
    }

    fn require(
        &self,
        writer: &Writer,
        action: Action,
        record: &Agreement,
    ) -> Result<(), WriteError> {
        let Actor::Staff(user) = self else {
            return Ok(());
        };
        let snapshot = writer.snapshot();
        let homes = scope::home_units(snapshot, record);
        scope::require_all(user, snapshot, action, &homes)
    }
}

/// What reading a partner's file writes for one of its entries.
#[derive(Debug, Clone, PartialEq)]
pub enum PartnerFileWrite {
    /// The partner's copy of an agreement we have (their `iia-id` is the copy's).
    Copy {
        /// Our agreement.
        agreement: Slug,
        /// Their copy.
        copy: PartnerCopy,
    },
    /// A new draft agreement made from a partner's copy; its `ewp` holds the copy.
    Draft(Box<Agreement>),
    /// The partner's approval of our copy.
    Approval {
        /// Our agreement.
        agreement: Slug,
        /// Their approval.
        approval: PartnerApproval,
    },
}

impl PartnerFileWrite {
    fn agreement(&self) -> &Slug {
        match self {
            PartnerFileWrite::Copy { agreement, .. }
            | PartnerFileWrite::Approval { agreement, .. } => agreement,
            PartnerFileWrite::Draft(draft) => &draft.id,
        }
    }
}

impl Writer {
    /// Records what a partner's file says, in one transaction: every entry is
    /// checked first (scope, rules, references, a link to another of the
    /// partner's IIAs), and when one is refused nothing is written. Entries
    /// that change nothing (the same file read again) are left out.
    pub async fn record_partner_file(
        &self,
        by: Actor<'_>,
        writes: Vec<PartnerFileWrite>,
    ) -> Result<WriteReport, WriteError> {
        let mut seen = HashSet::new();
        let mut changes = Vec::new();
        let mut errors = kizuna_domain::ValidationErrors::default();
        for write in writes {
            let id = write.agreement().clone();
            if !seen.insert(id.clone()) {
                return Err(WriteError::BadInput(format!(
                    "the file names agreement {id} more than once"
                )));
            }
            let (record, stored) = match write {
                PartnerFileWrite::Draft(draft) => {
                    if draft.ewp.is_none() {
                        return Err(WriteError::Internal(format!(
                            "the draft {id} made from a partner's copy does not hold it"
                        )));
                    }
                    (*draft, None)
                }
                PartnerFileWrite::Copy { copy, .. } => {
                    let current = self.stored::<Agreement>(id.as_str()).await?;
                    match with_copy(&current.record, copy)? {
                        Some(record) => (record, Some(current)),
                        None => continue,
                    }
                }
                PartnerFileWrite::Approval { approval, .. } => {
                    let current = self.stored::<Agreement>(id.as_str()).await?;
                    match with_partner_approval(&current.record, approval) {
                        Some(record) => (record, Some(current)),
                        None => continue,
                    }
                }
            };
            let (action, expect) = match &stored {
                Some(s) => (Action::Update, Expect::Revision(s.revision)),
                None => (Action::Create, Expect::Absent),
            };
            match self.checked(by, record, action, stored.as_ref().map(|s| &s.record)) {
                Ok(record) => changes.push(Registry::put(&record, expect)),
                Err(WriteError::Invalid(found)) => {
                    errors.extend_prefixed(&format!("agreements.{id}"), found)
                }
                Err(e) => return Err(e),
            }
        }
        errors.into_result().map_err(WriteError::Invalid)?;
        if changes.is_empty() {
            return Ok(WriteReport::default());
        }
        Ok(self.registry.store().apply(changes, by.name()).await?)
    }

    /// Approves the partner's current copy of agreement `id`: a snapshot of
    /// the copy is kept with the hash of our copy (`facts`, computed from the
    /// agreement as it is now). Refused with [`WriteError::CannotApprove`] and
    /// the reason when the copy may not be approved (see `approval_refusal`).
    pub async fn approve_partner_copy(
        &self,
        by: Actor<'_>,
        id: &str,
        facts: EwpFacts<'_>,
        expected: Option<i64>,
    ) -> Result<Versioned<Agreement>, WriteError> {
        let current = self.stored::<Agreement>(id).await?;
        check_version(&current, expected)?;
        by.require(self, Action::Update, &current.record)?;
        if let Some(reason) = approval_refusal(current.record.ewp.as_deref(), facts) {
            let id = id.to_owned();
            return Err(WriteError::CannotApprove { id, reason });
        }
        let (Some(our_hash), Some(exchange)) = (facts.our_hash, current.record.ewp.as_deref())
        else {
            return Err(WriteError::Internal(
                "an approvable copy was lost".to_owned(),
            ));
        };
        let Some(copy) = exchange.partner_copy.clone() else {
            return Err(WriteError::Internal(
                "an approvable copy was lost".to_owned(),
            ));
        };
        let mut record = current.record.clone();
        record.ewp = Some(Box::new(EwpExchange {
            our_approval: Some(OurApproval {
                copy,
                our_hash: our_hash.to_owned(),
                approved_at: Utc::now(),
                approved_by: by.name().to_owned(),
            }),
            ..exchange.clone()
        }));
        let record = self.checked(by, record, Action::Update, Some(&current.record))?;
        let expect = Expect::Revision(current.revision);
        self.registry.save(&record, expect, by.name()).await?;
        self.stored(id).await
    }

    /// What [`Writer::write`] checks before saving: scope for the record (and
    /// the stored version), then its rules and references.
    fn checked(
        &self,
        by: Actor<'_>,
        mut record: Agreement,
        action: Action,
        stored: Option<&Agreement>,
    ) -> Result<Agreement, WriteError> {
        record.normalise();
        by.require(self, action, &record)?;
        if let Some(stored) = stored {
            by.require(self, action, stored)?;
        }
        problems(self.snapshot(), &mut record)
            .into_result()
            .map_err(WriteError::Invalid)?;
        Ok(record)
    }
}

/// The agreement holding the partner's copy, or `None` when it already holds
/// this very copy. An agreement linked to another of the partner's IIAs is refused.
fn with_copy(stored: &Agreement, copy: PartnerCopy) -> Result<Option<Agreement>, WriteError> {
    let exchange = stored.ewp.as_deref().cloned().unwrap_or_default();
    if let Some(linked) = exchange
        .partner_iia_id
        .as_ref()
        .filter(|linked| **linked != copy.iia_id)
    {
        return Err(WriteError::Conflict(format!(
            "agreement {} is linked to the partner's IIA {linked}, not {}",
            stored.id, copy.iia_id
        )));
    }
    let same = exchange
        .partner_copy
        .as_ref()
        .is_some_and(|c| c.hash == copy.hash && c.xml == copy.xml);
    if same && exchange.partner_iia_id.is_some() {
        return Ok(None);
    }
    let mut record = stored.clone();
    record.ewp = Some(Box::new(EwpExchange {
        partner_iia_id: Some(copy.iia_id.clone()),
        partner_copy: Some(copy),
        ..exchange
    }));
    Ok(Some(record))
}

/// The agreement holding the partner's approval, or `None` when it already does.
fn with_partner_approval(stored: &Agreement, approval: PartnerApproval) -> Option<Agreement> {
    let exchange = stored.ewp.as_deref().cloned().unwrap_or_default();
    if exchange
        .partner_approval
        .as_ref()
        .is_some_and(|a| a.hash == approval.hash)
    {
        return None;
    }
    let mut record = stored.clone();
    record.ewp = Some(Box::new(EwpExchange {
        partner_approval: Some(approval),
        ..exchange
    }));
    Some(record)
}
