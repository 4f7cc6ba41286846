//! The columns of each collection read into the record's fields.

use kizuna_domain::{
    AgreementKind, AgreementLevel, CareerStage, Collection, Deadline, EducationLevel, FundingKind,
    IscedCode, ProgrammeKind, Visibility,
};
use serde_json::Value;

use super::common_columns::{notes, org_refs, record_refs, url};
use super::context::Context;
use super::row::{Empty, RowBuild, codes, countries, line, multiline, phrases, word, words};
use super::table::Cell;
use super::values::{one_line, parse_bool, parse_date, split_list};
use crate::Message;

/// Reads every column of `row` into its record.
pub fn build(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    match ctx.collection {
        Collection::Organisations => super::organisation_columns::organisation(ctx, row),
        Collection::Agreements => agreement(ctx, row),
        Collection::Programmes => programme(ctx, row),
        Collection::Funding => funding(ctx, row),
        Collection::Contacts => contact(ctx, row),
    }
    row.put(
        &["visibility"],
        "visibility",
        Empty::Keep,
        word::<Visibility>,
    );
}

fn agreement(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    row.put(&["title"], "title", Empty::Keep, line);
    row.put(&["kind"], "kind", Empty::Keep, word::<AgreementKind>);
    row.put(&["level"], "level", Empty::Keep, word::<AgreementLevel>);
    row.put(&["home_unit"], "home_unit", Empty::Clear, |c| {
        ctx.org_ref(&c.as_text())
    });
    if let Some(cell) = row.value("signed").cloned() {
        match (parse_bool(&cell), parse_date(&cell)) {
            (Ok(signed), _) => row.set(&["signed"], Value::Bool(signed)),
            (Err(_), Ok(date)) => {
                row.set(&["signed"], Value::Bool(true));
                if row.value("signed_on").is_none() {
                    row.set(&["signed_on"], Value::String(date.to_string()));
                }
            }
            (Err(e), Err(_)) => row.error("signed", e),
        }
    } else if row.cell("signed").is_some() {
        row.set(&["signed"], Value::Bool(false));
    }
    for field in ["signed_on", "valid_from", "valid_until", "terminated_on"] {
        row.put(&[field], field, Empty::Clear, parse_date);
    }
    row.put(&["renews"], "renews", Empty::Clear, |c| {
        ctx.record_ref(Collection::Agreements, &c.as_text())
    });
    row.put(
        &["education_levels"],
        "education_levels",
        Empty::List,
        words::<EducationLevel>,
    );
    row.put(
        &["study_programmes"],
        "study_programmes",
        Empty::List,
        phrases,
    );
    row.put(
        &["subject_areas"],
        "subject_areas",
        Empty::List,
        codes::<IscedCode>,
    );
    row.put(
        &["research_fields"],
        "research_fields",
        Empty::List,
        phrases,
    );
    row.put(&["contacts"], "contacts", Empty::List, |c| {
        record_refs(ctx, Collection::Contacts, c)
    });
    notes(row);
    super::partners::parties(ctx, row);
    super::conditions::read(row);
}

fn programme(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    row.put(&["title"], "title", Empty::Keep, line);
    row.put(&["kind"], "kind", Empty::Keep, word::<ProgrammeKind>);
    row.put(&["description"], "description", Empty::Clear, multiline);
    for field in ["partners", "units", "locations"] {
        row.put(&[field], field, Empty::List, |c| org_refs(ctx, c));
    }
    row.put(
        &["education_levels"],
        "education_levels",
        Empty::List,
        words::<EducationLevel>,
    );
    row.put(&["recurrence"], "recurrence", Empty::Clear, line);
    row.put(&["agreement"], "agreement", Empty::Clear, |c| {
        ctx.record_ref(Collection::Agreements, &c.as_text())
    });
    row.put(&["contacts"], "contacts", Empty::List, |c| {
        record_refs(ctx, Collection::Contacts, c)
    });
    row.put(
        &["internal_notes"],
        "internal_notes",
        Empty::Clear,
        multiline,
    );
}

/// Reads `2027-03-15 (yearly); 2027-09-01`.
fn deadlines(cell: &Cell) -> Result<Vec<Deadline>, Message> {
    let mut out = Vec::new();
    for item in split_list(cell, false) {
        let lower = item.to_lowercase();
        let yearly = ["yearly", "annually", "every year", "årligen", "varje år"]
            .iter()
            .any(|w| lower.contains(w));
        let date = item.split(['(', ' ']).next().unwrap_or_default();
        match parse_date(&Cell::text(date)) {
            Ok(kizuna_domain::PartialDate::Day(date)) => out.push(Deadline { date, yearly }),
            _ => {
                let english = format!(
                    "`{item}` is not a deadline (write 2027-03-15, or 2027-03-15 (yearly))"
                );
                return Err(Message::coded(
                    "not-a-deadline",
                    &[("value", &item)],
                    english,
                ));
            }
        }
    }
    Ok(out)
}

fn funding(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    row.put(&["title"], "title", Empty::Keep, line);
    row.put(&["kind"], "kind", Empty::Keep, word::<FundingKind>);
    row.put(&["funder"], "funder", Empty::Clear, |c| {
        ctx.org_ref(&c.as_text())
    });
    row.put(
        &["career_stages"],
        "career_stages",
        Empty::List,
        words::<CareerStage>,
    );
    row.put(
        &["destination_countries"],
        "destination_countries",
        Empty::List,
        countries,
    );
    row.put(&["eligibility"], "eligibility", Empty::Clear, multiline);
    row.put(&["deadlines"], "deadlines", Empty::List, deadlines);
    row.put(&["amount"], "amount", Empty::Clear, line);
    row.put(&["url"], "url", Empty::Clear, url);
    row.put(&["programme"], "programme", Empty::Clear, |c| {
        ctx.record_ref(Collection::Programmes, &c.as_text())
    });
    row.put(&["agreement"], "agreement", Empty::Clear, |c| {
        ctx.record_ref(Collection::Agreements, &c.as_text())
    });
}

fn contact(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    row.put(&["name"], "name", Empty::Keep, line);
    row.put(&["role"], "role", Empty::Clear, line);
    row.put(&["organisation"], "organisation", Empty::Clear, |c| {
        ctx.org_ref(&c.as_text())
    });
    row.put(&["unit"], "unit", Empty::Clear, |c| {
        ctx.org_ref(&c.as_text())
    });
    row.put(&["email"], "email", Empty::Clear, |c| {
        Ok(one_line(&c.as_text()))
    });
    row.put(&["phone"], "phone", Empty::Clear, line);
    row.put(
        &["details_visibility"],
        "details_visibility",
        Empty::Keep,
        word::<Visibility>,
    );
    row.put(&["countries"], "countries", Empty::List, countries);
    row.put(&["agreements"], "agreements", Empty::List, |c| {
        record_refs(ctx, Collection::Agreements, c)
    });
    row.put(&["programmes"], "programmes", Empty::List, |c| {
        record_refs(ctx, Collection::Programmes, c)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_read_yearly_and_once() {
        let deadlines = deadlines(&Cell::text("2027-03-15 (yearly); 01/09/2027")).unwrap();
        assert!(deadlines[0].yearly && !deadlines[1].yearly);
    }
}
