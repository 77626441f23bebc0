//! attache: reads news articles and files a report of who met whom, where and when, and what
//! they signed.
//!
//! The data's journey, one module per stage:
//! [`ingest`] (files to [`doc::Document`]s) -> [`segment`] (sentences) -> [`ner`] (entities)
//! -> [`write`] (JSON Lines datasets). [`pipeline`] runs the stages over a batch; [`eval`] and
//! [`bench`] measure them.

pub mod adopted;
pub mod agreements;
pub mod assemble;
pub mod bench;
pub mod bench_encoder;
pub mod bundles;
pub mod cache;
pub mod calls;
pub mod carried_dates;
pub mod cli;
pub mod dates;
pub mod doc;
pub mod encoder;
pub mod eval;
pub mod events;
pub mod gatherings;
pub mod gazetteer;
pub mod generate;
pub mod headline;
pub mod ingest;
#[cfg(test)]
mod marked;
pub mod meetings;
pub mod merge;
pub mod ner;
pub mod parties;
pub mod people;
pub mod pipeline;
pub mod places;
pub mod progress;
pub mod records;
pub mod report;
pub mod rounds;
pub mod segment;
pub mod text;
pub mod timing;
pub mod wordlist;
pub mod write;

pub use doc::{Document, Entity, EntityLabel};
