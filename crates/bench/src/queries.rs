//! Search and suggest queries taken from the registry's own organisations:
//! whole names, their words, cities, names in CJK scripts, acronyms, word and
//! city pairs and misspellings, so that a cache of a few answers cannot help.

use std::collections::HashSet;

use serde_json::Value;

use crate::rng::Rng;

/// Words too common to be a query of their own.
const STOP: &[&str] = &[
    "of", "the", "and", "for", "de", "di", "der", "la", "du", "in", "at", "und",
];

/// The names and city of one organisation, as the API lists them.
fn names_of(org: &Value) -> (Vec<&str>, Option<&str>) {
    let names = org["names"]
        .as_array()
        .map(|n| n.iter().filter_map(|n| n["value"].as_str()).collect())
        .unwrap_or_default();
    (names, org["city"].as_str())
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// The word with two neighbouring letters swapped ("Karolinska" → "Karolinksa").
fn typo(word: &str, seed: usize) -> Option<String> {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 5 || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let at = 1 + seed % (chars.len() - 3);
    if chars[at] == chars[at + 1] {
        return None;
    }
    chars.swap(at, at + 1);
    Some(chars.into_iter().collect())
}

/// Keeps the first of each case-insensitive spelling, up to `max`, from the
/// categories in turn so every kind of query is in any prefix of the list; then
/// shuffles with a fixed seed.
fn mix(categories: Vec<Vec<String>>, max: usize, seed: u64) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut iters: Vec<_> = categories.into_iter().map(Vec::into_iter).collect();
    let mut active = true;
    while active && out.len() < max {
        active = false;
        for it in &mut iters {
            for q in it.by_ref() {
                active = true;
                let q = q.trim().to_owned();
                if !q.is_empty() && seen.insert(q.to_lowercase()) {
                    out.push(q);
                    break;
                }
            }
        }
    }
    out.truncate(max);
    let mut rng = Rng::new(seed);
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i + 1));
    }
    out
}

/// Up to `max` distinct search queries from the organisations' names and cities.
pub fn search_queries(orgs: &[Value], max: usize) -> Vec<String> {
    let (mut whole, mut words, mut cities, mut cjk, mut typos, mut pairs) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for (i, org) in orgs.iter().enumerate() {
        let (names, city) = names_of(org);
        if let Some(city) = city {
            cities.push(city.to_owned());
        }
        for name in names {
            if name.chars().any(is_cjk) {
                cjk.push(name.to_owned());
                cjk.push(name.chars().take(2).collect());
                continue;
            }
            whole.push(name.to_owned());
            let distinctive: Vec<&str> = name
                .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
                .filter(|w| w.chars().count() >= 4 && !STOP.contains(&w.to_lowercase().as_str()))
                .collect();
            words.extend(distinctive.iter().map(|w| w.to_string()));
            if let Some(t) = distinctive.iter().find_map(|w| typo(w, i)) {
                typos.push(t);
            }
            if let (Some(w), Some(city)) = (distinctive.get(i % distinctive.len().max(1)), city) {
                pairs.push(format!("{w} {city}"));
            }
        }
    }
    mix(vec![whole, words, cities, cjk, typos, pairs], max, 7)
}

/// Up to `max` distinct as-you-type prefixes of names (the last word cut short).
pub fn suggest_queries(orgs: &[Value], max: usize) -> Vec<String> {
    let (mut latin, mut cjk, mut words) = (vec![], vec![], vec![]);
    for (i, org) in orgs.iter().enumerate() {
        for name in names_of(org).0 {
            let chars: Vec<char> = name.chars().collect();
            if chars.iter().any(|&c| is_cjk(c)) {
                let cut = 1 + i % chars.len().min(4);
                cjk.push(chars[..cut].iter().collect());
                continue;
            }
            // Where typing has got to: a few letters into some word.
            let cut = (3 + i % 9).min(chars.len());
            latin.push(chars[..cut].iter().collect());
            let long = (cut + 6 + i % 7).min(chars.len());
            latin.push(chars[..long].iter().collect());
            if let Some(word) = name.split_whitespace().find(|w| w.chars().count() >= 5) {
                words.push(word.chars().take(3 + i % 3).collect());
            }
        }
    }
    mix(vec![latin, cjk, words], max, 11)
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Organisations as the API lists them, from the synthetic generator.
    fn organisations(count: usize) -> Vec<Value> {
        let base = serde_json::json!({"home": "ki", "organisations": [
            {"id": "ki", "kind": "education", "country": "SE",
             "names": [{"value": "Karolinska Institutet", "lang": "sv", "kind": "display"}]}]});
        let mut bytes = Vec::new();
        crate::synthetic::write(&mut bytes, &base, crate::synthetic::Sizes::scaled(count), 3)
            .unwrap();
        let data: Value = serde_json::from_slice(&bytes).unwrap();
        data["organisations"].as_array().unwrap().clone()
    }

    #[test]
    fn at_least_a_thousand_distinct_queries_of_every_kind() {
        let orgs = organisations(5_000);
        let search = search_queries(&orgs, 5_000);
        let distinct: HashSet<String> = search.iter().map(|q| q.to_lowercase()).collect();
        assert_eq!(distinct.len(), search.len());
        assert!(search.len() >= 1_000, "{} search queries", search.len());
        assert!(search.iter().any(|q| q.chars().any(is_cjk)));
        assert!(search.iter().any(|q| q == "Tokyo" || q == "東京"));
        let suggest = suggest_queries(&orgs, 5_000);
        let distinct: HashSet<&String> = suggest.iter().collect();
        assert!(distinct.len() >= 1_000, "{} suggestions", distinct.len());
        assert_eq!(search, search_queries(&orgs, 5_000), "deterministic");
    }

    #[test]
    fn typos_swap_neighbours_and_encoding_is_percent_encoding() {
        assert_eq!(typo("Karolinska", 6).as_deref(), Some("Karolinksa"));
        assert_eq!(typo("Lund", 0), None);
        assert_eq!(encode("東京 a&b"), "%E6%9D%B1%E4%BA%AC%20a%26b");
    }
}
