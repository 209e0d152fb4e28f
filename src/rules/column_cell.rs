//! R024: side cells of a line that a scraper glued together from page columns or table cells.

use super::{Category, Rule, RuleMeta, Strictness};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A side cell of a column layout: scrapers that render a page's layout (table cells, a
    /// navigation column beside the article) print cells side by side on one line, separated
    /// by a wide gap (a tab, or four or more spaces), such as
    /// `Europe        Press sceptical on the summit, as talks open in Washington.` or
    /// `Breaking News Alerts Sign Up        The skier tore ligaments in his right knee.`
    ///
    /// In such a line the cell with the most words is the line's own text, when it has at least
    /// ten words or ends like a sentence (`.`, `!`, `?`, a closing quote); each other cell of at
    /// most 20 words that does not end like a sentence is a navigation item, a section label or
    /// a teaser headline from the next column, and is cut from the line with the gap before
    /// it. The main cell, every cell that ends like a sentence, and a label ending in a colon
    /// right before the main cell (`Note:`, `Update:`: its lead-in), and a cell whose sentence
    /// the main cell goes on with in lowercase (`The minister said on Monday<tab>that the
    /// budget...`: a tab inside a sentence) stay; a row of short cells
    /// (a table, a link list) stays whole; whether the whole line stays is for the other rules
    /// and the classifier.
    ///
    /// Runs at `--strictness normal` and `high`; at `low` the line stays whole.
    ///
    /// Known false positives: a table row in the article with one long cell (`Flour      200 g
    /// of plain white flour, sifted twice`) keeps only that cell; a tab inside a sentence whose
    /// start is short or capitalised (`Officials said<tab>the budget...`, `Meanwhile in
    /// Berlin<tab>the minister...`) loses that start, as it reads like a navigation cell.
    pub struct ColumnCell => ("R024", "column-cell", Category::Chrome);
}

/// R024's switch: built from the run's strictness.
#[derive(Debug, Clone, Copy)]
pub struct ColumnCellRule {
    active: bool,
}

impl ColumnCellRule {
    pub fn new(strictness: Strictness) -> Self {
        ColumnCellRule {
            active: strictness != Strictness::Low,
        }
    }
}

/// Longest side cell cut, in words.
const MAX_SIDE_WORDS: usize = 20;

/// The main cell is text when it has this many words or ends like a sentence.
const MIN_MAIN_WORDS: usize = 10;

/// Whether `cell` ends like a sentence.
fn ends_like_sentence(cell: &str) -> bool {
    cell.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '…', '»', '“'])
}

/// Whether `cell` goes on from before the gap: its first word is a lowercase word of two or
/// more letters (`that`, `and`; not a bullet `o`, nor run-together links `del.icio.usDigg`).
fn starts_lowercase(cell: &str) -> bool {
    let first = cell.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches([',', ';', ':']);
    word.chars().count() >= 2 && word.chars().all(char::is_lowercase)
}

/// Whether a side cell reads like the start of a sentence rather than a menu, a label, a
/// title, a list item or a time stamp: it starts with a capital letter, has at least
/// [`MIN_PROSE_WORDS`] words that start with a letter, fewer than half of them capitalised,
/// and no separator of a menu or breadcrumb (`|`, `<`, `>`, `»`, `·`).
fn reads_like_prose(cell: &str) -> bool {
    if cell.contains(['|', '<', '>', '»', '·'])
        || !cell
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        return false;
    }
    let (mut words, mut capitalised) = (0, 0);
    for first in cell.split_whitespace().filter_map(|w| w.chars().next()) {
        if first.is_alphabetic() {
            words += 1;
            capitalised += usize::from(first.is_uppercase());
        }
    }
    words >= MIN_PROSE_WORDS && capitalised * 2 < words
}

/// Words a side cell needs to read as the start of a sentence.
const MIN_PROSE_WORDS: usize = 4;

/// The byte ranges of `line`'s cells, split at the column gaps `gaps` (offsets of the spaces
/// that stand for them), each cell without its gap, into `out` (cleared first: the rule reuses
/// one buffer for every line).
fn cells_into(
    line: &str,
    gaps: impl Iterator<Item = usize>,
    out: &mut Vec<std::ops::Range<usize>>,
) {
    out.clear();
    let mut start = 0;
    for g in gaps {
        out.push(start..g);
        start = g + 1;
    }
    out.push(start..line.len());
}

