//! Errors that stop an import; problems with single records are reported in
//! the summary instead.

use std::path::PathBuf;

/// Why an import or export could not run.
#[derive(Debug, thiserror::Error)]
pub enum InteropError {
    /// The file could not be opened.
    #[error("cannot open {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Reading or decompressing the input failed part-way.
    #[error("cannot read the input: {0}")]
    Read(#[from] std::io::Error),
    /// The input is not JSON at all.
    #[error("the input is not ROR JSON: it starts with {0:?}, expected `{{` or `[`")]
    NotJson(char),
    /// Not one record of the input could be imported: another format (a
    /// Kizuna dataset, say), an empty file, or only skipped records.
    #[error("{0}")]
    NoUsableRecord(String),
    /// The registry refused a write or could not be read.
    #[error(transparent)]
    Store(#[from] kizuna_core::StoreError),
}
