//! The floor for whole-corpus throughput: read + decompress + parse JSON + xxh3 every line of
//! the text field, nothing else. deboil's speed is compared with this on the same files.
//!
//! `cargo run --release --example floor -- [--threads N] FILE...` (`.jsonl`, `.jsonl.gz`, `.jsonl.zst`)

use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

use rayon::prelude::*;

#[derive(serde::Deserialize)]
struct Rec<'a> {
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
}

fn open(path: &str) -> Box<dyn Read + Send> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if path.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(
            1 << 20,
            f,
        )))
    } else if path.ends_with(".zst") {
        Box::new(zstd::Decoder::new(f).expect("zstd"))
    } else {
        Box::new(f)
    }
}

/// Returns (bytes of JSON, lines hashed, xor of hashes).
fn scan(path: &str) -> (u64, u64, u64) {
    let mut r = BufReader::with_capacity(1 << 20, open(path));
    let mut buf = Vec::new();
    let (mut bytes, mut lines, mut acc) = (0u64, 0u64, 0u64);
    loop {
        buf.clear();
        let n = r.read_until(b'\n', &mut buf).expect("read");
        if n == 0 {
            break;
        }
        bytes += n as u64;
        if let Ok(rec) = serde_json::from_slice::<Rec>(&buf) {
            for line in rec.text.split('\n') {
                acc ^= xxhash_rust::xxh3::xxh3_64(line.as_bytes());
                lines += 1;
            }
        }
    }
    (bytes, lines, acc)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut threads = 0;
    if let Some(i) = args.iter().position(|a| a == "--threads") {
        threads = args[i + 1].parse().expect("--threads N");
        args.drain(i..i + 2);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let t = Instant::now();
    let (bytes, lines, acc) = pool.install(|| {
        args.par_iter()
            .map(|p| scan(p))
            .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 ^ b.2))
    });
    let s = t.elapsed().as_secs_f64();
    println!(
        "floor: {} MB of JSONL, {} lines hashed in {:.2}s: {:.0} MB/s (checksum {:016x})",
        bytes / 1_000_000,
        lines,
        s,
        bytes as f64 / 1e6 / s,
        acc
    );
}
