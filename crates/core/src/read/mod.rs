//! The read model.
