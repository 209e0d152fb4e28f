//! Codes reported by pipeline stages that are not per-document rules: deduplication (of
//! paragraphs and whole records) and learned boilerplate. They live here so `deboil rules` and
//! `deboil explain` list them too.

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
    ///
    /// A series' headline stays: a document's first line, shaped like a headline, over a
    /// sentence of the document's own (ten key words at least, repeating nothing), that repeats
    /// only the first line of another document (`Markets at the close` over each day's report).
    ///
    /// Known false positives: a site's header line over the article's first sentence, repeated
    /// on too few of its pages for learned boilerplate (D003), stays as such a headline.
    pub struct ExactDuplicate => ("D001", "exact-duplicate-paragraph", Category::Dedup);
}

crate::declare_rule! {
    /// A near repeat of an earlier paragraph: the same text with a word or two changed,
    /// dropped, respelled or repunctuated.
    ///
    /// Candidates come from MinHash signatures over word shingles, bucketed by LSH bands; each
    /// candidate is confirmed by a word-level diff ratio. The report carries the ratio and the diff.
    ///
    /// A paragraph that adds or drops a negation (`not`, `never`, `no`, `nicht`, `kein`, `pas`,
    /// `nunca`, `non`, `niet`, `nie`, ...) is no repeat, however few words differ: `The tenant
    /// may sublet ...` and `The tenant may not sublet ...` both stay. A candidate matches only
    /// when both hold as many negation words.
    ///
    /// Known false positives: clauses of a template that differ in one word that matters (`The
    /// Seller may cancel ...` / `The Buyer may cancel ...`) or only in their numbers (two
    /// reports of a quake, 5.2 and 6.8): the second goes; the report's diff shows the words.
    /// `--no-near` keeps near repeats, or raise `--near-threshold`.
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
    /// included. Copies of one record (a mirrored article, a file given twice) count once, so
    /// an article present many times is not chrome: its first copy is kept (D004 takes the
    /// others). Versions of one article (a live blog's updates, an article re-scraped with a
    /// new line) are not copies, but in a record whose recurring lines hold more than 80% of
    /// its words, the lines long enough for near matching (16 words or more) are left
    /// to exact and near dedup, which keep their first copy. Learning needs `--dedup corpus` (the default); `--no-boilerplate` turns it off,
    /// and so does leaving D003 out of the selection (`--ignore D003`), so that those lines
    /// are merged as duplicates instead.
    pub struct LearnedBoilerplate => ("D003", "learned-boilerplate-line", Category::Dedup);
}

crate::declare_rule! {
    /// A whole record that repeats an earlier record of the corpus: every line goes, short
    /// ones included, and the report names the record kept.
    ///
    /// Records are compared by an xxh3-128 hash of their articles' normalised text, in input
    /// order, so the first copy is kept whatever the thread count. Exact paragraph dedup (D001)
    /// alone would leave a copy's lines under four words (titles, labels, bylines) behind as a
    /// stub; a mirrored page, a re-crawl or a file given twice goes whole instead. Only with
    /// `--dedup corpus` (the default); `--ignore D004` keeps copies to D001-D003.
    ///
    /// Example: the same JSONL record twice under two ids: the second comes out empty and is
    /// counted as dropped (`duplicate-record`).
    pub struct DuplicateRecord => ("D004", "duplicate-record", Category::Dedup);
}

crate::declare_rule! {
    /// The stub left of a document that is a copy of other documents: when the paragraphs
    /// removed as exact or near repeats of other documents (D001, D002) hold at least 80% of
    /// the words the document has left after the rules, and at least 20 words, and every line
    /// left is too short for dedup to compare (under four words: a headline, a subheading, a
    /// byline), a credit line (`Source: County News Service`, a byline) or the one headline
    /// above the copied paragraphs (a syndicated copy's own title), those lines go too, and the
    /// report names the document holding most of the kept copies.
    ///
    /// Paragraph dedup compares paragraphs only; a near copy of an article (a re-scrape with a
    /// changed line, a syndicated copy with another byline or an ad line) would otherwise leave
    /// its headline, subheadings and byline behind as a stub document. Decided from the
    /// document's own dedup decisions, so the same at any thread count and in `dedup apply`. A
    /// document with a line of its own that dedup compared and matched nowhere keeps it and its
    /// short lines; repeats within the document do not count. Only with `--dedup corpus` (the
    /// default); `--ignore D005` keeps such stubs.
    ///
    /// Example: a record that repeats an earlier one with one word changed and a photo credit
    /// added: its paragraphs go as D001/D002, its headline and subheading as D005, and it is
    /// counted as dropped (`copied-document`).
    pub struct CopiedDocument => ("D005", "copied-document-leftover", Category::Dedup);
}

pub const ALL: &[RuleMeta] = &[
    ExactDuplicate::META,
    NearDuplicate::META,
    LearnedBoilerplate::META,
    DuplicateRecord::META,
    CopiedDocument::META,
];
