//! Learned boilerplate: lines that recur across many records of one source (site chrome no rule
//! names). Pass 1 counts, per source group, in how many records each line key occurs; a line is
//! boilerplate when it occurs in at least `min_docs` records *and* at least `min_share` of the
//! group's records.
//!
//! Counting is per input record (the parts split out of one dump count once), so a headline
//! printed twice in one dump is not "recurring". Memory in pass 1: one `(group, key) -> count`
//! entry per distinct line per group (about 24 bytes); after [`Boilerplate::finish`] only the
//! learned lines remain.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::doc::Document;

/// Pass-1 counts and, once finished, the learned boilerplate lines.
#[derive(Debug, Default)]
pub struct Boilerplate {
    min_docs: usize,
    min_share: f64,
    counts: HashMap<(u64, u64), u32>,
    group_docs: HashMap<u64, u32>,
    current: Option<(u64, u64)>,
    current_keys: HashSet<u64>,
    learned: HashMap<(u64, u64), u32>,
    finished: bool,
}

impl Boilerplate {
    pub fn new(min_docs: usize, min_share: f64) -> Boilerplate {
        Boilerplate {
            min_docs,
            min_share,
            ..Boilerplate::default()
        }
    }

    /// Counts one document (documents must come in input order so a record's parts are adjacent).
    pub fn learn(&mut self, doc: &Document) {
        let group = xxhash_rust::xxh3::xxh3_64(super::source_group(doc).as_bytes());
        if self.current != Some((doc.seq, group)) {
            self.flush();
            self.current = Some((doc.seq, group));
            *self.group_docs.entry(group).or_insert(0) += 1;
        }
        for i in doc.paragraphs() {
            self.current_keys.insert(doc.info(i).key);
        }
    }

    /// [`Boilerplate::learn`] from signatures whose `all_keys` are filled (same counts).
    pub fn learn_sigs(&mut self, sigs: &super::DocSigs) {
        self.learn_keys(sigs.seq, sigs.group, &sigs.all_keys);
    }

    /// [`Boilerplate::learn`] from the line keys of (part of) record `seq` in `group`.
    pub fn learn_keys(&mut self, seq: u64, group: u64, keys: &[u64]) {
        if self.current != Some((seq, group)) {
            self.flush();
            self.current = Some((seq, group));
            *self.group_docs.entry(group).or_insert(0) += 1;
        }
        self.current_keys.extend(keys.iter().copied());
    }

    fn flush(&mut self) {
        if let Some((_, g)) = self.current {
            for k in self.current_keys.drain() {
                *self.counts.entry((g, k)).or_insert(0) += 1;
            }
        }
    }

    /// Ends pass 1: keeps only the lines over both thresholds.
    pub fn finish(&mut self) {
        self.flush();
        self.current = None;
        let counts = std::mem::take(&mut self.counts);
        for ((g, k), n) in counts {
            let of = self.group_docs.get(&g).copied().unwrap_or(0);
            if n as usize >= self.min_docs.max(2) && f64::from(n) >= self.min_share * f64::from(of)
            {
                self.learned.insert((g, k), n);
            }
        }
        self.finished = true;
    }

    /// `(documents holding the line, documents in the group)` when `key` is learned boilerplate
    /// of `group`.
    pub fn lookup(&self, group: u64, key: u64) -> Option<(u32, u32)> {
        let n = *self.learned.get(&(group, key))?;
        Some((n, self.group_docs.get(&group).copied().unwrap_or(0)))
    }

    pub fn learned_lines(&self) -> usize {
        self.learned.len()
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(seq: u64, text: &str) -> Document {
        let mut d = Document::from_text(text.to_string(), 1, 0);
        d.seq = seq;
        d.source = "dumps/site/a.txt".into();
        d
    }

    #[test]
    fn thresholds_both_apply() {
        let mut b = Boilerplate::new(3, 0.5);
        for s in 0..6 {
            let extra = if s < 2 { "\nRare line here" } else { "" };
            b.learn(&doc(
                s,
                &format!("Body {s} unique text\nShare this article{extra}"),
            ));
        }
        b.finish();
        let d = doc(0, "Share this article\nRare line here");
        let g = xxhash_rust::xxh3::xxh3_64(crate::dedup::source_group(&d).as_bytes());
        assert_eq!(b.lookup(g, d.info(0).key), Some((6, 6)));
        assert_eq!(b.lookup(g, d.info(1).key), None);
    }

    #[test]
    fn parts_of_one_record_count_once() {
        let mut b = Boilerplate::new(2, 0.0);
        let mut p1 = doc(0, "Headline here");
        p1.part = 1;
        b.learn(&doc(0, "Headline here"));
        b.learn(&p1);
        b.finish();
        assert_eq!(b.learned_lines(), 0);
    }
}
