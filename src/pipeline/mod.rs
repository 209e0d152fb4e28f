//! The cleaning pipeline: read -> split -> strip (rules) -> dedup -> apply -> write + report.
//!
//! Records stream through in batches; within a batch, splitting, rules and apply run in
//! parallel (rayon), and results are written in input order, so the output is byte-identical at
//! any thread count. The pipeline knows the `Rule` trait, never a concrete rule.

pub mod apply;
pub mod signed;
pub mod split;
pub mod stages;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::doc::{Document, LineKeys, Record, Removal};
use crate::error::{Error, InputError};
use crate::input::{self, InputOptions};
use crate::output::{target, AtomicFile, Format, Sink};
use crate::report::{self, FailureEntry, ReportWriter, Totals};
use crate::rules::{self, Rule, RuleSettings, Strictness};
use apply::CleanDoc;

/// What `deboil clean` does with the cleaned documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// Write them.
    #[default]
    Write,
    /// Write nothing; print what would be removed.
    DryRun,
    /// Write nothing; print a unified diff per document.
    Diff,
}

/// Everything `clean` needs; the CLI builds it from flags and `deboil.toml`.
#[derive(Debug, Clone)]
pub struct CleanOptions {
    pub inputs: Vec<PathBuf>,
    pub input: InputOptions,
    /// `None`: stdout. A directory for text format, a file for JSONL.
    pub output: Option<PathBuf>,
    pub format: Format,
    pub report: Option<PathBuf>,
    /// Worker threads; `None` = all cores.
    pub threads: Option<usize>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub strictness: Strictness,
    /// `--keep-comments`: reader comments and forum replies stay (their chrome still goes).
    pub keep_comments: bool,
    pub config: Config,
    pub mode: Mode,
    pub strict: bool,
    pub fail_on_removal: bool,
    /// Leave timings out of the report and the summary (golden fixtures).
    pub reproducible: bool,
    /// Bytes of input per batch.
    pub batch_bytes: usize,
    /// Print the summary to stderr.
    pub summary: bool,
    /// When set, input paths are shown relative to this folder (ids, sources, report).
    pub display_base: Option<PathBuf>,
    /// The corpus stage: exact and near duplicates, learned boilerplate.
    pub dedup: crate::dedup::DedupOptions,
    /// `deboil dedup apply`: take the corpus stage's decisions from this file (written by
    /// `deboil dedup decide`) instead of deciding in process.
    pub decisions: Option<PathBuf>,
    /// Name each document written in [`Outcome::labels`] (`check` names the documents in its
    /// diffs with them).
    pub collect_labels: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            inputs: Vec::new(),
            input: InputOptions::default(),
            output: None,
            format: Format::Text,
            report: None,
            threads: None,
            select: Vec::new(),
            ignore: Vec::new(),
            strictness: Strictness::Normal,
            keep_comments: false,
            config: Config::default(),
            mode: Mode::Write,
            strict: false,
            fail_on_removal: false,
            reproducible: false,
            batch_bytes: BATCH_BYTES,
            summary: true,
            display_base: None,
            dedup: crate::dedup::DedupOptions::default(),
            decisions: None,
            collect_labels: false,
        }
    }
}

/// The result of a run.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub totals: Totals,
    /// 0 ok, 1 `--fail-on-removal` fired, 2 no input file was found (every argument an empty
    /// directory), or nothing was written: every document in failed (or was dropped), and at
    /// least one failed for its data ([`input::is_data_failure`]: not merely empty).
    pub exit_code: i32,
    /// With [`CleanOptions::collect_labels`], each document written, in output order, as the
    /// `--diff` listing heads it ([`doc_label`]).
    pub labels: Vec<String>,
}

/// Whether a run reads its report entries' details (quotes, notes, kept copies): a report or a
/// listing does; writing the cleaned documents alone does not.
fn entry_details_read(opts: &CleanOptions) -> bool {
    opts.report.is_some() || opts.mode != Mode::Write
}

/// The rules a run uses: built-ins and user patterns, filtered by select/ignore.
pub fn active_rules(opts: &CleanOptions) -> Result<Vec<Box<dyn Rule>>, Error> {
    let settings = RuleSettings {
        strictness: opts.strictness,
        keep_comments: opts.keep_comments,
        notes_read: entry_details_read(opts),
    };
    let mut all = rules::registry_with(&settings);
    let file = opts.config.shown_path().display().to_string();
    let patterns = rules::user_pattern::UserPattern::all(&opts.config.patterns, &file).map_err(
        |(_, message)| Error::Config {
            path: opts.config.shown_path(),
            message,
        },
    )?;
    all.extend(patterns.into_iter().map(|p| Box::new(p) as Box<dyn Rule>));
    // the statistical classifier reports last, so that every specific rule (user patterns
    // included) is credited with the lines it names
    all.sort_by_key(|r| r.meta().category == rules::Category::Classifier);
    // every code the run knows: the built-in rules and stage codes, then the file's patterns
    let mut known = rules::all_meta();
    known.extend(
        all.iter()
            .map(|r| *r.meta())
            .filter(|m| m.category == rules::Category::User),
    );
    rules::check_config_selectors(&opts.config, &known)?;
    for (flag, list) in [("--select", &opts.select), ("--ignore", &opts.ignore)] {
        if let Some(s) = list.iter().find(|s| !rules::is_known_selector(s, &known)) {
            return Err(Error::Usage(format!(
                "{flag}: {}",
                Error::unknown_rule(s, &known)
            )));
        }
    }
    let selection = Selection::of(opts);
    Ok(all
        .into_iter()
        .filter(|r| selection.takes(r.meta()))
        .collect())
}

