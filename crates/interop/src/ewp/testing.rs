//! A partner's file for tests: Uniwersytet Warszawski's copy of `ki-uw`, the
//! staff training agreement the EWP tests keep with Karolinska Institutet.

use super::model::{Iia, IiaPartner, MobilitySpec, SpecKind};
use super::{digest_response, response};

/// Our side of that exchange as dataset TOML: UW with its SCHAC code and
/// `ki-uw` (KI sends two staff a year for training, 2027–2028).
pub const UW_PARTNER: &str = r#"
[[organisations]]
id = "uw"
kind = "education"
names = [{ value = "Uniwersytet Warszawski", kind = "display" }]
country = "PL"
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

/// UW's copy of ki-uw: UW first with its iia-id `uw-77`, ours named, KI
/// sending `places` staff a year for training in 2027/28–2028/29, with the
/// hash the copy states computed as a partner's system would.
pub fn uw_copy(places: u32) -> String {
    let partner = |hei: &str, id: &str| IiaPartner {
        hei_id: hei.into(),
        iia_id: Some(id.into()),
        ..IiaPartner::default()
    };
    let iia = Iia {
        partners: [partner("uw.edu.pl", "uw-77"), partner("ki.se", "ki-uw")],
        in_effect: true,
        terminated: false,
        specs: vec![MobilitySpec {
            kind: SpecKind::StaffTraining,
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
    let hash = digest_response(&response(&[(&iia, &placeholder)])).expect("our own response")[0]
        .hash
        .clone();
    response(&[(&iia, &hash)])
}
