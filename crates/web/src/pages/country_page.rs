//! The country page in the reader's language: names and lists as the
//! language reads and sorts them, and the office's sections in the language
//! when written in it, else in English with a note saying so.

use std::collections::BTreeMap;

use kizuna_core::Snapshot;
use kizuna_core::read::Lookup;
use kizuna_core::read::country::{CountryView, PartnerView};
use kizuna_core::read::rows::OrgRef;
use kizuna_domain::{CountryCode, SectionKey};
use kizuna_i18n::Collation;
use serde::Serialize;

use crate::http::lang::{Lang, languages};

/// One editorial section as the reader gets it.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// Markdown.
    pub text: String,
    /// The language it is written in.
    pub lang: String,
    /// Whether it is the English text standing in for the reader's language.
    pub fallback: bool,
}

/// The country page's view.
#[derive(Debug, Serialize)]
pub struct CountryPage {
    /// What the records say about the country.
    pub country_page: CountryView,
    /// The editorial sections by key (`intro`, `education`, …); every key is
    /// there, null when the section is not written.
    pub texts: BTreeMap<&'static str, Option<SectionView>>,
}

impl CountryPage {
    /// The page for `cc` as a reader of `lang` sees it.
    pub fn build(lookup: &Lookup<'_>, snapshot: &Snapshot, cc: CountryCode, lang: Lang) -> Self {
        let mut view = CountryView::build(lookup, cc);
        sort_for(&mut view, lang);
        let profile = snapshot.countries.iter().find(|p| p.country == cc);
        let texts = SectionKey::ALL
            .iter()
            .map(|key| {
                let shown = profile.and_then(|p| p.section_in(*key, lang.code()));
                let view = shown.map(|shown| SectionView {
                    text: shown.text.to_owned(),
                    lang: shown.lang.to_owned(),
                    fallback: shown.fallback,
                });
                (key.as_str(), view)
            })
            .collect();
        CountryPage {
            country_page: view,
            texts,
        }
    }
}

/// Orders the page's lists of organisations by name as `lang` sorts them
/// (å ä ö after z in Swedish); partners with the most collaboration first.
/// Only what the page shows is sorted.
fn sort_for(view: &mut CountryView, lang: Lang) {
    let collation = languages().collation(lang);
    sort_partners(&mut view.partners, collation);
    for partner in &mut view.partners {
        sort_orgs(&mut partner.units, collation);
    }
    sort_orgs(&mut view.funders, collation);
    for consortium in &mut view.consortia {
        sort_orgs(&mut consortium.members, collation);
    }
}

/// Partners with the most agreements and programmes first, then by name.
fn sort_partners(partners: &mut [PartnerView], collation: &Collation) {
    partners.sort_by(|a, b| {
        (b.agreements + b.programmes)
            .cmp(&(a.agreements + a.programmes))
            .then_with(|| collation.compare(&a.organisation.name, &b.organisation.name))
    });
}

/// Organisations by name.
fn sort_orgs(orgs: &mut [OrgRef], collation: &Collation) {
    collation.sort_by_key(orgs, |o| o.name.as_str());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str) -> OrgRef {
        OrgRef {
            id: name.to_lowercase(),
            name: name.to_owned(),
            name_lang: None,
            translated: false,
            acronym: None,
            other_names: vec![],
            alt_names: vec![],
            kind: "education".to_owned(),
            country: None,
            country_name: None,
            city: None,
            parent_name: None,
        }
    }

    fn partner(name: &str, agreements: usize) -> PartnerView {
        PartnerView {
            organisation: org(name),
            units: vec![],
            agreements,
            programmes: 0,
        }
    }

    const NAMES: [&str; 5] = ["Öland", "Ängelholm", "Åbo", "Zeta", "alfa"];

    fn names(partners: &[PartnerView]) -> Vec<&str> {
        partners
            .iter()
            .map(|p| p.organisation.name.as_str())
            .collect()
    }

    #[test]
    fn partners_sort_by_collaboration_then_by_the_readers_collation() {
        let mut partners: Vec<PartnerView> = NAMES.iter().map(|n| partner(n, 1)).collect();
        partners.push(partner("Ystad", 3));
        sort_partners(&mut partners, languages().collation(Lang::Sv));
        assert_eq!(
            names(&partners),
            ["Ystad", "alfa", "Zeta", "Åbo", "Ängelholm", "Öland"]
        );
        sort_partners(&mut partners, languages().collation(Lang::En));
        assert_eq!(
            names(&partners),
            ["Ystad", "Åbo", "alfa", "Ängelholm", "Öland", "Zeta"]
        );
    }

    #[test]
    fn organisation_lists_sort_by_the_readers_collation() {
        let mut orgs: Vec<OrgRef> = NAMES.iter().map(|n| org(n)).collect();
        sort_orgs(&mut orgs, languages().collation(Lang::Sv));
        let sorted: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(sorted, ["alfa", "Zeta", "Åbo", "Ängelholm", "Öland"]);
    }
}
