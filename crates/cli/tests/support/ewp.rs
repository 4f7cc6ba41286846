//! The EWP tests' registry (KI and Uniwersytet Warszawski with a staff
//! training agreement); UW's copy of it is `kizuna_interop::ewp::testing::uw_copy`.

use std::path::{Path, PathBuf};

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

pub fn write(dir: &Path, name: &str, xml: &str) -> String {
    let file = dir.join(name);
    std::fs::write(&file, xml).unwrap();
    file.to_str().unwrap().to_owned()
}
