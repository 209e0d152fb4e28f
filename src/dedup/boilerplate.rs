//! Learned boilerplate: lines that recur across many records of one source (site chrome no rule
//! names). Pass 1 counts, per source group, in how many records each line key occurs; a line is
//! boilerplate when it occurs in at least `min_docs` records *and* at least `min_share` of the
//! group's records.
//!
//! Counting is per input record (the parts split out of one dump count once), so a headline
//! printed twice in one dump is not "recurring". Copies of a record count once: a record whose
//! set of lines is that of an earlier record of its group (a mirrored or re-scraped article,
//! a file given twice) adds nothing, neither to its lines' counts nor to the group's records.
//! Otherwise an article present five times would be learned as boilerplate and lost in every
//! copy, where exact dedup (D001) keeps its first. Memory in pass 1: one `(group, key) -> count`
//! entry per distinct line per group (about 24 bytes) and 16 bytes per distinct record; after
//! [`Boilerplate::finish`] only the learned lines remain.

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
    /// `(group, fingerprint of the record's set of lines)` of every record counted.
    records_seen: HashSet<(u64, u64)>,
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
        }
        self.current_keys.extend(keys.iter().copied());
    }

    /// Counts the record gathered in `current_keys`, unless it is a copy of one counted before.
    fn flush(&mut self) {
        let Some((_, g)) = self.current else {
            return;
        };
        if self
            .records_seen
            .insert((g, set_fingerprint(&self.current_keys)))
        {
            *self.group_docs.entry(g).or_insert(0) += 1;
            for &k in &self.current_keys {
                *self.counts.entry((g, k)).or_insert(0) += 1;
            }
        }
        self.current_keys.clear();
    }

    /// Ends pass 1: keeps only the lines over both thresholds.
    pub fn finish(&mut self) {
        self.flush();
        self.current = None;
        self.records_seen = HashSet::default();
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

/// splitmix64's finaliser: a cheap non-linear mix, so sums of mixed keys tell sets apart that
/// plain sums do not.
fn splitmix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A fingerprint of a set of line keys that does not depend on the order the set yields them:
/// two order-free sums of mixed keys and the size, hashed together.
fn set_fingerprint(keys: &HashSet<u64>) -> u64 {
    let (mut sum, mut mixed) = (0u64, 0u64);
    for &k in keys {
        sum = sum.wrapping_add(k);
        mixed = mixed.wrapping_add(splitmix(k));
    }
    let mut bytes = [0u8; 24];
    bytes[..8].copy_from_slice(&sum.to_le_bytes());
    bytes[8..16].copy_from_slice(&mixed.to_le_bytes());
    bytes[16..].copy_from_slice(&(keys.len() as u64).to_le_bytes());
    xxhash_rust::xxh3::xxh3_64(&bytes)
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

    #[test]
    fn copies_of_a_record_count_once() {
        let article =
            "The council met on Monday.\nIt agreed a plan for the harbour.\nFooter of the site";
        let mut b = Boilerplate::new(5, 0.5);
        // six copies of one article, and five other articles with the same footer
        for s in 0..6 {
            b.learn(&doc(s, article));
        }
        for s in 6..11 {
            b.learn(&doc(
                s,
                &format!("Story {s} in its own words\nFooter of the site"),
            ));
        }
        b.finish();
        let d = doc(0, article);
        let g = xxhash_rust::xxh3::xxh3_64(crate::dedup::source_group(&d).as_bytes());
        // the article's lines are in 1 of 6 distinct records; the footer in all 6
        assert_eq!(b.lookup(g, d.info(0).key), None);
        assert_eq!(b.lookup(g, d.info(1).key), None);
        assert_eq!(b.lookup(g, d.info(2).key), Some((6, 6)));
        assert_eq!(b.learned_lines(), 1);
    }

    #[test]
    fn a_set_fingerprint_ignores_order_and_tells_sets_apart() {
        let set = |v: &[u64]| v.iter().copied().collect::<HashSet<u64>>();
        assert_eq!(
            set_fingerprint(&set(&[1, 2, 3])),
            set_fingerprint(&set(&[3, 1, 2]))
        );
        assert_ne!(
            set_fingerprint(&set(&[1, 2, 3])),
            set_fingerprint(&set(&[1, 2]))
        );
        assert_ne!(
            set_fingerprint(&set(&[1, 4])),
            set_fingerprint(&set(&[2, 3]))
        );
    }
}
