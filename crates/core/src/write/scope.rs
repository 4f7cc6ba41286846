//! Who may change what: the home unit that decides it, and the permission
//! rule applied to the acting user.

use kizuna_domain::{
    Action, Agreement, AgreementLevel, Collection, Contact, Entity, FundingOpportunity,
    Organisation, OrganisationKind, Programme, Role, Slug, User,
};

use super::WriteError;
use crate::Snapshot;

/// A record of any collection, for the rules that differ by kind.
#[derive(Debug, Clone)]
pub(crate) enum Typed {
    /// An organisation.
    Organisation(Organisation),
    /// An agreement.
    Agreement(Agreement),
    /// A programme.
    Programme(Programme),
    /// A funding opportunity.
    Funding(FundingOpportunity),
    /// A contact.
    Contact(Contact),
}

impl Typed {
    /// The concrete record behind a generic one.
    pub(crate) fn of<E: Entity>(record: &E) -> Typed {
        let doc = serde_json::to_value(record).expect("records serialise");
        let parsed = match E::COLLECTION {
            Collection::Organisations => serde_json::from_value(doc).map(Typed::Organisation),
            Collection::Agreements => serde_json::from_value(doc).map(Typed::Agreement),
            Collection::Programmes => serde_json::from_value(doc).map(Typed::Programme),
            Collection::Funding => serde_json::from_value(doc).map(Typed::Funding),
            Collection::Contacts => serde_json::from_value(doc).map(Typed::Contact),
        };
        parsed.expect("a record reads back as its own type")
    }
}

/// An organisation's parent, as the snapshot has it.
pub(crate) fn parents(snapshot: &Snapshot) -> impl Fn(&Slug) -> Option<Slug> + '_ {
    |id| {
        snapshot
            .organisations
            .get(id)
            .and_then(|o| o.parent.clone())
    }
}

/// Whether `unit` is the home organisation or lies below it.
fn under_home(snapshot: &Snapshot, unit: &Slug) -> bool {
    snapshot.home.as_ref().is_some_and(|home| {
        kizuna_domain::account::in_scope(std::slice::from_ref(home), unit, &parents(snapshot))
    })
}

/// A programme's units under the home organisation, each once (the
/// partners' units are theirs, not ours).
fn programme_homes(snapshot: &Snapshot, p: &Programme) -> Vec<Slug> {
    let mut units: Vec<Slug> = Vec::new();
    for unit in p.units.iter().filter(|u| under_home(snapshot, u)) {
        if !units.contains(unit) {
            units.push(unit.clone());
        }
    }
    units
}

/// An agreement's home unit; none when it is central (a central-level
/// agreement stays central whatever unit it names).
fn agreement_homes(a: &Agreement) -> Vec<Slug> {
    match &a.home_unit {
        Some(unit) if a.level != AgreementLevel::Central => vec![unit.clone()],
        _ => Vec::new(),
    }
}

/// The home units that decide who may change `record`: one needs permission
/// for every one of them; none means central (admins only).
///
/// Agreement: its `home_unit`, unless its level is central. Programme: every
/// unit of it under the home organisation. Funding: the home unit of its
/// agreement, else the home units of its programme. Contact: its `unit`.
/// Organisation: itself when it is a unit under the home organisation (a new
/// unit, or one moved, counts as its new parent).
pub fn home_units<E: Entity>(snapshot: &Snapshot, record: &E) -> Vec<Slug> {
    typed_home_units(snapshot, &Typed::of(record))
}

