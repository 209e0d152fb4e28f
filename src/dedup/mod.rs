//! Paragraph deduplication across the corpus: exact repeats by xxh3 of a normalised key, near
//! repeats by MinHash/LSH candidates confirmed by a word diff, learned boilerplate, and whole
//! records repeated.
//!
//! # Steps
//! [`steps::signatures`] (per document, pure, run on rayon) -> [`steps::Decider::decide`]
//! (sequential keep-first in the total order `(seq, part, line)`) -> [`steps::apply`] (removals
//! with [`KeptRef`](crate::doc::KeptRef)s and word diffs). [`Deduper`] composes them in one
//! process; a distributed engine calls them on their own.
//!
//! # What is compared
//! - A paragraph is a non-blank line not removed whole by a rule.
//! - Exact (D001): paragraphs with at least `min_words_exact` key words (default 4). Shorter lines
//!   ("Share", "Video", a date, a 3-word byline) are *not* deduplicated as paragraphs: across
//!   documents they are as often content ("Yes.", a subheading) as debris, and the chrome among them
//!   is what learned boilerplate (D003) and the rules catch, with evidence from many documents.
//! - A series' headline stays over a different article (see [`steps`]'s `spare_title`).
//! - Chinese, Japanese, Thai, Lao, Myanmar and Khmer, written without spaces, count their key
//!   words by characters and compare them character by character (see [`key::for_each_word`]).
//! - Within one document, an exact repeat shorter than `min_words_repeat_in_doc` (10 words)
//!   stays: a sentence said twice in an article (a refrain, a quote taken up again) is the
//!   author's; scraper doubles of headlines and captions are the rules' (R001, R002).
//! - Near (D002): paragraphs with `min_words_near..=max_words_near` key words (default 16..=5000),
//!   confirmed at a word diff ratio >= 0.85 (two edits in 20 words give 0.90; a hard negative of
//!   half of one paragraph glued to half of another gives about 0.5). The line is drawn at 16
//!   words because below it one or two edits move the ratio under the threshold anyway, and on the
//!   planted corpus 12 words removed 100 more hard-wrapped real lines (e.g. repeated spec lines in
//!   one long page) than 16; shorter paragraphs go only through the exact stage (see
//!   [`steps::signatures`], the `near_ok` test).
//! - Measured (2-word shingles, 20 bands x 3 rows = 60 bins): `python3 bench/gen_planted.py` then
//!   `cargo run --release --example dedup_planted -- planted.jsonl planted-labels.jsonl`: exact
//!   100%, near 100%, hard negatives kept 100%, others kept 99.981% (the 17 "others" removed are
//!   real near repeats inside the dev set's own pages). 1-, 2- and 3-word shingles scored the same
//!   recall; 2 keeps LSH candidates few on short paragraphs.
//! - Learned boilerplate (D003), see [`boilerplate`].
//! - A short run of a document's own lines (quantity list items, a heading over content)
//!   between lines of its own stays though it repeats other documents, see [`own_lines`].
//! - Whole records repeated (D004), see [`records`]: the corpus stage marks them after the
//!   paragraph decisions, in place of them.
//!
//! # Memory (bytes per paragraph)
//! The decider keeps, per *kept* paragraph: a slot (24 bytes), one exact-index entry (12 bytes in
//! a table kept 3/8 to 3/4 full, so 16-32 bytes; see [`index`]), and, when near-eligible, 4 bytes
//! per word plus up to `bands` LSH entries (16-32 bytes each, only for buckets it opens). With the
//! defaults (20 bands) and entries counted at 24 bytes, a 40-word paragraph costs about
//! 24 + 24 + 160 + 480 = 690 bytes, a short one about 50 bytes; removed copies cost nothing; per
//! document the id string. Texts are not kept, except a bounded cache
//! (`diff_cache_bytes`, default 16 MiB, FIFO) of kept near-eligible paragraphs, used only to render
//! word diffs; a near duplicate whose original was evicted gets a note instead of a diff.
//!
//! # `prefer`
//! [`Prefer::First`] streams. [`Prefer::Longest`] cannot be decided in one streaming pass (a
//! longer variant may come later); it needs the two-pass path ([`decide_all`]) over all
//! signatures before apply. [`Deduper`] streams and treats `Longest` as `First`.

pub mod boilerplate;
pub mod groups;
pub mod index;
pub mod key;
pub mod leftovers;
pub mod minhash;
pub mod negation;
pub mod own_lines;
pub mod records;
pub mod steps;

