//! Finding the records a sheet names without their ids: organisations by
//! ROR id, Erasmus code, PIC or SCHAC code first, then by exact name in any
//! language; near names are offered as questions, never taken silently.
//! Agreements, programmes and funding by exact title, contacts by e-mail or name.

use std::collections::{HashMap, HashSet};

use kizuna_core::Snapshot;
use kizuna_domain::{Collection, CountryCode, Organisation, Slug};

use super::values::{erasmus_key, one_line};
use crate::Message;

/// The identifiers a row gives for an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    /// ROR id, without the prefix.
    pub ror: Option<String>,
    /// Erasmus code, officially spaced.
    pub erasmus: Option<String>,
    /// PIC.
    pub pic: Option<String>,
    /// SCHAC code.
    pub schac: Option<String>,
}

/// What a search for an organisation found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgMatch {
    /// Exactly this one.
    Found(Slug),
    /// Several have this name: the row must say which.
    Ambiguous(Vec<Slug>),
    /// None has the name, but these have names close to it.
    Near(Vec<(Slug, String)>),
    /// The identifiers name different organisations (the sentence says which).
    Conflict(Message),
    /// Nothing like it.
    NotFound,
}

/// Organisations by identifier and name.
#[derive(Debug, Default)]
pub struct OrgIndex {
    by_ror: HashMap<String, Slug>,
    by_erasmus: HashMap<String, Slug>,
    by_pic: HashMap<String, Slug>,
    by_schac: HashMap<String, Slug>,
    by_name: HashMap<String, Vec<Slug>>,
    /// Names by country, with their loose words (worked out once), for near matches.
    by_country: HashMap<CountryCode, Vec<(Slug, String, Vec<String>)>>,
    country_of: HashMap<Slug, CountryCode>,
    ids: HashSet<Slug>,
}

/// A name as compared exactly: one line, lower case.
fn exact_key(name: &str) -> String {
    one_line(name).to_lowercase()
}

/// Words that do not tell institutions apart.
const STOP_WORDS: &[&str] = &[
    "of", "the", "and", "de", "la", "du", "des", "for", "och", "i", "at",
];

/// A name as compared loosely: Latin letters folded, punctuation and small words gone.
fn loose_words(name: &str) -> Vec<String> {
    let folded = Slug::from_name(name)
        .map(|s| s.as_str().to_owned())
        .unwrap_or_else(|| exact_key(name).replace(char::is_whitespace, "-"));
    let mut words: Vec<String> = (folded.split('-'))
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect();
    words.sort();
    words
}

impl OrgIndex {
    /// Every organisation of the snapshot.
    pub fn new(snapshot: &Snapshot) -> Self {
        let mut index = OrgIndex::default();
        for org in snapshot.organisations.values() {
            index.add(org);
        }
        index
    }

    /// Adds an organisation (also one created by the sheet itself).
    pub fn add(&mut self, org: &Organisation) {
        let id = &org.id;
        let ids = &org.identifiers;
        let put = |map: &mut HashMap<String, Slug>, key: Option<String>| {
            if let Some(key) = key {
                map.entry(key).or_insert_with(|| id.clone());
            }
        };
        put(&mut self.by_ror, ids.ror.as_deref().map(str::to_lowercase));
        put(
            &mut self.by_erasmus,
            ids.erasmus.as_deref().map(erasmus_key),
        );
        put(&mut self.by_pic, ids.pic.clone());
        put(
            &mut self.by_schac,
            ids.schac.as_deref().map(str::to_lowercase),
        );
        for name in &org.names {
            let list = self.by_name.entry(exact_key(&name.value)).or_default();
            if !list.contains(id) {
                list.push(id.clone());
            }
            if let Some(country) = org.country {
                let near = self.by_country.entry(country).or_default();
                near.push((id.clone(), name.value.clone(), loose_words(&name.value)));
            }
        }
        if let Some(country) = org.country {
            self.country_of.insert(id.clone(), country);
        }
        self.ids.insert(id.clone());
    }

    /// Whether an organisation has this id.
    pub fn exists(&self, id: &Slug) -> bool {
        self.ids.contains(id)
    }

