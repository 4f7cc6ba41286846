//! Generated agreements and programmes between the home organisation and
//! generated (or demo) partners.

use serde_json::{Map, Value, json};

use super::World;
use super::vocab::{FIELDS, RESEARCH_FIELDS, STUDY_PROGRAMMES};
use crate::rng::Rng;

const AGREEMENT_KINDS: &[(&str, u32, &str)] = &[
    ("mou", 20, "Memorandum of Understanding"),
    ("student_exchange", 25, "Student Exchange Agreement"),
    ("doctoral_exchange", 10, "Doctoral Exchange Agreement"),
    ("staff_exchange", 8, "Staff Exchange Agreement"),
    (
        "strategic_partnership",
        4,
        "Strategic Partnership Agreement",
    ),
    ("joint_degree", 3, "Joint Degree Agreement"),
    ("research", 20, "Research Collaboration Agreement"),
    ("framework", 6, "Framework Agreement"),
    ("other", 4, "Agreement"),
];
const LEVELS: &[(&str, u32)] = &[
    ("central", 15),
    ("faculty", 30),
    ("department", 40),
    ("researcher", 15),
];
pub(super) const EDUCATION: &[&str] = &[
    "bachelor",
    "master",
    "doctoral",
    "postdoc",
    "staff",
    "researcher",
];

fn weights<T>(table: &[T], weight: impl Fn(&T) -> u32) -> Vec<u32> {
    table.iter().map(weight).collect()
}

/// A date of the given precision: 0 day, 1 month, 2 year.
pub(super) fn partial(year: i64, month: i64, day: i64, precision: usize) -> String {
    match precision {
        0 => format!("{year:04}-{month:02}-{day:02}"),
        1 => format!("{year:04}-{month:02}"),
        _ => format!("{year:04}"),
    }
}

/// `lo..=hi` distinct picks from `items` (fewer if it is shorter).
pub(super) fn some<'a>(rng: &mut Rng, items: &[&'a str], lo: usize, hi: usize) -> Vec<&'a str> {
    let count = lo + rng.below(hi - lo + 1);
    let picked = rng.distinct(items.len(), count);
    picked.into_iter().map(|i| items[i]).collect()
}

pub(super) fn visibility(rng: &mut Rng, internal: f64) -> &'static str {
    if rng.chance(internal) {
        "internal"
    } else {
        "public"
    }
}

/// One agreement between the home organisation and one to three partners (or a consortium).
pub(super) fn agreement(world: &mut World, i: usize) -> Value {
    let at = world.rng.weighted(&weights(AGREEMENT_KINDS, |k| k.1));
    let (kind, _, kind_title) = AGREEMENT_KINDS[at];
    let level = LEVELS[world.rng.weighted(&weights(LEVELS, |l| l.1))].0;
    let mut partners: Vec<usize> = Vec::new();
    let shape = world.rng.below(100);
    if shape < 3 && !world.consortia.is_empty() {
        partners.push(*world.rng.pick(&world.consortia));
    } else {
        let count = if shape < 83 {
            1
        } else {
            2 + usize::from(shape >= 95)
        };
        for _ in 0..count {
            let p = world.partner();
            if !partners.contains(&p) {
                partners.push(p);
            }
        }
    }
    let rng = &mut world.rng;
    let home_role = if rng.chance(0.3) {
        "coordinator"
    } else {
        "partner"
    };
    let mut parties = vec![json!({"organisation": world.home, "role": home_role})];
    parties.extend(
        partners
            .iter()
            .map(|&p| json!({"organisation": world.orgs[p].id, "role": "partner"})),
    );
    let names: Vec<&str> = partners
        .iter()
        .map(|&p| world.orgs[p].name.as_str())
        .collect();
    let title = format!(
        "{kind_title} between {} and {}",
        world.home_name,
        names.join(", ")
    );
    let id_base = super::slug(&format!("{kind} {}", names[0]));
    let mut r = Map::new();
    r.insert("kind".into(), kind.into());
    r.insert("level".into(), level.into());
    r.insert("title".into(), title.into());
    r.insert("parties".into(), parties.into());
    if level != "central" && !world.units.is_empty() {
        r.insert("home_unit".into(), rng.pick(&world.units).clone().into());
    }
    let year = rng.range(2005, 2025);
    let (month, day) = (rng.range(1, 12), rng.range(1, 28));
    let precision = rng.weighted(&[70, 20, 10]);
    if rng.chance(0.92) {
        let signed = partial(year, month, day, precision);
        r.insert("signed".into(), true.into());
        r.insert("signed_on".into(), signed.clone().into());
        r.insert("valid_from".into(), signed.into());
        if rng.chance(0.8) {
            let until = partial(year + rng.range(3, 10), month, day, precision);
            r.insert("valid_until".into(), until.into());
        }
        if rng.chance(0.03) {
            r.insert("terminated_on".into(), format!("{}", year + 1).into());
        }
    } else {
        r.insert("signed".into(), false.into());
    }
    if i > 0 && rng.chance(0.08) {
        let back = 1 + rng.below(i.min(50));
        r.insert("renews".into(), world.agreements[i - back].clone().into());
    }
    let levels: Vec<&str> = match kind {
        "student_exchange" | "joint_degree" => some(rng, &EDUCATION[..2], 2, 2),
        "doctoral_exchange" => vec!["doctoral"],
        "staff_exchange" => vec!["staff"],
        "research" => some(rng, &EDUCATION[3..], 2, 2),
        _ => some(rng, EDUCATION, 0, 2),
    };
    r.insert("education_levels".into(), levels.into());
    let codes: Vec<&str> = FIELDS.iter().map(|f| f.3).collect();
    let mut areas = some(rng, &codes, 0, 2);
    areas.sort_unstable();
    areas.dedup();
    r.insert("subject_areas".into(), areas.into());
    if matches!(kind, "student_exchange" | "joint_degree") {
        let programmes = some(rng, STUDY_PROGRAMMES, 1, 2);
        r.insert("study_programmes".into(), programmes.into());
    }
    if matches!(kind, "research" | "strategic_partnership" | "mou") {
        let fields = some(rng, RESEARCH_FIELDS, 1, 2);
        r.insert("research_fields".into(), fields.into());
    }
    if matches!(kind, "student_exchange" | "staff_exchange") {
        let conditions: Vec<Value> = (0..1 + rng.below(2))
            .map(|c| condition(rng, kind == "staff_exchange", c, year))
            .collect();
        r.insert("conditions".into(), conditions.into());
    }
    if !world.contacts.is_empty() && rng.chance(0.4) {
        let contact = world.contacts[rng.below(world.contacts.len())].0.clone();
        r.insert("contacts".into(), vec![contact].into());
    }
    if rng.chance(0.2) {
        let note = format!("Covers **{}** among other fields.", rng.pick(FIELDS).0);
        r.insert("notes".into(), note.into());
    }
    if rng.chance(0.05) {
        r.insert(
            "internal_notes".into(),
            "Renegotiate before renewal.".into(),
        );
    }
    r.insert("visibility".into(), visibility(rng, 0.03).into());
    let id = world.unique(format!("{id_base}-{i}"));
    r.insert("id".into(), id.clone().into());
    world.agreements.push(id);
    Value::Object(r)
}

