//! Exchange formats (being written).
