//! The read model: a snapshot of every record per revision with indexes
//! built once for it, read through a [`Lookup`] as the public or staff see it.
//! Pages, the API, the map and feeds all read through here.

pub mod ask;
pub mod conditions;
pub mod country;
pub mod filters;
mod index;
mod lookup;
pub mod map;
pub mod order;
mod org_text;
pub mod page;
pub mod params;
pub mod people;
pub mod public;
pub mod records;
pub mod rows;
mod snapshot;
pub mod staff_words;
mod trigrams;

pub use index::Indexes;
pub use lookup::{Lookup, Reader};
pub use page::{NumberedPage, Page, PageError};
pub use snapshot::Snapshot;

#[cfg(test)]
mod tests;
