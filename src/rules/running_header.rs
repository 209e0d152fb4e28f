//! R028: a printed document's running header or footer, and its page numbers.

use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A printed document's running header or footer and its page numbers: text extracted
    /// from a PDF (`pdftotext`, a PDF reader's copy) prints the same short line at the top or
    /// the bottom of every page, next to the page's number, between the pages' text.
    ///
    /// A page number is a line that holds only one: `Page 3 of 12`, `Page 3`, `Seite 3 von
    /// 12`, `Page 3 sur 12`, `Página 3 de 12`, `Pagina 3 di 12`, `Strona 3 z 12`, `Sida 3 av
    /// 12`, `p. 3`; `3 / 12` and `3 of 12` where two such lines count the same total; a bare
    /// `3` or `- 3 -`. A running header (or footer) is a line of at most 16 words that stands
    /// within two lines of a page number on at least two pages with different numbers (rising
    /// by one or two from page to page when the numbers are bare). Its copies there go, with
    /// the page numbers beside them; so does its copy on the first line of the document, the
    /// top of the first page. Worded page numbers (`Page 3 of 12`, `Seite 3`) go wherever they
    /// stand, and so do `3 / 12` lines counting the same total (a web page's pagination, a
    /// gallery's counter, are no article text either); a bare number only beside a running
    /// header's copy.
    ///
    /// Example (three pages of a journal article):
    ///
    /// ```text
    /// Journal of Applied Hydrology, Vol. 12 (2021)
    /// Groundwater recharge in semi-arid basins
    /// Groundwater is the primary source of drinking water ...
    /// Journal of Applied Hydrology, Vol. 12 (2021)
    /// Page 2 of 14
    /// The four basins range from 120 to 860 square kilometres ...
    /// Journal of Applied Hydrology, Vol. 12 (2021)
    /// Page 3 of 14
    /// ```
    ///
    /// keeps the title and the text: every copy of the journal's line goes, the first one
    /// included, and the page numbers with them. The first page's copy goes only where it
    /// opens the document: a title page prints the journal's or the publisher's line above
    /// the title, and the document's real title is the line below it. A copy elsewhere in the
    /// text (a title the running header repeats, printed once on the first page below its
    /// top line) stays, and becomes the document's title.
    ///
    /// Only the lines deboil reads count: the form feed `pdftotext` puts at each page break
    /// ends a line but leaves no mark, so a running header with no page number beside it
    /// stays. Words hyphenated across lines stay as printed (`millime-` / `tres`): rules
    /// never edit text.
    pub struct RunningHeader => ("R028", "running-page-header", Category::Repeat);
}

/// Most words of a running header or footer (a journal's name, volume and year; a report's
/// title and its publisher).
const MAX_HEADER_WORDS: u32 = 16;

/// A running header stands within this many non-blank lines of its page's number (a
/// journal's line, the page number, the article's short title).
const WINDOW: usize = 2;

/// Most bytes of a page number's line (`Página 1234 de 5678`).
const MAX_NUMBER_BYTES: usize = 32;

/// Largest page number read.
const MAX_PAGE: u32 = 99_999;

/// How a line numbers its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    /// `3`, `- 3 -`: beside a running header only.
    Bare,
    /// `3 / 12`, `3 of 12`: a page number where another line counts the same total.
    Counted(u32),
    /// `Page 3`, `Page 3 of 12`, `Seite 3 von 12`.
    Worded,
}

/// One page number's line.
#[derive(Debug, Clone, Copy)]
struct PageMark {
    /// Index of the line among the document's non-blank lines.
    at: usize,
    number: u32,
    numbering: Numbering,
    /// Whether it counts as a page number without a running header beside it.
    strong: bool,
}

/// The words of "page" a worded page number opens with (ASCII lowercase, any final dot
/// dropped).
const PAGE_WORDS: &[&str] = &[
    "page",
    "p",
    "pg",
    "pag",
    "pág",
    "página",
    "pagina",
    "seite",
    "strona",
    "str",
    "sida",
    "side",
    "sivu",
    "strana",
    "stránka",
    "oldal",
    "sayfa",
    "страница",
    "стр",
];

/// The words between a page number and the count of pages (`of 12`, `von 12`, `sur 12`).
const OF_WORDS: &[&str] = &[
    "of", "von", "sur", "de", "di", "van", "z", "ze", "av", "af", "из", "/",
];

/// A page number read as such: `n` in `1..=MAX_PAGE` written with ASCII digits.
fn page(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 5 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|n| (1..=MAX_PAGE).contains(n))
}

