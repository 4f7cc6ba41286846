//! Kizuna's exchange formats: reading other registries' data into the
//! registry (ROR; CSV and Excel sheets), and Erasmus Without Paper IIAs.

#![warn(missing_docs)]

mod error;
pub mod ewp;
pub mod message;
pub mod ror;
pub mod sheets;

pub use error::InteropError;
pub use message::Message;