/// A fingerprint of what the rules of a run remove: the codes its selectors choose (stage
/// codes included), its strictness, `--keep-comments`, and its patterns' definitions (not the file they came
/// from). `dedup sigs` records it and `dedup apply` compares it with its own: decisions made
/// over other rule removals address other paragraphs.
pub fn rules_fingerprint(opts: &CleanOptions, rules: &[Box<dyn Rule>]) -> u64 {
    let selection = Selection::of(opts);
    let mut s = format!("strictness={:?};", opts.strictness);
    if opts.keep_comments {
        // (said only when set: fingerprints of runs without it stay as they were)
        s.push_str("keep_comments;");
    }
    for r in rules {
        s.push_str(r.meta().code);
        s.push(';');
    }
    for m in rules::all_meta()
        .iter()
        .filter(|m| m.category == rules::Category::Dedup)
    {
        if selection.chooses(m.code) {
            s.push_str(m.code);
            s.push(';');
        }
    }
    for p in &opts.config.patterns {
        s.push_str(&format!(
            "{:?}|{:?}|{:?}|{:?};",
            p.name, p.literal, p.regex, p.scope
        ));
    }
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

/// The rule selectors of a run, from deboil.toml and the command line. A rule runs when the
/// selects (both lists together; none means all) name it and no ignore does; the command line
/// overrides the config: a rule named by `--select` runs even when the config's `ignore` names
/// it, and `--ignore` always wins.
struct Selection {
    select: Vec<String>,
    cli_select: Vec<String>,
    config_ignore: Vec<String>,
    cli_ignore: Vec<String>,
    /// Stage codes (D001...) left out by the selectors, decided once.
    stage_codes_out: Vec<&'static str>,
}

impl Selection {
    fn of(opts: &CleanOptions) -> Selection {
        let mut s = Selection {
            select: opts
                .config
                .select
                .iter()
                .chain(&opts.select)
                .cloned()
                .collect(),
            cli_select: opts.select.clone(),
            config_ignore: opts.config.ignore.clone(),
            cli_ignore: opts.ignore.clone(),
            stage_codes_out: Vec::new(),
        };
        s.stage_codes_out = rules::stage_codes::ALL
            .iter()
            .filter(|m| !s.takes(m))
            .map(|m| m.code)
            .collect();
        s
    }

    /// Whether the rule runs.
    fn takes(&self, m: &rules::RuleMeta) -> bool {
        let named = |list: &[String]| rules::matches_selector(m, list);
        let selected = self.select.is_empty() || named(&self.select);
        // a rule the command line selects escapes the config's ignore, not its own
        let ignored =
            named(&self.cli_ignore) || (named(&self.config_ignore) && !named(&self.cli_select));
        selected && !ignored
    }

    /// Whether a code reported by a stage (D001...) is chosen.
    fn chooses(&self, code: &str) -> bool {
        !self.stage_codes_out.contains(&code)
    }
}

/// Whether the selectors of `opts` (deboil.toml and the command line) choose a code a stage
/// reports (D001...): `clean` keeps dedup's removals only of chosen codes.
pub(crate) fn stage_code_chosen(opts: &CleanOptions) -> impl Fn(&str) -> bool {
    let selection = Selection::of(opts);
    move |code| selection.chooses(code)
}

/// One record's documents with the removals reported on them.
pub(crate) struct Work {
    record: RecordMeta,
    docs: Vec<Document>,
    removals: Vec<Vec<Removal>>,
}

struct RecordMeta {
    source: String,
    source_line: usize,
    jsonl: bool,
    raw_bytes: usize,
    repaired_utf8: usize,
    id: String,
}

pub(crate) fn strip(record: &Record, rules: &[Box<dyn Rule>]) -> Work {
    check_docs(meta_of(record), split::split(record), rules)
}

/// [`strip`] of a record the caller gives up (its text moves into its document when it is not
/// split), with its line keys when pass 1 computed them.
fn strip_owned(record: Record, keys: Option<&LineKeys>, rules: &[Box<dyn Rule>]) -> Work {
    let meta = meta_of(&record);
    check_docs(meta, split::split_owned_keyed(record, keys), rules)
}

fn meta_of(record: &Record) -> RecordMeta {
    RecordMeta {
        source: record.source.clone(),
        source_line: record.source_line,
        jsonl: record.jsonl,
        raw_bytes: record.raw_bytes,
        repaired_utf8: record.repaired_utf8,
        id: record.id.clone(),
    }
}

/// Runs every rule on each document of one record.
fn check_docs(record: RecordMeta, docs: Vec<Document>, rules: &[Box<dyn Rule>]) -> Work {
    let removals = docs
        .iter()
        .map(|d| {
            let mut removals = Vec::new();
            for r in rules {
                r.check(d, &mut removals);
            }
            removals
        })
        .collect();
    Work {
        record,
        docs,
        removals,
    }
}

/// Runs `deboil clean`. Documents go to `stdout` unless `opts.output` is set; the summary and
/// dry-run/diff listings go where the mode says.
pub fn run(
    opts: &CleanOptions,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, Error> {
    let started = Instant::now();
    let rules = active_rules(opts)?;
    let mut sources = input::discover(&opts.inputs)?;
    // held until the run ends: no other run writes into the same output directory meanwhile
    let (output, _output_lock) = check_targets(opts, &mut sources)?;
    let shown = |s: &input::Source| match &opts.display_base {
        Some(b) => rebased(&s.display, b),
        None => s.display.clone(),
    };
    let relative: HashMap<String, PathBuf> = sources
        .iter()
        .filter(|s| !s.is_skipped())
        .map(|s| (shown(s), s.relative.clone()))
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .thread_name(|i| format!("deboil-pool-{i}"))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start worker threads: {e}")))?;

    let mut totals = Totals {
        inputs: sources.iter().filter(|s| !s.is_skipped()).count(),
        ..Totals::default()
    };
    let mut report = match &opts.report {
        Some(p) => {
            let f = AtomicFile::create(p)?;
            Some((
                ReportWriter::new(f).map_err(|e| Error::io(p, e))?,
                p.clone(),
            ))
        }
        None => None,
    };
    // with a report to write, or an exit code that depends on the whole run, a reader that
    // closes stdout does not end the run (see UntilClosed)
    let mut until_closed = None;
    let stdout: &mut dyn Write = if opts.report.is_some() || opts.fail_on_removal || opts.strict {
        until_closed.insert(crate::output::UntilClosed::new(stdout))
    } else {
        stdout
    };
    let mut sink = match (opts.mode, output, opts.format) {
        (Mode::DryRun | Mode::Diff, _, _) => Sink::Listing { out: stdout },
        (Mode::Write, None, format) => Sink::Stream {
            out: stdout,
            format,
            first: true,
        },
        (Mode::Write, Some(dir), Format::Text) => Sink::Dir {
            dir: dir.to_path_buf(),
            names: crate::output::DirNames::new(relative.values().map(PathBuf::as_path)),
            written: Vec::new(),
            journal: Default::default(),
            previous: crate::output::manifest::read(dir)?.into_iter().collect(),
            failed: Default::default(),
        },
        (Mode::Write, Some(file), Format::Jsonl) => Sink::File {
            file: AtomicFile::create(file)?,
        },
    };
    let mut listing: Vec<u8> = Vec::new();

    let selection = Selection::of(opts);
    let decided = opts
        .decisions
        .as_deref()
        .map(stages::read_decisions)
        .transpose()?;
    let mut deduper =
        (opts.dedup.mode != crate::dedup::DedupMode::None && decided.is_none()).then(|| {
            // with D003 not chosen no boilerplate is learned, so its lines are merged as
            // duplicates (D001/D002) rather than kept in every copy
            let mut dedup = opts.dedup.clone();
            dedup.boilerplate &= selection.chooses("D003");
            crate::dedup::Deduper::new(dedup).with_details(entry_details_read(opts))
        });
    let mut keyed = Keyed::default();
    // with two passes, the bytes pass 1 read: pass 2's progress counts up to them
    let mut pass1_bytes = 0u64;
    let unpacked = input::unpacked::Unpacked::new(KEEP_DECOMPRESSED);
    let _spool = match deduper.as_mut() {
        Some(d) if d.needs_learning() => {
            let spool = spool_streams(&mut sources, &opts.input)?;
            let learning =
                Progress::learning(sources.len(), started, opts.summary, "learning repeats");
            let failure;
            (keyed, pass1_bytes, failure) =
                learn(Some(d), &sources, opts, &pool, &unpacked, &learning);
            learning.finish();
            // `--strict`: a failure pass 1 met stops the run before any document is written
            if let Some(e) = failure {
                return Err(Error::Input(e.stopping_the_run()));
            }
            spool
        }
        // `--strict` with one pass: a first pass only reads the inputs, so that a failure stops
        // the run before any document is written, as with two passes
        _ if opts.strict => {
            let spool = spool_streams(&mut sources, &opts.input)?;
            let checking = Progress::learning(sources.len(), started, opts.summary, "checking");
            let failure;
            (_, pass1_bytes, failure) = learn(None, &sources, opts, &pool, &unpacked, &checking);
            checking.finish();
            if let Some(e) = failure {
                return Err(Error::Input(e.stopping_the_run()));
            }
            spool
        }
        _ => TempPaths(Vec::new()),
    };
    let progress = Progress::new(
        totals.inputs,
        (pass1_bytes > 0).then_some(pass1_bytes),
        started,
        opts.summary,
    );
    let records = input::open_all(sources, opts.input.clone()).reuse_decompressed(&unpacked);
    let mut any_removal = false;
    let mut labels = Vec::new();
    let mut record_failures = 0usize;
    let mut output_ids = OutputIds::default();
    let mut notices = report::Notices::default();
    // Four stages, each on its own thread, one batch apart: reading and decoding; splitting,
    // rules and dedup signatures; the corpus stage (whose deciding is sequential); applying,
    // rendering and writing (here). The parallel parts of the last three share the worker pool,
    // which so has work while the corpus stage decides.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(1);
    let (gtx, grx) = std::sync::mpsc::sync_channel::<Signed>(1);
    let (stx, srx) = std::sync::mpsc::sync_channel::<Stripped>(1);
    std::thread::scope(|scope| -> Result<(), Error> {
        // reading: decompressing and cutting JSONL lines; parsing and normalising them runs
        // on the pool, driven by the batching thread, which replays the reading's order
        let (ctx, crx) = std::sync::mpsc::sync_channel::<Vec<input::RawEvent>>(2);
        spawn_named(scope, "deboil-read", move || read_events(records, ctx));
        let parsed = input::Parallel::new(crx, &pool, opts.input.clone());
        spawn_named(scope, "deboil-parse", move || {
            read_batches(parsed, opts, keyed, tx)
        });
        let rules_hash = rules_fingerprint(opts, &rules);
        let decisions_file = opts.decisions.as_deref().unwrap_or(Path::new("")).display();
        if let Some(d) = decided.as_ref() {
            signed::SignedCheck::new(&d.signed, decisions_file.to_string())
                .settings(opts.dedup.mode, rules_hash)
                .map_err(Error::Usage)?;
        }
        let (rules, pool, selection, decided) = (&rules, &pool, &selection, &decided);
        let signing = deduper.as_ref().map(|d| d.options().clone());
        spawn_named(scope, "deboil-strip", move || {
            strip_batches(rx, gtx, pool, rules, signing.as_ref())
        });
        let mut copies = (opts.dedup.mode == crate::dedup::DedupMode::Corpus
            && selection.chooses("D004"))
        .then(crate::dedup::records::RecordCopies::default);
        spawn_named(scope, "deboil-corpus", move || {
            let mut applied: std::collections::HashSet<stages::DocAddress> = Default::default();
            let mut last_seq: Option<u64> = None;
            let mut signed_check = decided
                .as_ref()
                .map(|d| signed::SignedCheck::new(&d.signed, decisions_file.to_string()));
            for Signed {
                mut works,
                sigs,
                notices,
            } in grx
            {
                if let Some(d) = deduper.as_mut() {
                    dedup_batch(d, &mut works, sigs, pool, &|code| selection.chooses(code));
                }
                if let Some(decided) = decided {
                    for w in works.iter_mut() {
                        for (doc, rm) in w.docs.iter().zip(w.removals.iter_mut()) {
                            let text_hash = match signed_check.as_mut().map(|c| c.doc(doc)) {
                                Some(Err(fatal)) => {
                                    let _ = stx.send(Stripped::fatal(fatal));
                                    return;
                                }
                                Some(Ok(h)) => h,
                                None => xxhash_rust::xxh3::xxh3_64(doc.text.as_bytes()),
                            };
                            let at = (doc.source.clone(), doc.source_line, doc.part);
                            if let Some(d) = decided.docs.get(&at) {
                                let seen = (last_seq, text_hash, rules_hash);
                                if let Some(fatal) = decided_mismatch(doc, d, seen, &decisions_file)
                                {
                                    let _ = stx.send(Stripped::fatal(fatal));
                                    return;
                                }
                                last_seq = Some(d.seq);
                                let ds = &d.decisions;
                                applied.insert(at);
                                // a kept copy in another document may be in another shard;
                                // one in this same document is at hand
                                let extra = crate::dedup::apply(doc, rm, ds, &|k| {
                                    let same = k.id == doc.id && k.part == doc.part;
                                    let i = k.line.checked_sub(doc.first_line)?;
                                    (same && i < doc.n_lines()).then(|| {
                                        crate::dedup::compared_text(doc, rm, i).into_owned()
                                    })
                                });
                                rm.extend(extra.into_iter().filter(|x| selection.chooses(x.code)));
                                if selection.chooses("D005") {
                                    crate::dedup::leftovers::mark(
                                        doc,
                                        ds,
                                        rm,
                                        opts.dedup.min_words_exact,
                                        &|code| selection.chooses(code),
                                    );
                                }
                            }
                        }
                    }
                }
                if let Some(copies) = copies.as_mut() {
                    for w in works.iter_mut() {
                        let r = &w.record;
                        copies.mark(&r.id, &r.source, r.source_line, &w.docs, &mut w.removals);
                    }
                }
                let out = Stripped {
                    works,
                    notices,
                    fatal: None,
                };
                if stx.send(out).is_err() {
                    return;
                }
            }
            if let Some(Err(fatal)) = signed_check.as_ref().map(|c| c.finish()) {
                let _ = stx.send(Stripped::fatal(fatal));
                return;
            }
            let decided = decided.as_ref().map(|d| &d.docs);
            if let Some(decided) = decided.filter(|d| applied.len() < d.len()) {
                let mut missed: Vec<&stages::DocAddress> =
                    decided.keys().filter(|at| !applied.contains(*at)).collect();
                missed.sort();
                let _ = stx.send(Stripped::fatal(format!(
                    "{}: {} of {} documents with decisions are not in the input (first: {}:{} part {}): \
                     give `apply` the inputs `sigs` read",
                    decisions_file,
                    decided.len() - applied.len(),
                    decided.len(),
                    missed[0].0,
                    missed[0].1,
                    missed[0].2
                )));
            }
        });
        for Stripped {
            works,
            notices: read_notices,
            fatal,
        } in srx
        {
            if let Some(message) = fatal {
                return Err(Error::Usage(message));
            }
            // warnings and failures in the order reading met them
            for notice in read_notices {
                let e = match notice {
                    InputNotice::Warning(w) => {
                        let r = report.as_mut().map(|(r, _)| r);
                        note_warning(&w, &progress, &mut notices, stderr, &mut totals, r);
                        continue;
                    }
                    // an empty input is no failure of the data: counted, not fatal
                    InputNotice::Failure(e) if opts.strict && input::is_data_failure(e.kind) => {
                        return Err(Error::Input(e.stopping_the_run()));
                    }
                    InputNotice::Failure(e) => e,
                };
                progress.suspend(|| notices.print(stderr, false, &e));
                record_failures += usize::from(input::is_data_failure(e.kind));
                if let Some(rel) = relative
                    .get(&e.input)
                    .filter(|_| input::is_data_failure(e.kind))
                {
                    sink.keep_outputs_of(&e.input, rel);
                }
                totals.documents_in += 1;
                *totals
                    .documents_failed
                    .entry(e.kind.to_string())
                    .or_default() += 1;
                if let Some((r, _)) = report.as_mut() {
                    r.failure(FailureEntry {
                        location: e.location.clone(),
                        kind: e.kind.into(),
                        message: e.message.clone(),
                    });
                }
            }
            if works.is_empty() {
                continue;
            }
            progress.update(works.iter().map(|w| w.record.source.as_str()), &totals);
            let (format, mode) = (opts.format, opts.mode);
            let reporting = report.is_some();
            let keeping = apply::Keeping {
                input: opts.mode == Mode::Diff,
                entry_details: entry_details_read(opts),
            };
            // applied, rendered and (with a report) the report entry serialised, on the pool;
            // the entry's status set here: written, or dropped when its removals left nothing
            type Cleaned = (CleanDoc, Vec<u8>, serde_json::Result<Vec<u8>>);
            let cleaned: Vec<Vec<Cleaned>> = pool.install(|| {
                works
                    .par_iter()
                    .map(|w| {
                        w.docs
                            .iter()
                            .zip(&w.removals)
                            .map(|(d, rm)| {
                                let mut c = apply::apply_with(d, rm, keeping);
                                let bytes = if c.is_empty() {
                                    Vec::new()
                                } else {
                                    crate::output::render(&c, format)
                                };
                                c.report.status = doc_status(&c, mode);
                                let json = if reporting {
                                    report::doc_json(&c.report)
                                } else {
                                    Ok(Vec::new())
                                };
                                (c, bytes, json)
                            })
                            .collect()
                    })
                    .collect()
            });
            // what the batch leaves behind, freed on the pool rather than on this serial thread
            let mut spent: Vec<(CleanDoc, Vec<u8>)> = Vec::new();
            for (w, docs) in works.iter().zip(cleaned) {
                totals.documents_in += 1;
                totals.bytes_read += w.record.raw_bytes;
                totals.repaired_utf8 += w.record.repaired_utf8;
                let mut written = 0;
                // why the record left nothing, when it did: its documents' common reason
                let mut dropped: Option<&'static str> = None;
                if docs.is_empty() {
                    *totals
                        .documents_dropped
                        .entry("empty-input".into())
                        .or_default() += 1;
                    if let Some((r, p)) = report.as_mut() {
                        let d = report::DocReport {
                            id: w.record.id.clone(),
                            source: w.record.source.clone(),
                            record_line: w.record.source_line,
                            part: 0,
                            status: "dropped: empty-input".into(),
                            lines_in: 0,
                            lines_out: 0,
                            bytes_in: 0,
                            bytes_out: 0,
                            title: None,
                            date: None,
                            removals: vec![],
                        };
                        r.doc(&d).map_err(|e| Error::io(&*p, e))?;
                    }
                    continue;
                }
                let n_articles = docs.len();
                for (d, rendered, json) in docs {
                    let keep = !d.is_empty();
                    if !keep {
                        let why = dropped_reason(&d.report.removals);
                        dropped = Some(match dropped {
                            Some(r) if r != why => ALL_REMOVED,
                            _ => why,
                        });
                    }
                    if !d.report.removals.is_empty() {
                        any_removal = true;
                    }
                    totals.add_doc(&d.report, keep);
                    if let Some(w) = keep.then(|| output_ids.clash(&d)).flatten() {
                        let r = report.as_mut().map(|(r, _)| r);
                        note_warning(&w, &progress, &mut notices, stderr, &mut totals, r);
                    }
                    let mut file = None;
                    if keep {
                        written += 1;
                        let rel = relative
                            .get(&d.source)
                            .cloned()
                            .unwrap_or_else(|| PathBuf::from(&d.source));
                        let line = w.record.jsonl.then_some(w.record.source_line);
                        file = sink.write(&d, &rendered, &rel, line)?;
                        if opts.collect_labels {
                            labels.push(doc_label(&d, w.record.jsonl));
                        }
                    }
                    match opts.mode {
                        Mode::DryRun => list_removals(&mut listing, &d, w.record.jsonl),
                        Mode::Diff => list_diff(&mut listing, &d, w.record.jsonl),
                        Mode::Write => {}
                    }
                    if let Some((r, p)) = report.as_mut() {
                        let json = json.map_err(|e| Error::io(&*p, e.into()))?;
                        r.doc_json(&json, file.as_deref())
                            .map_err(|e| Error::io(&*p, e))?;
                    }
                    spent.push((d, rendered));
                }
                if written > 0 {
                    totals.documents_out += 1;
                    totals.articles_dropped_from_written += n_articles - written;
                } else {
                    *totals
                        .documents_dropped
                        .entry(dropped.unwrap_or(ALL_REMOVED).into())
                        .or_default() += 1;
                }
            }
            if !listing.is_empty() {
                sink.listing(&listing)?;
                listing.clear();
            }
            pool.spawn(move || drop((works, spent)));
        }
        Ok(())
    })?;
    progress.finish();
    // a run that failed to use any input writes nothing in place of an earlier run's output:
    // the JSONL file is not replaced, the output directory's manifest not rewritten (its files
    // not removed)
    let failed_whole = totals.documents_out == 0 && record_failures > 0;
    if failed_whole {
        sink.abandon();
    } else {
        sink.finish()?;
    }
    if until_closed.as_ref().is_some_and(|u| u.is_closed()) {
        let _ = writeln!(
            stderr,
            "deboil: warning: the reader closed stdout before the end; what came after was \
             not delivered (the report and summary still count those documents as written)"
        );
    }
    let seconds = (!opts.reproducible).then(|| started.elapsed().as_secs_f64());
    if let Some((r, p)) = report {
        let timing = seconds.map(|s| serde_json::json!({"seconds": s}));
        let settings = opts
            .keep_comments
            .then(|| serde_json::json!({"keep_comments": true}));
        let f = r
            .finish(&totals, settings, timing)
            .map_err(|e| Error::io(&p, e))?;
        f.commit()?;
    }
    if opts.summary {
        let _ = stderr
            .write_all(report::summary(&totals, seconds, opts.mode != Mode::Write).as_bytes());
        if opts.keep_comments {
            let _ = writeln!(stderr, "  comments kept (--keep-comments)");
        }
        // a configuration file (a deboil.toml found in the working directory too) changes the
        // run: say which
        if let Some(p) = &opts.config.path {
            let _ = writeln!(
                stderr,
                "  config: {} ({}, {} selected, {} ignored)",
                p.display(),
                report::counted(opts.config.patterns.len(), "pattern"),
                opts.config.select.len(),
                opts.config.ignore.len()
            );
        }
    }
    debug_assert!(totals.balanced());
    let exit_code = if totals.inputs == 0 {
        // every argument was a directory without an input file (warned above)
        let _ = writeln!(
            stderr,
            "deboil: error: nothing to read: no input file found (warnings above)"
        );
        2
    } else if failed_whole {
        let _ = writeln!(
            stderr,
            "deboil: error: nothing written: {} of {} inputs and records failed{} (errors \
             above){}",
            record_failures,
            totals.documents_in,
            // "the rest" only where some did not fail (an empty input, a record of no text)
            if record_failures < totals.documents_in {
                ", the rest held nothing to keep"
            } else {
                ""
            },
            if opts.output.is_some() {
                "; the output of an earlier run is left as it was"
            } else {
                ""
            }
        );
        2
    } else if opts.fail_on_removal && any_removal {
        // said even under -q: it is why the exit code is 1
        let removals: usize = totals.rules.values().map(|r| r.removals).sum();
        let mut codes: Vec<&str> = totals
            .rules
            .iter()
            .filter(|(_, r)| r.removals > 0)
            .map(|(c, _)| c.as_str())
            .collect();
        let more = codes.len().saturating_sub(8);
        codes.truncate(8);
        let _ = writeln!(
            stderr,
            "deboil: --fail-on-removal: {} ({}{}); exit 1 (`--dry-run` lists them)",
            report::counted(removals, "removal"),
            codes.join(", "),
            if more > 0 {
                format!(" and {more} more rules")
            } else {
                String::new()
            }
        );
        1
    } else {
        0
    };
    Ok(Outcome {
        totals,
        exit_code,
        labels,
    })
}

/// Checks where the run writes before anything is read or written (see [`target`]) and
/// creates the text output directory, so a report can go into it. Returns the output path,
/// `None` for stdout (no `-o`, or `-o -`), and for a text output directory the lock the run
/// holds on it (the temporary files killed runs left there are removed once it is taken; see
/// [`crate::output::lock`]). A directory walk that went into the text output
/// directory (`deboil clean dumps -o dumps/clean`) leaves out what it found there: an earlier
/// run's documents and report, not inputs.
fn check_targets<'o>(
    opts: &'o CleanOptions,
    sources: &mut Vec<input::Source>,
) -> Result<(Option<&'o Path>, Option<crate::output::lock::DirLock>), Error> {
    let output = opts.output.as_deref().filter(|p| !target::is_stdout(p));
    if let (Some(p), Mode::DryRun | Mode::Diff) = (output, opts.mode) {
        return Err(Error::Usage(format!(
            "-o {}: {} writes no documents (it prints to stdout); leave out -o",
            p.display(),
            if opts.mode == Mode::DryRun {
                "--dry-run"
            } else {
                "--diff"
            }
        )));
    }
    let output_is_dir = opts.format == Format::Text;
    if let Some(out) = output.filter(|_| output_is_dir).map(target::resolved) {
        // input directories the output directory lies inside (each argument resolved once)
        let around: Vec<&PathBuf> = opts
            .inputs
            .iter()
            .filter(|a| {
                let a = target::resolved(a);
                out.starts_with(&a) && out != a
            })
            .collect();
        if !around.is_empty() {
            let walked_in_from_outside = |s: &input::Source| {
                !opts.inputs.contains(&s.path)
                    && around.iter().any(|a| s.path.starts_with(a))
                    && target::resolved(&s.path).starts_with(&out)
            };
            // what the walk found there is an earlier run's output only when a run left its
            // manifest (or journal) there; other files are inputs, which the run would skip
            // silently and write its documents among
            let found_there = sources
                .iter()
                .filter(|s| !s.is_skipped() && walked_in_from_outside(s));
            if let Some(first) = found_there.clone().next() {
                if !input::holds_a_manifest(&out) {
                    let more = found_there.count() - 1;
                    return Err(Error::Usage(format!(
                        "-o {}: this folder inside an input directory holds input files ({}{}) \
                         and no {} of an earlier run: the run would skip them and write its \
                         documents among them; write to a new folder or one outside the inputs",
                        output.map_or(out.display(), |o| o.display()),
                        first.path.display(),
                        if more > 0 {
                            format!(" and {more} more")
                        } else {
                            String::new()
                        },
                        crate::output::manifest::MANIFEST
                    )));
                }
            }
            sources.retain(|s| !walked_in_from_outside(s));
            leave_out_earlier_outputs(sources, &opts.inputs, &around);
        }
    }
    // a file this run writes (`--format jsonl -o`, `--report`) that a directory walk found is
    // left out (see [`leave_out_own_outputs`])
    let file_targets: Vec<(&Path, &str, Written)> = output
        .filter(|_| !output_is_dir)
        .map(|p| (p, "-o", Written::Records))
        .into_iter()
        .chain(
            opts.report
                .as_deref()
                .map(|p| (p, "--report", Written::Report)),
        )
        .collect();
    leave_out_own_outputs(sources, &opts.inputs, &file_targets)?;
    // `dedup apply` also reads its decisions file
    let inputs: Vec<&Path> = sources
        .iter()
        .filter(|s| s.problem.is_none() && s.path.as_os_str() != "-")
        .map(|s| s.path.as_path())
        .chain(opts.decisions.as_deref())
        .collect();
    let targets = target::Targets {
        output,
        output_is_dir,
        report: opts.report.as_deref(),
    };
    target::check(&targets, &inputs)?;
    if let Some(dir) = output.filter(|_| output_is_dir) {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::Usage(format!(
                "-o {}: cannot create the output directory: {e}",
                dir.display()
            ))
        })?;
        let lock = crate::output::lock::DirLock::take(dir)?;
        crate::output::lock::sweep_dir(dir);
        return Ok((output, Some(lock)));
    }
    Ok((output, None))
}

