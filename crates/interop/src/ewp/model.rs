//! An IIA as the v7 `iias-get-response` states it, built from a Kizuna
//! agreement (see `map`) and written by `write`.

/// One inter-institutional agreement, home partner first.
#[derive(Debug, Clone, PartialEq)]
pub struct Iia {
    /// The home HEI (first, as the API requires) and the partner HEI.
    pub partners: [IiaPartner; 2],
    /// Signed: it is or once was in effect (false for a draft).
    pub in_effect: bool,
    /// Ended early (`terminated-as-a-whole`).
    pub terminated: bool,
    /// The cooperation conditions, in the order the schema wants.
    pub specs: Vec<MobilitySpec>,
}

/// One side of an IIA.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IiaPartner {
    /// SCHAC code of the institution.
    pub hei_id: String,
    /// The unit that is the actual partner, by its EWP ounit id.
    pub ounit_id: Option<String>,
    /// This partner's id of the IIA.
    pub iia_id: Option<String>,
    /// This partner's human-readable agreement code.
    pub iia_code: Option<String>,
    /// Who signs for this partner.
    pub signing_contact: Option<ContactCard>,
    /// When this partner signed, as `YYYY-MM-DD`.
    pub signing_date: Option<String>,
    /// Other people handling the IIA.
    pub contacts: Vec<ContactCard>,
}

/// A person in the EWP contact shape.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactCard {
    /// Full name.
    pub name: String,
    /// Telephone number.
    pub phone: Option<Phone>,
    /// E-mail address (only one that fits the EWP pattern).
    pub email: Option<String>,
    /// What the person does.
    pub role: Option<String>,
}

/// A telephone number: E.164 when it reads as one, else as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Phone {
    /// `+` and up to 15 digits.
    E164(String),
    /// Anything else.
    Other(String),
}

impl Phone {
    /// Reads a number as written: spaces, dots and hyphens do not matter.
    pub fn parse(raw: &str) -> Phone {
        let compact: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-'))
            .collect();
        let digits = compact.strip_prefix('+').unwrap_or_default();
        if (1..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            Phone::E164(compact)
        } else {
            Phone::Other(raw.trim().to_owned())
        }
    }
}

/// The four kinds of mobility, in the order the schema lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SpecKind {
    /// Student mobility for studies.
    StudentStudies,
    /// Student mobility for traineeships.
    StudentTraineeship,
    /// Staff mobility for teaching.
    StaffTeacher,
    /// Staff mobility for training.
    StaffTraining,
}

impl SpecKind {
    /// The element name.
    pub fn element(self) -> &'static str {
        match self {
            SpecKind::StudentStudies => "student-studies-mobility-spec",
            SpecKind::StudentTraineeship => "student-traineeship-mobility-spec",
            SpecKind::StaffTeacher => "staff-teacher-mobility-spec",
            SpecKind::StaffTraining => "staff-training-mobility-spec",
        }
    }

    /// Student kinds count months, EQF levels and `blended`; staff kinds days.
    pub fn is_student(self) -> bool {
        matches!(
            self,
            SpecKind::StudentStudies | SpecKind::StudentTraineeship
        )
    }

    /// Studies and teaching need at least one recommended language skill.
    pub fn needs_language(self) -> bool {
        matches!(self, SpecKind::StudentStudies | SpecKind::StaffTeacher)
    }
}

/// One direction of one kind of mobility.
#[derive(Debug, Clone, PartialEq)]
pub struct MobilitySpec {
    /// Which kind.
    pub kind: SpecKind,
    /// SCHAC code of the sending HEI.
    pub sending_hei_id: String,
    /// The sending unit's ounit id.
    pub sending_ounit_id: Option<String>,
    /// SCHAC code of the receiving HEI.
    pub receiving_hei_id: String,
    /// The receiving unit's ounit id.
    pub receiving_ounit_id: Option<String>,
    /// First academic year, e.g. `2027/2028`.
    pub first_year: String,
    /// Last academic year.
    pub last_year: String,
    /// People per academic year (at least 1).
    pub mobilities_per_year: u32,
    /// (BCP 47 language, CEFR level).
    pub languages: Vec<(String, Option<String>)>,
    /// ISCED-F codes (four digits).
    pub subject_areas: Vec<String>,
    /// Months (student) or days (staff) per year, as a decimal with at most
    /// two fraction digits.
    pub total_per_year: Option<String>,
    /// EQF levels (student kinds only).
    pub eqf_levels: Vec<u8>,
}

/// The `YYYY/YYYY+1` id of the academic year starting in `year`.
pub fn academic_year(year: i32) -> String {
    format!("{year}/{}", year + 1)
}

/// A positive amount with at most two fraction digits, trailing zeros dropped
/// (`4.5`, `3`); `None` when it rounds to zero or below.
pub fn decimal(value: f64) -> Option<String> {
    let hundredths = (value * 100.0).round();
    if !hundredths.is_finite() || hundredths <= 0.0 {
        return None;
    }
    let text = format!("{:.2}", hundredths / 100.0);
    Some(text.trim_end_matches('0').trim_end_matches('.').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_read_as_e164_when_they_can() {
        assert_eq!(
            Phone::parse("+46 8-524.800 00"),
            Phone::E164("+46852480000".into())
        );
        assert_eq!(
            Phone::parse(" +46 (0)8 524 800 00"),
            Phone::Other("+46 (0)8 524 800 00".into())
        );
        assert_eq!(Phone::parse("08 524"), Phone::Other("08 524".into()));
    }

    #[test]
    fn decimals_keep_two_digits_at_most() {
        assert_eq!(decimal(4.5).as_deref(), Some("4.5"));
        assert_eq!(decimal(3.0).as_deref(), Some("3"));
        assert_eq!(decimal(2.346).as_deref(), Some("2.35"));
        assert_eq!(decimal(10.0).as_deref(), Some("10"));
        assert_eq!(decimal(0.001), None);
        assert_eq!(decimal(-1.0), None);
    }

    #[test]
    fn academic_years_are_northern() {
        assert_eq!(academic_year(2027), "2027/2028");
    }
}
