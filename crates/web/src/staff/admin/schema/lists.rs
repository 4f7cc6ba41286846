//! The fields of each form, in the order they are shown.

use super::*;

const VISIBILITY: Field = Field::new(
    "visibility",
    "Visibility",
    Kind::Select {
        options: visibilities,
        blank: None,
        default: None,
    },
)
.hint("Internal records are shown to staff only");
const ORG_ITEM: [Field; 1] = [picker("", "Organisation", Target::Organisation)];
const UNIT_ITEM: [Field; 1] = [picker("", "Unit", Target::Unit)];
const CONTACT_ITEM: [Field; 1] = [picker("", "Contact", Target::Contact)];
const AGREEMENT_ITEM: [Field; 1] = [picker("", "Agreement", Target::Agreement)];
const PROGRAMME_ITEM: [Field; 1] = [picker("", "Programme", Target::Programme)];
const ID: Field = typed("id", "Identifier", Ty::Slug, "text")
    .hint("Lowercase letters, digits and hyphens; left empty, it is made from the name. It cannot change later.");

const NAME_FIELDS: [Field; 3] = [
    text("value", "Name").required(),
    typed("lang", "Language", Ty::Lang, "text")
        .hint("BCP 47, e.g. en, ja, zh-Hant; empty when neutral"),
    Field::new(
        "kind",
        "Kind of name",
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
    select("kind", "Kind", organisation_kinds).required(),
    rows("names", "Names", &NAME_FIELDS, "Name").required(),
    optional_select("country", "Country", countries),
    text("city", "City"),
    typed("location", "Coordinates", Ty::Coordinates, "text").hint(
        "Latitude, longitude as a map gives them, e.g. 35.0262, 135.7808 or 35.0262 N, 135.7808 E",
    ),
    picker("parent", "Parent organisation", Target::Organisation)
        .hint("Only for units: the organisation it belongs to"),
    many("members", "Members", &ORG_ITEM, "Member").hint("Only for consortia"),
    typed("website", "Website", Ty::Website, "text")
        .hint("e.g. www.kyoto-u.ac.jp (https:// is added)"),
    text("identifiers.ror", "ROR id").hint("Without https://ror.org/, e.g. 057zh3y96"),
    text("identifiers.erasmus", "Erasmus code"),
    text("identifiers.schac", "SCHAC code").hint("e.g. ki.se"),
    text("identifiers.pic", "PIC"),
    text("identifiers.wikidata", "Wikidata item").hint("e.g. Q7842"),
    text("identifiers.isni", "ISNI"),
    text("identifiers.grid", "GRID id"),
    typed("established", "Year established", Ty::Year, "text"),
    markdown("notes", "Notes"),
    markdown("internal_notes", "Internal notes").hint("Staff only; never shown publicly"),
    VISIBILITY,
];

const PARTY_FIELDS: [Field; 3] = [
    picker("organisation", "Organisation", Target::Organisation).required(),
    picker("unit", "Unit", Target::Unit),
    Field::new(
        "role",
        "Role",
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
        "Direction",
        Kind::Select {
            options: directions,
            blank: Some("Choose…"),
            default: None,
        },
    )
    .required(),
    Field::new(
        "mobility",
        "Mobility",
        Kind::Select {
            options: mobility_types,
            blank: Some("Choose…"),
            default: None,
        },
    )
    .required(),
    typed("places_per_year", "Places a year", Ty::Count, "text"),
    typed("months_per_year", "Months a year", Ty::Decimal, "text").hint("Student mobility"),
    typed("days_per_year", "Days a year", Ty::Count, "text").hint("Staff mobility"),
    typed("eqf_level", "EQF level", Ty::Count, "text").hint("1 to 8"),
    typed("subject_area", "Subject area", Ty::Isced, "text")
        .hint("A field's name or ISCED-F code, e.g. nursing or 0913"),
    typed("languages", "Languages", Ty::Skills, "text").hint("e.g. en B2, ja; may stay empty"),
    typed("first_year", "First academic year", Ty::Year, "text"),
    typed("last_year", "Last academic year", Ty::Year, "text"),
];

/// The agreement form.
pub const AGREEMENT: &[Field] = &[
    ID,
    text("title", "Title").required(),
    select("kind", "Kind", agreement_kinds).required(),
    select("level", "Level on our side", agreement_levels).required(),
    rows("parties", "Parties", &PARTY_FIELDS, "Party")
        .required()
        .hint("At least two; a consortium counts as one party"),
    picker("home_unit", "Administered by (home unit)", Target::Unit)
        .hint("Empty for central agreements"),
    Field::new("signed", "Signed", Kind::Check).hint("A signing date implies it"),
    date("signed_on", "Signed on"),
    date("valid_from", "Valid from"),
    date("valid_until", "Valid until").hint("Empty when open-ended; YYYY, YYYY-MM or YYYY-MM-DD"),
    date("terminated_on", "Terminated on").hint("Only when it ended early"),
    picker("renews", "Renews", Target::Agreement).hint("The agreement this one renews"),
    Field::new(
        "education_levels",
        "For",
        Kind::Checks {
            options: education_levels,
        },
    ),
    lines("study_programmes", "Study programmes"),
    codes(
        "subject_areas",
        "Subject areas",
        Ty::Isced,
        "Fields by name or ISCED-F code, separated by commas, e.g. nursing, 0915",
    ),
    lines("research_fields", "Research fields"),
    rows(
        "conditions",
        "Mobility conditions",
        &CONDITION_FIELDS,
        "Condition",
    ),
    many("contacts", "Contacts", &CONTACT_ITEM, "Contact"),
    markdown("notes", "Notes"),
    markdown("internal_notes", "Internal notes").hint("Staff only; never shown publicly"),
    Field::new("documents", "Documents", Kind::Documents),
    VISIBILITY,
];

/// The programme form.
pub const PROGRAMME: &[Field] = &[
    ID,
    text("title", "Title").required(),
    select("kind", "Kind", programme_kinds).required(),
    markdown("description", "Description"),
    many("partners", "Partners", &ORG_ITEM, "Partner").required(),
    many("units", "Administrative bases", &UNIT_ITEM, "Unit"),
    Field::new(
        "education_levels",
        "For",
        Kind::Checks {
            options: education_levels,
        },
    ),
    text("recurrence", "Recurrence").hint("e.g. annual"),
    many("locations", "Held at", &ORG_ITEM, "Location"),
    picker("agreement", "Agreement", Target::Agreement).hint("The agreement it runs under"),
    many("contacts", "Contacts", &CONTACT_ITEM, "Contact"),
    markdown("internal_notes", "Internal notes").hint("Staff only; never shown publicly"),
    VISIBILITY,
];

const DEADLINE_FIELDS: [Field; 2] = [
    typed("date", "Date", Ty::Date, "date").required(),
    Field::new("yearly", "Every year", Kind::Check),
];

/// The funding opportunity form.
pub const FUNDING: &[Field] = &[
    ID,
    text("title", "Title").required(),
    select("kind", "Kind", funding_kinds).required(),
    picker("funder", "Funder", Target::Organisation),
    Field::new(
        "career_stages",
        "For",
        Kind::Checks {
            options: career_stages,
        },
    ),
    codes(
        "destination_countries",
        "Destination countries",
        Ty::Country,
        "Country codes separated by commas, e.g. JP, KR",
    ),
    markdown("eligibility", "Eligibility"),
    rows("deadlines", "Deadlines", &DEADLINE_FIELDS, "Deadline"),
    text("amount", "Amount").hint("As text, e.g. SEK 30 000 a month"),
    typed("url", "Link", Ty::Website, "text")
        .hint("Where to read more and apply, e.g. www.jsps.go.jp"),
    picker("programme", "Programme", Target::Programme),
    picker("agreement", "Agreement", Target::Agreement),
    VISIBILITY,
];

/// The contact form.
pub const CONTACT: &[Field] = &[
    ID,
    text("name", "Name").required(),
    text("role", "Role").hint("e.g. Academic coordinator Japan"),
    picker("organisation", "Organisation", Target::Organisation),
    picker("unit", "Unit", Target::Unit),
    typed("email", "E-mail", Ty::Str, "email"),
    typed("phone", "Phone", Ty::Str, "tel"),
    Field::new(
        "details_visibility",
        "Who may see the e-mail and phone",
        Kind::Select {
            options: visibilities,
            blank: None,
            default: None,
        },
    ),
    codes(
        "countries",
        "Countries covered",
        Ty::Country,
        "Country codes separated by commas, e.g. JP, KR",
    ),
    many(
        "agreements",
        "Agreements handled",
        &AGREEMENT_ITEM,
        "Agreement",
    ),
    many(
        "programmes",
        "Programmes handled",
        &PROGRAMME_ITEM,
        "Programme",
    ),
    VISIBILITY,
];

/// The country page form (the editorial part).
pub const COUNTRY: &[Field] = &[
    typed(
        "collaboration_years",
        "Years of collaboration",
        Ty::Count,
        "text",
    )
    .hint("As the office states it, e.g. 40"),
    lines("research_fields", "Most active research fields"),
    many("key_partners", "Key partners", &ORG_ITEM, "Partner"),
    many("supporters", "Supporters", &ORG_ITEM, "Supporter")
        .hint("Organisations that support the collaboration from elsewhere, e.g. an embassy"),
    markdown("sections.intro", "Introduction"),
    markdown("sections.education", "Bachelor's and master's education"),
    markdown("sections.doctoral", "Doctoral education"),
    markdown("sections.postdoc", "Postdoc"),
    markdown(
        "sections.funding",
        "Funding, scholarships and travel grants",
    ),
];