/// Shows a warning on stderr (the first few of each kind), counts it in the totals and lists
/// it in the report.
fn note_warning<W: Write>(
    w: &crate::error::InputError,
    progress: &Progress,
    notices: &mut report::Notices,
    stderr: &mut dyn Write,
    totals: &mut Totals,
    report: Option<&mut report::ReportWriter<W>>,
) {
    progress.suspend(|| notices.print(stderr, true, w));
    *totals.warnings.entry(w.kind.to_string()).or_default() += 1;
    if let Some(r) = report {
        r.warning(FailureEntry {
            location: w.location.clone(),
            kind: w.kind.into(),
            message: w.message.clone(),
        });
    }
}

/// The ids of the documents written so far (by xxh3), to tell when an article split from a
/// record takes an id that another document has too: record `A` split in two gives `A#0` and
/// `A#1`, and a record whose own id is `A#1` then shares it. Two records with the same id are
/// the reader's `duplicate-id` warning already; this one covers the ids splitting makes.
#[derive(Default)]
struct OutputIds {
    all: rustc_hash::FxHashSet<u64>,
    split: rustc_hash::FxHashSet<u64>,
}

impl OutputIds {
    /// Notes the written document `d`'s id; the `duplicate-id` warning when a split article's
    /// id was written before, or a whole record's id is one a split article took.
    fn clash(&mut self, d: &CleanDoc) -> Option<crate::error::InputError> {
        let id = d.output_id();
        let h = xxhash_rust::xxh3::xxh3_64(id.as_bytes());
        let split = d.parts > 1;
        let clash = if split {
            !self.all.insert(h) | !self.split.insert(h)
        } else {
            let was_split = self.split.contains(&h);
            self.all.insert(h);
            was_split
        };
        clash.then(|| {
            crate::error::InputError::new(
                &d.source,
                Some(d.report.record_line),
                "duplicate-id",
                format!(
                    "output id {id:?} is also an earlier document's: an article split from a \
                     record is numbered `<id>#<part>`, and another record has that id; both \
                     are kept as they are"
                ),
            )
        })
    }
}

