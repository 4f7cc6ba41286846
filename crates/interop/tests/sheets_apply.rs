//! Applying a sheet: all or nothing, one change set in the change log, undone
//! in one step by an admin; refused files say why. On SQLite and PostgreSQL.

mod sheets;

use kizuna_core::{Registry, WriteError, Writer};
use kizuna_domain::{Agreement, Collection, Organisation, PartialDate, Role, User};
use kizuna_interop::sheets::{self as sheet, Format, Mapping, SheetError};
use sheets::{apply, on_each_database, outcomes, plan, snapshot};

fn person(role: Role, units: &[&str]) -> User {
    User {
        id: 1,
        email: format!("{role}@ki.se").parse().unwrap(),
        role,
        units: units.iter().map(|u| u.parse().unwrap()).collect(),
        disabled: false,
        created_at: chrono::Utc::now(),
    }
}

const SHEET: &str = "\
id,title,kind,level,partner_name,partner_country,valid_until
tmu-student-exchange,,,,,,2030-08-31
,SNU exchange,student_exchange,central,Seoul National University,KR,
,UTokyo staff exchange,staff_exchange,central,The University of Tokyo,JP,2031
";

async fn get<E: kizuna_domain::Entity>(registry: &Registry, id: &str) -> Option<E> {
    registry.get::<E>(id).await.unwrap().map(|v| v.record)
}

#[tokio::test]
async fn an_import_is_one_change_set_that_an_admin_reverts_in_one_step() {
    on_each_database(|registry| async move {
        let before = registry.store().revision().await.unwrap();
        let plan = plan(
            &registry,
            SHEET.as_bytes(),
            Format::Csv,
            Collection::Agreements,
        )
        .await;
        assert_eq!(
            outcomes(&plan),
            [
                "2: changed tmu-student-exchange (valid_until)",
                "3: created snu-exchange",
                "4: created utokyo-staff-exchange"
            ]
        );
        let (first, last) = apply(&registry, &plan).await;
        assert_eq!(
            (first, last),
            (before + 1, before + 4),
            "three agreements and one partner"
        );
        let log = registry.store().changes_since(before, 100).await.unwrap();
        assert!(log.iter().all(|e| e.actor == "import" && e.at == log[0].at));
        let tmu: Agreement = get(&registry, "tmu-student-exchange").await.unwrap();
        assert_eq!(
            tmu.valid_until,
            Some(PartialDate::Day("2030-08-31".parse().unwrap()))
        );
        assert_eq!(
            tmu.study_programmes.len(),
            3,
            "columns the sheet leaves out are kept"
        );

        // Only an admin reverts, and only a whole change set.
        let writer = Writer::load(registry.clone()).await.unwrap();
        let editor = person(Role::Editor, &["cmb"]);
        assert!(matches!(
            writer.revert_change_set(&editor, first, last).await,
            Err(WriteError::Forbidden(_))
        ));
        let admin = person(Role::Admin, &[]);
        assert!(matches!(
            writer.revert_change_set(&admin, first, last - 1).await,
            Err(WriteError::BadInput(_))
        ));
        assert!(matches!(
            writer.revert_change_set(&admin, before, last).await,
            Err(WriteError::BadInput(_))
        ));
        let report = writer.revert_change_set(&admin, first, last).await.unwrap();
        assert_eq!((report.updated, report.deleted), (1, 3));
        let tmu: Agreement = get(&registry, "tmu-student-exchange").await.unwrap();
        assert_eq!(tmu.valid_until, None);
        assert!(get::<Agreement>(&registry, "snu-exchange").await.is_none());
        assert!(
            get::<Organisation>(&registry, "seoul-national-university")
                .await
                .is_none()
        );
        let reverted = registry.store().changes_since(last, 100).await.unwrap();
        assert!(
            reverted.iter().all(|e| e.actor == "admin@ki.se"),
            "the revert is audited"
        );

        // Reverting again finds the records changed since: refused, nothing written.
        let now = registry.store().revision().await.unwrap();
        let writer = Writer::load(registry.clone()).await.unwrap();
        assert!(matches!(
            writer.revert_change_set(&admin, first, last).await,
            Err(WriteError::Conflict(_))
        ));
        assert_eq!(registry.store().revision().await.unwrap(), now);
        // …and the revert itself is a change set that can be reverted.
        writer
            .revert_change_set(&admin, last + 1, now)
            .await
            .unwrap();
        assert!(get::<Agreement>(&registry, "snu-exchange").await.is_some());
    })
    .await;
}

#[tokio::test]
async fn a_revert_is_refused_when_a_record_changed_since() {
    on_each_database(|registry| async move {
        let plan = plan(
            &registry,
            SHEET.as_bytes(),
            Format::Csv,
            Collection::Agreements,
        )
        .await;
        let (first, last) = apply(&registry, &plan).await;
        let admin = person(Role::Admin, &[]);
        let writer = Writer::load(registry.clone()).await.unwrap();
        let stored = registry
            .get::<Agreement>("snu-exchange")
            .await
            .unwrap()
            .unwrap();
        let mut changed = stored.record.clone();
        changed.notes = Some("edited after the import".into());
        writer
            .update(&admin, changed, stored.revision)
            .await
            .unwrap();
        let now = registry.store().revision().await.unwrap();
        let writer = Writer::load(registry.clone()).await.unwrap();
        let err = writer
            .revert_change_set(&admin, first, last)
            .await
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("agreements/snu-exchange changed after revision"),
            "{err}"
        );
        assert_eq!(
            registry.store().revision().await.unwrap(),
            now,
            "nothing written"
        );
        assert!(
            get::<Organisation>(&registry, "seoul-national-university")
                .await
                .is_some()
        );
    })
    .await;
}

