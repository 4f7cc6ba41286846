//! The columns of each collection read into the record's fields.

use kizuna_domain::{
    AgreementKind, AgreementLevel, CareerStage, Collection, Deadline, EducationLevel, FundingKind,
    IscedCode, Name, NameKind, OrganisationKind, ProgrammeKind, Slug, Visibility,
};
use serde_json::Value;

use super::context::Context;
use super::row::{
    Empty, RowBuild, codes, countries, country, integer, line, multiline, number, phrases, word,
    words,
};
use super::table::Cell;
use super::values::{
    normalise_erasmus, normalise_ror, one_line, parse_bool, parse_date, parse_pic, split_list,
};
use crate::Message;

/// Reads every column of `row` into its record.
pub fn build(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    match ctx.collection {
        Collection::Organisations => organisation(ctx, row),
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

fn org_refs(ctx: &Context<'_>, cell: &Cell) -> Result<Vec<Slug>, Message> {
    split_list(cell, false)
        .iter()
        .map(|t| ctx.org_ref(t))
        .collect()
}

fn record_refs(
    ctx: &Context<'_>,
    collection: Collection,
    cell: &Cell,
) -> Result<Vec<Slug>, Message> {
    (split_list(cell, false).iter())
        .map(|t| ctx.record_ref(collection, t))
        .collect()
}

/// A web address; `www.example.org` gets its `https://`.
fn url(cell: &Cell) -> Result<String, Message> {
    let text = one_line(&cell.as_text());
    if text.contains("://") || text.contains(' ') || !text.contains('.') {
        Ok(text)
    } else {
        Ok(format!("https://{text}"))
    }
}

fn organisation(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
    if row.stored.is_none() && row.get(&["kind"]).is_none() && row.value("kind").is_none() {
        row.set(
            &["kind"],
            Value::String(OrganisationKind::Education.to_string()),
        );
    }
    row.put(&["kind"], "kind", Empty::Keep, word::<OrganisationKind>);
    row.put(&["names"], "names", Empty::Keep, names);
    if let Some(name) = row.text("name") {
        set_display_name(row, name);
    }
    row.put(&["country"], "country", Empty::Clear, country);
    row.put(&["city"], "city", Empty::Clear, line);
    location(row);
    row.put(&["parent"], "parent", Empty::Clear, |c| {
        ctx.org_ref(&c.as_text())
    });
    row.put(&["members"], "members", Empty::List, |c| org_refs(ctx, c));
    row.put(&["website"], "website", Empty::Clear, url);
    let ids = |key: &'static str| ["identifiers", key];
    row.put(&ids("ror"), "ror", Empty::Clear, |c| {
        normalise_ror(&c.as_text())
    });
    row.put(&ids("erasmus"), "erasmus", Empty::Clear, |c| {
        normalise_erasmus(&c.as_text())
    });
    row.put(&ids("pic"), "pic", Empty::Clear, parse_pic);
    row.put(&ids("schac"), "schac", Empty::Clear, |c| {
        Ok(one_line(&c.as_text()).to_lowercase())
    });
    for key in ["wikidata", "isni", "grid"] {
        row.put(&ids(key), key, Empty::Clear, line);
    }
    row.put(
        &["established"],
        "established",
        Empty::Clear,
        integer::<i32>,
    );
    row.put(&["notes"], "notes", Empty::Clear, multiline);
    row.put(
        &["internal_notes"],
        "internal_notes",
        Empty::Clear,
        multiline,
    );
}

/// Reads `University of Tokyo (en, display); 東京大学 (ja, label); UTokyo (acronym)`.
fn names(cell: &Cell) -> Result<Vec<Name>, Message> {
    let mut out = Vec::new();
    for (i, item) in split_list(cell, false).into_iter().enumerate() {
        let tagged = item.strip_suffix(')').and_then(|rest| {
            let (value, tags) = rest.rsplit_once(" (")?;
            let tags: Vec<&str> = tags.split(',').map(str::trim).collect();
            let (lang, kind) = match tags.as_slice() {
                [kind] => (None, kind.parse::<NameKind>().ok()?),
                [lang, kind] => (Some(lang.parse().ok()?), kind.parse::<NameKind>().ok()?),
                _ => return None,
            };
            Some(Name {
                value: value.trim().to_owned(),
                lang,
                kind,
            })
        });
        // An untagged name: the first is the display name, the rest aliases.
        let kind = if i == 0 {
            NameKind::Display
        } else {
            NameKind::Alias
        };
        out.push(match tagged {
            Some(name) => name,
            None => Name {
                value: item,
                lang: None,
                kind,
            },
        });
    }
    Ok(out)
}

/// Makes `name` the display name, unless it already is.
fn set_display_name(row: &mut RowBuild<'_>, name: String) {
    let mut list: Vec<Name> = (row.get(&["names"]).cloned())
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let display = list.iter().position(|n| n.kind == NameKind::Display);
    match display {
        Some(i) if one_line(&list[i].value) == name => return,
        Some(i) => {
            list[i] = Name {
                value: name,
                lang: None,
                kind: NameKind::Display,
            }
        }
        None => list.insert(
            0,
            Name {
                value: name,
                lang: None,
                kind: NameKind::Display,
            },
        ),
    }
    row.set(
        &["names"],
        serde_json::to_value(list).expect("names serialise"),
    );
}

fn location(row: &mut RowBuild<'_>) {
    let (lat, lng) = (row.cell("lat").cloned(), row.cell("lng").cloned());
    if lat.is_none() && lng.is_none() {
        return;
    }
    let read = |row: &mut RowBuild<'_>, key: &str, cell: Option<Cell>| match cell {
        None => Ok(row.get(&["location", key]).and_then(Value::as_f64)),
        Some(Cell::Empty) => Ok(None),
        Some(c) => number(&c)
            .map(Some)
            .inspect_err(|e| row.error(key, e.clone())),
    };
    let lat = read(row, "lat", lat);
    let lng = read(row, "lng", lng);
    match (lat, lng) {
        (Ok(Some(lat)), Ok(Some(lng))) => {
            row.set(&["location"], serde_json::json!({"lat": lat, "lng": lng}))
        }
        (Ok(None), Ok(None)) => row.set(&["location"], Value::Null),
        (Ok(_), Ok(_)) => row.error(
            "lat",
            Message::coded(
                "lat-lng-both",
                &[],
                "give both the latitude and the longitude, or neither",
            ),
        ),
        _ => {}
    }
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
    row.put(&["notes"], "notes", Empty::Clear, multiline);
    row.put(
        &["internal_notes"],
        "internal_notes",
        Empty::Clear,
        multiline,
    );
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
    fn names_read_back_as_written() {
        let read = names(&Cell::text(
            "University of Tokyo (en, display); 東京大学 (ja, label); UTokyo (acronym); Todai",
        ))
        .unwrap();
        assert_eq!(read.len(), 4);
        assert_eq!(read[1].value, "東京大学");
        assert_eq!(read[1].lang.as_ref().map(|l| l.as_str()), Some("ja"));
        assert_eq!(read[2].kind, NameKind::Acronym);
        assert_eq!(
            (read[3].value.as_str(), read[3].kind),
            ("Todai", NameKind::Alias)
        );
        let text: Vec<String> = read.iter().map(super::super::flatten::name_text).collect();
        assert_eq!(names(&Cell::text(&text.join("; "))).unwrap(), read);
        let deadlines = deadlines(&Cell::text("2027-03-15 (yearly); 01/09/2027")).unwrap();
        assert!(deadlines[0].yearly && !deadlines[1].yearly);
    }
}
