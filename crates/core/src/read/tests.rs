//! The read model against the Japan dataset: every indexed answer equals
//! what a walk over the whole registry finds.

use std::sync::Arc;

use kizuna_domain::{AgreementStatus, CountryCode, Dataset, Slug, StatusContext, Visibility};

use super::country::{CountryRecords, CountryView};
use super::filters::{AgreementFilter, OrganisationFilter, TextFilter};
use super::{Lookup, Snapshot};

fn japan() -> Snapshot {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/japan.toml"
    ))
    .expect("data/japan.toml is in the repository");
    let data: Dataset = toml::from_str(&text).expect("data/japan.toml parses");
    Snapshot::from_dataset(&data, 1)
}

/// The Japan data with RIKEN internal, so the public does not see everything.
fn japan_with_riken_internal() -> Snapshot {
    let mut snapshot = japan();
    let riken = Arc::make_mut(snapshot.organisations.get_mut(&slug("riken")).unwrap());
    riken.visibility = Visibility::Internal;
    snapshot.invalidate();
    snapshot
}

/// The ids `filter` selects.
fn selected<'a>(filter: &OrganisationFilter, lookup: &Lookup<'a>) -> Vec<&'a str> {
    filter
        .select(lookup)
        .iter()
        .map(|o| o.id.as_str())
        .collect()
}

fn ctx() -> StatusContext {
    StatusContext {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        expiring_window_days: 180,
    }
}

fn jp() -> CountryCode {
    "JP".parse().unwrap()
}

fn slug(s: &str) -> Slug {
    s.parse().unwrap()
}

#[test]
fn country_records_from_the_indexes_equal_a_walk_over_everything() {
    let snapshot = japan();
    let lookup = Lookup::new(&snapshot, ctx(), true);
    let records = CountryRecords::select(&lookup, jp());
    let walked: Vec<&Slug> = lookup
        .agreements()
        .filter(|a| lookup.partner_countries(a.party_ids()).contains(&jp()))
        .map(|a| &a.id)
        .collect();
    let indexed: Vec<&Slug> = records.agreements.iter().map(|a| &a.id).collect();
    assert!(!indexed.is_empty());
    assert_eq!(indexed, walked);
    let partners: Vec<&str> = records.partners.iter().map(|o| o.id.as_str()).collect();
    assert!(
        partners.contains(&"utokyo") && partners.contains(&"tmu"),
        "{partners:?}"
    );
    assert!(
        !partners.contains(&"ki"),
        "the home side is never a partner"
    );
    assert!(records.partners.iter().all(|o| {
        o.country == Some(jp())
            || o.parent
                .as_ref()
                .and_then(|p| lookup.org(p))
                .and_then(|p| p.country)
                == Some(jp())
    }));
}

#[test]
fn the_country_view_lists_partners_with_their_agreements() {
    let snapshot = japan();
    let lookup = Lookup::new(&snapshot, ctx(), true);
    let view = CountryView::build(&lookup, jp());
    let utokyo = view
        .partners
        .iter()
        .find(|p| p.organisation.id == "utokyo")
        .expect("UTokyo is a partner in Japan");
    let with_utokyo = lookup
        .agreements()
        .filter(|a| a.parties.iter().any(|p| p.organisation == slug("utokyo")))
        .count();
    assert_eq!(utokyo.agreements, with_utokyo);
    assert_eq!(view.overview.partner_count, view.partners.len());
}

#[test]
fn agreement_filters_start_from_an_index_and_still_check_everything() {
    let snapshot = japan();
    let lookup = Lookup::new(&snapshot, ctx(), false);
    let by_country = AgreementFilter {
        country: Some(jp()),
        ..AgreementFilter::default()
    };
    let everything = AgreementFilter::default().select(&lookup);
    let expected: Vec<_> = everything
        .iter()
        .filter(|a| lookup.partner_countries(a.party_ids()).contains(&jp()))
        .map(|a| a.id.clone())
        .collect();
    let found: Vec<_> = by_country
        .select(&lookup)
        .iter()
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(found, expected);
    let by_partner = AgreementFilter {
        partner: Some(slug("utokyo")),
        ..AgreementFilter::default()
    };
    let expected: Vec<_> = everything
        .iter()
        .filter(|a| {
            a.parties.iter().any(|p| {
                lookup.within(&p.organisation, &slug("utokyo"))
                    || p.unit
                        .as_ref()
                        .is_some_and(|u| lookup.within(u, &slug("utokyo")))
            })
        })
        .map(|a| a.id.clone())
        .collect();
    let found: Vec<_> = by_partner
        .select(&lookup)
        .iter()
        .map(|a| a.id.clone())
        .collect();
    assert!(!found.is_empty());
    assert_eq!(found, expected);
}

