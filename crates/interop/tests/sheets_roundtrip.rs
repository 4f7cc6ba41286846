//! An export of every collection, as CSV and as a workbook, imports back as
//! all `unchanged` — on SQLite and PostgreSQL.

mod sheets;

use kizuna_domain::Collection;
use kizuna_interop::sheets::{Format, Outcome, export, write_csv, write_xlsx};
use sheets::{on_each_database, outcomes, plan, snapshot, status_context};

#[tokio::test]
async fn every_export_imports_back_unchanged() {
    on_each_database(|registry| async move {
        let snap = snapshot(&registry).await;
        let lookup = kizuna_core::read::Lookup::new(&snap, status_context(), false);
        for collection in Collection::ALL {
            let sheet = export(&snap, *collection, |a| lookup.status(a));
            assert!(!sheet.rows.is_empty(), "{collection} has records");
            for format in [Format::Csv, Format::Xlsx] {
                let bytes = match format {
                    Format::Csv => write_csv(&sheet),
                    Format::Xlsx => write_xlsx(&sheet, collection.as_str()).unwrap(),
                };
                let plan = plan(&registry, &bytes, format, *collection).await;
                assert_eq!(plan.rows.len(), sheet.rows.len());
                assert!(
                    plan.rows.iter().all(|r| r.outcome == Outcome::Unchanged),
                    "{collection} as {format:?}: {:#?}",
                    outcomes(&plan)
                );
                assert!(plan.header.ignored().is_empty());
            }
        }
    })
    .await;
}

#[tokio::test]
async fn an_agreement_export_names_partners_and_flattens_conditions() {
    on_each_database(|registry| async move {
        let snap = snapshot(&registry).await;
        let lookup = kizuna_core::read::Lookup::new(&snap, status_context(), false);
        let sheet = export(&snap, Collection::Agreements, |a| lookup.status(a));
        let col = |name: &str| sheet.columns.iter().position(|c| *c == name).unwrap();
        let row = (sheet.rows.iter())
            .find(|r| r[col("id")].as_text() == "tmu-student-exchange")
            .unwrap();
        assert_eq!(row[col("partner")].as_text(), "tmu");
        assert_eq!(
            row[col("partner_name")].as_text(),
            "Tokyo Metropolitan University"
        );
        assert_eq!(row[col("partner_country")].as_text(), "JP");
        assert_eq!(row[col("partner_ror")].as_text(), "00ws30h19");
        assert_eq!(
            row[col("study_programmes")].as_text(),
            "physiotherapy; nursing; occupational therapy"
        );
        assert_eq!(row[col("subject_areas")].as_text(), "0913; 0915");
        assert_eq!(row[col("status")].as_text(), "active");
        // The Stockholm Trio is the home side: the partner is UTokyo alone.
        let spa = (sheet.rows.iter())
            .find(|r| r[col("id")].as_text() == "trio-utokyo-spa-2022")
            .unwrap();
        assert_eq!(spa[col("partner")].as_text(), "utokyo");
    })
    .await;
}
