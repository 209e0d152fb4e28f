//! The three dedup steps, each callable on its own: [`signatures`] (per document, pure),
//! [`Decider::decide`] (keep-first over signatures in the total order; holds hashes only) and
//! [`apply`] (turns decisions into [`Removal`]s with kept references and word diffs).
//!
//! A distributed engine runs `signatures` per shard, groups by key/band hash itself, and feeds
//! each group's signatures, sorted by `(seq, part, line)`, to a `Decider`; `apply` then needs the
//! document and, for near duplicates' diffs, the kept paragraph's text.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, ChangeTag, TextDiff};

use super::boilerplate::Boilerplate;
use super::index::HashIndex;
use super::minhash;
use super::{DedupMode, DedupOptions};
use crate::doc::{Document, KeptRef, Removal};
use crate::rules::stage_codes::{ExactDuplicate, LearnedBoilerplate, NearDuplicate};

/// Signatures of one paragraph: everything the decide step needs, no text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParaSig {
    /// Line index in the document.
    pub line: usize,
    /// Index among the document's non-blank lines.
    pub para: usize,
    /// Input line number (1-based, in the record's text).
    pub input_line: usize,
    /// xxh3 of the normalised key.
    pub key: u64,
    /// Words of the normalised key.
    pub words: u32,
    /// Per-word hashes (32 bits) of the normalised key; empty when the paragraph is too short or
    /// too long for near matching. The word diff ratio is computed on these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub word_hashes: Vec<u32>,
    /// LSH band hashes of the paragraph's MinHash signature (empty when not near-eligible).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<u64>,
}

/// Signatures of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocSigs {
    pub id: String,
    /// The input the document was read from, as `clean` shows it (relative to the case folder
    /// under `deboil check`).
    #[serde(default)]
    pub source: String,
    /// 1-based line of the document's record in `source` (1 for a text dump).
    #[serde(default)]
    pub source_line: usize,
    pub part: usize,
    /// Position of the record in the input of the `sigs` run that wrote this line. `decide`
    /// numbers the records of several signature files one after another.
    pub seq: u64,
    /// xxh3 of the learned-boilerplate group (host or folder), see [`super::source_group`].
    pub group: u64,
    pub paras: Vec<ParaSig>,
    /// Keys of *all* the document's paragraphs (rule-removed ones too), for learning boilerplate
    /// from signatures alone (`deboil dedup decide`); empty unless filled by the caller.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all_keys: Vec<u64>,
}

/// Step 1: signatures of every paragraph of `doc` that rules did not remove whole.
pub fn signatures(doc: &Document, removed: &[Removal], opts: &DedupOptions) -> DocSigs {
    let mut gone = vec![false; doc.n_lines()];
    for r in removed.iter().filter(|r| r.within.is_none()) {
        for i in r.lines.clone() {
            if let Some(g) = gone.get_mut(i) {
                *g = true;
            }
        }
    }
    let mut paras = Vec::new();
    let mut key = Vec::new();
    let mut words: Vec<u64> = Vec::new();
    for (para, line) in doc.paragraphs().enumerate() {
        if gone[line] {
            continue;
        }
        // the key's word count was taken with its hash; the words themselves are needed only
        // for near matching
        let n_words = doc.info(line).key_words as usize;
        let near_ok = opts.near
            && opts.mode != DedupMode::None
            && n_words >= opts.min_words_near.max(1)
            && n_words <= opts.max_words_near;
        let (word_hashes, bands) = if near_ok {
            super::key::key_bytes(doc.line(line), &mut key);
            words.clear();
            words.extend(key.split(|&b| b == b' ').map(minhash::word_hash_bytes));
            (
                words.iter().map(|&w| w as u32).collect(),
                minhash::bands_of(&words, opts.shingle, opts.bands, opts.rows),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        paras.push(ParaSig {
            line,
            para,
            input_line: doc.input_line(line),
            key: doc.info(line).key,
            words: n_words as u32,
            word_hashes,
            bands,
        });
    }
    DocSigs {
        id: doc.id.clone(),
        source: doc.source.clone(),
        source_line: doc.source_line,
        part: doc.part,
        seq: doc.seq,
        group: xxhash_rust::xxh3::xxh3_64(super::source_group(doc).as_bytes()),
        paras,
        all_keys: Vec::new(),
    }
}

/// What the decide step concluded about one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Exact,
    Near,
    Boilerplate,
}

impl Verdict {
    /// The code of the removals this verdict makes (D001, D002, D003).
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Exact => ExactDuplicate::META.code,
            Verdict::Near => NearDuplicate::META.code,
            Verdict::Boilerplate => LearnedBoilerplate::META.code,
        }
    }
}

