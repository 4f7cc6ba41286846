//! An organisation's columns: kind, names (`University of Tokyo (en, display); …`),
//! place, parent and identifiers.

use kizuna_domain::{Name, NameKind, OrganisationKind};
use serde_json::Value;

use super::common_columns::{notes, org_refs, url};
use super::context::Context;
use super::row::{Empty, RowBuild, country, integer, line, number, word};
use super::table::Cell;
use super::values::{normalise_erasmus, normalise_ror, one_line, parse_pic, split_list};
use crate::Message;

pub(super) fn organisation(ctx: &mut Context<'_>, row: &mut RowBuild<'_>) {
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
    notes(row);
}

/// Reads `University of Tokyo (en, display); 東京大学 (ja, label); UTokyo (acronym)`.
pub(super) fn names(cell: &Cell) -> Result<Vec<Name>, Message> {
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
    }
}
