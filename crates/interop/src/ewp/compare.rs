//! A partner's copy against our agreement, field by field, in our field
//! names (`places_per_year`, `months_per_year`, …) and seen from our side
//! (`outgoing` = our people go to the partner).
//!
//! Each side's mobilities become [`Terms`]; identical ones pair off first,
//! then the rest pair by kind and direction in order, and what is left is on
//! one side only. Amounts are compared as EWP writes them (`4.5`, not `4.50`).

use kizuna_domain::{Agreement, Direction, MobilityCondition, MobilityType};

use super::model::{SpecKind, academic_year, decimal};
use super::read::{ReadIia, ReadSpec};

/// One direction of one kind of mobility, as either side states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Terms {
    /// Kind of mobility.
    pub mobility: MobilityType,
    /// Seen from our side.
    pub direction: Direction,
    /// First academic year (its start year).
    pub first_year: Option<i32>,
    /// Last academic year (its start year).
    pub last_year: Option<i32>,
    /// People per year.
    pub places_per_year: Option<u32>,
    /// Months (student) or days (staff) per year, as EWP writes the number.
    pub per_year: Option<String>,
    /// EQF levels, sorted.
    pub eqf_levels: Vec<u8>,
    /// ISCED-F codes, sorted.
    pub subject_areas: Vec<String>,
    /// (language in lower case, CEFR level), sorted.
    pub languages: Vec<(String, Option<String>)>,
}

/// One field on which the copies differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Which condition, e.g. `student_studies outgoing`; `agreement` for the whole.
    pub condition: String,
    /// The field in our terms; `condition` when one side lacks the whole condition.
    pub field: String,
    /// What ours says (`None`: nothing).
    pub ours: Option<String>,
    /// What the partner's copy says.
    pub theirs: Option<String>,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let side = |v: &Option<String>| v.clone().unwrap_or_else(|| "(nothing)".to_owned());
        write!(
            f,
            "{}: {}: ours {}, theirs {}",
            self.condition,
            self.field,
            side(&self.ours),
            side(&self.theirs)
        )
    }
}

fn mobility_of(kind: SpecKind) -> MobilityType {
    match kind {
        SpecKind::StudentStudies => MobilityType::StudentStudies,
        SpecKind::StudentTraineeship => MobilityType::StudentTraineeship,
        SpecKind::StaffTeacher => MobilityType::StaffTeaching,
        SpecKind::StaffTraining => MobilityType::StaffTraining,
    }
}

fn is_student(m: MobilityType) -> bool {
    matches!(
        m,
        MobilityType::StudentStudies | MobilityType::StudentTraineeship
    )
}

/// An amount as EWP writes it, or as written when it is no number.
fn amount(text: &str) -> String {
    text.trim()
        .parse::<f64>()
        .ok()
        .and_then(decimal)
        .unwrap_or_else(|| text.trim().to_owned())
}

fn sorted<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort();
    items
}

impl Terms {
    /// A mobility of a partner's copy, seen from `our_hei`.
    pub fn of_spec(spec: &ReadSpec, our_hei: &str) -> Terms {
        let direction = if spec.sending_hei_id.eq_ignore_ascii_case(our_hei) {
            Direction::Outgoing
        } else {
            Direction::Incoming
        };
        Terms {
            mobility: mobility_of(spec.kind),
            direction,
            first_year: spec.first_year,
            last_year: spec.last_year,
            places_per_year: spec.mobilities_per_year,
            per_year: spec.total_per_year.as_deref().map(amount),
            eqf_levels: sorted(spec.eqf_levels.clone()),
            subject_areas: sorted(spec.subject_areas.clone()),
            languages: sorted(
                spec.languages
                    .iter()
                    .map(|(l, c)| (l.to_lowercase(), c.as_ref().map(|c| c.to_uppercase())))
                    .collect(),
            ),
        }
    }

    /// One of our conditions.
    pub fn of_condition(c: &MobilityCondition) -> Terms {
        let per_year = if is_student(c.mobility) {
            c.months_per_year.and_then(decimal)
        } else {
            c.days_per_year.filter(|&d| d > 0).map(|d| d.to_string())
        };
        Terms {
            mobility: c.mobility,
            direction: c.direction,
            first_year: c.first_year,
            last_year: c.last_year,
            places_per_year: c.places_per_year,
            per_year,
            eqf_levels: c.eqf_level.into_iter().collect(),
            subject_areas: c.subject_area.iter().map(|s| s.to_string()).collect(),
            languages: sorted(
                c.languages
                    .iter()
                    .map(|l| {
                        (
                            l.lang.to_string().to_lowercase(),
                            l.cefr.map(|c| c.as_str().to_owned()),
                        )
                    })
                    .collect(),
            ),
        }
    }

    fn label(&self) -> String {
        format!("{} {}", self.mobility, self.direction)
    }