/// Where the kept copy of a removed paragraph lives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptAt {
    pub id: String,
    /// The input of the kept copy's document (as [`DocSigs::source`]).
    #[serde(default)]
    pub source: String,
    /// 1-based line of the kept copy's record in `source`.
    #[serde(default)]
    pub source_line: usize,
    pub part: usize,
    pub para: usize,
    /// Input line number of the kept paragraph.
    pub line: usize,
    pub similarity: f64,
    /// The decider's index of the kept paragraph (key of the kept-text cache).
    pub slot: u32,
}

/// A removal decided for one line of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// Line index in the document.
    pub line: usize,
    /// Index among the document's non-blank lines.
    pub para: usize,
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<KeptAt>,
    /// For learned boilerplate: in how many documents of the source the line recurs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs: Option<u32>,
    /// For learned boilerplate: how many documents the source has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_docs: Option<u32>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    doc: u32,
    para: u32,
    input_line: u32,
    words_at: u64,
    words_len: u32,
}

/// Step 2: keep-first over signatures fed in the total order. Holds, per kept paragraph, its
/// key hash, its band hashes (only the first paragraph per bucket) and its word hashes when
/// near-eligible; per document its id. See the module docs of [`super`] for bytes per paragraph.
#[derive(Debug, Default)]
pub struct Decider {
    opts: DedupOptions,
    /// Per document with a kept paragraph: id, part, index in `sources`, record line.
    docs: Vec<(Box<str>, u32, u32, u32)>,
    /// Input paths, each once per run of documents from it (documents come in input order).
    sources: Vec<Box<str>>,
    slots: Vec<Slot>,
    words: Vec<u32>,
    /// First slot per key hash, and per band hash (see [`HashIndex`]).
    exact: HashIndex,
    lsh: HashIndex,
    /// Buffers [`Self::best_near`] reuses from paragraph to paragraph.
    scratch: NearScratch,
}

/// Candidates and sorted word hashes of one near-duplicate search.
#[derive(Debug, Default)]
struct NearScratch {
    cands: Vec<u32>,
    sorted_p: Vec<u32>,
    sorted_c: Vec<u32>,
}

impl Decider {
    pub fn new(opts: DedupOptions) -> Decider {
        Decider {
            opts,
            ..Decider::default()
        }
    }

    /// Paragraphs indexed so far (kept paragraphs eligible as originals).
    pub fn indexed(&self) -> usize {
        self.slots.len()
    }

    /// Approximate heap bytes held (hash tables, word hashes, ids).
    pub fn heap_bytes(&self) -> usize {
        let map_entry = HashIndex::ENTRY_BYTES;
        self.exact.capacity() * map_entry
            + self.lsh.capacity() * map_entry
            + self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.words.capacity() * 4
            + self
                .docs
                .iter()
                .map(|(id, ..)| id.len() + std::mem::size_of::<(Box<str>, u32, u32, u32)>())
                .sum::<usize>()
            + self
                .sources
                .iter()
                .map(|s| s.len() + std::mem::size_of::<Box<str>>())
                .sum::<usize>()
    }

    /// Paragraph index (within its document) of a kept slot.
    pub fn slot_para(&self, slot: u32) -> Option<usize> {
        self.slots.get(slot as usize).map(|s| s.para as usize)
    }

    /// Word hashes of a kept slot.
    pub fn slot_words(&self, slot: u32) -> &[u32] {
        match self.slots.get(slot as usize) {
            Some(s) => {
                let at = s.words_at as usize;
                &self.words[at..at + s.words_len as usize]
            }
            None => &[],
        }
    }

    fn kept_at(&self, slot: u32, similarity: f64) -> KeptAt {
        let s = self.slots[slot as usize];
        let (id, part, source, source_line) = &self.docs[s.doc as usize];
        KeptAt {
            id: id.to_string(),
            source: self.sources[*source as usize].to_string(),
            source_line: *source_line as usize,
            part: *part as usize,
            para: s.para as usize,
            line: s.input_line as usize,
            similarity,
            slot,
        }
    }