use std::collections::{HashMap, VecDeque};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::doc::{Document, Removal};
pub use boilerplate::Boilerplate;
pub use groups::{doc_dup_groups, dup_groups, CopyRef, DupGroup, ParaRef};
pub use steps::{
    apply, apply_without_details, compared_text, signatures, Decider, Decision, DocSigs, KeptAt,
    ParaSig, Verdict,
};

/// Scope of deduplication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum DedupMode {
    None,
    /// Within each document only.
    Doc,
    /// Across the whole corpus.
    #[default]
    Corpus,
}

/// Which variant of a near-duplicate group survives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Prefer {
    #[default]
    First,
    /// Needs the two-pass path, see the module docs.
    Longest,
}

/// Dedup settings. Defaults were measured on the planted corpus (`bench/gen_planted.py`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DedupOptions {
    pub mode: DedupMode,
    /// Near-duplicate matching on.
    pub near: bool,
    /// Minimum word diff ratio (`2 * matched / (len a + len b)`) of a confirmed near duplicate.
    pub threshold: f64,
    pub prefer: Prefer,
    /// Shortest paragraph (key words) for near matching.
    pub min_words_near: usize,
    /// Longest paragraph (key words) for near matching (bounds the diff cost).
    pub max_words_near: usize,
    /// Shortest paragraph (key words) for exact matching.
    pub min_words_exact: usize,
    /// Shortest paragraph (key words) merged when its earlier copy is in the same document: a
    /// shorter sentence said twice in one article (a refrain, a repeated quote) stays.
    pub min_words_repeat_in_doc: usize,
    /// Word shingle size for MinHash.
    pub shingle: usize,
    /// LSH bands and rows per band (MinHash bins = bands * rows).
    pub bands: usize,
    pub rows: usize,
    /// Learned boilerplate on.
    pub boilerplate: bool,
    /// A line is boilerplate when it recurs in at least this many records of a source ...
    pub boilerplate_min_docs: usize,
    /// ... and in at least this share of the source's records.
    pub boilerplate_min_share: f64,
    /// Bytes of kept paragraph text cached to render near-duplicate word diffs.
    pub diff_cache_bytes: usize,
}

impl Default for DedupOptions {
    fn default() -> Self {
        DedupOptions {
            mode: DedupMode::Corpus,
            near: true,
            threshold: 0.85,
            prefer: Prefer::First,
            min_words_near: 16,
            max_words_near: 5000,
            min_words_exact: 4,
            min_words_repeat_in_doc: 10,
            shingle: 2,
            bands: 20,
            rows: 3,
            boilerplate: true,
            boilerplate_min_docs: 5,
            boilerplate_min_share: 0.5,
            diff_cache_bytes: 16 << 20,
        }
    }
}

impl DedupOptions {
    pub fn bins(&self) -> usize {
        self.bands.max(1) * self.rows.max(1)
    }
}

impl DedupOptions {
    /// Whether boilerplate is learned: it is on, and the corpus is deduplicated as a whole
    /// (learning looks across documents, which `--dedup doc` rules out).
    pub fn learns_boilerplate(&self) -> bool {
        self.boilerplate && self.mode == DedupMode::Corpus
    }
}

/// The learned-boilerplate group of a document: the host of its `url` (or `source`) field, else
/// the `source` field's value, else the parent folder of its input path.
pub fn source_group(doc: &Document) -> String {
    source_group_of(&doc.fields, &doc.source)
}

/// [`source_group`] from a record's carried fields and input path.
pub fn source_group_of(
    fields: &serde_json::Map<String, serde_json::Value>,
    source: &str,
) -> String {
    for f in ["url", "source"] {
        if let Some(serde_json::Value::String(s)) = fields.get(f) {
            if let Some(h) = host(s) {
                return h;
            }
            if f == "source" && !s.trim().is_empty() {
                return s.trim().to_string();
            }
        }
    }
    Path::new(source)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let auth = &rest[..end];
    let auth = auth.rsplit_once('@').map_or(auth, |(_, h)| h);
    let h = auth.split(':').next().unwrap_or("").to_ascii_lowercase();
    let h = h.strip_prefix("www.").unwrap_or(&h).to_string();
    (!h.is_empty()).then_some(h)
}

/// Dedup's outcome for one document.
#[derive(Debug, Clone, Default)]
pub struct DocOutcome {
    pub decisions: Vec<Decision>,
    pub removals: Vec<Removal>,
    /// Key words of the document's paragraphs considered (for document-level grouping).
    pub words: u64,
}

