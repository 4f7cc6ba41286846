//! Where the offline copy of the EWP specifications lives, for the tests
//! that read its examples and validate against its schemas.

use std::path::PathBuf;

/// `KIZUNA_EWP_SPECS` when set; else the first `shared/specs/ewp` beside the
/// repository or one of its parent folders (a worktree sits deeper than the
/// main checkout).
pub fn dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KIZUNA_EWP_SPECS") {
        return PathBuf::from(dir);
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    repo.ancestors()
        .map(|folder| folder.join("shared/specs/ewp"))
        .find(|candidate| candidate.is_dir())
        .unwrap_or_else(|| repo.join("../shared/specs/ewp"))
}