/// The page number a line holds alone, and how (see [`Numbering`]).
fn page_number(line: &str) -> Option<(u32, Numbering)> {
    if line.len() > MAX_NUMBER_BYTES {
        return None;
    }
    let first = *line.as_bytes().first()?;
    // a number, a dash around one, or a word of "page" (ASCII, or a UTF-8 lead byte), and a
    // digit
    if !(first.is_ascii_digit() || first.is_ascii_alphabetic() || first >= 0xC0 || first == b'-')
        || !line.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    let dashes: &[char] = &['-', '–', '—', ' '];
    let bare = line.trim_matches(dashes);
    if let Some(n) = page(bare) {
        return Some((n, Numbering::Bare));
    }
    let lower = line.to_lowercase();
    let mut words: Vec<&str> = lower.split(' ').collect();
    let worded = words
        .first()
        .map(|w| w.trim_end_matches(['.', ':']))
        .is_some_and(|w| PAGE_WORDS.contains(&w));
    if worded {
        words.remove(0);
    }
    // `Page 3/12` (not a bare `3/12`: a date)
    let split;
    if let [one] = words.as_slice() {
        if let Some((n, m)) = one.split_once('/').filter(|_| worded) {
            split = [n, "/", m];
            words = split.to_vec();
        }
    }
    match words.as_slice() {
        [n] if worded => Some((page(n)?, Numbering::Worded)),
        [n, of, m] if OF_WORDS.contains(of) => {
            let (n, m) = (page(n)?, page(m)?);
            if n > m {
                return None;
            }
            Some((
                n,
                if worded {
                    Numbering::Worded
                } else {
                    Numbering::Counted(m)
                },
            ))
        }
        _ => None,
    }
}

impl Rule for RunningHeader {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let paras: Vec<usize> = doc.paragraphs().collect();
        let mut marks: Vec<PageMark> = paras
            .iter()
            .enumerate()
            .filter_map(|(at, &i)| {
                let (number, numbering) = page_number(doc.line(i))?;
                Some(PageMark {
                    at,
                    number,
                    numbering,
                    strong: numbering == Numbering::Worded,
                })
            })
            .collect();
        if marks.is_empty() {
            return;
        }
        // `3 / 12` counts pages where another line counts the same total
        let totals: Vec<u32> = marks
            .iter()
            .filter_map(|m| match m.numbering {
                Numbering::Counted(total) => Some(total),
                _ => None,
            })
            .collect();
        for m in &mut marks {
            if let Numbering::Counted(total) = m.numbering {
                m.strong = totals.iter().filter(|&&t| t == total).count() >= 2;
            }
        }
        let is_mark: Vec<bool> = {
            let mut v = vec![false; paras.len()];
            marks.iter().for_each(|m| v[m.at] = true);
            v
        };
        // the short lines beside each page number: (key, line's index among paras, distance,
        // mark); a line beside two page numbers is the nearest one's
        let mut beside: Vec<(u64, usize, usize, usize)> = Vec::new();
        for (k, m) in marks.iter().enumerate() {
            let from = m.at.saturating_sub(WINDOW);
            let to = (m.at + WINDOW).min(paras.len() - 1);
            for at in (from..=to).filter(|&at| !is_mark[at]) {
                let info = doc.info(paras[at]);
                if info.words <= MAX_HEADER_WORDS && info.key_words > 0 {
                    beside.push((info.key, at, at.abs_diff(m.at), k));
                }
            }
        }
        beside.sort_unstable();
        beside.dedup_by_key(|&mut (key, at, _, _)| (key, at));
        let mut gone = vec![false; paras.len()];
        let mut notes: Vec<Option<usize>> = vec![None; paras.len()];
        for copies in beside.chunk_by(|a, b| a.0 == b.0) {
            if !running(copies, &marks) {
                continue;
            }
            for &(_, at, _, _) in copies {
                gone[at] = true;
                notes[at] = Some(copies.len());
            }
            // the top of the first page
            if doc.info(paras[0]).key == copies[0].0 && !gone[0] {
                gone[0] = true;
                notes[0] = Some(copies.len());
            }
        }
        for (at, &i) in paras.iter().enumerate() {
            if gone[at] {
                let pages = notes[at].unwrap_or(0);
                out.push(Removal::line(&Self::META, i).with_note(format!(
                    "running header or footer, beside {pages} page numbers"
                )));
            } else if let Some(m) = marks.iter().find(|m| m.at == at) {
                let from = at.saturating_sub(WINDOW);
                let to = (at + WINDOW).min(paras.len() - 1);
                if m.strong || (from..=to).any(|a| gone[a]) {
                    out.push(Removal::line(&Self::META, i).with_note("page number"));
                }
            }
        }
    }
}

