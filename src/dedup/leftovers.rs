//! Documents that are copies of other documents (D005). Paragraph dedup (D001, D002) removes a
//! near copy's paragraphs one by one and leaves behind what is too short to compare: the
//! headline, subheadings, a byline, a caption. When the paragraphs removed as repeats of
//! *other* documents hold at least [`COPY_SHARE`] of the key words (as dedup counts them) the
//! document has left after the rules (and at least [`MIN_COPY_WORDS`]), and every line left is
//! one of those short lines (fewer key words than exact dedup compares), a credit line
//! ([`is_credit_line`]: `Source: County News Service`, a byline) or the one headline above the
//! copied paragraphs (shaped as a title is,
//! [`is_headline_shaped`](crate::pipeline::apply::is_headline_shaped)), the document is a copy
//! (a re-scrape with one line changed, a syndicated article under another byline and its own
//! headline, with a `Source: ...` line) and its stub goes too, pointing at the document that
//! holds most of the kept copies. Any other line long enough to be compared that matched
//! nothing is the document's own text: then the document stays as paragraph dedup left it.
//!
//! Decided from one document's dedup decisions and removals alone, after dedup: no hashing, no
//! state, so the same at any thread count, in `clean` and in `dedup apply` alike.

use crate::doc::{Document, KeptRef, Removal};
use crate::rules::stage_codes::CopiedDocument;

use super::{Decision, KeptAt, Verdict};

/// Share of the document's remaining words that must repeat other documents.
pub const COPY_SHARE: f64 = 0.8;

/// Words the repeats must hold at least: a short note that quotes one paragraph is no copy.
pub const MIN_COPY_WORDS: u32 = 20;

/// Most words of a credit line ([`is_credit_line`]).
const CREDIT_MAX_WORDS: u32 = 6;

/// A copy's credit line: a byline (`By Anna Reed`,
/// [`is_byline`](crate::pipeline::apply::is_byline)), or a label of one or two words, a colon
/// and a name (an upper-case or uncased first letter, no sentence end: `Source: County News Service`, `Источник: Казанские
/// вести`, `Foto: Hafenamt`), at most [`CREDIT_MAX_WORDS`] words in all. `Update: The mayor
/// has resigned.` is a sentence.
fn is_credit_line(line: &str, words: u32) -> bool {
    if words > CREDIT_MAX_WORDS {
        return false;
    }
    if crate::pipeline::apply::is_byline(line, words) {
        return true;
    }
    let Some((label, name)) = line.split_once(": ") else {
        return false;
    };
    let name = name.trim();
    (1..=2).contains(&label.split_whitespace().count())
        && label.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
        && name.starts_with(|c: char| c.is_alphanumeric() && !c.is_lowercase())
        && !name.ends_with(['.', '!', '?', ':', ';', ','])
}

/// Whether `kept` lies in a document other than `doc`.
fn elsewhere(doc: &Document, kept: &KeptAt) -> bool {
    kept.part != doc.part
        || kept.source_line != doc.source_line
        || kept.source != doc.source
        || kept.id != doc.id
}

