//! Codes reported by pipeline stages that are not per-document rules: deduplication and
//! learned boilerplate. They live here so `deboil rules` and `deboil explain` list them too.

use super::{Category, RuleMeta};

crate::declare_rule! {
    /// An exact repeat of an earlier paragraph, within the document or anywhere earlier in the
    /// corpus.
    ///
    /// Paragraphs (non-blank lines) are compared by an xxh3 hash of a normalised key: case folded,
    /// Unicode-normalised, quote and dash styles unified, punctuation dropped, whitespace
    /// collapsed. The first copy in input order is kept; the report names it.
    ///
    /// Example: the same wire-copy paragraph in two articles of a dump: the second goes.
    pub struct ExactDuplicate => ("D001", "exact-duplicate-paragraph", Category::Dedup);
}

crate::declare_rule! {
    /// A near repeat of an earlier paragraph: the same text with a word or two changed,
    /// dropped, respelled or repunctuated.
    ///
    /// Candidates come from MinHash signatures over word shingles, bucketed by LSH bands; each
    /// candidate is confirmed by a word-level diff ratio. The report carries the ratio and the diff.
    pub struct NearDuplicate => ("D002", "near-duplicate-paragraph", Category::Dedup);
}

crate::declare_rule! {
    /// A line that recurs across many documents of one source (site chrome learned from the
    /// corpus itself: a footer, a menu, a newsletter box no rule names).
    pub struct LearnedBoilerplate => ("D003", "learned-boilerplate-line", Category::Dedup);
}

pub const ALL: &[RuleMeta] = &[
    ExactDuplicate::META,
    NearDuplicate::META,
    LearnedBoilerplate::META,
];
