//! The home institution's factsheet for incoming students: when nominations
//! and applications must arrive, how soon decisions and transcripts follow,
//! what else is required, and whom to ask about accessibility, housing,
//! visas and insurance. It is what the EWP Factsheet API v1 serves, so every
//! part that API requires is required here too.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ValidationErrors;
use crate::month_day::MonthDay;
use crate::text::{check_email_address, check_web_address, text_problems};

/// The one factsheet's id in storage: there is one, the home institution's.
pub const FACTSHEET_ID: &str = "home";

/// The most weeks a decision or a transcript may be promised in (EWP asks
/// for at most 5; a year is the limit of a sensible promise).
pub const MAX_WEEKS: u32 = 52;

/// A deadline for each term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TermDates {
    /// For the autumn term.
    pub autumn: MonthDay,
    /// For the spring term.
    pub spring: MonthDay,
}

/// Where to ask: EWP's `InformationEntry` (an e-mail address, a phone number
/// and a web page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Information {
    /// The mailbox to write to.
    pub email: String,
    /// A phone number, best with the country code (`+46 8 524 800 00`).
    #[serde(default)]
    pub phone: Option<String>,
    /// The web page that says more.
    pub website: String,
}

/// Something incoming students must send or know. EWP names some that
/// are sent as documents ("Motivation letter", "Transcript of Records",
/// "Language certificate", "Reference letter", "Portfolio", "CV", "Other document").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// What is required.
    pub name: String,
    /// What exactly (language, level, format).
    pub details: String,
    /// A page that explains it.
    #[serde(default)]
    pub website: Option<String>,
}

crate::enums::vocabulary!(
    /// What kind of support for students with special needs an entry is.
    AccessibilityKind, "accessibility kind" {
        Infrastructure => "infrastructure", Service => "service",
    }
);

/// Support for students with special needs, with whom to ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// A building's access or a service.
    pub kind: AccessibilityKind,
    /// Its name, e.g. "Office for students with disabilities".
    pub name: String,
    /// What it offers.
    #[serde(default)]
    pub description: Option<String>,
    /// Where to ask.
    pub information: Information,
}

/// Any other topic with whom to ask, e.g. "Recognition process".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdditionalInfo {
    /// The topic.
    pub topic: String,
    /// Where to ask.
    pub information: Information,
}

/// The home institution's factsheet for incoming exchange students.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Factsheet {
    /// When partners' nominations must reach us, per term.
    pub nominations: TermDates,
    /// When nominated students' applications must reach us, per term.
    pub applications: TermDates,
    /// Weeks within which we decide on an application.
    pub decision_weeks: u32,
    /// Weeks within which we issue the Transcript of Records.
    pub tor_weeks: u32,
    /// Whom to ask about applying.
    pub application: Information,
    /// What students must send or know besides.
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// Support for students with special needs.
    #[serde(default)]
    pub accessibility: Vec<Accessibility>,
    /// Whom to ask about housing.
    pub housing: Information,
    /// Whom to ask about visas.
    pub visa: Information,
    /// Whom to ask about insurance.
    pub insurance: Information,
    /// Other topics.
    #[serde(default)]
    pub additional_info: Vec<AdditionalInfo>,
    /// Set by storage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl Factsheet {
    /// Every problem at once, each at its field's path (`housing.email`,
    /// `accessibility[0].information.website`).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let doc = serde_json::to_value(self).unwrap_or_default();
        // Every text is one line: EWP partners show them as such.
        let mut errors = text_problems(&doc, &[]);
        for (field, weeks) in [
            ("decision_weeks", self.decision_weeks),
            ("tor_weeks", self.tor_weeks),
        ] {
            if weeks == 0 || weeks > MAX_WEEKS {
                errors.add(
                    field,
                    format!("give a number of weeks from 1 to {MAX_WEEKS}"),
                );
            }
        }
        information("application", &self.application, &mut errors);
        information("housing", &self.housing, &mut errors);
        information("visa", &self.visa, &mut errors);
        information("insurance", &self.insurance, &mut errors);
        for (i, r) in self.requirements.iter().enumerate() {
            let at = format!("requirements[{i}]");
            required(
                &format!("{at}.name"),
                &r.name,
                "the requirement",
                &mut errors,
            );
            required(
                &format!("{at}.details"),
                &r.details,
                "what is required",
                &mut errors,
            );
            if let Some(site) = &r.website {
                link(&format!("{at}.website"), site, &mut errors);
            }
        }
        for (i, a) in self.accessibility.iter().enumerate() {
            let at = format!("accessibility[{i}]");
            required(
                &format!("{at}.name"),
                &a.name,
                "the support's name",
                &mut errors,
            );
            information(&format!("{at}.information"), &a.information, &mut errors);
        }
        for (i, x) in self.additional_info.iter().enumerate() {
            let at = format!("additional_info[{i}]");
            required(&format!("{at}.topic"), &x.topic, "the topic", &mut errors);
            information(&format!("{at}.information"), &x.information, &mut errors);
        }
        errors
            .0
            .dedup_by(|a, b| a.field == b.field && a.message == b.message);
        errors.into_result()
    }
}

fn required(field: &str, value: &str, what: &str, errors: &mut ValidationErrors) {
    if value.trim().is_empty() {
        errors.add(field, format!("give {what}"));
    }
}