/// Whether the copies of one line beside page numbers (key, line, distance, mark; in line order) are a
/// running header's: beside at least two page numbers that differ; beside bare numbers only,
/// rising by one or two from copy to copy.
fn running(copies: &[(u64, usize, usize, usize)], marks: &[PageMark]) -> bool {
    if copies.len() < 2 {
        return false;
    }
    let numbers = || copies.iter().map(|&(_, _, _, k)| &marks[k]);
    let first = numbers().next().map(|m| m.number);
    if numbers().all(|m| Some(m.number) == first) {
        return false;
    }
    if numbers().any(|m| m.numbering != Numbering::Bare) {
        return true;
    }
    let mut last: Option<u32> = None;
    numbers().all(|m| {
        let rises = last.is_none_or(|l| (l + 1..=l + 2).contains(&m.number));
        last = Some(m.number);
        rises
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&RunningHeader, text)
    }

    #[test]
    fn page_numbers_are_read_in_their_forms() {
        for (line, read) in [
            ("Page 3 of 12", Some((3, Numbering::Worded))),
            ("PAGE 3 OF 12", Some((3, Numbering::Worded))),
            ("Page 3", Some((3, Numbering::Worded))),
            ("Seite 3 von 12", Some((3, Numbering::Worded))),
            ("Página 3 de 12", Some((3, Numbering::Worded))),
            ("p. 3", Some((3, Numbering::Worded))),
            ("Page 3/12", Some((3, Numbering::Worded))),
            ("3 / 12", Some((3, Numbering::Counted(12)))),
            ("3/12", None),
            ("3 of 12", Some((3, Numbering::Counted(12)))),
            ("3", Some((3, Numbering::Bare))),
            ("- 3 -", Some((3, Numbering::Bare))),
            ("— 3 —", Some((3, Numbering::Bare))),
            // more pages than the count, no number, a sentence, a year's range, a score
            ("Page 13 of 12", None),
            ("Page", None),
            ("Page 3 is missing.", None),
            ("0", None),
            ("2020/2021", None),
            ("3-1", None),
            ("Step 3", None),
        ] {
            assert_eq!(page_number(line), read, "{line:?}");
        }
    }

    #[test]
    fn a_running_header_goes_from_every_page_with_its_numbers() {
        let text = "Journal of Hydrology, Vol. 12 (2021)\n\
            Groundwater recharge in semi-arid basins\n\
            Groundwater is the primary source of drinking water for two billion people.\n\
            Journal of Hydrology, Vol. 12 (2021)\n\
            Page 2 of 14\n\
            The four basins range from 120 to 860 square kilometres in size.\n\
            Journal of Hydrology, Vol. 12 (2021)\n\
            Page 3 of 14\n\
            Recharge was estimated with the chloride mass balance method.\n";
        // the title below the first page's top line stays
        assert_eq!(removed(text), vec![0, 3, 4, 6, 7]);
    }

    #[test]
    fn bare_page_numbers_go_beside_a_header_rising_page_by_page() {
        let text = "Rapport annuel 2022 — Agence de l'eau\n\n\
            La qualité des rivières\n\
            En 2022, la sécheresse a fortement réduit le débit des cours d'eau.\n\
            Rapport annuel 2022 — Agence de l'eau\n\
            2\n\
            Les mesures prises par les préfectures ont limité les prélèvements.\n\
            Rapport annuel 2022 — Agence de l'eau\n\
            3\n\
            Le programme de restauration des zones humides sera poursuivi.\n";
        assert_eq!(removed(text), vec![0, 4, 5, 7, 8]);
        // numbers that jump (a table's column), or one number: no pages
        for text in [
            "Goals scored\n12\nThe home side won.\nGoals scored\n15\nThe away side lost.\n",
            "Rapport annuel\n2\nText of the page.\nRapport annuel\n2\nMore text.\n",
        ] {
            assert!(removed(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_pagination_line_goes_and_the_title_beside_it_stays() {
        // a forum page's pagination above and below its posts: one page, no running header
        let text = "How do I reset the router?\nPage 1 of 3\nHold the reset button for ten \
            seconds and wait until the lights blink.\nHow do I reset the router?\nPage 1 of 3\n";
        assert_eq!(removed(text), vec![1, 4]);
        // counted numbers alone go only where two lines count the same total
        assert!(removed("The score was\n3 / 12\nafter the first round.").is_empty());
        assert_eq!(
            removed("Photo\n1 / 12\nText.\nPhoto\n2 / 12\n"),
            vec![0, 1, 3, 4]
        );
    }
}
