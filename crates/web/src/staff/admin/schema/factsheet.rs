//! The fields of the factsheet for incoming students, section by section.

use super::*;

/// The kinds of accessibility support.
fn accessibility_kinds() -> Vec<(String, String)> {
    words(
        kizuna_domain::AccessibilityKind::ALL
            .iter()
            .map(|k| k.as_str()),
    )
}

const fn month_day(path: &'static str, label: &'static str) -> Field {
    typed(path, label, Ty::MonthDay, "text")
        .hint("A day and a month, e.g. 15 April or 15/04")
        .required()
}

const fn weeks(path: &'static str, label: &'static str) -> Field {
    typed(path, label, Ty::Count, "text")
        .hint("A number of weeks; EWP asks for at most 5")
        .required()
}

/// Where to ask, under `$at`: e-mail, phone and web page.
macro_rules! information {
    ($at:literal) => {
        [
            typed(concat!($at, "email"), "E-mail", Ty::Str, "email").required(),
            typed(concat!($at, "phone"), "Phone", Ty::Str, "tel")
                .hint("With the country code, e.g. +46 8 524 800 00"),
            typed(concat!($at, "website"), "Web page", Ty::Website, "text")
                .hint("e.g. ki.se/en/housing (https:// is added)")
                .required(),
        ]
    };
}

const REQUIREMENT_FIELDS: [Field; 3] = [
    text("name", "Requirement")
        .hint("EWP's document names: Motivation letter, Transcript of Records, Language certificate, Reference letter, Portfolio, CV, Other document")
        .required(),
    text("details", "Details").hint("e.g. English B2 or higher").required(),
    typed("website", "Web page", Ty::Website, "text"),
];

const ACCESSIBILITY_FIELDS: [Field; 6] = {
    let [email, phone, website] = information!("information.");
    [
        Field::new(
            "kind",
            "Kind",
            Kind::Select {
                options: accessibility_kinds,
                blank: Some("Choose…"),
                default: None,
            },
        )
        .required(),
        text("name", "Name")
            .hint("e.g. Office for students with disabilities")
            .required(),
        text("description", "What it offers"),
        email,
        phone,
        website,
    ]
};

const ADDITIONAL_FIELDS: [Field; 4] = {
    let [email, phone, website] = information!("information.");
    [
        text("topic", "Topic")
            .hint("e.g. Recognition process")
            .required(),
        email,
        phone,
        website,
    ]
};

/// The factsheet form; [`FACTSHEET_SECTIONS`] groups its fields under headings.
pub const FACTSHEET: &[Field] = &{
    let [a_email, a_phone, a_website] = information!("application.");
    let [h_email, h_phone, h_website] = information!("housing.");
    let [v_email, v_phone, v_website] = information!("visa.");
    let [i_email, i_phone, i_website] = information!("insurance.");
    [
        month_day("nominations.autumn", "Nominations for the autumn term by"),
        month_day("nominations.spring", "Nominations for the spring term by"),
        month_day("applications.autumn", "Applications for the autumn term by"),
        month_day("applications.spring", "Applications for the spring term by"),
        weeks("decision_weeks", "Decision within (weeks)"),
        weeks("tor_weeks", "Transcript of Records within (weeks)"),
        a_email,
        a_phone,
        a_website,
        rows(
            "requirements",
            "Additional requirements",
            &REQUIREMENT_FIELDS,
            "Requirement",
        ),
        rows(
            "accessibility",
            "Support for students with special needs",
            &ACCESSIBILITY_FIELDS,
            "Support",
        ),
        h_email,
        h_phone,
        h_website,
        v_email,
        v_phone,
        v_website,
        i_email,
        i_phone,
        i_website,
        rows(
            "additional_info",
            "Other information",
            &ADDITIONAL_FIELDS,
            "Topic",
        ),
    ]
};

/// The form's sections: the message key of a heading and how many of
/// [`FACTSHEET`]'s fields, in order, it holds.
pub const FACTSHEET_SECTIONS: &[(&str, usize)] = &[
    ("factsheet-section-deadlines", 4),
    ("factsheet-section-decisions", 2),
    ("factsheet-section-applying", 3),
    ("factsheet-section-requirements", 2),
    ("factsheet-section-housing", 3),
    ("factsheet-section-visas", 3),
    ("factsheet-section-insurance", 3),
    ("factsheet-section-other", 1),
];
