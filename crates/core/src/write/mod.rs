//! The one write path.
