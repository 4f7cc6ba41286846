//! The agreement's contacts as EWP contact cards, per side.

use kizuna_core::Snapshot;
use kizuna_domain::{Agreement, Contact};

use super::model::{ContactCard, IiaPartner, Phone};
use super::sides::{Side, institution};

/// Contact cards, each with whether the person signs the agreement.
pub(crate) type Cards = Vec<(ContactCard, bool)>;

/// The agreement's contacts per side; people of neither side are left out.
pub(crate) fn contacts(
    snapshot: &Snapshot,
    agreement: &Agreement,
    sides: &(Side, Side),
    notes: &mut Vec<String>,
) -> (Cards, Cards) {
    let (mut home, mut partner) = (Vec::new(), Vec::new());
    for id in &agreement.contacts {
        let Some(contact) = snapshot.contacts.iter().find(|c| &c.id == id) else {
            notes.push(format!("the contact {id} is not in the registry"));
            continue;
        };
        let employer = contact
            .unit
            .as_ref()
            .or(contact.organisation.as_ref())
            .and_then(|o| snapshot.organisations.get(o))
            .map(|o| &institution(snapshot, o).id);
        let card = card(contact, notes);
        if employer == Some(&sides.0.institution.id) {
            home.push(card);
        } else if employer == Some(&sides.1.institution.id) {
            partner.push(card);
        } else {
            notes.push(format!(
                "the contact {id} works for neither partner and is left out"
            ));
        }
    }
    (home, partner)
}

/// A contact as an EWP card, and whether the person signs the agreement
/// (Kizuna has no signer field: a role that says "signatory", "signer" or
/// "signing" marks one).
pub(crate) fn card(contact: &Contact, notes: &mut Vec<String>) -> (ContactCard, bool) {
    let email = contact
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    if email.is_some_and(|e| !fits_ewp_email(e)) {
        notes.push(format!(
            "the e-mail address of {} does not fit EWP's pattern and is left out",
            contact.id
        ));
    }
    let role = contact
        .role
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let signs = role.is_some_and(|r| {
        let r = r.to_lowercase();
        ["signatory", "signer", "signing"]
            .iter()
            .any(|w| r.contains(w))
    });
    let card = ContactCard {
        name: contact.name.trim().to_owned(),
        phone: contact
            .phone
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(Phone::parse),
        email: email.filter(|e| fits_ewp_email(e)).map(str::to_owned),
        role: role.map(str::to_owned),
    };
    (card, signs)
}

/// EWP's `Email` pattern, `[^@]+@[^.]+\..+` over the whole value (no line
/// breaks: `.` does not match them); a second `@` is refused as well.
fn fits_ewp_email(e: &str) -> bool {
    !e.contains(['\n', '\r'])
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain
                    .split_once('.')
                    .is_some_and(|(first, rest)| !first.is_empty() && !rest.is_empty())
        })
}

/// A partner with its first signer as signing contact and everyone else as contacts.
pub(crate) fn with_contacts(hei_id: String, ounit_id: Option<String>, cards: Cards) -> IiaPartner {
    let mut partner = IiaPartner {
        hei_id,
        ounit_id,
        ..IiaPartner::default()
    };
    for (card, signs) in cards {
        if signs && partner.signing_contact.is_none() {
            partner.signing_contact = Some(card);
        } else {
            partner.contacts.push(card);
        }
    }
    partner
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(role: &str, email: &str) -> Contact {
        serde_json::from_value(serde_json::json!({
            "id": "p", "name": " Pat ", "role": role, "email": email
        }))
        .unwrap()
    }

    #[test]
    fn emails_must_fit_the_ewp_pattern() {
        assert!(fits_ewp_email("a.b@ki.se"));
        for bad in [
            "a@.ki.se",
            "a@ki.",
            "@ki.se",
            "a@kise",
            "a@b@ki.se",
            "a@ki.se\nx",
        ] {
            assert!(!fits_ewp_email(bad), "{bad}");
        }
    }

    #[test]
    fn a_signing_role_makes_the_signing_contact() {
        let mut notes = Vec::new();
        let (signer, signs) = card(&contact("Rector (SIGNATORY)", "pat@ki.se"), &mut notes);
        assert!(signs);
        assert_eq!(
            (signer.name.as_str(), signer.email.as_deref()),
            ("Pat", Some("pat@ki.se"))
        );
        let (other, signs) = card(&contact("Coordinator", "pat@.ki.se"), &mut notes);
        assert!(!signs && other.email.is_none());
        assert_eq!(notes.len(), 1, "the dropped address is noted");
        let partner = with_contacts("ki.se".into(), None, vec![(other, false), (signer, true)]);
        assert_eq!(
            partner.signing_contact.map(|c| c.role),
            Some(Some("Rector (SIGNATORY)".into()))
        );
        assert_eq!(partner.contacts.len(), 1);
    }
}
