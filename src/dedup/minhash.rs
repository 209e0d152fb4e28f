//! MinHash signatures by one-permutation hashing with optimal densification, and LSH band
//! hashes: each word shingle is hashed once and dropped into one of `bins` bins (not `bins` hash
//! evaluations per shingle); empty bins borrow a filled bin's value chosen by a fixed hash chain.

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// SplitMix64 finaliser: a cheap, well-mixing bijection on `u64`.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hash of one normalised word (stable: xxh3 with a fixed seed).
#[inline]
pub fn word_hash(word: &str) -> u64 {
    word_hash_bytes(word.as_bytes())
}

/// [`word_hash`] of a word given as bytes.
#[inline]
pub fn word_hash_bytes(word: &[u8]) -> u64 {
    xxh3_64_with_seed(word, 0x6465_626f_696c)
}

/// Hashes of the word `shingle`-grams of `words` (one shingle of all words when there are fewer
/// than `shingle`).
pub fn shingles(words: &[u64], shingle: usize) -> Vec<u64> {
    let n = shingle.max(1);
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() <= n {
        return vec![fold(words)];
    }
    words.windows(n).map(fold).collect()
}

fn fold(ws: &[u64]) -> u64 {
    let mut h = 0x51_7cc1_b727_220a_u64;
    for &w in ws {
        h = mix64(h.rotate_left(23) ^ w);
    }
    h
}

/// One-permutation MinHash of a set of shingle hashes into `bins` values, densified so no bin is
/// empty. Returns an empty signature for an empty set.
pub fn signature(shingle_hashes: &[u64], bins: usize) -> Vec<u32> {
    if shingle_hashes.is_empty() || bins == 0 {
        return Vec::new();
    }
    let mut sig = vec![u32::MAX; bins];
    let mut filled = vec![false; bins];
    for &s in shingle_hashes {
        let h = mix64(s);
        let bin = (((h >> 32) * bins as u64) >> 32) as usize;
        let v = h as u32;
        if !filled[bin] || v < sig[bin] {
            sig[bin] = v;
            filled[bin] = true;
        }
    }
    // Optimal densification (Shrivastava 2017): an empty bin i takes the value of the first filled
    // bin on its own fixed pseudo-random probe sequence.
    // (`filled` is read, never written, below: probes see the bins filled by shingles only)
    for i in 0..bins {
        if filled[i] {
            continue;
        }
        let mut attempt = 1u64;
        loop {
            let probe = mix64(((i as u64) << 32) ^ attempt);
            let j = (((probe >> 32) * bins as u64) >> 32) as usize;
            if filled[j] {
                sig[i] = sig[j];
                break;
            }
            attempt += 1;
        }
    }
    sig
}

/// LSH band hashes: `bands` hashes of `rows` consecutive signature values each, salted with the
/// band index so equal values in different bands never collide.
pub fn band_hashes(sig: &[u32], bands: usize, rows: usize) -> Vec<u64> {
    if sig.is_empty() {
        return Vec::new();
    }
    (0..bands)
        .filter(|b| (b + 1) * rows <= sig.len())
        .map(|b| {
            let mut h = mix64(b as u64 + 1);
            for &v in &sig[b * rows..(b + 1) * rows] {
                h = mix64(h ^ u64::from(v));
            }
            h
        })
        .collect()
}

/// The number of probes per bin [`bands_of`] keeps precomputed for densification.
const PROBES: usize = 32;

/// What [`bands_of`] reuses between calls with the same `bins` and `bands`: the first
/// [`PROBES`] bins of every bin's densification probe sequence, and the band salts.
struct Tables {
    bins: usize,
    bands: usize,
    probes: Vec<u8>,
    salts: Vec<u64>,
}

impl Tables {
    fn new(bins: usize, bands: usize) -> Self {
        let mut probes = Vec::with_capacity(bins * PROBES);
        for i in 0..bins {
            for attempt in 1..=PROBES as u64 {
                probes.push(probe(i, attempt, bins) as u8);
            }
        }
        Tables {
            bins,
            bands,
            probes,
            salts: (0..bands).map(|b| mix64(b as u64 + 1)).collect(),
        }
    }
}

thread_local! {
    static TABLES: std::cell::RefCell<Option<Tables>> = const { std::cell::RefCell::new(None) };
}

/// The bin that empty bin `i` looks at on its `attempt`-th probe.
#[inline]
fn probe(i: usize, attempt: u64, bins: usize) -> usize {
    let probe = mix64(((i as u64) << 32) ^ attempt);
    (((probe >> 32) * bins as u64) >> 32) as usize
}