/// The report status of a document that is kept (written, unless the run writes nothing) or
/// left empty by its removals.
/// Replaces the sources walked from `around` (input directories the run writes into) that lie
/// in a folder an earlier `deboil clean -o` run wrote (it holds a manifest or journal) by one
/// `earlier-output` warning per such folder: with `deboil clean dumps -o dumps/clean2`,
/// `dumps/clean` holds cleaned documents, not input. Inputs named on the command line stay.
/// Whether `path`, a file a directory walk found where this run writes its `flag` file (`-o` or
/// `--report`), holds what deboil writes there, so that overwriting it loses no input: nothing,
/// a report (`{"version": N, "documents": ...`), or JSONL whose records all have the fields
/// deboil's output records start with (`id`, `source`, `part`).
/// What a command writes to a file of its own (`-o`, `--report`), as [`holds_earlier_output`]
/// recognises an earlier run's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// `clean --format jsonl` (and `dedup apply`) records.
    Records,
    /// A JSON report.
    Report,
    /// `dedup sigs` signature lines and their closing line.
    Signatures,
    /// `dups` groups.
    Groups,
}

impl Written {
    /// What it is called in a message.
    fn name(self) -> &'static str {
        match self {
            Written::Records => "output",
            Written::Report => "report",
            Written::Signatures => "signatures",
            Written::Groups => "duplicate groups",
        }
    }
}

/// Leaves out a file this run writes (`targets`: the path as given, its flag, what it writes)
/// that a directory walk found among `sources` (not one named in `named`): reading it would make
/// the run's input its own earlier output, and refusing it would make a run that worked once
/// fail the second time. Only what deboil writes there is an earlier output; a file holding
/// anything else is an input the run would overwrite, and is refused.
pub fn leave_out_own_outputs(
    sources: &mut [input::Source],
    named: &[PathBuf],
    targets: &[(&Path, &str, Written)],
) -> Result<(), Error> {
    if targets.is_empty() {
        return Ok(());
    }
    let targets: Vec<(&Path, PathBuf, &str, Written)> = targets
        .iter()
        .map(|&(p, flag, written)| (p, target::resolved(p), flag, written))
        .collect();
    for s in sources.iter_mut() {
        // a report the walk left out that is this run's own `--report` is said as such
        if (s.problem.is_some() && !s.is_deboil_report()) || named.contains(&s.path) {
            continue;
        }
        // only a file named like a target (as given, or as it resolves) is resolved: a walk
        // may find many files
        let name = s.path.file_name();
        let named_like = |(given, real, _, _): &(&Path, PathBuf, &str, Written)| {
            name.is_some() && (given.file_name() == name || real.file_name() == name)
        };
        if !targets.iter().any(named_like) {
            continue;
        }
        let found = target::resolved(&s.path);
        if let Some((given, _, flag, written)) = targets.iter().find(|(_, t, _, _)| *t == found) {
            if !holds_earlier_output(&s.path, *written) {
                return Err(Error::Usage(format!(
                    "{flag} {}: is the input {}, which holds no earlier deboil {}: writing \
                     would overwrite it; write to another file",
                    given.display(),
                    s.path.display(),
                    written.name()
                )));
            }
            *s = input::Source::own_output(&s.path, flag);
        }
    }
    Ok(())
}

/// The inputs a command that writes one file (`dedup sigs`, `dups`) reads: `opts.inputs`
/// walked, without its own `-o` file when a walk finds it there (see [`leave_out_own_outputs`]).
pub fn sources_writing(opts: &CleanOptions, written: Written) -> Result<Vec<input::Source>, Error> {
    let mut sources = input::discover(&opts.inputs)?;
    let output = opts.output.as_deref().filter(|p| !target::is_stdout(p));
    let targets: Vec<(&Path, &str, Written)> =
        output.map(|p| (p, "-o", written)).into_iter().collect();
    leave_out_own_outputs(&mut sources, &opts.inputs, &targets)?;
    Ok(sources)
}

fn holds_earlier_output(path: &Path, written: Written) -> bool {
    use std::io::{BufRead, Read};
    let Ok(mut r) = stages::open_unpacked(path) else {
        return false;
    };
    let Ok(head) = r.fill_buf() else {
        return false;
    };
    if head.is_empty() {
        return true;
    }
    if written == Written::Report {
        let mut start = Vec::new();
        if r.take(input::REPORT_HEAD_BYTES)
            .read_to_end(&mut start)
            .is_err()
        {
            return false;
        }
        return input::starts_like_a_report(&start);
    }
    // the fields must be there; their values are not needed
    #[derive(serde::Deserialize)]
    struct OutputRecord {
        #[serde(rename = "id")]
        _id: serde::de::IgnoredAny,
        #[serde(rename = "source")]
        _source: serde::de::IgnoredAny,
        #[serde(rename = "part")]
        _part: u64,
    }
    /// A `dedup sigs` line: a document's signatures, or a run's closing line.
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum SignatureLine {
        Document {
            #[serde(rename = "seq")]
            _seq: u64,
            #[serde(rename = "paras")]
            _paras: serde::de::IgnoredAny,
        },
        End {
            #[serde(rename = "sigs_end")]
            _end: signed::SigsEnd,
        },
    }
    #[derive(serde::Deserialize)]
    struct GroupLine {
        #[serde(rename = "kept")]
        _kept: serde::de::IgnoredAny,
        #[serde(rename = "copies")]
        _copies: Vec<serde::de::IgnoredAny>,
    }
    // every line, not only the first: one line of input appended to an earlier output makes
    // the file an input
    let lines = serde_json::Deserializer::from_reader(r);
    match written {
        Written::Signatures => lines.into_iter::<SignatureLine>().all(|l| l.is_ok()),
        Written::Groups => lines.into_iter::<GroupLine>().all(|l| l.is_ok()),
        _ => lines.into_iter::<OutputRecord>().all(|r| r.is_ok()),
    }
}

fn leave_out_earlier_outputs(
    sources: &mut Vec<input::Source>,
    named: &[PathBuf],
    around: &[&PathBuf],
) {
    let mut folders: Vec<PathBuf> = Vec::new();
    // each folder is looked at once, however many files it holds
    let mut marked: HashMap<PathBuf, bool> = HashMap::new();
    let mut kept = Vec::with_capacity(sources.len());
    for s in sources.drain(..) {
        let arg = around.iter().find(|a| s.path.starts_with(a));
        let folder = arg.filter(|_| !named.contains(&s.path)).and_then(|arg| {
            s.path
                .ancestors()
                .skip(1)
                .take_while(|p| p != arg && p.starts_with(arg))
                .filter(|p| {
                    *marked
                        .entry(p.to_path_buf())
                        .or_insert_with(|| input::holds_a_manifest(p))
                })
                .last()
        });
        match folder {
            Some(f) if folders.iter().any(|g| g == f) => {}
            Some(f) => {
                folders.push(f.to_path_buf());
                kept.push(input::Source::earlier_output(f));
            }
            None => kept.push(s),
        }
    }
    *sources = kept;
}

