//! Duplicate groups for `deboil dups`: paragraph groups (a kept paragraph and its removed copies)
//! and document groups (a document most of whose words are copies of one earlier document).

use std::collections::HashMap;

use serde::Serialize;

use super::steps::{Decision, Verdict};

/// A paragraph's address: its document by id and, since ids may repeat across inputs, by the
/// input and record line it was read from (as the report's `kept` shows them).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ParaRef {
    pub id: String,
    pub source: String,
    pub record_line: usize,
    pub part: usize,
    /// Index among the document's non-blank lines; omitted at document level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub para: Option<usize>,
}

/// A similarity as the report prints it: three decimal places, without the noise of the
/// single-precision ratio it was computed as (`0.9523809552192688` is `0.952`).
fn three_places(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A removed copy and its similarity to the kept one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyRef {
    pub id: String,
    pub source: String,
    pub record_line: usize,
    pub part: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub para: Option<usize>,
    pub similarity: f64,
}

/// One duplicate group: `{"kept": {...}, "copies": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DupGroup {
    pub kept: ParaRef,
    pub copies: Vec<CopyRef>,
}

/// One document's dedup outcome, as `dup_groups` needs it.
#[derive(Debug, Clone)]
pub struct DocDecisions<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub source_line: usize,
    pub part: usize,
    /// Key words of the document's paragraphs considered.
    pub words: u64,
    pub decisions: &'a [Decision],
    /// Key words of each decided paragraph, by decision index (for document level).
    pub decided_words: &'a [u32],
    /// xxh3 of the document's text (for document level: a document whose text is an earlier
    /// one's is a copy of it whole, short lines included, as `clean`'s D004 takes it).
    pub text_hash: Option<u64>,
}

/// A document's identity: its input, record line and part (ids may repeat).
type DocKey<'a> = (&'a str, usize, usize);

fn order_of<'a>(docs: &[DocDecisions<'a>]) -> HashMap<DocKey<'a>, usize> {
    docs.iter()
        .enumerate()
        .map(|(i, d)| ((d.source, d.source_line, d.part), i))
        .collect()
}

/// Paragraph-level groups (exact and near copies; learned boilerplate has no kept copy and is not
/// listed), ordered by the kept paragraph's position in the total order.
pub fn dup_groups(docs: &[DocDecisions<'_>]) -> Vec<DupGroup> {
    let order = order_of(docs);
    let mut groups: HashMap<(ParaRef, usize), Vec<CopyRef>> = HashMap::new();
    for d in docs {
        for x in d.decisions {
            let Some(k) = &x.kept else { continue };
            if x.verdict == Verdict::Boilerplate {
                continue;
            }
            let at = order
                .get(&(k.source.as_str(), k.source_line, k.part))
                .copied()
                .unwrap_or(usize::MAX);
            let kept = ParaRef {
                id: k.id.clone(),
                source: k.source.clone(),
                record_line: k.source_line,
                part: k.part,
                para: Some(k.para),
            };
            groups.entry((kept, at)).or_default().push(CopyRef {
                id: d.id.to_string(),
                source: d.source.to_string(),
                record_line: d.source_line,
                part: d.part,
                para: Some(x.para),
                similarity: three_places(k.similarity),
            });
        }
    }
    let mut out: Vec<((usize, Option<usize>), DupGroup)> = groups
        .into_iter()
        .map(|((kept, at), copies)| ((at, kept.para), DupGroup { kept, copies }))
        .collect();
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, g)| g).collect()
}