/// The in-process composition of the three steps; holds hashes and signatures, not texts (beyond
/// the bounded diff cache).
#[derive(Debug)]
pub struct Deduper {
    opts: DedupOptions,
    boiler: Option<Boilerplate>,
    decider: Decider,
    cache: DiffCache,
    /// Whether removals carry their notes, kept copies and word diffs (see [`Self::with_details`]).
    details: bool,
}

/// Kept paragraph texts for near-duplicate diffs, FIFO within a byte budget. Texts are
/// appended to one buffer in slot order (slots only grow), so inserting one costs no
/// allocation, evicting one only moves a mark, and a text is found by binary search on its slot;
/// the buffer drops its evicted front once that is larger than the budget and than what is
/// left (so each byte is moved at most once on average). Keeps and evicts exactly what a map of
/// slots to texts with a FIFO of slots would (see the test).
#[derive(Debug, Default)]
struct DiffCache {
    /// The texts, one after another; `buf[0]` is byte `base` of all the text ever appended.
    buf: String,
    base: usize,
    /// Cached slots in insertion (and so slot) order: slot, offset in the appended text, length.
    entries: VecDeque<(u32, usize, usize)>,
    bytes: usize,
    budget: usize,
}

impl DiffCache {
    fn clear(&mut self) {
        self.base += self.buf.len();
        self.buf.clear();
        self.entries.clear();
        self.bytes = 0;
    }

    fn insert(&mut self, slot: u32, text: &str) {
        if text.len() > self.budget {
            return;
        }
        debug_assert!(self.entries.back().is_none_or(|e| e.0 < slot));
        self.entries
            .push_back((slot, self.base + self.buf.len(), text.len()));
        self.buf.push_str(text);
        self.bytes += text.len();
        while self.bytes > self.budget {
            match self.entries.pop_front() {
                Some((_, _, len)) => self.bytes -= len,
                None => break,
            }
        }
        let live = self
            .entries
            .front()
            .map_or(self.base + self.buf.len(), |e| e.1);
        let dead = live - self.base;
        if dead > self.budget && dead > self.buf.len() - dead {
            self.buf.drain(..dead);
            self.base = live;
        }
    }

    /// The cached text of `slot`.
    fn get(&self, slot: u32) -> Option<&str> {
        let i = self.entries.binary_search_by_key(&slot, |e| e.0).ok()?;
        let (_, at, len) = self.entries[i];
        let at = at - self.base;
        self.buf.get(at..at + len)
    }
}

impl Deduper {
    pub fn new(opts: DedupOptions) -> Self {
        let boiler = opts
            .learns_boilerplate()
            .then(|| Boilerplate::new(opts.boilerplate_min_docs, opts.boilerplate_min_share));
        Deduper {
            decider: Decider::new(opts.clone()),
            cache: DiffCache {
                budget: opts.diff_cache_bytes,
                ..DiffCache::default()
            },
            opts,
            boiler,
            details: true,
        }
    }

    /// The deduper with (`true`, the default) or without report details on its removals: their
    /// notes, kept copies and word diffs, and the cache of kept texts the diffs read. What it
    /// removes is the same.
    pub fn with_details(self, details: bool) -> Self {
        Deduper { details, ..self }
    }

    pub fn options(&self) -> &DedupOptions {
        &self.opts
    }

    /// Whether pass 1 ([`Self::learn_batch`]) is needed.
    pub fn needs_learning(&self) -> bool {
        self.boiler.is_some()
    }

    /// Pass 1 (only when learned boilerplate is on): every batch of documents in input order.
    pub fn learn_batch(&mut self, docs: &[Document]) {
        if let Some(b) = &mut self.boiler {
            for d in docs {
                b.learn(d);
            }
        }
    }

    /// Pass 1 from a record's line keys (all its non-blank lines, any order, repeats allowed)
    /// and its group hash; the same counts as [`Self::learn_batch`] on its articles.
    pub fn learn_keys(&mut self, seq: u64, group: u64, keys: &[u64]) {
        if let Some(b) = &mut self.boiler {
            b.learn_keys(seq, group, keys);
        }
    }

    pub fn finish_learning(&mut self) {
        if let Some(b) = &mut self.boiler {
            b.finish();
        }
    }

