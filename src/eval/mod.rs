//! Measuring quality against hand-made gold files.

pub mod ner;
