//! The fields of each form, in the order they are shown.

use super::*;

const VISIBILITY: Field = Field::new(
    "visibility",
    "admin-field-visibility",
    Kind::Select {
        options: visibilities,
        blank: None,
        default: None,
    },
)
.hint("admin-hint-internal-records-are-shown");
const ORG_ITEM: [Field; 1] = [picker("", "admin-field-organisation", Target::Organisation)];
const UNIT_ITEM: [Field; 1] = [picker("", "admin-field-unit", Target::Unit)];
const CONTACT_ITEM: [Field; 1] = [picker("", "admin-field-contact", Target::Contact)];
const AGREEMENT_ITEM: [Field; 1] = [picker("", "admin-field-agreement", Target::Agreement)];
const PROGRAMME_ITEM: [Field; 1] = [picker("", "admin-field-programme", Target::Programme)];
const ID: Field = typed("id", "admin-field-identifier", Ty::Slug, "text")
    .hint("admin-hint-lowercase-letters-digits-and");

const NAME_FIELDS: [Field; 3] = [
    text("value", "admin-field-name").required(),
    typed("lang", "admin-field-language", Ty::Lang, "text").hint("admin-hint-bcp-47-eg-en"),
    Field::new(
        "kind",
        "admin-field-kind-of-name",
        Kind::Select {
            options: name_kinds,
            blank: None,
            default: Some("label"),
        },
    ),
];

/// The organisation form.
pub const ORGANISATION: &[Field] = &[
    ID,
    select("kind", "admin-field-kind", organisation_kinds).required(),
    rows(
        "names",
        "admin-field-names",
        &NAME_FIELDS,
        "admin-field-name",
    )
    .required(),
    optional_select("country", "admin-field-country", countries),
    text("city", "admin-field-city"),
    typed(
        "location",
        "admin-field-coordinates",
        Ty::Coordinates,
        "text",
    )
    .hint("admin-hint-latitude-longitude-as-a"),
    picker(
        "parent",
        "admin-field-parent-organisation",
        Target::Organisation,
    )
    .hint("admin-hint-only-for-units-the"),
    many(
        "members",
        "admin-field-members",
        &ORG_ITEM,
        "admin-field-member",
    )
    .hint("admin-hint-only-for-consortia"),
    typed("website", "admin-field-website", Ty::Website, "text")
        .hint("admin-hint-eg-wwwkyoto-uacjp-https"),
    text("identifiers.ror", "admin-field-ror-id")
        .hint("admin-hint-without-httpsrororg-eg-057zh3y96"),
    text("identifiers.erasmus", "admin-field-erasmus-code"),
    text("identifiers.schac", "admin-field-schac-code").hint("admin-hint-eg-kise"),
    text("identifiers.pic", "admin-field-pic"),
    text("identifiers.wikidata", "admin-field-wikidata-item").hint("admin-hint-eg-q7842"),
    text("identifiers.isni", "admin-field-isni"),
    text("identifiers.grid", "admin-field-grid-id"),
    typed(
        "established",
        "admin-field-year-established",
        Ty::Year,
        "text",
    ),
    markdown("notes", "admin-field-notes"),
    markdown("internal_notes", "admin-field-internal-notes")
        .hint("admin-hint-staff-only-never-shown"),
    VISIBILITY,
];

const PARTY_FIELDS: [Field; 3] = [
    picker(
        "organisation",
        "admin-field-organisation",
        Target::Organisation,
    )
    .required(),
    picker("unit", "admin-field-unit", Target::Unit),
    Field::new(
        "role",
        "admin-field-role",
        Kind::Select {
            options: party_roles,
            blank: None,
            default: Some("partner"),
        },
    ),
];

