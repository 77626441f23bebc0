//! Merging (being written).