/// A document's status in the report: `written`, `kept` (a run that writes nothing), or
/// `dropped: <reason>` ([`dropped_reason`]).
fn doc_status(c: &CleanDoc, mode: Mode) -> String {
    match (c.is_empty(), mode) {
        (false, Mode::Write) => "written".into(),
        (false, Mode::DryRun | Mode::Diff) => "kept".into(),
        (true, _) => format!("dropped: {}", dropped_reason(&c.report.removals)),
    }
}

/// Every line of a document removed, by rules and dedup together.
const ALL_REMOVED: &str = "all-removed";

/// Why a document that kept nothing was dropped: it repeats an earlier record
/// (`duplicate-record`, D004; the removal names the record kept), it is the stub of a document
/// copied from others (`copied-document`, D005), or its lines all went for their own reasons
/// (`all-removed`).
fn dropped_reason(removals: &[report::RemovalEntry]) -> &'static str {
    if removals.iter().any(|r| r.code == "D004") {
        "duplicate-record"
    } else if removals.iter().any(|r| r.code == "D005") {
        "copied-document"
    } else {
        ALL_REMOVED
    }
}

/// The splitting thread: each batch's records split into documents and checked by the rules,
/// and (with `signing`, the corpus stage's options) each document's dedup signatures taken in
/// the same parallel pass, so the corpus thread only decides; stops when either side is gone.
fn strip_batches(
    rx: std::sync::mpsc::Receiver<Batch>,
    tx: std::sync::mpsc::SyncSender<Signed>,
    pool: &rayon::ThreadPool,
    rules: &[Box<dyn Rule>],
    signing: Option<&crate::dedup::DedupOptions>,
) {
    for Batch {
        records,
        keys,
        notices,
    } in rx
    {
        let done: Vec<(Work, Vec<crate::dedup::DocSigs>)> = if records.is_empty() {
            Vec::new()
        } else {
            pool.install(|| {
                records
                    .into_par_iter()
                    .zip(keys)
                    .map(|(r, k)| {
                        let w = strip_owned(r, k.as_ref(), rules);
                        let sigs = match signing {
                            Some(o) => w
                                .docs
                                .iter()
                                .zip(&w.removals)
                                .map(|(d, rm)| crate::dedup::signatures(d, rm, o))
                                .collect(),
                            None => Vec::new(),
                        };
                        (w, sigs)
                    })
                    .collect()
            })
        };
        let mut works = Vec::with_capacity(done.len());
        let mut sigs = Vec::new();
        for (w, s) in done {
            works.push(w);
            sigs.extend(s);
        }
        let out = Signed {
            works,
            sigs,
            notices,
        };
        if tx.send(out).is_err() {
            return;
        }
    }
}

/// The corpus stage on one batch: documents flattened in input order, decided on their
/// signatures (`sigs`, one per document in that order), dedup's removals appended after the
/// rules' (so rules are credited first), documents put back per record.
fn dedup_batch(
    d: &mut crate::dedup::Deduper,
    works: &mut [Work],
    sigs: Vec<crate::dedup::DocSigs>,
    pool: &rayon::ThreadPool,
    selected: &dyn Fn(&str) -> bool,
) {
    let counts: Vec<usize> = works.iter().map(|w| w.docs.len()).collect();
    let mut docs: Vec<Document> = Vec::new();
    let mut removals: Vec<Vec<Removal>> = Vec::new();
    for w in works.iter_mut() {
        docs.append(&mut w.docs);
        removals.append(&mut w.removals);
    }
    let min_words = d.options().min_words_exact;
    let outcomes = d.decide_signed_on(Some(pool), &docs, &removals, sigs);
    let mut docs = docs.into_iter();
    let mut rms = removals.into_iter().zip(outcomes);
    for (w, n) in works.iter_mut().zip(counts) {
        for _ in 0..n {
            if let (Some(doc), Some((mut r, o))) = (docs.next(), rms.next()) {
                r.extend(o.removals.into_iter().filter(|x| selected(x.code)));
                if selected("D005") {
                    crate::dedup::leftovers::mark(&doc, &o.decisions, &mut r, min_words, selected);
                }
                w.docs.push(doc);
                w.removals.push(r);
            }
        }
    }
}

/// Why `dedup apply` cannot apply `decided` to `doc` (the next document of its input, after
/// one numbered `last_seq` by `sigs`; `text_hash` the xxh3 of its text, `rules_hash` this
/// run's rule fingerprint), if it cannot: the inputs come in another order than
/// `sigs` read them (keep-first would keep a later copy), the document has another id, or
/// its text changed since `sigs` read it. `file` names the decisions file.
fn decided_mismatch(
    doc: &Document,
    decided: &stages::DecidedDoc,
    (last_seq, text_hash, rules_hash): (Option<u64>, u64, u64),
    file: &dyn std::fmt::Display,
) -> Option<String> {
    let (id, seq) = (&decided.id, decided.seq);
    let at = format!("{}:{}", doc.source, doc.source_line);
    if decided.rules_hash.is_some_and(|h| h != rules_hash) {
        return Some(format!(
            "{file}: {at} part {} was decided after other rule settings than this run's (the \
             rules selected, --strictness, the patterns of deboil.toml): its decisions address \
             other paragraphs; give `apply` the rule flags and configuration `sigs` had",
            doc.part
        ));
    }
    if let Some(last) = last_seq.filter(|last| seq < *last) {
        return Some(format!(
            "{file}: {at} was record {seq} for `sigs` but comes after record {last}: give \
             `apply` the inputs in the order `sigs` read them, and `decide` the signature files \
             in that order too"
        ));
    }
    if *id != doc.id {
        return Some(format!(
            "{file}: the decisions for {at} part {} were made for id {id:?}, but the input's \
             document there has id {:?}: give `apply` the inputs `sigs` read, with its reading \
             flags ({})",
            doc.part,
            doc.id,
            signed::READING_FLAGS
        ));
    }
    let changed = decided.text_hash.is_some_and(|h| h != text_hash);
    changed.then(|| {
        format!(
            "{file}: the text of {at} part {} (id {:?}) changed since `sigs` read it, or a \
             reading flag ({}) differs from `sigs`': its decisions no longer fit; give `apply` \
             the reading flags `sigs` had, or run `sigs` and `decide` again",
            doc.part,
            doc.id,
            signed::READING_FLAGS
        )
    })
}

/// Input bytes per batch by default. Every stage holds a batch or two in flight, so this sets
/// most of the memory a run needs beyond the dedup tables: on the 250 MB bench corpus, 2 MB
/// batches peak at about 500 MB RSS against about 650-730 MB with 8 MB ones, at the same speed
/// (`bench/results.md`, stop 18). The output does not depend on it.
pub const BATCH_BYTES: usize = 2 << 20;

/// Pass 1's line keys of the records, in input order, for pass 2 to take instead of keying
/// every line again: 12 bytes per non-blank line (about 40 MB for 250 MB of JSONL), kept for
/// the first records only, up to [`KEEP_KEYS`] bytes; pass 2 keys the records after them itself.
struct Keyed {
    records: std::collections::VecDeque<KeyedRecord>,
    /// Bytes the kept records hold (their keys, word counts and source names).
    bytes: usize,
    /// Bytes past which no further record is kept.
    budget: usize,
}

impl Default for Keyed {
    fn default() -> Self {
        Keyed::with_budget(KEEP_KEYS)
    }
}

/// The line keys of one record, with what tells the record apart in pass 2.
struct KeyedRecord {
    source: String,
    source_line: usize,
    text_len: usize,
    keys: LineKeys,
}

impl Keyed {
    fn with_budget(budget: usize) -> Keyed {
        Keyed {
            records: Default::default(),
            bytes: 0,
            budget,
        }
    }

    /// The keys pass 1 computed for `r`, the next record of pass 2 (records pass 1 did not key,
    /// such as those with an empty text, get `None`; so would any record that does not match).
    fn take(&mut self, r: &Record) -> Option<LineKeys> {
        let k = self.records.front()?;
        let same =
            k.source_line == r.source_line && k.text_len == r.text.len() && k.source == r.source;
        if same {
            self.records.pop_front().map(|k| k.keys)
        } else {
            None
        }
    }

    /// Keeps `k` for pass 2 while the kept records hold less than the budget; once a record
    /// is refused, every later one is too (pass 2 takes keys in input order only).
    fn keep(&mut self, k: KeyedRecord) {
        if self.bytes >= self.budget {
            return;
        }
        self.bytes += std::mem::size_of::<KeyedRecord>()
            + k.source.len()
            + k.keys.keys.len() * std::mem::size_of::<u64>()
            + k.keys.words.len() * std::mem::size_of::<u32>();
        self.records.push_back(k);
    }
}

/// Line keys pass 1 keeps for pass 2 at most (in bytes, about 10 million lines): memory stays
/// bounded on large corpora, whose later records pass 2 keys again.
const KEEP_KEYS: usize = 128 << 20;

/// Decompressed input pass 1 keeps for pass 2 at most (in all), so that pass 2 need not
/// decompress `.gz`/`.zst` inputs again; sources beyond it are decompressed twice.
const KEEP_DECOMPRESSED: usize = 384 << 20;