    /// Pass 2: every batch in input order. `removed[i]` are the removals rules made in `docs[i]`.
    /// Returns, per document, the removals dedup adds.
    pub fn process_batch(
        &mut self,
        docs: &[Document],
        removed: &[Vec<Removal>],
    ) -> Vec<Vec<Removal>> {
        self.process_batch_detailed(docs, removed)
            .into_iter()
            .map(|o| o.removals)
            .collect()
    }

    /// Like [`Self::process_batch`], with the decisions (for `deboil dups`).
    pub fn process_batch_detailed(
        &mut self,
        docs: &[Document],
        removed: &[Vec<Removal>],
    ) -> Vec<DocOutcome> {
        self.process_batch_on(None, docs, removed)
    }

    /// [`Self::process_batch_detailed`] with its parallel steps (signatures, then the removals
    /// with their word diffs) on `pool` (`None`: the current rayon pool) and its sequential
    /// deciding on the calling thread. The deciding fixes every decision and takes from the diff
    /// cache, as it stands at each document, the kept texts that document's diffs need; the
    /// diffs are then computed in parallel, in the same order whatever the thread count.
    pub fn process_batch_on(
        &mut self,
        pool: Option<&rayon::ThreadPool>,
        docs: &[Document],
        removed: &[Vec<Removal>],
    ) -> Vec<DocOutcome> {
        let opts = &self.opts;
        let sigs: Vec<DocSigs> = on_pool(pool, || {
            docs.par_iter()
                .enumerate()
                .map(|(i, d)| signatures(d, removals_of(removed, i), opts))
                .collect()
        });
        self.decide_signed_on(pool, docs, removed, sigs)
    }

    /// [`Self::process_batch_on`] after its first step: `sigs[i]` is [`signatures`] of
    /// `docs[i]` with the rules' removals and [`Self::options`], computed by the caller (the
    /// pipeline computes them with the rules, one batch ahead of the deciding). `removed` are
    /// the rules' removals of each document (for the texts word diffs compare).
    pub fn decide_signed_on(
        &mut self,
        pool: Option<&rayon::ThreadPool>,
        docs: &[Document],
        removed: &[Vec<Removal>],
        sigs: Vec<DocSigs>,
    ) -> Vec<DocOutcome> {
        debug_assert_eq!(docs.len(), sigs.len());
        let opts = &self.opts;
        let boiler = self.boiler.as_ref().filter(|b| b.is_finished());
        let decider = &mut self.decider;
        let cache_store = &mut self.cache;
        let details = self.details;
        let mut decided: Vec<(Vec<Decision>, KeptTexts, u64)> = Vec::with_capacity(docs.len());
        // per-document deciding in `Doc` mode (the indexes are emptied per document), else the
        // whole batch at once, its lookups in parallel
        let mut batched = (opts.mode != DedupMode::Doc).then(|| {
            let start = decider.indexed();
            (start, decider.decide_batch(pool, &sigs, boiler).into_iter())
        });
        for (i, (doc, s)) in docs.iter().zip(&sigs).enumerate() {
            let text_of = |line: usize| steps::compared_text(doc, removals_of(removed, i), line);
            // the slots this document added: `before..after`
            let (before, after, decisions) = match &mut batched {
                None => {
                    cache_store.clear();
                    let decisions = decider.decide(s, boiler);
                    (0, decider.indexed(), decisions)
                }
                Some((at, each)) => {
                    let (decisions, after) = each.next().expect("one outcome per document");
                    let before = std::mem::replace(at, after);
                    (before, after, decisions)
                }
            };
            let words = s.paras.iter().map(|p| u64::from(p.words)).sum();
            if !details {
                decided.push((decisions, Vec::new(), words));
                continue;
            }
            // the kept texts this document's word diffs need, before it adds its own
            let mut texts: KeptTexts = Vec::new();
            for d in &decisions {
                if d.verdict != Verdict::Near || d.line >= doc.n_lines() {
                    continue;
                }
                if let Some(k) = &d.kept {
                    if !texts.iter().any(|(slot, _)| *slot == k.slot) {
                        // a paragraph of this same document: its text is at hand
                        let text = if k.slot as usize >= before {
                            slot_line(s, decider, k.slot).map(|line| text_of(line).into())
                        } else {
                            cache_store.get(k.slot).map(std::sync::Arc::from)
                        };
                        texts.push((k.slot, text));
                    }
                }
            }
            // cache the text of paragraphs this document added as near-eligible originals
            for slot in before..after {
                let slot = slot as u32;
                if decider.slot_words(slot).is_empty() {
                    continue;
                }
                if let Some(line) = slot_line(s, decider, slot) {
                    cache_store.insert(slot, &text_of(line));
                }
            }
            decided.push((decisions, texts, words));
        }
        // freed on the pool: a batch's signatures are many small vectors
        match pool {
            Some(p) => p.spawn(move || drop(sigs)),
            None => drop(sigs),
        }
        // the batch's hashes go into the decider's indexes beside the removals
        on_pool(pool, || {
            rayon::join(
                || decider.finish_batch(),
                || apply_decided(docs, removed, decided, details),
            )
            .1
        })
    }

