//! Scores the dedup stage on the planted corpus from `bench/gen_planted.py`.
//!
//! `cargo run --release --example dedup_planted -- planted.jsonl planted-labels.jsonl [batch]`
//! Options come from `DedupOptions::default()`, overridable by environment variables for
//! measurement: DEDUP_SHINGLE, DEDUP_BANDS, DEDUP_ROWS, DEDUP_THRESHOLD, DEDUP_MIN_WORDS_NEAR.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;

use deboil::dedup::{DedupOptions, Deduper};
use deboil::doc::Document;

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let corpus = args.get(1).map_or("planted.jsonl", String::as_str);
    let labels = args.get(2).map_or("planted-labels.jsonl", String::as_str);
    let batch: usize = args.get(3).and_then(|b| b.parse().ok()).unwrap_or(256);
    let d = DedupOptions::default();
    let opts = DedupOptions {
        shingle: env("DEDUP_SHINGLE", d.shingle),
        bands: env("DEDUP_BANDS", d.bands),
        rows: env("DEDUP_ROWS", d.rows),
        threshold: env("DEDUP_THRESHOLD", d.threshold),
        min_words_near: env("DEDUP_MIN_WORDS_NEAR", d.min_words_near),
        ..d
    };
    let mut docs = Vec::new();
    for (seq, line) in std::io::BufReader::new(std::fs::File::open(corpus)?)
        .lines()
        .enumerate()
    {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let mut doc = Document::from_text(v["text"].as_str().unwrap_or("").to_string(), 1, 0);
        doc.id = v["id"].as_str().unwrap_or("").to_string();
        doc.source = format!("planted/{}", doc.id);
        doc.seq = seq as u64;
        docs.push(doc);
    }
    let t = std::time::Instant::now();
    let mut dd = Deduper::new(opts.clone());
    for chunk in docs.chunks(batch) {
        dd.learn_batch(chunk);
    }
    dd.finish_learning();
    let mut removed: HashSet<(String, usize)> = HashSet::new();
    let mut codes: HashMap<&'static str, usize> = HashMap::new();
    for chunk in docs.chunks(batch) {
        let none = vec![Vec::new(); chunk.len()];
        for (doc, rs) in chunk.iter().zip(dd.process_batch(chunk, &none)) {
            for r in rs {
                *codes.entry(r.code).or_insert(0) += 1;
                let para = doc
                    .paragraphs()
                    .position(|l| l == r.lines.start)
                    .unwrap_or(0);
                removed.insert((doc.id.clone(), para));
            }
        }
    }
    let elapsed = t.elapsed();
    let mut total: HashMap<String, usize> = HashMap::new();
    let mut gone: HashMap<String, usize> = HashMap::new();
    let mut misses: Vec<String> = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(labels)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let id = v["id"].as_str().unwrap_or("").to_string();
        let para = v["para"].as_u64().unwrap_or(0) as usize;
        let label = v["label"].as_str().unwrap_or("").to_string();
        *total.entry(label.clone()).or_insert(0) += 1;
        let r = removed.contains(&(id.clone(), para));
        if r {
            *gone.entry(label.clone()).or_insert(0) += 1;
        }
        let wrong = matches!(
            (label.as_str(), r),
            ("exact" | "near", false) | ("hardneg" | "base" | "other", true)
        );
        if wrong && misses.len() < 20 {
            misses.push(format!("{label} {id} para {para} removed={r}"));
        }
    }
    let pct = |l: &str, removed: bool| {
        let t = total.get(l).copied().unwrap_or(0);
        let g = gone.get(l).copied().unwrap_or(0);
        let n = if removed { g } else { t - g };
        format!("{:.2}% ({n}/{t})", 100.0 * n as f64 / t.max(1) as f64)
    };
    println!(
        "shingle={} bands={} rows={} threshold={} min_words_near={}",
        opts.shingle, opts.bands, opts.rows, opts.threshold, opts.min_words_near
    );
    println!("exact removed:        {}", pct("exact", true));
    println!("near removed:         {}", pct("near", true));
    println!("hard negatives kept:  {}", pct("hardneg", false));
    let others_t = total.get("base").unwrap_or(&0) + total.get("other").unwrap_or(&0);
    let others_g = gone.get("base").unwrap_or(&0) + gone.get("other").unwrap_or(&0);
    println!(
        "others kept:          {:.3}% ({}/{})",
        100.0 * (others_t - others_g) as f64 / others_t.max(1) as f64,
        others_t - others_g,
        others_t
    );
    let mut c: Vec<_> = codes.into_iter().collect();
    c.sort();
    println!(
        "removals by code: {c:?}; indexed {}, decider heap {} bytes; {:?}",
        dd.indexed(),
        dd.heap_bytes(),
        elapsed
    );
    for m in misses {
        eprintln!("  {m}");
    }
    Ok(())
}
