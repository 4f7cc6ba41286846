//! Who may change what: the home unit that decides it, and the permission
//! rule applied to the acting user.

use kizuna_domain::{
    Action, Agreement, Collection, Contact, Entity, FundingOpportunity, Organisation,
    OrganisationKind, Programme, Role, Slug, User,
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

fn programme_home(snapshot: &Snapshot, p: &Programme) -> Option<Slug> {
    p.units.iter().find(|u| under_home(snapshot, u)).cloned()
}

/// The home unit that decides who may change `record`; `None` is central (admins only).
///
/// Agreement: its `home_unit`. Programme: its first unit under the home
/// organisation. Funding: the home unit of its agreement, else of its programme.
/// Contact: its `unit`. Organisation: itself when it is a unit under the home
/// organisation (a new unit, or one moved, counts as its new parent).
pub fn home_unit<E: Entity>(snapshot: &Snapshot, record: &E) -> Option<Slug> {
    typed_home_unit(snapshot, &Typed::of(record))
}

pub(crate) fn typed_home_unit(snapshot: &Snapshot, record: &Typed) -> Option<Slug> {
    match record {
        Typed::Agreement(a) => a.home_unit.clone(),
        Typed::Programme(p) => programme_home(snapshot, p),
        Typed::Funding(f) => {
            let of_agreement = f.agreement.as_ref().and_then(|id| {
                snapshot
                    .agreements
                    .iter()
                    .find(|a| &a.id == id)
                    .and_then(|a| a.home_unit.clone())
            });
            of_agreement.or_else(|| {
                let id = f.programme.as_ref()?;
                let p = snapshot.programmes.iter().find(|p| &p.id == id)?;
                programme_home(snapshot, p)
            })
        }
        Typed::Contact(c) => c.unit.clone(),
        Typed::Organisation(o) => {
            let parent = o.parent.as_ref()?;
            if o.kind != OrganisationKind::Unit || !under_home(snapshot, parent) {
                return None;
            }
            let stored_parent = snapshot.organisations.get(&o.id).map(|s| &s.parent);
            if stored_parent == Some(&o.parent) {
                Some(o.id.clone())
            } else {
                Some(parent.clone())
            }
        }
    }
}

/// Whether `user` may do `action` on a record administered by `home_unit`
/// (an editor's units reach the units below them).
pub fn may(user: &User, snapshot: &Snapshot, action: Action, home_unit: Option<&Slug>) -> bool {
    user.may(action, home_unit, &parents(snapshot))
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
    let place = home_unit
        .map(|u| format!("records of `{u}`"))
        .unwrap_or_else(|| "central records".to_owned());
    Err(WriteError::Forbidden(format!(
        "a {} may not {action} {place}",
        user.role
    )))
}

/// Refuses unless `user` is an enabled admin; `what` names the act refused.
pub fn require_admin(user: &User, what: &str) -> Result<(), WriteError> {
    if user.role == Role::Admin && !user.disabled {
        Ok(())
    } else {
        Err(WriteError::Forbidden(format!(
            "only an admin may {what}; a {} may not",
            user.role
        )))
    }
}