#[tokio::test]
async fn any_error_row_writes_nothing() {
    on_each_database(|registry| async move {
        let sheet = format!("{SHEET},Bad dates,mou,central,The University of Tokyo,JP,31/02/2031\n");
        let plan = plan(&registry, sheet.as_bytes(), Format::Csv, Collection::Agreements).await;
        let got = outcomes(&plan);
        assert_eq!(got[3], "5: error [valid_until] `31/02/2031` is not a date (write 2027-09-01, 01/09/2027, 2027-09 or 2027)");
        assert_eq!(plan.counts().errors, 1);
        let before = registry.store().revision().await.unwrap();
        let writer = Writer::load(registry.clone()).await.unwrap();
        assert!(matches!(sheet::apply(&writer, &plan, None, "import").await, Err(WriteError::BadInput(_))));
        assert_eq!(registry.store().revision().await.unwrap(), before);
    })
    .await;
}

#[tokio::test]
async fn a_record_changed_between_preview_and_apply_stops_the_import() {
    on_each_database(|registry| async move {
        let seen = snapshot(&registry).await;
        let plan = sheet::read_plan(
            SHEET.as_bytes(),
            Format::Csv,
            Collection::Agreements,
            &Mapping::default(),
            &seen,
            None,
        )
        .unwrap();
        let admin = person(Role::Admin, &[]);
        let stored = registry
            .get::<Agreement>("tmu-student-exchange")
            .await
            .unwrap()
            .unwrap();
        let mut changed = stored.record.clone();
        changed.notes = Some("someone else's edit".into());
        Writer::load(registry.clone())
            .await
            .unwrap()
            .update(&admin, changed, stored.revision)
            .await
            .unwrap();
        let before = registry.store().revision().await.unwrap();
        let stale = Writer::new(registry.clone(), seen);
        let err = sheet::apply(&stale, &plan, None, "import")
            .await
            .unwrap_err();
        assert!(matches!(err, WriteError::Conflict(_)), "{err}");
        assert_eq!(registry.store().revision().await.unwrap(), before);
    })
    .await;
}

#[tokio::test]
async fn an_editor_imports_only_within_their_units() {
    on_each_database(|registry| async move {
        let sheet = "title,kind,level,home_unit,partner,signed\nCMB exchange,student_exchange,department,cmb,utokyo,yes\nCentral one,mou,central,,utokyo,no\n";
        let snap = snapshot(&registry).await;
        let editor = person(Role::Editor, &["cmb"]);
        let plan = sheet::read_plan(sheet.as_bytes(), Format::Csv, Collection::Agreements, &Mapping::default(), &snap, Some(&editor)).unwrap();
        assert_eq!(outcomes(&plan), ["2: created cmb-exchange", "3: error [id] an editor may not create central records"]);
        let writer = Writer::new(registry.clone(), snap);
        assert!(sheet::apply(&writer, &plan, Some(&editor), "editor@ki.se").await.is_err());
    })
    .await;
}

#[tokio::test]
async fn bad_files_are_refused_with_a_clear_message() {
    on_each_database(|registry| async move {
        let snap = snapshot(&registry).await;
        let none = Mapping::default();
        let read = |bytes: &[u8], format, collection| {
            sheet::read_plan(bytes, format, collection, &none, &snap, None)
                .unwrap_err()
                .to_string()
        };
        let not_xlsx = read(b"id,title\nx,y\n", Format::Xlsx, Collection::Agreements);
        assert!(
            not_xlsx.starts_with("this is not an Excel .xlsx workbook"),
            "{not_xlsx}"
        );
        let binary = read(
            &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0],
            Format::Csv,
            Collection::Agreements,
        );
        assert_eq!(binary, "the file holds binary data, not text");
        let workbook_as_csv = read(
            b"PK\x03\x04 rest of a zip",
            Format::Csv,
            Collection::Agreements,
        );
        assert!(
            workbook_as_csv.contains("import it as xlsx"),
            "{workbook_as_csv}"
        );
        let orgs = "id,name,kind,country,city,website,ror\nx,X,education,JP,Tokyo,https://x.jp,\n";
        assert_eq!(
            read(orgs.as_bytes(), Format::Csv, Collection::Agreements),
            "this sheet holds organisations, not agreements: import it with that collection"
        );
        let header_only = "title,kind,level,partner\n\n , , ,\n";
        assert_eq!(
            read(header_only.as_bytes(), Format::Csv, Collection::Agreements),
            SheetError::NoRows.to_string()
        );
        let ignored_only = "title,kind,Remarks by Anna\n,,call them\n";
        assert_eq!(
            read(ignored_only.as_bytes(), Format::Csv, Collection::Agreements),
            SheetError::NoRows.to_string()
        );
        assert_eq!(
            read(b"", Format::Csv, Collection::Agreements),
            SheetError::NoRows.to_string()
        );
        let unknown = read(b"foo,bar\n1,2\n", Format::Csv, Collection::Agreements);
        assert!(
            unknown.starts_with("no row of the first 10 names a column of agreements"),
            "{unknown}"
        );
    })
    .await;
}