const CONDITION_FIELDS: [Field; 10] = [
    Field::new(
        "direction",
        "admin-field-direction",
        Kind::Select {
            options: directions,
            blank: Some("admin-choose"),
            default: None,
        },
    )
    .required(),
    Field::new(
        "mobility",
        "admin-field-mobility",
        Kind::Select {
            options: mobility_types,
            blank: Some("admin-choose"),
            default: None,
        },
    )
    .required(),
    typed(
        "places_per_year",
        "admin-field-places-a-year",
        Ty::Count,
        "text",
    ),
    typed(
        "months_per_year",
        "admin-field-months-a-year",
        Ty::Decimal,
        "text",
    )
    .hint("admin-hint-student-mobility"),
    typed(
        "days_per_year",
        "admin-field-days-a-year",
        Ty::Count,
        "text",
    )
    .hint("admin-hint-staff-mobility"),
    typed("eqf_level", "admin-field-eqf-level", Ty::Count, "text").hint("admin-hint-1-to-8"),
    typed(
        "subject_area",
        "admin-field-subject-area",
        Ty::Isced,
        "text",
    )
    .hint("admin-hint-a-fields-name-or"),
    typed("languages", "admin-field-languages", Ty::Skills, "text").hint("admin-hint-eg-en-b2-ja"),
    typed(
        "first_year",
        "admin-field-first-academic-year",
        Ty::Year,
        "text",
    ),
    typed(
        "last_year",
        "admin-field-last-academic-year",
        Ty::Year,
        "text",
    ),
];

/// The agreement form.
pub const AGREEMENT: &[Field] = &[
    ID,
    text("title", "admin-field-title").required(),
    select("kind", "admin-field-kind", agreement_kinds).required(),
    select("level", "admin-field-level-on-our-side", agreement_levels).required(),
    rows(
        "parties",
        "admin-field-parties",
        &PARTY_FIELDS,
        "admin-field-party",
    )
    .required()
    .hint("admin-hint-at-least-two-a"),
    picker(
        "home_unit",
        "admin-field-administered-by-home-unit",
        Target::Unit,
    )
    .hint("admin-hint-empty-for-central-agreements"),
    Field::new("signed", "admin-field-signed", Kind::Check)
        .hint("admin-hint-a-signing-date-implies"),
    date("signed_on", "admin-field-signed-on"),
    date("valid_from", "admin-field-valid-from"),
    date("valid_until", "admin-field-valid-until").hint("admin-hint-empty-when-open-ended"),
    date("terminated_on", "admin-field-terminated-on").hint("admin-hint-only-when-it-ended"),
    picker("renews", "admin-field-renews", Target::Agreement)
        .hint("admin-hint-the-agreement-this-one"),
    Field::new(
        "education_levels",
        "admin-field-for",
        Kind::Checks {
            options: education_levels,
        },
    ),
    lines("study_programmes", "admin-field-study-programmes"),
    codes(
        "subject_areas",
        "admin-field-subject-areas",
        Ty::Isced,
        "admin-hint-fields-by-name-or",
    ),
    lines("research_fields", "admin-field-research-fields"),
    rows(
        "conditions",
        "admin-field-mobility-conditions",
        &CONDITION_FIELDS,
        "admin-field-condition",
    ),
    many(
        "contacts",
        "admin-field-contacts",
        &CONTACT_ITEM,
        "admin-field-contact",
    ),
    markdown("notes", "admin-field-notes"),
    markdown("internal_notes", "admin-field-internal-notes")
        .hint("admin-hint-staff-only-never-shown"),
    Field::new("documents", "admin-field-documents", Kind::Documents),
    VISIBILITY,
];

/// The programme form.
pub const PROGRAMME: &[Field] = &[
    ID,
    text("title", "admin-field-title").required(),
    select("kind", "admin-field-kind", programme_kinds).required(),
    markdown("description", "admin-field-description"),
    many(
        "partners",
        "admin-field-partners",
        &ORG_ITEM,
        "admin-field-partner",
    )
    .required(),
    many(
        "units",
        "admin-field-administrative-bases",
        &UNIT_ITEM,
        "admin-field-unit",
    ),
    Field::new(
        "education_levels",
        "admin-field-for",
        Kind::Checks {
            options: education_levels,
        },
    ),
    text("recurrence", "admin-field-recurrence").hint("admin-hint-eg-annual"),
    many(
        "locations",
        "admin-field-held-at",
        &ORG_ITEM,
        "admin-field-location",
    ),
    picker("agreement", "admin-field-agreement", Target::Agreement)
        .hint("admin-hint-the-agreement-it-runs"),
    many(
        "contacts",
        "admin-field-contacts",
        &CONTACT_ITEM,
        "admin-field-contact",
    ),
    markdown("internal_notes", "admin-field-internal-notes")
        .hint("admin-hint-staff-only-never-shown"),
    VISIBILITY,
];