    /// Decides the paragraphs of one document; documents must come in the total order.
    pub fn decide(&mut self, sigs: &DocSigs, boiler: Option<&Boilerplate>) -> Vec<Decision> {
        let mut out = Vec::new();
        if self.opts.mode == DedupMode::None && boiler.is_none() {
            return out;
        }
        if self.opts.mode == DedupMode::Doc {
            self.exact.clear();
            self.lsh.clear();
            self.slots.clear();
            self.words.clear();
            self.docs.clear();
            self.sources.clear();
        }
        let mut doc_index: Option<u32> = None;
        // the indexes are far larger than the caches: load the entries this document will probe
        // first, all at once, so that their misses overlap
        if self.opts.mode != DedupMode::None {
            for p in &sigs.paras {
                self.exact.touch(std::slice::from_ref(&p.key));
                self.lsh.touch(&p.bands);
            }
        }
        for p in &sigs.paras {
            if let Some((n, of)) = boiler.and_then(|b| b.lookup(sigs.group, p.key)) {
                out.push(Decision {
                    line: p.line,
                    para: p.para,
                    verdict: Verdict::Boilerplate,
                    kept: None,
                    docs: Some(n),
                    group_docs: Some(of),
                });
                continue;
            }
            if self.opts.mode == DedupMode::None {
                continue;
            }
            let exact_ok = p.words as usize >= self.opts.min_words_exact.max(1);
            if exact_ok {
                if let Some(slot) = self.exact.get(p.key) {
                    // a short sentence said twice in one article is a refrain, not debris
                    let same_doc = doc_index.is_some_and(|d| self.slots[slot as usize].doc == d);
                    if same_doc && (p.words as usize) < self.opts.min_words_repeat_in_doc {
                        continue;
                    }
                    out.push(Decision {
                        line: p.line,
                        para: p.para,
                        verdict: Verdict::Exact,
                        kept: Some(self.kept_at(slot, 1.0)),
                        docs: None,
                        group_docs: None,
                    });
                    continue;
                }
            }
            if !p.bands.is_empty() {
                let mut scratch = std::mem::take(&mut self.scratch);
                let near = self.best_near(p, &mut scratch);
                self.scratch = scratch;
                if let Some((slot, sim)) = near {
                    out.push(Decision {
                        line: p.line,
                        para: p.para,
                        verdict: Verdict::Near,
                        kept: Some(self.kept_at(slot, sim)),
                        docs: None,
                        group_docs: None,
                    });
                    continue;
                }
            }
            if !exact_ok && p.bands.is_empty() {
                continue;
            }
            // a new original: index it
            let d = *doc_index.get_or_insert_with(|| {
                if self.sources.last().map(|s| &**s) != Some(sigs.source.as_str()) {
                    self.sources.push(sigs.source.as_str().into());
                }
                let source = (self.sources.len() - 1) as u32;
                self.docs.push((
                    sigs.id.as_str().into(),
                    sigs.part as u32,
                    source,
                    sigs.source_line as u32,
                ));
                (self.docs.len() - 1) as u32
            });
            let slot = self.slots.len() as u32;
            self.slots.push(Slot {
                doc: d,
                para: p.para as u32,
                input_line: p.input_line as u32,
                words_at: self.words.len() as u64,
                words_len: p.word_hashes.len() as u32,
            });
            self.words.extend_from_slice(&p.word_hashes);
            if exact_ok {
                self.exact.insert_first(p.key, slot);
            }
            for &b in &p.bands {
                self.lsh.insert_first(b, slot);
            }
        }
        out
    }

    fn best_near(&self, p: &ParaSig, scratch: &mut NearScratch) -> Option<(u32, f64)> {
        let NearScratch {
            cands,
            sorted_p,
            sorted_c,
        } = scratch;
        cands.clear();
        cands.extend(p.bands.iter().filter_map(|&b| self.lsh.get(b)));
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<(u32, f64)> = None;
        let mut p_sorted = false;
        for &c in cands.iter() {
            let kw = self.slot_words(c);
            // upper bounds of the ratio first (matched words are at most the shorter length, and
            // at most the words the two have in common): candidates that cannot reach the
            // threshold skip the diff
            let (la, lb) = (kw.len(), p.word_hashes.len());
            if ratio_of(la.min(lb), la, lb) < self.opts.threshold {
                continue;
            }
            if !p_sorted {
                sorted_p.clear();
                sorted_p.extend_from_slice(&p.word_hashes);
                sorted_p.sort_unstable();
                p_sorted = true;
            }
            sorted_c.clear();
            sorted_c.extend_from_slice(kw);
            sorted_c.sort_unstable();
            if ratio_of(common_sorted(sorted_c, sorted_p), la, lb) < self.opts.threshold {
                continue;
            }
            let sim = word_ratio(kw, &p.word_hashes);
            if sim >= self.opts.threshold && best.map_or(true, |(_, s)| sim > s) {
                best = Some((c, sim));
            }
        }
        best
    }
}

