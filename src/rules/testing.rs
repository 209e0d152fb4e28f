//! Test helpers shared by the rules' unit tests: run one rule over a text and list what it removes.

use super::Rule;
use crate::doc::Document;
use std::ops::Range;

/// The line ranges `rule` removes from `text` (a one-part document), in the order reported.
pub(crate) fn removed_ranges(rule: &dyn Rule, text: &str) -> Vec<Range<usize>> {
    let doc = Document::from_text(text.to_string(), 1, 0);
    let mut out = Vec::new();
    rule.check(&doc, &mut out);
    out.into_iter().map(|r| r.lines).collect()
}

/// The first line of each removal `rule` reports on `text`.
pub(crate) fn removed_starts(rule: &dyn Rule, text: &str) -> Vec<usize> {
    removed_ranges(rule, text)
        .into_iter()
        .map(|r| r.start)
        .collect()
}