/// Document-level groups: a document is a near duplicate of an earlier one when at least
/// `min_share` of its paragraph words are exact or near copies of paragraphs of that one
/// document; `similarity` is that share.
pub fn doc_dup_groups(docs: &[DocDecisions<'_>], min_share: f64) -> Vec<DupGroup> {
    let order = order_of(docs);
    let mut groups: HashMap<usize, Vec<CopyRef>> = HashMap::new();
    let mut first_with_text: HashMap<u64, usize> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        let same_text = d
            .text_hash
            .map(|h| *first_with_text.entry(h).or_insert(i))
            .filter(|&first| first != i);
        if let Some(first) = same_text {
            groups.entry(first).or_default().push(CopyRef {
                id: d.id.to_string(),
                source: d.source.to_string(),
                record_line: d.source_line,
                part: d.part,
                para: None,
                similarity: 1.0,
            });
            continue;
        }
        if d.words == 0 {
            continue;
        }
        // words copied from each earlier document, by its place in the order
        let mut by_kept: HashMap<usize, u64> = HashMap::new();
        for (i, x) in d.decisions.iter().enumerate() {
            if let Some(k) = &x.kept {
                let Some(&at) = order.get(&(k.source.as_str(), k.source_line, k.part)) else {
                    continue;
                };
                *by_kept.entry(at).or_insert(0) +=
                    u64::from(d.decided_words.get(i).copied().unwrap_or(0));
            }
        }
        let own = order.get(&(d.source, d.source_line, d.part)).copied();
        let best = by_kept
            .into_iter()
            .filter(|(at, _)| Some(*at) != own)
            .max_by_key(|(at, w)| (*w, std::cmp::Reverse(*at)));
        if let Some((at, w)) = best {
            let share = w as f64 / d.words as f64;
            if share >= min_share {
                groups.entry(at).or_default().push(CopyRef {
                    id: d.id.to_string(),
                    source: d.source.to_string(),
                    record_line: d.source_line,
                    part: d.part,
                    para: None,
                    similarity: three_places(share),
                });
            }
        }
    }
    let mut out: Vec<(usize, Vec<CopyRef>)> = groups.into_iter().collect();
    out.sort_by_key(|(at, _)| *at);
    out.into_iter()
        .map(|(at, copies)| {
            let k = &docs[at];
            DupGroup {
                kept: ParaRef {
                    id: k.id.to_string(),
                    source: k.source.to_string(),
                    record_line: k.source_line,
                    part: k.part,
                    para: None,
                },
                copies,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::steps::KeptAt;

    fn copy_of(para: usize, source: &str, source_line: usize, kept_para: usize) -> Decision {
        Decision {
            line: para,
            para,
            verdict: Verdict::Exact,
            kept: Some(KeptAt {
                id: "d4".into(),
                source: source.into(),
                source_line,
                part: 0,
                para: kept_para,
                line: kept_para + 1,
                similarity: 1.0,
                slot: 0,
            }),
            docs: None,
            group_docs: None,
        }
    }

    /// Two documents share the id `d4` (two inputs): their groups stay apart, and every entry
    /// says which input and record line it is.
    #[test]
    fn documents_with_one_id_are_told_apart_by_input_and_record_line() {
        let first = [];
        let second = [];
        let copies_a = [copy_of(0, "a.jsonl", 4, 0), copy_of(1, "a.jsonl", 4, 1)];
        let copies_b = [copy_of(0, "b.jsonl", 304, 0)];
        let words = [10, 10];
        let doc = |id, source, source_line, decisions| DocDecisions {
            id,
            source,
            source_line,
            part: 0,
            words: 20,
            decisions,
            decided_words: &words,
            text_hash: None,
        };
        let docs = [
            doc("d4", "a.jsonl", 4, &first[..]),
            doc("d4", "b.jsonl", 304, &second[..]),
            doc("x", "c.jsonl", 1, &copies_a[..]),
            doc("y", "c.jsonl", 2, &copies_b[..]),
        ];
        let groups = dup_groups(&docs);
        let kept: Vec<(&str, usize, Option<usize>)> = groups
            .iter()
            .map(|g| (g.kept.source.as_str(), g.kept.record_line, g.kept.para))
            .collect();
        assert_eq!(
            kept,
            [
                ("a.jsonl", 4, Some(0)),
                ("a.jsonl", 4, Some(1)),
                ("b.jsonl", 304, Some(0))
            ]
        );
        let c = &groups[2].copies[0];
        assert_eq!(
            (c.id.as_str(), c.source.as_str(), c.record_line),
            ("y", "c.jsonl", 2)
        );
        // document level: x copies all of a.jsonl:4's d4 (20 of 20 words), y half of b's
        let docs_level = doc_dup_groups(&docs, 0.5);
        let kept: Vec<(&str, usize)> = docs_level
            .iter()
            .map(|g| (g.kept.source.as_str(), g.kept.record_line))
            .collect();
        assert_eq!(kept, [("a.jsonl", 4), ("b.jsonl", 304)]);
        assert_eq!(docs_level[0].copies[0].similarity, 1.0);
        assert_eq!(docs_level[1].copies[0].similarity, 0.5);
    }

    /// A document whose text is an earlier one's is its copy at 1.0, though its short lines
    /// (a headline, a closing line) are no paragraph dedup compares.
    #[test]
    fn a_document_with_an_earlier_ones_text_copies_it_whole() {
        let none = [];
        let doc = |id, source_line, words, text_hash| DocDecisions {
            id,
            source: "a.jsonl",
            source_line,
            part: 0,
            words,
            decisions: &none[..],
            decided_words: &[],
            text_hash,
        };
        let docs = [
            doc("a", 1, 30, Some(7)),
            doc("b", 2, 30, Some(7)),
            doc("c", 3, 0, Some(9)),
            doc("d", 4, 0, Some(9)),
            doc("e", 5, 30, None),
            doc("f", 6, 30, None),
        ];
        let groups = doc_dup_groups(&docs, 0.5);
        let found: Vec<(&str, Vec<(&str, f64)>)> = groups
            .iter()
            .map(|g| {
                let copies = g.copies.iter().map(|c| (c.id.as_str(), c.similarity));
                (g.kept.id.as_str(), copies.collect())
            })
            .collect();
        assert_eq!(found, [("a", vec![("b", 1.0)]), ("c", vec![("d", 1.0)])]);
    }
}
