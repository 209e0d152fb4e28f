//! Decompressed bytes kept from one reading of the sources for the next, so that a `.gz`/`.zst`
//! input is decompressed once when `clean` reads its inputs twice (pass 1 learns boilerplate,
//! pass 2 cleans).
//!
//! The first reading wraps each decompressor in a `Keep`, which copies what it yields; a
//! source read to its end without a fault is stored under its place in the source list, as long
//! as the store's budget lasts (a source that does not fit is not kept, and the next reading
//! decompresses it again). The second reading takes a stored source and reads it from memory
//! through a `Kept` reader, which hands out the first chunk exactly as long as the
//! decompressor's first read was: that chunk is the head sniffed for the format and for binary
//! bytes, so every decision comes out as if the file had been decompressed again. Memory is
//! freed source by source as the second reading moves on. A source whose data the first reading
//! found damaged (not merely cut short) is noted with its error, so that the second reading
//! fails it whole instead of using what came out before the fault.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Read};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use super::Compression;

/// The store shared by the two readings (cheap to clone: one shared table).
#[derive(Clone, Debug)]
pub struct Unpacked(Arc<(Mutex<Store>, Condvar)>);

#[derive(Debug)]
struct Store {
    budget: usize,
    used: usize,
    kept: HashMap<usize, (Kept, Compression)>,
    /// Sources being decompressed ahead of the reading ([`Unpacked::promise`]).
    promised: HashSet<usize>,
    /// Sources whose decompressor met damaged data (not an early end), with its error: what
    /// came out before the fault cannot be trusted ([`Unpacked::damage`]).
    damaged: HashMap<usize, String>,
}

