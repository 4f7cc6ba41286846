//! Where the offline copy of the EWP specifications lives, for the tests
//! that read its examples and validate against its schemas.

use std::path::PathBuf;

/// `KIZUNA_EWP_SPECS` when set; else the copy in the repository (`specs/ewp`).
pub fn dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KIZUNA_EWP_SPECS") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../specs/ewp")
}