/// Pass 1 of learned boilerplate: the line keys of every record, in input order (without `d`,
/// under `--strict` with one pass, only the reading, for the first failure). Records are
/// not split: the articles of a record together hold exactly its non-blank lines, and learning
/// counts a line once per record anyway. Reading (decompressing, cutting JSONL lines) runs on
/// its own thread, one batch ahead; parsing, normalising and hashing run on the pool; counting
/// the keys runs on a thread of its own, one batch behind. Input errors are left to pass 2,
/// which reports them. Returns the keys for pass 2 and the bytes of the records read (what pass
/// 2's progress counts up to); the decompressed bytes of compressed inputs go to `unpacked`
/// (up to its budget) for pass 2 too.
fn learn(
    mut d: Option<&mut crate::dedup::Deduper>,
    sources: &[input::Source],
    opts: &CleanOptions,
    pool: &rayon::ThreadPool,
    unpacked: &input::unpacked::Unpacked,
    progress: &Progress,
) -> (Keyed, u64, Option<InputError>) {
    let mut kept = Keyed::default();
    // under `--strict`, the first failure of the data in input order: the run stops on it
    // before pass 2 writes anything
    let mut first_failure: Option<InputError> = None;
    let read_bytes = std::sync::atomic::AtomicU64::new(0);
    let read_total = &read_bytes;
    let opened_sources = std::sync::atomic::AtomicUsize::new(0);
    let opened_total = &opened_sources;
    let mut records = input::open_all(sources.to_vec(), opts.input.clone())
        .keep_decompressed(unpacked)
        .with_raw_failures(opts.strict);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<input::RawItem>>(1);
    let (ktx, krx) = std::sync::mpsc::sync_channel::<Vec<(u64, u64, KeyedRecord)>>(1);
    let learning = d.is_some();
    let mut counting = d.as_deref_mut();
    // gunzip on the pool: the source being read and the next one are decompressed ahead there
    // (into `unpacked`, whence this reading and pass 2 read them), so the reader only cuts lines
    let ahead = |i: usize| {
        let src = sources[i].clone();
        let promise = unpacked.promise(i);
        let (store, format) = (unpacked.clone(), opts.input.format);
        pool.spawn(move || {
            input::decompress_ahead(&src, i, format, &store);
            drop(promise);
        });
    };
    std::thread::scope(|scope| {
        let mut spawned = 0;
        spawn_named(scope, "deboil-learn", move || loop {
            let mut batch = Vec::new();
            let mut bytes = 0;
            loop {
                // a source's promise is made before the reading can open it
                while spawned < sources.len() && spawned < records.opened() + 2 {
                    ahead(spawned);
                    spawned += 1;
                }
                let Some(item) = records.next_raw() else {
                    break;
                };
                bytes += match &item {
                    input::RawItem::Line { bytes, .. } => bytes.len(),
                    input::RawItem::Record(r) => r.text.len(),
                    input::RawItem::Failure(_) => 0,
                };
                let raw = match &item {
                    input::RawItem::Line { bytes, .. } => bytes.len(),
                    input::RawItem::Record(r) => r.raw_bytes,
                    input::RawItem::Failure(_) => 0,
                };
                read_total.fetch_add(raw as u64, std::sync::atomic::Ordering::Relaxed);
                opened_total.store(records.opened(), std::sync::atomic::Ordering::Relaxed);
                batch.push(item);
                if bytes >= opts.batch_bytes || batch.len() >= 4096 {
                    break;
                }
            }
            if batch.is_empty() || tx.send(batch).is_err() {
                return;
            }
        });
        let counter = std::thread::Builder::new()
            .name("deboil-count".into())
            .spawn_scoped(scope, move || {
                let mut kept = Keyed::default();
                for keyed in krx {
                    for (seq, group, k) in keyed {
                        if let Some(c) = counting.as_deref_mut() {
                            c.learn_keys(seq, group, &k.keys.keys);
                        }
                        kept.keep(k);
                    }
                }
                kept
            })
            .expect("cannot start a thread");
        let mut seq_base = 0u64;
        for batch in rx {
            let first = seq_base;
            seq_base += batch.len() as u64;
            progress.update_learning(
                opened_total.load(std::sync::atomic::Ordering::Relaxed),
                seq_base,
                read_total.load(std::sync::atomic::Ordering::Relaxed),
            );
            // (place in the batch, failure) of the first failure, under `--strict`
            let failed = std::sync::Mutex::new(None::<(usize, InputError)>);
            let fail = |i: usize, e: InputError| {
                if opts.strict && input::is_data_failure(e.kind) {
                    let mut f = failed.lock().unwrap_or_else(|e| e.into_inner());
                    if f.as_ref().is_none_or(|(j, _)| i < *j) {
                        *f = Some((i, e));
                    }
                }
            };
            let keyed: Vec<(u64, u64, KeyedRecord)> = pool.install(|| {
                batch
                    .into_par_iter()
                    .enumerate()
                    .filter_map(|(i, item)| {
                        let mut r = match item {
                            input::RawItem::Record(r) => r,
                            input::RawItem::Failure(e) => {
                                fail(i, e);
                                return None;
                            }
                            input::RawItem::Line {
                                display,
                                line,
                                bytes,
                            } => {
                                match input::parse_jsonl_line(
                                    &bytes,
                                    &display,
                                    line,
                                    0,
                                    &opts.input,
                                ) {
                                    Ok(p) => p.record,
                                    Err(e) => {
                                        fail(i, e);
                                        return None;
                                    }
                                }
                            }
                        };
                        if let Some(base) = &opts.display_base {
                            rebase(&mut r, base);
                        }
                        // the learner needs records told apart, not their input numbers
                        r.seq = first + i as u64;
                        (learning && !r.text.is_empty()).then_some(r)
                    })
                    .map(|r| {
                        let group = crate::dedup::source_group_of(&r.fields, &r.source);
                        let mut keys = LineKeys::of(&r.text);
                        // kept until pass 2 takes them: no doubling vector's spare capacity
                        keys.keys.shrink_to_fit();
                        keys.words.shrink_to_fit();
                        let keyed = KeyedRecord {
                            keys,
                            text_len: r.text.len(),
                            source_line: r.source_line,
                            source: r.source,
                        };
                        (r.seq, xxhash_rust::xxh3::xxh3_64(group.as_bytes()), keyed)
                    })
                    .collect()
            });
            if ktx.send(keyed).is_err() {
                break;
            }
            if let Some((_, e)) = failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
                // the batches before held none: this is the first, and the run stops on it
                first_failure = Some(e);
                break;
            }
        }
        drop(ktx);
        kept = counter
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
    });
    if let Some(d) = d {
        d.finish_learning();
    }
    (kept, read_bytes.into_inner(), first_failure)
}

/// Spawns a named scoped thread (names show in `top -H` and `/proc/<pid>/task/*/comm`, which
/// `bench/thread_cpu.py` reads to split CPU time by stage).
fn spawn_named<'scope, F>(scope: &'scope std::thread::Scope<'scope, '_>, name: &str, f: F)
where
    F: FnOnce() + Send + 'scope,
{
    std::thread::Builder::new()
        .name(name.into())
        .spawn_scoped(scope, f)
        .expect("cannot start a thread");
}

/// Temporary files removed when dropped.
struct TempPaths(Vec<PathBuf>);

impl Drop for TempPaths {
    fn drop(&mut self) {
        for p in &self.0 {
            let _ = std::fs::remove_file(p);
            crate::output::unregister_temp(p);
        }
    }
}

/// Two passes read every input twice, which stdin, a named pipe or a device (`<(zcat ...)`)
/// allows only once: each such source is copied to a temporary file that it then reads. It is
/// still shown as given, and read as before: stdin sniffed, a named source by its name (the
/// copy's name ends in it).
fn spool_streams(
    sources: &mut [input::Source],
    opts: &input::InputOptions,
) -> Result<TempPaths, Error> {
    let mut spooled = TempPaths(Vec::new());
    let mut swept = false;
    for (i, src) in sources.iter_mut().enumerate() {
        if src.problem.is_some() || !is_stream(&src.path) {
            continue;
        }
        if !std::mem::replace(&mut swept, true) {
            // the copies killed runs left (see crate::output::lock)
            crate::output::lock::sweep_spools(&std::env::temp_dir());
        }
        let name = src.path.file_name().unwrap_or_default().to_string_lossy();
        let copy = std::env::temp_dir().join(format!(
            "{}{}-{i}-{}",
            crate::output::lock::SPOOL_PREFIX,
            std::process::id(),
            if src.display == "-" { "stdin" } else { &name }
        ));
        let shown = if src.display == "-" {
            "<stdin>"
        } else {
            &src.display
        };
        let mut from: Box<dyn std::io::Read> = if src.path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::fs::File::open(&src.path).map_err(|e| Error::io(shown, e))?)
        };
        // registered, so an interrupted run removes the copy too
        let mut to = crate::output::create_temp(&copy).map_err(|e| Error::io(&copy, e))?;
        spooled.0.push(copy.clone());
        // the head tells how much of the stream the reading can use: endless binary data or
        // an endless text dump is not copied past what the reading refuses it on
        use std::io::Read;
        let mut head = Vec::with_capacity(input::HEAD_BYTES);
        from.by_ref()
            .take(input::HEAD_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(|e| Error::io(shown, e))?;
        if input::is_compressed(&head) {
            copy_compressed(&head, from, &mut to, src, opts).map_err(|e| Error::io(shown, e))?;
            src.path = copy;
            continue;
        }
        let limit = input::readable_prefix(src, &head, opts);
        let first = limit.map_or(head.len(), |l| l.min(head.len()));
        to.write_all(&head[..first])
            .map_err(|e| Error::io(&copy, e))?;
        let rest = limit.map_or(u64::MAX, |l| l.saturating_sub(first) as u64);
        if head.len() == input::HEAD_BYTES && rest > 0 {
            std::io::copy(&mut from.take(rest), &mut to).map_err(|e| Error::io(shown, e))?;
        }
        src.path = copy;
    }
    Ok(spooled)
}

/// Copies a compressed stream (starting with `head`, the rest in `from`) for a second reading,
/// decompressing alongside to know how much of it the reading can use: a text dump, or binary
/// data, is copied only until its decompressed bytes pass what [`input::readable_text`]
/// allows (an endless `yes | gzip` stops there, as `yes` does); JSONL is copied whole. The
/// copy is then cut short of its end, and its reading fails on the size first.
fn copy_compressed(
    head: &[u8],
    mut from: Box<dyn std::io::Read + '_>,
    to: &mut std::fs::File,
    src: &input::Source,
    opts: &input::InputOptions,
) -> std::io::Result<()> {
    use std::io::Read;
    let seen = std::rc::Rc::new(std::cell::RefCell::new(DecompressedSeen::default()));
    let mut decoder: Option<Box<dyn Write>> = Some(if head.starts_with(input::GZIP_MAGIC) {
        Box::new(flate2::write::MultiGzDecoder::new(SeenWriter(seen.clone())))
    } else {
        Box::new(zstd::stream::write::Decoder::new(SeenWriter(seen.clone()))?)
    });
    let mut limit: Option<Option<usize>> = None;
    let mut chunk = head.to_vec();
    loop {
        if chunk.is_empty() {
            return Ok(());
        }
        to.write_all(&chunk)?;
        // a stream that stops decompressing (damage, trailing bytes) is copied on as it is
        if decoder
            .as_mut()
            .is_some_and(|d| d.write_all(&chunk).is_err())
        {
            decoder = None;
        }
        let bytes = {
            let s = seen.borrow();
            if limit.is_none() && (s.head.len() >= input::HEAD_BYTES || decoder.is_none()) {
                limit = Some(input::readable_text(src, &s.head, opts));
            }
            s.bytes
        };
        match limit {
            Some(Some(l)) if bytes > l as u64 => return Ok(()),
            // JSONL: copied whole, with no need to decompress it here (the decoder writes what
            // it holds as it is dropped, so no borrow of `seen` is held here)
            Some(None) => decoder = None,
            _ => {}
        }
        chunk.resize(64 * 1024, 0);
        let n = loop {
            match from.read(&mut chunk) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => break r?,
            }
        };
        chunk.truncate(n);
    }
}

