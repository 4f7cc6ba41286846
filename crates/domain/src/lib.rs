//! Kizuna's domain: the registry's records, their values and rules.
//!
//! Everything here is pure: no I/O, no knowledge of storage or the web.
//! Values are parsed at the edge (serde or `FromStr`) and refuse to exist
//! when invalid, so the rest of the program can trust them.

pub mod account;
pub mod agreement;
pub mod contact;
pub mod countries;
pub mod country;
pub mod dataset;
pub mod entity;
pub mod enums;
pub mod error;
pub mod ewp;
mod ewp_approval;
pub mod factsheet;
pub mod funding;
pub mod isced;
pub mod lenient;
pub mod month_day;
pub mod names;
pub mod organisation;
pub mod programme;
pub mod rules;
pub mod sign_on;
pub mod status;
pub mod text;
pub mod values;

pub use account::{Action, Email, Role, User};
pub use agreement::{Agreement, AgreementStatus, DocumentRef, MobilityCondition, Party};
pub use contact::Contact;
pub use country::{CountryProfile, CountrySections};
pub use dataset::Dataset;
pub use entity::{ChangeKind, Collection, Entity, RecordSet};
pub use enums::*;
pub use error::{FieldError, Problem, ValidationErrors};
pub use ewp::{EwpExchange, EwpFacts, EwpState, OurApproval, PartnerApproval, PartnerCopy};
pub use factsheet::{
    Accessibility, AccessibilityKind, AdditionalInfo, Factsheet, Information, Requirement,
    TermDates,
};
pub use funding::{Deadline, FundingOpportunity};
pub use lenient::Coordinates;
pub use month_day::MonthDay;
pub use names::{NamesFor, ShownName};
pub use organisation::{Identifiers, Location, Name, Organisation};
pub use programme::Programme;
pub use status::{Renewal, StatusContext};
pub use text::TextKind;
pub use values::{CountryCode, IscedCode, LanguageTag, PartialDate, Slug};
