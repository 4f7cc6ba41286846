//! Kizuna's exchange formats: reading other registries' data into the
//! registry (ROR now; CSV, Excel and EWP later).

#![warn(missing_docs)]

mod error;
pub mod ror;

pub use error::InteropError;
