//! Sheets as people really save them: every common encoding and delimiter,
//! Swedish headers, a title row, stray spaces and empty rows, dates in every
//! shape, Excel date cells and serial numbers, merged cells, PICs stored as
//! floats and Erasmus codes with odd spaces; partners found by identifiers
//! and names, near names asked about. On SQLite and PostgreSQL.

mod sheets;

use kizuna_core::Registry;
use kizuna_domain::{Agreement, Collection, Direction, Organisation, PartialDate};
use kizuna_interop::sheets::Format;
use rust_xlsxwriter::{ExcelDateTime, Format as XlsxFormat, Workbook};
use sheets::{apply, on_each_database, outcomes, plan};

/// An agreement sheet as a Swedish office keeps it, one delimiter given.
fn swedish_sheet(d: char) -> String {
    [
        "Avtal 2027 (export från Excel)".to_owned(),
        [
            "Lärosäte",
            "Land",
            "Erasmus code",
            "PIC",
            " Giltig  från",
            "Giltig till",
            "Titel",
            "Typ",
            "Nivå",
            "Platser ut",
            "Språk",
            "Läsår",
            "Kommentar från Anna",
        ]
        .join(&d.to_string()),
        [
            "  Seoul National University ",
            "KR",
            "",
            "999986096.0",
            "01/09/2027",
            "2030",
            "Student exchange SNU",
            "Student exchange",
            "Department",
            "2",
            "en B2",
            "2027/28-2030/31",
            "ok",
        ]
        .join(&d.to_string()),
        String::new(),
        [
            "Universität Wien",
            "at",
            "A\u{a0}\u{a0}WIEN01",
            "",
            "2027-09-01",
            "31/08/2031",
            "Exchange Vienna",
            "student_exchange",
            "department",
            "",
            "",
            "",
            "",
        ]
        .join(&d.to_string()),
        [
            "東京大学",
            "JP",
            "",
            "",
            "2027",
            "",
            "UTokyo exchange",
            "STUDENT EXCHANGE",
            "central",
            "",
            "",
            "",
            "",
        ]
        .join(&d.to_string()),
        vec![""; 13].join(&d.to_string()),
    ]
    .join("\r\n")
}

fn expected() -> Vec<String> {
    vec![
        "3: created student-exchange-snu".to_owned(),
        "5: created exchange-vienna".to_owned(),
        "6: created utokyo-exchange".to_owned(),
    ]
}

async fn agreement(registry: &Registry, id: &str) -> Agreement {
    registry
        .get::<Agreement>(id)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no {id}"))
        .record
}

async fn organisation(registry: &Registry, id: &str) -> Organisation {
    registry
        .get::<Organisation>(id)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no {id}"))
        .record
}

#[tokio::test]
async fn csv_in_every_encoding_and_delimiter_reads_the_same() {
    on_each_database(|registry| async move {
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for d in [';', ',', '\t'] {
            let text = swedish_sheet(d);
            files.push((format!("UTF-8 {d:?}"), text.as_bytes().to_vec()));
            let mut bom = vec![0xEF, 0xBB, 0xBF];
            bom.extend(text.as_bytes());
            files.push((format!("UTF-8 with BOM {d:?}"), bom));
            let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
            files.push((format!("UTF-16LE {d:?}"), le));
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            files.push((format!("UTF-16BE without BOM {d:?}"), be));
        }
        for (what, bytes) in &files {
            let plan = plan(&registry, bytes, Format::Csv, Collection::Agreements).await;
            assert_eq!(outcomes(&plan), expected(), "{what}");
            assert_eq!(plan.header.ignored(), ["Kommentar från Anna"], "{what}");
            assert_eq!(plan.changes.organisations.len(), 2, "{what}: two partners are new");
        }
        let plan = plan(&registry, &files[0].1, Format::Csv, Collection::Agreements).await;
        assert_eq!(plan.rows[0].notes, ["adds the partner organisation `seoul-national-university` (Seoul National University, KR)"]);
        apply(&registry, &plan).await;

        let snu = agreement(&registry, "student-exchange-snu").await;
        assert_eq!(snu.valid_from, Some(PartialDate::Day("2027-09-01".parse().unwrap())));
        assert_eq!(snu.valid_until, Some(PartialDate::Year(2030)));
        assert_eq!(snu.kind.as_str(), "student_exchange");
        let out: Vec<_> = snu.conditions.iter().filter(|c| c.direction == Direction::Outgoing).collect();
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].places_per_year, out[0].first_year, out[0].last_year), (Some(2), Some(2027), Some(2030)));
        assert_eq!(out[0].languages[0].lang.as_str(), "en");
        let parties: Vec<&str> = snu.parties.iter().map(|p| p.organisation.as_str()).collect();
        assert_eq!(parties, ["ki", "seoul-national-university"]);
        let seoul = organisation(&registry, "seoul-national-university").await;
        assert_eq!(seoul.identifiers.pic.as_deref(), Some("999986096"));
        assert_eq!(seoul.display_name(), "Seoul National University");
        let wien = organisation(&registry, "universitat-wien").await;
        assert_eq!(wien.identifiers.erasmus.as_deref(), Some("A  WIEN01"));
        assert_eq!(wien.country.map(|c| c.to_string()).as_deref(), Some("AT"));
        let vienna = agreement(&registry, "exchange-vienna").await;
        assert_eq!(vienna.valid_until, Some(PartialDate::Day("2031-08-31".parse().unwrap())));
        let tokyo = agreement(&registry, "utokyo-exchange").await;
        assert_eq!(tokyo.parties[1].organisation.as_str(), "utokyo", "found by its Japanese name");
        assert_eq!(tokyo.valid_from, Some(PartialDate::Year(2027)));

        // The same sheet again: nothing new, nothing changed.
        let again = sheets::plan(&registry, &files[5].1, Format::Csv, Collection::Agreements).await;
        assert_eq!(outcomes(&again), ["3: unchanged", "5: unchanged", "6: unchanged"]);
    })
    .await;
}

