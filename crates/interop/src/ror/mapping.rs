//! From a ROR v2 record to a Kizuna organisation, and how a new ROR version
//! meets what is stored: overwritten when only the importer wrote it, merged
//! field by field when a person curated it.

use kizuna_domain::{
    CountryCode, Identifiers, LanguageTag, Location, Name, NameKind, Organisation,
    OrganisationKind, Slug, Visibility,
};

use super::record::RorRecord;

/// ROR types in the order that decides an organisation's one kind: the most
/// specific role first, so a university hospital that also funds is `education`.
const KIND_PRIORITY: [(&str, OrganisationKind); 9] = [
    ("education", OrganisationKind::Education),
    ("healthcare", OrganisationKind::Healthcare),
    ("facility", OrganisationKind::Facility),
    ("funder", OrganisationKind::Funder),
    ("government", OrganisationKind::Government),
    ("company", OrganisationKind::Company),
    ("nonprofit", OrganisationKind::Nonprofit),
    ("archive", OrganisationKind::Archive),
    ("other", OrganisationKind::Other),
];

/// The kind of the first ROR type in priority order; `other` when none is known.
pub(crate) fn kind(types: &[String]) -> OrganisationKind {
    KIND_PRIORITY
        .iter()
        .find(|(word, _)| types.iter().any(|t| t.eq_ignore_ascii_case(word)))
        .map(|(_, kind)| *kind)
        .unwrap_or(OrganisationKind::Other)
}

/// The record's names, the display name first, each ROR name once.
///
/// A ROR name often carries several types (`ror_display` and `label`); Kizuna's
/// names have one kind, so the most telling wins: display, label, acronym,
/// alias. Only one name is the display name; when ROR marks none, the first
/// label (else the first name) is promoted so every organisation has one.
pub(crate) fn names(record: &RorRecord) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::with_capacity(record.names.len());
    let mut has_display = false;
    for n in &record.names {
        let value = n.value.trim();
        if value.is_empty() {
            continue;
        }
        let has = |t: &str| n.types.iter().any(|x| x == t);
        let kind = if has("ror_display") && !has_display {
            has_display = true;
            NameKind::Display
        } else if has("label") || has("ror_display") {
            NameKind::Label
        } else if has("acronym") {
            NameKind::Acronym
        } else {
            NameKind::Alias
        };
        // ROR's tags are ISO 639-1; anything else would fail validation, and
        // an unknown language is honestly null.
        let lang = n
            .lang
            .as_deref()
            .and_then(|l| l.parse::<LanguageTag>().ok());
        let name = Name {
            value: value.to_owned(),
            lang,
            kind,
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    if !has_display {
        let promote = out
            .iter()
            .position(|n| n.kind == NameKind::Label)
            .or(if out.is_empty() { None } else { Some(0) });
        if let Some(i) = promote {
            out[i].kind = NameKind::Display;
        }
    }
    if let Some(i) = out.iter().position(|n| n.kind == NameKind::Display) {
        let display = out.remove(i);
        out.insert(0, display);
    }
    out
}

/// Builds the organisation a ROR record describes, under the given id.
pub(crate) fn organisation(
    record: &RorRecord,
    ror: &str,
    id: Slug,
    names: Vec<Name>,
) -> Organisation {
    let geo = record
        .locations
        .iter()
        .find_map(|l| l.geonames_details.as_ref());
    let location = geo.and_then(|g| match (g.lat, g.lng) {
        (Some(lat), Some(lng)) => Some(Location { lat, lng }),
        _ => None,
    });
    let website = record
        .links
        .iter()
        .filter(|l| l.kind == "website")
        .map(|l| l.value.trim())
        // A malformed link loses the link, not the organisation.
        .find(|v| kizuna_domain::text::check_web_address(v).is_ok())
        .map(str::to_owned);
    let external = |kind: &str| {
        record
            .external_ids
            .iter()
            .filter(|e| e.kind == kind)
            .find_map(|e| {
                e.preferred
                    .iter()
                    .chain(e.all.iter())
                    .map(|v| v.trim())
                    .find(|v| !v.is_empty())
                    .map(str::to_owned)
            })
    };
    Organisation {
        id,
        kind: kind(&record.types),
        names,
        country: geo
            .and_then(|g| g.country_code.as_deref())
            .and_then(|c| c.parse::<CountryCode>().ok()),
        city: geo
            .and_then(|g| g.name.as_deref())
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned),
        location,
        parent: None,
        members: Vec::new(),
        website,
        identifiers: Identifiers {
            ror: Some(ror.to_owned()),
            wikidata: external("wikidata"),
            isni: external("isni"),
            grid: external("grid"),
            ..Identifiers::default()
        },
        established: record
            .established
            .filter(|y| y.fract() == 0.0 && (1.0..=9999.0).contains(y))
            .map(|y| y as i32),
        notes: None,
        internal_notes: None,
        visibility: Visibility::Public,
        created_at: None,
        updated_at: None,
    }
}

