//! Duplicate groups for `deboil dups`: paragraph groups (a kept paragraph and its removed copies)
//! and document groups (a document most of whose words are copies of one earlier document).

use std::collections::HashMap;

use serde::Serialize;

use super::steps::{Decision, Verdict};

/// A paragraph's address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ParaRef {
    pub id: String,
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
    pub part: usize,
    /// Key words of the document's paragraphs considered.
    pub words: u64,
    pub decisions: &'a [Decision],
    /// Key words of each decided paragraph, by decision index (for document level).
    pub decided_words: &'a [u32],
}

fn order_of<'a>(docs: &[DocDecisions<'a>]) -> HashMap<(&'a str, usize), usize> {
    docs.iter()
        .enumerate()
        .map(|(i, d)| ((d.id, d.part), i))
        .collect()
}

/// Paragraph-level groups (exact and near copies; learned boilerplate has no kept copy and is not
/// listed), ordered by the kept paragraph's position in the total order.
pub fn dup_groups(docs: &[DocDecisions<'_>]) -> Vec<DupGroup> {
    let order = order_of(docs);
    let mut groups: HashMap<(String, usize, usize), Vec<CopyRef>> = HashMap::new();
    for d in docs {
        for x in d.decisions {
            let Some(k) = &x.kept else { continue };
            if x.verdict == Verdict::Boilerplate {
                continue;
            }
            groups
                .entry((k.id.clone(), k.part, k.para))
                .or_default()
                .push(CopyRef {
                    id: d.id.to_string(),
                    part: d.part,
                    para: Some(x.para),
                    similarity: three_places(k.similarity),
                });
        }
    }
    let mut out: Vec<DupGroup> = groups
        .into_iter()
        .map(|((id, part, para), copies)| DupGroup {
            kept: ParaRef {
                id,
                part,
                para: Some(para),
            },
            copies,
        })
        .collect();
    out.sort_by_key(|g| {
        (
            order
                .get(&(g.kept.id.as_str(), g.kept.part))
                .copied()
                .unwrap_or(usize::MAX),
            g.kept.para,
        )
    });
    out
}

/// Document-level groups: a document is a near duplicate of an earlier one when at least
/// `min_share` of its paragraph words are exact or near copies of paragraphs of that one
/// document; `similarity` is that share.
pub fn doc_dup_groups(docs: &[DocDecisions<'_>], min_share: f64) -> Vec<DupGroup> {
    let order = order_of(docs);
    let mut groups: HashMap<(String, usize), Vec<CopyRef>> = HashMap::new();
    for d in docs {
        if d.words == 0 {
            continue;
        }
        let mut by_kept: HashMap<(&str, usize), u64> = HashMap::new();
        for (i, x) in d.decisions.iter().enumerate() {
            if let Some(k) = &x.kept {
                *by_kept.entry((k.id.as_str(), k.part)).or_insert(0) +=
                    u64::from(d.decided_words.get(i).copied().unwrap_or(0));
            }
        }
        let best = by_kept
            .into_iter()
            .filter(|(k, _)| *k != (d.id, d.part))
            .max_by_key(|(k, w)| (*w, std::cmp::Reverse(order.get(k).copied())));
        if let Some(((id, part), w)) = best {
            let share = w as f64 / d.words as f64;
            if share >= min_share {
                groups
                    .entry((id.to_string(), part))
                    .or_default()
                    .push(CopyRef {
                        id: d.id.to_string(),
                        part: d.part,
                        para: None,
                        similarity: three_places(share),
                    });
            }
        }
    }
    let mut out: Vec<DupGroup> = groups
        .into_iter()
        .map(|((id, part), copies)| DupGroup {
            kept: ParaRef {
                id,
                part,
                para: None,
            },
            copies,
        })
        .collect();
    out.sort_by_key(|g| {
        order
            .get(&(g.kept.id.as_str(), g.kept.part))
            .copied()
            .unwrap_or(usize::MAX)
    });
    out
}
