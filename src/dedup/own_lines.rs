//! Short lines of a document's own content that stay although they repeat other documents: a
//! list item with a quantity (`250 g flour`, `* 1/2 cup sugar`) that two recipes share, a
//! section heading (`Ingredients`) that every recipe of a site prints.
//!
//! Exact dedup (D001) and learned boilerplate (D003) judge one line at a time, so two recipes
//! that both need `200 g sugar` lose it from the second, and a site's recipes all lose their
//! `Ingredients` heading. Site chrome comes in runs of repeated lines (a footer, a menu, a
//! share bar) or between lines the rules removed; a document's own short lines sit between
//! lines of its own. So a *run* of consecutive repeated paragraphs is spared when:
//! - it holds at most [`MAX_RUN`] paragraphs;
//! - the paragraphs right before and right after it (the adjacent non-blank lines) are the
//!   document's own: kept by the rules and by dedup (a run at the document's start or end, or
//!   next to a line a rule removed, is chrome's place and stays removed);
//! - each of its paragraphs is either a short exact repeat (fewer words than
//!   `min_words_repeat_in_doc`) shaped like a quantity list item ([`LineShape::QuantityItem`]),
//!   or learned boilerplate shaped like a heading ([`LineShape::Heading`]) over a list: its
//!   next paragraph is a quantity item or a numbered item (`1. Beat the eggs ...`), or over a
//!   section of prose (`Introduction`, `History` that a journal's or a wiki's articles all
//!   print): alone in its run, between paragraphs of at least [`SECTION_PROSE_WORDS`] words
//!   (not between a headline and the first paragraph, where a site's tagline stands), neither
//!   of them set beside other columns ([`LineShape::Columned`]), or a short exact repeat
//!   shaped like a sentence ([`LineShape::Sentence`]: `No one was hurt.`, `Details follow.`)
//!   alone in its run between two such paragraphs: two unrelated reports share a stock phrase,
//!   and cutting it from the second leaves a hole in its prose. Scrapers
//!   flatten a page's columns line by line, so a sidebar menu's entries (`Business`, `Health`)
//!   come out between an article's paragraphs, one entry after each, the paragraphs carrying
//!   the gap where the sidebar's other cells stood: such an entry stays removed.
//!
//! Near duplicates (D002) are never spared (they are long paragraphs), nor are longer exact
//! repeats: planted and real copies of content paragraphs still go. A spared line was a repeat:
//! it adds nothing to the exact index, so the decisions on later documents do not change.

use serde::{Deserialize, Serialize};

use super::steps::{Decision, DocSigs, ParaSig, Verdict};

/// Longest run of repeated paragraphs that can be the document's own (a few list items, or a
/// heading with its first items).
pub const MAX_RUN: usize = 3;

/// Fewest words of the paragraph below a learned heading that heads a section of prose (see
/// [`between_prose`]).
const SECTION_PROSE_WORDS: usize = 10;

/// Most words of a heading.
const MAX_HEADING_WORDS: usize = 5;

/// Lines with fewer key words than this (or than `min_words_repeat_in_doc`) get a shape in
/// their signatures (longer ones are never spared); longer lines only [`LineShape::NumberedItem`],
/// which a heading's next paragraph may be.
pub const SHAPED_WORDS: usize = MAX_HEADING_WORDS + 1;

/// The shape of a line, as far as sparing it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineShape {
    #[default]
    Other,
    /// A list item that starts with a quantity followed by a lower-case word: `250 g de harina`,
    /// `* 1/2 cup sugar`, `2-3 cloves of garlic`, `½ teaspoon salt`.
    QuantityItem,
    /// A numbered list item: `1. Beat the eggs`, `2) Add the flour`.
    NumberedItem,
    /// A short title-like line: 1 to 5 words, starting with an upper-case letter, no end
    /// punctuation (`Ingredients`, `Preparation`).
    Heading,
    /// A short statement: at least [`SENTENCE_MIN_WORDS`] words, an upper-case first letter, a
    /// full stop at its end and no question or exclamation mark (`No one was hurt.`).
    Sentence,
    /// A line of none of the shapes above that its input set beside other columns (a wide gap
    /// in it, see [`crate::input::normalize`]): a page's article column printed line by line
    /// beside its sidebar.
    Columned,
}