#[test]
fn organisation_filters_match_names_in_any_script() {
    let snapshot = japan();
    let lookup = Lookup::new(&snapshot, ctx(), true);
    let filter = OrganisationFilter {
        country: Some(jp()),
        text: TextFilter::new(Some("東京")),
        ..OrganisationFilter::default()
    };
    let ids = selected(&filter, &lookup);
    assert!(ids.contains(&"utokyo") && ids.contains(&"tmu"), "{ids:?}");
}

#[test]
fn text_filters_over_the_whole_registry_equal_a_walk() {
    let snapshot = japan_with_riken_internal();
    for public_only in [false, true] {
        let lookup = Lookup::new(&snapshot, ctx(), public_only);
        for q in [
            "univ",
            "東京",
            "RIKEN",
            "tokyo",
            "stockholm",
            "大学",
            "x\ny",
            "nowhere",
        ] {
            let filter = OrganisationFilter {
                text: TextFilter::new(Some(q)),
                ..OrganisationFilter::default()
            };
            let found = selected(&filter, &lookup);
            let walked: Vec<&str> = lookup
                .organisations()
                .filter(|o| {
                    let names = o.names.iter().map(|n| n.value.as_str());
                    filter.text.matches(names.chain(o.city.as_deref()))
                })
                .map(|o| o.id.as_str())
                .collect();
            assert_eq!(found, walked, "{q:?}, public only: {public_only}");
        }
    }
}

/// Every page of `filter`, followed by cursor, as ids.
fn pages(filter: &OrganisationFilter, lookup: &Lookup<'_>, limit: usize) -> Vec<Vec<String>> {
    let mut cursor: Option<String> = None;
    let mut pages = Vec::new();
    loop {
        let page = filter.page(lookup, cursor.as_deref(), Some(limit)).unwrap();
        let total = filter.select(lookup).len();
        assert_eq!(page.total, total, "{filter:?}");
        pages.push(page.items.iter().map(|o| o.id.to_string()).collect());
        match page.next {
            Some(next) => cursor = Some(next),
            None => return pages,
        }
    }
}

#[test]
fn organisation_pages_from_the_indexes_equal_pages_of_the_whole_selection() {
    let snapshot = japan_with_riken_internal();
    let public = snapshot.public();
    let filters = [
        OrganisationFilter::default(),
        OrganisationFilter {
            country: Some(jp()),
            ..OrganisationFilter::default()
        },
        OrganisationFilter {
            country: Some("SE".parse().unwrap()),
            ..OrganisationFilter::default()
        },
        OrganisationFilter {
            country: Some(jp()),
            text: TextFilter::new(Some("univ")),
            ..OrganisationFilter::default()
        },
    ];
    // Staff and the public on the whole registry (where the public may not
    // see everything), and the public on its own view (where it may).
    for (snapshot, public_only) in [(&snapshot, false), (&snapshot, true), (&public, true)] {
        let lookup = Lookup::new(snapshot, ctx(), public_only);
        for filter in &filters {
            let walked: Vec<String> = filter
                .select(&lookup)
                .iter()
                .map(|o| o.id.to_string())
                .collect();
            assert!(!walked.is_empty(), "{filter:?}");
            let paged = pages(filter, &lookup, 3);
            assert!(paged.iter().all(|p| !p.is_empty() && p.len() <= 3));
            assert_eq!(
                paged.concat(),
                walked,
                "{filter:?}, public only: {public_only}"
            );
            let shows_riken = walked.iter().any(|id| id == "riken");
            let riken_country = filter.country.is_none_or(|c| c == jp()) && filter.text.is_empty();
            assert_eq!(shows_riken, !public_only && riken_country, "{filter:?}");
        }
    }
}

#[test]
fn the_public_view_shares_records_and_drops_internal_ones_and_notes() {
    let mut snapshot = japan();
    let utokyo = Arc::make_mut(snapshot.organisations.get_mut(&slug("utokyo")).unwrap());
    utokyo.internal_notes = Some("staff only".into());
    let riken = Arc::make_mut(snapshot.organisations.get_mut(&slug("riken")).unwrap());
    riken.visibility = Visibility::Internal;
    snapshot.invalidate();
    let public = snapshot.public();
    let tmu = slug("tmu");
    assert!(
        Arc::ptr_eq(&snapshot.organisations[&tmu], &public.organisations[&tmu]),
        "a record without staff-only fields is held once"
    );
    assert_eq!(public.organisations[&slug("utokyo")].internal_notes, None);
    assert!(!public.organisations.contains_key(&slug("riken")));
    let lookup = Lookup::new(&public, ctx(), true);
    assert!(
        !lookup
            .orgs(lookup.index.orgs_in_country(jp()))
            .any(|o| o.id == slug("riken")),
        "the public indexes hold no internal record"
    );
}