/// What [`copy_compressed`] has seen come out of the decompressor: its first
/// [`input::HEAD_BYTES`] and how many bytes in all.
#[derive(Default)]
struct DecompressedSeen {
    head: Vec<u8>,
    bytes: u64,
}

/// Counts what a decompressor writes into a [`DecompressedSeen`], keeping the head.
struct SeenWriter(std::rc::Rc<std::cell::RefCell<DecompressedSeen>>);

impl Write for SeenWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut s = self.0.borrow_mut();
        let room = input::HEAD_BYTES.saturating_sub(s.head.len());
        s.head.extend_from_slice(&buf[..room.min(buf.len())]);
        s.bytes += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether a source can be read only once: stdin, or anything but a regular file.
fn is_stream(path: &Path) -> bool {
    path.as_os_str() == "-" || std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// A batch after splitting, rules and the corpus stage, with its reading's errors.
struct Stripped {
    works: Vec<Work>,
    notices: Vec<InputNotice>,
    /// A problem that stops the run (decisions that do not fit the input).
    fatal: Option<String>,
}

impl Stripped {
    fn fatal(message: String) -> Self {
        Stripped {
            works: Vec::new(),
            notices: Vec::new(),
            fatal: Some(message),
        }
    }
}

/// A batch split, checked by the rules and (when the corpus stage runs) signed: the
/// signatures of every document of `works`, in order.
struct Signed {
    works: Vec<Work>,
    sigs: Vec<crate::dedup::DocSigs>,
    notices: Vec<InputNotice>,
}

/// Records read ahead of processing, with the input errors met while reading them.
struct Batch {
    records: Vec<Record>,
    /// Pass 1's line keys of each record, when it computed them.
    keys: Vec<Option<LineKeys>>,
    /// The input's failures and warnings, in the order reading met them.
    notices: Vec<InputNotice>,
}

/// What reading said besides records, kept in input order so that stderr and the report show
/// a warning (a duplicate id, repaired UTF-8, an empty directory) and a failure (a line that is
/// no JSON) in the order they occur.
enum InputNotice {
    /// A record or input that could not be read: counted as failed, skipped (or the run's end
    /// under `--strict`).
    Failure(InputError),
    /// A problem that loses nothing.
    Warning(InputError),
}

/// The reader thread: gathers records into batches of about `opts.batch_bytes` and sends them
/// in input order; stops when the receiver is gone.
fn read_batches(
    mut records: input::Parallel<'_>,
    opts: &CleanOptions,
    mut keyed: Keyed,
    tx: std::sync::mpsc::SyncSender<Batch>,
) {
    loop {
        let mut batch = Batch {
            records: Vec::new(),
            keys: Vec::new(),
            notices: Vec::new(),
        };
        let mut bytes = 0;
        let mut ended = true;
        while let Some(item) = records.next() {
            // warnings met while reading up to this item come before it
            let warnings = records.take_warnings();
            batch
                .notices
                .extend(warnings.into_iter().map(InputNotice::Warning));
            match item {
                Ok(mut r) => {
                    if let Some(base) = &opts.display_base {
                        rebase(&mut r, base);
                    }
                    bytes += r.text.len();
                    batch.keys.push(keyed.take(&r));
                    batch.records.push(r);
                }
                Err(e) => batch.notices.push(InputNotice::Failure(e)),
            }
            if bytes >= opts.batch_bytes || batch.records.len() + batch.notices.len() >= 4096 {
                ended = false;
                break;
            }
        }
        let warnings = records.take_warnings();
        batch
            .notices
            .extend(warnings.into_iter().map(InputNotice::Warning));
        let empty = batch.records.is_empty() && batch.notices.is_empty();
        if empty || tx.send(batch).is_err() || ended {
            return;
        }
    }
}

/// The reading thread: events of `records` in chunks of about a megabyte of input, in order;
/// stops when the receiver is gone.
fn read_events(mut records: input::Records, tx: std::sync::mpsc::SyncSender<Vec<input::RawEvent>>) {
    loop {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while let Some(ev) = records.next_event() {
            bytes += ev.bytes();
            chunk.push(ev);
            if bytes >= 1 << 20 || chunk.len() >= 1024 {
                break;
            }
        }
        if chunk.is_empty() || tx.send(chunk).is_err() {
            return;
        }
    }
}

/// A progress bar on stderr for runs longer than two seconds, drawn only when stderr is a
/// terminal (indicatif hides it otherwise). A run that learns repeats first shows one bar for
/// that pass (inputs read, of all) and then one for the cleaning pass, both timed from the
/// run's start.
struct Progress {
    bar: indicatif::ProgressBar,
    /// When the run started: the bar shows from two seconds on.
    started: Instant,
    /// When this pass started: its rate is measured from here.
    pass_started: Instant,
    seen_sources: std::cell::RefCell<(String, u64)>,
    /// Input bytes to read, when known (pass 1 read them all): the bar counts bytes, so one
    /// large input moves it too; otherwise it counts inputs.
    total_bytes: Option<u64>,
    enabled: bool,
    /// What pass 1 does, in its bar ("learning repeats", "checking").
    pass1: &'static str,
}

impl Progress {
    fn new(sources: usize, total_bytes: Option<u64>, started: Instant, enabled: bool) -> Progress {
        let (length, template) = match total_bytes {
            Some(total) => (
                total,
                "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes}  pass 2 of 2: {msg}",
            ),
            None => (
                sources as u64,
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} inputs  {msg}",
            ),
        };
        Progress::drawn(length, template, total_bytes, started, enabled)
    }

    /// The bar of the pass that learns repeats before the cleaning pass: it counts inputs (how
    /// many bytes they hold unpacked is known only once they are read).
    fn learning(sources: usize, started: Instant, enabled: bool, what: &'static str) -> Progress {
        let template =
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} inputs  pass 1 of 2: {msg}";
        Progress {
            pass1: what,
            ..Progress::drawn(sources as u64, template, None, started, enabled)
        }
    }

    /// A hidden bar of `length` steps drawn with `template`, its clock set to the run's.
    fn drawn(
        length: u64,
        template: &str,
        total_bytes: Option<u64>,
        started: Instant,
        enabled: bool,
    ) -> Progress {
        let bar = indicatif::ProgressBar::hidden().with_elapsed(started.elapsed());
        bar.set_length(length);
        bar.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Progress {
            bar,
            started,
            pass_started: Instant::now(),
            seen_sources: Default::default(),
            total_bytes,
            enabled,
            pass1: "",
        }
    }

    /// Draws the bar once the run has taken two seconds; returns the seconds this pass took.
    fn show_when_slow(&self) -> f64 {
        if self.bar.is_hidden() && self.started.elapsed().as_secs_f64() > 2.0 {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        self.pass_started.elapsed().as_secs_f64()
    }

    /// Pass 1 has opened `opened` inputs (the last one still being read) and read `documents`
    /// documents of `bytes` bytes.
    fn update_learning(&self, opened: usize, documents: u64, bytes: u64) {
        if !self.enabled {
            return;
        }
        let secs = self.show_when_slow();
        let done = opened.saturating_sub(1) as u64;
        self.bar.set_position(done);
        self.bar.set_message(format!(
            "{}, {documents} documents, {:.0} MB/s, ETA {}",
            self.pass1,
            bytes as f64 / 1e6 / secs.max(1e-9),
            eta(done, self.bar.length().unwrap_or(0), secs)
        ));
    }

    fn update<'a>(&self, sources: impl Iterator<Item = &'a str>, totals: &Totals) {
        if !self.enabled {
            return;
        }
        let secs = self.show_when_slow();
        match self.total_bytes {
            Some(total) => self.bar.set_position((totals.bytes_read as u64).min(total)),
            None => {
                let mut seen = self.seen_sources.borrow_mut();
                for source in sources {
                    if source != seen.0 {
                        seen.0 = source.to_string();
                        seen.1 += 1;
                    }
                }
                self.bar.set_position(seen.1.saturating_sub(1));
            }
        }
        let mb = totals.bytes_read as f64 / 1e6;
        self.bar.set_message(format!(
            "{} documents, {:.0} MB/s, ETA {}",
            totals.documents_in,
            mb / secs.max(1e-9),
            eta(self.bar.position(), self.bar.length().unwrap_or(0), secs)
        ));
    }

    /// Runs `f` (which prints to stderr) with the bar cleared, then draws it again below.
    fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The time left when `done` of `total` took `secs`: `?` until something is done.
fn eta(done: u64, total: u64, secs: f64) -> String {
    if done == 0 || secs <= 0.0 {
        return "?".into();
    }
    let left = total.saturating_sub(done) as f64 * secs / done as f64;
    let left = left.round() as u64;
    if left >= 60 {
        format!("{}m{:02}s", left / 60, left % 60)
    } else {
        format!("{left}s")
    }
}

/// The `--dry-run` listing of one document: `path:line: CODE name [reason]: text` for a text
/// dump; for a JSONL record, `path:record_line (id ID) line N: CODE name [reason]: text`, where
/// the record's line is its line in the file and `N` the line within the record's text. The
/// reason ([`report::RemovalEntry::listed_reason`]: the note's first clause, a duplicate's kept
/// copy) and its brackets are left out when the removal has none.
fn list_removals(out: &mut Vec<u8>, d: &CleanDoc, jsonl: bool) {
    for r in &d.report.removals {
        let _ = if jsonl {
            write!(
                out,
                "{}:{} (id {}) line {}: ",
                d.source, d.report.record_line, d.id, r.lines[0]
            )
        } else {
            write!(out, "{}:{}: ", d.source, r.lines[0])
        };
        let _ = write!(out, "{} {}", r.code, r.name);
        if let Some(reason) = r.listed_reason() {
            let _ = write!(out, " [{reason}]");
        }
        let _ = writeln!(out, ": {}", r.text.replace('\n', " ⏎ "));
    }
}

