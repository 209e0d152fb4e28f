//! Writes the C001 line model's feature vectors of every non-blank line of every `IN/*.txt`, as
//! JSON lines `{"f": file name, "i": line, "o": removed by another rule, "t": text, "x": [...]}`:
//! the input of `tools/fit_c001.py`.
//!
//! Usage: `c001_vectors IN > vectors.jsonl`.

use std::io::Write;

use deboil::doc::{Document, Removal};
use deboil::rules::classifier::{classify_vectors, Class, Params};
use deboil::rules::{registry_with, RuleSettings, Strictness};

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).expect("usage: c001_vectors IN");
    let rules: Vec<_> = registry_with(&RuleSettings {
        strictness: Strictness::Normal,
        ..RuleSettings::default()
    })
    .into_iter()
    .filter(|r| r.meta().code != "C001")
    .collect();
    let p = Params::for_strictness(Strictness::Normal);
    let mut names: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    names.sort();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in names {
        let (text, _) = deboil::input::normalize::decode_and_normalize(&std::fs::read(&path)?);
        let doc = Document::from_text(text, 1, 0);
        let mut removals: Vec<Removal> = Vec::new();
        for r in &rules {
            r.check(&doc, &mut removals);
        }
        let mut other = vec![false; doc.n_lines()];
        for r in removals.iter().filter(|r| r.within.is_none()) {
            for i in r.lines.clone() {
                if let Some(g) = other.get_mut(i) {
                    *g = true;
                }
            }
        }
        let (verdicts, xs) = classify_vectors(&doc, &p);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        for (i, x) in xs.iter().enumerate() {
            if verdicts[i].class == Class::Blank {
                continue;
            }
            let xs: Vec<String> = x.iter().map(|v| format!("{v:.4}")).collect();
            writeln!(
                out,
                "{{\"f\":{:?},\"i\":{},\"o\":{},\"t\":{:?},\"x\":[{}]}}",
                name.as_ref(),
                i,
                u8::from(other[i]),
                doc.line(i),
                xs.join(",")
            )?;
        }
    }
    out.flush()
}
