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
use super::index::{HashIndex, ShardedIndex};
use super::minhash;
use super::negation::negations;
use super::own_lines::{self, LineShape};
use super::{DedupMode, DedupOptions};
use crate::doc::{Document, KeptRef, Removal};
use crate::rules::stage_codes::{ExactDuplicate, LearnedBoilerplate, NearDuplicate};
use crate::rules::RuleMeta;

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
    /// The line's shape when it is short (a quantity list item, a heading): such a line that
    /// repeats other documents between lines of its document's own stays (see
    /// [`super::own_lines`]). Any other line set beside other columns is
    /// [`LineShape::Columned`].
    #[serde(default, skip_serializing_if = "LineShape::is_other")]
    pub shape: LineShape,
}

/// Share of a document's words (in the paragraphs that reach dedup) that learned boilerplate may
/// hold before the document counts as a version of one recurring text (see
/// [`boilerplate_lookups`]).
const MOSTLY_RECURRING: f64 = 0.8;

/// The learned-boilerplate answer ([`Boilerplate::lookup`]) for each paragraph of `sigs`'
/// document. When the recurring lines hold more than [`MOSTLY_RECURRING`] of the document's
/// words, the document is a version of one text its source printed several times (a live
/// blog's updates, an article re-scraped with a new line), not an article in site chrome: its
/// paragraphs of at least `spare_words` words (those near dedup compares) are then left to
/// exact and near dedup, which keep their first copy. Five versions of one article that
/// differ by a line each make every paragraph of it recur in five records; removing them as
/// boilerplate would lose the article from every copy. Shorter recurring lines (menus,
/// labels, a headline) still go as boilerplate.
fn boilerplate_lookups(
    sigs: &DocSigs,
    boiler: Option<&Boilerplate>,
    spare_words: usize,
) -> Vec<Option<(u32, u32)>> {
    let Some(b) = boiler else {
        return vec![None; sigs.paras.len()];
    };
    let mut found: Vec<Option<(u32, u32)>> = sigs
        .paras
        .iter()
        .map(|p| b.lookup(sigs.group, p.key))
        .collect();
    let words = |p: &ParaSig| u64::from(p.words);
    let total: u64 = sigs.paras.iter().map(words).sum();
    let recurring: u64 = sigs
        .paras
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_some())
        .map(|(p, _)| words(p))
        .sum();
    if recurring as f64 > MOSTLY_RECURRING * total as f64 {
        for (p, f) in sigs.paras.iter().zip(found.iter_mut()) {
            if p.words as usize >= spare_words.max(1) {
                *f = None;
            }
        }
    }
    found
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
    /// xxh3 of the document's text as `sigs` read it: `apply` refuses a document whose text
    /// changed since (its decisions address lines that may hold other text now). Filled by
    /// `deboil dedup sigs`; none in process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_hash: Option<u64>,
    /// Fingerprint of the rule settings `sigs` ran with (rules selected, strictness, patterns):
    /// `apply` refuses decisions made with other ones, which would remove other lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_hash: Option<u64>,
    /// The dedup scope `sigs` ran with, as its flags (`--dedup corpus`): `decide` refuses
    /// another. Filled by `deboil dedup sigs`; none in process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Whether near-duplicate signatures were made (no `--no-near`): `decide` refuses shards
    /// signed both ways.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub near: bool,
    /// Whether the document's first line is shaped like a headline and the next paragraph
    /// ends a sentence (a title over prose): see [`spare_title`].
    #[serde(default, skip_serializing_if = "is_no")]
    pub headed: bool,
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

fn is_no(b: &bool) -> bool {
    !*b
}

