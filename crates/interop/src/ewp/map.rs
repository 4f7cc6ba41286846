//! From a Kizuna agreement to an IIA, or the reasons it cannot be one.
//!
//! An IIA binds two higher education institutions known by SCHAC code, each
//! possibly through one of its units, and states its mobility conditions
//! fully (places, academic years, and languages for studies and teaching).
//! Nothing is guessed: a condition that lacks what the schema requires keeps
//! the whole agreement out, with the reason, rather than sending a partner an
//! IIA with made-up numbers.
//!
//! The partner's `iia-id` is given once an EWP import has recorded it.
//!
//! Dates: `in-effect` is "signed" (a draft is a proposal); `terminated_on`,
//! whenever it falls, is `terminated-as-a-whole` (EWP has no other way to say
//! an IIA ended early); `signing-date` is given only when the day is known.
//! The home institution's units are known to EWP by their Kizuna ids; a
//! partner's unit only by the id its own Organizational Units API gives it,
//! which Kizuna does not record, so it is left out with a note.

use kizuna_core::Snapshot;
use kizuna_domain::{
    Agreement, Direction, MobilityCondition, MobilityType, Organisation, PartialDate, Slug,
};

use super::contacts::{contacts, with_contacts};
use super::hash::sha256_hex;
use super::model::{Iia, MobilitySpec, SpecKind, academic_year, decimal};
use super::sides::sides;
use crate::Message;

/// An IIA, with notes on what of the agreement it leaves out.
pub(crate) type Mapped = (Iia, Vec<String>);

/// Maps an agreement, or says every reason it cannot be an IIA.
pub(crate) fn to_iia(snapshot: &Snapshot, agreement: &Agreement) -> Result<Mapped, Vec<Message>> {
    let mut reasons = Vec::new();
    let mut notes = Vec::new();
    let sides = sides(snapshot, agreement).map_err(|r| vec![r])?;
    let (home, partner) = (&sides.0, &sides.1);
    let home_hei = schac(home.institution, Who::Home, &mut reasons);
    let partner_hei = schac(partner.institution, Who::Partner, &mut reasons);
    if agreement.conditions.is_empty() {
        reasons.push(Message::coded(
            "ewp-iia-no-conditions",
            &[],
            "it has no mobility conditions",
        ));
    }
    let home_unit = home.unit.and_then(|u| ounit_id(u, &mut notes));
    if let Some(unit) = partner.unit {
        notes.push(format!(
            "the partner's unit {unit} is left out: its EWP ounit id is not recorded"
        ));
    }
    let ends = Ends {
        home: (home_hei.unwrap_or_default(), home_unit.clone()),
        partner: (partner_hei.unwrap_or_default(), None),
    };
    let mut specs = Vec::new();
    for (i, condition) in agreement.conditions.iter().enumerate() {
        match spec(condition, &ends) {
            Ok(spec) => specs.push(spec),
            Err(problems) => reasons.extend(problems.into_iter().map(|p| p.of_condition(i))),
        }
    }
    if !reasons.is_empty() {
        return Err(reasons);
    }
    // The schema lists studies, traineeships, teaching, training in this order.
    specs.sort_by_key(|s| s.kind);
    let (home_contacts, partner_contacts) = contacts(snapshot, agreement, &sides, &mut notes);
    let [home_hei, partner_hei] = [ends.home.0, ends.partner.0];
    let mut home_partner = with_contacts(home_hei, home_unit, home_contacts);
    home_partner.iia_id = Some(iia_id(&agreement.id));
    home_partner.iia_code = Some(agreement.id.to_string());
    home_partner.signing_date = match agreement.signed_on {
        Some(PartialDate::Day(day)) => Some(day.to_string()),
        _ => None,
    };
    let mut partner_partner = with_contacts(partner_hei, None, partner_contacts);
    // Once the partner's id of the IIA is known, our copy names it (EWP's
    // example scenario, step 5): it binds the two copies, and it is hashed.
    partner_partner.iia_id = agreement
        .ewp
        .as_ref()
        .and_then(|x| x.partner_iia_id.clone());
    let iia = Iia {
        partners: [home_partner, partner_partner],
        in_effect: agreement.signed || agreement.signed_on.is_some(),
        terminated: agreement.terminated_on.is_some(),
        specs,
    };
    Ok((iia, notes))
}

/// Which side lacks a SCHAC code.
#[derive(Clone, Copy)]
enum Who {
    Home,
    Partner,
}

fn schac(org: &Organisation, who: Who, reasons: &mut Vec<Message>) -> Option<String> {
    let code = org
        .identifiers
        .schac
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if code.is_none() {
        let (side, words) = match who {
            Who::Home => ("home", "the home organisation"),
            Who::Partner => ("partner", "the partner"),
        };
        let english = format!("{words} {} has no SCHAC code (identifiers.schac)", org.id);
        let args = [("side", side), ("id", org.id.as_str())];
        reasons.push(Message::coded("ewp-iia-no-schac", &args, english));
    }
    code.map(str::to_owned)
}

/// Home units are known to EWP by their Kizuna id, which fits the schema's
/// 64 printable characters unless it is longer.
fn ounit_id(unit: &Slug, notes: &mut Vec<String>) -> Option<String> {
    if unit.as_str().len() <= 64 {
        return Some(unit.to_string());
    }
    notes.push(format!(
        "the home unit {unit} is left out: its id is longer than the 64 characters of an EWP ounit id"
    ));
    None
}