    /// Approximate heap bytes held by the decider (without the diff cache).
    pub fn heap_bytes(&self) -> usize {
        self.decider.heap_bytes()
    }

    /// Kept paragraphs indexed so far.
    pub fn indexed(&self) -> usize {
        self.decider.indexed()
    }
}

/// Step 3 on a batch, in parallel: each document's removals from its decisions, with the kept
/// texts its word diffs need (with `details`, see [`Deduper::with_details`]).
fn apply_decided(
    docs: &[Document],
    removed: &[Vec<Removal>],
    decided: Vec<(Vec<Decision>, KeptTexts, u64)>,
    details: bool,
) -> Vec<DocOutcome> {
    docs.par_iter()
        .zip(decided)
        .enumerate()
        .map(|(i, (doc, (decisions, texts, words)))| {
            let removals = if details {
                apply(doc, removals_of(removed, i), &decisions, &|k: &KeptAt| {
                    texts
                        .iter()
                        .find(|(slot, _)| *slot == k.slot)
                        .and_then(|(_, t)| t.as_deref().map(str::to_string))
                })
            } else {
                apply_without_details(doc, &decisions)
            };
            DocOutcome {
                decisions,
                removals,
                words,
            }
        })
        .collect()
}

/// The rules' removals of document `i` of a batch (none when the caller gave fewer).
fn removals_of(removed: &[Vec<Removal>], i: usize) -> &[Removal] {
    removed.get(i).map_or(&[], |r| &r[..])
}

/// Kept texts a document's word diffs need, by slot (`None`: no longer cached).
type KeptTexts = Vec<(u32, Option<std::sync::Arc<str>>)>;

/// Runs `f` on `pool`, or on the current rayon pool.
fn on_pool<R: Send>(pool: Option<&rayon::ThreadPool>, f: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(p) => p.install(f),
        None => f(),
    }
}

fn slot_line(s: &DocSigs, d: &Decider, slot: u32) -> Option<usize> {
    let para = d.slot_para(slot)?;
    s.paras
        .binary_search_by_key(&para, |p| p.para)
        .ok()
        .map(|i| s.paras[i].line)
}