    /// Organisations with exactly this name, in any language.
    pub fn named(&self, name: &str) -> &[Slug] {
        self.by_name
            .get(&exact_key(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Finds an organisation by identifiers, then by exact name (in
    /// `country` when given); failing that, names near it in `country`.
    pub fn find(
        &self,
        identity: &Identity,
        name: Option<&str>,
        country: Option<CountryCode>,
    ) -> OrgMatch {
        let hits: Vec<(&str, &Slug)> = [
            (
                "ROR id",
                identity
                    .ror
                    .as_deref()
                    .map(str::to_lowercase)
                    .and_then(|k| self.by_ror.get(&k)),
            ),
            (
                "Erasmus code",
                identity
                    .erasmus
                    .as_deref()
                    .map(erasmus_key)
                    .and_then(|k| self.by_erasmus.get(&k)),
            ),
            (
                "PIC",
                identity.pic.as_ref().and_then(|k| self.by_pic.get(k)),
            ),
            (
                "SCHAC code",
                identity
                    .schac
                    .as_deref()
                    .map(str::to_lowercase)
                    .and_then(|k| self.by_schac.get(&k)),
            ),
        ]
        .into_iter()
        .filter_map(|(what, hit)| Some((what, hit?)))
        .collect();
        if let Some((what, first)) = hits.first() {
            if let Some((other, second)) = hits.iter().find(|(_, id)| id != first) {
                let english =
                    format!("the {what} is that of `{first}` but the {other} that of `{second}`");
                let (first, second) = (first.to_string(), second.to_string());
                let args = [
                    ("what", id_key(what)),
                    ("first", first.as_str()),
                    ("other", id_key(other)),
                    ("second", second.as_str()),
                ];
                return OrgMatch::Conflict(Message::coded("identifiers-conflict", &args, english));
            }
            return OrgMatch::Found((*first).clone());
        }
        let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
            return OrgMatch::NotFound;
        };
        let named: Vec<Slug> = match country {
            Some(cc) => (self.named(name).iter())
                .filter(|id| self.country_of.get(*id) == Some(&cc))
                .cloned()
                .collect(),
            None => self.named(name).to_vec(),
        };
        match named.as_slice() {
            [one] => return OrgMatch::Found(one.clone()),
            [] => {}
            many => return OrgMatch::Ambiguous(many.to_vec()),
        }
        let Some(candidates) = country.and_then(|cc| self.by_country.get(&cc)) else {
            return OrgMatch::NotFound;
        };
        let wanted = loose_words(name);
        let mut near: Vec<(Slug, String)> = Vec::new();
        for (id, other, words) in candidates {
            if near.iter().any(|(n, _)| n == id) || !is_near(&wanted, words) {
                continue;
            }
            near.push((id.clone(), other.clone()));
        }
        if near.is_empty() {
            OrgMatch::NotFound
        } else {
            OrgMatch::Near(near)
        }
    }
}

/// Whether two loosely compared names are probably one: the same words, or
/// a few letters apart.
fn is_near(a: &[String], b: &[String]) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (a.concat(), b.concat());
    let shorter = a.chars().count().min(b.chars().count());
    shorter >= 4 && edit_distance(&a, &b, (shorter / 8).max(1)) <= (shorter / 8).max(1)
}

/// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        if current.iter().min().is_some_and(|m| *m > limit) {
            return limit + 1;
        }
        previous = current;
    }
    previous[b.len()]
}

/// Agreements, programmes and funding by title; contacts by e-mail and name.
#[derive(Debug, Default)]
pub struct Titles {
    by_title: HashMap<(Collection, String), Vec<Slug>>,
    by_email: HashMap<String, Vec<Slug>>,
}

impl Titles {
    /// Every titled record of the snapshot.
    pub fn new(snapshot: &Snapshot) -> Self {
        let mut titles = Titles::default();
        for a in &snapshot.agreements {
            titles.add(Collection::Agreements, &a.title, &a.id);
        }
        for p in &snapshot.programmes {
            titles.add(Collection::Programmes, &p.title, &p.id);
        }
        for f in &snapshot.funding {
            titles.add(Collection::Funding, &f.title, &f.id);
        }
        for c in &snapshot.contacts {
            titles.add(Collection::Contacts, &c.name, &c.id);
            if let Some(email) = &c.email {
                titles
                    .by_email
                    .entry(email.trim().to_lowercase())
                    .or_default()
                    .push(c.id.clone());
            }
        }
        titles
    }

    fn add(&mut self, collection: Collection, title: &str, id: &Slug) {
        let key = (collection, exact_key(title));
        self.by_title.entry(key).or_default().push(id.clone());
    }

    /// Records of `collection` with exactly this title (a contact: this name).
    pub fn titled(&self, collection: Collection, title: &str) -> &[Slug] {
        let key = (collection, exact_key(title));
        self.by_title.get(&key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Contacts with this e-mail address.
    pub fn with_email(&self, email: &str) -> &[Slug] {
        let key = email.trim().to_lowercase();
        self.by_email.get(&key).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// The word an edge picks an identifier's name by (`ror`, `erasmus`, `pic`, `schac`).
fn id_key(what: &str) -> &'static str {
    match what {
        "ROR id" => "ror",
        "Erasmus code" => "erasmus",
        "PIC" => "pic",
        _ => "schac",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_caught_and_others_are_not() {
        let near = |a: &str, b: &str| is_near(&loose_words(a), &loose_words(b));
        assert!(near("University of Tokyo", "Tokyo University"));
        assert!(near("Universitat Wien", "Universität Wien"));
        assert!(near("Karolinska Institutet", "Karolinska Institute"));
        assert!(near("Univ. of Tokyo", "Univ of Tokyo"));
        assert!(!near("University of Tokyo", "University of Kyoto"));
        assert!(!near("Osaka University", "Tohoku University"));
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
    }
}