/// The `--diff` listing of one document: a unified diff from its input text to its clean text,
/// headed by the document's id (for a JSONL record, `path:record_line (id ID)`). The hunks are
/// built from what `apply` did ([`CleanDoc::layout`]), not by matching lines: a removed line is
/// `-`, a line a rule cut part of is `-` then `+`, the blank line added after a title is `+`,
/// and every kept line is context, numbered as the report and `--dry-run` number it.
fn list_diff(out: &mut Vec<u8>, d: &CleanDoc, jsonl: bool) {
    let new = d.render_text();
    let old_lines: Vec<&str> = if d.input_text.is_empty() {
        Vec::new()
    } else {
        d.input_text.split('\n').collect()
    };
    let new_lines: Vec<&str> = new.lines().collect();
    let ops = diff_ops(&old_lines, &new_lines, &d.layout);
    if ops.iter().all(|o| o.0 == ' ') {
        return;
    }
    let label = doc_label(d, jsonl);
    let _ = writeln!(out, "--- {label} (input)\n+++ {label} (clean)");
    // the input side counts the input's lines, as the report and `--dry-run` do: an article
    // split from further down a dump starts at its first line there, not at 1
    let hunk_range = |start: usize, len: usize, offset: usize| match len {
        1 => format!("{}", start + 1 + offset),
        0 => format!("{},0", start + offset),
        _ => format!("{},{len}", start + 1 + offset),
    };
    for hunk in diff_hunks(&ops, 2) {
        let ops = &ops[hunk];
        let old_len = ops.iter().filter(|o| o.0 != '+').count();
        let new_len = ops.iter().filter(|o| o.0 != '-').count();
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            hunk_range(ops[0].1, old_len, d.first_line.saturating_sub(1)),
            hunk_range(ops[0].2, new_len, 0)
        );
        // in each run of changes, the input's lines first, then the clean ones
        let mut i = 0;
        while i < ops.len() {
            if ops[i].0 == ' ' {
                let _ = writeln!(out, " {}", old_lines[ops[i].1]);
                i += 1;
                continue;
            }
            let run = i..i + ops[i..].iter().take_while(|o| o.0 != ' ').count();
            for o in ops[run.clone()].iter().filter(|o| o.0 == '-') {
                let _ = writeln!(out, "-{}", old_lines[o.1]);
            }
            for o in ops[run.clone()].iter().filter(|o| o.0 == '+') {
                let _ = writeln!(out, "+{}", new_lines[o.2]);
            }
            i = run.end;
        }
    }
}

/// A document's name in listings: its output id, and for a JSONL record its file and line too,
/// as in the `--dry-run` listing (`path:record_line (id ID)`).
fn doc_label(d: &CleanDoc, jsonl: bool) -> String {
    if jsonl {
        format!(
            "{}:{} (id {})",
            d.source,
            d.report.record_line,
            d.output_id()
        )
    } else {
        d.output_id()
    }
}

/// The line-by-line edit from `old` (the input document's lines) to `new` (its rendering),
/// where `layout[j]` is the input line that output line `j` comes from (`None`: added). Each op
/// is (`' '`, `'-'` or `'+'`, input line index, output line index): for `+` the input index is
/// the number of input lines before it, for `-` the output index the number of output lines
/// before it. An output line whose text differs from its input line (a cut) is `-` then `+`.
fn diff_ops(old: &[&str], new: &[&str], layout: &[Option<usize>]) -> Vec<(char, usize, usize)> {
    let mut ops = Vec::with_capacity(old.len() + 2);
    let mut o = 0;
    for (j, text) in new.iter().enumerate() {
        match layout.get(j).copied().flatten() {
            Some(src) if src >= o && src < old.len() => {
                ops.extend((o..src).map(|k| ('-', k, j)));
                if old[src] == *text {
                    ops.push((' ', src, j));
                } else {
                    ops.push(('-', src, j));
                    ops.push(('+', src + 1, j));
                }
                o = src + 1;
            }
            _ => ops.push(('+', o, j)),
        }
    }
    ops.extend((o..old.len()).map(|k| ('-', k, new.len())));
    ops
}

/// The hunks of a unified diff over `ops`: each change with up to `radius` lines of context on
/// either side, hunks whose context would meet joined into one.
fn diff_hunks(ops: &[(char, usize, usize)], radius: usize) -> Vec<std::ops::Range<usize>> {
    let mut hunks: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, _) in ops.iter().enumerate().filter(|(_, o)| o.0 != ' ') {
        let (start, end) = (i.saturating_sub(radius), (i + 1 + radius).min(ops.len()));
        match hunks.last_mut() {
            Some(h) if start <= h.end => h.end = end,
            _ => hunks.push(start..end),
        }
    }
    hunks
}

/// Cleans one text in memory with `rules` (no corpus stage): decode, normalise, split, strip,
/// apply. For tests, fuzzing and embedding.
pub fn clean_bytes(bytes: &[u8], rules: &[Box<dyn Rule>]) -> Vec<CleanDoc> {
    let (text, repaired_utf8) = input::decode::decode(bytes);
    let (text, narrow_gaps) = input::normalize::normalize_marking_narrow_gaps(&text);
    let record = Record {
        id: "-".into(),
        source: "-".into(),
        source_line: 1,
        seq: 0,
        fields: Default::default(),
        text,
        narrow_gaps,
        raw_bytes: bytes.len(),
        repaired_utf8,
        jsonl: false,
    };
    let w = strip(&record, rules);
    w.docs
        .iter()
        .zip(&w.removals)
        .map(|(d, rm)| apply::apply(d, rm))
        .collect()
}

/// What [`run_to_memory`] gives: the stdout bytes, the totals, the stderr text and the
/// documents' labels (with [`CleanOptions::collect_labels`]).
pub type InMemory = (Vec<u8>, Totals, String, Vec<String>);

/// Runs `clean` on one fixture-style input into memory.
pub fn run_to_memory(opts: &CleanOptions) -> Result<InMemory, Error> {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let o = run(opts, &mut out, &mut err)?;
    let err = String::from_utf8_lossy(&err).into_owned();
    Ok((out, o.totals, err, o.labels))
}

/// `path` shown relative to `base` when it lies under it.
fn rebased(path: &str, base: &Path) -> String {
    Path::new(path)
        .strip_prefix(base)
        .map_or_else(|_| path.to_string(), |p| p.display().to_string())
}

/// Shows `r`'s source relative to `base`, and the id deboil made from it: the path of a text
/// dump, or `<path>:<line>` for a JSONL record without an id.
pub(crate) fn rebase(r: &mut Record, base: &Path) {
    let shown = rebased(&r.source, base);
    if r.id == r.source {
        r.id = shown.clone();
    } else if r.jsonl && r.id == format!("{}:{}", r.source, r.source_line) {
        r.id = format!("{shown}:{}", r.source_line);
    }
    r.source = shown;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pass 1's bar counts the inputs finished (the last one opened is still being read) and
    /// says what it does; the cleaning pass's bar then counts bytes up to what pass 1 read.
    /// Both are timed from the run's start.
    #[test]
    fn progress_bars_of_the_two_passes() {
        let started = Instant::now() - std::time::Duration::from_secs(5);
        let learning = Progress::learning(8, started, true, "learning repeats");
        learning.update_learning(3, 1200, 30_000_000);
        assert_eq!(learning.bar.length(), Some(8));
        assert_eq!(learning.bar.position(), 2);
        let message = learning.bar.message();
        assert!(
            message.starts_with("learning repeats, 1200 documents, "),
            "{message}"
        );
        assert!(learning.bar.elapsed() >= std::time::Duration::from_secs(5));
        learning.finish();
        // under --strict with one pass, the first pass only checks the inputs
        let checking = Progress::learning(8, started, true, "checking");
        checking.update_learning(3, 1200, 30_000_000);
        let message = checking.bar.message();
        assert!(
            message.starts_with("checking, 1200 documents, "),
            "{message}"
        );

        let cleaning = Progress::new(8, Some(1_000), started, true);
        let totals = Totals {
            bytes_read: 1_500,
            documents_in: 10,
            ..Totals::default()
        };
        cleaning.update(std::iter::empty(), &totals);
        assert_eq!(cleaning.bar.length(), Some(1_000));
        assert_eq!(cleaning.bar.position(), 1_000, "held at pass 1's total");
        assert!(cleaning.bar.message().starts_with("10 documents, "));
        assert!(
            cleaning.bar.message().ends_with(", ETA 0s"),
            "{}",
            cleaning.bar.message()
        );
        // nothing done yet: no time left can be told
        assert_eq!(eta(0, 100, 3.0), "?");
        assert_eq!(eta(25, 100, 10.0), "30s");
        assert_eq!(eta(10, 100, 10.0), "1m30s");
        // disabled (--quiet): nothing moves
        let quiet = Progress::learning(8, started, false, "learning repeats");
        quiet.update_learning(3, 1200, 30_000_000);
        assert_eq!(quiet.bar.position(), 0);
    }

    fn record(line: usize, text: &str) -> Record {
        Record {
            id: format!("r{line}"),
            source: "in.jsonl".into(),
            source_line: line,
            seq: line as u64,
            fields: Default::default(),
            text: text.into(),
            narrow_gaps: Vec::new(),
            raw_bytes: text.len(),
            repaired_utf8: 0,
            jsonl: true,
        }
    }

    fn keyed(r: &Record) -> KeyedRecord {
        KeyedRecord {
            source: r.source.clone(),
            source_line: r.source_line,
            text_len: r.text.len(),
            keys: LineKeys::of(&r.text),
        }
    }

    #[test]
    fn keys_past_the_budget_are_left_to_pass_2() {
        let rs: Vec<Record> = (1..=4)
            .map(|i| record(i, "one line\n\nand another line"))
            .collect();
        // room for the first two records only
        let one = std::mem::size_of::<KeyedRecord>() + "in.jsonl".len() + 2 * 12;
        let mut k = Keyed::with_budget(2 * one - 1);
        rs.iter().for_each(|r| k.keep(keyed(r)));
        assert_eq!(k.records.len(), 2);
        assert_eq!(k.take(&rs[0]), Some(LineKeys::of(&rs[0].text)));
        assert_eq!(k.take(&rs[1]).map(|x| x.keys.len()), Some(2));
        assert_eq!(k.take(&rs[2]), None);
        assert_eq!(k.take(&rs[3]), None);
    }

    #[test]
    fn a_record_that_does_not_match_gets_no_keys() {
        let (a, b) = (record(1, "text a"), record(2, "text b"));
        let mut k = Keyed::default();
        k.keep(keyed(&a));
        assert_eq!(k.take(&b), None);
        assert!(k.take(&a).is_some());
    }

    #[test]
    fn selectors_ignore_case_and_an_empty_one_in_the_config_is_an_error() {
        let mut o = CleanOptions {
            select: vec!["r001".into(), "Ui-Label-Line".into()],
            ..CleanOptions::default()
        };
        let codes = |o: &CleanOptions| -> Vec<&'static str> {
            active_rules(o)
                .unwrap()
                .iter()
                .map(|r| r.meta().code)
                .collect()
        };
        assert_eq!(codes(&o), ["R001", "R003"]);
        o.select.clear();
        o.config.select = vec!["".into()];
        let e = active_rules(&o).err().map(|e| e.to_string());
        assert!(
            e.as_deref()
                .is_some_and(|e| e.contains("`select`: an empty rule code or name")),
            "{e:?}"
        );
    }
}
