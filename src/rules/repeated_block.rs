//! R002: a block of lines (headline + caption) printed twice in a row.

use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A block of consecutive paragraphs repeated right after itself: the second copy goes.
    ///
    /// Scrapers that read a page's header twice (once from the visible header, once from a
    /// share widget or an AMP copy) print the headline and the photo caption twice, often with a
    /// stray widget label such as `TT` between the copies. When a run of two to eight non-blank
    /// lines is followed, after blank lines and at most one short marker line (three words or
    /// fewer), by the same run again (lines compared by normalised key), the second run is
    /// removed. A single line repeated across one marker line counts too when it is long enough
    /// to be a headline or caption (20 characters).
    ///
    /// Example:
    ///
    /// ```text
    /// Harbour Reopens After Storm
    /// Workers clear debris from the quay.
    /// TT
    /// Harbour Reopens After Storm
    /// Workers clear debris from the quay.
    /// ```
    ///
    /// keeps the first two lines (the `TT` marker is `R003`'s).
    ///
    /// Known limits: repeats farther apart, or with edits, are left to the deduplication stage;
    /// a line repeated back to back is `R001`'s.
    pub struct RepeatedBlock => ("R002", "repeated-block", Category::Repeat);
}

/// Longest block compared.
const MAX_BLOCK: usize = 8;

impl Rule for RepeatedBlock {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let p: Vec<usize> = doc.paragraphs().collect();
        let key = |k: usize| doc.info(p[k]).key;
        let mut k = 0;
        while k < p.len() {
            let mut found = None;
            'sizes: for m in (1..=MAX_BLOCK).rev() {
                for gap in 0..=1 {
                    if m == 1 && gap == 0 {
                        continue; // R001's case
                    }
                    let second = k + m + gap;
                    if second + m > p.len() {
                        continue;
                    }
                    if gap == 1 && doc.info(p[k + m]).words > 3 {
                        continue;
                    }
                    if m == 1 && doc.info(p[k]).chars < 20 {
                        continue;
                    }
                    if (0..m).all(|j| key(k + j) == key(second + j)) {
                        found = Some((m, second));
                        break 'sizes;
                    }
                }
            }
            match found {
                Some((m, second)) => {
                    let lines = p[second]..p[second + m - 1] + 1;
                    out.push(Removal::lines(&Self::META, lines).with_note(format!(
                        "repeats lines {}-{}",
                        doc.input_line(p[k]),
                        doc.input_line(p[k + m - 1])
                    )));
                    k = second + m;
                }
                None => k += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<std::ops::Range<usize>> {
        crate::rules::testing::removed_ranges(&RepeatedBlock, text)
    }

    #[test]
    fn headline_and_caption_around_a_marker() {
        let t = "Big Headline Here\n\nA caption for the photo.\nA caption for the photo.\nTT\n\nBig Headline Here\n\nA caption for the photo.\nA caption for the photo.\n\nBody text.";
        assert_eq!(removed(t), vec![6..10]);
    }

    #[test]
    fn single_line_across_marker() {
        assert_eq!(
            removed("A long enough headline\nTT\nA long enough headline\nBody."),
            vec![2..3]
        );
        // too short to be a headline: left alone
        assert!(removed("Yes\nno\nYes").is_empty());
    }

    #[test]
    fn far_apart_repeat_stays() {
        assert!(removed("Block one line.\nBlock two line.\nOther words here in between.\nMore words.\nBlock one line.\nBlock two line.").is_empty());
    }
}