impl Rule for ColumnCellRule {
    fn meta(&self) -> &RuleMeta {
        &ColumnCell::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        if !self.active || doc.column_gaps.is_empty() {
            return;
        }
        // the cells of a line and their words, in buffers kept from line to line
        let (mut cells, mut words) = (Vec::new(), Vec::new());
        for i in doc.paragraphs() {
            if doc.column_gaps_in(i).next().is_none() {
                continue;
            }
            let line = doc.line(i);
            cells_into(line, doc.column_gaps_in(i), &mut cells);
            words.clear();
            words.extend(
                cells
                    .iter()
                    .map(|c| line[c.clone()].split_whitespace().count()),
            );
            // the first of the cells with the most words
            let main = (0..cells.len())
                .rev()
                .max_by_key(|&k| words[k])
                .unwrap_or(0);
            // a row of short cells is a table or a link list, not text beside a column
            if words[main] < MIN_MAIN_WORDS && !ends_like_sentence(&line[cells[main].clone()]) {
                continue;
            }
            for (k, c) in cells.iter().enumerate() {
                let text = &line[c.clone()];
                // a label that introduces the text after it (`Note:`, `Update:`) is the
                // text's own lead-in, not a cell of another column
                let lead_in = k + 1 == main && text.trim_end().ends_with(':');
                // nor is the start of a sentence the main cell goes on with in lowercase
                // (`The minister said on Monday<tab>that the budget...`)
                let continued = k + 1 == main
                    && starts_lowercase(&line[cells[main].clone()])
                    && reads_like_prose(text);
                if k == main
                    || lead_in
                    || continued
                    || words[k] > MAX_SIDE_WORDS
                    || ends_like_sentence(text)
                {
                    continue;
                }
                // the gap before the cell goes with it (the first cell's is the line's start)
                let cut = c.start.saturating_sub(1)..c.end;
                out.push(
                    Removal::within(&ColumnCell::META, i, cut).with_note(format!(
                        "side cell of {} word{} beside a column gap",
                        words[k],
                        if words[k] == 1 { "" } else { "s" }
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each line `text` keeps at normal strictness (cells cut, lines joined).
    fn kept(text: &str) -> Vec<String> {
        let normalised = crate::input::normalize::normalize(text);
        let doc = Document::from_text(normalised, 1, 0);
        let mut removals = Vec::new();
        ColumnCellRule::new(Strictness::Normal).check(&doc, &mut removals);
        // a kept line comes out with its column gaps as tabs; a cut line with single spaces
        let clean = crate::pipeline::apply::apply(&doc, &removals);
        clean.text.lines().map(str::to_string).collect()
    }

    #[test]
    fn side_cells_beside_the_text_go() {
        assert_eq!(
            kept(
                "Europe        Press sceptical on the summit, as talks open in Washington.\n\
                Breaking News Alerts Sign Up        The skier tore ligaments in his right knee.\n\
                Home\tNews\tThe council met on Tuesday to vote on the harbour plan\tContact"
            ),
            vec![
                "Press sceptical on the summit, as talks open in Washington.",
                "The skier tore ligaments in his right knee.",
                "The council met on Tuesday to vote on the harbour plan",
            ]
        );
    }

    #[test]
    fn sentences_and_lines_without_gaps_stay() {
        let text = "The vote passed.        The council met on Tuesday to vote on the plan.\n\
            Home News Sport   Weather\n\
            Flour, sugar and two eggs\n\
            Flour        200 g        Sugar        100 g";
        assert_eq!(
            kept(text),
            vec![
                "The vote passed.\tThe council met on Tuesday to vote on the plan.",
                "Home News Sport Weather",
                "Flour, sugar and two eggs",
                "Flour\t200 g\tSugar\t100 g",
            ]
        );
    }

    /// A tab inside a sentence: the text after it goes on in lowercase, so what stands
    /// before it is the sentence's start, not a cell of another column.
    #[test]
    fn a_sentence_the_main_cell_goes_on_with_stays() {
        assert_eq!(
            kept(
                "The minister said on Monday\tthat the budget would be balanced by next year \
                 despite the pressure.\n\
                 Politics        The minister said the budget would be balanced by next year.\n\
                 6. Proposed budget cuts put schools at risk\tto the puck, he said of the last game.\n\
                 Jul 19 2001 07:44AM\tand the inputs were changed from the old values to new ones."
            ),
            vec![
                "The minister said on Monday\tthat the budget would be balanced by next year \
                 despite the pressure.",
                "The minister said the budget would be balanced by next year.",
                "to the puck, he said of the last game.",
                "and the inputs were changed from the old values to new ones.",
            ]
        );
    }

    /// A label ending in a colon right before the text introduces it; elsewhere it is a cell.
    #[test]
    fn a_lead_in_label_before_the_text_stays() {
        assert_eq!(
            kept(
                "Note:\tThe council will meet again on Thursday to vote on the harbour plan.\n\
                Menu:        Home        The council will meet again on Thursday to vote.\n\
                The council will meet again on Thursday to vote.        Share:"
            ),
            vec![
                "Note:\tThe council will meet again on Thursday to vote on the harbour plan.",
                "The council will meet again on Thursday to vote.",
                "The council will meet again on Thursday to vote.",
            ]
        );
    }

    #[test]
    fn low_strictness_keeps_the_line_whole() {
        let doc = Document::from_text(
            crate::input::normalize::normalize("Europe        Press sceptical on the summit."),
            1,
            0,
        );
        let mut removals = Vec::new();
        ColumnCellRule::new(Strictness::Low).check(&doc, &mut removals);
        assert!(removals.is_empty());
    }

    #[test]
    fn cells_split_at_the_gaps() {
        let mut cells = vec![5..6, 7..9];
        cells_into("ab cd ef", [2usize].into_iter(), &mut cells);
        assert_eq!(cells, vec![0..2, 3..8]);
        cells_into("ab", std::iter::empty(), &mut cells);
        assert_eq!(cells, vec![0..2]);
    }
}
