//! The corpus stage's steps as commands of their own: `deboil dups` (duplicate groups, no text
//! changed) and `deboil dedup sigs|decide|apply` (signatures per shard, decisions over all
//! signatures in order, apply). Reading, splitting and rules are `clean`'s own, so paragraphs,
//! `seq` and `part` are the same as in `clean`.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::signed::{
    ClosingLine, DecisionsDigest, Signed, SignedBuilder, SigsClosingLine, SigsEnd,
};
use super::{active_rules, rebase, strip, CleanOptions, Written};
use crate::dedup::{self, Boilerplate, Decider, DedupMode, DedupOptions, DocSigs, DupGroup};
use crate::doc::{Document, Record, Removal};
use crate::error::Error;
use crate::input;

/// A batch consumer of [`for_each_stripped`]: the worker pool, the documents, the rules' removals.
pub type BatchFn<'a> =
    dyn FnMut(&rayon::ThreadPool, &[Document], &[Vec<Removal>]) -> Result<(), Error> + 'a;

/// Documents read, split and (with `with_rules`) stripped exactly as `clean` does, handed to `f`
/// per batch in input order with the rules' removals. Input errors are reported on `stderr` and
/// skipped, or are fatal under `opts.strict`; input warnings (an empty directory, repaired
/// UTF-8, a duplicate id, the command's own `-o` file found by a walk: `written` says what it
/// holds) are reported on `stderr` as `clean` reports them.
pub fn for_each_stripped(
    opts: &CleanOptions,
    with_rules: bool,
    written: Written,
    stderr: &mut dyn Write,
    f: &mut BatchFn<'_>,
) -> Result<(), Error> {
    let rules = if with_rules {
        active_rules(opts)?
    } else {
        Vec::new()
    };
    let sources = super::sources_writing(opts, written)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start worker threads: {e}")))?;
    let mut records = input::open_all(sources, opts.input.clone());
    let mut notices = crate::report::Notices::without_report();
    // records read and records failed: when all failed there is nothing to go on from
    let (mut read, mut failed) = (0usize, 0usize);
    loop {
        let mut batch: Vec<Record> = Vec::new();
        let mut bytes = 0;
        while let Some(item) = records.next() {
            // warnings met while reading up to this item come before it, as in `clean`
            for w in records.take_warnings() {
                notices.print(stderr, true, &w);
            }
            match item {
                Ok(mut r) => {
                    if let Some(base) = &opts.display_base {
                        rebase(&mut r, base);
                    }
                    bytes += r.text.len();
                    read += 1;
                    batch.push(r);
                }
                Err(e) if opts.strict && input::is_data_failure(e.kind) => {
                    return Err(Error::Input(e.stopping_the_run()))
                }
                Err(e) => {
                    // as `clean` counts them: an empty input is no failure of the data
                    failed += usize::from(input::is_data_failure(e.kind));
                    notices.print(stderr, false, &e);
                }
            }
            if bytes >= opts.batch_bytes || batch.len() >= 4096 {
                break;
            }
        }
        for w in records.take_warnings() {
            notices.print(stderr, true, &w);
        }
        if batch.is_empty() {
            return if read == 0 && failed > 0 {
                Err(Error::NothingRead { failed })
            } else {
                Ok(())
            };
        }
        let works: Vec<super::Work> =
            pool.install(|| batch.par_iter().map(|r| strip(r, &rules)).collect());
        drop(batch);
        let mut docs = Vec::new();
        let mut removals = Vec::new();
        for w in works {
            docs.extend(w.docs);
            removals.extend(w.removals);
        }
        f(&pool, &docs, &removals)?;
    }
}

/// Step 1 over whole documents: signatures, with `all_keys` filled when boilerplate is learned
/// (so `decide` can learn it from signatures alone).
fn doc_sigs(
    pool: &rayon::ThreadPool,
    docs: &[Document],
    removals: &[Vec<Removal>],
    opts: &DedupOptions,
    rules_hash: Option<u64>,
) -> Vec<DocSigs> {
    pool.install(|| {
        docs.par_iter()
            .zip(removals)
            .map(|(d, rm)| {
                let mut s = dedup::signatures(d, rm, opts);
                s.text_hash = Some(xxhash_rust::xxh3::xxh3_64(d.text.as_bytes()));
                s.rules_hash = rules_hash;
                s.scope = Some(super::signed::scope_flags(opts.mode, opts.boilerplate));
                if opts.boilerplate {
                    s.all_keys = d.paragraphs().map(|i| d.info(i).key).collect();
                }
                s
            })
            .collect()
    })
}

