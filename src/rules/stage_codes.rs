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
    ///
    /// A first pass counts, per source (the host of a record's `url` or `source` field, else
    /// that field's value, else its input's folder), in how many records each line occurs; a
    /// line in at least `--boilerplate-min-docs` records (default 5) and at least
    /// `--boilerplate-min-share` of them (default 0.5) is removed from every record, first
    /// included. Copies of one record
    /// (a mirrored article, a file given twice) count once, so an article present many times
    /// is not chrome: exact dedup (D001) keeps its first copy. Learning needs `--dedup corpus`
    /// (the default); `--no-boilerplate` turns it off, and so does leaving D003 out of the
    /// selection (`--ignore D003`), so that those lines are merged as duplicates instead.
    pub struct LearnedBoilerplate => ("D003", "learned-boilerplate-line", Category::Dedup);
}

pub const ALL: &[RuleMeta] = &[
    ExactDuplicate::META,
    NearDuplicate::META,
    LearnedBoilerplate::META,
];
