//! Tests that the scan finds every text a record's JSON document holds,
//! and agrees with the document's own walk.

use std::collections::BTreeMap;

use serde::Serialize;

use super::*;
use crate::text::{MAX_LINE_CHARS, text_problems};

#[derive(Serialize)]
struct Record {
    title: String,
    notes: Option<String>,
    names: Vec<Name>,
    sections: BTreeMap<String, String>,
    counts: BTreeMap<u32, String>,
    shape: Shape,
    shapes: Vec<Shape>,
    kind: Kind,
    letter: char,
    id: Id,
}

#[derive(Serialize)]
struct Name {
    value: String,
    lang: Option<String>,
}

#[derive(Serialize)]
struct Id(String);

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Plain,
}

#[derive(Serialize)]
enum Shape {
    Point(String),
    Pair(String, String),
    Box { label: String },
    Empty,
}

fn fine() -> Record {
    Record {
        title: "東京大学".into(),
        notes: Some("two\nlines\tand a tab".into()),
        names: vec![
            Name {
                value: "a".into(),
                lang: None,
            },
            Name {
                value: "b".into(),
                lang: Some("en".into()),
            },
        ],
        sections: [("intro".to_owned(), "line\nbreak".to_owned())].into(),
        counts: [(7, "seven".to_owned())].into(),
        shape: Shape::Point("p".into()),
        shapes: vec![
            Shape::Pair("x".into(), "y".into()),
            Shape::Box {
                label: "long\nlabel".into(),
            },
            Shape::Empty,
        ],
        kind: Kind::Plain,
        letter: 'k',
        id: Id("utokyo".into()),
    }
}

const KINDS: &[(&str, TextKind)] = &[
    ("notes", TextKind::Long),
    ("sections.intro", TextKind::Long),
    ("shapes.Box.label", TextKind::Long),
];

/// The scan and the document's walk agree about `record`.
fn agree(record: &Record) -> bool {
    let walked = text_problems(&serde_json::to_value(record).unwrap(), KINDS);
    let scanned = has_problem(record, KINDS);
    assert_eq!(scanned, !walked.0.is_empty(), "walk found: {walked}");
    scanned
}

#[test]
fn a_fine_record_passes_with_long_texts_where_the_shape_allows() {
    assert!(!agree(&fine()));
}

#[test]
fn every_place_a_text_can_be_is_scanned() {
    type Break = fn(&mut Record);
    let breaks: Vec<(&str, Break)> = vec![
        ("title", |r| r.title = "a\u{0}".into()),
        ("notes", |r| r.notes = Some("\u{1b}[31m".into())),
        ("a list", |r| r.names[1].value = "two\nlines".into()),
        ("an option in a list", |r| {
            r.names[0].lang = Some("\t".into())
        }),
        ("a map value", |r| {
            r.sections.insert("other".into(), "line\nbreak".into());
        }),
        ("a map with number keys", |r| {
            r.counts.insert(3, "x".repeat(MAX_LINE_CHARS + 1));
        }),
        ("a newtype variant", |r| r.shape = Shape::Point("\r".into())),
        ("a tuple variant", |r| {
            r.shapes[0] = Shape::Pair("x".into(), "\u{7f}".into())
        }),
        ("a struct variant", |r| {
            r.shapes[1] = Shape::Box {
                label: "\u{0}".into(),
            }
        }),
        ("a newtype struct", |r| r.id = Id("a\nb".into())),
        ("a char", |r| r.letter = '\u{85}'),
    ];
    for (place, break_it) in breaks {
        let mut record = fine();
        break_it(&mut record);
        assert!(agree(&record), "{place}: the problem was missed");
    }
}

#[test]
fn a_long_kind_belongs_to_its_shape_only() {
    let mut record = fine();
    record.shape = Shape::Box {
        label: "a\nb".into(),
    };
    assert!(agree(&record), "shape.Box.label is one line");
    let mut record = fine();
    record.title = "x".repeat(MAX_LINE_CHARS);
    assert!(!agree(&record), "the limit itself is allowed");
}
