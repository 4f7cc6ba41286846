//! The home institution's factsheet as the EWP Mobility Factsheet API v1
//! serves it: one `<factsheet>` per `hei_id` asked that this node covers
//! (only the home institution, and only once its factsheet is written).

use std::io;

use kizuna_core::Snapshot;
use kizuna_domain::{Factsheet, Information, TermDates};
use quick_xml::Writer;

use super::model::Phone;
use super::node::{document_with, home_hei, text};
use super::write::PHONE_NS;

/// Namespace of the Factsheet v1 response.
pub const FACTSHEET_NS: &str =
    "https://github.com/erasmus-without-paper/ewp-specs-api-factsheet/tree/stable-v1";

/// The version of the Factsheet API served (`specs/ewp` holds its schemas).
pub const FACTSHEET_VERSION: &str = "1.2.0";

type Xml = Writer<Vec<u8>>;

/// The `factsheet-response` for the `hei_ids` asked: the home institution's
/// factsheet when one of them names it and it is written, else no factsheet.
pub fn factsheet_response(snapshot: &Snapshot, hei_ids: &[String]) -> String {
    let served = home_hei(snapshot)
        .filter(|hei| hei_ids.contains(hei))
        .zip(snapshot.factsheet.as_ref());
    let namespaces = [("xmlns", FACTSHEET_NS), ("xmlns:p", PHONE_NS)];
    document_with("factsheet-response", &namespaces, |w| {
        let Some((hei, sheet)) = served else {
            return Ok(());
        };
        w.create_element("factsheet")
            .write_inner_content(|w| write_factsheet(w, &hei, sheet))?;
        Ok(())
    })
}

fn write_factsheet(w: &mut Xml, hei: &str, sheet: &Factsheet) -> io::Result<()> {
    text(w, "hei-id", hei)?;
    w.create_element("calendar").write_inner_content(|w| {
        terms(w, "student-nominations", &sheet.nominations)?;
        terms(w, "student-applications", &sheet.applications)
    })?;
    information(w, "application-info", &sheet.application)?;
    for r in &sheet.requirements {
        w.create_element("additional-requirement")
            .write_inner_content(|w| {
                text(w, "name", &r.name)?;
                text(w, "details", &r.details)?;
                if let Some(site) = &r.website {
                    text(w, "information-website", site)?;
                }
                Ok(())
            })?;
    }
    text(w, "decision-weeks-limit", &sheet.decision_weeks.to_string())?;
    text(w, "tor-weeks-limit", &sheet.tor_weeks.to_string())?;
    for a in &sheet.accessibility {
        w.create_element("accessibility").write_inner_content(|w| {
            text(w, "type", a.kind.as_str())?;
            text(w, "name", &a.name)?;
            if let Some(description) = &a.description {
                text(w, "description", description)?;
            }
            information(w, "information", &a.information)
        })?;
    }
    information(w, "housing-info", &sheet.housing)?;
    information(w, "visa-info", &sheet.visa)?;
    information(w, "insurance-info", &sheet.insurance)?;
    for x in &sheet.additional_info {
        w.create_element("additional-info")
            .write_inner_content(|w| {
                text(w, "type", &x.topic)?;
                information(w, "info", &x.information)
            })?;
    }
    Ok(())
}

fn terms(w: &mut Xml, name: &str, dates: &TermDates) -> io::Result<()> {
    w.create_element(name).write_inner_content(|w| {
        text(w, "autumn-term", &dates.autumn.to_string())?;
        text(w, "spring-term", &dates.spring.to_string())
    })?;
    Ok(())
}

/// EWP's `InformationEntry`: the phone element is required, its parts are
/// not, so a factsheet without a number says so with an empty one.
fn information(w: &mut Xml, name: &str, info: &Information) -> io::Result<()> {
    w.create_element(name).write_inner_content(|w| {
        text(w, "email", &info.email)?;
        let phone = w.create_element("p:phone-number");
        match info.phone.as_deref().map(Phone::parse) {
            Some(Phone::E164(n)) => phone.write_inner_content(|w| text(w, "p:e164", &n))?,
            Some(Phone::Other(n)) => {
                phone.write_inner_content(|w| text(w, "p:other-format", &n))?
            }
            None => phone.write_empty()?,
        };
        text(w, "website-url", &info.website)
    })?;
    Ok(())
}
