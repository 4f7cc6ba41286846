//! What each back-office form holds: one [`Field`] per field of the domain
//! record, with the path it has in the record's JSON (the same path
//! validation errors name, e.g. `parties` or `names[0].value`).

use kizuna_domain::{
    AgreementKind, AgreementLevel, CareerStage, CountryCode, Direction, EducationLevel,
    FundingKind, MobilityType, NameKind, OrganisationKind, PartyRole, ProgrammeKind, Visibility,
};

mod factsheet;
mod lists;

pub use factsheet::{FACTSHEET, FACTSHEET_SECTIONS};
pub use lists::{AGREEMENT, CONTACT, COUNTRY, FUNDING, ORGANISATION, PROGRAMME};

/// The choices of a select or checkbox group: `(value, label)` pairs.
pub type Options = fn() -> Vec<(String, String)>;

/// How a typed value is read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// Free text (trimmed; empty is null).
    Str,
    /// A record id.
    Slug,
    /// ISO 3166-1 alpha-2.
    Country,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `01/09/2027`…
    PartialDate,
    /// `YYYY-MM-DD`.
    Date,
    /// BCP 47.
    Lang,
    /// ISCED-F 2013: four digits or a field's name in English, Swedish or Japanese.
    Isced,
    /// A whole number ≥ 0.
    Count,
    /// A whole number (a year).
    Year,
    /// A number with decimals.
    Decimal,
    /// `ja B2, en` → `[{lang: ja, cefr: B2}, {lang: en}]`.
    Skills,
    /// A web address; `https://` is added when missing.
    Website,
    /// Latitude and longitude in one field → `{lat, lng}`.
    Coordinates,
    /// A day of the year (`15 April`, `15/04`) → `--04-15`.
    MonthDay,
}

/// What kind of record a picker chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Any organisation.
    Organisation,
    /// An organisation of kind `unit`.
    Unit,
    /// An agreement.
    Agreement,
    /// A programme.
    Programme,
    /// A contact.
    Contact,
}

impl Target {
    /// The word used in datalist ids and by admin.js.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Organisation => "organisations",
            Target::Unit => "units",
            Target::Agreement => "agreements",
            Target::Programme => "programmes",
            Target::Contact => "contacts",
        }
    }

    /// Every target.
    pub const ALL: [Target; 5] = [
        Target::Organisation,
        Target::Unit,
        Target::Agreement,
        Target::Programme,
        Target::Contact,
    ];
}

/// The control of a field.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// One line of text; `input` is the HTML input type.
    Text { ty: Ty, input: &'static str },
    /// Markdown, with a preview.
    Markdown,
    /// Several values, one per line (`comma`: separated by commas instead).
    Lines { ty: Ty, comma: bool },
    /// One of a vocabulary; `blank` labels an empty choice (a message key); `default` is what a new row starts with.
    Select {
        options: Options,
        blank: Option<&'static str>,
        default: Option<&'static str>,
    },
    /// Any of a vocabulary.
    Checks { options: Options },
    /// Yes or no.
    Check,
    /// One record id, searched as you type.
    Picker { target: Target },
    /// Repeatable rows of `fields`; with `scalar` the rows are plain values (one field, path "");
    /// `item` is the message key of one row's name.
    Group {
        fields: &'static [Field],
        item: &'static str,
        scalar: bool,
    },
    /// Attached documents: shown, not edited here.
    Documents,
}

/// One labelled input (or group of inputs) of a form.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Path in the record's JSON, relative to the row for fields of a group.
    pub path: &'static str,
    /// The label (a message key).
    pub label: &'static str,
    /// Help shown under the label (a message key).
    pub hint: Option<&'static str>,
    /// The control.
    pub kind: Kind,
    /// Shown as required.
    pub required: bool,
}

impl Field {
    /// The label in the reader's language.
    pub fn label_text(&self) -> String {
        crate::http::lang::t(self.label)
    }

    /// The hint in the reader's language.
    pub fn hint_text(&self) -> Option<String> {
        self.hint.map(crate::http::lang::t)
    }

