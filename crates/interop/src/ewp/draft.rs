//! A draft agreement made from a partner's copy that matches none of ours.
//!
//! The draft is internal and unsigned: staff check it, sign it and publish
//! it. What Kizuna's conditions cannot hold (a second subject area or EQF
//! level, a value that is not a code) is left out with a note, and shows in
//! the comparison with the partner's copy.

use std::collections::BTreeSet;

use kizuna_core::Snapshot;
use kizuna_domain::{
    Agreement, AgreementKind, AgreementLevel, Cefr, EducationLevel, LanguageTag, MobilityCondition,
    MobilityType, Organisation, OrganisationKind, Party, PartyRole, Slug, Visibility,
};
use kizuna_domain::{EwpExchange, PartnerCopy, agreement::LanguageSkill};

use super::compare::Terms;
use super::read::{ReadIia, ReadPartner};
use super::sides::institution;
use crate::Message;

/// What the draft is made from.
pub(crate) struct DraftSource<'a> {
    /// The copy read.
    pub iia: &'a ReadIia,
    /// Our side of it.
    pub ours: &'a ReadPartner,
    /// The partner's side.
    pub theirs: &'a ReadPartner,
    /// The partner institution, found by its SCHAC code.
    pub partner: &'a Organisation,
    /// Our SCHAC code.
    pub our_hei: &'a str,
}

/// The draft's title.
pub(crate) fn draft_title(partner: &Organisation, theirs: &ReadPartner) -> String {
    let code = theirs
        .iia_code
        .as_deref()
        .or(theirs.iia_id.as_deref())
        .unwrap_or_default();
    format!("{} – IIA {code}", partner.display_name())
}

/// The draft with id `id`, holding `copy`; what is left out goes to `notes`.
pub(crate) fn draft(
    snapshot: &Snapshot,
    source: &DraftSource,
    id: Slug,
    copy: PartnerCopy,
    notes: &mut Vec<Message>,
) -> Option<Agreement> {
    let home = snapshot.home.clone()?;
    let unit = home_unit(snapshot, source.ours.ounit_id.as_deref(), &home);
    let conditions: Vec<MobilityCondition> = source
        .iia
        .specs
        .iter()
        .map(|s| condition(&Terms::of_spec(s, source.our_hei), notes))
        .collect();
    let mut levels = BTreeSet::new();
    for c in &conditions {
        match c.mobility {
            MobilityType::StaffTeaching | MobilityType::StaffTraining => {
                levels.insert(EducationLevel::Staff);
            }
            _ => levels.extend(c.eqf_level.and_then(level_of)),
        }
    }
    let student = conditions.iter().any(|c| {
        matches!(
            c.mobility,
            MobilityType::StudentStudies | MobilityType::StudentTraineeship
        )
    });
    if source.iia.in_effect {
        notes.push(Message::coded(
            "ewp-draft-in-effect",
            &[],
            "the partner's copy is in effect; the draft is unsigned until ours is signed",
        ));
    }
    let mut agreement: Agreement = serde_json::from_value(serde_json::json!({
        "id": id,
        "kind": if student { AgreementKind::StudentExchange } else { AgreementKind::StaffExchange },
        "level": if unit.is_some() { AgreementLevel::Department } else { AgreementLevel::Central },
        "title": draft_title(source.partner, source.theirs),
        "parties": [
            Party { organisation: home, unit: unit.clone(), role: PartyRole::default() },
            Party { organisation: source.partner.id.clone(), unit: None, role: PartyRole::default() },
        ],
        "home_unit": unit,
        "visibility": Visibility::Internal,
        "internal_notes": format!(
            "Made from {}'s copy of IIA {} (Erasmus Without Paper).",
            source.theirs.hei_id, copy.iia_id
        ),
    }))
    .ok()?;
    agreement.conditions = conditions;
    agreement.education_levels = levels.into_iter().collect();
    agreement.ewp = Some(Box::new(EwpExchange {
        partner_iia_id: Some(copy.iia_id.clone()),
        partner_copy: Some(copy),
        ..EwpExchange::default()
    }));
    Some(agreement)
}

/// Our unit the copy names by its ounit id (our Kizuna id, as the export writes it).
fn home_unit(snapshot: &Snapshot, ounit: Option<&str>, home: &Slug) -> Option<Slug> {
    let unit = snapshot.organisations.get(&ounit?.parse::<Slug>().ok()?)?;
    (unit.kind == OrganisationKind::Unit && &institution(snapshot, unit).id == home)
        .then(|| unit.id.clone())
}

fn level_of(eqf: u8) -> Option<EducationLevel> {
    match eqf {
        6 => Some(EducationLevel::Bachelor),
        7 => Some(EducationLevel::Master),
        8 => Some(EducationLevel::Doctoral),
        _ => None,
    }
}

/// One of our conditions from the partner's terms; what it cannot hold is noted.
fn condition(t: &Terms, notes: &mut Vec<Message>) -> MobilityCondition {
    let (mobility, direction) = (t.mobility.to_string(), t.direction.to_string());
    // Each note names the condition: its mobility and direction, as words an edge can word.
    let mut note = |code: &'static str, value: String, english: String| {
        let args = [
            ("mobility", mobility.as_str()),
            ("direction", direction.as_str()),
            ("value", value.as_str()),
        ];
        let english = format!("{mobility} {direction}: {english}");
        notes.push(Message::coded(code, &args, english));
    };
    if t.eqf_levels.len() > 1 {
        let levels = format!("{:?}", t.eqf_levels);
        let english = format!("only the first of the EQF levels {levels} is kept");
        note("ewp-draft-first-eqf-level", levels, english);
    }
    if t.subject_areas.len() > 1 {
        let areas = t.subject_areas.join(", ");
        let english = format!("only the first of the subject areas {areas} is kept");
        note("ewp-draft-first-subject-area", areas, english);
    }
    let subject_area = t.subject_areas.first().and_then(|s| {
        let code = s.parse().ok();
        if code.is_none() {
            let english = format!("the subject area {s:?} is not an ISCED-F code");
            note("ewp-draft-not-isced", s.clone(), english);
        }
        code
    });
    let languages = t
        .languages
        .iter()
        .filter_map(|(lang, cefr)| {
            let Ok(lang) = lang.parse::<LanguageTag>() else {
                let english = format!("the language {lang:?} is not a language tag");
                note("ewp-draft-not-a-language", lang.clone(), english);
                return None;
            };
            let cefr = cefr.as_deref().and_then(|c| c.parse::<Cefr>().ok());
            Some(LanguageSkill { lang, cefr })
        })
        .collect();
    let student = matches!(
        t.mobility,
        MobilityType::StudentStudies | MobilityType::StudentTraineeship
    );
    let amount = t.per_year.as_deref().and_then(|v| v.parse::<f64>().ok());
    if !student && amount.is_some_and(|d| d.fract() != 0.0) {
        let value = t.per_year.clone().unwrap_or_default();
        let english = format!("days_per_year holds whole days; {value} is left out");
        note("ewp-draft-whole-days", value, english);
    }
    MobilityCondition {
        direction: t.direction,
        mobility: t.mobility,
        places_per_year: t.places_per_year,
        months_per_year: amount.filter(|_| student),
        days_per_year: amount
            .filter(|d| !student && d.fract() == 0.0 && *d >= 0.0)
            .map(|d| d as u32),
        eqf_level: t.eqf_levels.first().copied(),
        subject_area,
        languages,
        first_year: t.first_year,
        last_year: t.last_year,
    }
}