fn link(field: &str, value: &str, errors: &mut ValidationErrors) {
    if let Err(message) = check_web_address(value) {
        errors.add(field, message);
    }
}

/// An e-mail address, a web page and, when given, a phone number.
fn information(at: &str, info: &Information, errors: &mut ValidationErrors) {
    if info.email.trim().is_empty() {
        errors.add(format!("{at}.email"), "give the e-mail address");
    } else if let Err(message) = check_email_address(&info.email) {
        errors.add(format!("{at}.email"), message);
    }
    if info.website.trim().is_empty() {
        errors.add(format!("{at}.website"), "give the web page");
    } else {
        link(&format!("{at}.website"), &info.website, errors);
    }
    if let Some(phone) = &info.phone
        && let Err(message) = check_phone(phone)
    {
        errors.add(format!("{at}.phone"), message);
    }
}

/// A phone number as people write them: digits, with `+`, blanks, hyphens,
/// dots, slashes and parentheses between them.
pub fn check_phone(phone: &str) -> Result<(), String> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = |c: char| c.is_ascii_digit() || " +-./()".contains(c);
    if phone.chars().all(allowed) && (3..=20).contains(&digits) {
        Ok(())
    } else {
        Err(
            "this is not a phone number (like +46 8 524 800 00): use digits, spaces and + ( ) -"
                .to_owned(),
        )
    }
}

/// A complete factsheet (Karolinska Institutet's addresses, invented dates),
/// for the tests of every crate.
#[doc(hidden)]
pub fn example() -> Factsheet {
    let info = |email: &str, website: &str| Information {
        email: email.to_owned(),
        phone: Some("+46 8 524 800 00".to_owned()),
        website: website.to_owned(),
    };
    let day = |m, d| MonthDay::new(m, d).expect("a day of the year");
    Factsheet {
        nominations: TermDates {
            autumn: day(4, 15),
            spring: day(10, 1),
        },
        applications: TermDates {
            autumn: day(5, 1),
            spring: day(10, 15),
        },
        decision_weeks: 5,
        tor_weeks: 5,
        application: info("incoming@ki.se", "https://ki.se/en/incoming"),
        requirements: vec![Requirement {
            name: "Language certificate".to_owned(),
            details: "English B2".to_owned(),
            website: None,
        }],
        accessibility: vec![Accessibility {
            kind: AccessibilityKind::Service,
            name: "Funka".to_owned(),
            description: None,
            information: info("funka@ki.se", "https://ki.se/funka"),
        }],
        housing: info("housing@ki.se", "https://ki.se/housing"),
        visa: info("visa@ki.se", "https://www.migrationsverket.se/"),
        insurance: info("insurance@ki.se", "https://ki.se/insurance"),
        additional_info: vec![AdditionalInfo {
            topic: "Recognition".to_owned(),
            information: info("recognition@ki.se", "https://ki.se/recognition"),
        }],
        updated_at: None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn sample() -> serde_json::Value {
        serde_json::to_value(example()).unwrap()
    }

    #[test]
    fn a_complete_factsheet_is_valid() {
        let sheet: Factsheet = serde_json::from_value(sample()).unwrap();
        assert_eq!(sheet.validate(), Ok(()));
        assert_eq!(sheet.nominations.autumn.words(), "15 April");
    }

    #[test]
    fn every_problem_is_named_at_its_field_at_once() {
        let mut doc = sample();
        doc["decision_weeks"] = json!(0);
        doc["tor_weeks"] = json!(60);
        doc["application"]["email"] = json!("incoming at ki.se");
        doc["housing"]["website"] = json!("ki.se/housing");
        doc["visa"]["phone"] = json!("call us");
        doc["insurance"]["email"] = json!("");
        doc["requirements"][0]["details"] = json!(" ");
        doc["requirements"][0]["website"] = json!("javascript:alert(1)");
        doc["accessibility"][0]["information"]["website"] = json!("");
        doc["additional_info"][0]["topic"] = json!("two\nlines");
        let sheet: Factsheet = serde_json::from_value(doc).unwrap();
        let errors = sheet.validate().unwrap_err();
        let mut fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "accessibility[0].information.website",
                "additional_info[0].topic",
                "application.email",
                "decision_weeks",
                "housing.website",
                "insurance.email",
                "requirements[0].details",
                "requirements[0].website",
                "tor_weeks",
                "visa.phone",
            ],
            "{errors}"
        );
    }

    #[test]
    fn deadlines_are_days_of_the_year_and_unknown_fields_are_refused() {
        let mut doc = sample();
        doc["nominations"]["autumn"] = json!("--02-30");
        assert!(serde_json::from_value::<Factsheet>(doc).is_err());
        let mut doc = sample();
        doc["colour"] = json!("red");
        assert!(serde_json::from_value::<Factsheet>(doc).is_err());
    }

    #[test]
    fn phones_are_digits_with_the_usual_separators() {
        for good in [
            "+46 8 524 800 00",
            "08-524 800 00",
            "(+81) 3.1234.5678",
            "112",
        ] {
            assert_eq!(check_phone(good), Ok(()), "{good}");
        }
        for bad in ["call us", "12", "+46 8 524 800 00 ext. 3", "１２３４"] {
            assert!(check_phone(bad).is_err(), "{bad}");
        }
    }
}
