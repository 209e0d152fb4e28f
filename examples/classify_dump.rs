//! Reads a dump, runs every registered rule (the block classifier C001 among them) and prints the
//! kept lines: a stand-in for `deboil clean` while evaluating the classifier on a dev set.
//!
//! Usage: `classify_dump [--strictness low|normal|high] FILE...`, or `classify_dump --batch IN OUT`
//! to clean every `IN/*.txt` into `OUT/`. `C001_<PARAM>=value` environment variables override the
//! classifier's parameters (for tuning runs only).

use std::io::Write;

use deboil::doc::{Document, Removal};
use deboil::rules::boilerplate_line::BoilerplateLineRule;
use deboil::rules::classifier::Params;
use deboil::rules::{registry_with, Rule, RuleSettings, Strictness};

fn env_f(name: &str, v: &mut f32) {
    if let Ok(s) = std::env::var(format!("C001_{name}")) {
        *v = s.parse().expect("number");
    }
}
fn env_u(name: &str, v: &mut u32) {
    if let Ok(s) = std::env::var(format!("C001_{name}")) {
        *v = s.parse().expect("integer");
    }
}

fn rules(strictness: Strictness) -> Vec<Box<dyn Rule>> {
    let mut p = Params::for_strictness(strictness);
    env_u("SHORT_WORDS", &mut p.short_words);
    env_u("GOOD_WORDS", &mut p.good_words);
    env_f("GOOD_DENSITY", &mut p.good_density);
    env_f("NEAR_DENSITY", &mut p.near_density);
    env_f("GOOD_WEIGHT", &mut p.good_weight);
    env_f("NEAR_WEIGHT", &mut p.near_weight);
    env_f("WORD_CAP", &mut p.word_cap);
    env_f("SHORT_PENALTY", &mut p.short_penalty);
    env_f("BAD_PENALTY", &mut p.bad_penalty);
    env_f("BAD_WORD_PENALTY", &mut p.bad_word_penalty);
    env_f("EXTRA_CORE_SHARE", &mut p.extra_core_share);
    env_f("EXTRA_CORE_MIN", &mut p.extra_core_min);
    env_u("OUTSIDE_KEEP_WORDS", &mut p.outside_keep_words);
    env_u("HEAD_WINDOW", &mut p.head_window);
    env_u("GAP_LINES", &mut p.gap_lines);
    env_f("GAP_PENALTY", &mut p.gap_penalty);
    env_f("MARKER_PENALTY", &mut p.marker_penalty);
    env_u("TITLE_REACH", &mut p.title_reach);
    env_f("MODEL_WORD_WEIGHT", &mut p.model_word_weight);
    if std::env::var("C001_NO_MODEL").is_ok() {
        p.model_word_weight = 0.0;
    }
    if let Ok(path) = std::env::var("C001_WEIGHTS") {
        let text = std::fs::read_to_string(path).expect("weights file");
        let mut w = [0.0f32; deboil::rules::classifier::model::N];
        for (slot, tok) in w.iter_mut().zip(text.split_whitespace()) {
            *slot = tok.parse().expect("number");
        }
        p.model = Box::leak(Box::new(w));
    }
    let mut v: Vec<Box<dyn Rule>> = registry_with(&RuleSettings {
        strictness,
        ..RuleSettings::default()
    })
    .into_iter()
    .filter(|r| r.meta().code != "C001")
    .collect();
    if std::env::var("C001_OFF").is_err() {
        v.push(Box::new(BoilerplateLineRule::with_params(p)));
    }
    v
}

fn clean(bytes: &[u8], rules: &[Box<dyn Rule>], out: &mut impl Write) -> std::io::Result<()> {
    let (text, _) = deboil::input::normalize::decode_and_normalize(bytes);
    let doc = Document::from_text(text, 1, 0);
    if std::env::var("C001_DEBUG").is_ok() {
        let p = Params::for_strictness(Strictness::Normal);
        for (i, v) in deboil::rules::classifier::classify(&doc, &p)
            .iter()
            .enumerate()
        {
            eprintln!(
                "{:>9} {:>7.1} {:?} {:?}",
                v.class.as_str(),
                v.score,
                v.remove,
                doc.line(i)
            );
        }
    }
    let mut removals: Vec<Removal> = Vec::new();
    for r in rules {
        r.check(&doc, &mut removals);
    }
    let mut gone = vec![false; doc.n_lines()];
    for r in &removals {
        if r.within.is_none() {
            for i in r.lines.clone() {
                if let Some(g) = gone.get_mut(i) {
                    *g = true;
                }
            }
        }
    }
    let mut printed = false;
    let mut gap = false;
    for (i, &g) in gone.iter().enumerate() {
        if doc.is_blank(i) {
            gap = true;
        } else if !g {
            if printed && gap {
                out.write_all(b"\n")?;
            }
            out.write_all(doc.line(i).as_bytes())?;
            out.write_all(b"\n")?;
            printed = true;
            gap = false;
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut strictness = Strictness::Normal;
    if let Some(p) = args.iter().position(|a| a == "--strictness") {
        strictness = match args.get(p + 1).map(String::as_str) {
            Some("low") => Strictness::Low,
            Some("high") => Strictness::High,
            _ => Strictness::Normal,
        };
        args.drain(p..(p + 2).min(args.len()));
    }
    let rules = rules(strictness);
    if args.first().map(String::as_str) == Some("--batch") && args.len() == 3 {
        let mut names: Vec<_> = std::fs::read_dir(&args[1])?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        names.sort();
        let t0 = std::time::Instant::now();
        let mut bytes_in = 0usize;
        for p in names {
            let bytes = std::fs::read(&p)?;
            bytes_in += bytes.len();
            let mut buf = Vec::new();
            clean(&bytes, &rules, &mut buf)?;
            std::fs::write(
                std::path::Path::new(&args[2]).join(p.file_name().unwrap_or_default()),
                buf,
            )?;
        }
        eprintln!("{bytes_in} bytes in {:?}", t0.elapsed());
        return Ok(());
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for a in &args {
        clean(&std::fs::read(a)?, &rules, &mut out)?;
    }
    out.flush()
}