/// `band_hashes(&signature(&shingles(words, shingle), bins), bands, rows)` with
/// `bins = bands.max(1) * rows.max(1)`, in one pass without the intermediate vectors when there
/// are at most 64 bins.
pub fn bands_of(words: &[u64], shingle: usize, bands: usize, rows: usize) -> Vec<u64> {
    let bins = bands.max(1) * rows.max(1);
    if bands == 0 || rows == 0 || bins > 64 || words.is_empty() {
        return band_hashes(&signature(&shingles(words, shingle), bins), bands, rows);
    }
    let mut sig = [u32::MAX; 64];
    let mut filled = 0u64;
    let mut add = |s: u64| {
        let h = mix64(s);
        let bin = (((h >> 32) * bins as u64) >> 32) as usize;
        let v = h as u32;
        let bit = 1u64 << bin;
        if filled & bit == 0 || v < sig[bin] {
            sig[bin] = v;
            filled |= bit;
        }
    };
    let n = shingle.max(1);
    if words.len() <= n {
        add(fold(words));
    } else {
        words.windows(n).for_each(|w| add(fold(w)));
    }
    TABLES.with(|t| {
        let mut t = t.borrow_mut();
        if !matches!(&*t, Some(t) if t.bins == bins && t.bands == bands) {
            *t = Some(Tables::new(bins, bands));
        }
        let Some(t) = t.as_ref() else {
            unreachable!("set above");
        };
        // densification as in `signature`: probes see the bins filled by shingles only
        let mut empty = !filled & (u64::MAX >> (64 - bins));
        while empty != 0 {
            let i = empty.trailing_zeros() as usize;
            empty &= empty - 1;
            let mut j = None;
            for &p in &t.probes[i * PROBES..(i + 1) * PROBES] {
                if filled & (1u64 << p) != 0 {
                    j = Some(usize::from(p));
                    break;
                }
            }
            let j = j.unwrap_or_else(|| {
                let mut attempt = PROBES as u64 + 1;
                loop {
                    let j = probe(i, attempt, bins);
                    if filled & (1u64 << j) != 0 {
                        return j;
                    }
                    attempt += 1;
                }
            });
            sig[i] = sig[j];
        }
        t.salts
            .iter()
            .zip(sig[..bins].chunks_exact(rows))
            .map(|(&salt, vs)| {
                let mut h = salt;
                for &v in vs {
                    h = mix64(h ^ u64::from(v));
                }
                h
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<u64> {
        s.split_whitespace().map(word_hash).collect()
    }

    #[test]
    fn identical_sets_identical_signatures() {
        let a = signature(&shingles(&words("a b c d e f g h"), 2), 32);
        let b = signature(&shingles(&words("a b c d e f g h"), 2), 32);
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
        assert!(a
            .iter()
            .all(|&v| v != u32::MAX || a.iter().all(|&w| w == v)));
    }

    #[test]
    fn estimate_tracks_jaccard() {
        let base: Vec<String> = (0..200).map(|i| format!("w{i}")).collect();
        let mut other = base.clone();
        for w in other.iter_mut().take(40) {
            w.push('x');
        }
        let a = signature(&shingles(&words(&base.join(" ")), 1), 256);
        let b = signature(&shingles(&words(&other.join(" ")), 1), 256);
        let est = a.iter().zip(&b).filter(|(x, y)| x == y).count() as f64 / 256.0;
        // true Jaccard 160/240 = 0.667
        assert!((est - 0.667).abs() < 0.12, "{est}");
    }

    #[test]
    fn short_input_one_shingle() {
        assert_eq!(shingles(&words("a b"), 3).len(), 1);
        assert!(shingles(&[], 3).is_empty());
        assert!(signature(&[], 8).is_empty());
        assert_eq!(band_hashes(&[1, 2, 3, 4], 2, 2).len(), 2);
    }

    #[test]
    fn bands_of_equals_the_three_steps() {
        let mut state = 7u64;
        let mut next = || {
            state = mix64(state);
            state
        };
        for (bands, rows) in [
            (20, 3),
            (16, 4),
            (1, 1),
            (8, 8),
            (3, 7),
            (5, 13),
            (0, 3),
            (3, 0),
            (9, 9),
        ] {
            for shingle in [0, 1, 2, 3, 5] {
                for len in (0..12).chain([40, 97, 300]) {
                    for _ in 0..4 {
                        // small vocabularies repeat words, so shingles collide
                        let vocab = 1 + next() % 40;
                        let words: Vec<u64> = (0..len).map(|_| next() % vocab).collect();
                        let bins = bands.max(1) * rows.max(1);
                        let old =
                            band_hashes(&signature(&shingles(&words, shingle), bins), bands, rows);
                        assert_eq!(
                            bands_of(&words, shingle, bands, rows),
                            old,
                            "bands {bands} rows {rows} shingle {shingle} words {words:?}"
                        );
                    }
                }
            }
        }
    }
}