pub(crate) fn typed_home_units(snapshot: &Snapshot, record: &Typed) -> Vec<Slug> {
    match record {
        Typed::Agreement(a) => agreement_homes(a),
        Typed::Programme(p) => programme_homes(snapshot, p),
        Typed::Funding(f) => {
            let of_agreement = f
                .agreement
                .as_ref()
                .and_then(|id| snapshot.agreements.iter().find(|a| &a.id == id))
                .map(agreement_homes)
                .unwrap_or_default();
            if !of_agreement.is_empty() {
                return of_agreement;
            }
            f.programme
                .as_ref()
                .and_then(|id| snapshot.programmes.iter().find(|p| &p.id == id))
                .map(|p| programme_homes(snapshot, p))
                .unwrap_or_default()
        }
        Typed::Contact(c) => c.unit.iter().cloned().collect(),
        Typed::Organisation(o) => {
            let Some(parent) = o.parent.as_ref() else {
                return Vec::new();
            };
            if o.kind != OrganisationKind::Unit || !under_home(snapshot, parent) {
                return Vec::new();
            }
            let stored_parent = snapshot.organisations.get(&o.id).map(|s| &s.parent);
            if stored_parent == Some(&o.parent) {
                vec![o.id.clone()]
            } else {
                vec![parent.clone()]
            }
        }
    }
}

/// Whether `user` may do `action` on a record administered by `home_unit`
/// (an editor's units reach the units below them).
pub fn may(user: &User, snapshot: &Snapshot, action: Action, home_unit: Option<&Slug>) -> bool {
    user.may(action, home_unit, &parents(snapshot))
}

/// Whether `user` may do `action` on a record administered by all of
/// `home_units` (none: a central record).
pub fn may_all(user: &User, snapshot: &Snapshot, action: Action, home_units: &[Slug]) -> bool {
    if home_units.is_empty() {
        return may(user, snapshot, action, None);
    }
    home_units
        .iter()
        .all(|unit| may(user, snapshot, action, Some(unit)))
}

/// Refuses with [`WriteError::Forbidden`] unless `user` may do `action` there.
pub fn require(
    user: &User,
    snapshot: &Snapshot,
    action: Action,
    home_unit: Option<&Slug>,
) -> Result<(), WriteError> {
    if may(user, snapshot, action, home_unit) {
        return Ok(());
    }
    Err(WriteError::OutOfScope {
        role: user.role,
        action,
        unit: home_unit.cloned(),
    })
}

/// Refuses with [`WriteError::Forbidden`] unless `user` may do `action` on a
/// record administered by all of `home_units` (none: a central record),
/// naming the first unit out of reach.
pub fn require_all(
    user: &User,
    snapshot: &Snapshot,
    action: Action,
    home_units: &[Slug],
) -> Result<(), WriteError> {
    if home_units.is_empty() {
        return require(user, snapshot, action, None);
    }
    home_units
        .iter()
        .try_for_each(|unit| require(user, snapshot, action, Some(unit)))
}

/// Refuses unless `user` may change every agreement whose status a change of
/// `record`'s `renews` (from `stored`'s) decides: renewing an agreement ends
/// it, and unlinking a renewal revives it. Agreements not in the snapshot
/// are left to the reference check.
pub(crate) fn require_renewed(
    user: &User,
    snapshot: &Snapshot,
    record: Option<&Typed>,
    stored: Option<&Typed>,
) -> Result<(), WriteError> {
    let renews = |t: Option<&Typed>| match t {
        Some(Typed::Agreement(a)) => a.renews.clone(),
        _ => None,
    };
    let (now, before) = (renews(record), renews(stored));
    if now == before {
        return Ok(());
    }
    for id in now.iter().chain(before.iter()) {
        let Some(renewed) = snapshot.agreements.iter().find(|a| &a.id == id) else {
            continue;
        };
        require_all(user, snapshot, Action::Update, &agreement_homes(renewed)).map_err(
            |refused| {
                WriteError::Forbidden(format!(
                    "whether `{id}` is renewed is decided by those who may change it: {refused}"
                ))
            },
        )?;
    }
    Ok(())
}

/// Refuses unless `user` is an enabled admin; `what` names the act refused.
pub fn require_admin(user: &User, what: &str) -> Result<(), WriteError> {
    if user.role == Role::Admin && !user.disabled {
        Ok(())
    } else if user.disabled {
        Err(WriteError::Forbidden(format!(
            "a disabled account may not {what}"
        )))
    } else {
        Err(WriteError::Forbidden(format!(
            "only an admin may {what}; {} may not",
            user.role.with_article()
        )))
    }
}
