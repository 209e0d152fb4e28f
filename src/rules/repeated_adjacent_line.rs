//! R001: a line printed twice back to back.

use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A line repeated back to back: the second copy is scraper debris.
    ///
    /// Scrapers print a photo caption or a headline twice when a page carries the same text in
    /// an `alt` attribute and a `<figcaption>`. When a non-blank line is followed, directly or
    /// after blank lines only, by a line with the same normalised key (case, punctuation, quote
    /// style and spacing ignored), the later copy is removed and the first kept.
    ///
    /// Example:
    ///
    /// ```text
    /// Heappey meets with Chanegriha. (Ministry of Defense)
    /// Heappey meets with Chanegriha. (Ministry of Defense)
    /// ```
    ///
    /// keeps one line. A sentence repeated far apart in an article is not touched (that is the
    /// deduplication stage's call, which only merges paragraphs long enough to judge). A song's
    /// sung repeat stays: when the first copy ends with a comma or a semicolon and the second
    /// follows it directly and opens in lowercase (`Let it be, let it be,` / `let it be, let it
    /// be.`), the two are one sentence.
    pub struct RepeatedAdjacentLine => ("R001", "repeated-adjacent-line", Category::Repeat);
}

impl Rule for RepeatedAdjacentLine {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let mut prev: Option<usize> = None;
        for i in doc.paragraphs() {
            if let Some(p) = prev {
                if doc.info(p).key == doc.info(i).key && !sung_repeat(doc, p, i) {
                    out.push(
                        Removal::line(&Self::META, i)
                            .with_note(format!("repeats line {}", doc.input_line(p))),
                    );
                    // keep `prev` on the first copy so that a triple is reported twice against it
                    continue;
                }
            }
            prev = Some(i);
        }
    }
}

/// Whether copy `i` of line `p` carries on `p`'s sentence: `i` follows directly, `p` ends with
/// a comma or a semicolon and `i` opens in lowercase (a song's or a poem's repeat).
fn sung_repeat(doc: &Document, p: usize, i: usize) -> bool {
    p + 1 == i
        && doc.line(p).trim_end().ends_with([',', ';'])
        && super::shape::opens_in_lowercase(doc.line(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&RepeatedAdjacentLine, text)
    }

    #[test]
    fn removes_back_to_back_copy() {
        assert_eq!(removed("Caption here.\nCaption here.\nBody."), vec![1]);
    }

    #[test]
    fn blank_lines_between_still_adjacent() {
        assert_eq!(removed("Head line\n\nHead  LINE\n\nBody."), vec![2]);
    }

    #[test]
    fn triple_reports_two() {
        assert_eq!(removed("a b\na b\na b"), vec![1, 2]);
    }

    #[test]
    fn a_sung_repeat_is_one_sentence() {
        assert!(removed("Let it be, let it be,\nlet it be, let it be.\nWhisper words.").is_empty());
        // a blank line between, or a capital: a copy
        assert_eq!(
            removed("Let it be, let it be,\n\nlet it be, let it be."),
            vec![2]
        );
        assert_eq!(
            removed("Let it be, let it be,\nLet it be, let it be,"),
            vec![1]
        );
    }

    #[test]
    fn distant_repeat_stays() {
        assert!(removed("Same sentence.\nOther text.\nSame sentence.").is_empty());
    }
}