/// `deboil dedup sigs`: one [`DocSigs`] per line, in input order, then the closing line
/// ([`SigsClosingLine`]: their count and digest). Returns the documents written.
pub fn write_sigs(
    opts: &CleanOptions,
    out: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<usize, Error> {
    let mut n = 0;
    let rules_hash = super::rules_fingerprint(opts, &active_rules(opts)?);
    let mut digest = DecisionsDigest::default();
    let mut line = Vec::new();
    let unwritten = |e: std::io::Error| Error::io("<sigs>", e);
    for_each_stripped(
        opts,
        true,
        Written::Signatures,
        stderr,
        &mut |pool, docs, rms| {
            for s in doc_sigs(pool, docs, rms, &opts.dedup, Some(rules_hash)) {
                line.clear();
                serde_json::to_writer(&mut line, &s).map_err(|e| unwritten(e.into()))?;
                digest.line(&line);
                line.push(b'\n');
                out.write_all(&line).map_err(unwritten)?;
                n += 1;
            }
            Ok(())
        },
    )?;
    let closing = SigsClosingLine {
        sigs_end: digest.lines_only(),
    };
    serde_json::to_writer(&mut *out, &closing).map_err(|e| unwritten(e.into()))?;
    out.write_all(b"\n").map_err(unwritten)?;
    Ok(n)
}

/// One line of a decisions file: the dedup decisions for one document (only documents with at
/// least one decision are written). `source`, `source_line` and `part` address the document in
/// `apply`, which checks that `id` matches; `seq` is the document's place in `decide`'s order.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocDecisionsLine {
    pub seq: u64,
    pub source: String,
    pub source_line: usize,
    pub part: usize,
    pub id: String,
    pub decisions: Vec<dedup::Decision>,
    /// The document's text hash as `sigs` read it (see [`dedup::DocSigs::text_hash`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_hash: Option<u64>,
    /// The rule settings `sigs` ran with (see [`dedup::DocSigs::rules_hash`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_hash: Option<u64>,
}

/// Where a document's decisions apply: its input, its record's line there, its part.
pub type DocAddress = (String, usize, usize);

/// A decisions file read back: the decisions of each document, with the id they were made for
/// and the record number `sigs` gave it (its place in the input order).
pub type DecisionsByDoc = HashMap<DocAddress, DecidedDoc>;

/// One document's line of a decisions file, as `apply` looks it up.
#[derive(Debug, Clone)]
pub struct DecidedDoc {
    pub id: String,
    pub decisions: Vec<dedup::Decision>,
    /// Its place in `decide`'s order.
    pub seq: u64,
    pub text_hash: Option<u64>,
    pub rules_hash: Option<u64>,
}

/// A signatures or decisions file to read line by line, decompressed when its first bytes are
/// gzip's or zstd's (`sigs -o s.jsonl.gz` writes it so).
pub(crate) fn open_unpacked(path: &Path) -> std::io::Result<Box<dyn BufRead>> {
    input::open_unpacked(path)
}

/// A consumer of signature lines: the line, and a way to name its place (`file:line`).
type SigLineFn<'a> = dyn FnMut(DocSigs, &dyn Fn() -> String) -> Result<(), Error> + 'a;