#[tokio::test]
async fn windows_1252_and_shift_jis_files_are_read() {
    on_each_database(|registry| async move {
        let western = "Lärosäte,Land,Titel,Typ,Nivå\r\nUniversität Wien,AT,Avtal med Wien,mou,central\r\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(western);
        let plan = plan(&registry, &bytes, Format::Csv, Collection::Agreements).await;
        assert_eq!(outcomes(&plan), ["2: created avtal-med-wien"]);
        assert_eq!(plan.changes.organisations[0].display_name(), "Universität Wien");

        let japanese = "partner_name,partner_country,title,kind,level\r\n東京都立大学,JP,都立大学との覚書,mou,central\r\n東京大学,JP,東大との覚書,mou,central\r\n";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(japanese);
        let plan = sheets::plan(&registry, &bytes, Format::Csv, Collection::Agreements).await;
        assert_eq!(outcomes(&plan), ["2: created agreement", "3: created agreement-2"]);
        let partners: Vec<&str> = plan.changes.agreements.iter().map(|a| a.parties[1].organisation.as_str()).collect();
        assert_eq!(partners, ["tmu", "utokyo"]);
        assert_eq!(plan.changes.agreements[0].title, "都立大学との覚書");
    })
    .await;
}

/// A workbook as Excel users make them: a merged title row, a partner merged
/// over the two rows of its agreements, a date cell, a serial number, a
/// date typed as text, a year, and a PIC stored as a float.
fn messy_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let plain = XlsxFormat::new();
    let date = XlsxFormat::new().set_num_format("dd.mm.yyyy");
    ws.merge_range(0, 0, 0, 7, "Partner agreements — export", &plain)
        .unwrap();
    for (c, h) in [
        "Partner",
        "Country",
        "PIC",
        "Start date",
        "End date",
        "Agreement",
        "Kind",
        "Level",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    ws.merge_range(2, 0, 3, 0, "Seoul National University ", &plain)
        .unwrap();
    ws.merge_range(2, 1, 3, 1, "KR", &plain).unwrap();
    ws.merge_range(2, 2, 3, 2, "", &plain).unwrap();
    ws.write_number(2, 2, 999986096.0).unwrap();
    let day = ExcelDateTime::from_ymd(2027, 9, 1).unwrap();
    ws.write_datetime_with_format(2, 3, &day, &date).unwrap();
    ws.write_number(3, 3, 46631.0).unwrap();
    ws.write_string(2, 4, "31/08/2030").unwrap();
    ws.write_number(3, 4, 2031.0).unwrap();
    ws.write_string(2, 5, "SNU student exchange").unwrap();
    ws.write_string(3, 5, "  SNU  staff exchange ").unwrap();
    ws.write_string(2, 6, "Student exchange").unwrap();
    ws.write_string(3, 6, "staff exchange").unwrap();
    ws.write_string(2, 7, "Central").unwrap();
    ws.write_string(3, 7, "central").unwrap();
    ws.write_string(5, 5, " ").unwrap();
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn a_messy_workbook_is_read() {
    on_each_database(|registry| async move {
        let plan = plan(
            &registry,
            &messy_workbook(),
            Format::Xlsx,
            Collection::Agreements,
        )
        .await;
        assert_eq!(
            outcomes(&plan),
            [
                "3: created snu-student-exchange",
                "4: created snu-staff-exchange"
            ]
        );
        assert_eq!(
            plan.changes.organisations.len(),
            1,
            "the merged partner is created once"
        );
        assert!(plan.rows.iter().all(|r| r.notes.len() == 1));
        apply(&registry, &plan).await;
        let first = agreement(&registry, "snu-student-exchange").await;
        let second = agreement(&registry, "snu-staff-exchange").await;
        let day = |s: &str| Some(PartialDate::Day(s.parse().unwrap()));
        assert_eq!(
            (first.valid_from, first.valid_until),
            (day("2027-09-01"), day("2030-08-31"))
        );
        assert_eq!(
            (second.valid_from, second.valid_until),
            (day("2027-09-01"), Some(PartialDate::Year(2031)))
        );
        assert_eq!(second.title, "SNU staff exchange");
        assert_eq!(
            first.parties[1].organisation,
            second.parties[1].organisation
        );
        let seoul = organisation(&registry, first.parties[1].organisation.as_str()).await;
        assert_eq!(seoul.identifiers.pic.as_deref(), Some("999986096"));
    })
    .await;
}

#[tokio::test]
async fn partners_are_found_by_identifiers_then_names_and_near_names_are_questions() {
    on_each_database(|registry| async move {
        let ids = "id;erasmus;pic;schac\nkth; s\u{a0}stockho04 ;999877054.0;KTH.SE\n";
        let orgs = plan(&registry, ids.as_bytes(), Format::Csv, Collection::Organisations).await;
        assert_eq!(outcomes(&orgs), ["2: changed kth (erasmus, pic, schac)"]);
        apply(&registry, &orgs).await;
        assert_eq!(organisation(&registry, "kth").await.identifiers.erasmus.as_deref(), Some("S  STOCKHO04"));

        let sheet = "\
title,kind,level,partner_ror,partner_erasmus,partner_pic,partner_schac,partner_name,partner_country
A1,mou,central,,SSTOCKHO04,,,,
A2,mou,central,,,999877054,,,
A3,mou,central,,,,kth.se,,
A4,mou,central,https://ror.org/057zh3y96,,,,Some other name,
A5,mou,central,,,,,Tōkyō Daigaku,JP
A6,mou,central,,,,,University of Tokio,JP
A7,mou,central,057zh3y96,S STOCKHO04,,,,
A8,mou,central,,,,,Brand New University,
";
        let plan = plan(&registry, sheet.as_bytes(), Format::Csv, Collection::Agreements).await;
        let partners: Vec<&str> = plan.changes.agreements.iter().map(|a| a.parties[1].organisation.as_str()).collect();
        assert_eq!(partners, ["kth", "kth", "kth", "utokyo", "utokyo"]);
        let got = outcomes(&plan);
        assert_eq!(&got[..5], ["2: created a1", "3: created a2", "4: created a3", "5: created a4", "6: created a5"]);
        assert!(got[5].starts_with("7: error [partner_name] no organisation is called `University of Tokio`; is it `The University of Tokyo` (utokyo)?"), "{}", got[5]);
        assert!(got[6].contains("the ROR id is that of `utokyo` but the Erasmus code that of `kth`"), "{}", got[6]);
        assert!(got[7].contains("[partner_country] `Brand New University` is not in the registry; give its country"), "{}", got[7]);
        assert!(plan.changes.organisations.is_empty(), "nothing near a known name is created");
    })
    .await;
}

#[tokio::test]
async fn a_unit_and_its_new_parent_import_in_one_sheet() {
    on_each_database(|registry| async move {
        let sheet = "name,kind,parent,country,id\nNew University,education,,SE,\nDepartment of Things,unit,new-university,SE,things\nThings Lab,unit,Department of Things,SE,\n";
        let plan = plan(&registry, sheet.as_bytes(), Format::Csv, Collection::Organisations).await;
        assert_eq!(
            outcomes(&plan),
            ["2: created new-university", "3: created things", "4: error [parent] no organisation has the id or the name `Department of Things`"]
        );
        let fixed = sheet.replace("Department of Things,SE,", "things,SE,");
        let plan = sheets::plan(&registry, fixed.as_bytes(), Format::Csv, Collection::Organisations).await;
        assert_eq!(outcomes(&plan), ["2: created new-university", "3: created things", "4: created things-lab"]);
        apply(&registry, &plan).await;
        let lab = organisation(&registry, "things-lab").await;
        assert_eq!(lab.parent.map(|p| p.to_string()).as_deref(), Some("things"));
    })
    .await;
}
