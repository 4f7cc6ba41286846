//! The HTTP pieces every feature shares: reading queries, record ids in
//! paths and JSON bodies, versions (`If-Match`/`ETag`), rendering pages, who is signed in
//! (tokens and sessions), CSRF, the session store, the base of absolute
//! links, compressed answers, who may frame which page and the reader's language. Features use these and
//! never each other's internals.

pub mod auth;
pub mod base_url;
pub mod body;
pub mod calendar;
pub mod compression;
pub mod csrf;
pub mod disposition;
pub mod edge;
pub mod framing;
pub mod lang;
pub mod paging;
pub mod path;
pub mod query;
pub mod render;
pub mod session_store;
pub mod version;
