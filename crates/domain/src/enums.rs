//! The closed vocabularies of DESIGN.md: lowercase words on the wire.

/// An enum value that is not one of the allowed words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{value}`; expected one of: {expected}")]
pub struct UnknownValue {
    /// The vocabulary, e.g. "agreement kind".
    pub what: &'static str,
    /// What was given.
    pub value: String,
    /// The allowed words, comma-separated.
    pub expected: String,
}

/// Declares a closed vocabulary with its wire words.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize)]
        pub enum $name { $(#[doc = $word] #[serde(rename = $word)] $variant),+ }

        // Written out rather than derived: the derive does not see `rename`
        // through this macro and would document the variant names, not the words.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some(concat!("One ", $what, " word.")))
                    .enum_values(Some([$($word),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl $name {
            /// Every value, in the order of DESIGN.md.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire word.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::enums::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($word => Ok($name::$variant),)+
                    _ => Err($crate::enums::UnknownValue {
                        what: $what,
                        value: s.to_owned(),
                        expected: [$($word),+].join(", "),
                    }),
                }
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary!(
    /// Whether a record may be shown to the public.
    Visibility, "visibility" { Public => "public", Internal => "internal" }
);

// The macro cannot mark one variant `#[default]`, hence hand-written impls.
#[allow(clippy::derivable_impls)]
impl Default for Visibility {
    fn default() -> Self {
        Visibility::Public
    }
}

vocabulary!(
    /// ROR organisation types plus `unit` and `consortium`.
    OrganisationKind, "organisation kind" {
        Education => "education", Facility => "facility", Funder => "funder",
        Government => "government", Healthcare => "healthcare", Company => "company",
        Nonprofit => "nonprofit", Archive => "archive", Other => "other",
        Unit => "unit", Consortium => "consortium",
    }
);

vocabulary!(
    /// The role of a name (the ROR v2 name types).
    NameKind, "name kind" { Display => "display", Label => "label", Alias => "alias", Acronym => "acronym" }
);

vocabulary!(
    /// What an agreement is for.
    AgreementKind, "agreement kind" {
        Mou => "mou", StrategicPartnership => "strategic_partnership",
        StudentExchange => "student_exchange", DoctoralExchange => "doctoral_exchange",
        StaffExchange => "staff_exchange", JointDegree => "joint_degree",
        Research => "research", Framework => "framework", Other => "other",
    }
);

vocabulary!(
    /// The level at which the home side signed.
    AgreementLevel, "agreement level" {
        Central => "central", Faculty => "faculty", Department => "department", Researcher => "researcher",
    }
);

vocabulary!(
    /// A party's part in an agreement.
    PartyRole, "party role" { Coordinator => "coordinator", Partner => "partner" }
);

#[allow(clippy::derivable_impls)]
impl Default for PartyRole {
    fn default() -> Self {
        PartyRole::Partner
    }
}

vocabulary!(
    /// Who an agreement or programme is for.
    EducationLevel, "education level" {
        Bachelor => "bachelor", Master => "master", Doctoral => "doctoral",
        Postdoc => "postdoc", Staff => "staff", Researcher => "researcher",
    }
);

vocabulary!(
    /// Who a funding opportunity is for.
    CareerStage, "career stage" {
        Bachelor => "bachelor", Master => "master", Doctoral => "doctoral",
        Postdoc => "postdoc", Researcher => "researcher",
    }
);

vocabulary!(
    /// Direction of a mobility, seen from the home institution.
    Direction, "direction" { Outgoing => "outgoing", Incoming => "incoming" }
);

vocabulary!(
    /// EWP IIA v7 mobility types.
    MobilityType, "mobility type" {
        StudentStudies => "student_studies", StudentTraineeship => "student_traineeship",
        StaffTeaching => "staff_teaching", StaffTraining => "staff_training",
    }
);

vocabulary!(
    /// Common European Framework of Reference language levels.
    Cefr, "CEFR level" { A1 => "A1", A2 => "A2", B1 => "B1", B2 => "B2", C1 => "C1", C2 => "C2" }
);

vocabulary!(
    /// What kind of joint activity a programme is.
    ProgrammeKind, "programme kind" {
        JointProgramme => "joint_programme", Course => "course", Workshop => "workshop",
        Exchange => "exchange", TravelGrantScheme => "travel_grant_scheme",
    }
);

vocabulary!(
    /// What kind of money a funding opportunity offers.
    FundingKind, "funding kind" {
        Scholarship => "scholarship", Fellowship => "fellowship",
        TravelGrant => "travel_grant", Award => "award",
    }
);

vocabulary!(
    /// An agreement's state, always derived from its dates and its renewals.
    AgreementStatus, "agreement status" {
        Draft => "draft", Upcoming => "upcoming", Active => "active", Expiring => "expiring",
        Expired => "expired", Superseded => "superseded", Terminated => "terminated",
    }
);

vocabulary!(
    /// The editorial Markdown sections of a country page.
    SectionKey, "section" {
        Intro => "intro", Education => "education", Doctoral => "doctoral",
        Postdoc => "postdoc", Funding => "funding",
    }
);

impl AgreementStatus {
    /// Whether an agreement with this status is in force today: the figures
    /// "in force" on pages count these and nothing else.
    pub fn in_force(self) -> bool {
        matches!(self, AgreementStatus::Active | AgreementStatus::Expiring)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_through_serde_and_from_str() {
        for kind in AgreementKind::ALL {
            let json = serde_json::to_string(kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(kind.as_str().parse::<AgreementKind>().unwrap(), *kind);
        }
        assert_eq!(serde_json::to_string(&Cefr::B2).unwrap(), "\"B2\"");
    }

    #[test]
    fn unknown_word_is_refused_with_the_allowed_ones() {
        let err = "memo".parse::<AgreementKind>().unwrap_err();
        assert!(err.to_string().contains("unknown agreement kind `memo`"));
        assert!(err.to_string().contains("strategic_partnership"));
        assert!(serde_json::from_str::<EducationLevel>("\"phd\"").is_err());
    }

    #[test]
    fn the_schema_lists_the_wire_words() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(AgreementKind::schema()).unwrap();
        let words: Vec<&str> = AgreementKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(schema["enum"], serde_json::json!(words));
        let cefr = serde_json::to_value(Cefr::schema()).unwrap();
        assert_eq!(cefr["enum"][3], "B2");
    }
}