impl Unpacked {
    /// An empty store that keeps at most `budget` decompressed bytes in all.
    pub fn new(budget: usize) -> Unpacked {
        Unpacked(Arc::new((
            Mutex::new(Store {
                budget,
                used: 0,
                kept: HashMap::new(),
                promised: HashSet::new(),
                damaged: HashMap::new(),
            }),
            Condvar::new(),
        )))
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.0 .0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Bytes the store can still take.
    pub(crate) fn room(&self) -> usize {
        let s = self.store();
        s.budget.saturating_sub(s.used)
    }

    /// Marks source `index` as being decompressed ahead (by [`Unpacked::keep`] on another
    /// thread): [`Unpacked::wait_peek`] waits for it until the returned guard is dropped.
    pub(crate) fn promise(&self, index: usize) -> Promise {
        self.store().promised.insert(index);
        Promise {
            store: self.clone(),
            index,
        }
    }

    /// The bytes kept for source `index` (after waiting for a promise of it to settle), which
    /// stay in the store: the reader shares them.
    pub(crate) fn wait_peek(&self, index: usize) -> Option<(Kept, Compression)> {
        let mut s = self.store();
        while s.promised.contains(&index) {
            s = self.0 .1.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
        s.kept.get(&index).map(|(k, comp)| {
            let kept = Kept {
                bytes: k.bytes.clone(),
                head: k.head,
                at: 0,
            };
            (kept, *comp)
        })
    }

    /// Wraps the decompressor (of format `comp`) of source `index` so that its output is kept.
    pub(crate) fn keep<R: Read>(&self, index: usize, inner: R, comp: Compression) -> Keep<R> {
        let room = {
            let s = self.store();
            s.budget.saturating_sub(s.used)
        };
        Keep {
            inner,
            store: self.clone(),
            index,
            comp,
            room,
            head: None,
            bytes: Some(Vec::new()),
        }
    }

    /// The bytes kept for source `index` and the compression they came out of, leaving the
    /// store.
    pub(crate) fn take(&self, index: usize) -> Option<(Kept, Compression)> {
        let mut s = self.store();
        while s.promised.contains(&index) {
            s = self.0 .1.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
        s.kept.remove(&index)
    }

    /// The decompressor error of source `index` when a reading found its data damaged (a
    /// corrupt block or a checksum mismatch; an archive cut short is not damaged), after waiting
    /// for a promise of it to settle.
    pub(crate) fn damage(&self, index: usize) -> Option<String> {
        let mut s = self.store();
        while s.promised.contains(&index) {
            s = self.0 .1.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
        s.damaged.get(&index).cloned()
    }

    /// Decompressed bytes held now.
    pub fn held(&self) -> usize {
        self.store().kept.values().map(|(k, _)| k.bytes.len()).sum()
    }
}

/// A source being decompressed ahead; dropping it (when the decompression ended, kept or
/// not, or panicked) wakes whoever waits for the source.
pub(crate) struct Promise {
    store: Unpacked,
    index: usize,
}

impl Drop for Promise {
    fn drop(&mut self) {
        self.store.store().promised.remove(&self.index);
        self.store.0 .1.notify_all();
    }
}

/// A decompressor whose output is copied for the store until its end (then stored), a read
/// error (then dropped) or the budget (then dropped).
pub(crate) struct Keep<R> {
    inner: R,
    store: Unpacked,
    index: usize,
    comp: Compression,
    /// Bytes the store can still take.
    room: usize,
    /// Length of the first read.
    head: Option<usize>,
    /// `None` once this source will not be kept.
    bytes: Option<Vec<u8>>,
}

impl<R: Read> Read for Keep<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = match self.inner.read(out) {
            Ok(n) => n,
            Err(e) => {
                self.bytes = None;
                if super::is_damage(&e) {
                    let mut s = self.store.store();
                    s.damaged.entry(self.index).or_insert_with(|| e.to_string());
                }
                return Err(e);
            }
        };
        let Some(bytes) = self.bytes.as_mut() else {
            return Ok(n);
        };
        if out.is_empty() {
            return Ok(n);
        }
        self.head.get_or_insert(n);
        if n == 0 {
            let mut bytes = self.bytes.take().unwrap_or_default();
            bytes.shrink_to_fit();
            let mut s = self.store.store();
            if s.used + bytes.len() <= s.budget {
                s.used += bytes.len();
                let head = self.head.unwrap_or(0);
                let bytes = Arc::new(bytes);
                s.kept
                    .insert(self.index, (Kept { bytes, head, at: 0 }, self.comp));
            }
        } else if bytes.len() + n > self.room {
            self.bytes = None;
        } else {
            if bytes.capacity() - bytes.len() < n {
                // grow by doubling, but never past the room left: the budget bounds the
                // allocation, not only the bytes
                let grow = bytes.capacity().max(n).min(self.room - bytes.len());
                bytes.reserve_exact(grow);
            }
            bytes.extend_from_slice(&out[..n]);
        }
        Ok(n)
    }
}

/// A kept source read back from memory: the first chunk is as long as the decompressor's first
/// read was, the rest comes in one piece.
#[derive(Debug)]
pub(crate) struct Kept {
    /// Shared by the store and the readings that peek at it.
    bytes: Arc<Vec<u8>>,
    head: usize,
    at: usize,
}

impl Read for Kept {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let chunk = self.fill_buf()?;
        let n = chunk.len().min(out.len());
        out[..n].copy_from_slice(&chunk[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Kept {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        let end = if self.at < self.head {
            self.head
        } else {
            self.bytes.len()
        };
        Ok(&self.bytes[self.at..end])
    }

    fn consume(&mut self, n: usize) {
        self.at = (self.at + n).min(self.bytes.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that yields its data in chunks of the given sizes, then an error or the end.
    struct Chunks {
        data: Vec<u8>,
        sizes: Vec<usize>,
        fail_at_end: bool,
    }

    impl Read for Chunks {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if self.data.is_empty() {
                return if self.fail_at_end {
                    Err(std::io::Error::other("broken"))
                } else {
                    Ok(0)
                };
            }
            let want = if self.sizes.is_empty() {
                self.data.len()
            } else {
                self.sizes.remove(0)
            };
            let n = want.min(out.len()).min(self.data.len());
            out[..n].copy_from_slice(&self.data[..n]);
            self.data.drain(..n);
            Ok(n)
        }
    }

    fn chunks(data: &[u8], sizes: &[usize], fail_at_end: bool) -> Chunks {
        Chunks {
            data: data.to_vec(),
            sizes: sizes.to_vec(),
            fail_at_end,
        }
    }

    #[test]
    fn a_source_read_to_its_end_is_kept_with_its_first_chunk() {
        let store = Unpacked::new(1 << 20);
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        let mut out = Vec::new();
        store
            .keep(3, chunks(&data, &[7, 5000], false), Compression::Gzip)
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, data);
        assert_eq!(store.held(), data.len());
        assert!(store.take(2).is_none());
        let (mut kept, comp) = store.take(3).unwrap();
        assert_eq!(comp, Compression::Gzip);
        assert_eq!(kept.fill_buf().unwrap(), &data[..7]);
        kept.consume(3);
        assert_eq!(kept.fill_buf().unwrap(), &data[3..7]);
        kept.consume(4);
        assert_eq!(kept.fill_buf().unwrap(), &data[7..]);
        let mut rest = Vec::new();
        kept.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, &data[7..]);
        assert!(kept.fill_buf().unwrap().is_empty());
        assert!(store.take(3).is_none(), "taken once");
        assert_eq!(store.held(), 0);
    }

    #[test]
    fn faults_unfinished_reads_and_the_budget_keep_nothing() {
        let store = Unpacked::new(1000);
        let mut out = Vec::new();
        assert!(store
            .keep(0, chunks(b"abc", &[1], true), Compression::Zstd)
            .read_to_end(&mut out)
            .is_err());
        assert!(store.take(0).is_none(), "a read error");

        let mut k = store.keep(1, chunks(b"abcdef", &[2], false), Compression::Zstd);
        let mut two = [0u8; 2];
        k.read_exact(&mut two).unwrap();
        drop(k);
        assert!(store.take(1).is_none(), "not read to its end");

        let big = vec![b'x'; 1001];
        store
            .keep(2, chunks(&big, &[], false), Compression::Gzip)
            .read_to_end(&mut Vec::new())
            .unwrap();
        assert!(store.take(2).is_none(), "over the budget");

        // the budget is shared: 600 fit, the next 600 do not, 400 more do
        for (i, n) in [(3, 600), (4, 600), (5, 400)] {
            store
                .keep(i, chunks(&vec![b'y'; n], &[], false), Compression::Gzip)
                .read_to_end(&mut Vec::new())
                .unwrap();
        }
        assert_eq!(store.held(), 1000);
        assert!(store.take(3).is_some());
        assert!(store.take(4).is_none());
        assert!(store.take(5).is_some());
    }

    #[test]
    fn the_allocation_stays_within_the_budget() {
        let store = Unpacked::new(1000);
        let data = vec![b'z'; 990];
        let mut k = store.keep(0, chunks(&data, &[100; 10], false), Compression::Gzip);
        let mut buf = [0u8; 128];
        while k.read(&mut buf).unwrap() > 0 {
            let capacity = k.bytes.as_ref().map_or(0, Vec::capacity);
            assert!(capacity <= 1000, "capacity {capacity}");
        }
        assert_eq!(store.held(), 990);
    }

    #[test]
    fn a_promised_source_is_waited_for_then_shared_by_peeks_until_taken() {
        let store = Unpacked::new(1 << 20);
        let data: Vec<u8> = (0..50_000u32).map(|i| (i % 13) as u8).collect();
        assert!(
            store.wait_peek(0).is_none(),
            "nothing promised, nothing kept"
        );
        let promise = store.promise(0);
        let (writer, expected) = (store.clone(), data.clone());
        let ahead = std::thread::spawn(move || {
            let mut out = Vec::new();
            writer
                .keep(0, chunks(&expected, &[11], false), Compression::Zstd)
                .read_to_end(&mut out)
                .unwrap();
            drop(promise);
        });
        // waits for the promise whichever thread runs first
        let (mut peeked, comp) = store.wait_peek(0).expect("kept once the promise settles");
        ahead.join().unwrap();
        assert_eq!(comp, Compression::Zstd);
        assert_eq!(
            peeked.fill_buf().unwrap(),
            &data[..11],
            "the first read's length"
        );
        let mut all = Vec::new();
        peeked.read_to_end(&mut all).unwrap();
        assert_eq!(all, data);
        assert_eq!(
            store.held(),
            data.len(),
            "a peek leaves the bytes in the store"
        );
        let (mut taken, _) = store.take(0).unwrap();
        let mut again = Vec::new();
        taken.read_to_end(&mut again).unwrap();
        assert_eq!(again, data, "the next reading reads them from the start");
        assert!(store.wait_peek(0).is_none());
    }

    #[test]
    fn a_promise_that_keeps_nothing_still_releases_the_reader() {
        let store = Unpacked::new(10);
        let promise = store.promise(4);
        let writer = store.clone();
        let ahead = std::thread::spawn(move || {
            // over the budget: the reader decompresses the source itself
            let _ = writer
                .keep(4, chunks(&[b'q'; 20], &[], false), Compression::Gzip)
                .read_to_end(&mut Vec::new());
            drop(promise);
        });
        assert!(store.wait_peek(4).is_none());
        assert!(store.take(4).is_none());
        ahead.join().unwrap();
    }

    #[test]
    fn an_empty_source_is_kept_empty() {
        let store = Unpacked::new(10);
        store
            .keep(0, chunks(b"", &[], false), Compression::Gzip)
            .read_to_end(&mut Vec::new())
            .unwrap();
        let (mut kept, _) = store.take(0).unwrap();
        assert!(kept.fill_buf().unwrap().is_empty());
    }
}
