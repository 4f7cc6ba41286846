//! The two ends of an IIA: the home institution and the one partner, each
//! resolved from the agreement's parties (a unit stands for its institution).

use kizuna_core::Snapshot;
use kizuna_domain::{Agreement, Organisation, OrganisationKind, Slug};

use crate::Message;

/// One side of the agreement, resolved to its institution.
pub(crate) struct Side<'a> {
    pub(crate) institution: &'a Organisation,
    pub(crate) unit: Option<&'a Slug>,
}

/// The home side and the one partner side, or why there are not exactly those.
pub(crate) fn sides<'a>(
    snapshot: &'a Snapshot,
    agreement: &'a Agreement,
) -> Result<(Side<'a>, Side<'a>), Message> {
    let home_id = snapshot
        .home
        .as_ref()
        .ok_or_else(|| Message::coded("ewp-no-home", &[], "no home organisation is configured"))?;
    let mut home = Vec::new();
    let mut others = Vec::new();
    for party in &agreement.parties {
        let org = snapshot
            .organisations
            .get(&party.organisation)
            .ok_or_else(|| {
                let party = party.organisation.as_str();
                let english = format!("the party {party} is not in the registry");
                Message::coded("ewp-iia-party-unknown", &[("party", party)], english)
            })?;
        let institution = institution(snapshot, org);
        let unit = party
            .unit
            .as_ref()
            .or((institution.id != org.id).then_some(&org.id));
        let side = Side { institution, unit };
        if &institution.id == home_id {
            home.push(side);
        } else {
            others.push(side);
        }
    }
    if home.is_empty() {
        let through = others
            .iter()
            .find(|s| s.institution.members.contains(home_id));
        return Err(match through {
            Some(c) => {
                let consortium = c.institution.id.as_str();
                let english = format!(
                    "the home organisation takes part only through the consortium {consortium}; an IIA binds two institutions"
                );
                let args = [("consortium", consortium)];
                Message::coded("ewp-iia-home-through-consortium", &args, english)
            }
            None => Message::coded(
                "ewp-iia-home-not-a-party",
                &[],
                "the home organisation is not a party",
            ),
        });
    }
    if home.len() > 1 || others.len() != 1 {
        let count = agreement.parties.len().to_string();
        let english = format!("an IIA binds two institutions; this agreement has {count} parties");
        return Err(Message::coded(
            "ewp-iia-party-count",
            &[("count", &count)],
            english,
        ));
    }
    let partner = others.remove(0);
    if partner.institution.kind == OrganisationKind::Consortium {
        let id = partner.institution.id.as_str();
        let english = format!("the partner {id} is a consortium; an IIA binds two institutions");
        return Err(Message::coded(
            "ewp-iia-partner-consortium",
            &[("partner", id)],
            english,
        ));
    }
    Ok((home.remove(0), partner))
}

/// The organisation a unit belongs to (walking up through units), or itself.
pub(crate) fn institution<'a>(snapshot: &'a Snapshot, org: &'a Organisation) -> &'a Organisation {
    let mut current = org;
    // The depth bound keeps a parent cycle in bad data from looping forever.
    for _ in 0..32 {
        if current.kind != OrganisationKind::Unit {
            break;
        }
        match current
            .parent
            .as_ref()
            .and_then(|p| snapshot.organisations.get(p))
        {
            Some(parent) => current = parent,
            None => break,
        }
    }
    current
}