#[test]
fn the_public_view_drops_references_to_internal_records() {
    let mut snapshot = japan();
    let riken = slug("riken");
    let named = |s: &Snapshot| {
        let agreement = s
            .agreements
            .iter()
            .find(|a| a.id == slug("riken-phd-exchange"))
            .unwrap();
        let programme = s
            .programmes
            .iter()
            .find(|p| p.id == slug("ki-riken-phd-course"))
            .unwrap();
        (
            agreement.party_ids().any(|p| *p == riken),
            programme.partners.contains(&riken),
            s.organisations[&slug("riken-yokohama")].parent.as_ref() == Some(&riken),
        )
    };
    // The control: while RIKEN is public its records name it.
    assert_eq!(named(&snapshot.public()), (true, true, true));
    Arc::make_mut(snapshot.organisations.get_mut(&riken).unwrap()).visibility =
        Visibility::Internal;
    snapshot.invalidate();
    assert_eq!(named(&snapshot.public()), (false, false, false));
    assert_eq!(named(&snapshot), (true, true, true), "staff still see it");
}

#[test]
fn a_draft_is_left_out_of_the_public_view_as_an_internal_record_is() {
    let mut snapshot = japan();
    let renewal = slug("trio-utokyo-spa-2022");
    let refers = |s: &Snapshot| {
        s.programmes
            .iter()
            .filter(|p| p.agreement.as_ref() == Some(&renewal))
            .count()
    };
    let original = |s: &Snapshot, public_only: bool| {
        let lookup = Lookup::new(s, ctx(), public_only);
        let a = lookup.agreement(&slug("trio-utokyo-spa")).unwrap();
        lookup.status(a)
    };
    // The control: signed, the renewal is public, referred to, and in force.
    assert!(snapshot.public().agreements.iter().any(|a| a.id == renewal));
    assert_eq!(refers(&snapshot.public()), 2);
    assert_eq!(
        original(&snapshot.public(), true),
        AgreementStatus::Superseded
    );

    let draft = snapshot
        .agreements
        .iter_mut()
        .find(|a| a.id == renewal)
        .unwrap();
    draft.signed = false;
    draft.signed_on = None;
    snapshot.invalidate();
    let public = snapshot.public();
    assert!(!public.agreements.iter().any(|a| a.id == renewal));
    assert_eq!(refers(&public), 0, "references to the draft are dropped");
    let staff = Lookup::new(&snapshot, ctx(), false);
    assert!(staff.agreement(&renewal).is_some(), "staff still see it");
    assert!(
        Lookup::new(&snapshot, ctx(), true)
            .agreement(&renewal)
            .is_none()
    );
    assert_eq!(
        original(&snapshot, false),
        AgreementStatus::Active,
        "a draft renewal supersedes nothing"
    );
}

#[test]
fn a_reader_of_japanese_sees_japanese_names_and_the_english_beside_them() {
    let snapshot = japan();
    fn japanese_country(c: CountryCode) -> &'static str {
        if c.as_str() == "JP" {
            "日本"
        } else {
            c.name()
        }
    }
    let lookup = Lookup::new(&snapshot, ctx(), true).reading_as(super::Reader {
        lang: "ja",
        country_name: japanese_country,
        ..super::Reader::default()
    });
    let utokyo = lookup.org_ref(&slug("utokyo")).unwrap();
    assert_eq!(utokyo.name, "東京大学");
    assert_eq!(utokyo.name_lang.as_deref(), Some("ja"));
    assert!(utokyo.translated);
    assert_eq!(utokyo.other_names, ["The University of Tokyo"]);
    // The record gives its English display name no language.
    assert_eq!(utokyo.alt_names[0].lang, None);
    assert_eq!(utokyo.country_name.as_deref(), Some("日本"));
    assert_eq!(CountryView::build(&lookup, jp()).country.name, "日本");
    // The default reader (the API's) reads English, as before.
    let english = Lookup::new(&snapshot, ctx(), true)
        .org_ref(&slug("utokyo"))
        .unwrap();
    assert_eq!(english.name, "The University of Tokyo");
    assert!(!english.translated);
    assert_eq!(english.other_names, ["東京大学"]);
    assert_eq!(english.country_name.as_deref(), Some("Japan"));
}

