//! A deterministic synthetic registry in the JSON dataset format that
//! `kizuna import json` reads: the demo dataset (as `kizuna export json` writes
//! it) plus generated organisations, agreements, programmes, funding and contacts.

mod directory;
mod links;
mod orgs;
mod vocab;

use std::collections::HashSet;
use std::io::Write;

use anyhow::Context;
use serde_json::Value;

use crate::rng::Rng;

/// How many records of each kind to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Organisations (including consortia and units of them).
    pub organisations: usize,
    /// Agreements, each with the home organisation as a party.
    pub agreements: usize,
    /// Programmes.
    pub programmes: usize,
    /// Funding opportunities.
    pub funding: usize,
    /// Contacts.
    pub contacts: usize,
}

impl Sizes {
    /// The proportions of the 150k registry (150k : 5k : 500 : 300 : 1k) at `organisations`.
    pub fn scaled(organisations: usize) -> Self {
        let part = |n: usize, min: usize| (organisations * n / 150_000).max(min);
        Sizes {
            organisations,
            agreements: part(5_000, 20),
            programmes: part(500, 5),
            funding: part(300, 5),
            contacts: part(1_000, 10),
        }
    }
}

/// What one generated organisation is, for the records that refer to it.
struct Org {
    id: String,
    name: String,
    country: String,
    kind: &'static str,
}

/// Everything the generators share: the random stream and the ids made so far.
struct World {
    rng: Rng,
    home: String,
    home_name: String,
    home_country: String,
    /// The weights of `vocab::COUNTRIES`.
    country_weights: Vec<u32>,
    orgs: Vec<Org>,
    /// How many of `orgs` come from the base dataset (they come first).
    base_orgs: usize,
    /// Indices of organisations that are partners (of agreements and programmes).
    pool: Vec<usize>,
    /// Units of the home organisation.
    units: Vec<String>,
    /// Indices of funders, agencies and foundations.
    funders: Vec<usize>,
    /// Indices of consortia.
    consortia: Vec<usize>,
    /// Contact ids, names and countries, decided before anything refers to them.
    contacts: Vec<(String, String, String)>,
    agreements: Vec<String>,
    programmes: Vec<String>,
    taken: HashSet<String>,
}

impl World {
    /// A partner, skewed so that a few partners have many agreements.
    fn partner(&mut self) -> usize {
        let skew = self.rng.below(self.pool.len());
        self.pool[self.rng.below(skew + 1)]
    }

    /// An id made unique against every id used so far.
    fn unique(&mut self, id: String) -> String {
        let mut id = id;
        while !self.taken.insert(id.clone()) {
            id.push_str("-x");
        }
        id
    }
}

/// The number of records written, by kind, including the demo's.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Organisations.
    pub organisations: usize,
    /// Agreements.
    pub agreements: usize,
    /// Programmes.
    pub programmes: usize,
    /// Funding opportunities.
    pub funding: usize,
    /// Contacts.
    pub contacts: usize,
}