impl LineShape {
    pub fn is_other(&self) -> bool {
        *self == LineShape::Other
    }
}

/// The shape of `text` (a line as dedup compares it).
pub fn shape_of(text: &str) -> LineShape {
    let t = text.trim();
    if starts_with_quantity(t) {
        return LineShape::QuantityItem;
    }
    if is_numbered_item(t) {
        return LineShape::NumberedItem;
    }
    if is_heading(t) {
        return LineShape::Heading;
    }
    if is_short_sentence(t) {
        return LineShape::Sentence;
    }
    LineShape::Other
}

/// `text` starts with a list number (1 to 3 digits, `.` or `)`), a space and a letter.
pub fn is_numbered_item(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    (1..=3).contains(&digits)
        && rest
            .strip_prefix(['.', ')'])
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(char::is_alphabetic))
}

fn is_vulgar_fraction(c: char) -> bool {
    matches!(c, '½' | '¼' | '¾' | '⅓' | '⅔' | '⅛' | '⅜' | '⅝' | '⅞')
}

/// Skips a number at the start of `s`: digits with an optional `.`, `,` or `/` part, or a
/// vulgar fraction. Returns the rest, or `None` when `s` does not start with one.
fn skip_number(s: &str) -> Option<&str> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if is_vulgar_fraction(first) {
        return Some(&s[first.len_utf8()..]);
    }
    if !first.is_ascii_digit() {
        return None;
    }
    let digits_end = |from: usize| {
        s[from..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(s.len(), |i| from + i)
    };
    let mut end = digits_end(0);
    if let Some(sep) = s[end..]
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | ',' | '/'))
    {
        let after = end + sep.len_utf8();
        if s[after..].starts_with(|c: char| c.is_ascii_digit()) {
            end = digits_end(after);
        }
    }
    // a mixed number's fraction glued on (`1½`)
    if let Some(c) = s[end..].chars().next().filter(|&c| is_vulgar_fraction(c)) {
        end += c.len_utf8();
    }
    Some(&s[end..])
}

/// `text` starts (after an optional bullet) with a quantity: a number, an optional range or
/// mixed-number part, a space and a lower-case word.
fn starts_with_quantity(text: &str) -> bool {
    let mut t = text;
    if let Some(rest) = t
        .strip_prefix(['*', '-', '•', '·', '–'])
        .filter(|r| r.starts_with(' '))
    {
        t = rest.trim_start();
    }
    let Some(mut rest) = skip_number(t) else {
        return false;
    };
    // a range (`2-3`, `2 – 3`)
    let trimmed = rest.trim_start();
    if let Some(after) = trimmed.strip_prefix(['-', '–']) {
        if let Some(r) = skip_number(after.trim_start()) {
            rest = r;
        }
    }
    // a mixed number (`1 1/2`)
    if let Some(after) = rest.strip_prefix(' ') {
        if let Some(r) = skip_number(after).filter(|r| r.starts_with(' ')) {
            if after.contains('/') && after.find('/') < after.find(' ') {
                rest = r;
            }
        }
    }
    let Some(word) = rest.strip_prefix(' ') else {
        return false;
    };
    word.trim_start().starts_with(|c: char| c.is_lowercase())
}