    const fn new(path: &'static str, label: &'static str, kind: Kind) -> Field {
        Field {
            path,
            label,
            hint: None,
            kind,
            required: false,
        }
    }

    const fn hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    const fn required(mut self) -> Field {
        self.required = true;
        self
    }
}

const fn text(path: &'static str, label: &'static str) -> Field {
    Field::new(
        path,
        label,
        Kind::Text {
            ty: Ty::Str,
            input: "text",
        },
    )
}

const fn typed(path: &'static str, label: &'static str, ty: Ty, input: &'static str) -> Field {
    Field::new(path, label, Kind::Text { ty, input })
}

const fn markdown(path: &'static str, label: &'static str) -> Field {
    Field::new(path, label, Kind::Markdown)
}

const fn select(path: &'static str, label: &'static str, options: Options) -> Field {
    Field::new(
        path,
        label,
        Kind::Select {
            options,
            blank: Some("admin-choose"),
            default: None,
        },
    )
}

const fn optional_select(path: &'static str, label: &'static str, options: Options) -> Field {
    Field::new(
        path,
        label,
        Kind::Select {
            options,
            blank: Some("admin-none"),
            default: None,
        },
    )
}

const fn picker(path: &'static str, label: &'static str, target: Target) -> Field {
    Field::new(path, label, Kind::Picker { target })
}

const fn date(path: &'static str, label: &'static str) -> Field {
    typed(path, label, Ty::PartialDate, "text").hint("admin-hint-partial-date")
}

const fn lines(path: &'static str, label: &'static str) -> Field {
    Field::new(
        path,
        label,
        Kind::Lines {
            ty: Ty::Str,
            comma: false,
        },
    )
    .hint("admin-hint-one-per-line")
}

const fn codes(path: &'static str, label: &'static str, ty: Ty, hint: &'static str) -> Field {
    Field::new(path, label, Kind::Lines { ty, comma: true }).hint(hint)
}

/// Rows of one picker each (a list of record ids).
const fn many(
    path: &'static str,
    label: &'static str,
    item: &'static [Field],
    noun: &'static str,
) -> Field {
    Field::new(
        path,
        label,
        Kind::Group {
            fields: item,
            item: noun,
            scalar: true,
        },
    )
}

const fn rows(
    path: &'static str,
    label: &'static str,
    fields: &'static [Field],
    noun: &'static str,
) -> Field {
    Field::new(
        path,
        label,
        Kind::Group {
            fields,
            item: noun,
            scalar: false,
        },
    )
}

fn words(all: impl IntoIterator<Item = &'static str>) -> Vec<(String, String)> {
    all.into_iter()
        .map(|w| (w.to_owned(), super::words::word(w)))
        .collect()
}

macro_rules! options {
    ($($name:ident => $ty:ty),+ $(,)?) => {
        $(#[doc = "The choices of this vocabulary."]
        pub(crate) fn $name() -> Vec<(String, String)> {
            words(<$ty>::ALL.iter().map(|v| v.as_str()))
        })+
    };
}

options!(
    visibilities => Visibility, organisation_kinds => OrganisationKind, name_kinds => NameKind,
    agreement_kinds => AgreementKind, agreement_levels => AgreementLevel, party_roles => PartyRole,
    education_levels => EducationLevel, career_stages => CareerStage, directions => Direction,
    mobility_types => MobilityType, programme_kinds => ProgrammeKind, funding_kinds => FundingKind,
);

/// Every country, by name.
pub fn countries() -> Vec<(String, String)> {
    let lang = crate::http::lang::current();
    let mut all: Vec<(String, String)> = CountryCode::all()
        .map(|c| {
            (
                c.as_str().to_owned(),
                format!(
                    "{} ({})",
                    crate::country_names::name_in(lang, c),
                    c.as_str()
                ),
            )
        })
        .collect();
    crate::http::lang::languages()
        .collation(lang)
        .sort_by_key(&mut all, |(_, label)| label.as_str());
    all
}
