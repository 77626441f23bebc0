//! Measuring quality against hand-made gold files.

pub mod ner;
pub mod records;