/// `text` is a heading: 1 to [`MAX_HEADING_WORDS`] words, an upper-case first letter, and no
/// sentence or clause punctuation at its end.
fn is_heading(text: &str) -> bool {
    text.split_whitespace().nth(MAX_HEADING_WORDS).is_none()
        && text.starts_with(|c: char| c.is_uppercase())
        && !text.ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

/// Fewest words of a [`LineShape::Sentence`] (`Thank you.` is a sign-off, not a sentence of
/// the report).
const SENTENCE_MIN_WORDS: usize = 3;

/// `text` is a statement: at least [`SENTENCE_MIN_WORDS`] words, an upper-case first letter,
/// a full stop at its end, and no colon or bar (a label's `Note: see below.`, a menu's
/// `A | B.`), no question or exclamation mark: a site's hooks between paragraphs ask or
/// shout (`Want to submit a story?`, `Like online video? Then you'll love ...`). Its length
/// is bounded by the caller: only short lines get a shape.
fn is_short_sentence(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase())
        && text.ends_with(['.', '…'])
        && !text.contains([':', '|', '?', '!'])
        && text
            .split_whitespace()
            .nth(SENTENCE_MIN_WORDS - 1)
            .is_some()
}

/// A run of its own between `before` and `after` (the document's own lines) sits inside prose:
/// both are paragraphs of at least [`SECTION_PROSE_WORDS`] words (a learned heading: the
/// previous section's end, the new one's start), and neither was set beside other columns. A
/// site's tagline between an article's headline and its first paragraph does not follow prose.
fn between_prose(before: &ParaSig, after: &ParaSig) -> bool {
    [before, after]
        .iter()
        .all(|p| p.words as usize >= SECTION_PROSE_WORDS && p.shape != LineShape::Columned)
}

