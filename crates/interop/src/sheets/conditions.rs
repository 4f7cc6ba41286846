//! An agreement's mobility conditions as seven columns, and back.
//!
//! The columns say what a row of a sheet can: places and months per year
//! each way (those of the first condition of each direction), the EQF
//! levels, language requirements and academic years of all of them. A row
//! whose columns say what the stored conditions already say leaves them as
//! they are; one that says otherwise replaces them with one condition per
//! direction given and EQF level (each with the row's places, months,
//! languages and years), keeping each direction's mobility type and subject.

use std::collections::BTreeSet;

use kizuna_domain::agreement::LanguageSkill;
use kizuna_domain::{Cefr, Direction, LanguageTag, MobilityCondition, MobilityType};

use super::row::{RowBuild, integer, number};
use super::table::{Cell, number_text};
use super::values::{format_academic_years, parse_academic_years, split_list};
use crate::Message;

/// The condition columns.
pub const COLUMNS: [&str; 7] = [
    "places_out",
    "places_in",
    "months_out",
    "months_in",
    "eqf_levels",
    "languages",
    "academic_years",
];

/// What the condition columns say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flat {
    places_out: Option<u32>,
    places_in: Option<u32>,
    months_out: Option<f64>,
    months_in: Option<f64>,
    eqf_levels: Vec<u8>,
    languages: Vec<LanguageSkill>,
    years: (Option<i32>, Option<i32>),
}

impl Flat {
    /// What stored conditions look like in the columns.
    pub fn of(conditions: &[MobilityCondition]) -> Flat {
        let first = |d: Direction| conditions.iter().find(|c| c.direction == d);
        let levels: BTreeSet<u8> = conditions.iter().filter_map(|c| c.eqf_level).collect();
        let mut languages: Vec<LanguageSkill> = Vec::new();
        for skill in conditions.iter().flat_map(|c| &c.languages) {
            if !languages.contains(skill) {
                languages.push(skill.clone());
            }
        }
        Flat {
            places_out: first(Direction::Outgoing).and_then(|c| c.places_per_year),
            places_in: first(Direction::Incoming).and_then(|c| c.places_per_year),
            months_out: first(Direction::Outgoing).and_then(|c| c.months_per_year),
            months_in: first(Direction::Incoming).and_then(|c| c.months_per_year),
            eqf_levels: levels.into_iter().collect(),
            languages,
            years: (
                conditions.iter().filter_map(|c| c.first_year).min(),
                conditions.iter().filter_map(|c| c.last_year).max(),
            ),
        }
    }

    /// One column's cell.
    pub fn cell(&self, column: &str) -> Cell {
        let num = |n: Option<f64>| n.map(Cell::Number).unwrap_or(Cell::Empty);
        let join = |items: Vec<String>| Cell::text(&items.join("; "));
        match column {
            "places_out" => num(self.places_out.map(f64::from)),
            "places_in" => num(self.places_in.map(f64::from)),
            "months_out" => num(self.months_out),
            "months_in" => num(self.months_in),
            "eqf_levels" => join(self.eqf_levels.iter().map(u8::to_string).collect()),
            "languages" => join(self.languages.iter().map(skill_text).collect()),
            "academic_years" => Cell::text(&format_academic_years(self.years.0, self.years.1)),
            _ => Cell::Empty,
        }
    }
}

fn skill_text(skill: &LanguageSkill) -> String {
    match skill.cefr {
        Some(level) => format!("{} {level}", skill.lang),
        None => skill.lang.to_string(),
    }
}

/// Reads `en B2; ja A2; sv`.
fn languages(cell: &Cell) -> Result<Vec<LanguageSkill>, Message> {
    let mut out = Vec::new();
    for item in split_list(cell, true) {
        let bad = || {
            let english =
                format!("`{item}` is not a language and level (write e.g. `en B2; ja A2`)");
            Message::coded("not-a-language-level", &[("value", &item)], english)
        };
        let mut words = item.split_whitespace();
        let lang = words.next().unwrap_or_default();
        let lang: LanguageTag = lang.parse().map_err(|_| bad())?;
        let cefr = match words.next() {
            Some(level) => Some(level.to_uppercase().parse::<Cefr>().map_err(|_| bad())?),
            None => None,
        };
        if words.next().is_some() {
            return Err(bad());
        }
        out.push(LanguageSkill { lang, cefr });
    }
    Ok(out)
}

fn eqf_levels(cell: &Cell) -> Result<Vec<u8>, Message> {
    let mut levels = BTreeSet::new();
    for item in split_list(cell, true) {
        let digits = item.trim_start_matches(|c: char| !c.is_ascii_digit());
        match integer::<u8>(&Cell::text(digits)) {
            Ok(level) if (1..=8).contains(&level) => levels.insert(level),
            _ => {
                let english = format!("`{item}` is not an EQF level (1–8)");
                return Err(Message::coded(
                    "not-an-eqf-level",
                    &[("value", &item)],
                    english,
                ));
            }
        };
    }
    Ok(levels.into_iter().collect())
}