/// Reads signature files in the order given, numbering records across them: each `sigs` run
/// numbers its own records from 0, so a run's `seq` values are moved past the previous run's.
/// A file may hold several runs one after another (per-shard files joined with `cat`); each
/// run ends with its closing line ([`SigsClosingLine`]), and a run that does not (cut short,
/// or from an older deboil) or whose lines do not fit its count and digest is refused, named.
/// `f` gets each line's place (`file:line`).
fn read_sig_files(paths: &[PathBuf], f: &mut SigLineFn<'_>) -> Result<(), Error> {
    let mut base = 0u64;
    for p in paths {
        if p.as_os_str() == "-" {
            return Err(Error::Usage(
                "`decide` reads signature files by name (twice when it learns boilerplate); \
                 `-` (stdin) is not one: save the signatures to a file"
                    .into(),
            ));
        }
        let file = open_unpacked(p).map_err(|e| Error::io(p, e))?;
        let mut next = base;
        // the run being read: its lines' digest, and whether it has a line yet
        let mut run = DecisionsDigest::default();
        let mut in_run = false;
        let mut closed = false;
        let mut last_line = 0;
        for (i, line) in file.lines().enumerate() {
            let line = line.map_err(|e| Error::io(p, e))?;
            if line.trim().is_empty() {
                continue;
            }
            last_line = i + 1;
            let mut s: DocSigs = match serde_json::from_str(&line) {
                Ok(s) => s,
                Err(e) => match serde_json::from_str::<SigsClosingLine>(&line) {
                    Ok(c) => {
                        let wrote = std::mem::take(&mut run).lines_only();
                        if wrote != c.sigs_end {
                            return Err(Error::Usage(sigs_unfit(p, i + 1, c.sigs_end, wrote)));
                        }
                        in_run = false;
                        closed = true;
                        base = next;
                        continue;
                    }
                    Err(_) => {
                        return Err(Error::Usage(format!(
                            "{}:{}: not a signatures line ({e})",
                            p.display(),
                            i + 1
                        )))
                    }
                },
            };
            run.line(line.as_bytes());
            in_run = true;
            s.seq = s.seq.saturating_add(base);
            next = next.max(s.seq.saturating_add(1));
            f(s, &|| format!("{}:{}", p.display(), i + 1))?;
        }
        if in_run || !closed {
            return Err(Error::Usage(format!(
                "{}{}: {}: not the whole output of a `deboil dedup sigs` run (cut short, as a \
                 partial copy would be, or from an older deboil); copy it again, or run `sigs` \
                 again",
                p.display(),
                if last_line > 0 {
                    format!(":{last_line}")
                } else {
                    String::new()
                },
                if in_run {
                    "the signatures end without the closing `sigs_end` line of their run"
                } else {
                    "no signatures and no closing `sigs_end` line"
                },
            )));
        }
        base = next;
    }
    Ok(())
}

/// Why a run's closing line (`end`, at `p:line`) does not fit the lines before it (`read`).
fn sigs_unfit(p: &Path, line: usize, end: SigsEnd, read: SigsEnd) -> String {
    let what = if end.documents != read.documents {
        format!(
            "its run wrote {} signature lines and {} are here (lines dropped or added)",
            end.documents, read.documents
        )
    } else {
        "its run's signature lines are not as `sigs` wrote them (edited since)".to_string()
    };
    format!(
        "{}:{line}: {what}: `decide` takes a run's signatures only whole and unedited; copy \
         them again, or run `sigs` again",
        p.display()
    )
}