/// ROR's values over a record only the importer wrote, keeping what ROR never
/// supplies (notes, visibility, Erasmus and EWP codes) so nothing is lost.
pub(crate) fn overwrite(stored: &Organisation, mut fresh: Organisation) -> Organisation {
    fresh.id = stored.id.clone();
    fresh.notes = stored.notes.clone();
    fresh.internal_notes = stored.internal_notes.clone();
    fresh.visibility = stored.visibility;
    fresh.identifiers.erasmus = stored.identifiers.erasmus.clone();
    fresh.identifiers.schac = stored.identifiers.schac.clone();
    fresh.identifiers.pic = stored.identifiers.pic.clone();
    if fresh.kind == OrganisationKind::Unit {
        fresh.parent = stored.parent.clone();
    }
    fresh.created_at = stored.created_at;
    fresh.updated_at = stored.updated_at;
    fresh
}

/// A curated record with its gaps filled from ROR: empty fields take ROR's
/// value, names ROR knows and the record lacks are added, nothing is replaced.
pub(crate) fn fill(stored: &Organisation, fresh: &Organisation) -> Organisation {
    let mut out = stored.clone();
    let has_display = out.names.iter().any(|n| n.kind == NameKind::Display);
    for name in &fresh.names {
        let known = out
            .names
            .iter()
            .any(|n| n.value.to_lowercase() == name.value.to_lowercase());
        if !known {
            let mut name = name.clone();
            // The curator chose the display name; ROR's becomes a label.
            if name.kind == NameKind::Display && has_display {
                name.kind = NameKind::Label;
            }
            out.names.push(name);
        }
    }
    fill_option(&mut out.country, &fresh.country);
    fill_option(&mut out.city, &fresh.city);
    fill_option(&mut out.location, &fresh.location);
    fill_option(&mut out.website, &fresh.website);
    fill_option(&mut out.established, &fresh.established);
    let (ids, new) = (&mut out.identifiers, &fresh.identifiers);
    fill_option(&mut ids.ror, &new.ror);
    fill_option(&mut ids.wikidata, &new.wikidata);
    fill_option(&mut ids.isni, &new.isni);
    fill_option(&mut ids.grid, &new.grid);
    out
}

fn fill_option<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(json: serde_json::Value) -> RorRecord {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn kind_follows_the_priority_not_the_order_of_types() {
        let types = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            kind(&types(&["funder", "education"])),
            OrganisationKind::Education
        );
        assert_eq!(
            kind(&types(&["government", "funder"])),
            OrganisationKind::Funder
        );
        assert_eq!(kind(&types(&["spaceship"])), OrganisationKind::Other);
        assert_eq!(kind(&[]), OrganisationKind::Other);
    }

    #[test]
    fn names_take_one_kind_each_and_one_display() {
        let r = record(serde_json::json!({"id": "x", "names": [
            {"value": "UT", "types": ["acronym", "alias"], "lang": null},
            {"value": "東京大学", "types": ["label"], "lang": "ja"},
            {"value": "University of Tokyo", "types": ["label", "ror_display"], "lang": "en"},
            {"value": "Todai", "types": ["alias"], "lang": "japanese"},
        ]}));
        let n = names(&r);
        let got: Vec<_> = n
            .iter()
            .map(|n| {
                (
                    n.value.as_str(),
                    n.kind,
                    n.lang.as_ref().map(|l| l.as_str()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("University of Tokyo", NameKind::Display, Some("en")),
                ("UT", NameKind::Acronym, None),
                ("東京大学", NameKind::Label, Some("ja")),
                ("Todai", NameKind::Alias, None),
            ]
        );
    }

    #[test]
    fn a_label_is_promoted_when_ror_marks_no_display_name() {
        let r = record(serde_json::json!({"id": "x", "names": [
            {"value": "RIKEN", "types": ["acronym"]},
            {"value": "理化学研究所", "types": ["label"], "lang": "ja"},
        ]}));
        assert_eq!(names(&r)[0].value, "理化学研究所");
        assert_eq!(names(&r)[0].kind, NameKind::Display);
    }

    #[test]
    fn a_malformed_website_is_left_out_and_the_organisation_kept() {
        let r = record(serde_json::json!({"id": "x", "names": [
            {"value": "Broken Link University", "types": ["ror_display"], "lang": "en"}],
            "links": [{"type": "website", "value": "https://broken link.example"},
                      {"type": "website", "value": "https://ok.example/"}]}));
        let id: Slug = "broken".parse().unwrap();
        let org = organisation(&r, "0x", id, names(&r));
        assert_eq!(org.website.as_deref(), Some("https://ok.example/"));
        assert!(org.validate().is_ok());
    }
}
