//! Kizuna's application core: the store interface that database backends
//! implement, the typed registry over it, the read model (per-revision
//! indexes that pages, the API, the map and feeds read from) and the one
//! write path (permissions, unit scope, references, audit).

pub mod credentials;
pub mod read;
mod registry;
pub mod sign_on;
pub mod store;
pub mod write;

pub use read::Snapshot;
pub use registry::{Registry, Versioned};
pub use store::{
    ApiToken, Change, ChangeEntry, Expect, ListFilter, NewRecord, Store, StoreError,
    StoredDocument, StoredRecord, UserAccount, UserPatch, WriteReport, WriteStep, erased_marker,
    new_document_id,
};
pub use write::{WriteError, Writer};
