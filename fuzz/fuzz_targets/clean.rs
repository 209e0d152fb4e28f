//! Fuzzes the whole per-document pipeline: decode, normalise, split, every rule, apply.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static RULES: OnceLock<Vec<Box<dyn deboil::rules::Rule>>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(|| {
        deboil::pipeline::active_rules(&deboil::pipeline::CleanOptions::default()).unwrap()
    });
    for d in deboil::pipeline::clean_bytes(data, rules) {
        let removed: usize = d.report.removals.iter().map(|r| r.removed_lines).sum();
        assert_eq!(d.report.lines_in, d.report.lines_out + removed);
        let _ = d.render_text();
    }
});