/// `deboil dedup decide`: runs the decider over signature files in the order given (which must
/// be input order), learning boilerplate first when enabled. `Prefer::Longest` holds all
/// signatures in memory ([`dedup::decide_all`]); `First` streams. `near_flags` are the
/// near-duplicate flags given on the command line: they have no effect on signatures made with
/// `--no-near`, which are refused then, as `clean --no-near --near-threshold` is. Returns the
/// documents with decisions.
pub fn decide_files(
    paths: &[PathBuf],
    opts: &DedupOptions,
    near_flags: &[&str],
    out: &mut dyn Write,
) -> Result<usize, Error> {
    let mut seen = HashMap::new();
    for p in paths {
        if let Some(first) = p
            .canonicalize()
            .ok()
            .and_then(|real| seen.insert(real, p.clone()))
        {
            // its documents would be decided twice, the second time as repeats of the first
            return Err(Error::Usage(format!(
                "{}: the same signature file as {}; give each once",
                p.display(),
                first.display()
            )));
        }
    }
    if opts.learns_boilerplate() {
        // a pipe or a device (`<(zcat s.jsonl.gz)`) reads empty the second time: its documents
        // would be missing from the decisions without a word
        if let Some(p) = paths
            .iter()
            .find(|p| p.as_os_str() != "-" && super::is_stream(p))
        {
            return Err(Error::Usage(format!(
                "{}: a pipe or device, which `decide` cannot read twice (it reads its signature \
                 files twice when it learns boilerplate): save the signatures to a file, or \
                 decide with --no-boilerplate",
                p.display()
            )));
        }
    }
    let mut signed = SignedBuilder::new(super::signed::scope_flags(opts.mode, opts.boilerplate))
        .with_near_flags(near_flags);
    let boiler = if opts.learns_boilerplate() {
        let mut b = Boilerplate::new(opts.boilerplate_min_docs, opts.boilerplate_min_share);
        read_sig_files(paths, &mut |s, _| {
            b.learn_sigs(&s);
            Ok(())
        })?;
        b.finish();
        Some(b)
    } else {
        None
    };
    let mut n = 0;
    let mut digest = DecisionsDigest::default();
    let mut write = |s: &DocSigs, decisions: Vec<dedup::Decision>| -> Result<(), Error> {
        if decisions.is_empty() {
            return Ok(());
        }
        let line = DocDecisionsLine {
            seq: s.seq,
            source: s.source.clone(),
            source_line: s.source_line,
            part: s.part,
            id: s.id.clone(),
            decisions,
            text_hash: s.text_hash,
            rules_hash: s.rules_hash,
        };
        let bytes = serde_json::to_vec(&line).map_err(|e| Error::io("<decisions>", e.into()))?;
        digest.line(&bytes);
        out.write_all(&bytes)
            .and_then(|_| out.write_all(b"\n"))
            .map_err(|e| Error::io("<decisions>", e))?;
        n += 1;
        Ok(())
    };
    if opts.mode == DedupMode::None {
        read_sig_files(paths, &mut |s, at| signed.add(&s, at))?;
    } else if opts.prefer == dedup::Prefer::Longest {
        let mut all = Vec::new();
        read_sig_files(paths, &mut |s, at| {
            signed.add(&s, at)?;
            all.push(s);
            Ok(())
        })?;
        for (s, d) in all
            .iter()
            .zip(dedup::decide_all(&all, opts, boiler.as_ref()))
        {
            write(s, d)?;
        }
    } else {
        let mut decider = Decider::new(opts.clone());
        read_sig_files(paths, &mut |s, at| {
            signed.add(&s, at)?;
            let d = decider.decide(&s, boiler.as_ref());
            write(&s, d)
        })?;
    }
    let mut signed = signed.finish();
    signed.decided = Some(digest.finish(&signed));
    let closing = ClosingLine { signed };
    serde_json::to_writer(&mut *out, &closing).map_err(|e| Error::io("<decisions>", e.into()))?;
    out.write_all(b"\n")
        .map_err(|e| Error::io("<decisions>", e))?;
    Ok(n)
}

/// A decisions file read back: each document's decisions, and what `sigs` signed.
#[derive(Debug, Clone)]
pub struct Decided {
    pub docs: DecisionsByDoc,
    pub signed: Signed,
}