/// Adds D005 removals of `doc`'s remaining lines to `removals` when the document is a copy (see
/// the module). `decisions` are dedup's decisions on `doc`, of which only those `selected` (by
/// their code) count; `removals` hold every removal reported on `doc` so far; `min_words` is
/// the fewest key words exact dedup compares (shorter lines are the stub).
pub fn mark(
    doc: &Document,
    decisions: &[Decision],
    removals: &mut Vec<Removal>,
    min_words: usize,
    selected: &dyn Fn(&str) -> bool,
) {
    // most documents repeat nothing of another one: nothing to count
    let copies = |d: &Decision| {
        matches!(d.verdict, Verdict::Exact | Verdict::Near)
            && d.kept.as_ref().is_some_and(|k| elsewhere(doc, k))
    };
    if !decisions.iter().any(copies) {
        return;
    }
    let n = doc.n_lines();
    let removed = crate::doc::lines_removed(n, removals.iter());
    // the repeats of other documents, by the document holding their kept copies (first seen
    // first), with that document's first kept paragraph
    let mut copied = 0u32;
    let mut sources: Vec<(&KeptAt, u32)> = Vec::new();
    let mut counted = vec![false; n];
    let mut first_copied = n;
    for d in decisions {
        let Some(kept) = d.kept.as_ref() else {
            continue;
        };
        if !matches!(d.verdict, Verdict::Exact | Verdict::Near)
            || d.line >= n
            || counted[d.line]
            || !selected(d.verdict.code())
            || !elsewhere(doc, kept)
        {
            continue;
        }
        counted[d.line] = true;
        first_copied = first_copied.min(d.line);
        let words = doc.info(d.line).key_words;
        copied += words;
        let same = |k: &KeptAt| {
            k.id == kept.id
                && k.part == kept.part
                && k.source_line == kept.source_line
                && k.source == kept.source
        };
        match sources.iter_mut().find(|(k, _)| same(k)) {
            Some((_, w)) => *w += words,
            None => sources.push((kept, words)),
        }
    }
    let mut left = 0u32;
    let mut headline = false;
    for i in (0..n).filter(|&i| !removed[i] && !doc.is_blank(i)) {
        let info = doc.info(i);
        if info.key_words as usize >= min_words {
            // the copy's own headline, above the copied paragraphs (a syndicated article
            // retitled), and its credit lines: they count with the rest, and the share still
            // has to be reached
            let line = doc.line(i);
            if is_credit_line(line, info.words) {
                // counted below
            } else if !headline
                && i < first_copied
                && crate::pipeline::apply::is_headline_shaped(line, info.words)
            {
                headline = true;
            } else {
                // text of its own that dedup compared and found in no other document
                return;
            }
        }
        left += info.key_words;
    }
    let total = copied + left;
    if copied < MIN_COPY_WORDS || left == 0 || f64::from(copied) < COPY_SHARE * f64::from(total) {
        return;
    }
    // the most words; among equals the first seen
    let Some((kept, from_it)) = sources
        .iter()
        .copied()
        .reduce(|best, x| if x.1 > best.1 { x } else { best })
    else {
        return;
    };
    let share = (f64::from(copied) / f64::from(total) * 1000.0).round() / 1000.0;
    // a split dump's later articles are told apart by their part
    let article = if kept.part > 0 {
        format!(", article {}", kept.part)
    } else {
        String::new()
    };
    let note = format!(
        "{copied} of the document's {total} words repeat other documents ({from_it} of record \
         {:?}{article}): the rest goes with them",
        kept.id
    );
    let kept_ref = KeptRef {
        id: kept.id.clone(),
        source: kept.source.clone(),
        record_line: kept.source_line,
        part: kept.part,
        para: kept.para,
        line: kept.line,
        similarity: share,
        diff: String::new(),
    };
    let mut i = 0;
    while i < n {
        if removed[i] || doc.is_blank(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && !removed[i] && !doc.is_blank(i) {
            i += 1;
        }
        let mut r = Removal::lines(&CopiedDocument::META, start..i);
        r.note = Some(note.clone());
        r.kept = Some(Box::new(kept_ref.clone()));
        removals.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::stage_codes::ExactDuplicate;

    fn doc(text: &str, id: &str, source_line: usize) -> Document {
        let mut d = Document::from_text(text.to_string(), 1, 0);
        d.id = id.into();
        d.source = "in.jsonl".into();
        d.source_line = source_line;
        d
    }

    fn kept_in(id: &str, source_line: usize, line: usize) -> KeptAt {
        KeptAt {
            id: id.into(),
            source: "in.jsonl".into(),
            source_line,
            part: 0,
            para: line,
            line: line + 1,
            similarity: 1.0,
            slot: 0,
        }
    }

    fn exact(line: usize, kept: KeptAt) -> Decision {
        Decision {
            line,
            para: line,
            verdict: Verdict::Exact,
            kept: Some(kept),
            docs: None,
            group_docs: None,
        }
    }

    const PARA_A: &str = "The city council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive.";
    const PARA_B: &str = "The mayor said that the new wall will be higher than the old one and that boats will have more room.";

    /// The paragraphs' removals (as dedup reports them) and the decisions behind them.
    fn copy_of(other: &str, line_of: usize, lines: &[usize]) -> (Vec<Decision>, Vec<Removal>) {
        let decisions: Vec<Decision> = lines
            .iter()
            .map(|&l| exact(l, kept_in(other, line_of, l)))
            .collect();
        let removals = lines
            .iter()
            .map(|&l| Removal::line(&ExactDuplicate::META, l))
            .collect();
        (decisions, removals)
    }

    #[test]
    fn a_copys_leftover_lines_go_and_point_at_the_kept_document() {
        let d = doc(
            &format!("Harbour plan approved\n{PARA_A}\nWhat changes\n{PARA_B}\nBy Staff"),
            "b",
            2,
        );
        let (decisions, mut removals) = copy_of("a", 1, &[1, 3]);
        mark(&d, &decisions, &mut removals, 4, &|_| true);
        let added: Vec<_> = removals.iter().filter(|r| r.code == "D005").collect();
        assert_eq!(
            added.iter().map(|r| r.lines.clone()).collect::<Vec<_>>(),
            [0..1, 2..3, 4..5]
        );
        let kept = added[0].kept.as_ref().unwrap();
        assert_eq!((kept.id.as_str(), kept.record_line), ("a", 1));
        assert!(kept.similarity > 0.8 && kept.similarity < 1.0);
        assert!(added[0].note.as_ref().unwrap().contains("record \"a\""));
    }

    /// A syndicated copy under a headline of its own (long enough for dedup to compare) and a
    /// source line: the headline above the copied paragraphs goes with them. A second such
    /// line, a headline-shaped line below the copied paragraphs or a sentence above them is
    /// the document's own, and it stays.
    #[test]
    fn a_copys_own_headline_above_the_copied_paragraphs_goes_with_them() {
        let retitled = "Council approves the plan to rebuild the harbour wall";
        let d = doc(
            &format!(
                "{retitled}\nSource: The Harbour Gazette\n{PARA_A}\n{PARA_B}\n{PARA_A} {PARA_B}"
            ),
            "b",
            2,
        );
        let (decisions, mut removals) = copy_of("a", 1, &[2, 3, 4]);
        mark(&d, &decisions, &mut removals, 4, &|_| true);
        let added: Vec<_> = removals.iter().filter(|r| r.code == "D005").collect();
        assert_eq!(
            added
                .iter()
                .map(|r| (r.lines.start, r.lines.end))
                .collect::<Vec<_>>(),
            [(0, 2)]
        );
        // the headline's words count with the rest: two short paragraphs under it are too few
        // (39 of 51 words)
        let d = doc(
            &format!("{retitled}\nSource: Harbour Gazette\n{PARA_A}\n{PARA_B}"),
            "b",
            2,
        );
        let (decisions, mut removals) = copy_of("a", 1, &[2, 3]);
        mark(&d, &decisions, &mut removals, 4, &|_| true);
        assert!(removals.iter().all(|r| r.code != "D005"));
        for text in [
            format!("{retitled}\nHarbour works to start in the spring\n{PARA_A}\n{PARA_B}\n{PARA_A} {PARA_B}"),
            format!("{PARA_A}\n{PARA_B}\n{PARA_A} {PARA_B}\n{retitled}"),
            format!("The council approved the plan to rebuild the wall.\n{PARA_A}\n{PARA_B}\n{PARA_A} {PARA_B}"),
        ] {
            let d = doc(&text, "b", 2);
            let copied: Vec<usize> = (0..d.n_lines())
                .filter(|&i| d.line(i).starts_with(&PARA_A[..20]) || d.line(i) == PARA_B)
                .collect();
            let (decisions, mut removals) = copy_of("a", 1, &copied);
            mark(&d, &decisions, &mut removals, 4, &|_| true);
            assert!(removals.iter().all(|r| r.code != "D005"), "{text}");
        }
    }

    #[test]
    fn credit_lines() {
        for line in [
            "Source: The Harbour Gazette",
            "Источник: Казанские вести",
            "Foto: Hafenamt Kiel",
            "Photo credit: Jo Bauer",
            "By Anna Reed and Jo Bauer",
        ] {
            let words = line.split_whitespace().count() as u32;
            assert!(is_credit_line(line, words), "{line}");
        }
        for line in [
            "Update: The mayor has resigned.",
            "Source: the harbour office said on Monday that the works would wait",
            "The harbour: a history",
            "see also: harbour works",
            "Residents can see the plans",
        ] {
            let words = line.split_whitespace().count() as u32;
            assert!(!is_credit_line(line, words), "{line}");
        }
    }

    /// A line long enough for dedup to compare that matched nothing is the document's own:
    /// however much of the rest is copied, the document stays as paragraph dedup left it.
    #[test]
    fn a_copy_with_a_paragraph_of_its_own_stays() {
        let d = doc(
            &format!("Harbour plan approved\n{PARA_A}\nWork starts in May.\n{PARA_B}"),
            "b",
            2,
        );
        let (decisions, mut removals) = copy_of("a", 1, &[1, 3]);
        mark(&d, &decisions, &mut removals, 4, &|_| true);
        assert!(removals.iter().all(|r| r.code != "D005"));
    }

    #[test]
    fn an_article_with_enough_words_of_its_own_stays() {
        let own = "Residents who live near the harbour will see the plans at the town hall until the end of the month, the council said, and may comment on them in writing.";
        let d = doc(
            &format!("Harbour plan approved\n{PARA_A}\n{own}\n{PARA_B}"),
            "b",
            2,
        );
        let (decisions, mut removals) = copy_of("a", 1, &[1, 3]);
        mark(&d, &decisions, &mut removals, 4, &|_| true);
        assert!(removals.iter().all(|r| r.code != "D005"));
    }

    #[test]
    fn repeats_within_the_document_or_unselected_or_too_few_do_not_count() {
        let text = format!("Harbour plan approved\n{PARA_A}\n{PARA_A}\n{PARA_B}");
        let d = doc(&text, "b", 2);
        // the copies are of the document's own paragraphs
        let (decisions, mut removals) = copy_of("b", 2, &[2]);
        mark(&d, &decisions, &mut removals, 4, &|_| true);
        assert!(removals.iter().all(|r| r.code != "D005"));
        // of another document, but D001 is not selected
        let (decisions, mut removals) = copy_of("a", 1, &[1, 2, 3]);
        mark(&d, &decisions, &mut removals, 4, &|code| code != "D001");
        assert!(removals.iter().all(|r| r.code != "D005"));
        // a short document: fewer than MIN_COPY_WORDS words repeated
        let d = doc("Title\nA short line of seven words here.", "b", 2);
        let (decisions, mut removals) = copy_of("a", 1, &[1]);
        mark(&d, &decisions, &mut removals, 4, &|_| true);
        assert!(removals.iter().all(|r| r.code != "D005"));
    }

    /// The kept document named is the one holding most of the repeated words.
    #[test]
    fn the_document_with_most_kept_words_is_named() {
        let d = doc(
            &format!("Title\n{PARA_A}\n{PARA_B}\n{PARA_B} Again."),
            "c",
            3,
        );
        let decisions = vec![
            exact(1, kept_in("a", 1, 1)),
            exact(2, kept_in("b", 2, 1)),
            exact(3, kept_in("b", 2, 2)),
        ];
        let mut removals: Vec<Removal> = (1..4)
            .map(|l| Removal::line(&ExactDuplicate::META, l))
            .collect();
        mark(&d, &decisions, &mut removals, 4, &|_| true);
        let added: Vec<_> = removals.iter().filter(|r| r.code == "D005").collect();
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].kept.as_ref().unwrap().id, "b");
    }
}