/// `2 * matched / (a + b)` computed as [`word_ratio`] computes it (in `f32`), so that a count
/// at least the matched words gives a bound at least the ratio.
fn ratio_of(matched: usize, a: usize, b: usize) -> f64 {
    let len = a + b;
    if len == 0 {
        1.0
    } else {
        f64::from(2.0 * matched as f32 / len as f32)
    }
}

/// Size of the multiset intersection of two sorted sequences.
fn common_sorted(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Word-level similarity of two word-hash sequences: `2 * matched / (len a + len b)`, from a
/// `similar` diff (Myers). Cheap length bound first.
pub fn word_ratio(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let ops = similar::capture_diff_slices(Algorithm::Myers, a, b);
    f64::from(similar::get_diff_ratio(&ops, a.len(), b.len()))
}

/// Word diff from `kept` to `copy`, wdiff style: `[-removed-]` and `{+added+}`.
pub fn word_diff(kept: &str, copy: &str) -> String {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_words(kept, copy);
    let mut out = String::new();
    let mut last: Option<ChangeTag> = None;
    for ch in diff.iter_all_changes() {
        let tag = ch.tag();
        if last != Some(tag) {
            match last {
                Some(ChangeTag::Delete) => out.push_str("-]"),
                Some(ChangeTag::Insert) => out.push_str("+}"),
                _ => {}
            }
            match tag {
                ChangeTag::Delete => out.push_str("[-"),
                ChangeTag::Insert => out.push_str("{+"),
                ChangeTag::Equal => {}
            }
            last = Some(tag);
        }
        out.push_str(ch.value());
    }
    match last {
        Some(ChangeTag::Delete) => out.push_str("-]"),
        Some(ChangeTag::Insert) => out.push_str("+}"),
        _ => {}
    }
    out
}

/// Step 3: the removals for `doc` from its decisions. `kept_text` returns the kept paragraph's
/// text for a near duplicate's diff when it is still at hand (`None`: the diff says so).
pub fn apply(
    doc: &Document,
    decisions: &[Decision],
    kept_text: &dyn Fn(&KeptAt) -> Option<String>,
) -> Vec<Removal> {
    decisions
        .iter()
        .filter(|d| d.line < doc.n_lines())
        .map(|d| match d.verdict {
            Verdict::Boilerplate => {
                Removal::line(&LearnedBoilerplate::META, d.line).with_note(format!(
                    "recurs in {} of {} documents of this source",
                    d.docs.unwrap_or(0),
                    d.group_docs.unwrap_or(0)
                ))
            }
            Verdict::Exact | Verdict::Near => {
                let meta = if d.verdict == Verdict::Exact {
                    &ExactDuplicate::META
                } else {
                    &NearDuplicate::META
                };
                let mut r = Removal::line(meta, d.line);
                if let Some(k) = &d.kept {
                    let diff = if d.verdict == Verdict::Exact {
                        String::new()
                    } else {
                        match kept_text(k) {
                            Some(t) => word_diff(&t, doc.line(d.line)),
                            None => "(kept text no longer cached: no word diff)".to_string(),
                        }
                    };
                    r = r.with_kept(KeptRef {
                        id: k.id.clone(),
                        source: k.source.clone(),
                        record_line: k.source_line,
                        part: k.part,
                        para: k.para,
                        line: k.line,
                        similarity: k.similarity,
                        diff,
                    });
                }
                r
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_of_two_edits_in_twenty_words() {
        let a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        b[3] = 100;
        b[15] = 101;
        assert!((word_ratio(&a, &b) - 0.9).abs() < 1e-6);
        assert_eq!(word_ratio(&[], &[]), 1.0);
    }

    #[test]
    fn bounds_are_at_least_the_ratio() {
        let a: Vec<u32> = vec![1, 2, 3, 4, 5, 6, 7, 8];
        for b in [
            vec![8, 7, 6, 5, 4, 3, 2, 1],
            vec![1, 2, 9, 4],
            a.clone(),
            vec![],
        ] {
            let (mut sa, mut sb) = (a.clone(), b.clone());
            sa.sort_unstable();
            sb.sort_unstable();
            let r = word_ratio(&a, &b);
            assert!(ratio_of(common_sorted(&sa, &sb), a.len(), b.len()) >= r);
            assert!(ratio_of(a.len().min(b.len()), a.len(), b.len()) >= r);
        }
    }

    #[test]
    fn wdiff_format() {
        assert_eq!(word_diff("a b c", "a x c"), "a [-b-]{+x+} c");
        assert_eq!(word_diff("a b", "a b"), "a b");
    }
}