/// The agreement's id, which EWP wants in at most 64 characters: longer ids
/// keep their start and end in a hash of the whole, so they stay unique and stable.
pub(crate) fn iia_id(id: &Slug) -> String {
    let id = id.as_str();
    if id.len() <= 64 {
        return id.to_owned();
    }
    format!("{}-{}", &id[..47], &sha256_hex(id)[..16])
}

/// The (SCHAC code, ounit id) of the home and the partner ends.
struct Ends {
    home: (String, Option<String>),
    partner: (String, Option<String>),
}

/// Why one mobility condition cannot be an IIA's.
enum SpecProblem {
    NoPlaces,
    NoYear(&'static str),
    NoLanguage(MobilityType),
    StudentMonths,
    StaffDays,
    StaffEqf,
}

impl SpecProblem {
    /// The reason, naming the condition at `at` in the agreement.
    fn of_condition(self, at: usize) -> Message {
        let problem = |code| kizuna_domain::Problem::new(code).with("condition", at);
        let (problem, english) = match self {
            SpecProblem::NoPlaces => (
                problem("ewp-iia-no-places"),
                "places_per_year is missing; EWP needs at least one place a year".to_owned(),
            ),
            SpecProblem::NoYear(field) => (
                problem("ewp-iia-no-years").with("field", field),
                format!("{field} is missing; EWP needs the academic years"),
            ),
            SpecProblem::NoLanguage(mobility) => (
                problem("ewp-iia-no-language").with("mobility", mobility),
                format!("{mobility} needs at least one recommended language in EWP"),
            ),
            SpecProblem::StudentMonths => (
                problem("ewp-iia-student-months"),
                "student mobility is counted in months_per_year, not days".to_owned(),
            ),
            SpecProblem::StaffDays => (
                problem("ewp-iia-staff-days"),
                "staff mobility is counted in days_per_year, not months".to_owned(),
            ),
            SpecProblem::StaffEqf => (
                problem("ewp-iia-staff-eqf"),
                "EWP has no EQF level for staff mobility".to_owned(),
            ),
        };
        Message::of_problem(Some(problem), format!("conditions[{at}]: {english}"))
    }
}

fn spec(c: &MobilityCondition, ends: &Ends) -> Result<MobilitySpec, Vec<SpecProblem>> {
    let kind = match c.mobility {
        MobilityType::StudentStudies => SpecKind::StudentStudies,
        MobilityType::StudentTraineeship => SpecKind::StudentTraineeship,
        MobilityType::StaffTeaching => SpecKind::StaffTeacher,
        MobilityType::StaffTraining => SpecKind::StaffTraining,
    };
    let mut problems = Vec::new();
    let places = c.places_per_year.filter(|&p| p > 0);
    if places.is_none() {
        problems.push(SpecProblem::NoPlaces);
    }
    let years_known = |year: Option<i32>, field, problems: &mut Vec<SpecProblem>| {
        let year = year.filter(|y| (1000..=9998).contains(y));
        if year.is_none() {
            problems.push(SpecProblem::NoYear(field));
        }
        year
    };
    let first = years_known(c.first_year, "first_year", &mut problems);
    let last = years_known(c.last_year, "last_year", &mut problems);
    if kind.needs_language() && c.languages.is_empty() {
        problems.push(SpecProblem::NoLanguage(c.mobility));
    }
    let total = if kind.is_student() {
        if c.days_per_year.is_some() {
            problems.push(SpecProblem::StudentMonths);
        }
        c.months_per_year.and_then(decimal)
    } else {
        if c.months_per_year.is_some() {
            problems.push(SpecProblem::StaffDays);
        }
        if c.eqf_level.is_some() {
            problems.push(SpecProblem::StaffEqf);
        }
        c.days_per_year.filter(|&d| d > 0).map(|d| d.to_string())
    };
    let (Some(places), Some(first), Some(last)) = (places, first, last) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let (sending, receiving) = match c.direction {
        Direction::Outgoing => (&ends.home, &ends.partner),
        Direction::Incoming => (&ends.partner, &ends.home),
    };
    Ok(MobilitySpec {
        kind,
        sending_hei_id: sending.0.clone(),
        sending_ounit_id: sending.1.clone(),
        receiving_hei_id: receiving.0.clone(),
        receiving_ounit_id: receiving.1.clone(),
        first_year: academic_year(first),
        last_year: academic_year(last),
        mobilities_per_year: places,
        languages: c
            .languages
            .iter()
            .map(|l| (l.lang.to_string(), l.cefr.map(|c| c.as_str().to_owned())))
            .collect(),
        subject_areas: c.subject_area.iter().map(|s| s.to_string()).collect(),
        total_per_year: total,
        eqf_levels: if kind.is_student() {
            c.eqf_level.into_iter().collect()
        } else {
            Vec::new()
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_ids_are_cut_to_64_characters_and_stay_distinct() {
        let a: Slug = "a".repeat(70).parse().unwrap();
        let b: Slug = format!("{}b", "a".repeat(69)).parse().unwrap();
        assert_eq!(iia_id(&a).len(), 64);
        assert_ne!(iia_id(&a), iia_id(&b));
        assert_eq!(iia_id(&"ki-uw".parse().unwrap()), "ki-uw");
    }
}