fn condition(rng: &mut Rng, staff: bool, n: usize, year: i64) -> Value {
    let direction = if n.is_multiple_of(2) {
        "outgoing"
    } else {
        "incoming"
    };
    let mut c = json!({
        "direction": direction,
        "mobility": if staff { "staff_teaching" } else { "student_studies" },
        "places_per_year": rng.range(1, 6),
        "eqf_level": rng.range(6, 8),
        "subject_area": rng.pick(FIELDS).3,
        "languages": [{"lang": "en", "cefr": "B2"}],
        "first_year": year,
        "last_year": year + rng.range(1, 5),
    });
    if staff {
        c["days_per_year"] = rng.range(5, 10).into();
    } else {
        c["months_per_year"] = (5.0 * rng.range(1, 2) as f64).into();
    }
    c
}

/// One programme with one to four partners.
pub(super) fn programme(world: &mut World, i: usize) -> Value {
    let partners: Vec<usize> = (0..1 + world.rng.below(4))
        .map(|_| world.partner())
        .collect::<Vec<_>>();
    let mut ids: Vec<String> = Vec::new();
    for &p in &partners {
        if !ids.contains(&world.orgs[p].id) {
            ids.push(world.orgs[p].id.clone());
        }
    }
    let rng = &mut world.rng;
    let field = rng.pick(FIELDS).0;
    let partner = &world.orgs[partners[0]].name;
    let (kind, title) = match rng.weighted(&[20, 30, 20, 20, 10]) {
        0 => (
            "joint_programme",
            format!("Joint Programme in {field} with {partner}"),
        ),
        1 => ("course", format!("{field} Summer Course with {partner}")),
        2 => ("workshop", format!("{field} Workshop with {partner}")),
        3 => ("exchange", format!("{field} Exchange with {partner}")),
        _ => (
            "travel_grant_scheme",
            format!("{field} Travel Grants for {partner}"),
        ),
    };
    let mut r = Map::new();
    r.insert("kind".into(), kind.into());
    r.insert("title".into(), title.clone().into());
    if rng.chance(0.6) {
        let text = format!("A {} in *{field}*, run every year.", kind.replace('_', " "));
        r.insert("description".into(), text.into());
    }
    r.insert("partners".into(), ids.clone().into());
    if !world.units.is_empty() {
        r.insert("units".into(), vec![rng.pick(&world.units).clone()].into());
    }
    r.insert(
        "education_levels".into(),
        some(rng, &EDUCATION[..4], 1, 2).into(),
    );
    if rng.chance(0.6) {
        r.insert("recurrence".into(), "annual".into());
    }
    if rng.chance(0.5) {
        r.insert("locations".into(), vec![ids[0].clone()].into());
    }
    if !world.agreements.is_empty() && rng.chance(0.4) {
        r.insert(
            "agreement".into(),
            rng.pick(&world.agreements).clone().into(),
        );
    }
    if !world.contacts.is_empty() && rng.chance(0.5) {
        let contact = world.contacts[rng.below(world.contacts.len())].0.clone();
        r.insert("contacts".into(), vec![contact].into());
    }
    r.insert("visibility".into(), visibility(rng, 0.03).into());
    let id = world.unique(format!("{}-{i}", super::slug(&title)));
    r.insert("id".into(), id.clone().into());
    world.programmes.push(id);
    Value::Object(r)
}