/// Writes the dataset: `base` (an exported dataset that holds the home
/// organisation) followed by the generated records.
pub fn write(out: impl Write, base: &Value, sizes: Sizes, seed: u64) -> anyhow::Result<Summary> {
    let home = base["home"]
        .as_str()
        .context("the base dataset names no home organisation")?
        .to_owned();
    let empty = Vec::new();
    let section = |key: &str| base[key].as_array().unwrap_or(&empty);
    let home_name = section("organisations")
        .iter()
        .find(|o| o["id"] == home.as_str())
        .and_then(|o| o["names"][0]["value"].as_str())
        .unwrap_or(&home)
        .to_owned();
    let mut world = World {
        rng: Rng::new(seed),
        home,
        home_name,
        home_country: "SE".to_owned(),
        country_weights: vocab::COUNTRIES.iter().map(|c| c.1).collect(),
        orgs: Vec::new(),
        base_orgs: 0,
        pool: Vec::new(),
        units: Vec::new(),
        funders: Vec::new(),
        consortia: Vec::new(),
        contacts: Vec::new(),
        agreements: Vec::new(),
        programmes: Vec::new(),
        taken: HashSet::new(),
    };
    for key in [
        "organisations",
        "agreements",
        "programmes",
        "funding",
        "contacts",
    ] {
        for record in section(key) {
            if let Some(id) = record["id"].as_str() {
                world.taken.insert(id.to_owned());
            }
        }
    }
    orgs::adopt_base(&mut world, section("organisations"));
    let mut json = JsonOut::new(out);
    let mut summary = Summary::default();
    json.raw(&format!("{{\"home\":{}", Value::from(world.home.as_str())))?;

    json.open("organisations")?;
    for record in section("organisations") {
        json.item(record)?;
    }
    for record in orgs::home_units(&mut world) {
        json.item(&record)?;
    }
    for _ in 0..sizes.organisations {
        let record = orgs::organisation(&mut world);
        json.item(&record)?;
    }
    summary.organisations = json.close()?;
    orgs::choose_roles(&mut world, sizes);

    json.open("agreements")?;
    for record in section("agreements") {
        json.item(record)?;
    }
    for i in 0..sizes.agreements {
        json.item(&links::agreement(&mut world, i))?;
    }
    summary.agreements = json.close()?;

    json.open("programmes")?;
    for record in section("programmes") {
        json.item(record)?;
    }
    for i in 0..sizes.programmes {
        json.item(&links::programme(&mut world, i))?;
    }
    summary.programmes = json.close()?;

    json.open("funding")?;
    for record in section("funding") {
        json.item(record)?;
    }
    for i in 0..sizes.funding {
        json.item(&directory::funding(&mut world, i))?;
    }
    summary.funding = json.close()?;

    json.open("contacts")?;
    for record in section("contacts") {
        json.item(record)?;
    }
    for i in 0..world.contacts.len() {
        json.item(&directory::contact(&mut world, i))?;
    }
    summary.contacts = json.close()?;

    json.open("countries")?;
    let mut profiled: HashSet<String> = HashSet::new();
    for record in section("countries") {
        profiled.extend(record["country"].as_str().map(str::to_owned));
        json.item(record)?;
    }
    for record in directory::country_profiles(&mut world, &profiled) {
        json.item(&record)?;
    }
    json.close()?;
    json.raw("}\n")?;
    json.out.flush()?;
    Ok(summary)
}

/// Writes JSON arrays one record at a time, so 150k records never sit in memory as values.
struct JsonOut<W: Write> {
    out: W,
    count: usize,
}

impl<W: Write> JsonOut<W> {
    fn new(out: W) -> Self {
        JsonOut { out, count: 0 }
    }

    fn raw(&mut self, text: &str) -> anyhow::Result<()> {
        self.out.write_all(text.as_bytes())?;
        Ok(())
    }

    fn open(&mut self, key: &str) -> anyhow::Result<()> {
        self.count = 0;
        self.raw(&format!(",\n\"{key}\":["))
    }

    fn item(&mut self, value: &Value) -> anyhow::Result<()> {
        if self.count > 0 {
            self.raw(",\n")?;
        }
        self.count += 1;
        serde_json::to_writer(&mut self.out, value)?;
        Ok(())
    }

    fn close(&mut self) -> anyhow::Result<usize> {
        self.raw("]")?;
        Ok(self.count)
    }
}

/// A lowercase ASCII slug of a name ("Universität Wien" → "universitat-wien"); empty for CJK.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let folded = match c {
            'à'..='å' | 'À'..='Å' | 'ā' | 'ă' => "a",
            'ç' | 'ć' | 'č' => "c",
            'è'..='ë' | 'É' | 'ě' | 'ę' => "e",
            'ì'..='ï' | 'İ' | 'ı' => "i",
            'ñ' | 'ń' => "n",
            'ò'..='ö' | 'ø' | 'ő' | 'ồ' => "o",
            'ù'..='ü' => "u",
            'ß' => "ss",
            'ł' => "l",
            'ś' | 'š' => "s",
            'ź' | 'ż' | 'ž' => "z",
            'ộ' => "o",
            c if c.is_ascii_alphanumeric() => "",
            _ => "-",
        };
        if folded.is_empty() {
            out.push(c.to_ascii_lowercase());
        } else if folded != "-" {
            out.push_str(folded);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut cut: String = out.chars().take(60).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    cut
}

#[cfg(test)]
mod tests;
