//! The EWP tests' registry (KI and Uniwersytet Warszawski with a staff
//! training agreement) and UW's copy of that agreement.

use std::path::{Path, PathBuf};

use kizuna_interop::ewp::{self, model};

use super::{kizuna, temp_dir};

/// KI, UW and the agreement `ki-uw` with one outgoing staff training condition.
pub const UW: &str = r#"
home = "ki"

[[organisations]]
id = "ki"
kind = "education"
names = [{ value = "Karolinska Institutet", kind = "display" }]
identifiers = { schac = "ki.se" }

[[organisations]]
id = "uw"
kind = "education"
names = [{ value = "Uniwersytet Warszawski", kind = "display" }]
identifiers = { schac = "uw.edu.pl" }

[[agreements]]
id = "ki-uw"
kind = "staff_exchange"
level = "central"
title = "Staff training KI – UW"
parties = [{ organisation = "ki" }, { organisation = "uw" }]
signed = true
  [[agreements.conditions]]
  direction = "outgoing"
  mobility = "staff_training"
  places_per_year = 2
  first_year = 2027
  last_year = 2028
"#;

/// A data folder holding [`UW`] and `extra` (more TOML records).
pub fn loaded(extra: &str) -> PathBuf {
    let dir = temp_dir("ewp");
    let file = dir.join("data.toml");
    std::fs::write(&file, format!("{UW}\n{extra}")).unwrap();
    let import = kizuna(&dir, &["import", "toml", file.to_str().unwrap()]);
    assert!(import.status.success(), "{import:?}");
    dir
}

/// UW's copy of ki-uw: UW first with its iia-id, ours named; `places` a year.
pub fn uw_copy(places: u32) -> String {
    let partner = |hei: &str, id: &str| model::IiaPartner {
        hei_id: hei.into(),
        iia_id: Some(id.into()),
        ..model::IiaPartner::default()
    };
    let iia = model::Iia {
        partners: [partner("uw.edu.pl", "uw-77"), partner("ki.se", "ki-uw")],
        in_effect: true,
        terminated: false,
        specs: vec![model::MobilitySpec {
            kind: model::SpecKind::StaffTraining,
            sending_hei_id: "ki.se".into(),
            sending_ounit_id: None,
            receiving_hei_id: "uw.edu.pl".into(),
            receiving_ounit_id: None,
            first_year: "2027/2028".into(),
            last_year: "2028/2029".into(),
            mobilities_per_year: places,
            languages: Vec::new(),
            subject_areas: Vec::new(),
            total_per_year: None,
            eqf_levels: Vec::new(),
        }],
    };
    let placeholder = "0".repeat(64);
    let hash = ewp::digest_response(&ewp::response(&[(&iia, &placeholder)])).unwrap()[0]
        .hash
        .clone();
    ewp::response(&[(&iia, &hash)])
}

pub fn write(dir: &Path, name: &str, xml: &str) -> String {
    let file = dir.join(name);
    std::fs::write(&file, xml).unwrap();
    file.to_str().unwrap().to_owned()
}