    /// Every field as (name, shown value), in the order staff read them.
    fn fields(&self) -> Vec<(&'static str, Option<String>)> {
        let list = |items: Vec<String>| (!items.is_empty()).then(|| items.join(", "));
        vec![
            ("first_year", self.first_year.map(academic_year)),
            ("last_year", self.last_year.map(academic_year)),
            (
                "places_per_year",
                self.places_per_year.map(|p| p.to_string()),
            ),
            (
                if is_student(self.mobility) {
                    "months_per_year"
                } else {
                    "days_per_year"
                },
                self.per_year.clone(),
            ),
            (
                "eqf_level",
                list(self.eqf_levels.iter().map(u8::to_string).collect()),
            ),
            ("subject_area", list(self.subject_areas.clone())),
            (
                "languages",
                list(
                    self.languages
                        .iter()
                        .map(|(l, c)| match c {
                            Some(c) => format!("{l} {c}"),
                            None => l.clone(),
                        })
                        .collect(),
                ),
            ),
        ]
    }

    fn summary(&self) -> String {
        let shown: Vec<String> = self
            .fields()
            .into_iter()
            .filter_map(|(name, value)| Some(format!("{name} {}", value?)))
            .collect();
        shown.join("; ")
    }
}

/// The differences between our conditions and the partner's, field by field.
pub fn compare_terms(ours: &[Terms], theirs: &[Terms]) -> Vec<Difference> {
    let mut ours: Vec<&Terms> = sorted(ours.iter().collect());
    let mut theirs: Vec<&Terms> = sorted(theirs.iter().collect());
    theirs.retain(|t| match ours.iter().position(|o| o == t) {
        Some(i) => {
            ours.remove(i);
            false
        }
        None => true,
    });
    let mut differences = Vec::new();
    for t in theirs {
        let paired = ours
            .iter()
            .position(|o| (o.mobility, o.direction) == (t.mobility, t.direction));
        let Some(i) = paired else {
            differences.push(Difference {
                condition: t.label(),
                field: "condition".to_owned(),
                ours: None,
                theirs: Some(t.summary()),
            });
            continue;
        };
        let o = ours.remove(i);
        for ((field, mine), (_, other)) in o.fields().into_iter().zip(t.fields()) {
            if mine != other {
                differences.push(Difference {
                    condition: o.label(),
                    field: field.to_owned(),
                    ours: mine,
                    theirs: other,
                });
            }
        }
    }
    differences.extend(ours.into_iter().map(|o| Difference {
        condition: o.label(),
        field: "condition".to_owned(),
        ours: Some(o.summary()),
        theirs: None,
    }));
    differences
}

/// The partner's copy against our agreement; `our_hei` tells the directions.
pub fn compare_copy(agreement: &Agreement, copy: &ReadIia, our_hei: &str) -> Vec<Difference> {
    let ours: Vec<Terms> = agreement
        .conditions
        .iter()
        .map(Terms::of_condition)
        .collect();
    let theirs: Vec<Terms> = copy
        .specs
        .iter()
        .map(|s| Terms::of_spec(s, our_hei))
        .collect();
    let mut differences = Vec::new();
    let terminated = agreement.terminated_on.is_some();
    if terminated != copy.terminated {
        let word = |t: bool| Some(if t { "terminated" } else { "in force" }.to_owned());
        differences.push(Difference {
            condition: "agreement".to_owned(),
            field: "terminated_on".to_owned(),
            ours: word(terminated),
            theirs: word(copy.terminated),
        });
    }
    differences.extend(compare_terms(&ours, &theirs));
    differences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(mobility: MobilityType, direction: Direction, places: u32) -> Terms {
        Terms {
            mobility,
            direction,
            first_year: Some(2027),
            last_year: Some(2030),
            places_per_year: Some(places),
            per_year: Some("5".into()),
            eqf_levels: vec![7],
            subject_areas: vec!["0913".into()],
            languages: vec![("en".into(), Some("B2".into()))],
        }
    }

    #[test]
    fn equal_conditions_in_any_order_do_not_differ() {
        let a = terms(MobilityType::StudentStudies, Direction::Outgoing, 2);
        let b = terms(MobilityType::StudentStudies, Direction::Incoming, 3);
        assert!(compare_terms(&[a.clone(), b.clone()], &[b, a]).is_empty());
    }

    #[test]
    fn differences_are_named_by_our_fields_and_unpaired_conditions_listed() {
        let ours = terms(MobilityType::StudentStudies, Direction::Outgoing, 2);
        let mut theirs = ours.clone();
        theirs.places_per_year = Some(3);
        theirs.eqf_levels = vec![6, 7];
        let staff = terms(MobilityType::StaffTraining, Direction::Incoming, 1);
        let found = compare_terms(&[ours], &[theirs, staff]);
        let shown: Vec<String> = found.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            shown,
            [
                "student_studies outgoing: places_per_year: ours 2, theirs 3",
                "student_studies outgoing: eqf_level: ours 7, theirs 6, 7",
                "staff_training incoming: condition: ours (nothing), theirs first_year 2027/2028; \
                 last_year 2030/2031; places_per_year 1; days_per_year 5; eqf_level 7; \
                 subject_area 0913; languages en B2",
            ]
        );
    }

    #[test]
    fn amounts_compare_as_ewp_writes_them() {
        assert_eq!(amount("4.50"), "4.5");
        assert_eq!(amount(" 10 "), "10");
        assert_eq!(amount("many"), "many");
    }
}