/// Step 1: signatures of every paragraph of `doc` that rules did not remove whole, keyed on
/// what the rules leave of it (a line a rule cut a cell or a credit out of is compared without
/// it, as it is written).
pub fn signatures(doc: &Document, removed: &[Removal], opts: &DedupOptions) -> DocSigs {
    let kept = crate::pipeline::apply::kept_lines(doc, removed);
    let mut headed = false;
    let mut paras = Vec::new();
    let mut key = Vec::new();
    let mut words: Vec<u64> = Vec::new();
    for (para, line) in doc.paragraphs().enumerate() {
        let Some(text) = &kept[line] else {
            continue;
        };
        // the key's word count was taken with its hash; the words themselves are needed only
        // for near matching. A line the rules cut is keyed again.
        let (line_key, n_words) = match text {
            std::borrow::Cow::Borrowed(_) => (doc.info(line).key, doc.info(line).key_words),
            std::borrow::Cow::Owned(cut) => super::key::line_key(cut),
        };
        match paras.len() {
            // the document's first line, shaped like a headline ...
            0 => {
                let words = text.split_whitespace().count() as u32;
                headed = para == 0 && crate::pipeline::apply::is_headline_shaped(text, words);
            }
            // ... over a sentence
            1 => {
                headed &= crate::rules::classifier::features::ends_a_sentence_mark(text.trim_end())
            }
            _ => {}
        }
        let n_words = n_words as usize;
        let near_ok = opts.near
            && opts.mode != DedupMode::None
            && n_words >= opts.min_words_near.max(1)
            && n_words <= opts.max_words_near;
        let (word_hashes, bands) = if near_ok {
            super::key::key_word_hashes(text, &mut key, &mut words, minhash::word_hash_bytes);
            (
                words.iter().map(|&w| w as u32).collect(),
                minhash::bands_of(&words, opts.shingle, opts.bands, opts.rows),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        // (a long line is only ever a numbered item: the other shapes' tests, which read the
        // whole line, are not asked of every paragraph)
        let shape = if n_words >= opts.min_words_repeat_in_doc.max(own_lines::SHAPED_WORDS) {
            if own_lines::is_numbered_item(text.trim()) {
                LineShape::NumberedItem
            } else {
                LineShape::Other
            }
        } else {
            own_lines::shape_of(text)
        };
        // a line set beside other columns (its input had a wide gap, though a rule may have
        // cut the cell): a learned heading next to one is a sidebar's entry
        let shape = if shape.is_other() && doc.column_gaps_in(line).next().is_some() {
            LineShape::Columned
        } else {
            shape
        };
        paras.push(ParaSig {
            line,
            para,
            input_line: doc.input_line(line),
            key: line_key,
            words: n_words as u32,
            word_hashes,
            bands,
            shape,
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
        text_hash: None,
        rules_hash: None,
        scope: None,
        near: opts.near,
        headed,
    }
}

/// Keeps a document's headline that only repeats another document's headline: a series'
/// headline (`Markets at the close`, `Weather for the week`) stands over different articles,
/// and removing it from the later ones would leave them without their title. Drops from `out`
/// (the decisions on `sigs`' document) the exact repeat of the first paragraph when it is the
/// document's first line, headline-shaped, over a sentence ([`DocSigs::headed`]), its kept
/// copy is the first line of another document, and the sentence below it is the document's
/// own (at least [`TITLE_PROSE_WORDS`](crate::pipeline::apply::TITLE_PROSE_WORDS) key words,
/// repeating nothing). A site's header line repeated over its pages (the site's name, a menu,
/// a date and a section) mostly stands over another headline or more chrome, or below other
/// chrome, and still goes; a copy of a whole document keeps losing its headline with the rest
/// (and D005 takes what is left of it).
fn spare_title(sigs: &DocSigs, out: &mut Vec<Decision>) {
    let Some(first) = sigs.paras.first().filter(|_| sigs.headed) else {
        return;
    };
    let repeats_elsewhere = |d: &Decision| {
        d.line == first.line
            && d.verdict == Verdict::Exact
            && d.kept.as_ref().is_some_and(|k| {
                k.para == 0
                    && (k.id != sigs.id
                        || k.part != sigs.part
                        || k.source != sigs.source
                        || k.source_line != sigs.source_line)
            })
    };
    let Some(at) = out.iter().position(repeats_elsewhere) else {
        return;
    };
    let prose_below = sigs.paras.get(1).is_some_and(|p| {
        p.words as usize >= crate::pipeline::apply::TITLE_PROSE_WORDS
            && !out.iter().any(|d| d.line == p.line)
    });
    if prose_below {
        out.remove(at);
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
    /// The stage code of the removals this verdict makes (D001, D002, D003).
    pub fn meta(self) -> &'static RuleMeta {
        match self {
            Verdict::Exact => &ExactDuplicate::META,
            Verdict::Near => &NearDuplicate::META,
            Verdict::Boilerplate => &LearnedBoilerplate::META,
        }
    }

    /// The code of the removals this verdict makes (D001, D002, D003).
    pub fn code(self) -> &'static str {
        self.meta().code
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

impl Decision {
    /// `p` repeats the kept copy `kept` (exactly or nearly, as `verdict` says).
    fn repeat(p: &ParaSig, verdict: Verdict, kept: Option<KeptAt>) -> Decision {
        Decision {
            line: p.line,
            para: p.para,
            verdict,
            kept,
            docs: None,
            group_docs: None,
        }
    }

    /// `p` is learned boilerplate: it recurs in `docs` of the source's `group_docs` documents.
    fn boilerplate(p: &ParaSig, docs: u32, group_docs: u32) -> Decision {
        Decision {
            line: p.line,
            para: p.para,
            verdict: Verdict::Boilerplate,
            kept: None,
            docs: Some(docs),
            group_docs: Some(group_docs),
        }
    }
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
    /// First slot per key hash, and per band hash (see [`HashIndex`], [`ShardedIndex`]).
    exact: ShardedIndex,
    lsh: ShardedIndex,
    /// Buffers [`Self::best_near`] reuses from paragraph to paragraph.
    scratch: NearScratch,
    /// The hashes of the batch [`Self::decide_batch`] is settling.
    batch: BatchIndex,
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
            + (self.batch.exact.capacity() + self.batch.lsh.capacity()) * map_entry
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

    /// The decision on `p`, an exact repeat of `slot`, in the document of slot `doc_index`:
    /// none when it is a short sentence said twice in one article (a refrain, not debris).
    fn exact_repeat(&self, p: &ParaSig, slot: u32, doc_index: Option<u32>) -> Option<Decision> {
        let same_doc = doc_index.is_some_and(|d| self.slots[slot as usize].doc == d);
        if same_doc && (p.words as usize) < self.opts.min_words_repeat_in_doc {
            return None;
        }
        Some(Decision::repeat(
            p,
            Verdict::Exact,
            Some(self.kept_at(slot, 1.0)),
        ))
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
        let mut out = self.decide_each(sigs, boiler);
        self.spare_own_lines(sigs, &mut out);
        out
    }

    /// Drops the decisions on the document's own short lines (see [`own_lines`]): they were
    /// repeats, so the indexes need no change.
    fn spare_own_lines(&self, sigs: &DocSigs, out: &mut Vec<Decision>) {
        own_lines::spare(sigs, out, self.opts.min_words_repeat_in_doc);
    }

    /// [`Self::decide`] paragraph by paragraph, before [`Self::spare_own_lines`].
    fn decide_each(&mut self, sigs: &DocSigs, boiler: Option<&Boilerplate>) -> Vec<Decision> {
        let boiler_of = boilerplate_lookups(sigs, boiler, self.opts.min_words_near);
        self.finish_batch();
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
        for (p, boiler) in sigs.paras.iter().zip(boiler_of) {
            if let Some((n, of)) = boiler {
                out.push(Decision::boilerplate(p, n, of));
                continue;
            }
            if self.opts.mode == DedupMode::None {
                continue;
            }
            let exact_ok = p.words as usize >= self.opts.min_words_exact.max(1);
            if exact_ok {
                if let Some(slot) = self.exact.get(p.key) {
                    out.extend(self.exact_repeat(p, slot, doc_index));
                    continue;
                }
            }
            if !p.bands.is_empty() {
                let mut scratch = std::mem::take(&mut self.scratch);
                let near = self.best_near(p, &mut scratch);
                self.scratch = scratch;
                if let Some((slot, sim)) = near {
                    out.push(Decision::repeat(
                        p,
                        Verdict::Near,
                        Some(self.kept_at(slot, sim)),
                    ));
                    continue;
                }
            }
            if !exact_ok && p.bands.is_empty() {
                continue;
            }
            // a new original: index it
            let slot = self.new_slot(&mut doc_index, sigs, p);
            if exact_ok {
                self.exact.insert_first(p.key, slot);
            }
            for &b in &p.bands {
                self.lsh.insert_first(b, slot);
            }
        }
        spare_title(sigs, &mut out);
        out
    }

    fn best_near(&self, p: &ParaSig, scratch: &mut NearScratch) -> Option<(u32, f64)> {
        let mut cands = std::mem::take(&mut scratch.cands);
        cands.clear();
        cands.extend(p.bands.iter().filter_map(|&b| self.lsh.get(b)));
        let best = self.best_of(p, &mut cands, None, scratch);
        scratch.cands = cands;
        best
    }

    /// The best near-duplicate original of `p` among `cands` (sorted and deduplicated here),
    /// starting from `best`: candidates are taken in slot order and one replaces the best only
    /// with a strictly higher ratio, so the first of equals wins.
    fn best_of(
        &self,
        p: &ParaSig,
        cands: &mut Vec<u32>,
        mut best: Option<(u32, f64)>,
        scratch: &mut NearScratch,
    ) -> Option<(u32, f64)> {
        cands.sort_unstable();
        cands.dedup();
        let NearScratch {
            sorted_p, sorted_c, ..
        } = scratch;
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
            // the diff below costs (la + lb) * D; a bounded search for the shortest edit script
            // first rules out, in about D_max^2 steps, a candidate whose optimal edits are too
            // many (shuffled or small-vocabulary paragraphs share nearly all their words)
            if !edits_within(kw, &p.word_hashes, max_edits(la, lb, self.opts.threshold)) {
                continue;
            }
            let sim = word_ratio(kw, &p.word_hashes);
            // a paragraph that adds or drops a `not` says the opposite, however few words differ
            if sim >= self.opts.threshold
                && best.is_none_or(|(_, s)| sim > s)
                && negations(kw) == negations(&p.word_hashes)
            {
                best = Some((c, sim));
            }
        }
        best
    }

    /// [`Self::decide`] on a batch of documents in the total order, with the same decisions
    /// and the same state after. Returns, per document, its decisions and [`Self::indexed`]
    /// after it.
    ///
    /// The lookups, which miss the caches (the indexes are far larger), run in parallel on
    /// `pool` (`None`: the current rayon pool) against the indexes as they stood at the batch's
    /// start; a sequential pass then settles each paragraph in order, only against what the
    /// batch itself added. That is exact because the first insert of a hash wins (a key or band
    /// found at the batch's start keeps its slot), every slot the batch adds is above every slot
    /// that was there before it (so near candidates of the batch come after the others in slot
    /// order), and a hash the batch adds was, by construction, missing at its start.
    pub fn decide_batch(
        &mut self,
        pool: Option<&rayon::ThreadPool>,
        all: &[DocSigs],
        boiler: Option<&Boilerplate>,
    ) -> Vec<(Vec<Decision>, usize)> {
        use rayon::prelude::*;
        if self.opts.mode != DedupMode::Corpus || self.opts.bands > 64 {
            return all
                .iter()
                .map(|s| (self.decide(s, boiler), self.indexed()))
                .collect();
        }
        let this = &mut *self;
        let probes: Vec<Vec<Probe>> = super::on_pool(pool, || {
            this.finish_batch();
            let this = &*this;
            all.par_iter()
                .map_init(NearScratch::default, |scratch, s| {
                    this.probe_doc(s, boiler, scratch)
                })
                .collect()
        });
        let mut out = Vec::with_capacity(all.len());
        let mut batch = std::mem::take(&mut self.batch);
        batch.exact.clear();
        batch.lsh.clear();
        batch.new_exact.resize_with(ShardedIndex::SHARDS, Vec::new);
        batch.new_lsh.resize_with(ShardedIndex::SHARDS, Vec::new);
        batch.new_exact.iter_mut().for_each(Vec::clear);
        batch.new_lsh.iter_mut().for_each(Vec::clear);
        for (sigs, probes) in all.iter().zip(probes) {
            let decisions = self.settle(sigs, probes, &mut batch);
            out.push((decisions, self.indexed()));
        }
        self.batch = batch;
        self.batch.pending = true;
        out
    }

    /// Ends the batch [`Self::decide_batch`] settled: its new hashes go into the big indexes
    /// (none was there: first inserts, in order within each shard), shards in parallel on the
    /// current rayon pool. [`Self::decide`] and [`Self::decide_batch`] call it first when it
    /// was not called; a caller calls it itself to run it beside other work on the pool.
    pub fn finish_batch(&mut self) {
        if !std::mem::take(&mut self.batch.pending) {
            return;
        }
        let (exact, lsh, batch) = (&mut self.exact, &mut self.lsh, &self.batch);
        rayon::join(
            || exact.insert_all(&batch.new_exact),
            || lsh.insert_all(&batch.new_lsh),
        );
    }

    /// The read-only lookups of one document's paragraphs (see [`Self::decide_batch`]).
    fn probe_doc(
        &self,
        sigs: &DocSigs,
        boiler: Option<&Boilerplate>,
        scratch: &mut NearScratch,
    ) -> Vec<Probe> {
        let boiler_of = boilerplate_lookups(sigs, boiler, self.opts.min_words_near);
        for p in &sigs.paras {
            self.exact.touch(std::slice::from_ref(&p.key));
            self.lsh.touch(&p.bands);
        }
        let mut cands = std::mem::take(&mut scratch.cands);
        let probes = sigs
            .paras
            .iter()
            .zip(boiler_of)
            .map(|(p, boiler)| {
                let mut probe = Probe {
                    boiler,
                    exact: false,
                    kept: None,
                    missing: 0,
                };
                if probe.boiler.is_some() {
                    return probe;
                }
                if p.words as usize >= self.opts.min_words_exact.max(1) {
                    if let Some(slot) = self.exact.get(p.key) {
                        probe.exact = true;
                        probe.kept = Some(Box::new(self.kept_at(slot, 1.0)));
                        return probe;
                    }
                }
                if !p.bands.is_empty() {
                    cands.clear();
                    for (i, &b) in p.bands.iter().enumerate() {
                        match self.lsh.get(b) {
                            Some(c) => cands.push(c),
                            None => probe.missing |= 1 << i,
                        }
                    }
                    if let Some((slot, sim)) = self.best_of(p, &mut cands, None, scratch) {
                        probe.kept = Some(Box::new(self.kept_at(slot, sim)));
                    }
                }
                probe
            })
            .collect();
        scratch.cands = cands;
        probes
    }

    /// [`Self::decide`] for one document of a batch, from its paragraphs' lookups at the
    /// batch's start and the batch's own hashes (`batch`).
    fn settle(
        &mut self,
        sigs: &DocSigs,
        probes: Vec<Probe>,
        batch: &mut BatchIndex,
    ) -> Vec<Decision> {
        let mut out = Vec::new();
        let mut doc_index: Option<u32> = None;
        let mut scratch = std::mem::take(&mut self.scratch);
        // the batch's indexes outgrow the inner caches too: load the entries this document will
        // probe first (as `decide` does)
        for (p, probe) in sigs.paras.iter().zip(&probes) {
            if probe.boiler.is_some() || probe.exact {
                continue;
            }
            batch.exact.touch(std::slice::from_ref(&p.key));
            for (i, b) in p.bands.iter().enumerate() {
                if probe.missing & (1 << i) != 0 {
                    batch.lsh.touch(std::slice::from_ref(b));
                }
            }
        }
        for (p, probe) in sigs.paras.iter().zip(probes) {
            if let Some((n, of)) = probe.boiler {
                out.push(Decision::boilerplate(p, n, of));
                continue;
            }
            let exact_ok = p.words as usize >= self.opts.min_words_exact.max(1);
            let mut absent = 0u64;
            if probe.exact {
                out.push(Decision::repeat(p, Verdict::Exact, probe.kept.map(|k| *k)));
                continue;
            }
            if exact_ok {
                if let Some(slot) = batch.exact.get(p.key) {
                    out.extend(self.exact_repeat(p, slot, doc_index));
                    continue;
                }
            }
            if !p.bands.is_empty() {
                let mut cands = std::mem::take(&mut scratch.cands);
                cands.clear();
                for (i, &b) in p.bands.iter().enumerate() {
                    if probe.missing & (1 << i) != 0 {
                        match batch.lsh.get(b) {
                            Some(c) => cands.push(c),
                            // missing from the batch's index too: this paragraph's to insert
                            None => absent |= 1 << i,
                        }
                    }
                }
                let at_start = probe.kept.as_ref().map(|k| (k.slot, k.similarity));
                let best = if cands.is_empty() {
                    at_start
                } else {
                    self.best_of(p, &mut cands, at_start, &mut scratch)
                };
                scratch.cands = cands;
                if let Some((slot, sim)) = best {
                    let kept = match probe.kept {
                        Some(k) if k.slot == slot => *k,
                        _ => self.kept_at(slot, sim),
                    };
                    out.push(Decision::repeat(p, Verdict::Near, Some(kept)));
                    continue;
                }
            }
            if !exact_ok && p.bands.is_empty() {
                continue;
            }
            let slot = self.new_slot(&mut doc_index, sigs, p);
            if exact_ok {
                // missing at the batch's start, or the probe would have found it
                batch.exact.insert_first(p.key, slot);
                batch.new_exact[ShardedIndex::shard_of(p.key)].push((p.key, slot));
            }
            for (i, &b) in p.bands.iter().enumerate() {
                // (a band hash repeated in one paragraph is inserted once)
                if absent & (1 << i) != 0 && batch.lsh.insert_first(b, slot) {
                    batch.new_lsh[ShardedIndex::shard_of(b)].push((b, slot));
                }
            }
        }
        self.scratch = scratch;
        spare_title(sigs, &mut out);
        self.spare_own_lines(sigs, &mut out);
        out
    }

    /// The index of `sigs`' document in `docs`, added with its first kept paragraph.
    /// A new original's slot (its document's slot made on first use), its words appended.
    fn new_slot(&mut self, doc_index: &mut Option<u32>, sigs: &DocSigs, p: &ParaSig) -> u32 {
        let d = self.doc_slot(doc_index, sigs);
        let slot = self.slots.len() as u32;
        self.slots.push(Slot {
            doc: d,
            para: p.para as u32,
            input_line: p.input_line as u32,
            words_at: self.words.len() as u64,
            words_len: p.word_hashes.len() as u32,
        });
        self.words.extend_from_slice(&p.word_hashes);
        slot
    }

    fn doc_slot(&mut self, doc_index: &mut Option<u32>, sigs: &DocSigs) -> u32 {
        *doc_index.get_or_insert_with(|| {
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
        })
    }
}

/// What one paragraph's lookups found in the indexes as they stood at its batch's start.
#[derive(Debug)]
struct Probe {
    /// Learned boilerplate: in how many documents of how many.
    boiler: Option<(u32, u32)>,
    /// `kept` is an exact original (final: the first insert of a key wins).
    exact: bool,
    /// The exact original, or the best near-duplicate original found.
    kept: Option<Box<KeptAt>>,
    /// Bit `i`: band `i` had no entry (only the batch's own paragraphs can give it one).
    missing: u64,
}

/// The hashes a batch added, for [`Decider::settle`]: small indexes of them, and the same in
/// order, by shard, for the big indexes at the batch's end.
#[derive(Debug, Default)]
struct BatchIndex {
    exact: HashIndex,
    lsh: HashIndex,
    new_exact: Vec<Vec<(u64, u32)>>,
    new_lsh: Vec<Vec<(u64, u32)>>,
    /// Settled and not yet in the big indexes (see [`Decider::finish_batch`]).
    pending: bool,
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

/// Most insertions plus deletions two sequences of `a` and `b` words can differ by and still
/// reach `threshold` ([`ratio_of`]: `2 * matched / (a + b)`, and matched words are
/// `(a + b - edits) / 2`), with one edit to spare for rounding.
fn max_edits(a: usize, b: usize, threshold: f64) -> usize {
    ((1.0 - threshold).max(0.0) * (a + b) as f64).floor() as usize + 1
}

/// Whether the shortest edit script (insertions plus deletions) from `a` to `b` has at most
/// `max_d` edits: Myers' greedy forward search, stopped after `max_d` rounds, so it costs about
/// `max_d^2` steps plus the snakes it follows, where a full diff of sequences that differ
/// everywhere costs `(len a + len b) * D`. No diff finds more matched words than the shortest
/// edit script leaves, so a candidate this turns down would also fail the ratio.
fn edits_within(a: &[u32], b: &[u32], max_d: usize) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    let (n, m) = (a.len() as isize, b.len() as isize);
    if (n - m).unsigned_abs() > max_d {
        return false;
    }
    // furthest x reached on each diagonal k = x - y, at index k + offset
    let offset = max_d as isize + 1;
    let mut v = vec![0isize; 2 * max_d + 3];
    for d in 0..=max_d as isize {
        for k in (-d..=d).step_by(2) {
            let at = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[at - 1] < v[at + 1]) {
                v[at + 1]
            } else {
                v[at - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && y >= 0 && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at] = x;
            if x >= n && y >= m {
                return true;
            }
        }
    }
    false
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

/// Words of unchanged text a [`word_diff`] shows on each side of a change; longer unchanged
/// stretches are shown as `…`, so a report's diff grows with what changed, not with the
/// paragraph (one word changed in an 800-word paragraph: about 15 words, not 800).
pub const DIFF_CONTEXT_WORDS: usize = 6;

/// Word diff from `kept` to `copy`, wdiff style: `[-removed-]` and `{+added+}`, with at most
/// [`DIFF_CONTEXT_WORDS`] unchanged words on each side of a change (`…` for the rest). Words
/// are what [`diff_tokens`] makes of each text, so a CJK sentence diffs by characters.
pub fn word_diff(kept: &str, copy: &str) -> String {
    let (old, new) = (diff_tokens(kept), diff_tokens(copy));
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_slices(&old, &new);
    let changes: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut out = String::new();
    let mut last: Option<ChangeTag> = None;
    let mut k = 0;
    while k < changes.len() {
        let (tag, value) = changes[k];
        if tag == ChangeTag::Equal {
            // a run of unchanged tokens: its ends next to changes are shown, the middle elided
            let end = (k..changes.len())
                .find(|&j| changes[j].0 != ChangeTag::Equal)
                .unwrap_or(changes.len());
            let run: Vec<&str> = changes[k..end].iter().map(|c| c.1).collect();
            match last {
                Some(ChangeTag::Delete) => out.push_str("-]"),
                Some(ChangeTag::Insert) => out.push_str("+}"),
                _ => {}
            }
            last = Some(ChangeTag::Equal);
            out.push_str(&elided(&run, k > 0, end < changes.len()));
            k = end;
            continue;
        }
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
        out.push_str(value);
        k += 1;
    }
    match last {
        Some(ChangeTag::Delete) => out.push_str("-]"),
        Some(ChangeTag::Insert) => out.push_str("+}"),
        _ => {}
    }
    out
}

/// An unchanged run of diff tokens as [`word_diff`] shows it: whole when short, else the
/// [`DIFF_CONTEXT_WORDS`] words next to a change before it (`after_change`) and after it
/// (`before_change`), with `…` for what lies between. A letter of a Southeast Asian script
/// written without spaces counts as a third of a word, as dedup counts their words
/// ([`SOUTHEAST_ASIAN_CHARS_PER_WORD`](crate::chars::SOUTHEAST_ASIAN_CHARS_PER_WORD)), so
/// their context is about as long as other scripts'.
fn elided(run: &[&str], after_change: bool, before_change: bool) -> String {
    const PER_WORD: usize = crate::chars::SOUTHEAST_ASIAN_CHARS_PER_WORD;
    // in letters of those scripts: a word is PER_WORD of them
    let weight = |t: &str| match t.chars().next() {
        Some(c) if c.is_whitespace() => 0,
        Some(c) if crate::chars::is_unspaced_southeast_asian(c) => 1,
        _ => PER_WORD,
    };
    let words: usize = run.iter().map(|t| weight(t)).sum();
    let context = DIFF_CONTEXT_WORDS * PER_WORD;
    let shown = context * (usize::from(after_change) + usize::from(before_change));
    // identical texts show whole: there is no change to place
    if words <= shown + PER_WORD || !(after_change || before_change) {
        return run.concat();
    }
    // the tokens up to the n-th word from the start, and from the n-th word from the end
    let mut head_end = 0;
    if after_change {
        let mut seen = 0;
        while head_end < run.len() && seen < context {
            seen += weight(run[head_end]);
            head_end += 1;
        }
    }
    let mut tail_start = run.len();
    if before_change {
        let mut seen = 0;
        while tail_start > head_end && seen < context {
            tail_start -= 1;
            seen += weight(run[tail_start]);
        }
    }
    let mut out = run[..head_end].concat();
    out.push('…');
    if head_end > 0 && !out.ends_with(char::is_whitespace) {
        out.insert(out.len() - '…'.len_utf8(), ' ');
    }
    let tail = run[tail_start..].concat();
    if !tail.is_empty() && !tail.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(&tail);
    out
}

/// `text` cut into runs of whitespace and runs of other characters, as `similar`'s word diff
/// does, except that in the scripts written without spaces, as in the dedup key's words, each
/// character is a token of its own: U+3000..=U+9FFF (kana, CJK ideographs and their
/// punctuation), and Thai, Lao, Myanmar and Khmer ([`is_unspaced_southeast_asian`]), whose
/// combining marks (vowel signs and tone marks above or below a letter) stay with the letter
/// before them, so a diff never shows a mark apart from its letter.
///
/// [`is_unspaced_southeast_asian`]: crate::chars::is_unspaced_southeast_asian
fn diff_tokens(text: &str) -> Vec<&str> {
    let class = |c: char| -> u8 {
        if c.is_whitespace() {
            0
        } else if super::key::is_cjk_word_char(c) || crate::chars::is_unspaced_southeast_asian(c) {
            2
        } else {
            1
        }
    };
    let mut tokens = Vec::new();
    let mut start = 0;
    let mut last: Option<u8> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        let mark_on_letter =
            k == 2 && last == Some(2) && unicode_normalization::char::is_combining_mark(c);
        if last.is_some() && !mark_on_letter && (Some(k) != last || k == 2) {
            tokens.push(&text[start..i]);
            start = i;
        }
        last = Some(k);
    }
    if start < text.len() {
        tokens.push(&text[start..]);
    }
    tokens
}

/// What the rules' removals `removed` leave of line `line` of `doc` (see
/// [`crate::pipeline::apply::kept_lines`]): the text dedup keyed and compares, so the text of
/// a near duplicate's diff.
pub fn compared_text<'d>(
    doc: &'d Document,
    removed: &[Removal],
    line: usize,
) -> std::borrow::Cow<'d, str> {
    let cut = removed
        .iter()
        .any(|r| r.within.is_some() && r.lines.start == line);
    if !cut {
        return std::borrow::Cow::Borrowed(doc.line(line));
    }
    crate::pipeline::apply::kept_lines(doc, removed)
        .swap_remove(line)
        .unwrap_or(std::borrow::Cow::Borrowed(""))
}

/// Step 3: the removals for `doc` from its decisions. `kept_text` returns the kept paragraph's
/// text for a near duplicate's diff when it is at hand (`None`: the diff says so: in `clean`
/// the kept text left the bounded cache; in `dedup apply` a decisions file holds no texts, so
/// only a copy kept in the same document has one). `removed` are the rules' removals, whose
/// cuts the removed line's text is compared without ([`compared_text`]).
pub fn apply(
    doc: &Document,
    removed: &[Removal],
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
                let mut r = Removal::line(d.verdict.meta(), d.line);
                if let Some(k) = &d.kept {
                    let diff = if d.verdict == Verdict::Exact {
                        String::new()
                    } else {
                        match kept_text(k) {
                            Some(t) => word_diff(&t, &compared_text(doc, removed, d.line)),
                            None => "(kept text not at hand: no word diff)".to_string(),
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

/// [`apply`] for a run that reads no report details: the same removals, without the notes,
/// kept copies and word diffs that only a report or a listing shows.
pub fn apply_without_details(doc: &Document, decisions: &[Decision]) -> Vec<Removal> {
    decisions
        .iter()
        .filter(|d| d.line < doc.n_lines())
        .map(|d| Removal::line(d.verdict.meta(), d.line))
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

    /// Generated signatures: paragraphs drawn from a small pool (so exact repeats come
    /// across documents, within a batch and within one document), near variants of them (one
    /// or two words changed, so candidates come from the indexes and from the batch itself),
    /// short lines, and lines learned as boilerplate.
    fn generated(n_docs: usize, seed: u64) -> (Vec<DocSigs>, Boilerplate) {
        let mut state = seed;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let opts = DedupOptions::default();
        let pool: Vec<Vec<u64>> = (0..40)
            .map(|_| {
                let n = [3, 6, 12, 18, 25, 40][(next() % 6) as usize];
                (0..n).map(|_| next() % 300).collect()
            })
            .collect();
        let sig = |line: usize, para: usize, words: &[u64]| {
            let hashes: Vec<u64> = words
                .iter()
                .map(|&w| super::minhash::mix64(w + 1))
                .collect();
            let near_ok = words.len() >= opts.min_words_near;
            let key = hashes
                .iter()
                .fold(0x9E37u64, |a, &h| super::minhash::mix64(a ^ h));
            ParaSig {
                line,
                para,
                input_line: line + 1,
                key,
                words: words.len() as u32,
                word_hashes: if near_ok {
                    hashes.iter().map(|&h| h as u32).collect()
                } else {
                    Vec::new()
                },
                bands: if near_ok {
                    minhash::bands_of(&hashes, opts.shingle, opts.bands, opts.rows)
                } else {
                    Vec::new()
                },
                shape: LineShape::Other,
            }
        };
        let mut boiler = Boilerplate::new(2, 0.0);
        let docs: Vec<DocSigs> = (0..n_docs)
            .map(|d| {
                let n = (next() % 8) as usize;
                let mut paras = Vec::new();
                for line in 0..n {
                    let mut words = pool[(next() % pool.len() as u64) as usize].clone();
                    match next() % 4 {
                        0 => words = (0..words.len()).map(|_| next() % 300).collect(),
                        1 => {
                            for _ in 0..1 + next() % 2 {
                                let at = (next() % words.len() as u64) as usize;
                                words[at] = 1000 + next() % 50;
                            }
                        }
                        _ => {}
                    }
                    paras.push(sig(line, line, &words));
                }
                let group = next() % 3;
                let keys: Vec<u64> = paras.iter().map(|p| p.key).collect();
                boiler.learn_keys(d as u64, group, &keys);
                DocSigs {
                    id: format!("d{d}"),
                    source: format!("part-{}", d / 50),
                    source_line: d % 50 + 1,
                    part: 0,
                    seq: d as u64,
                    group,
                    paras,
                    all_keys: Vec::new(),
                    text_hash: None,
                    rules_hash: None,
                    scope: None,
                    near: true,
                    headed: false,
                }
            })
            .collect();
        boiler.finish();
        (docs, boiler)
    }

    /// [`Decider::decide_batch`] decides exactly as [`Decider::decide`] one document after
    /// another, whatever the batch size and thread count, and leaves the same indexes behind.
    #[test]
    fn batched_deciding_is_the_sequential_deciding() {
        for seed in [1u64, 7, 0xDEB0] {
            let (docs, boiler) = generated(600, seed);
            for boiler in [None, Some(&boiler)] {
                let mut serial = Decider::new(DedupOptions::default());
                let want: Vec<(Vec<Decision>, usize)> = docs
                    .iter()
                    .map(|s| (serial.decide(s, boiler), serial.indexed()))
                    .collect();
                let removed = want.iter().map(|w| w.0.len()).sum::<usize>();
                let in_batch = want
                    .iter()
                    .flat_map(|w| &w.0)
                    .filter(|d| d.verdict == Verdict::Near)
                    .count();
                assert!(removed > 300 && in_batch > 30, "{removed} {in_batch}");
                for threads in [1, 3] {
                    let pool = rayon::ThreadPoolBuilder::new()
                        .num_threads(threads)
                        .build()
                        .unwrap();
                    for batch in [1, 5, 64, 600] {
                        let mut batched = Decider::new(DedupOptions::default());
                        let mut got = Vec::new();
                        for (i, chunk) in docs.chunks(batch).enumerate() {
                            got.extend(batched.decide_batch(Some(&pool), chunk, boiler));
                            if i % 2 == 0 {
                                pool.install(|| batched.finish_batch());
                            }
                        }
                        batched.finish_batch();
                        assert_eq!(got, want, "seed {seed}, {threads} threads, batch {batch}");
                        assert_eq!(batched.exact.len(), serial.exact.len());
                        assert_eq!(batched.lsh.len(), serial.lsh.len());
                        for s in &docs {
                            for p in &s.paras {
                                assert_eq!(batched.exact.get(p.key), serial.exact.get(p.key));
                                for &b in &p.bands {
                                    assert_eq!(batched.lsh.get(b), serial.lsh.get(b));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn wdiff_format() {
        assert_eq!(word_diff("a b c", "a x c"), "a [-b-]{+x+} c");
        assert_eq!(word_diff("a b", "a b"), "a b");
        assert_eq!(word_diff("  a  b ", "a  c "), "[-  -]a  [-b-]{+c+} ");
        // a CJK sentence diffs by characters, not as one word
        assert_eq!(
            word_diff("东京的天气很好。", "东京的天气不好。"),
            "东京的天气[-很-]{+不+}好。"
        );
        assert_eq!(diff_tokens("ab 東京x"), ["ab", " ", "東", "京", "x"]);
        // Thai diffs by letters, each with its vowel and tone marks: the changed word shows,
        // not the whole run between two spaces
        assert_eq!(diff_tokens("ห้าไร่ ok"), ["ห้", "า", "ไ", "ร่", " ", "ok"]);
        assert_eq!(
            word_diff("กว่าสามสิบไร่ในเขต", "กว่าสามสิบห้าไร่ในเขต"),
            "กว่าสามสิบ{+ห้า+}ไร่ในเขต"
        );
        // in a long run, about six words' letters of context on each side
        let kept = "เมืองเชียงใหม่จัดงานเทศกาลดอกไม้ประจำปีครั้งที่สี่สิบห้าในสวนสาธารณะกลางเมืองเมื่อวันอาทิตย์ที่ผ่านมา";
        let diff = word_diff(kept, &kept.replace("สี่สิบห้า", "สี่สิบหก"));
        assert_eq!(diff, "… ดอกไม้ประจำปีครั้งที่สี่สิบ[-ห้า-]{+หก+}ในสวนสาธารณะกลางเมื …");
        // long unchanged stretches keep six words beside each change
        let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let kept = words.join(" ");
        let copy = kept.replace("w20", "CHANGED");
        assert_eq!(
            word_diff(&kept, &copy),
            "… w14 w15 w16 w17 w18 w19 [-w20-]{+CHANGED+} w21 w22 w23 w24 w25 w26 …"
        );
        let copy = kept.replace("w0 ", "").replace("w39", "w39 end");
        assert_eq!(
            word_diff(&kept, &copy),
            "[-w0 -]w1 w2 w3 w4 w5 w6 … w34 w35 w36 w37 w38 w39{+ end+}"
        );
        assert_eq!(diff_tokens(""), Vec::<&str>::new());
    }

    /// A headline that only repeats another document's headline stays when the document has
    /// text of its own, in one pass and in batches alike; in a copy of a document it goes.
    #[test]
    fn a_series_headline_stays_over_a_different_article() {
        let opts = DedupOptions {
            boilerplate: false,
            ..DedupOptions::default()
        };
        let body_a = "The first article of the series tells one story in a long sentence.";
        let body_b = "The second article of the series tells another story in its own words.";
        let texts = [
            format!(
                "Weekly notes from the valley
{body_a}"
            ),
            format!(
                "Weekly notes from the valley
{body_b}"
            ),
            // a copy: nothing of its own
            format!(
                "Weekly notes from the valley
{body_a}"
            ),
            // a sentence first is no headline
            format!(
                "The valley notes are published on Fridays.
{body_b} Again."
            ),
            format!(
                "The valley notes are published on Fridays.
{body_a} Again."
            ),
            // a header line over another headline: a site's chrome
            format!(
                "Weekly notes from the valley
A third story
{body_b} Once more."
            ),
        ];
        let sigs: Vec<DocSigs> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut doc = Document::from_text(t.clone(), 1, 0);
                doc.id = format!("d{i}");
                doc.seq = i as u64;
                signatures(&doc, &[], &opts)
            })
            .collect();
        assert!(sigs[0].headed && !sigs[3].headed);
        let mut one = Decider::new(opts.clone());
        let each: Vec<Vec<Decision>> = sigs.iter().map(|s| one.decide(s, None)).collect();
        let lines = |ds: &Vec<Decision>| ds.iter().map(|d| d.line).collect::<Vec<_>>();
        assert_eq!(lines(&each[1]), Vec::<usize>::new());
        assert_eq!(lines(&each[2]), [0, 1]);
        assert_eq!(lines(&each[4]), [0]);
        assert_eq!(lines(&each[5]), [0]);
        let mut batched = Decider::new(opts);
        let batch: Vec<Vec<Decision>> = batched
            .decide_batch(None, &sigs, None)
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        assert_eq!(batch, each);
    }

    /// A document whose learned-boilerplate lines hold more than [`MOSTLY_RECURRING`] of its
    /// words keeps its long paragraphs out of boilerplate; its short ones, and every line of a
    /// document with enough words of its own, stay boilerplate.
    #[test]
    fn mostly_recurring_documents_leave_their_long_paragraphs_to_dedup() {
        let para = |key: u64, words: u32| ParaSig {
            line: key as usize,
            para: key as usize,
            input_line: key as usize + 1,
            key,
            words,
            word_hashes: Vec::new(),
            bands: Vec::new(),
            shape: LineShape::Other,
        };
        let doc = |seq: u64, paras: Vec<ParaSig>| DocSigs {
            id: format!("d{seq}"),
            source: String::new(),
            source_line: seq as usize + 1,
            part: 0,
            seq,
            group: 7,
            paras,
            all_keys: Vec::new(),
            text_hash: None,
            rules_hash: None,
            scope: None,
            near: true,
            headed: false,
        };
        // keys 1 (a 3-word label) and 2 (a 30-word paragraph) recur in all five records
        let mut boiler = Boilerplate::new(5, 0.0);
        for seq in 0..5 {
            boiler.learn_keys(seq, 7, &[1, 2, 100 + seq]);
        }
        boiler.finish();
        let version = doc(0, vec![para(1, 3), para(2, 30), para(100, 5)]);
        let found = boilerplate_lookups(&version, Some(&boiler), 16);
        assert_eq!(found, vec![Some((5, 5)), None, None]);
        let article = doc(1, vec![para(1, 3), para(2, 30), para(101, 40)]);
        let found = boilerplate_lookups(&article, Some(&boiler), 16);
        assert_eq!(found, vec![Some((5, 5)), Some((5, 5)), None]);
        assert_eq!(boilerplate_lookups(&version, None, 16), vec![None; 3]);
    }

    /// The shortest edit script, by dynamic programming over the longest common subsequence.
    fn edits_by_lcs(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diag = 0;
            for (j, &y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
                diag = up;
            }
        }
        a.len() + b.len() - 2 * row[b.len()]
    }

    /// [`edits_within`] agrees with the exact edit distance around every bound, on random
    /// sequences of small vocabularies (where snakes are short and matches everywhere), and
    /// never turns down a pair `word_ratio` accepts.
    #[test]
    fn bounded_edit_search_is_exact_and_never_turns_down_a_near_copy() {
        let mut state = 0x2545F4914F6CDD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for case in 0..3000 {
            let vocab = 1 + next() % 6;
            let (la, lb) = ((next() % 40) as usize, (next() % 40) as usize);
            let a: Vec<u32> = (0..la).map(|_| (next() % vocab) as u32).collect();
            let mut b: Vec<u32> = if case % 2 == 0 {
                a.clone()
            } else {
                (0..lb).map(|_| (next() % vocab) as u32).collect()
            };
            if case % 2 == 0 && !b.is_empty() {
                let at = (next() as usize) % b.len();
                b[at] = 99;
                b.truncate(b.len() - (next() as usize % 3).min(b.len()));
            }
            let d = edits_by_lcs(&a, &b);
            for max_d in [0, d.saturating_sub(1), d, d + 1, d + 5] {
                assert_eq!(
                    edits_within(&a, &b, max_d),
                    d <= max_d,
                    "{a:?} {b:?} {max_d}"
                );
            }
            for t in [0.5, 0.85, 0.95] {
                if word_ratio(&a, &b) >= t {
                    assert!(edits_within(&a, &b, max_edits(a.len(), b.len(), t)));
                }
            }
        }
    }

    /// A line that had a column gap is marked [`LineShape::Columned`] (its cell cut or not), a
    /// short line keeps its own shape.
    #[test]
    fn lines_set_beside_columns_are_marked() {
        let doc = Document::from_text(
            "River notes\nThe river rises on the moor and runs to the sea.\tSidebar\nHistory\tMenu\nThe mills came later, in the twelfth century, along the banks.".into(),
            1,
            0,
        );
        let sigs = signatures(&doc, &[], &DedupOptions::default());
        let shapes: Vec<LineShape> = sigs.paras.iter().map(|p| p.shape).collect();
        assert_eq!(
            shapes,
            [
                LineShape::Heading,
                LineShape::Columned,
                LineShape::Heading,
                LineShape::Other
            ]
        );
    }
}
