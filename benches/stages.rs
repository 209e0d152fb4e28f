//! Per-stage throughput (divan): normalise, key hashing, split, rules, apply, on a corpus built
//! from the seed dumps (repeated to ~4 MB). `cargo bench --bench stages`.

use deboil::doc::{Document, Record};
use deboil::pipeline::{self, apply, split, CleanOptions};
use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

fn corpus() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let one: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap() + "\n\n\n")
        .collect();
    one.repeat((4 << 20) / one.len() + 1)
}

fn record(text: String) -> Record {
    Record {
        id: "bench".into(),
        source: "bench".into(),
        source_line: 1,
        seq: 0,
        fields: Default::default(),
        raw_bytes: text.len(),
        text,
        narrow_gaps: Vec::new(),
        repaired_utf8: 0,
        jsonl: false,
    }
}

#[divan::bench]
fn normalize(b: Bencher) {
    let c = corpus();
    b.counter(BytesCount::new(c.len()))
        .bench(|| deboil::input::normalize::normalize(divan::black_box(&c)));
}

#[divan::bench]
fn line_keys(b: Bencher) {
    let c = deboil::input::normalize::normalize(&corpus());
    b.counter(BytesCount::new(c.len())).bench(|| {
        c.split('\n')
            .map(deboil::dedup::key::line_key_hash)
            .fold(0u64, |a, h| a ^ h)
    });
}

#[divan::bench]
fn split_and_line_info(b: Bencher) {
    let r = record(deboil::input::normalize::normalize(&corpus()));
    b.counter(BytesCount::new(r.text.len()))
        .bench(|| split::split(divan::black_box(&r)));
}

#[divan::bench]
fn rules(b: Bencher) {
    let r = record(deboil::input::normalize::normalize(&corpus()));
    let docs: Vec<Document> = split::split(&r);
    let rules = pipeline::active_rules(&CleanOptions::default()).unwrap();
    b.counter(BytesCount::new(r.text.len())).bench(|| {
        let mut out = Vec::new();
        for d in &docs {
            for rule in &rules {
                rule.check(d, &mut out);
            }
        }
        out.len()
    });
}

#[divan::bench]
fn apply_and_render(b: Bencher) {
    let r = record(deboil::input::normalize::normalize(&corpus()));
    let docs: Vec<Document> = split::split(&r);
    let rules = pipeline::active_rules(&CleanOptions::default()).unwrap();
    let removals: Vec<Vec<_>> = docs
        .iter()
        .map(|d| {
            let mut out = Vec::new();
            for rule in &rules {
                rule.check(d, &mut out);
            }
            out
        })
        .collect();
    b.counter(BytesCount::new(r.text.len())).bench(|| {
        docs.iter()
            .zip(&removals)
            .map(|(d, rm)| apply::apply(d, rm).render_text().len())
            .sum::<usize>()
    });
}
