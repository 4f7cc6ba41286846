//! Generated organisations: names in English and, in Japan, China, Korea and
//! Taiwan, often also in the local script; cities and coordinates; a few units
//! and consortia.

use serde_json::{Map, Value, json};

use super::vocab::{COUNTRIES, FIELDS, INSTITUTIONS, QUALIFIERS, SURNAMES};
use super::{Org, Sizes, World, slug};

/// Kinds of generated organisations, weighted roughly as in ROR.
const KINDS: &[(&str, u32)] = &[
    ("education", 40),
    ("healthcare", 15),
    ("facility", 10),
    ("nonprofit", 9),
    ("company", 9),
    ("government", 7),
    ("funder", 4),
    ("archive", 1),
    ("other", 2),
    ("unit", 2),
    ("consortium", 1),
];

/// Takes the demo's organisations as possible partners, and its home units.
pub(super) fn adopt_base(world: &mut World, organisations: &[Value]) {
    for o in organisations {
        let (Some(id), Some(kind)) = (o["id"].as_str(), o["kind"].as_str()) else {
            continue;
        };
        if id == world.home {
            world.home_country = o["country"].as_str().unwrap_or("SE").to_owned();
            continue;
        }
        if kind == "unit" {
            if o["parent"] == world.home.as_str() {
                world.units.push(id.to_owned());
            }
            continue;
        }
        let kind = KINDS
            .iter()
            .map(|(k, _)| *k)
            .find(|k| *k == kind)
            .unwrap_or("other");
        world.orgs.push(Org {
            id: id.to_owned(),
            name: o["names"][0]["value"].as_str().unwrap_or(id).to_owned(),
            country: o["country"].as_str().unwrap_or_default().to_owned(),
            kind,
        });
    }
    world.base_orgs = world.orgs.len();
}

/// A dozen departments of the home organisation (home units of agreements).
pub(super) fn home_units(world: &mut World) -> Vec<Value> {
    let home = world.home.clone();
    (0..12)
        .map(|n| {
            let field = FIELDS[n % FIELDS.len()].0;
            let name = format!("Department of {field}");
            let id = world.unique(format!("{home}-{}", slug(&name)));
            world.units.push(id.clone());
            json!({
                "id": id, "kind": "unit", "parent": home, "country": world.home_country,
                "names": [{"value": name, "lang": "en", "kind": "display"}],
                "visibility": "public",
            })
        })
        .collect()
}

/// One generated organisation.
pub(super) fn organisation(world: &mut World) -> Value {
    let i = world.orgs.len();
    let rng = &mut world.rng;
    let mut kind = KINDS[rng.weighted(&KINDS.iter().map(|k| k.1).collect::<Vec<_>>())].0;
    let mut country_at = rng.weighted(&world.country_weights);
    let mut record = Map::new();
    // A unit belongs to an earlier organisation and sits in its country.
    if kind == "unit" {
        let parent = (0..8)
            .map(|_| rng.below(i.max(1)))
            .find(|&j| j < i && !matches!(world.orgs[j].kind, "unit" | "consortium"));
        match parent {
            Some(j) => {
                record.insert("parent".into(), world.orgs[j].id.clone().into());
                if let Some(at) = COUNTRIES.iter().position(|c| c.0 == world.orgs[j].country) {
                    country_at = at;
                }
            }
            None => kind = "education",
        }
    }
    if kind == "consortium" {
        let count = rng.range(3, 6) as usize;
        let members: Vec<String> = rng
            .distinct(i, count)
            .into_iter()
            .filter(|&j| world.orgs[j].kind != "consortium")
            .map(|j| world.orgs[j].id.clone())
            .collect();
        if members.len() < 2 {
            kind = "education";
        } else {
            record.insert("members".into(), members.into());
        }
    }
    let (code, _, cities) = COUNTRIES[country_at];
    let (city, lat, lng, local_city) = *rng.pick(cities);
    let field = rng.below(FIELDS.len());
    let name = english_name(world, kind, city, field);
    let rng = &mut world.rng;
    let mut names = vec![json!({"value": name, "lang": "en", "kind": "display"})];
    if let Some(local) = local_city.filter(|_| rng.chance(0.7)) {
        let (value, lang) = local_name(code, local, field, kind, rng.below(3));
        names.push(json!({"value": value, "lang": lang, "kind": "label"}));
    }
    if rng.chance(0.25) {
        let acronym: String = name
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(char::is_ascii_uppercase))
            .collect();
        if acronym.len() >= 2 {
            names.push(json!({"value": acronym, "lang": null, "kind": "acronym"}));
        }
    }
    if rng.chance(0.1) {
        let alias = format!("{city} {}", rng.pick(INSTITUTIONS));
        names.push(json!({"value": alias, "lang": "en", "kind": "alias"}));
    }
    let id = world.unique(format!("{}-{i}", slug(&name)));
    let rng = &mut world.rng;
    record.insert("id".into(), id.clone().into());
    record.insert("kind".into(), kind.into());
    record.insert("names".into(), names.into());
    record.insert("country".into(), code.into());
    record.insert("city".into(), city.into());
    if rng.chance(0.95) {
        let jitter = |r: &mut crate::rng::Rng| (r.unit() - 0.5) * 0.5;
        let lat = round5((lat + jitter(rng)).clamp(-89.0, 89.0));
        let lng = round5((lng + jitter(rng)).clamp(-179.9, 179.9));
        record.insert("location".into(), json!({"lat": lat, "lng": lng}));
    }
    if rng.chance(0.6) {
        record.insert(
            "website".into(),
            format!("https://www.{id}.example.org/").into(),
        );
    }
    if rng.chance(0.6) {
        record.insert("established".into(), rng.range(1850, 2020).into());
    }
    if rng.chance(0.05) {
        let text = format!("Works on **{}** with partners in {city}.", FIELDS[field].0);
        record.insert("notes".into(), text.into());
    }
    let visibility = if rng.chance(0.01) {
        "internal"
    } else {
        "public"
    };
    record.insert("visibility".into(), visibility.into());
    world.orgs.push(Org {
        id,
        name,
        country: code.to_owned(),
        kind,
    });
    Value::Object(record)
}

