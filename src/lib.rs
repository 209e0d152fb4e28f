//! deboil: turns scraped text dumps into clean documents and accounts for every removal.
//!
//! Data flows one way: [`input`] (read, decode, normalise) -> [`pipeline`] (split, strip with
//! [`rules`], deduplicate with [`dedup`], apply) -> [`output`] and [`report`]. The binary in
//! `main.rs` only parses arguments ([`cli`]) and calls [`run_clean`](pipeline::run) and friends.

pub mod chars;
pub mod check;
pub mod cli;
pub mod config;
pub mod dedup;
pub mod doc;
pub mod error;
pub mod explain;
pub mod input;
pub mod numfmt;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod rules;
#[cfg(test)]
pub(crate) mod testing;
