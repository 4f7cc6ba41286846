//! Kizuna's exchange formats: reading other registries' data into the
//! registry (ROR now; CSV and Excel later), and Erasmus Without Paper IIAs.

#![warn(missing_docs)]

mod error;
pub mod ewp;
pub mod ror;

pub use error::InteropError;
