//! The decider's indexes from 64-bit hashes (paragraph keys, LSH band hashes) to the slot of
//! the first paragraph that had them: open addressing with linear probing over one array of
//! `(hash, slot)` pairs, first insert wins.
//!
//! The indexes grow to millions of entries, far beyond the caches, and the deciding is
//! sequential, so its time goes to memory misses: a paragraph probes up to 21 entries. Here a
//! probe usually reads one cache line, and [`HashIndex::touch`] loads the home entries of all of
//! a paragraph's hashes first, so that their misses overlap instead of coming one after another.
//! It answers exactly what an `entry(k).or_insert(v)` / `get(k)` hash map answers (see the
//! test against `HashMap`).

/// One entry, 12 bytes (packed: fields are only read and written by value): key 0 marks an
/// empty entry (the key 0 itself is held apart).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, packed(4))]
struct Entry {
    key: u64,
    slot: u32,
}

/// A map from `u64` hashes to `u32` slots where the first insert of a key wins.
#[derive(Debug, Default)]
pub struct HashIndex {
    entries: Vec<Entry>,
    /// `64 - log2(entries.len())`: the home of a key is the top bits of its mixed value.
    shift: u32,
    len: usize,
    zero: Option<u32>,
}

/// Entries at most this many eighths of the table are filled (linear probing stays short: a
/// missing key reads about 8 entries on average at the most, two cache lines).
const MAX_LOAD_EIGHTHS: usize = 6;

