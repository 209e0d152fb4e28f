//! Paragraph deduplication across the corpus: exact repeats by xxh3 of a normalised key, near
//! repeats by MinHash/LSH candidates confirmed by a word diff, and learned boilerplate.

pub mod key;