/// Reads the condition columns of `row` into its `conditions`, unless they
/// say what the stored ones say (columns the sheet leaves out count as unchanged).
pub fn read(row: &mut RowBuild<'_>) {
    if COLUMNS.iter().all(|c| row.cell(c).is_none()) {
        return;
    }
    let stored: Vec<MobilityCondition> = row
        .get(&["conditions"])
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    let before = Flat::of(&stored);
    let mut flat = before.clone();
    let errors = row.errors.len();
    macro_rules! read {
        ($column:literal, $field:expr, $parse:expr, $empty:expr) => {
            match row.cell($column).cloned() {
                None => {}
                Some(Cell::Empty) => $field = $empty,
                Some(cell) => match $parse(&cell) {
                    Ok(value) => $field = value,
                    Err(message) => row.error($column, message),
                },
            }
        };
    }
    let places = |c: &Cell| integer::<u32>(c).map(Some);
    let months = |c: &Cell| match number(c) {
        Ok(m) if (0.0..=12.0).contains(&m) => Ok(Some(m)),
        Ok(m) => {
            let value = number_text(m);
            let english = format!("{value} months is more than a year");
            Err(Message::coded(
                "months-over-a-year",
                &[("value", &value)],
                english,
            ))
        }
        Err(e) => Err(e),
    };
    read!("places_out", flat.places_out, places, None);
    read!("places_in", flat.places_in, places, None);
    read!("months_out", flat.months_out, months, None);
    read!("months_in", flat.months_in, months, None);
    read!("eqf_levels", flat.eqf_levels, eqf_levels, Vec::new());
    read!("languages", flat.languages, languages, Vec::new());
    read!(
        "academic_years",
        flat.years,
        |c: &Cell| parse_academic_years(&c.as_text()),
        (None, None)
    );
    if row.errors.len() > errors || flat == before {
        return;
    }
    let conditions = rebuild(&flat, &stored);
    row.set(
        &["conditions"],
        serde_json::to_value(conditions).expect("conditions serialise"),
    );
}

/// Conditions that say what `flat` says.
fn rebuild(flat: &Flat, stored: &[MobilityCondition]) -> Vec<MobilityCondition> {
    let out = flat.places_out.is_some() || flat.months_out.is_some();
    let inward = flat.places_in.is_some() || flat.months_in.is_some();
    let rest =
        !flat.eqf_levels.is_empty() || !flat.languages.is_empty() || flat.years != (None, None);
    let directions: Vec<(Direction, Option<u32>, Option<f64>)> = match (out, inward, rest) {
        (false, false, false) => return Vec::new(),
        (false, false, true) => vec![
            (Direction::Outgoing, None, None),
            (Direction::Incoming, None, None),
        ],
        _ => [
            (out, (Direction::Outgoing, flat.places_out, flat.months_out)),
            (
                inward,
                (Direction::Incoming, flat.places_in, flat.months_in),
            ),
        ]
        .into_iter()
        .filter_map(|(given, d)| given.then_some(d))
        .collect(),
    };
    let levels: Vec<Option<u8>> = if flat.eqf_levels.is_empty() {
        vec![None]
    } else {
        flat.eqf_levels.iter().copied().map(Some).collect()
    };
    let mut conditions = Vec::new();
    for (direction, places, months) in directions {
        let like = stored.iter().find(|c| c.direction == direction);
        for level in &levels {
            conditions.push(MobilityCondition {
                direction,
                mobility: like
                    .map(|c| c.mobility)
                    .unwrap_or(MobilityType::StudentStudies),
                places_per_year: places,
                months_per_year: months,
                days_per_year: like.and_then(|c| c.days_per_year),
                eqf_level: *level,
                subject_area: like.and_then(|c| c.subject_area.clone()),
                languages: flat.languages.clone(),
                first_year: flat.years.0,
                last_year: flat.years.1,
            });
        }
    }
    conditions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_rebuild_conditions_that_flatten_back_to_them() {
        let flat = Flat {
            places_out: Some(2),
            places_in: Some(3),
            months_out: Some(5.0),
            months_in: None,
            eqf_levels: vec![6, 7],
            languages: languages(&Cell::text("en B2; ja")).unwrap(),
            years: (Some(2027), Some(2030)),
        };
        let conditions = rebuild(&flat, &[]);
        assert_eq!(conditions.len(), 4);
        assert_eq!(Flat::of(&conditions), flat);
        assert_eq!(flat.cell("languages"), Cell::text("en B2; ja"));
        assert_eq!(flat.cell("academic_years"), Cell::text("2027/28-2030/31"));
        assert_eq!(flat.cell("eqf_levels"), Cell::text("6; 7"));
        assert!(languages(&Cell::text("English")).is_err());
        assert!(eqf_levels(&Cell::text("9")).is_err());
        assert_eq!(eqf_levels(&Cell::text("EQF 6, EQF 7")).unwrap(), [6, 7]);
    }
}
