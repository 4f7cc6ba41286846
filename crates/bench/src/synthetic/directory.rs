//! Generated funding opportunities, contacts and country profiles: what a
//! country page lists beside agreements and programmes.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::World;
use super::links::{partial, some, visibility};
use super::vocab::{COUNTRIES, FIELDS, RESEARCH_FIELDS};

/// One funding opportunity with deadlines and destinations.
pub(super) fn funding(world: &mut World, i: usize) -> Value {
    let funder = if !world.funders.is_empty() && world.rng.chance(0.85) {
        *world.rng.pick(&world.funders)
    } else {
        world.partner()
    };
    let rng = &mut world.rng;
    let (kind, word) = match rng.weighted(&[35, 30, 25, 10]) {
        0 => ("scholarship", "Scholarship"),
        1 => (
            "fellowship",
            *rng.pick(&["Fellowship", "Postdoctoral Fellowship"]),
        ),
        2 => (
            "travel_grant",
            *rng.pick(&["Travel Grant", "Visiting Researcher Grant"]),
        ),
        _ => ("award", "Award"),
    };
    let field = rng.pick(FIELDS).0;
    let title = format!("{} {word} in {field}", world.orgs[funder].name);
    let id = world.unique(format!("{}-{i}", super::slug(&title)));
    let rng = &mut world.rng;
    let country_weights: Vec<u32> = COUNTRIES.iter().map(|c| c.1).collect();
    let destinations: HashSet<&str> = (0..1 + rng.below(3))
        .map(|_| COUNTRIES[rng.weighted(&country_weights)].0)
        .collect();
    let mut destinations: Vec<&str> = destinations.into_iter().collect();
    destinations.sort_unstable();
    let deadlines: Vec<Value> = (0..1 + rng.below(2))
        .map(|_| {
            let date = partial(rng.range(2025, 2027), rng.range(1, 12), rng.range(1, 28), 0);
            json!({"date": date, "yearly": rng.chance(0.5)})
        })
        .collect();
    let stages = ["bachelor", "master", "doctoral", "postdoc", "researcher"];
    let mut r = Map::new();
    r.insert("kind".into(), kind.into());
    r.insert("title".into(), title.clone().into());
    r.insert("funder".into(), world.orgs[funder].id.clone().into());
    r.insert("career_stages".into(), some(rng, &stages, 1, 3).into());
    r.insert("destination_countries".into(), destinations.into());
    r.insert("deadlines".into(), deadlines.into());
    if rng.chance(0.5) {
        r.insert(
            "eligibility".into(),
            "Open to researchers **employed** at the home organisation.".into(),
        );
    }
    if rng.chance(0.7) {
        r.insert(
            "amount".into(),
            format!("SEK {},000 per month", rng.range(15, 40)).into(),
        );
    }
    if rng.chance(0.8) {
        r.insert(
            "url".into(),
            format!("https://funding.example.org/{id}").into(),
        );
    }
    if !world.programmes.is_empty() && rng.chance(0.15) {
        r.insert(
            "programme".into(),
            rng.pick(&world.programmes).clone().into(),
        );
    }
    if !world.agreements.is_empty() && rng.chance(0.1) {
        r.insert(
            "agreement".into(),
            rng.pick(&world.agreements).clone().into(),
        );
    }
    r.insert("visibility".into(), visibility(rng, 0.02).into());
    r.insert("id".into(), id.into());
    Value::Object(r)
}

/// One contact person (named earlier by `choose_roles`).
pub(super) fn contact(world: &mut World, i: usize) -> Value {
    let (id, name, country) = world.contacts[i].clone();
    let at_home = world.rng.chance(0.5);
    let organisation = if at_home {
        world.home.clone()
    } else {
        let p = world.partner();
        world.orgs[p].id.clone()
    };
    let rng = &mut world.rng;
    let mut r = Map::new();
    r.insert("id".into(), id.clone().into());
    r.insert("name".into(), name.into());
    let role = *rng.pick(&[
        "International coordinator",
        "Exchange officer",
        "Research advisor",
        "Programme director",
    ]);
    r.insert("role".into(), format!("{role} ({country})").into());
    r.insert("organisation".into(), organisation.into());
    if at_home && !world.units.is_empty() && rng.chance(0.4) {
        r.insert("unit".into(), rng.pick(&world.units).clone().into());
    }
    r.insert(
        "email".into(),
        format!("{}@example.org", id.replace('-', ".")).into(),
    );
    if rng.chance(0.5) {
        r.insert("phone".into(), format!("+46 8 524 {:05}", i).into());
    }
    r.insert("details_visibility".into(), visibility(rng, 0.3).into());
    r.insert("countries".into(), vec![country].into());
    let mut agreements: Vec<String> = Vec::new();
    if !world.agreements.is_empty() {
        for _ in 0..rng.below(3) {
            let agreement = rng.pick(&world.agreements).clone();
            if !agreements.contains(&agreement) {
                agreements.push(agreement);
            }
        }
    }
    r.insert("agreements".into(), agreements.into());
    if !world.programmes.is_empty() && rng.chance(0.3) {
        r.insert(
            "programmes".into(),
            vec![rng.pick(&world.programmes).clone()].into(),
        );
    }
    r.insert("visibility".into(), visibility(rng, 0.02).into());
    Value::Object(r)
}

/// Editorial profiles of the eight biggest countries the base has none for.
pub(super) fn country_profiles(world: &mut World, profiled: &HashSet<String>) -> Vec<Value> {
    let mut countries: Vec<_> = COUNTRIES
        .iter()
        .filter(|c| !profiled.contains(c.0))
        .collect();
    countries.sort_by_key(|c| std::cmp::Reverse(c.1));
    countries
        .into_iter()
        .take(8)
        .map(|&(code, _, cities)| {
            let partners: Vec<&str> = world
                .pool
                .iter()
                .map(|&p| &world.orgs[p])
                .filter(|o| o.country == code)
                .take(3)
                .map(|o| o.id.as_str())
                .collect();
            let rng = &mut world.rng;
            json!({
                "country": code,
                "collaboration_years": rng.range(5, 40),
                "research_fields": some(rng, RESEARCH_FIELDS, 2, 2),
                "key_partners": partners,
                "sections": {
                    "intro": format!("Collaboration with partners in {} and beyond.", cities[0].0),
                    "education": "Exchange places are announced every autumn.",
                },
            })
        })
        .collect()
}