/// Drops from `decisions` (dedup's decisions on `sigs`' document, in line order) those on runs
/// of the document's own short lines (see the module). `min_words_repeat_in_doc` bounds a
/// spared exact repeat's words.
pub fn spare(sigs: &DocSigs, decisions: &mut Vec<Decision>, min_words_repeat_in_doc: usize) {
    if decisions.is_empty() {
        return;
    }
    let paras = &sigs.paras;
    // the decision (index into `decisions`) on each paragraph of `paras`
    let mut decided: Vec<Option<usize>> = vec![None; paras.len()];
    let mut at = 0;
    for (k, d) in decisions.iter().enumerate() {
        while at < paras.len() && paras[at].line < d.line {
            at += 1;
        }
        if at < paras.len() && paras[at].line == d.line {
            decided[at] = Some(k);
        }
    }
    // paragraph `i` of `paras` is the document's own line right next to paragraph `j`
    let own_next_to =
        |i: usize, j: usize| decided[i].is_none() && paras[i].para.abs_diff(paras[j].para) == 1;
    let mut spared = vec![false; decisions.len()];
    let mut i = 0;
    while i < paras.len() {
        if decided[i].is_none() {
            i += 1;
            continue;
        }
        // the run: consecutive paragraphs (no line between them) with a decision
        let mut j = i + 1;
        while j < paras.len() && decided[j].is_some() && paras[j].para == paras[j - 1].para + 1 {
            j += 1;
        }
        let bounded = i > 0 && j < paras.len() && own_next_to(i - 1, i) && own_next_to(j, j - 1);
        let own = |k: usize| {
            let p = &paras[k];
            let d = &decisions[decided[k].unwrap_or_default()];
            match (d.verdict, p.shape) {
                (Verdict::Exact, LineShape::QuantityItem) => {
                    (p.words as usize) < min_words_repeat_in_doc
                }
                (Verdict::Boilerplate, LineShape::Heading) => {
                    matches!(
                        paras[k + 1].shape,
                        LineShape::QuantityItem | LineShape::NumberedItem
                    ) || (j - i == 1 && between_prose(&paras[i - 1], &paras[j]))
                }
                (Verdict::Exact, LineShape::Sentence) => {
                    j - i == 1
                        && (p.words as usize) < min_words_repeat_in_doc
                        && between_prose(&paras[i - 1], &paras[j])
                }
                _ => false,
            }
        };
        if j - i <= MAX_RUN && bounded && (i..j).all(own) {
            for k in i..j {
                spared[decided[k].unwrap_or_default()] = true;
            }
        }
        i = j;
    }
    let mut k = 0;
    decisions.retain(|_| {
        k += 1;
        !spared[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_items() {
        for t in [
            "250 g de harina de trigo",
            "* 1/2 cup sugar",
            "- 2-3 cloves of garlic, minced",
            "½ teaspoon salt",
            "1 1/2 cups milk",
            "1½ tazze di latte",
            "0,5 l Milch",
            "3 huevos",
        ] {
            assert_eq!(shape_of(t), LineShape::QuantityItem, "{t}");
        }
        for t in [
            "12H ago 34 photos",
            "06 November 2012 by the editors",
            "20 Chapters",
            "2024",
            "Flour, 250 g",
        ] {
            assert_ne!(shape_of(t), LineShape::QuantityItem, "{t}");
        }
    }

    #[test]
    fn numbered_items() {
        for t in ["1. Beat the eggs with the sugar.", "12) Serve"] {
            assert_eq!(shape_of(t), LineShape::NumberedItem, "{t}");
        }
        for t in ["1.5 million people", "2024. A year", "1.Beat"] {
            assert_ne!(shape_of(t), LineShape::NumberedItem, "{t}");
        }
    }

    #[test]
    fn headings() {
        for t in ["Ingredients", "Preparación", "Was du brauchst"] {
            assert_eq!(shape_of(t), LineShape::Heading, "{t}");
        }
        for t in [
            "ingredients",
            "Ingredients:",
            "One two three four five six",
            "* Podcasts",
        ] {
            assert_eq!(shape_of(t), LineShape::Other, "{t}");
        }
        assert_eq!(shape_of("Posted by the editors."), LineShape::Sentence);
    }

    #[test]
    fn short_sentences() {
        for t in ["No one was hurt.", "The police declined to comment."] {
            assert_eq!(shape_of(t), LineShape::Sentence, "{t}");
        }
        for t in [
            "Thank you.",
            "no one was hurt.",
            "Note: see below.",
            "Home | News | Sport.",
            "Read more",
            "Was it worth it?",
            "Like the show? Then you'll love the podcast.",
        ] {
            assert_ne!(shape_of(t), LineShape::Sentence, "{t}");
        }
    }

    fn para(para: usize, words: u32, shape: LineShape) -> ParaSig {
        ParaSig {
            line: para,
            para,
            input_line: para + 1,
            key: para as u64,
            words,
            word_hashes: Vec::new(),
            bands: Vec::new(),
            shape,
        }
    }

    fn doc(paras: Vec<ParaSig>) -> DocSigs {
        DocSigs {
            id: "d".into(),
            source: String::new(),
            source_line: 1,
            part: 0,
            seq: 0,
            group: 0,
            paras,
            all_keys: Vec::new(),
            text_hash: None,
            rules_hash: None,
            scope: None,
            near: true,
            headed: false,
        }
    }

    fn decision(line: usize, verdict: Verdict) -> Decision {
        Decision {
            line,
            para: line,
            verdict,
            kept: None,
            docs: None,
            group_docs: None,
        }
    }

    fn spared_lines(sigs: &DocSigs, decided: &[(usize, Verdict)]) -> Vec<usize> {
        let mut ds: Vec<Decision> = decided.iter().map(|&(l, v)| decision(l, v)).collect();
        spare(sigs, &mut ds, 10);
        decided
            .iter()
            .map(|&(l, _)| l)
            .filter(|l| !ds.iter().any(|d| d.line == *l))
            .collect()
    }

    use LineShape::{Columned, Heading, NumberedItem, Other, QuantityItem, Sentence};
    use Verdict::{Boilerplate, Exact};

    /// Two shared ingredients between the recipe's own items stay; the same run at the end of
    /// the document, or one line longer than [`MAX_RUN`], goes.
    #[test]
    fn short_runs_between_own_lines_stay() {
        let sigs = doc(vec![
            para(0, 20, Other),
            para(1, 4, QuantityItem),
            para(2, 5, QuantityItem),
            para(3, 4, QuantityItem),
            para(4, 2, QuantityItem),
        ]);
        assert_eq!(spared_lines(&sigs, &[(2, Exact), (3, Exact)]), vec![2, 3]);
        assert!(spared_lines(&sigs, &[(3, Exact), (4, Exact)]).is_empty());
        assert!(spared_lines(&sigs, &[(1, Exact), (2, Exact), (3, Exact), (4, Exact)]).is_empty());
    }

    /// A repeated footer of ordinary lines, a long exact repeat, and a run next to a line a rule
    /// removed (a gap in the paragraph numbers) all go.
    #[test]
    fn chrome_runs_go() {
        let sigs = doc(vec![
            para(0, 20, Other),
            para(1, 6, Other),
            para(2, 12, QuantityItem),
            para(3, 20, Other),
            para(5, 4, QuantityItem),
            para(6, 20, Other),
        ]);
        assert!(spared_lines(&sigs, &[(1, Exact)]).is_empty());
        assert!(spared_lines(&sigs, &[(2, Exact)]).is_empty());
        assert!(spared_lines(&sigs, &[(5, Exact)]).is_empty());
    }

    /// A learned heading stays over a list, not over a paragraph set beside other columns (a
    /// sidebar's menu entry between paragraphs).
    #[test]
    fn headings_over_lists_stay() {
        let sigs = doc(vec![
            para(0, 20, Other),
            para(1, 1, Heading),
            para(2, 4, QuantityItem),
            para(3, 1, Heading),
            para(4, 20, NumberedItem),
            para(5, 1, Heading),
            para(6, 20, Columned),
        ]);
        assert_eq!(spared_lines(&sigs, &[(1, Boilerplate)]), vec![1]);
        assert_eq!(
            spared_lines(&sigs, &[(1, Boilerplate), (2, Exact)]),
            vec![1, 2]
        );
        assert_eq!(spared_lines(&sigs, &[(3, Boilerplate)]), vec![3]);
        assert!(spared_lines(&sigs, &[(5, Boilerplate)]).is_empty());
    }

    /// A learned heading between two paragraphs of the document's own stays; one under the
    /// headline (a site's tagline), next to a paragraph set beside other columns (a sidebar's
    /// entry), over a short line, or in a run with another repeat goes.
    #[test]
    fn headings_over_sections_stay() {
        let sigs = doc(vec![
            para(0, 3, Other),
            para(1, 3, Heading),
            para(2, 20, Other),
            para(3, 1, Heading),
            para(4, 20, Other),
            para(5, 2, Heading),
            para(6, 20, Columned),
            para(7, 1, Heading),
            para(8, 20, Other),
            para(9, 1, Heading),
            para(10, 4, Other),
            para(11, 20, Other),
        ]);
        assert!(spared_lines(&sigs, &[(1, Boilerplate)]).is_empty());
        assert_eq!(spared_lines(&sigs, &[(3, Boilerplate)]), vec![3]);
        assert!(spared_lines(&sigs, &[(5, Boilerplate)]).is_empty());
        assert!(spared_lines(&sigs, &[(7, Boilerplate)]).is_empty());
        assert!(spared_lines(&sigs, &[(9, Boilerplate)]).is_empty());
        assert!(spared_lines(&sigs, &[(9, Boilerplate), (10, Boilerplate)]).is_empty());
    }

    /// A stock statement two reports share stays between the second's own paragraphs; at the
    /// end of a document (a sign-off), next to a short line, in a run with another repeat, or
    /// as learned boilerplate, it goes.
    #[test]
    fn shared_sentences_inside_prose_stay() {
        let sigs = doc(vec![
            para(0, 20, Other),
            para(1, 4, Sentence),
            para(2, 20, Other),
            para(3, 4, Sentence),
            para(4, 3, Other),
            para(5, 4, Sentence),
            para(6, 4, Sentence),
            para(7, 20, Other),
            para(8, 4, Sentence),
        ]);
        assert_eq!(spared_lines(&sigs, &[(1, Exact)]), vec![1]);
        assert!(spared_lines(&sigs, &[(1, Boilerplate)]).is_empty());
        assert!(spared_lines(&sigs, &[(3, Exact)]).is_empty());
        assert!(spared_lines(&sigs, &[(5, Exact), (6, Exact)]).is_empty());
        assert!(spared_lines(&sigs, &[(8, Exact)]).is_empty());
    }
}