const DEADLINE_FIELDS: [Field; 2] = [
    typed("date", "admin-field-date", Ty::Date, "date").required(),
    Field::new("yearly", "admin-field-every-year", Kind::Check),
];

/// The funding opportunity form.
pub const FUNDING: &[Field] = &[
    ID,
    text("title", "admin-field-title").required(),
    select("kind", "admin-field-kind", funding_kinds).required(),
    picker("funder", "admin-field-funder", Target::Organisation),
    Field::new(
        "career_stages",
        "admin-field-for",
        Kind::Checks {
            options: career_stages,
        },
    ),
    codes(
        "destination_countries",
        "admin-field-destination-countries",
        Ty::Country,
        "admin-hint-country-codes-separated-by",
    ),
    markdown("eligibility", "admin-field-eligibility"),
    rows(
        "deadlines",
        "admin-field-deadlines",
        &DEADLINE_FIELDS,
        "admin-field-deadline",
    ),
    text("amount", "admin-field-amount").hint("admin-hint-as-text-eg-sek"),
    typed("url", "admin-field-link", Ty::Website, "text").hint("admin-hint-where-to-read-more"),
    picker("programme", "admin-field-programme", Target::Programme),
    picker("agreement", "admin-field-agreement", Target::Agreement),
    VISIBILITY,
];

/// The contact form.
pub const CONTACT: &[Field] = &[
    ID,
    text("name", "admin-field-name").required(),
    text("role", "admin-field-role").hint("admin-hint-eg-academic-coordinator-japan"),
    picker(
        "organisation",
        "admin-field-organisation",
        Target::Organisation,
    ),
    picker("unit", "admin-field-unit", Target::Unit),
    typed("email", "admin-field-e-mail", Ty::Str, "email"),
    typed("phone", "admin-field-phone", Ty::Str, "tel"),
    Field::new(
        "details_visibility",
        "admin-field-who-may-see-the-e",
        Kind::Select {
            options: visibilities,
            blank: None,
            default: None,
        },
    ),
    codes(
        "countries",
        "admin-field-countries-covered",
        Ty::Country,
        "admin-hint-country-codes-separated-by",
    ),
    many(
        "agreements",
        "admin-field-agreements-handled",
        &AGREEMENT_ITEM,
        "admin-field-agreement",
    ),
    many(
        "programmes",
        "admin-field-programmes-handled",
        &PROGRAMME_ITEM,
        "admin-field-programme",
    ),
    VISIBILITY,
];

/// The country page form (the editorial part).
pub const COUNTRY: &[Field] = &[
    typed(
        "collaboration_years",
        "admin-field-years-of-collaboration",
        Ty::Count,
        "text",
    )
    .hint("admin-hint-as-the-office-states"),
    lines("research_fields", "admin-field-most-active-research-fields"),
    many(
        "key_partners",
        "admin-field-key-partners",
        &ORG_ITEM,
        "admin-field-partner",
    ),
    many(
        "supporters",
        "admin-field-supporters",
        &ORG_ITEM,
        "admin-field-supporter",
    )
    .hint("admin-hint-organisations-that-support-the"),
    markdown("sections.intro", "admin-field-introduction"),
    markdown(
        "sections.education",
        "admin-field-bachelors-and-masters-education",
    ),
    markdown("sections.doctoral", "admin-field-doctoral-education"),
    markdown("sections.postdoc", "admin-field-postdoc"),
    markdown(
        "sections.funding",
        "admin-field-funding-scholarships-and-travel-grants",
    ),
];
