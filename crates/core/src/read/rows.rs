//! Rows of lists and links between records, as pages and feeds show them.
//! Plain serialisable structs, so templates stay logic-free.

use serde::Serialize;

/// A link to an organisation with what a reader needs to recognise it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OrgRef {
    /// Id.
    pub id: String,
    /// The name in the reader's language where the record has one, else the display name.
    pub name: String,
    /// The language `name` is in, when the record says.
    pub name_lang: Option<String>,
    /// Whether `name` is the record's name in the reader's language rather
    /// than its display name (which is then the first of `alt_names`).
    pub translated: bool,
    /// Acronym, if any.
    pub acronym: Option<String>,
    /// Names in other languages, e.g. 東京大学 beside "The University of Tokyo".
    pub other_names: Vec<String>,
    /// The same names with their languages, for `lang` attributes.
    pub alt_names: Vec<AltName>,
    /// Kind word.
    pub kind: String,
    /// Country code.
    pub country: Option<String>,
    /// Country name.
    pub country_name: Option<String>,
    /// City.
    pub city: Option<String>,
    /// The parent's display name, for units.
    pub parent_name: Option<String>,
}

/// A name in another language than the one shown first.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AltName {
    /// The name.
    pub value: String,
    /// Its BCP 47 language, when the record says.
    pub lang: Option<String>,
}

/// A link to any record by id and title.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Link {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
}

/// An agreement as a row of a list.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind word.
    pub kind: String,
    /// Level word.
    pub level: String,
    /// Derived status word.
    pub status: String,
    /// Parties other than the home side.
    pub partners: Vec<OrgRef>,
    /// Every party.
    pub parties: Vec<OrgRef>,
    /// Administering home unit.
    pub home_unit: Option<OrgRef>,
    /// Signing date as known.
    pub signed_on: Option<String>,
    /// Start.
    pub valid_from: Option<String>,
    /// End.
    pub valid_until: Option<String>,
    /// Education level words.
    pub education_levels: Vec<String>,
    /// Study programmes.
    pub study_programmes: Vec<String>,
    /// ISCED codes.
    pub subject_areas: Vec<String>,
    /// Research fields.
    pub research_fields: Vec<String>,
    /// The agreement it renews.
    pub renews: Option<Link>,
    /// The agreement that renewed it.
    pub renewed_by: Option<Link>,
}

/// A programme as a row of a list.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind word.
    pub kind: String,
    /// Markdown description.
    pub description: Option<String>,
    /// Partners.
    pub partners: Vec<OrgRef>,
    /// Administrative units.
    pub units: Vec<OrgRef>,
    /// Where it takes place.
    pub locations: Vec<OrgRef>,
    /// Education level words.
    pub education_levels: Vec<String>,
    /// How often.
    pub recurrence: Option<String>,
    /// Agreement it runs under.
    pub agreement: Option<Link>,
}

/// A deadline with its next occurrence.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineView {
    /// The date as recorded.
    pub date: String,
    /// Repeats every year.
    pub yearly: bool,
    /// Next occurrence from today, if any.
    pub next: Option<String>,
}

/// A funding opportunity as a row of a list.
#[derive(Debug, Clone, Serialize)]
pub struct FundingRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind word.
    pub kind: String,
    /// Funder.
    pub funder: Option<OrgRef>,
    /// Career stage words.
    pub career_stages: Vec<String>,
    /// Destination country codes.
    pub destination_countries: Vec<String>,
    /// Markdown eligibility.
    pub eligibility: Option<String>,
    /// Deadlines.
    pub deadlines: Vec<DeadlineView>,
    /// Amount.
    pub amount: Option<String>,
    /// Link to apply.
    pub url: Option<String>,
    /// Programme it belongs to.
    pub programme: Option<Link>,
    /// Agreement it belongs to.
    pub agreement: Option<Link>,
}

/// A contact person.
#[derive(Debug, Clone, Serialize)]
pub struct ContactRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Option<String>,
    /// Employer.
    pub organisation: Option<OrgRef>,
    /// Unit.
    pub unit: Option<OrgRef>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Countries covered (codes).
    pub countries: Vec<String>,
    /// Agreements handled.
    pub agreements: Vec<Link>,
    /// Programmes handled.
    pub programmes: Vec<Link>,
}