impl HashIndex {
    /// Keys held.
    pub fn len(&self) -> usize {
        self.len + usize::from(self.zero.is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entries allocated (for the heap estimate).
    pub fn capacity(&self) -> usize {
        self.entries.len()
    }

    /// Bytes per allocated entry.
    pub const ENTRY_BYTES: usize = std::mem::size_of::<Entry>();

    /// Empties the index, keeping its entries allocated.
    pub fn clear(&mut self) {
        self.entries.fill(Entry::default());
        self.len = 0;
        self.zero = None;
    }

    fn home(&self, key: u64) -> usize {
        // keys are hashes already; the multiply spreads any structure left in their top bits
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The slot first inserted for `key`.
    pub fn get(&self, key: u64) -> Option<u32> {
        if key == 0 {
            return self.zero;
        }
        if self.entries.is_empty() {
            return None;
        }
        let mask = self.entries.len() - 1;
        let mut i = self.home(key);
        loop {
            let e = self.entries[i];
            if e.key == key {
                return Some(e.slot);
            }
            if e.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Inserts `key -> slot` unless `key` is held already (then its first slot stays); whether
    /// it inserted.
    pub fn insert_first(&mut self, key: u64, slot: u32) -> bool {
        if key == 0 {
            let new = self.zero.is_none();
            self.zero.get_or_insert(slot);
            return new;
        }
        if (self.len + 1) * 8 > self.entries.len() * MAX_LOAD_EIGHTHS {
            self.grow();
        }
        let mask = self.entries.len() - 1;
        let mut i = self.home(key);
        loop {
            let e = &mut self.entries[i];
            if e.key == key {
                return false;
            }
            if e.key == 0 {
                *e = Entry { key, slot };
                self.len += 1;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /// Reads the home entry of each key, so that the lookups that follow find them in cache;
    /// the reads are independent, so their misses overlap.
    pub fn touch(&self, keys: &[u64]) {
        if self.entries.is_empty() {
            return;
        }
        let mut acc = 0u64;
        for &k in keys {
            acc ^= self.entries[self.home(k)].key;
        }
        std::hint::black_box(acc);
    }

    fn grow(&mut self) {
        let cap = (self.entries.len() * 2).max(64);
        let old = std::mem::replace(&mut self.entries, vec![Entry::default(); cap]);
        self.shift = 64 - cap.trailing_zeros();
        self.len = 0;
        let mask = cap - 1;
        for e in old.into_iter().filter(|e| e.key != 0) {
            let mut i = self.home(e.key);
            while self.entries[i].key != 0 {
                i = (i + 1) & mask;
            }
            self.entries[i] = e;
            self.len += 1;
        }
    }
}

/// [`HashIndex`] split by key into [`Self::SHARDS`] tables that answer as one: a key lives in
/// one shard only, so inserts into different shards commute, and a batch of first inserts can be
/// applied shard by shard in parallel ([`Self::insert_all`]) with the answers of the same inserts
/// made one after another.
#[derive(Debug)]
pub struct ShardedIndex {
    shards: Vec<HashIndex>,
}

impl Default for ShardedIndex {
    fn default() -> Self {
        ShardedIndex {
            shards: (0..Self::SHARDS).map(|_| HashIndex::default()).collect(),
        }
    }
}

impl ShardedIndex {
    pub const SHARDS: usize = 64;

    /// The shard of `key` (top bits of another mix than [`HashIndex`]'s home).
    #[inline]
    pub fn shard_of(key: u64) -> usize {
        (key.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> 58) as usize
    }

    pub fn len(&self) -> usize {
        self.shards.iter().map(HashIndex::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn capacity(&self) -> usize {
        self.shards.iter().map(HashIndex::capacity).sum()
    }

    /// Empties the index (the shards that hold keys), keeping its entries allocated.
    pub fn clear(&mut self) {
        for shard in self.shards.iter_mut().filter(|s| !s.is_empty()) {
            shard.clear();
        }
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        self.shards[Self::shard_of(key)].get(key)
    }

    #[inline]
    pub fn insert_first(&mut self, key: u64, slot: u32) -> bool {
        self.shards[Self::shard_of(key)].insert_first(key, slot)
    }

    /// [`HashIndex::touch`] for each key in its shard.
    #[inline]
    pub fn touch(&self, keys: &[u64]) {
        for &k in keys {
            self.shards[Self::shard_of(k)].touch(std::slice::from_ref(&k));
        }
    }

    /// `insert_first` of every `(key, slot)` of `by_shard[s]`, each list in its order, where
    /// every key of `by_shard[s]` is of shard `s`; shards in parallel on the current rayon pool,
    /// each loading its entries' homes a group at a time so that their misses overlap.
    pub fn insert_all(&mut self, by_shard: &[Vec<(u64, u32)>]) {
        use rayon::prelude::*;
        debug_assert_eq!(by_shard.len(), Self::SHARDS);
        self.shards
            .par_iter_mut()
            .zip(by_shard)
            .filter(|(_, new)| !new.is_empty())
            .for_each(|(index, new)| {
                for group in new.chunks(32) {
                    for &(k, _) in group {
                        index.touch(std::slice::from_ref(&k));
                    }
                    for &(k, slot) in group {
                        index.insert_first(k, slot);
                    }
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The index answers as the hash map it replaced, `entry(k).or_insert(v)` then `get(&k)`,
    /// on keys that collide in their home bits, repeat, and include 0.
    #[test]
    fn same_answers_as_a_hash_map() {
        let mut state = 0x1234_5678_9abc_def0u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut map: HashMap<u64, u32> = HashMap::new();
        let mut index = HashIndex::default();
        for slot in 0..200_000u32 {
            let r = next();
            let key = match r % 7 {
                0 => r % 1000,        // small keys: repeats, and 0 now and then
                1 => (r % 50) << 58,  // the same low bits, few top-bit patterns
                2 => r & 0xFFFF_0000, // many keys sharing low bits
                _ => r,
            };
            let q = next() % 1500;
            assert_eq!(index.get(q), map.get(&q).copied(), "get {q}");
            if slot % 3 == 0 {
                assert_eq!(index.get(key), map.get(&key).copied(), "get {key}");
            } else {
                let new = !map.contains_key(&key);
                map.entry(key).or_insert(slot);
                assert_eq!(index.insert_first(key, slot), new);
            }
            index.touch(&[key, q]);
        }
        assert_eq!(index.len(), map.len());
        for (k, v) in &map {
            assert_eq!(index.get(*k), Some(*v));
        }
        // the sharded index, its inserts applied one by one or shard by shard, answers alike
        let mut one = ShardedIndex::default();
        let mut all = ShardedIndex::default();
        let mut by_shard = vec![Vec::new(); ShardedIndex::SHARDS];
        let mut order: Vec<(u64, u32)> = Vec::new();
        for slot in 0..50_000u32 {
            let r = next();
            let key = if r % 3 == 0 { r % 2000 } else { r };
            order.push((key, slot));
        }
        let mut first: HashMap<u64, u32> = HashMap::new();
        for &(k, slot) in &order {
            first.entry(k).or_insert(slot);
            one.insert_first(k, slot);
            by_shard[ShardedIndex::shard_of(k)].push((k, slot));
        }
        all.insert_all(&by_shard);
        assert_eq!(one.len(), all.len());
        for &(k, _) in &order {
            assert_eq!(one.get(k), all.get(k));
            assert_eq!(one.get(k), first.get(&k).copied());
        }
        index.clear();
        assert!(index.is_empty());
        assert_eq!(index.get(5), None);
        index.insert_first(0, 9);
        index.insert_first(0, 10);
        assert_eq!(index.get(0), Some(9));
    }
}