/// Reads a decisions file: each document's address -> (id, decisions), and its closing line.
pub fn read_decisions(path: &Path) -> Result<Decided, Error> {
    let unread = |e: std::io::Error| Error::flag_file("--decisions", path, &e);
    let file = open_unpacked(path).map_err(unread)?;
    let mut map = HashMap::new();
    let mut signed: Option<Signed> = None;
    let mut digest = DecisionsDigest::default();
    let at = |i: usize| format!("{}:{}", path.display(), i + 1);
    for (i, line) in file.lines().enumerate() {
        let line = line.map_err(unread)?;
        if line.trim().is_empty() {
            continue;
        }
        if signed.is_some() {
            return Err(Error::Usage(format!(
                "{}: a line after the closing `signed` line: a decisions file is one `decide` \
                 run's output, not several joined",
                at(i)
            )));
        }
        let d: DocDecisionsLine = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => match serde_json::from_str::<ClosingLine>(&line) {
                Ok(c) => {
                    signed = Some(c.signed);
                    continue;
                }
                Err(_) => {
                    return Err(Error::Usage(format!(
                        "{}: not a decisions line ({e})",
                        at(i)
                    )))
                }
            },
        };
        digest.line(line.as_bytes());
        let address = (d.source, d.source_line, d.part);
        if map.contains_key(&address) {
            return Err(Error::Usage(format!(
                "{}: a second line of decisions for {}:{} part {}",
                at(i),
                address.0,
                address.1,
                address.2
            )));
        }
        map.insert(
            address,
            DecidedDoc {
                id: d.id,
                decisions: d.decisions,
                seq: d.seq,
                text_hash: d.text_hash,
                rules_hash: d.rules_hash,
            },
        );
    }
    let signed = signed.ok_or_else(|| {
        Error::Usage(format!(
            "{}: no closing `signed` line: not the whole output of a `deboil dedup decide` run \
             (cut short, or from an older deboil); run `decide` again",
            path.display()
        ))
    })?;
    // the file as `decide` wrote it: a decision added, dropped or changed by hand would keep
    // repeats or remove lines no decision of `decide` named
    let fits = match signed.decided {
        Some(d) => d == digest.finish(&signed),
        None => false,
    };
    if !fits {
        return Err(Error::Usage(format!(
            "{}: its decisions are not as `decide` wrote them (edited since, or from an older \
             deboil without their digest): `apply` takes a decisions file only whole and \
             unedited; run `decide` again",
            path.display()
        )));
    }
    Ok(Decided { docs: map, signed })
}

/// Level of `deboil dups`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum DupLevel {
    #[default]
    Paragraph,
    Document,
}

/// `deboil dups`: the duplicate groups the corpus stage forms (same decisions as `clean` with
/// the same options, including `--prefer longest`), without changing any text. With
/// `with_rules` false, paragraphs rules would remove are compared too. Decisions of a code the
/// selectors leave out (`--ignore D002`) are dropped, as `clean` drops those removals.
pub fn dups(
    opts: &CleanOptions,
    level: DupLevel,
    with_rules: bool,
    stderr: &mut dyn Write,
) -> Result<Vec<DupGroup>, Error> {
    let mut all: Vec<DocSigs> = Vec::new();
    for_each_stripped(
        opts,
        with_rules,
        Written::Groups,
        stderr,
        &mut |pool, docs, rms| {
            all.extend(doc_sigs(pool, docs, rms, &opts.dedup, None));
            Ok(())
        },
    )?;
    if opts.dedup.mode == DedupMode::None {
        return Ok(Vec::new());
    }
    // as in `clean`, no boilerplate is learned when D003 is not chosen (`--rules --ignore
    // D003`), so its lines are merged as duplicates instead
    let chosen = super::stage_code_chosen(opts);
    let boiler = (opts.dedup.learns_boilerplate() && chosen("D003")).then(|| {
        let mut b = Boilerplate::new(
            opts.dedup.boilerplate_min_docs,
            opts.dedup.boilerplate_min_share,
        );
        for s in &all {
            b.learn_sigs(s);
        }
        b.finish();
        b
    });
    let mut decisions = dedup::decide_all(&all, &opts.dedup, boiler.as_ref());
    // as `clean` keeps only the removals of chosen codes (`--rules --ignore D002`: no near
    // duplicates merged), groups show only those
    for ds in &mut decisions {
        ds.retain(|d| chosen(d.verdict.code()));
    }
    let words: Vec<Vec<u32>> = all
        .iter()
        .zip(&decisions)
        .map(|(s, ds)| {
            ds.iter()
                .map(|d| {
                    s.paras
                        .iter()
                        .find(|p| p.line == d.line)
                        .map_or(0, |p| p.words)
                })
                .collect()
        })
        .collect();
    let docs: Vec<dedup::groups::DocDecisions<'_>> = all
        .iter()
        .zip(&decisions)
        .zip(&words)
        .map(|((s, ds), w)| dedup::groups::DocDecisions {
            id: &s.id,
            source: &s.source,
            source_line: s.source_line,
            part: s.part,
            words: s.paras.iter().map(|p| u64::from(p.words)).sum(),
            decisions: ds,
            decided_words: w,
            text_hash: s.text_hash,
        })
        .collect();
    Ok(match level {
        DupLevel::Paragraph => dedup::dup_groups(&docs),
        DupLevel::Document => dedup::doc_dup_groups(&docs, 0.5),
    })
}