fn round5(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

/// An English name that fits the kind.
fn english_name(world: &mut World, kind: &str, city: &str, field: usize) -> String {
    let rng = &mut world.rng;
    let f = FIELDS[field].0;
    let q = *rng.pick(QUALIFIERS);
    let s = *rng.pick(SURNAMES);
    let pattern = rng.below(4);
    match (kind, pattern) {
        ("education", 0) => format!("University of {city}"),
        ("education", 1) => format!("{city} University of {f}"),
        ("education", 2) => format!("{q} University of {f}"),
        ("education", _) => format!("{s} College of {f}"),
        ("healthcare", 0 | 1) => format!("{city} {q} Hospital"),
        ("healthcare", _) => format!("{s} {f} Medical Center"),
        ("facility", 0) => format!("{q} Institute of {f}"),
        ("facility", 1) => format!("{s} Laboratory for {f}"),
        ("facility", _) => format!("{city} {f} Research Centre"),
        ("funder", 0 | 1) => format!("{s} Foundation for {f}"),
        ("funder", _) => format!("{q} Research Council of {city}"),
        ("government", _) => format!("{q} Agency for {f}"),
        ("company", 0 | 1) => format!("{s} {f} Ltd"),
        ("company", _) => format!("{city} {f} Inc."),
        ("nonprofit", _) => format!("{s} Society for {f}"),
        ("archive", _) => format!("{city} {f} Archive"),
        ("unit", 0 | 1) => format!("Department of {f}"),
        ("unit", _) => format!("Graduate School of {f}"),
        ("consortium", _) => format!("{q} {f} Consortium"),
        _ => format!("{q} {f} Network"),
    }
}

/// A name in the local script and its language tag.
fn local_name(
    country: &str,
    city: &str,
    field: usize,
    kind: &str,
    pattern: usize,
) -> (String, &'static str) {
    let (_, ja, zh, _) = FIELDS[field];
    let hospital = matches!(kind, "healthcare");
    match country {
        "JP" => {
            let suffix = match (hospital, pattern) {
                (true, _) => "病院",
                (_, 0) => "大学",
                (_, 1) => "研究所",
                _ => "研究センター",
            };
            (format!("{city}{ja}{suffix}"), "ja")
        }
        "KR" => {
            let suffix = match (hospital, pattern) {
                (true, _) => "병원",
                (_, 0) => "대학교",
                (_, 1) => "연구소",
                _ => "과학기술원",
            };
            (format!("{city}{suffix}"), "ko")
        }
        "TW" => {
            let suffix = if hospital { "醫院" } else { "大學" };
            (format!("{city}{zh}{suffix}"), "zh-Hant")
        }
        _ => {
            let suffix = match (hospital, pattern) {
                (true, _) => "医院",
                (_, 0 | 1) => "大学",
                _ => "研究所",
            };
            (format!("{city}{zh}{suffix}"), "zh-Hans")
        }
    }
}

/// Picks the partners, funders and consortia and names the contacts.
pub(super) fn choose_roles(world: &mut World, sizes: Sizes) {
    let candidates: Vec<usize> = (0..world.orgs.len())
        .filter(|&j| !matches!(world.orgs[j].kind, "unit" | "consortium"))
        .collect();
    // The demo's partners first, so they gather the most agreements.
    let target = (sizes.agreements * 3 / 5).max(50);
    let mut pool: Vec<usize> = candidates
        .iter()
        .copied()
        .take_while(|&j| j < world.base_orgs)
        .collect();
    let generated = &candidates[pool.len()..];
    for k in world.rng.distinct(generated.len(), target) {
        pool.push(generated[k]);
    }
    world.pool = pool;
    world.funders = candidates
        .iter()
        .copied()
        .filter(|&j| matches!(world.orgs[j].kind, "funder" | "government"))
        .collect();
    world.consortia = (0..world.orgs.len())
        .filter(|&j| world.orgs[j].kind == "consortium")
        .collect();
    for i in 0..sizes.contacts {
        let code = COUNTRIES[world.rng.weighted(&world.country_weights)].0;
        let rng = &mut world.rng;
        let name = if code == "JP" && rng.chance(0.4) {
            rng.pick(super::vocab::JA_PEOPLE).to_string()
        } else {
            format!("{} {}", rng.pick(super::vocab::GIVEN), rng.pick(SURNAMES))
        };
        let base = match slug(&name) {
            s if s.is_empty() => "contact".to_owned(),
            s => s,
        };
        let id = world.unique(format!("{base}-{i}"));
        world.contacts.push((id, name, code.to_owned()));
    }
}