/// The two-pass path: decisions for all documents' signatures at once (given in the total order),
/// honouring [`Prefer::Longest`]: within each near-duplicate group the variant with the most
/// words survives (ties: the first), and every other member points to it.
pub fn decide_all(
    all: &[DocSigs],
    opts: &DedupOptions,
    boiler: Option<&Boilerplate>,
) -> Vec<Vec<Decision>> {
    let mut decider = Decider::new(opts.clone());
    let mut out: Vec<Vec<Decision>> = all.iter().map(|s| decider.decide(s, boiler)).collect();
    if opts.prefer != Prefer::Longest || opts.mode != DedupMode::Corpus {
        return out;
    }
    // where each kept slot lives: (doc index, sig index)
    let mut slot_at: HashMap<(String, usize, usize), (usize, usize)> = HashMap::new();
    for (di, s) in all.iter().enumerate() {
        for (pi, p) in s.paras.iter().enumerate() {
            slot_at.insert((s.id.clone(), s.part, p.para), (di, pi));
        }
    }
    // groups: kept slot -> members (doc index, decision index)
    let mut members: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
    for (di, ds) in out.iter().enumerate() {
        for (k, d) in ds.iter().enumerate() {
            if let Some(kept) = &d.kept {
                members.entry(kept.slot).or_default().push((di, k));
            }
        }
    }
    let mut slots: Vec<u32> = members.keys().copied().collect();
    slots.sort_unstable();
    for slot in slots {
        let list = &members[&slot];
        let Some(first) = out[list[0].0][list[0].1].kept.clone() else {
            continue;
        };
        let Some(&(kd, kp)) = slot_at.get(&(first.id.clone(), first.part, first.para)) else {
            continue;
        };
        let kept_words = all[kd].paras[kp].words;
        // the longest copy, if longer than the kept original
        let mut best: Option<(usize, usize, u32)> = None;
        for &(di, k) in list {
            let line = out[di][k].line;
            if let Some(p) = all[di].paras.iter().find(|p| p.line == line) {
                if p.words > best.map_or(kept_words, |b| b.2) {
                    best = Some((di, k, p.words));
                }
            }
        }
        let Some((bd, bk, _)) = best else { continue };
        let winner = out[bd][bk].clone();
        let Some(wp) = all[bd].paras.iter().find(|p| p.line == winner.line) else {
            continue;
        };
        let new_kept = |sim: f64| KeptAt {
            id: all[bd].id.clone(),
            source: all[bd].source.clone(),
            source_line: all[bd].source_line,
            part: all[bd].part,
            para: winner.para,
            line: wp.input_line,
            similarity: sim,
            slot: u32::MAX,
        };
        // the winner is no longer removed; the original is, pointing to the winner
        out[bd].retain(|d| d.line != winner.line);
        let orig = &all[kd].paras[kp];
        let sim = steps::word_ratio(&orig.word_hashes, &wp.word_hashes);
        out[kd].push(Decision {
            line: orig.line,
            para: orig.para,
            verdict: if orig.key == wp.key {
                Verdict::Exact
            } else {
                Verdict::Near
            },
            kept: Some(new_kept(sim)),
            docs: None,
            group_docs: None,
        });
        out[kd].sort_by_key(|d| d.line);
        for &(di, k) in list {
            if (di, k) == (bd, bk) {
                continue;
            }
            let Some(d) = out[di]
                .get_mut(k)
                .filter(|d| d.kept.as_ref().is_some_and(|x| x.slot == slot))
            else {
                continue;
            };
            let Some(p) = all[di].paras.iter().find(|p| p.line == d.line) else {
                continue;
            };
            let sim = if p.key == wp.key {
                1.0
            } else {
                steps::word_ratio(&p.word_hashes, &wp.word_hashes)
            };
            d.kept = Some(new_kept(sim));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diff cache as it was (a map of slots to texts and a FIFO of slots), to check that
    /// [`DiffCache`] keeps and evicts the same texts.
    #[derive(Default)]
    struct MapCache {
        texts: HashMap<u32, std::sync::Arc<str>>,
        order: VecDeque<u32>,
        bytes: usize,
        budget: usize,
    }

    impl MapCache {
        fn clear(&mut self) {
            self.texts.clear();
            self.order.clear();
            self.bytes = 0;
        }

        fn insert(&mut self, slot: u32, text: &str) {
            if text.len() > self.budget {
                return;
            }
            self.texts.insert(slot, text.into());
            self.order.push_back(slot);
            self.bytes += text.len();
            while self.bytes > self.budget {
                match self.order.pop_front() {
                    Some(old) => {
                        if let Some(t) = self.texts.remove(&old) {
                            self.bytes -= t.len();
                        }
                    }
                    None => break,
                }
            }
        }
    }

    #[test]
    fn diff_cache_keeps_what_the_map_cache_kept() {
        let mut state = 99u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        for budget in [0, 1, 40, 100, 1000] {
            let mut new = DiffCache {
                budget,
                ..DiffCache::default()
            };
            let mut old = MapCache {
                budget,
                ..MapCache::default()
            };
            let mut slot = 0u32;
            for round in 0..3000 {
                if next() % 500 == 0 {
                    new.clear();
                    old.clear();
                }
                let len = [0, 1, 7, 30, 99, 100, 101, 400][next() % 8];
                let text: String = (0..len)
                    .map(|i| ['a', 'é', '字', ' '][(i + round) % 4])
                    .collect::<String>()
                    .chars()
                    .take(len)
                    .collect();
                slot += 1 + (next() % 3) as u32;
                new.insert(slot, &text);
                old.insert(slot, &text);
                assert_eq!(new.bytes, old.bytes);
                for probe in slot.saturating_sub(60)..=slot + 1 {
                    assert_eq!(
                        new.get(probe),
                        old.texts.get(&probe).map(|t| &**t),
                        "budget {budget}, slot {probe}"
                    );
                }
            }
        }
    }

    const P1: &str = "The central bank raised interest rates by a quarter point on Wednesday, citing persistent inflation in services and housing costs.";
    const P2: &str = "Officials said the decision was unanimous and that further increases would depend on data released over the coming months.";
    const P3: &str = "Farmers in the northern provinces reported a second consecutive poor harvest after the spring rains failed to arrive on time.";

    fn doc(seq: u64, text: &str) -> Document {
        let mut d = Document::from_text(text.to_string(), 1, 0);
        d.seq = seq;
        d.id = format!("doc{seq}");
        d.source = format!("corpus/{seq}.txt");
        d
    }

    fn corpus() -> Vec<Document> {
        let near = P1.replace("Wednesday", "Thursday");
        let glued = format!(
            "{} {}",
            P2.split_whitespace().take(10).collect::<Vec<_>>().join(" "),
            P3.split_whitespace().skip(10).collect::<Vec<_>>().join(" ")
        );
        vec![
            doc(0, &format!("{P1}\n\n{P2}\nShare")),
            doc(1, &format!("{P3}\n{P1}\nShare")),
            doc(2, &format!("{near}\n{glued}")),
            doc(3, &format!("{P2}\n\n{P2}")),
        ]
    }

    fn opts() -> DedupOptions {
        DedupOptions {
            boilerplate: false,
            ..DedupOptions::default()
        }
    }

    fn run(docs: &[Document], batch: usize, o: DedupOptions) -> Vec<Vec<Removal>> {
        let mut d = Deduper::new(o);
        let mut out = Vec::new();
        for chunk in docs.chunks(batch) {
            let removed = vec![Vec::new(); chunk.len()];
            out.extend(d.process_batch(chunk, &removed));
        }
        out
    }

    #[test]
    fn keep_first_exact_and_near() {
        let r = run(&corpus(), 10, opts());
        assert!(r[0].is_empty());
        assert_eq!(r[1].len(), 1);
        assert_eq!(r[1][0].code, "D001");
        let k = r[1][0].kept.as_ref().unwrap();
        assert_eq!((k.id.as_str(), k.part, k.para, k.line), ("doc0", 0, 0, 1));
        assert_eq!(k.similarity, 1.0);
        assert!(k.diff.is_empty());
        // near copy in doc2 line 0; the glued hard negative stays
        assert_eq!(r[2].len(), 1, "{:?}", r[2]);
        assert_eq!(r[2][0].code, "D002");
        let k = r[2][0].kept.as_ref().unwrap();
        assert_eq!(k.id, "doc0");
        assert!(k.diff.contains("[-Wednesday,-]{+Thursday,+}"), "{}", k.diff);
        // doc3: both copies of P2 go to doc0's, para index 1 (blank lines do not count)
        assert_eq!(r[3].len(), 2);
        assert_eq!(r[3][1].kept.as_ref().unwrap().para, 1);
    }

    #[test]
    fn near_copy_within_one_document_has_its_diff() {
        let near = P1.replace("Wednesday", "Thursday");
        for mode in [DedupMode::Corpus, DedupMode::Doc] {
            let docs = [doc(0, P3), doc(1, &format!("{P1}\n\n{P2}\n\n{near}"))];
            let r = run(&docs, 2, DedupOptions { mode, ..opts() });
            assert_eq!(r[1].len(), 1, "{mode:?}: {:?}", r[1]);
            let k = r[1][0].kept.as_ref().unwrap();
            assert_eq!((k.id.as_str(), k.line), ("doc1", 1));
            assert!(k.diff.contains("[-Wednesday,-]{+Thursday,+}"), "{}", k.diff);
        }
    }

    /// Chinese text has no spaces: its near copies are found by characters, and the diff shows
    /// the changed character; a different sentence on the same subject stays.
    #[test]
    fn cjk_near_copy_is_found_by_characters() {
        let zh = "当地居民对新预算的反应不一，一些人欢迎公共交通的改善，另一些人则担心税收会继续上涨，市政府表示将在下个月举行听证会。";
        let near = zh.replace("下个月", "下周");
        let other = "市议会周三通过了新的交通预算，包括三条新的公交线路和两座自行车停车场，预计明年春天开始施工，工程将持续两年。";
        let docs = [doc(0, zh), doc(1, &near), doc(2, other)];
        let r = run(&docs, 2, opts());
        assert_eq!(r[1].len(), 1, "{:?}", r[1]);
        assert_eq!(r[1][0].code, "D002");
        let k = r[1][0].kept.as_ref().unwrap();
        assert_eq!(k.id, "doc0");
        assert!(k.diff.contains("下[-个月-]{+周+}举行"), "{}", k.diff);
        assert!(r[2].is_empty(), "{:?}", r[2]);
    }

    #[test]
    fn hard_negative_stays() {
        let r = run(&corpus(), 1, opts());
        assert!(r[2].iter().all(|x| x.lines.start != 1), "{:?}", r[2]);
    }

    #[test]
    fn batch_size_independent() {
        let all = run(&corpus(), 100, opts());
        for b in 1..4 {
            assert_eq!(run(&corpus(), b, opts()), all);
        }
    }

    #[test]
    fn thread_count_independent() {
        let go = |n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .unwrap()
                .install(|| run(&corpus(), 2, opts()))
        };
        assert_eq!(go(1), go(3));
    }

    #[test]
    fn doc_mode_and_none() {
        let r = run(
            &corpus(),
            2,
            DedupOptions {
                mode: DedupMode::Doc,
                ..opts()
            },
        );
        assert!(r[1].is_empty());
        assert_eq!(r[3].len(), 1);
        let r = run(
            &corpus(),
            2,
            DedupOptions {
                mode: DedupMode::None,
                ..opts()
            },
        );
        assert!(r.iter().all(Vec::is_empty));
    }

    #[test]
    fn without_details_the_same_lines_go() {
        let docs = corpus();
        let removed = vec![Vec::new(); docs.len()];
        let detailed = Deduper::new(DedupOptions::default()).process_batch(&docs, &removed);
        let bare = Deduper::new(DedupOptions::default())
            .with_details(false)
            .process_batch(&docs, &removed);
        let lines = |rs: &Vec<Vec<Removal>>| -> Vec<Vec<(&str, std::ops::Range<usize>)>> {
            rs.iter()
                .map(|r| r.iter().map(|x| (x.code, x.lines.clone())).collect())
                .collect()
        };
        assert!(detailed.iter().flatten().any(|x| x.code == "D002"));
        assert_eq!(lines(&detailed), lines(&bare));
        assert!(bare
            .iter()
            .flatten()
            .all(|x| x.note.is_none() && x.kept.is_none()));
    }

    #[test]
    fn rule_removed_lines_are_not_paragraphs() {
        let docs = corpus();
        let mut d = Deduper::new(opts());
        let removed = vec![
            vec![Removal::line(
                &crate::rules::stage_codes::ExactDuplicate::META,
                0,
            )],
            vec![],
        ];
        let r = d.process_batch(&docs[..2], &removed);
        assert!(
            r[1].is_empty(),
            "P1 in doc0 was removed by a rule, so doc1 keeps it"
        );
    }

    #[test]
    fn short_lines_not_exact_deduped_but_learned() {
        let r = run(&corpus(), 4, opts());
        assert!(
            r[1].iter().all(|x| x.lines.start != 2),
            "'Share' is too short"
        );
        let docs: Vec<Document> = (0..6)
            .map(|s| doc(s, &format!("Body paragraph number {s} here\nShare")))
            .collect();
        let mut d = Deduper::new(DedupOptions::default());
        d.learn_batch(&docs);
        d.finish_learning();
        let r = d.process_batch(&docs, &vec![Vec::new(); 6]);
        for x in &r {
            assert_eq!(x.len(), 1);
            assert_eq!(x[0].code, "D003");
            assert_eq!(x[0].lines, 1..2);
        }
    }

    #[test]
    fn longest_two_pass() {
        let long = format!("{P1} Analysts had expected the move.");
        let docs = [doc(0, P1), doc(1, &long), doc(2, P1)];
        let o = DedupOptions {
            prefer: Prefer::Longest,
            ..opts()
        };
        let sigs: Vec<DocSigs> = docs.iter().map(|d| signatures(d, &[], &o)).collect();
        let dec = decide_all(&sigs, &o, None);
        assert_eq!(dec[0].len(), 1);
        assert_eq!(dec[0][0].kept.as_ref().unwrap().id, "doc1");
        assert!(dec[1].is_empty());
        assert_eq!(dec[2][0].kept.as_ref().unwrap().id, "doc1");
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(host("nohost"), None);
        let mut d = doc(0, "x");
        assert_eq!(source_group(&d), "corpus");
        std::sync::Arc::make_mut(&mut d.fields)
            .insert("url".into(), "http://news.site.org/x".into());
        assert_eq!(source_group(&d), "news.site.org");
    }
}