#[test]
fn lists_page_through_the_readers_names_in_order() {
    let snapshot = japan();
    let public = snapshot.public();
    let names_in = |lang: &'static str, filter: &OrganisationFilter| {
        let reader = super::Reader {
            lang,
            ..super::Reader::default()
        };
        let lookup = Lookup::new(&public, ctx(), true).reading_as(reader);
        let first = filter.numbered_page(&lookup, 1, 3);
        let mut names = Vec::new();
        for number in 1..=first.pages {
            let page = filter.numbered_page(&lookup, number, 3);
            assert_eq!(page.total, first.total);
            names.extend(page.items.iter().map(|o| lookup.org_name(o).to_owned()));
        }
        assert_eq!(names.len(), first.total, "every record once");
        assert_eq!(first.total, filter.select(&lookup).len());
        names
    };
    let everyone = OrganisationFilter::default();
    let in_japan = OrganisationFilter {
        country: Some(jp()),
        ..OrganisationFilter::default()
    };
    // Found through the text's own index, ranked from its positions.
    let named_with_o = OrganisationFilter {
        text: TextFilter::new(Some("o")),
        ..OrganisationFilter::default()
    };
    for filter in [&everyone, &in_japan, &named_with_o] {
        for lang in ["en", "ja"] {
            let names = names_in(lang, filter);
            assert!(names.len() > 3, "more than one page");
            assert!(names.is_sorted(), "{lang}: {names:?}");
        }
    }
    let japanese = names_in("ja", &in_japan);
    assert!(japanese.contains(&"東京大学".to_owned()), "{japanese:?}");
    assert!(names_in("en", &in_japan).contains(&"The University of Tokyo".to_owned()));
}

#[test]
fn a_map_selection_holds_what_partners_finds_and_is_found_once_per_filter() {
    use super::map::{MapFilter, partners, selection};
    let mut snapshot = japan();
    let lookup = Lookup::new(&snapshot, ctx(), true);
    let filters = [
        MapFilter::default(),
        MapFilter {
            all: true,
            ..MapFilter::default()
        },
        MapFilter {
            agreements: AgreementFilter {
                status: Some(AgreementStatus::Active),
                ..AgreementFilter::default()
            },
            ..MapFilter::default()
        },
    ];
    let described = |p: &super::map::PartnerPoint<'_>| {
        let agreements: Vec<&str> = p.agreements.iter().map(|a| a.id.as_str()).collect();
        let programmes: Vec<&str> = p.programmes.iter().map(|x| x.id.as_str()).collect();
        format!(
            "{} {} {} {agreements:?} {programmes:?}",
            p.org.id, p.lat, p.lng
        )
    };
    for filter in &filters {
        let walked: Vec<String> = partners(&lookup, filter).iter().map(described).collect();
        let selected = selection(&lookup, filter);
        let kept: Vec<String> = (0..selected.len())
            .map(|i| described(&selected.point(&lookup, i)))
            .collect();
        assert!(!walked.is_empty(), "{filter:?}");
        assert_eq!(kept, walked, "{filter:?}");
        let ids: Vec<&str> = (0..selected.len()).map(|i| selected.id(i)).collect();
        let orgs: Vec<&str> = (0..selected.len())
            .map(|i| selected.point(&lookup, i).org.id.as_str())
            .collect();
        assert_eq!(ids, orgs, "{filter:?}");
        assert!(
            Arc::ptr_eq(&selected, &selection(&lookup, filter)),
            "found once"
        );
    }
    let everyone = selection(&lookup, &filters[1]);
    assert!(everyone.len() > selection(&lookup, &filters[0]).len());
    assert_eq!(
        everyone.partner_text(1, || "written once".to_owned()),
        "written once"
    );
    assert_eq!(
        everyone.partner_text(1, || "again".to_owned()),
        "written once"
    );
    assert_eq!(everyone.partner_text(0, || "another".to_owned()), "another");
    // Another day may change statuses: another selection.
    let tomorrow = StatusContext {
        today: ctx().today.succ_opt().unwrap(),
        ..ctx()
    };
    let later = Lookup::new(&snapshot, tomorrow, true);
    assert!(!Arc::ptr_eq(
        &selection(&later, &filters[2]),
        &selection(&lookup, &filters[2])
    ));
    // A change to the snapshot starts from new indexes.
    let before = selection(&lookup, &filters[0]).len();
    snapshot.agreements.clear();
    snapshot.programmes.clear();
    snapshot.invalidate();
    let lookup = Lookup::new(&snapshot, ctx(), true);
    assert!(selection(&lookup, &filters[0]).len() < before);
}
