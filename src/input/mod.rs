//! Reading inputs: paths and directories (walked in sorted order), stdin, `.txt` dumps,
//! `.jsonl`/`.ndjson`/`.json` records, gzip and zstd; decoding to UTF-8 and normalising.
//!
//! # Formats
//! With [`InputFormat::Auto`] (the default) a file's name decides, ignoring case: `.jsonl`,
//! `.ndjson` and `.json` are JSONL, anything else a text dump, except that stdin and a file with
//! no extension are sniffed: JSONL when the first non-blank line is a JSON object (or a prefix of
//! one longer than the first read), or a record cut short followed mostly by records
//! ([`sniff_jsonl`]), a text dump otherwise. [`InputFormat::Text`] and
//! [`InputFormat::Jsonl`] force the reading of every input. Compression is recognised by its
//! magic bytes (gzip `1f 8b`, zstd `28 b5 2f fd`) whatever the name, stdin included; a `.gz` or
//! `.zst` name without them is read as that format, and fails as a fake archive. A directory
//! walk reads only files with an input extension (`.txt`, `.jsonl`, `.ndjson`, `.json`, each
//! optionally `.gz`/`.zst`, any case); every other file is reported as an `unknown-extension`
//! warning, not read (name it on the command line to read it). Hidden files and folders (a
//! name starting with `.`: `.git`, the `.deboil-manifest` of an earlier `-o DIR` run) are left
//! out silently. A file named as JSON that holds a deboil report ([`starts_like_a_report`]:
//! an earlier run's `--report` among the inputs) is left out, walked or named, with a
//! `deboil-report` warning. `--text-field` and `--id-field` may be dotted names (`doc.body`)
//! reaching into nested objects; a top-level key spelled with the dot wins.
//!
//! # Encodings and binary files
//! [`decode::sniff`] looks at a source's first 8 KiB: a source is binary when NUL and other
//! control bytes text never holds are more than one and more than 1% of them; a text dump
//! with fewer (a stray NUL) is read, its NULs dropped with one `nul-bytes` warning; one whose
//! NULs stand every other byte is UTF-16 without a byte-order mark, read so with a
//! `utf16-without-bom` warning.
//!
//! The reader yields [`Record`]s in a total, deterministic order, or an [`InputError`] for an
//! input (or a JSONL line) that cannot be read; the caller counts it and goes on.
//!
//! # Streaming
//! [`Records`] is lazy: it opens one source at a time and reads a JSONL source line by line into
//! a reused buffer, so memory holds one line (plus the records the caller keeps), never a file.
//! A text dump is one record and is read whole, up to [`InputOptions::max_record_bytes`].
//! The exception is asked for: [`Records::keep_decompressed`] keeps the decompressed bytes of
//! `.gz`/`.zst` sources (up to a budget) for a second reading of the same sources
//! ([`Records::reuse_decompressed`], see [`unpacked`]), so `clean`'s two passes decompress once.
//!
//! # Choices
//! - **Empty input**: a file with no bytes (after decompression), only whitespace, or (JSONL)
//!   only blank lines yields no record and one `empty` [`InputError`], so the report accounts
//!   for it. Blank lines inside a JSONL file are skipped silently.
//! - **A directory with no inputs** is not a whole-run error: [`discover`] returns a [`Source`]
//!   carrying a `no-inputs` problem, which [`Records`] gives as a *warning* naming the
//!   directory: a directory holds no document, so it is neither a document in nor a failed one
//!   (like an unread file of a walk, it is not counted as an input either). Unreadable
//!   directories and symlink loops found while walking are errors naming the path.
//!   A missing path given on the command line is a whole-run error ([`Error::MissingInput`]),
//!   and so is one that is a symlink loop ([`Error::SymlinkLoop`]) or cannot be looked at.
//! - **Long lines**: a JSONL line up to `max_record_bytes` (default 256 MiB) is processed; a
//!   longer one is skipped without being buffered (the reader streams past it to the next
//!   newline) and reported as `line-too-long` at `path:line`. A text dump over the limit is
//!   `too-large`.
//! - **Warnings are not failures**: a duplicate JSONL id (the record is still yielded and
//!   processed) and per-file counts of repaired UTF-8 (one warning per file, at the first line
//!   repaired, listing the first few such lines) are *warnings*, collected on the side and
//!   taken with [`Records::take_warnings`]; they never appear in the `Err` items, so they are
//!   not counted as failed documents. Duplicate detection keeps an xxh3 hash (8 bytes) per
//!   explicit id, not the ids; records without an id field get `<path>:<line>`, unique by
//!   construction, and are not checked.
//! - **A JSON document over several lines** (a pretty-printed `.json`: the first non-blank
//!   line is a lone `{`, or opens an array it does not close) is not read line by line: it
//!   yields one `not-jsonl` error at that line, naming the `jq` command that converts it.
//! - **Compressed input**: records read before a fault in a `.gz`/`.zst` stream come out, then
//!   one error: `invalid-gzip`/`invalid-zstd` when nothing could be decompressed (a fake
//!   archive: also any `.gz`/`.zst` whose first bytes are not the magic number, however short),
//!   `truncated-archive` when the stream ends early (what came before is sound),
//!   `corrupt-archive` when it breaks on damaged data after some output (a bad block, a
//!   checksum that does not match: what came before may be garbage, and a gzip checksum is only
//!   checked at the member's end). A reading that reuses an earlier one's decompression
//!   ([`Records::reuse_decompressed`]) fails a source that reading found damaged whole: one
//!   `corrupt-archive` error and no record.
//!
//! # Error kinds (stable, in [`InputError::kind`])
//! `unreadable`, `binary`, `empty`, `symlink-loop`, `too-large`, `line-too-long`,
//! `invalid-json`, `not-an-object`, `not-jsonl`, `missing-text-field`, `text-not-a-string`,
//! `invalid-gzip`, `invalid-zstd`, `truncated-archive`, `corrupt-archive`, `trailing-data`,
//! `unsupported-encoding`, `invalid-utf8`
//! (only with [`InputOptions::strict_utf8`], `--strict`; without it invalid UTF-8 is repaired
//! (see [`decode::decode_utf8`]) and reported as a `repaired-utf8` warning); warnings: `duplicate-id`,
//! `repaired-utf8`, `unknown-extension`, `no-inputs`, `looks-like-jsonl` (a `.txt` that opens
//! with JSON objects, or a sniffed text dump whose first line opens like one), `looks-like-html` (a text dump that is an HTML page; see
//! [`format_hint`]), `nul-bytes`, `utf16-without-bom`, `deboil-report`.

pub mod decode;
pub mod normalize;
pub mod unpacked;

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::doc::Record;
use crate::error::{Error, InputError, SKIPPED};

/// Whether a failure of `kind` is one of the data (a record or an input that could not be
/// used: bad JSON, a corrupt archive, a binary or unreadable file...), as opposed to an input
/// that held nothing (`empty`). When every document in fails and at least one fails so,
/// nothing is written and `clean` exits 2.
pub fn is_data_failure(kind: &str) -> bool {
    kind != "empty"
}

/// How inputs are read: by their names and first bytes, or forced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By name (`.jsonl`, `.ndjson`, `.json`: JSONL; others: text), sniffing stdin and files
    /// without an extension.
    #[default]
    Auto,
    /// Every input is one text dump.
    Text,
    /// Every input holds one JSON object per line.
    Jsonl,
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// JSONL field holding the text.
    pub text_field: String,
    /// JSONL field holding the record id.
    pub id_field: String,
    /// Largest text dump, or JSONL line, read (bytes after decompression).
    pub max_record_bytes: usize,
    /// Text or JSONL, or decided per input.
    pub format: InputFormat,
    /// `--strict`: a record holding invalid UTF-8 fails (`invalid-utf8`) instead of being
    /// repaired with U+FFFD.
    pub strict_utf8: bool,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            text_field: "text".into(),
            id_field: "id".into(),
            max_record_bytes: 256 << 20,
            format: InputFormat::Auto,
            strict_utf8: false,
        }
    }
}

/// How a path is shown in ids, sources and messages: as it is when it is UTF-8 without control
/// characters or backslashes; otherwise each byte that is not UTF-8 as `\xFF`, each control
/// character as `\n`, `\t` or `\x01` and (on Unix) a backslash as `\\`, so two names that differ only in such bytes stay apart (shown lossily
/// both were `bad\u{FFFD}.txt`) and a message naming a file stays on one line.
pub fn shown_path(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str());
    #[cfg(not(unix))]
    let lossy = path.to_string_lossy();
    #[cfg(not(unix))]
    let bytes = lossy.as_bytes();
    // on Unix a backslash is a plain character of a name, escaped too (`\\`) so that a name
    // spelled `bad\xFF.txt` stays apart from one holding the byte
    let escapes_backslash = cfg!(unix);
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s
            .chars()
            .any(|c| c.is_control() || (escapes_backslash && c == '\\'))
        {
            return s.to_string();
        }
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '\\' if escapes_backslash => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&format!("\\x{:02X}", c as u32)),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// One input file (or stdin) found by walking the arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// How it is shown in ids and messages (the path as given, or `-`).
    pub display: String,
    /// Path relative to the argument it was found under (for output names).
    pub relative: PathBuf,
    /// A problem found while walking (an empty or unreadable directory, a symlink loop): the
    /// source yields this error and no record.
    pub problem: Option<InputError>,
}

impl Source {
    fn file(path: PathBuf, relative: PathBuf) -> Source {
        Source {
            display: shown_path(&path),
            path,
            relative,
            problem: None,
        }
    }

    /// A folder an earlier `deboil clean -o` run wrote, met inside an input directory that
    /// this run writes into: not read (see `pipeline::check_targets`).
    pub fn earlier_output(dir: &Path) -> Source {
        Source::problem(
            dir,
            EARLIER_OUTPUT,
            "not read: a folder an earlier `deboil clean -o` run wrote (it holds its \
             .deboil-manifest or journal), inside the input directory this run's text output \
             goes into; name it to read it"
                .into(),
        )
    }

    /// A file a directory walk found that this run writes (`flag`: `-o` or `--report`): not
    /// read, as it would be the run's own earlier output (see `pipeline::check_targets`).
    pub fn own_output(path: &Path, flag: &str) -> Source {
        Source::problem(
            path,
            OWN_OUTPUT,
            format!(
                "not read: this run writes its {flag} file here, inside an input directory; \
                 what it holds is an earlier run's output"
            ),
        )
    }

    /// A file with an input's name that a directory walk does not read: it is hidden.
    fn hidden(path: &Path) -> Source {
        Source::problem(
            path,
            HIDDEN,
            "not read: a hidden file (its name starts with `.`), which a directory walk leaves \
             out; name it on the command line to read it"
                .into(),
        )
    }

    /// A file a directory walk does not read (its name has no input extension).
    fn skipped(path: &Path) -> Source {
        Source::problem(
            path,
            UNKNOWN_EXTENSION,
            "not read: no input extension (.txt, .jsonl, .ndjson, .json, optionally .gz/.zst); \
             name the file on the command line to read it"
                .into(),
        )
    }

    /// A file with a JSON name that holds a deboil report (see [`starts_like_a_report`]): an
    /// earlier run's `--report`, not input.
    fn deboil_report(path: &Path) -> Source {
        Source::problem(
            path,
            DEBOIL_REPORT,
            "not read: a deboil report (what --report writes: `{\"version\": ..., \
             \"documents\": [...`), not input records"
                .into(),
        )
    }

    /// Whether this is a file or folder a directory walk left out, or a directory named on the
    /// command line that holds no input: it yields a warning (`unknown-extension`,
    /// `earlier-output`, `own-output`, `named-twice`, `no-inputs`, `deboil-report`) and no
    /// record, and is not counted as an input.
    pub fn is_skipped(&self) -> bool {
        self.problem.as_ref().is_some_and(|p| {
            matches!(
                p.kind,
                UNKNOWN_EXTENSION
                    | HIDDEN
                    | NO_INPUTS
                    | EARLIER_OUTPUT
                    | OWN_OUTPUT
                    | NAMED_TWICE
                    | DEBOIL_REPORT
            )
        })
    }

    /// Whether this source is a deboil report left out (see [`Source::deboil_report`]).
    pub fn is_deboil_report(&self) -> bool {
        self.problem
            .as_ref()
            .is_some_and(|p| p.kind == DEBOIL_REPORT)
    }

    fn problem(path: &Path, kind: &'static str, message: String) -> Source {
        let display = shown_path(path);
        Source {
            problem: Some(InputError::new(&display, None, kind, message)),
            path: path.to_path_buf(),
            display,
            relative: PathBuf::new(),
        }
    }
}

/// The warning kind of a file a directory walk does not read.
const UNKNOWN_EXTENSION: &str = "unknown-extension";
/// The warning kind of a hidden file with an input's name, which a directory walk leaves out.
const HIDDEN: &str = "hidden";
/// The warning kind of a folder an earlier `deboil clean -o` run wrote (it holds the run's
/// manifest or journal), met inside an input directory the run writes into.
const EARLIER_OUTPUT: &str = "earlier-output";
const OWN_OUTPUT: &str = "own-output";
const NAMED_TWICE: &str = "named-twice";
/// The warning kind of a deboil report found among the inputs, which is not read.
const DEBOIL_REPORT: &str = "deboil-report";
/// The warning kind of a directory that holds no input: it holds no document either, so it is
/// neither a document in nor a failed one.
const NO_INPUTS: &str = "no-inputs";

/// Expands the command-line inputs into files, in order: each argument in turn, directories
/// walked recursively in sorted path order. A missing path is an error for the whole run; a
/// directory with no input, an unreadable one or a symlink loop becomes a [`Source`] with a
/// problem (a warning for the first, see [`Source::is_skipped`]).
pub fn discover(args: &[PathBuf]) -> Result<Vec<Source>, Error> {
    let mut out = Vec::new();
    if args.iter().filter(|a| a.as_os_str() == "-").count() > 1 {
        return Err(Error::Usage(
            "stdin (`-`) is given more than once; it can be read only once".into(),
        ));
    }
    for a in args {
        if a.as_os_str() == "-" {
            out.push(Source {
                path: a.clone(),
                display: "-".into(),
                relative: PathBuf::from("stdin"),
                problem: None,
            });
            continue;
        }
        let meta = std::fs::metadata(a).map_err(|e| match e.kind() {
            _ if crate::error::is_symlink_loop(&e) => Error::SymlinkLoop(a.clone()),
            std::io::ErrorKind::NotFound => Error::MissingInput(a.clone()),
            _ => Error::io(a, e),
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let mut ancestors = Vec::new();
            let mut visited = HashMap::new();
            walk(a, &mut ancestors, &mut visited, &mut found);
            found.sort_by(|x, y| x.path.cmp(&y.path));
            if found.iter().all(Source::is_skipped) {
                out.push(Source::problem(
                    a,
                    NO_INPUTS,
                    "directory holds no input files (.txt, .jsonl, .ndjson, .json, optionally \
                     .gz/.zst)"
                        .into(),
                ));
            }
            for mut s in found {
                if s.problem.is_none() {
                    s.relative = s.path.strip_prefix(a).unwrap_or(&s.path).to_path_buf();
                }
                out.push(s);
            }
        } else if meta.is_file() && is_a_report(a) {
            out.push(Source::deboil_report(a));
        } else {
            let relative = PathBuf::from(a.file_name().unwrap_or(a.as_os_str()));
            out.push(Source::file(a.clone(), relative));
        }
    }
    read_each_file_once(&mut out);
    Ok(out)
}

/// How many decompressed bytes of a file [`starts_like_a_report`] is given.
pub const REPORT_HEAD_BYTES: u64 = 256;

/// Whether `head`, the first [`REPORT_HEAD_BYTES`] of a file, start a deboil report: whitespace
/// aside, `{"version":` and a `"documents":` key after it (the report's first two keys).
pub fn starts_like_a_report(head: &[u8]) -> bool {
    let compact: Vec<u8> = head
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    compact.starts_with(b"{\"version\":") && compact.windows(12).any(|w| w == b"\"documents\":")
}

/// Whether the file at `path`, named as JSON (`.json`, `.jsonl`, `.ndjson`, optionally
/// `.gz`/`.zst`), holds a deboil report: a report a run wrote among its inputs, which a later
/// run must not take for records. Only its first bytes are read; other files are not opened.
fn is_a_report(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy());
    if name.is_none_or(|n| name_kind(&n).0 != Named::Jsonl) {
        return false;
    }
    let mut head = Vec::new();
    open_unpacked(path)
        .and_then(|r| r.take(REPORT_HEAD_BYTES).read_to_end(&mut head))
        .is_ok_and(|_| starts_like_a_report(&head))
}

/// A file opened for reading, decompressed when its first bytes are gzip's or zstd's.
pub fn open_unpacked(path: &Path) -> std::io::Result<Box<dyn BufRead>> {
    let mut raw = std::io::BufReader::new(std::fs::File::open(path)?);
    let head = raw.fill_buf()?;
    Ok(if head.starts_with(GZIP_MAGIC) {
        Box::new(std::io::BufReader::new(GzipMembers::new(raw)))
    } else if starts_like_zstd(head) {
        Box::new(std::io::BufReader::new(
            zstd::stream::read::Decoder::with_buffer(raw)?,
        ))
    } else {
        Box::new(raw)
    })
}

/// Replaces every source that is a file met before (named twice, or named and also inside a
/// named directory; compared by the path it resolves to) by a `named-twice` warning, so each
/// file is read once: by `clean`, `dedup sigs` and `dedup apply` alike. Hard links are
/// separate files.
fn read_each_file_once(sources: &mut [Source]) {
    let mut seen: HashMap<PathBuf, String> = HashMap::new();
    for s in sources.iter_mut() {
        if s.problem.is_some() || s.path.as_os_str() == "-" {
            continue;
        }
        let Ok(real) = s.path.canonicalize() else {
            continue; // reading it will say what is wrong
        };
        match seen.get(&real) {
            Some(first) => {
                let message = format!("not read again: the same file as {first}, read once");
                *s = Source::problem(&s.path, NAMED_TWICE, message);
            }
            None => {
                seen.insert(real, s.display.clone());
            }
        }
    }
}

/// The problem entry for a directory that cannot be listed or resolved.
/// The ids seen in this run, by their xxh3 hash, each with where it was first seen (an index
/// into `files` and a line), so a `duplicate-id` warning can point at the first copy.
#[derive(Default)]
struct SeenIds {
    first: rustc_hash::FxHashMap<u64, (u32, u32)>,
    /// The inputs' display names in reading order, each once.
    files: Vec<String>,
}

/// The `duplicate-id` warning when the record's id was seen before in this run, naming where.
fn duplicate_id(seen: &mut SeenIds, display: &str, line: usize, p: &Parsed) -> Option<InputError> {
    let h = xxhash_rust::xxh3::xxh3_64(p.record.id.as_bytes());
    if seen.files.last().map(String::as_str) != Some(display) {
        seen.files.push(display.to_string());
    }
    let here = (
        u32::try_from(seen.files.len() - 1).unwrap_or(u32::MAX),
        u32::try_from(line).unwrap_or(u32::MAX),
    );
    let &mut (file, first_line) = seen.first.entry(h).or_insert(here);
    ((file, first_line) != here).then(|| {
        let first = seen.files.get(file as usize).map_or("", String::as_str);
        InputError::new(
            display,
            Some(line),
            "duplicate-id",
            format!(
                "id {:?} seen before (first at {first}:{first_line}); record kept",
                p.record.id
            ),
        )
    })
}

/// The error for a JSONL line of `n` bytes over the `max` limit (the line is skipped).
fn line_too_long(display: &str, line: usize, n: usize, max: usize) -> InputError {
    InputError::new(
        display,
        Some(line),
        "line-too-long",
        format!("line of {n} bytes is over the limit of {max} bytes{SKIPPED}"),
    )
}

fn unreadable_dir(dir: &Path, e: &std::io::Error) -> Source {
    Source::problem(dir, "unreadable", format!("cannot read directory: {e}"))
}

/// Whether `dir` holds the manifest or journal of a `deboil clean -o` run.
pub fn holds_a_manifest(dir: &Path) -> bool {
    use crate::output::manifest::{JOURNAL, MANIFEST};
    [MANIFEST, JOURNAL].iter().any(|m| dir.join(m).is_file())
}

/// Walks `dir`, following symlinks but never entering a directory twice (by canonical path):
/// a link back to an ancestor is reported as `symlink-loop`, a second link to a directory
/// already walked is skipped silently.
fn walk(
    dir: &Path,
    ancestors: &mut Vec<PathBuf>,
    visited: &mut HashMap<PathBuf, PathBuf>,
    out: &mut Vec<Source>,
) {
    let canon = match std::fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            out.push(unreadable_dir(dir, &e));
            return;
        }
    };
    if ancestors.contains(&canon) {
        out.push(Source::problem(
            dir,
            "symlink-loop",
            format!(
                "symlink loop: leads back to {}; not followed",
                canon.display()
            ),
        ));
        return;
    }
    // a folder reached again through another symlink is walked at its first place (entries
    // are walked in name order, so that is the first in the sorted list) and said at the others
    if let Some(first) = visited.get(&canon) {
        let message = format!(
            "not walked again: the same directory as {}, walked once",
            first.display()
        );
        out.push(Source::problem(dir, NAMED_TWICE, message));
        return;
    }
    visited.insert(canon.clone(), dir.to_path_buf());
    let mut entries: Vec<std::fs::DirEntry> = match std::fs::read_dir(dir) {
        Ok(e) => e.filter_map(Result::ok).collect(),
        Err(e) => {
            out.push(unreadable_dir(dir, &e));
            return;
        }
    };
    entries.sort_by_key(std::fs::DirEntry::file_name);
    ancestors.push(canon);
    for entry in entries {
        // hidden files and folders (`.git`, `.cache`, an editor's `.x.swp`, deboil's own
        // temporary files) are not walked, as in ripgrep; naming one reads it. A hidden file
        // with an input's name is said (a warning), so a `.draft.txt` is not lost unseen
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            let path = entry.path();
            if is_input_name(&path) && entry.file_type().is_ok_and(|t| !t.is_dir()) {
                out.push(Source::hidden(&path));
            }
            continue;
        }
        let path = entry.path();
        // follow symlinks: a link to a directory is walked (once), a link to a file is read
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, ancestors, visited, out),
            // a named pipe, socket or device would block the walk's reading (or never end):
            // read only when named
            Ok(m) if !m.is_file() && is_input_name(&path) => out.push(Source::problem(
                &path,
                "unreadable",
                "not a regular file (a named pipe, socket or device): not read while walking a \
                 directory; name it to read it"
                    .to_string(),
            )),
            Ok(_) if is_a_report(&path) => out.push(Source::deboil_report(&path)),
            Ok(_) if is_input_name(&path) => out.push(Source::file(path, PathBuf::new())),
            Ok(_) => out.push(Source::skipped(&path)),
            Err(e) if crate::error::is_symlink_loop(&e) => out.push(Source::problem(
                &path,
                "symlink-loop",
                "cannot follow symlink: a symlink loop (the link leads back to itself); not \
                 followed"
                    .to_string(),
            )),
            Err(e) if is_input_name(&path) => {
                let dangling = e.kind() == std::io::ErrorKind::NotFound
                    && entry.file_type().is_ok_and(|t| t.is_symlink());
                let message = if dangling {
                    "cannot read: a broken symlink (its target does not exist)".to_string()
                } else {
                    format!("cannot read: {e}")
                };
                out.push(Source::problem(&path, "unreadable", message))
            }
            Err(e) if entry.file_type().is_ok_and(|t| t.is_symlink()) => {
                // a dangling link (a loop is said above)
                out.push(Source::problem(
                    &path,
                    "unreadable",
                    format!("cannot follow symlink: {e}"),
                ))
            }
            Err(_) => {}
        }
    }
    ancestors.pop();
}

/// Whether a file found while walking a directory is an input (by extension, ignoring case).
pub fn is_input_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    matches!(name_kind(&name).0, Named::Text | Named::Jsonl)
}

/// What a file name says about its format (extensions compared ignoring case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    /// `.txt`
    Text,
    /// `.jsonl`, `.ndjson`, `.json`
    Jsonl,
    /// No extension (after a `.gz`/`.zst`): sniffed like stdin.
    Bare,
    /// Another extension: read as a text dump when named explicitly.
    Other,
}

/// The format a file name gives, and the compression its `.gz`/`.zst` extension gives.
fn name_kind(name: &str) -> (Named, Compression) {
    let (base, comp) = if let Some(b) = strip_suffix_ci(name, ".gz") {
        (b, Compression::Gzip)
    } else if let Some(b) = strip_suffix_ci(name, ".zst") {
        (b, Compression::Zstd)
    } else {
        (name, Compression::None)
    };
    let named = if [".jsonl", ".ndjson", ".json"]
        .iter()
        .any(|e| strip_suffix_ci(base, e).is_some())
    {
        Named::Jsonl
    } else if strip_suffix_ci(base, ".txt").is_some() {
        Named::Text
    } else if Path::new(base).extension().is_none() {
        Named::Bare
    } else {
        Named::Other
    };
    (named, comp)
}

/// `s` without `suffix`, compared ignoring ASCII case.
pub fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix)).then(|| &s[..cut])
}

/// The input's name without its input extensions, ignoring case (`a.JSONL.gz` -> `a`); other
/// extensions stay (`page.html`).
pub fn input_stem(name: &str) -> &str {
    let mut stem = name;
    for ext in [".gz", ".zst", ".txt", ".jsonl", ".ndjson", ".json"] {
        stem = strip_suffix_ci(stem, ext).unwrap_or(stem);
    }
    stem
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Jsonl,
    /// stdin or a file without an extension: decided by the first non-blank lines.
    Sniff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

/// The format and the compression a source's name gives (the magic bytes can still overrule
/// the compression, see [`open_reader`]). stdin (also when spooled to a file) is sniffed.
fn format_of(src: &Source, forced: InputFormat) -> (Format, Compression) {
    let (named, comp) = if src.display == "-" {
        (Named::Bare, Compression::None)
    } else {
        name_kind(
            &src.path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
        )
    };
    let format = match (forced, named) {
        (InputFormat::Text, _) => Format::Text,
        (InputFormat::Jsonl, _) => Format::Jsonl,
        (InputFormat::Auto, Named::Jsonl) => Format::Jsonl,
        (InputFormat::Auto, Named::Bare) => Format::Sniff,
        (InputFormat::Auto, Named::Text | Named::Other) => Format::Text,
    };
    (format, comp)
}

/// Where the first line of JSONL `bytes` ends and the next one starts, when a line end is in
/// them: at LF, CRLF, or a lone CR (old Mac line ends). A raw CR cannot stand inside a valid
/// JSON value (a string escapes it as `\r`), so a lone CR outside a string ends a record; taken
/// as one, a file with CR line ends reads record by record instead of as one glued line. A raw
/// CR inside a string (a broken record) ends the line only where a record or a blank line
/// follows it ([`cr_in_string_ends_line`]), so the broken record fails once, at its own line.
/// A CR that is the last of `bytes` ends the line; an LF after it in data not seen yet belongs
/// to it (see [`JsonlReader::next_line`]).
fn jsonl_line_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut quotes = JsonQuotes::default();
    let mut from = 0;
    loop {
        let i = from + memchr::memchr2(b'\n', b'\r', &bytes[from..])?;
        if bytes[i] == b'\n' {
            return Some((i, i + 1));
        }
        if bytes.get(i + 1) == Some(&b'\n') {
            return Some((i, i + 2));
        }
        quotes.scan(&bytes[from..i]);
        if !quotes.in_string || cr_in_string_ends_line(bytes.get(i + 1).copied()) {
            return Some((i, i + 1));
        }
        quotes.scan(&bytes[i..=i]);
        from = i + 1;
    }
}

/// Whether a lone CR inside a JSON string (by the quotes before it), followed by `next` (`None`:
/// the end of the data), still ends the line: where a record (`{`) or a blank line follows, the
/// string was left open by a broken record, and the records after it are read as records.
fn cr_in_string_ends_line(next: Option<u8>) -> bool {
    matches!(next, None | Some(b'{' | b'\r'))
}

/// Whether a JSONL line scanned so far stands inside a JSON string: what tells a raw CR inside a
/// broken record's string from a CR that ends the record. Lines are scanned only where a lone
/// CR is met.
#[derive(Default)]
struct JsonQuotes {
    in_string: bool,
    escaped: bool,
}

impl JsonQuotes {
    fn scan(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if std::mem::take(&mut self.escaped) {
                continue;
            }
            match b {
                b'"' => self.in_string = !self.in_string,
                b'\\' if self.in_string => self.escaped = true,
                _ => {}
            }
        }
    }
}

/// How many non-blank lines of a head [`sniff_jsonl`] reads when the first one is no JSON
/// object.
const SNIFF_LINES: usize = 8;

/// What a line of a head looks like to [`sniff_jsonl`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SniffedLine {
    /// A JSON object, or a valid beginning of one that runs past the head.
    Object,
    /// Opens like a JSON object with a key (`{"id":`) but is none: a broken record.
    Broken,
    /// Anything else.
    Other,
}

/// The first non-blank lines of a head (at most [`SNIFF_LINES`]), each as [`SniffedLine`].
fn sniffed_lines(head: &[u8]) -> Vec<SniffedLine> {
    let mut rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut lines = Vec::new();
    while lines.len() < SNIFF_LINES {
        let (line, more) = match jsonl_line_end(rest) {
            Some((end, next)) => (&rest[..end], Some(&rest[next..])),
            None => (rest, None),
        };
        let line = line.trim_ascii();
        if !line.is_empty() {
            lines.push(sniffed_line(line, more.is_none()));
        }
        match more {
            Some(m) => rest = m,
            None => break,
        }
    }
    lines
}

/// What one trimmed, non-blank line looks like; `last`: it runs to the end of the head.
fn sniffed_line(line: &[u8], last: bool) -> SniffedLine {
    if !line.starts_with(b"{") {
        return SniffedLine::Other;
    }
    let (s, _) = decode::decode_utf8(line);
    match serde_json::from_str::<serde::de::IgnoredAny>(&s) {
        Ok(_) => SniffedLine::Object,
        Err(e) if last && e.is_eof() => SniffedLine::Object,
        Err(_) if opens_with_key(line) => SniffedLine::Broken,
        Err(_) => SniffedLine::Other,
    }
}

/// Whether `line` opens like a JSON object with a key: `{`, a quoted key, then `:`.
fn opens_with_key(line: &[u8]) -> bool {
    let Some(rest) = line[1..].trim_ascii_start().strip_prefix(b"\"") else {
        return false;
    };
    let mut escaped = false;
    for (i, &b) in rest.iter().enumerate() {
        match b {
            _ if std::mem::take(&mut escaped) => {}
            b'\\' => escaped = true,
            b'"' => return rest[i + 1..].trim_ascii_start().starts_with(b":"),
            _ => {}
        }
    }
    false
}

/// Whether a head of input (the first read after decompression) starts a JSONL file: its first
/// non-blank line is a JSON object, or a valid beginning of one that runs past the head; or
/// that line is a broken record (it opens like an object, `{"id":`, and is none: cut short)
/// and most of the first [`SNIFF_LINES`] non-blank lines are records (at least one whole), so
/// one cut-off record does not turn a JSONL stream into one text dump: it fails at its line.
fn sniff_jsonl(head: &[u8]) -> bool {
    // UTF-16 or UTF-32 text is sniffed as it reads (then refused as JSONL, as a `.jsonl` is)
    if decode::wide_encoding(head).is_some() {
        let (text, _) = decode::decode_sniffed(head, decode::sniff(head));
        return sniff_jsonl(text.as_bytes());
    }
    let lines = sniffed_lines(head);
    match lines.first() {
        Some(SniffedLine::Object) => true,
        Some(SniffedLine::Broken) => mostly_records(&lines),
        _ => false,
    }
}

/// Whether most of `lines` are records (objects or broken ones), and at least one whole.
fn mostly_records(lines: &[SniffedLine]) -> bool {
    let objects = lines.iter().filter(|&&l| l == SniffedLine::Object).count();
    let broken = lines.iter().filter(|&&l| l == SniffedLine::Broken).count();
    objects > 0 && 2 * (objects + broken) > lines.len()
}

/// Whether a head that [`sniff_jsonl`] reads as a text dump still looks like JSONL: its first
/// non-blank line opens like a record (`{"id":`), or most of its first lines are records.
fn text_looks_like_jsonl(head: &[u8]) -> bool {
    let lines = sniffed_lines(head);
    lines.first() == Some(&SniffedLine::Broken) || mostly_records(&lines)
}

/// The `not-jsonl` error of a JSONL input that holds one JSON document spread over several
/// lines (a pretty-printed `.json`): its first non-blank line is a lone `{`, or starts an array
/// that it does not close. Read line by line, such a file would give one contradictory error
/// per line; it gets one error, at that line, saying how to convert it. A one-line array is
/// left to the line reading (`not-an-object`).
fn spread_document(head: &[u8], display: &str) -> Option<InputError> {
    let mut rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut line = 1;
    let first = loop {
        let (end, next) = jsonl_line_end(rest)?;
        let l = rest[..end].trim_ascii();
        if !l.is_empty() {
            break l;
        }
        rest = &rest[next..];
        line += 1;
    };
    let (what, jq) = if first == b"{" {
        ("an object", "jq -c .")
    } else if first.starts_with(b"[") {
        let (s, _) = decode::decode_utf8(first);
        match serde_json::from_str::<serde::de::IgnoredAny>(&s) {
            Err(e) if e.is_eof() => ("an array", "jq -c '.[]'"),
            _ => return None,
        }
    } else {
        return None;
    };
    Some(InputError::new(
        display,
        Some(line),
        "not-jsonl",
        format!(
            "a JSON document ({what}) spread over several lines, not JSON Lines (one object per \
             line); convert it with `{jq}`{SKIPPED}"
        ),
    ))
}

/// Every record of every source, in order: the iterator the pipeline consumes. It owns the
/// sequence numbering (`Record::seq`), so the keep-first order is total.
pub struct Records {
    sources: std::vec::IntoIter<Source>,
    opts: InputOptions,
    pending: VecDeque<Result<Record, InputError>>,
    current: Option<JsonlReader>,
    seq: u64,
    seen_ids: SeenIds,
    warnings: Vec<InputError>,
    /// The current source's name shared by the lines of [`Records::next_raw`].
    raw_display: Option<std::sync::Arc<str>>,
    /// Sources opened so far (the next one's place in the source list).
    opened: usize,
    /// Where to keep decompressed sources for a later reading.
    keep: Option<unpacked::Unpacked>,
    /// Decompressed sources an earlier reading kept, read from memory.
    reuse: Option<unpacked::Unpacked>,
    /// [`Records::next_raw`] gives the data's failures too, instead of dropping them.
    raw_failures: bool,
}

/// Opens the sources for reading, in order.
pub fn open_all(sources: Vec<Source>, opts: InputOptions) -> Records {
    Records {
        sources: sources.into_iter(),
        opts,
        pending: VecDeque::new(),
        current: None,
        seq: 0,
        seen_ids: Default::default(),
        warnings: Vec::new(),
        raw_display: None,
        opened: 0,
        keep: None,
        reuse: None,
        raw_failures: false,
    }
}

impl Records {
    /// Keeps the decompressed bytes of each compressed source read to its end in `store`, while
    /// its budget lasts, for a later reading of the same sources ([`Records::reuse_decompressed`]).
    pub fn keep_decompressed(mut self, store: &unpacked::Unpacked) -> Records {
        self.keep = Some(store.clone());
        self
    }

    /// With `on`, [`Records::next_raw`] gives the failures of the data it meets
    /// ([`RawItem::Failure`]: a broken file or archive, a line too long; not an empty input),
    /// in their place among the items, instead of dropping them.
    pub fn with_raw_failures(mut self, on: bool) -> Records {
        self.raw_failures = on;
        self
    }

    /// Reads the sources an earlier reading of the same source list kept in `store` from
    /// memory instead of decompressing them again; the others are read as usual.
    pub fn reuse_decompressed(mut self, store: &unpacked::Unpacked) -> Records {
        self.reuse = Some(store.clone());
        self
    }

    /// Sources opened so far: the place in the source list of the next one to open.
    pub fn opened(&self) -> usize {
        self.opened
    }

    /// Takes the warnings gathered so far (duplicate ids, per-file repaired UTF-8 counts):
    /// facts for the report that are not failures.
    pub fn take_warnings(&mut self) -> Vec<InputError> {
        std::mem::take(&mut self.warnings)
    }

    fn push(&mut self, mut item: Result<Record, InputError>) {
        if let Ok(r) = &mut item {
            r.seq = self.seq;
        }
        self.seq += 1;
        self.pending.push_back(item);
    }

    /// Opens the next source: a text dump is read at once; a JSONL source becomes `current`.
    fn open(&mut self, src: Source) {
        let index = self.opened;
        self.opened += 1;
        if src.is_skipped() {
            if let Some(p) = src.problem {
                self.warnings.push(p);
            }
            return;
        }
        if let Some(p) = src.problem {
            return self.push(Err(p));
        }
        let err = |kind, msg: String| InputError::new(&src.display, None, kind, msg);
        if src.path.is_dir() {
            // a directory named explicitly is walked by discover; one reaching here is odd
            return self.push(Err(err("unreadable", "is a directory".into())));
        }
        let (format, comp) = format_of(&src, self.opts.format);
        if let Some(damage) = self.reuse.as_ref().and_then(|u| u.damage(index)) {
            return self.push(Err(err(
                "corrupt-archive",
                format!(
                    "archive corrupt: {damage}; none of its records are used, since what came \
                     out before the fault may be damaged{SKIPPED}"
                ),
            )));
        }
        let kept = match (&self.reuse, &self.keep) {
            (Some(u), _) => u.take(index),
            // decompressed ahead by `decompress_ahead` (the store keeps it for the next reading)
            (None, Some(u)) => u.wait_peek(index),
            (None, None) => None,
        };
        let opened = match kept {
            Some((kept, comp)) => Ok((Box::new(kept) as Reader, comp)),
            None => open_reader(&src, comp, self.keep.as_ref().map(|u| (u, index))),
        };
        let (mut reader, comp) = match opened {
            Ok(r) => r,
            Err(e) => return self.push(Err(e)),
        };
        let head = match reader.fill_buf() {
            Ok(h) => h,
            Err(e) => return self.push(Err(read_error(&src.display, None, comp, e, false))),
        };
        if looks_binary(head, format) {
            return self.push(Err(err(
                "binary",
                format!(
                    "binary file (NUL and control bytes are more than 1% of its first 8 KiB)\
                     {SKIPPED}"
                ),
            )));
        }
        let sniffed = decode::sniff(head);
        let read_as = match format {
            Format::Sniff => TextBy::Sniff,
            _ if self.opts.format == InputFormat::Auto => TextBy::Name,
            _ => TextBy::Flag,
        };
        let format = match format {
            Format::Sniff if sniff_jsonl(head) => Format::Jsonl,
            Format::Sniff => Format::Text,
            f => f,
        };
        if format == Format::Text {
            self.warnings
                .extend(format_hint(head, read_as, &src.display));
            if let decode::Sniff::Utf16WithoutBom(enc) = sniffed {
                self.warnings.push(utf16_without_bom(&src.display, enc));
            }
        }
        match format {
            Format::Jsonl => {
                if decode::wide_encoding(head).is_some() {
                    return self.push(Err(err(
                        "unsupported-encoding",
                        "UTF-16 or UTF-32 JSONL is not supported; convert it to UTF-8 \
                         (`iconv -t UTF-8`)"
                            .into(),
                    )));
                }
                if let Some(e) = spread_document(head, &src.display) {
                    return self.push(Err(e));
                }
                self.current = Some(JsonlReader::new(src.display, reader, comp));
            }
            _ => {
                let item = read_text(&src.display, reader, comp, &self.opts, sniffed);
                let item = item.map(|(r, repairs, nuls)| {
                    self.warnings.extend(repairs.warning(&src.display));
                    self.warnings.extend(nuls.nul_warning(&src.display));
                    r
                });
                self.push(item);
            }
        }
    }

    /// Advances the current JSONL source by one record (or error), or closes it at its end.
    fn step_jsonl(&mut self) {
        let Some(cur) = self.current.as_mut() else {
            return;
        };
        let max = self.opts.max_record_bytes;
        let (item, done) = loop {
            match cur.next_line(max) {
                Line::Eof => {
                    let item = (cur.records == 0).then(|| Err(no_records(&cur.display)));
                    break (item, true);
                }
                Line::Fault(e) => break (Some(Err(e)), true),
                Line::TooLong(n) => {
                    cur.records += 1;
                    let e = line_too_long(&cur.display, cur.line, n, max);
                    break (Some(Err(e)), false);
                }
                Line::Ok => {
                    if is_blank_jsonl_line(&cur.buf, cur.line) {
                        continue;
                    }
                    cur.records += 1;
                    let bytes = if cur.line == 1 {
                        cur.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&cur.buf)
                    } else {
                        &cur.buf[..]
                    };
                    let item = parse_jsonl_line(bytes, &cur.display, cur.line, 0, &self.opts);
                    let item = item.map(|p| {
                        cur.repaired.add(cur.line, p.record.repaired_utf8);
                        cur.ids.add(p.had_id);
                        if p.had_id {
                            let w = duplicate_id(&mut self.seen_ids, &cur.display, cur.line, &p);
                            self.warnings.extend(w);
                        }
                        p.record
                    });
                    break (Some(item), false);
                }
            }
        };
        if done {
            let cur = self.current.take().expect("a current source");
            self.warnings.extend(cur.repaired.warning(&cur.display));
            self.warnings
                .extend(cur.ids.warning(&cur.display, &self.opts));
        }
        if let Some(item) = item {
            self.push(item);
        }
    }
}

/// Whether JSONL line `line` (1-based) holds no record: only whitespace, after the UTF-8 byte
/// order mark a file's first line may start with.
fn is_blank_jsonl_line(buf: &[u8], line: usize) -> bool {
    let bytes = match line {
        1 => buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf),
        _ => buf,
    };
    bytes.iter().all(|b| b.is_ascii_whitespace())
}

/// An item of [`Records::next_raw`]: a JSONL line not parsed yet, or a record read whole.
pub enum RawItem {
    /// A non-blank JSONL line (BOM stripped), for [`parse_jsonl_line`] on any thread.
    Line {
        display: std::sync::Arc<str>,
        line: usize,
        bytes: Vec<u8>,
    },
    Record(Record),
    /// A failure of the data (not an empty input), when [`Records::with_raw_failures`] asked
    /// for them: `--strict` stops a two-pass run on the first one pass 1 meets.
    Failure(InputError),
}

impl Records {
    /// Like `next`, but JSONL lines come out unparsed (so that parsing and normalising can run
    /// in parallel), and errors and warnings are dropped: for a pass that only needs the
    /// records that parse (learning boilerplate), whose errors the main pass reports.
    pub fn next_raw(&mut self) -> Option<RawItem> {
        loop {
            if let Some(r) = self.pending.pop_front() {
                match r {
                    Ok(r) => return Some(RawItem::Record(r)),
                    Err(e) if self.raw_failures && is_data_failure(e.kind) => {
                        return Some(RawItem::Failure(e))
                    }
                    Err(_) => continue,
                }
            }
            if let Some(cur) = self.current.as_mut() {
                let max = self.opts.max_record_bytes;
                match cur.next_line(max) {
                    Line::Eof => self.current = None,
                    Line::Fault(e) => {
                        self.current = None;
                        if self.raw_failures && is_data_failure(e.kind) {
                            return Some(RawItem::Failure(e));
                        }
                    }
                    Line::TooLong(n) => {
                        if self.raw_failures {
                            let e = line_too_long(&cur.display, cur.line, n, max);
                            return Some(RawItem::Failure(e));
                        }
                    }
                    Line::Ok => {
                        if is_blank_jsonl_line(&cur.buf, cur.line) {
                            continue;
                        }
                        let mut bytes = std::mem::take(&mut cur.buf);
                        if cur.line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
                            bytes.drain(..3);
                        }
                        let display = match &self.raw_display {
                            Some(d) if **d == *cur.display => d.clone(),
                            _ => {
                                let d: std::sync::Arc<str> = cur.display.as_str().into();
                                self.raw_display = Some(d.clone());
                                d
                            }
                        };
                        return Some(RawItem::Line {
                            display,
                            line: cur.line,
                            bytes,
                        });
                    }
                }
                continue;
            }
            let src = self.sources.next()?;
            self.open(src);
        }
    }
}

/// An event of [`Records::next_event`]: the reading of [`Records`]'s `next` with the JSONL
/// lines left unparsed. [`Parallel`] parses them on a pool and replays the rest in order.
pub enum RawEvent {
    /// A non-blank JSONL line (BOM stripped).
    Line {
        display: std::sync::Arc<str>,
        line: usize,
        bytes: Vec<u8>,
    },
    /// A record read whole (a text dump) or an error, sequence number not yet given.
    Item(Result<Record, InputError>),
    /// A warning met before the next item.
    Warning(InputError),
    /// A JSONL source ended (at its end or at a read fault), before the fault's error.
    End { display: std::sync::Arc<str> },
}

impl RawEvent {
    /// Input bytes the event holds (for sizing chunks).
    pub fn bytes(&self) -> usize {
        match self {
            RawEvent::Line { bytes, .. } => bytes.len(),
            RawEvent::Item(Ok(r)) => r.text.len(),
            _ => 0,
        }
    }
}

impl Records {
    fn shared_display(&mut self) -> std::sync::Arc<str> {
        let cur = self.current.as_ref().expect("a current source");
        match &self.raw_display {
            Some(d) if **d == *cur.display => d.clone(),
            _ => {
                let d: std::sync::Arc<str> = cur.display.as_str().into();
                self.raw_display = Some(d.clone());
                d
            }
        }
    }

    /// The next event of the reading, in the order `next` meets them; `None` at the end.
    pub fn next_event(&mut self) -> Option<RawEvent> {
        loop {
            if let Some(w) = (!self.warnings.is_empty()).then(|| self.warnings.remove(0)) {
                return Some(RawEvent::Warning(w));
            }
            if let Some(r) = self.pending.pop_front() {
                return Some(RawEvent::Item(r));
            }
            if let Some(cur) = self.current.as_mut() {
                let max = self.opts.max_record_bytes;
                match cur.next_line(max) {
                    Line::Eof => {
                        if cur.records == 0 {
                            self.pending.push_back(Err(no_records(&cur.display)));
                        }
                        let display = self.shared_display();
                        self.current = None;
                        return Some(RawEvent::End { display });
                    }
                    Line::Fault(e) => {
                        self.pending.push_back(Err(e));
                        let display = self.shared_display();
                        self.current = None;
                        return Some(RawEvent::End { display });
                    }
                    Line::TooLong(n) => {
                        cur.records += 1;
                        let e = line_too_long(&cur.display, cur.line, n, max);
                        return Some(RawEvent::Item(Err(e)));
                    }
                    Line::Ok => {
                        if is_blank_jsonl_line(&cur.buf, cur.line) {
                            continue;
                        }
                        cur.records += 1;
                        let line = cur.line;
                        let mut bytes = std::mem::take(&mut cur.buf);
                        if line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
                            bytes.drain(..3);
                        }
                        let display = self.shared_display();
                        return Some(RawEvent::Line {
                            display,
                            line,
                            bytes,
                        });
                    }
                }
            }
            let src = self.sources.next()?;
            self.open(src);
        }
    }
}

/// The records of [`Records`], the same items and warnings at the same points, with the JSONL
/// lines parsed and normalised in parallel: the reading ([`Records::next_event`], on another
/// thread) sends chunks of events; each chunk is parsed on `pool`, then replayed in input order
/// (sequence numbers, duplicate ids, repaired-UTF-8 counts per file).
pub struct Parallel<'a> {
    chunks: std::sync::mpsc::Receiver<Vec<RawEvent>>,
    pool: &'a rayon::ThreadPool,
    opts: InputOptions,
    ready: VecDeque<Ready>,
    seq: u64,
    seen_ids: SeenIds,
    repaired: Repairs,
    ids: IdFieldSeen,
    warnings: Vec<InputError>,
}

enum Ready {
    Line {
        display: std::sync::Arc<str>,
        line: usize,
        parsed: Result<Parsed, InputError>,
    },
    Other(RawEvent),
}

impl<'a> Parallel<'a> {
    pub fn new(
        chunks: std::sync::mpsc::Receiver<Vec<RawEvent>>,
        pool: &'a rayon::ThreadPool,
        opts: InputOptions,
    ) -> Self {
        Parallel {
            chunks,
            pool,
            opts,
            ready: VecDeque::new(),
            seq: 0,
            seen_ids: Default::default(),
            repaired: Repairs::default(),
            ids: IdFieldSeen::default(),
            warnings: Vec::new(),
        }
    }

    /// Like [`Records::take_warnings`].
    pub fn take_warnings(&mut self) -> Vec<InputError> {
        std::mem::take(&mut self.warnings)
    }

    fn refill(&mut self) -> bool {
        let Ok(chunk) = self.chunks.recv() else {
            return false;
        };
        let opts = &self.opts;
        let parsed: Vec<Ready> = self.pool.install(|| {
            use rayon::prelude::*;
            chunk
                .into_par_iter()
                .map(|ev| match ev {
                    RawEvent::Line {
                        display,
                        line,
                        bytes,
                    } => {
                        let parsed = parse_jsonl_line(&bytes, &display, line, 0, opts);
                        Ready::Line {
                            display,
                            line,
                            parsed,
                        }
                    }
                    other => Ready::Other(other),
                })
                .collect()
        });
        self.ready.extend(parsed);
        true
    }

    fn numbered(&mut self, mut item: Result<Record, InputError>) -> Result<Record, InputError> {
        if let Ok(r) = &mut item {
            r.seq = self.seq;
        }
        self.seq += 1;
        item
    }
}

impl Iterator for Parallel<'_> {
    type Item = Result<Record, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some(ev) = self.ready.pop_front() else {
                if !self.refill() {
                    return None;
                }
                continue;
            };
            match ev {
                Ready::Other(RawEvent::Warning(w)) => self.warnings.push(w),
                Ready::Other(RawEvent::End { display }) => {
                    let repaired = std::mem::take(&mut self.repaired);
                    self.warnings.extend(repaired.warning(&display));
                    let ids = std::mem::take(&mut self.ids);
                    self.warnings.extend(ids.warning(&display, &self.opts));
                }
                Ready::Other(RawEvent::Item(item)) => return Some(self.numbered(item)),
                Ready::Other(RawEvent::Line { .. }) => unreachable!("lines are parsed"),
                Ready::Line {
                    display,
                    line,
                    parsed,
                } => {
                    let item = parsed.map(|p| {
                        self.repaired.add(line, p.record.repaired_utf8);
                        self.ids.add(p.had_id);
                        if p.had_id {
                            let w = duplicate_id(&mut self.seen_ids, &display, line, &p);
                            self.warnings.extend(w);
                        }
                        p.record
                    });
                    return Some(self.numbered(item));
                }
            }
        }
    }
}

/// Whether a JSONL source's records carry the id field: when `--id-field` names a field that no
/// record of a source has (a typo, or the text field), one `missing-id-field` warning at the
/// source's end says the ids fall back to `<path>:<line>`.
#[derive(Debug, Default)]
struct IdFieldSeen {
    records: usize,
    with_id: usize,
}

impl IdFieldSeen {
    fn add(&mut self, had_id: bool) {
        self.records += 1;
        self.with_id += usize::from(had_id);
    }

    /// The warning, when the field was chosen (not the default `id`) and no record had it.
    fn warning(&self, display: &str, opts: &InputOptions) -> Option<InputError> {
        (self.records > 0 && self.with_id == 0 && opts.id_field != "id").then(|| {
            InputError::new(
                display,
                None,
                "missing-id-field",
                format!(
                    "no record has the field {:?} that --id-field names{}; their ids are \
                     <path>:<line>",
                    opts.id_field,
                    if opts.id_field == opts.text_field {
                        " (it is also --text-field, which takes it)"
                    } else {
                        ""
                    }
                ),
            )
        })
    }
}

/// The invalid UTF-8 repaired in one source: the sequences replaced and the lines they were on,
/// for one `repaired-utf8` warning per file that names the first such line.
#[derive(Debug, Default)]
struct Repairs {
    sequences: usize,
    /// Lines holding a replaced sequence (0 when unknown: UTF-16 input).
    lines: usize,
    /// The first [`Repairs::SHOWN`] of those lines.
    first: Vec<usize>,
}

impl Repairs {
    /// Line numbers named in the warning.
    const SHOWN: usize = 5;

    /// Counts `n` sequences replaced on `line` (lines come in order).
    fn add(&mut self, line: usize, n: usize) {
        if n == 0 {
            return;
        }
        self.sequences += n;
        if self.first.last() != Some(&line) && self.lines < usize::MAX {
            self.lines += 1;
            if self.first.len() < Self::SHOWN {
                self.first.push(line);
            }
        }
    }

    /// The repairs of a text dump: the sequences `decode` replaced in `bytes` (`n` of them), on
    /// the dump's lines (ended by LF, CRLF, a lone CR, or the other breaks reading ends a line
    /// at, form feed, NEL, U+2028 and the rest, as the report counts them: [`line_ends`]).
    /// UTF-16 and UTF-32 input (`wide`) keeps its count without lines.
    fn in_text(bytes: &[u8], n: usize, wide: bool) -> Repairs {
        let mut r = Repairs::default();
        if n == 0 {
            return r;
        }
        if wide {
            r.sequences = n;
            return r;
        }
        let mut line = 1;
        for chunk in bytes.utf8_chunks() {
            line += line_ends(chunk.valid());
            if !chunk.invalid().is_empty() {
                r.add(line, 1);
            }
        }
        r
    }

    /// The NUL bytes of a text dump (reading drops them), counted as [`Repairs::in_text`]
    /// counts invalid sequences, on the lines the report counts. Only a dump that holds one
    /// is read through again.
    fn nul_bytes_in_text(bytes: &[u8]) -> Repairs {
        let mut r = Repairs::default();
        if memchr::memchr(0, bytes).is_none() {
            return r;
        }
        let mut line = 1;
        for chunk in bytes.utf8_chunks() {
            let v = chunk.valid();
            let mut from = 0;
            for at in memchr::memchr_iter(0, v.as_bytes()) {
                line += line_ends(&v[from..at]);
                r.add(line, 1);
                from = at;
            }
            line += line_ends(&v[from..]);
        }
        r
    }

    /// ` on N lines (a, b, ...)` when the count is on several lines, else nothing.
    fn lines_note(&self) -> String {
        if self.lines <= 1 {
            return String::new();
        }
        let shown: Vec<String> = self.first.iter().map(usize::to_string).collect();
        let more = if self.lines > shown.len() {
            ", ..."
        } else {
            ""
        };
        format!(" on {} lines ({}{more})", self.lines, shown.join(", "))
    }

    /// The `nul-bytes` warning of [`Repairs::nul_bytes_in_text`]'s count, at the first line.
    fn nul_warning(&self, display: &str) -> Option<InputError> {
        (self.sequences > 0).then(|| {
            InputError::new(
                display,
                self.first.first().copied(),
                "nul-bytes",
                format!(
                    "{} NUL byte(s){} dropped: read as text with a few stray NULs (a file \
                     whose first 8 KiB are more than 1% NUL and control bytes is binary)",
                    self.sequences,
                    self.lines_note()
                ),
            )
        })
    }

    /// The warning, at the first line repaired: `N invalid UTF-8 sequence(s) repaired: ...`, and
    /// when several lines hold them, how many and which (the first few), before `repaired`.
    fn warning(&self, display: &str) -> Option<InputError> {
        if self.sequences == 0 {
            return None;
        }
        let mut message = format!("{} invalid UTF-8 sequence(s)", self.sequences);
        message.push_str(&self.lines_note());
        message.push_str(
            " repaired: a line that reads as Windows-1252 is decoded so, other bytes become U+FFFD",
        );
        Some(InputError::new(
            display,
            self.first.first().copied(),
            "repaired-utf8",
            message,
        ))
    }
}

impl Iterator for Records {
    type Item = Result<Record, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.pending.pop_front() {
                return Some(r);
            }
            if self.current.is_some() {
                self.step_jsonl();
                continue;
            }
            let src = self.sources.next()?;
            self.open(src);
        }
    }
}

type Reader = Box<dyn BufRead + Send>;

/// Opens a source for reading, decompressing it when its first bytes (of the first read) are a
/// gzip or zstd magic number, else as `comp` (from its name) says. Returns the reader and the
/// compression used. With `keep`, what a decompressor yields is kept in that store under that
/// index.
fn open_reader(
    src: &Source,
    comp: Compression,
    keep: Option<(&unpacked::Unpacked, usize)>,
) -> Result<(Reader, Compression), InputError> {
    let raw: Box<dyn Read + Send> = if src.path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        match std::fs::File::open(&src.path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                return Err(InputError::new(
                    &src.display,
                    None,
                    "unreadable",
                    format!("cannot open: {e}"),
                ))
            }
        }
    };
    let mut raw = HeadFilled::new(raw);
    let magic = raw
        .fill_buf()
        .map_err(|e| read_error(&src.display, None, Compression::None, e, false))?;
    let comp = if magic.starts_with(GZIP_MAGIC) {
        Compression::Gzip
    } else if starts_like_zstd(magic) {
        Compression::Zstd
    } else {
        comp
    };
    if let Some(e) = fake_archive(&src.display, comp, magic) {
        return Err(e);
    }
    let dec: Box<dyn Read + Send> = match comp {
        Compression::None => return Ok((Box::new(raw), comp)),
        Compression::Gzip => Box::new(GzipMembers::new(raw)),
        Compression::Zstd => match ZstdFrames::new(raw) {
            Ok(d) => Box::new(d),
            Err(e) => {
                return Err(InputError::new(
                    &src.display,
                    None,
                    "invalid-zstd",
                    format!("not a zstd stream: {e}"),
                ))
            }
        },
    };
    let dec = match keep {
        Some((store, index)) => Box::new(store.keep(index, dec, comp)),
        None => dec,
    };
    Ok((Box::new(HeadFilled::new(dec)), comp))
}

/// A buffered reader whose first [`BufRead::fill_buf`] reads until it holds [`HEAD_BYTES`] or
/// the input ends. A pipe's first read may hold a few bytes or one short line, and what the
/// head decides (compression, binary, JSONL or text, the encoding) must not depend on how the
/// writer's bytes happened to arrive: the same input gives the same head, so the same output.
/// A read error while filling the head comes after the bytes read before it, as it would have
/// without the filling. After the head it reads as a [`BufReader`] does.
struct HeadFilled<R: Read> {
    /// The head, once read (`None` before the first `fill_buf`); emptied once consumed.
    head: Option<Vec<u8>>,
    /// How much of the head has been consumed.
    pos: usize,
    /// A read error met while filling the head, returned once the head is consumed.
    error: Option<std::io::Error>,
    rest: BufReader<R>,
}

impl<R: Read> HeadFilled<R> {
    fn new(inner: R) -> Self {
        HeadFilled {
            head: None,
            pos: 0,
            error: None,
            rest: BufReader::with_capacity(64 * 1024, inner),
        }
    }

    /// Reads the head: until [`HEAD_BYTES`], the end, or an error (kept for later when some
    /// bytes came before it).
    fn read_head(&mut self) -> std::io::Result<()> {
        let mut head = Vec::with_capacity(HEAD_BYTES);
        let mut chunk = [0u8; 8192];
        while head.len() < HEAD_BYTES {
            let room = (HEAD_BYTES - head.len()).min(chunk.len());
            match self.rest.read(&mut chunk[..room]) {
                Ok(0) => break,
                Ok(n) => head.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if head.is_empty() => return Err(e),
                Err(e) => {
                    self.error = Some(e);
                    break;
                }
            }
        }
        self.head = Some(head);
        Ok(())
    }
}

impl<R: Read> Read for HeadFilled<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let avail = self.fill_buf()?;
            let n = avail.len().min(buf.len());
            buf[..n].copy_from_slice(&avail[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for HeadFilled<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.head.is_none() {
            self.read_head()?;
        }
        let head_left = self.head.as_ref().is_some_and(|h| self.pos < h.len());
        if head_left {
            let h = self.head.as_deref().unwrap_or_default();
            return Ok(&h[self.pos..]);
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.rest.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        match &mut self.head {
            Some(h) if self.pos < h.len() => {
                self.pos = (self.pos + amt).min(h.len());
                if self.pos == h.len() {
                    // the head is spent: free it
                    *h = Vec::new();
                    self.pos = 0;
                }
            }
            _ => self.rest.consume(amt),
        }
    }
}

/// Bytes the reading takes from a source first, to tell its compression, whether it is binary
/// and its format (the buffer of [`open_reader`]).
pub const HEAD_BYTES: usize = 64 * 1024;

/// How much of an uncompressed source starting with `head` (its first [`HEAD_BYTES`], or all
/// of a shorter one) the reading can use: a binary source is refused on its head, and a text
/// dump is read up to one byte past `--max-record-bytes` (a longer one is `too-large`
/// whatever follows). `None` when it may use all of it: JSONL, or compressed data. A source
/// that can be read only once is copied that far for a second reading, and no further.
pub fn readable_prefix(src: &Source, head: &[u8], opts: &InputOptions) -> Option<usize> {
    let (_, comp) = format_of(src, opts.format);
    if comp != Compression::None || is_compressed(head) {
        return None;
    }
    readable_text(src, head, opts)
}

/// Whether `head` starts a gzip stream or a zstd frame.
pub fn is_compressed(head: &[u8]) -> bool {
    head.starts_with(GZIP_MAGIC) || starts_like_zstd(head)
}

/// [`readable_prefix`] for the decompressed data of a source: how much of the data starting
/// with `head` the reading can use, `None` for all of it (JSONL).
pub fn readable_text(src: &Source, head: &[u8], opts: &InputOptions) -> Option<usize> {
    let (format, _) = format_of(src, opts.format);
    if looks_binary(head, format) {
        return Some(head.len());
    }
    let text = match format {
        Format::Sniff => !sniff_jsonl(head),
        f => f == Format::Text,
    };
    text.then(|| opts.max_record_bytes.saturating_add(1))
}

/// The first bytes of a gzip stream and of a zstd frame: how compressed data is told.
pub const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
pub const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// Whether `head` starts a zstd stream: a zstd frame, or a skippable frame (magic
/// 0x184D2A50..=0x184D2A5F, little-endian), which `pzstd` and seekable-format writers put first
/// and every zstd decoder passes over.
pub fn starts_like_zstd(head: &[u8]) -> bool {
    head.starts_with(ZSTD_MAGIC)
        || (head.len() >= 4 && head[0] & 0xF0 == 0x50 && head[1..4] == [0x2A, 0x4D, 0x18])
}

/// A gzip stream of one or more members (as `cat a.gz b.gz` makes), read as one; zero bytes
/// after the last member (padding that tape and block tools add) end it as `gzip -d` does, and
/// other bytes there end it with a [`TrailingData`] error: what came out before is sound.
pub struct GzipMembers<R: BufRead> {
    member: Option<flate2::bufread::GzDecoder<R>>,
}

impl<R: BufRead> GzipMembers<R> {
    pub fn new(r: R) -> Self {
        GzipMembers {
            member: Some(flate2::bufread::GzDecoder::new(r)),
        }
    }
}

impl<R: BufRead> Read for GzipMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            let Some(member) = self.member.as_mut() else {
                return Ok(0);
            };
            let n = member.read(buf)?;
            if n > 0 {
                return Ok(n);
            }
            // this member ended: a next member, zero padding to the end, or the end
            let mut rest = self.member.take().expect("a member").into_inner();
            if another_follows(&mut rest, |b| b == GZIP_MAGIC[0], "gzip")? {
                self.member = Some(flate2::bufread::GzDecoder::new(rest));
            }
        }
    }
}

/// A zstd stream of one or more frames (skippable ones included), read as one; what follows
/// the last frame is read as [`GzipMembers`] reads what follows the last member.
pub struct ZstdFrames<R: BufRead> {
    frame: Option<zstd::stream::read::Decoder<'static, R>>,
}

impl<R: BufRead> ZstdFrames<R> {
    pub fn new(r: R) -> std::io::Result<Self> {
        Ok(ZstdFrames {
            frame: Some(zstd::stream::read::Decoder::with_buffer(r)?.single_frame()),
        })
    }
}

impl<R: BufRead> Read for ZstdFrames<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            let Some(frame) = self.frame.as_mut() else {
                return Ok(0);
            };
            let n = frame.read(buf)?;
            if n > 0 {
                return Ok(n);
            }
            let mut rest = self.frame.take().expect("a frame").finish();
            // a frame (28 b5 2f fd) or a skippable frame (5? 2a 4d 18) starts with these
            let starts_a_frame = |b: u8| b == ZSTD_MAGIC[0] || b & 0xF0 == 0x50;
            if another_follows(&mut rest, starts_a_frame, "zstd")? {
                self.frame = Some(zstd::stream::read::Decoder::with_buffer(rest)?.single_frame());
            }
        }
    }
}

/// After a compressed member or frame has ended (its checksum held): whether another one
/// starts (its first byte passes `starts`). Zero bytes to the end are padding, read past;
/// anything else is a [`TrailingData`] error.
fn another_follows<R: BufRead>(
    rest: &mut R,
    starts: impl Fn(u8) -> bool,
    format: &'static str,
) -> std::io::Result<bool> {
    let head = rest.fill_buf()?;
    match head.first() {
        None => return Ok(false),
        Some(&b) if starts(b) => return Ok(true),
        Some(_) => {}
    }
    loop {
        let head = rest.fill_buf()?;
        if head.is_empty() {
            return Ok(false);
        }
        if head.iter().any(|&b| b != 0) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                TrailingData { format },
            ));
        }
        let n = head.len();
        rest.consume(n);
    }
}

/// Bytes after the end of a compressed stream that are neither another member or frame nor zero
/// padding (an appended line, an error page at a download's tail). What came out before is
/// sound (its checksums held), so it is used; `gzip -d` says "trailing garbage ignored" too.
#[derive(Debug)]
pub(crate) struct TrailingData {
    format: &'static str,
}

impl std::fmt::Display for TrailingData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "bytes after the end of the {} data are not {} data; they are ignored, and the \
             records before them are used (their checksums held)",
            self.format, self.format
        )
    }
}

impl std::error::Error for TrailingData {}

/// Whether `e` is a [`TrailingData`] error.
fn is_trailing_data(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|i| i.is::<TrailingData>())
}

/// Whether a decompressor error means damaged data (a corrupt block, a checksum mismatch), as
/// opposed to an archive cut short, whose output up to the cut is sound.
pub(crate) fn is_damage(e: &std::io::Error) -> bool {
    e.kind() != std::io::ErrorKind::UnexpectedEof && !is_trailing_data(e)
}

/// A JSONL input that ended without a record (stdin is `-`).
fn no_records(display: &str) -> InputError {
    let what = if display == "-" {
        "no records: stdin was empty or held only blank lines"
    } else {
        "no records: the file is empty or holds only blank lines"
    };
    InputError::new(display, None, "empty", what)
}

/// The `invalid-gzip`/`invalid-zstd` error of a source read as `comp` (by its name) whose first
/// bytes are not that format's magic number, however short it is: a decompressor would call a
/// file shorter than a header truncated, though it never was an archive. An empty file is
/// `empty`, as an empty text file is; one holding only the start of the magic number is left
/// to the decompressor (truncated).
fn fake_archive(display: &str, comp: Compression, head: &[u8]) -> Option<InputError> {
    let (magic, kind, what) = match comp {
        Compression::None => return None,
        Compression::Gzip => (GZIP_MAGIC, "invalid-gzip", "gzip"),
        Compression::Zstd => (ZSTD_MAGIC, "invalid-zstd", "zstd"),
    };
    if comp == Compression::Zstd && starts_like_zstd(head) {
        return None;
    }
    if head.is_empty() {
        return Some(InputError::new(
            display,
            None,
            "empty",
            format!("empty file (no {what} stream in it)"),
        ));
    }
    let n = head.len().min(magic.len());
    (n > 0 && head[..n] != magic[..n]).then(|| {
        let hex: Vec<String> = magic.iter().map(|b| format!("{b:02x}")).collect();
        InputError::new(
            display,
            None,
            kind,
            format!(
                "not a valid {what} stream: it does not start with the {what} magic bytes ({})",
                hex.join(" ")
            ),
        )
    })
}

/// Decompresses source `index` of the list ahead of a reading of it that keeps decompressed
/// sources in `store` ([`Records::keep_decompressed`]): its bytes go to the store as that
/// reading's would, and that reading then reads them from there. Sources that are not
/// compressed, do not fit the store's room, or fail to open or read are left alone: the reading
/// opens them as usual (and meets the same errors). Call it with a promise of the source
/// ([`unpacked::Unpacked::promise`]) held until it returns.
pub(crate) fn decompress_ahead(
    src: &Source,
    index: usize,
    format: InputFormat,
    store: &unpacked::Unpacked,
) {
    if src.problem.is_some() || src.path.as_os_str() == "-" || src.path.is_dir() {
        return;
    }
    let (_, comp) = format_of(src, format);
    let room = store.room();
    let Ok((mut reader, Compression::Gzip | Compression::Zstd)) =
        open_reader(src, comp, Some((store, index)))
    else {
        return;
    };
    // read as the reading would, through the same 64 KiB buffer (the store keeps the length
    // of the first read); give up once the bytes cannot fit
    let mut seen = 0usize;
    loop {
        let n = match reader.fill_buf() {
            Ok([]) | Err(_) => return,
            Ok(chunk) => chunk.len(),
        };
        reader.consume(n);
        seen += n;
        if seen > room {
            return;
        }
    }
}

/// Classifies a read error: plain I/O is `unreadable`; a decompressor meeting an early end is a
/// truncated archive, one failing otherwise before any output a fake archive, after some a
/// corrupt one.
fn read_error(
    display: &str,
    line: Option<usize>,
    comp: Compression,
    e: std::io::Error,
    any_output: bool,
) -> InputError {
    let (kind, what) = match comp {
        Compression::None => ("unreadable", "read error"),
        _ if is_trailing_data(&e) => {
            return InputError::new(display, line, "trailing-data", e.to_string());
        }
        _ if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            ("truncated-archive", "archive truncated")
        }
        _ if any_output => (
            "corrupt-archive",
            "archive corrupt (the records before this point came out of it and may be damaged)",
        ),
        Compression::Gzip => ("invalid-gzip", "not a valid gzip stream"),
        Compression::Zstd => ("invalid-zstd", "not a valid zstd stream"),
    };
    InputError::new(display, line, kind, format!("{what}: {e}"))
}

/// Whether a source of `format` starting with `head` is binary, not text: NUL bytes near the
/// start. A JSONL source (named, forced or sniffed as one) whose head starts with a JSON
/// object is not: a NUL byte there is one bad record, named at its line like any other.
fn looks_binary(head: &[u8], format: Format) -> bool {
    if !decode::looks_binary(head) {
        return false;
    }
    let jsonl = match format {
        Format::Jsonl => true,
        Format::Sniff => sniff_jsonl(head),
        Format::Text => false,
    };
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    !(jsonl && body.trim_ascii_start().starts_with(b"{"))
}

/// A warning for a source read as a text dump that looks like something else: JSONL in a file
/// whose name made it a text dump (`records.txt`: it opens with JSON objects), or in a sniffed
/// source whose first line is a broken record while too few lines after it are records
/// ([`text_looks_like_jsonl`]), or an HTML page (it opens with `<!DOCTYPE html`, `<html`, `<head` or
/// `<body`, any case), whose markup would be cleaned as text. The source is still read.
fn format_hint(head: &[u8], read_as: TextBy, display: &str) -> Option<InputError> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let body = head.trim_ascii_start();
    // the line the markup or the object opens on
    let line = 1 + memchr::memchr_iter(b'\n', &head[..head.len() - body.len()]).count();
    let opens = |tag: &[u8]| body.len() >= tag.len() && body[..tag.len()].eq_ignore_ascii_case(tag);
    if [&b"<!doctype html"[..], b"<html", b"<head", b"<body"]
        .iter()
        .any(|t| opens(t))
    {
        return Some(InputError::new(
            display,
            Some(line),
            "looks-like-html",
            "read as a text dump, but it is HTML markup: deboil cleans text extracted from \
             pages, so the tags are cleaned as text; extract the text first",
        ));
    }
    let hint = |why: &str| {
        Some(InputError::new(
            display,
            Some(line),
            "looks-like-jsonl",
            why,
        ))
    };
    match read_as {
        TextBy::Name if sniff_jsonl(head) || text_looks_like_jsonl(head) => hint(
            "read as a text dump by its name, but it opens with JSON objects, one a line; if \
             it is JSONL, give --input-format jsonl (or name it .jsonl)",
        ),
        TextBy::Sniff if text_looks_like_jsonl(head) => hint(
            "read as a text dump: its first line opens like a JSON object, but too few of its \
             first lines are JSON records to read it as JSONL; if it is JSONL, give \
             --input-format jsonl (each bad record then fails at its line)",
        ),
        _ => None,
    }
}

/// Why a source is read as a text dump, for [`format_hint`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextBy {
    /// Its name (`records.txt`), with `--input-format auto`.
    Name,
    /// Its first lines ([`sniff_jsonl`]): stdin, a file without an extension.
    Sniff,
    /// `--input-format text`.
    Flag,
}

/// The warning of a text dump read as UTF-16 without a byte-order mark (see [`decode::sniff`]).
fn utf16_without_bom(display: &str, enc: decode::Bom) -> InputError {
    let name = if enc == decode::Bom::Utf16Be {
        "UTF-16BE"
    } else {
        "UTF-16LE"
    };
    InputError::new(
        display,
        Some(1),
        "utf16-without-bom",
        format!(
            "read as {name} without a byte-order mark (NUL bytes every other byte); if that is \
             wrong, convert it to UTF-8 first (`iconv -f ... -t UTF-8`)"
        ),
    )
}

/// The line breaks in `s` as reading counts lines: LF, CRLF (once), a lone CR and the other
/// breaks ([`normalize::is_other_line_break`]).
fn line_ends(s: &str) -> usize {
    let v = s.as_bytes();
    let crlf = memchr::memchr2_iter(b'\n', b'\r', v)
        .filter(|&i| v[i] == b'\n' || v.get(i + 1) != Some(&b'\n'))
        .count();
    crlf + s
        .chars()
        .filter(|&c| normalize::is_other_line_break(c))
        .count()
}

/// Reads a whole text dump (capped) into one record, with the invalid UTF-8 it repaired and the
/// NUL bytes it dropped; `sniffed` is what its first bytes said ([`decode::sniff`]).
fn read_text(
    display: &str,
    reader: Reader,
    comp: Compression,
    opts: &InputOptions,
    sniffed: decode::Sniff,
) -> Result<(Record, Repairs, Repairs), InputError> {
    let mut bytes = Vec::new();
    let limit = opts.max_record_bytes as u64;
    if let Err(e) = reader.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
        return Err(read_error(display, None, comp, e, !bytes.is_empty()));
    }
    if bytes.len() as u64 > limit {
        return Err(InputError::new(
            display,
            None,
            "too-large",
            format!(
                "text dump larger than {} bytes{SKIPPED}",
                opts.max_record_bytes
            ),
        ));
    }
    let (text, repaired) = decode::decode_sniffed(&bytes, sniffed);
    let (text, narrow_gaps) = normalize::normalize_marking_narrow_gaps(&text);
    let wide = decode::bom(&bytes).is_wide() || sniffed != decode::Sniff::Text;
    let repairs = Repairs::in_text(&bytes, repaired, wide);
    let nuls = if wide {
        Repairs::default()
    } else {
        Repairs::nul_bytes_in_text(&bytes)
    };
    if opts.strict_utf8 && repaired > 0 {
        return Err(not_utf8(display, repairs.first.first().copied(), repaired));
    }
    if text.trim().is_empty() {
        return Err(InputError::new(
            display,
            None,
            "empty",
            match (display == "-", bytes.is_empty()) {
                (false, true) => "empty file",
                (false, false) => "file holds only whitespace",
                (true, true) => "nothing came on stdin",
                (true, false) => "stdin held only whitespace",
            },
        ));
    }
    let record = Record {
        id: display.to_string(),
        source: display.to_string(),
        source_line: 1,
        seq: 0,
        fields: Default::default(),
        text,
        narrow_gaps,
        raw_bytes: bytes.len(),
        repaired_utf8: repaired,
        jsonl: false,
    };
    Ok((record, repairs, nuls))
}

enum Line {
    Ok,
    Eof,
    /// The line was longer than the limit; it was skipped. Holds the bytes seen.
    TooLong(usize),
    Fault(InputError),
}

struct JsonlReader {
    display: String,
    reader: Reader,
    comp: Compression,
    buf: Vec<u8>,
    /// 1-based number of the line in `buf`.
    line: usize,
    /// The last line ended with a CR that was the last byte of a read: an LF opening the next
    /// read belongs to it (CRLF), so it is skipped rather than read as an empty line.
    after_cr: bool,
    /// Records and line errors yielded (to tell an empty file).
    records: usize,
    repaired: Repairs,
    ids: IdFieldSeen,
}

impl JsonlReader {
    /// A reader at the start of the JSONL input `display`.
    fn new(display: String, reader: Reader, comp: Compression) -> JsonlReader {
        JsonlReader {
            display,
            reader,
            comp,
            buf: Vec::new(),
            line: 0,
            after_cr: false,
            records: 0,
            repaired: Repairs::default(),
            ids: IdFieldSeen::default(),
        }
    }

    /// Reads the next line into `buf` (without its line end), never holding more than `max`
    /// bytes. A line ends at LF, CRLF or a lone CR; a lone CR inside a JSON string only where a
    /// record or a blank line follows it (see [`jsonl_line_end`]).
    fn next_line(&mut self, max: usize) -> Line {
        self.buf.clear();
        let mut seen = 0usize;
        let mut too_long = false;
        let mut got_any = false;
        // the quotes of the line's first `scanned` bytes, read only where a lone CR is met
        let mut quotes = JsonQuotes::default();
        let mut scanned = 0usize;
        // the last read ended with a lone CR inside a string, taken into the line: the next
        // byte tells whether it ended the line instead
        let mut cr_pending = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    let line = self.line + 1;
                    let any = seen > 0 || self.line > 0;
                    return Line::Fault(read_error(&self.display, Some(line), self.comp, e, any));
                }
            };
            if std::mem::take(&mut self.after_cr) && chunk.first() == Some(&b'\n') {
                // the LF of a CRLF split between two reads
                self.reader.consume(1);
                continue;
            }
            if std::mem::take(&mut cr_pending) {
                let next = chunk.first().copied();
                if next == Some(b'\n') || cr_in_string_ends_line(next) {
                    // the CR ends the line after all (with the LF of a CRLF, if one follows)
                    seen -= 1;
                    if !too_long {
                        self.buf.pop();
                    }
                    if next == Some(b'\n') {
                        self.reader.consume(1);
                    }
                    break;
                }
            }
            if chunk.is_empty() {
                if !got_any {
                    return Line::Eof;
                }
                break;
            }
            got_any = true;
            // where the line ends in this read, if it does: (end, start of the next line)
            let mut from = 0;
            let found = loop {
                let Some(j) = memchr::memchr2(b'\n', b'\r', &chunk[from..]) else {
                    break None;
                };
                let i = from + j;
                if chunk[i] == b'\n' {
                    break Some((i, i + 1));
                }
                if chunk.get(i + 1) == Some(&b'\n') {
                    break Some((i, i + 2));
                }
                if too_long {
                    // the line's bytes are gone, and it fails anyway: the CR ends it
                    break Some((i, i + 1));
                }
                // a lone CR: the quotes before it, in the earlier reads' bytes and this one's
                if scanned < seen {
                    quotes.scan(&self.buf[scanned..seen]);
                    scanned = seen;
                }
                quotes.scan(&chunk[scanned - seen..i]);
                scanned = seen + i;
                if !quotes.in_string {
                    break Some((i, i + 1));
                }
                match chunk.get(i + 1).copied() {
                    None => {
                        cr_pending = true;
                        break None;
                    }
                    next if cr_in_string_ends_line(next) => break Some((i, i + 1)),
                    _ => {}
                }
                quotes.scan(&chunk[i..=i]);
                scanned += 1;
                from = i + 1;
            };
            let (take, consumed, done) = match found {
                Some((end, next)) => {
                    // a CR ending the read may be the first half of a CRLF
                    self.after_cr = next == chunk.len() && chunk[end] == b'\r';
                    (end, next, true)
                }
                None => (chunk.len(), chunk.len(), false),
            };
            seen += take;
            if !too_long {
                if self.buf.len() + take > max {
                    too_long = true;
                    self.buf = Vec::new();
                } else {
                    self.buf.extend_from_slice(&chunk[..take]);
                }
            }
            self.reader.consume(consumed);
            if done {
                break;
            }
        }
        self.line += 1;
        if too_long {
            Line::TooLong(seen)
        } else {
            Line::Ok
        }
    }
}

/// The `invalid-utf8` error of a record holding `n` invalid UTF-8 sequences under `--strict`
/// (at its first line holding one, when known).
fn not_utf8(display: &str, line: Option<usize>, n: usize) -> InputError {
    InputError::new(
        display,
        line,
        "invalid-utf8",
        format!(
            "invalid UTF-8 ({n} byte sequence(s) that are not UTF-8; --strict does not repair \
             them){SKIPPED}"
        ),
    )
}

/// A parsed JSONL record, and whether its id came from the id field (not generated).
pub struct Parsed {
    pub record: Record,
    pub had_id: bool,
}

/// When `line` opens with a whole JSON object and another follows it on the same line (the
/// error "trailing characters"), why and what to do: records written with nothing between
/// them (`}{`). Otherwise empty. (Records separated by lone CRs, old Mac line ends, are read
/// as lines of their own: see [`jsonl_line_end`].)
fn glued_records_hint(line: &str) -> &'static str {
    let mut values = serde_json::Deserializer::from_str(line).into_iter::<serde::de::IgnoredAny>();
    if !matches!(values.next(), Some(Ok(_))) {
        return "";
    }
    let rest = line[values.byte_offset()..].trim_start_matches([' ', '\t']);
    if rest.starts_with('{') {
        "; the line holds several JSON objects one after another (records written without a \
         newline between them): split them with `jq -c .`"
    } else {
        ""
    }
}

/// Parses one JSONL line (raw bytes, invalid UTF-8 repaired) into a record. Separate from the
/// reading so batches of lines can be parsed on any thread.
pub fn parse_jsonl_line(
    bytes: &[u8],
    display: &str,
    line: usize,
    seq: u64,
    opts: &InputOptions,
) -> Result<Parsed, InputError> {
    let err = |kind, msg: String| InputError::new(display, Some(line), kind, msg);
    let want = format!("expected a JSON object with a {:?} string", opts.text_field);
    // a UTF-8 byte-order mark opening a line past the first is a file's start, joined on by
    // `cat a.jsonl b.jsonl`: dropped as it is at the start of the input
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (s, repaired) = decode::decode_utf8(bytes);
    if opts.strict_utf8 && repaired > 0 {
        return Err(not_utf8(display, Some(line), repaired));
    }
    let (value, repaired) = match serde_json::from_str::<Value>(&s) {
        Err(e) if e.is_syntax() => match repair_lone_surrogates(&s) {
            // Python's json.dumps writes half of a cut emoji as a lone `\ud83d`, which is not
            // Unicode; it is repaired with U+FFFD like invalid UTF-8
            Some((_, n, first)) if opts.strict_utf8 => {
                return Err(err(
                    "invalid-utf8",
                    format!(
                        "{n} lone UTF-16 surrogate escape(s), the first `\\u{first:04x}` (half \
                         of a character; --strict does not repair them){SKIPPED}"
                    ),
                ))
            }
            Some((fixed, n, _)) => (serde_json::from_str::<Value>(&fixed), repaired + n),
            None => (Err(e), repaired),
        },
        parsed => (parsed, repaired),
    };
    let value: Value = value.map_err(|e| {
        // serde_json stops at 128 levels of nesting (the record's own object is the first),
        // which keeps a hostile line from overflowing the stack; the JSON itself may be valid
        let why = if e.to_string().starts_with("recursion limit exceeded") {
            format!("nested 128 or more levels deep; deboil reads up to 127: {e}")
        } else {
            format!("invalid JSON: {e}{}", glued_records_hint(&s))
        };
        err("invalid-json", format!("{want} ({why})"))
    })?;
    let Value::Object(mut obj) = value else {
        // a whole array of records on one line: JSON, not JSON Lines
        let hint = if matches!(&value, Value::Array(a) if a.iter().any(Value::is_object)) {
            "; an array of records on one line is JSON, not JSON Lines: convert it with \
             `jq -c '.[]'`"
        } else {
            ""
        };
        return Err(err(
            "not-an-object",
            format!("{want}, found {}{hint}", json_type(&value)),
        ));
    };
    // the fields named by a dotted name that no top-level key spells are taken out of their
    // nested objects first; the loop below takes top-level ones
    let mut text = None;
    if !obj.contains_key(&opts.text_field) {
        match take_nested(&mut obj, &opts.text_field) {
            Ok(v) => text = Some(v),
            Err(why) => {
                return Err(err(
                    "missing-text-field",
                    format!(
                        "{want}; the field {:?} is missing ({why}; see --text-field)",
                        opts.text_field,
                    ),
                ))
            }
        }
    }
    let mut id = None;
    if opts.id_field.contains('.') && !obj.contains_key(&opts.id_field) {
        id = take_nested(&mut obj, &opts.id_field).ok();
    }
    let mut fields = Map::new();
    for (k, v) in obj {
        if k == opts.text_field {
            text = Some(v);
        } else if k == opts.id_field {
            id = Some(v);
        } else {
            fields.insert(k, v);
        }
    }
    let text = match text {
        Some(Value::String(t)) => t,
        Some(other) => {
            return Err(err(
                "text-not-a-string",
                format!("{want}; {:?} is {}", opts.text_field, json_type(&other)),
            ))
        }
        None => unreachable!("the text field was checked above"),
    };
    let id = match id {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let had_id = id.is_some();
    let (text, narrow_gaps) = normalize::normalize_owned_marking_narrow_gaps(text);
    Ok(Parsed {
        record: Record {
            id: id.unwrap_or_else(|| format!("{display}:{line}")),
            source: display.to_string(),
            source_line: line,
            seq,
            fields: fields.into(),
            text,
            narrow_gaps,
            raw_bytes: bytes.len(),
            repaired_utf8: repaired,
            jsonl: true,
        },
        had_id,
    })
}

/// `line` with every lone UTF-16 surrogate escape (`\ud83d` not followed by a low surrogate
/// escape, or a low one on its own) replaced by `\ufffd`, how many there were and the first
/// of them; `None` when there are none. A backslash in JSON only ever starts an escape, so reading the line
/// escape by escape is enough to tell `\\ud83d` (text) from `\ud83d`.
fn repair_lone_surrogates(line: &str) -> Option<(String, usize, u32)> {
    let b = line.as_bytes();
    let hex_at = |i: usize| -> Option<u32> {
        let h = b.get(i..i + 4)?;
        u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    };
    let unit_at = |i: usize| -> Option<u32> {
        (b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u'))
            .then(|| hex_at(i + 2))
            .flatten()
    };
    let mut out = String::new();
    let (mut copied, mut n, mut i, mut first) = (0, 0, 0, 0);
    while let Some(k) = memchr::memchr(b'\\', &b[i..]) {
        i += k;
        let Some(unit) = unit_at(i) else {
            // another escape (or a stray backslash, which the parser reports; at the very end
            // of the line there is nothing after it)
            i = (i + 2).min(b.len());
            continue;
        };
        let paired = (0xD800..0xDC00).contains(&unit)
            && unit_at(i + 6).is_some_and(|low| (0xDC00..0xE000).contains(&low));
        if paired {
            i += 12;
        } else if (0xD800..0xE000).contains(&unit) {
            out.push_str(&line[copied..i]);
            out.push_str("\\ufffd");
            if n == 0 {
                first = unit;
            }
            n += 1;
            i += 6;
            copied = i;
        } else {
            i += 6;
        }
    }
    (n > 0).then(|| {
        out.push_str(&line[copied..]);
        (out, n, first)
    })
}

/// The names of a record's fields, for the missing-text-field error: `fields: a, b` (the first
/// ten, in record order), or `no fields`.
/// Takes the value a dotted field name (`doc.text`) names out of its nested object (`obj`'s
/// `doc`), leaving the rest of that object in its place. A top-level key spelled with the dot
/// is looked for first, by the caller. Without the value, why: the fields that are there (the
/// record's, or those of the object that lacks it) or what stands in the way.
fn take_nested(obj: &mut Map<String, Value>, name: &str) -> Result<Value, String> {
    let Some((path, last)) = name.rsplit_once('.') else {
        return Err(field_list(obj));
    };
    let mut at = obj;
    let mut walked = String::new();
    for key in path.split('.') {
        let held = if walked.is_empty() {
            field_list(at)
        } else {
            format!("{walked:?} holds {}", field_list(at))
        };
        if !walked.is_empty() {
            walked.push('.');
        }
        walked.push_str(key);
        at = match at.get_mut(key) {
            Some(Value::Object(inner)) => inner,
            Some(other) => return Err(format!("{walked:?} is {}", json_type(other))),
            None => return Err(held),
        };
    }
    at.shift_remove(last)
        .ok_or_else(|| format!("{walked:?} holds {}", field_list(at)))
}

fn field_list(obj: &Map<String, Value>) -> String {
    const SHOWN: usize = 10;
    if obj.is_empty() {
        return "no fields".into();
    }
    let mut s = String::from("fields: ");
    s.push_str(
        &obj.keys()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
    );
    if obj.len() > SHOWN {
        s.push_str(&format!(", and {} more", obj.len() - SHOWN));
    }
    s
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads one source into records (a text dump is one record; a JSONL file one per line).
/// Problems that spoil only part of the source come back in the error list. Sequence numbers
/// start at `seq_base`. Convenience for small inputs and tests; the pipeline streams through
/// [`open_all`].
pub fn read_source(
    src: &Source,
    seq_base: u64,
    opts: &InputOptions,
) -> (Vec<Record>, Vec<InputError>) {
    let mut recs = Vec::new();
    let mut errs = Vec::new();
    let mut it = open_all(vec![src.clone()], opts.clone());
    it.seq = seq_base;
    for item in it {
        match item {
            Ok(r) => recs.push(r),
            Err(e) => errs.push(e),
        }
    }
    (recs, errs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A fresh, empty directory under the system temp dir, removed when dropped.
    fn tmpdir(name: &str) -> crate::testing::TempDir {
        crate::testing::TempDir::new(&format!("deboil-input-{name}"))
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn read(paths: &[PathBuf]) -> Vec<Result<Record, InputError>> {
        read_with(paths, InputOptions::default())
    }

    #[test]
    fn paths_are_shown_apart_and_on_one_line() {
        assert_eq!(shown_path(Path::new("dumps/a b.txt")), "dumps/a b.txt");
        assert_eq!(
            shown_path(Path::new("new\nline\t.txt")),
            "new\\nline\\t.txt"
        );
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = |b: &[u8]| shown_path(Path::new(std::ffi::OsStr::from_bytes(b)));
            assert_eq!(raw(b"bad\xff.txt"), "bad\\xFF.txt");
            assert_eq!(raw(b"bad\xfe.txt"), "bad\\xFE.txt");
            assert_eq!(raw("bad\u{FFFD}.txt".as_bytes()), "bad\u{FFFD}.txt");
            // a name spelled like an escape is told apart by its escaped backslash
            assert_eq!(raw(b"bad\\xFF.txt"), "bad\\\\xFF.txt");
        }
    }

    #[test]
    fn a_zstd_stream_may_start_with_a_skippable_frame() {
        let d = tmpdir("skippable");
        let record = b"{\"id\":\"a\",\"text\":\"through a skippable frame\"}\n";
        // what pzstd writes first: magic 0x184D2A50, length 4, four bytes of its own
        let mut bytes = vec![0x50, 0x2A, 0x4D, 0x18, 4, 0, 0, 0, 1, 2, 3, 4];
        bytes.extend(zstd::encode_all(&record[..], 3).unwrap());
        for name in ["p.jsonl.zst", "p.jsonl"] {
            let items = read(&[write(&d, name, &bytes)]);
            assert_eq!(kinds(&items), ["ok"], "{name}");
            assert_eq!(items[0].as_ref().unwrap().text, "through a skippable frame");
        }
        assert!(starts_like_zstd(&[0x5F, 0x2A, 0x4D, 0x18]));
        assert!(!starts_like_zstd(&[0x60, 0x2A, 0x4D, 0x18]));
        assert!(!starts_like_zstd(&[0x50, 0x2A, 0x4D]));
    }

    #[test]
    fn gzip_members_are_read_as_one_and_zero_padding_ends_them() {
        let unpack = |bytes: Vec<u8>| {
            let mut out = Vec::new();
            GzipMembers::new(&bytes[..])
                .read_to_end(&mut out)
                .map(|_| String::from_utf8(out).unwrap())
                .map_err(|e| e.to_string())
        };
        let two = [gz(b"one\n"), gz(b"two\n")].concat();
        assert_eq!(unpack(two.clone()).as_deref(), Ok("one\ntwo\n"));
        let padded = [two.clone(), vec![0; 1000]].concat();
        assert_eq!(unpack(padded).as_deref(), Ok("one\ntwo\n"));
        let junk = [two, b"junk".to_vec()].concat();
        let e = unpack(junk).unwrap_err();
        assert!(e.starts_with("bytes after the end of the gzip data"), "{e}");
        assert!(unpack(gz(b"cut short")[..12].to_vec()).is_err());
    }

    fn read_with(paths: &[PathBuf], opts: InputOptions) -> Vec<Result<Record, InputError>> {
        open_all(discover(paths).unwrap(), opts).collect()
    }

    fn kinds(items: &[Result<Record, InputError>]) -> Vec<&'static str> {
        items
            .iter()
            .map(|i| i.as_ref().map_or_else(|e| e.kind, |_| "ok"))
            .collect()
    }

    #[test]
    fn text_dump_is_one_record_with_path_id() {
        let d = tmpdir("txt");
        let p = write(&d, "a.txt", b"\xEF\xBB\xBFHello\r\nworld\r");
        let items = read(std::slice::from_ref(&p));
        let r = items[0].as_ref().unwrap();
        assert_eq!(r.id, p.display().to_string());
        assert_eq!(r.text, "Hello\nworld");
        assert_eq!(items.len(), 1);
    }

    #[test]
    fn jsonl_fields_ids_and_blank_lines() {
        let d = tmpdir("jsonl");
        let p = write(
            &d,
            "x.jsonl",
            b"{\"url\":\"u\",\"text\":\"a  b\",\"id\":\"k1\",\"lang\":\"en\"}\n\n  \n{\"text\":\"c\"}\r\n{\"id\":7,\"text\":\"d\"}",
        );
        let items = read(std::slice::from_ref(&p));
        assert_eq!(kinds(&items), ["ok", "ok", "ok"]);
        let r: Vec<&Record> = items.iter().map(|i| i.as_ref().unwrap()).collect();
        assert_eq!(r[0].id, "k1");
        assert_eq!(r[0].text, "a b");
        assert_eq!(r[0].fields.keys().collect::<Vec<_>>(), ["url", "lang"]);
        assert_eq!(r[1].id, format!("{}:4", p.display()));
        assert_eq!(r[1].source_line, 4);
        assert_eq!(r[2].id, "7");
        assert_eq!(r.iter().map(|r| r.seq).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn a_byte_order_mark_opening_a_later_line_is_dropped() {
        let d = tmpdir("bom-lines");
        let p = write(
            &d,
            "cat.jsonl",
            b"\xEF\xBB\xBF{\"text\":\"a\"}\n\xEF\xBB\xBF{\"text\":\"b\"}\n{\"text\":\"\xEF\xBB\xBFc\"}\n",
        );
        let items = read(std::slice::from_ref(&p));
        assert_eq!(kinds(&items), ["ok", "ok", "ok"]);
        let texts: Vec<&str> = items
            .iter()
            .map(|i| i.as_ref().unwrap().text.as_str())
            .collect();
        assert_eq!(&texts[..2], ["a", "b"]);
        // a mark inside the text is the text's: left to normalisation, the record still reads
        assert!(texts[2].ends_with('c'), "{:?}", texts[2]);
    }

    #[test]
    fn carried_numbers_and_numeric_ids_keep_their_digits() {
        let d = tmpdir("numbers");
        let p = write(
            &d,
            "n.jsonl",
            b"{\"id\":18446744073709551617,\"text\":\"t\",\"big\":12345678901234567890123,\"f\":1.50,\"z\":-0}\n",
        );
        let items = read(std::slice::from_ref(&p));
        let r = items[0].as_ref().unwrap();
        assert_eq!(r.id, "18446744073709551617");
        assert_eq!(
            serde_json::to_string(&*r.fields).unwrap(),
            r#"{"big":12345678901234567890123,"f":1.50,"z":-0}"#
        );
    }

    #[test]
    fn lone_surrogate_escapes_are_repaired_and_counted() {
        assert_eq!(repair_lone_surrogates(r#"{"t":"a \ud83d\ude00 b"}"#), None);
        assert_eq!(repair_lone_surrogates(r#"{"t":"a \\ud83d b"}"#), None);
        for cut in ["{\"t\":\"a\\", "\\", "\\u", "\\ud83", "\\ud83d\\"] {
            assert_eq!(
                repair_lone_surrogates(cut).map(|r| r.1),
                cut.ends_with("83d\\").then_some(1),
                "{cut}"
            );
        }
        assert_eq!(
            repair_lone_surrogates(r#"{"t":"cut \ud83d","u":"\udc00\ud800x"}"#),
            Some((
                r#"{"t":"cut \ufffd","u":"\ufffd\ufffdx"}"#.into(),
                3,
                0xd83d
            ))
        );
        let d = tmpdir("surrogates");
        let p = write(
            &d,
            "s.jsonl",
            b"{\"text\":\"Broken emoji \\ud83d at the end.\"}\n",
        );
        let items = read(std::slice::from_ref(&p));
        let r = items[0].as_ref().unwrap();
        assert_eq!(
            (r.text.as_str(), r.repaired_utf8),
            ("Broken emoji \u{FFFD} at the end.", 1)
        );
        let strict = read_with(
            &[p],
            InputOptions {
                strict_utf8: true,
                ..Default::default()
            },
        );
        let e = strict[0].as_ref().unwrap_err();
        assert_eq!(e.kind, "invalid-utf8");
        assert!(e.message.contains("lone UTF-16 surrogate"), "{}", e.message);
    }

    #[test]
    fn custom_fields() {
        let d = tmpdir("fields");
        let p = write(
            &d,
            "x.json",
            b"{\"body\":\"t\",\"key\":\"z\",\"text\":\"kept\"}\n",
        );
        let opts = InputOptions {
            text_field: "body".into(),
            id_field: "key".into(),
            ..Default::default()
        };
        let items = read_with(&[p], opts);
        let r = items[0].as_ref().unwrap();
        assert_eq!((r.id.as_str(), r.text.as_str()), ("z", "t"));
        assert_eq!(r.fields["text"], "kept");
    }

    #[test]
    fn json_line_errors_name_file_and_line() {
        let d = tmpdir("badjson");
        let p = write(
            &d,
            "x.jsonl",
            b"{\"text\":\"ok\"}\n{\"text\": \"cut\n[1,2]\n{\"id\":1}\n{\"text\":3}\n{\"text\":\"fine\"}\n",
        );
        let items = read(std::slice::from_ref(&p));
        assert_eq!(
            kinds(&items),
            [
                "ok",
                "invalid-json",
                "not-an-object",
                "missing-text-field",
                "text-not-a-string",
                "ok"
            ]
        );
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.location, format!("{}:2", p.display()));
        assert!(
            e.to_string().starts_with(&format!(
                "{}:2: expected a JSON object with a \"text\" string",
                p.display()
            )),
            "{e}"
        );
        let e = items[3].as_ref().unwrap_err();
        assert_eq!(e.location, format!("{}:4", p.display()));
        assert!(
            e.message
                .ends_with("the field \"text\" is missing (fields: id; see --text-field)"),
            "{e}"
        );
        // an array of numbers is just not an object; an array of records gets the jq hint
        let e = items[2].as_ref().unwrap_err();
        assert!(e.message.ends_with("found an array"), "{e}");
        let opts = InputOptions::default();
        let e = parse_jsonl_line(br#"[{"text":"a"},{"text":"b"}]"#, "a.json", 1, 0, &opts)
            .err()
            .unwrap();
        assert_eq!(e.kind, "not-an-object");
        assert!(e.message.ends_with("convert it with `jq -c '.[]'`"), "{e}");
    }

    /// Records glued with no newline fail as one line, with a hint naming the cause and the
    /// fix (trial23 repro-09); other trailing characters get none. (Records separated by lone
    /// CRs are lines of their own: `lone_crs_end_jsonl_records`.)
    #[test]
    fn glued_records_get_a_hint() {
        let opts = InputOptions::default();
        let e = |line: &str| {
            parse_jsonl_line(line.as_bytes(), "in.jsonl", 1, 0, &opts)
                .err()
                .unwrap()
                .message
        };
        let glued = e("{\"text\":\"a\"}{\"text\":\"b\"}");
        assert!(
            glued.ends_with(
                "(records written without a newline between them): split them \
                 with `jq -c .`)"
            ),
            "{glued}"
        );
        for plain in ["{\"text\":\"a\"} x", "{\"text\":\"a\"}]", "{\"text\": tru}"] {
            let m = e(plain);
            assert!(!m.contains("the line holds"), "{m}");
        }
    }

    /// A lone CR (old Mac line ends) ends a JSONL record as LF and CRLF do, and counts as a
    /// line in the records' lines and the errors' (a CRLF is one line end, a CR then a CRLF two).
    #[test]
    fn lone_crs_end_jsonl_records() {
        let d = tmpdir("cr-jsonl");
        let p = write(
            &d,
            "mac.jsonl",
            b"{\"text\":\"a\"}\r{\"text\":\"b\"}\r\r{\"text\":\"c\"}\r\n{bad\r{\"text\":\"d\"}\r\r\n{\"text\":\"e\"}",
        );
        let items = read(std::slice::from_ref(&p));
        assert_eq!(
            kinds(&items),
            ["ok", "ok", "ok", "invalid-json", "ok", "ok"]
        );
        let lines: Vec<String> = items
            .iter()
            .map(|i| match i {
                Ok(r) => format!("{}@{}", r.text, r.source_line),
                Err(e) => e.location.clone(),
            })
            .collect();
        let bad = format!("{}:5", p.display());
        assert_eq!(lines, ["a@1", "b@2", "c@4", bad.as_str(), "d@6", "e@8"]);
        // the failed record is only its own line: no glued-records hint, no other record in it
        let e = items[3].as_ref().unwrap_err();
        assert!(!e.message.contains("the line holds"), "{e}");
        // sniffed (no extension) as JSONL by its first CR-ended line
        let bare = write(&d, "mac", b"{\"text\":\"a\"}\r{\"text\":\"b\"}\r");
        assert_eq!(texts(&read(&[bare])), ["a", "b"]);
    }

    /// Records read from `reader` as the JSONL input `display` (in-memory inputs with their own
    /// read sizes or failures).
    fn reading_jsonl(display: &str, reader: Reader) -> Records {
        let mut it = open_all(vec![], InputOptions::default());
        it.current = Some(JsonlReader::new(display.into(), reader, Compression::None));
        it
    }

    /// A CRLF split between two reads is one line end, and a CR ending a read does not make the
    /// reader read on before the record is taken: fed one byte per read, the lines are those
    /// of one big read.
    #[test]
    fn line_ends_split_between_reads_are_the_same_line_ends() {
        let data: &[u8] =
            b"{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\r\n\r{\"text\":\"c\"}\n\r\n{\"text\":\"d\"}\r";
        let lines = |capacity: usize| {
            let it = reading_jsonl(
                "split.jsonl",
                Box::new(BufReader::with_capacity(capacity, data)),
            );
            it.map(|r| {
                let r = r.unwrap();
                format!("{}@{}", r.text, r.source_line)
            })
            .collect::<Vec<_>>()
        };
        assert_eq!(lines(1 << 16), ["a@1", "b@2", "c@5", "d@7"]);
        for capacity in 1..=4 {
            assert_eq!(lines(capacity), lines(1 << 16), "capacity {capacity}");
        }
    }

    /// A raw CR inside a JSON string (a broken record) does not end the line: the record fails
    /// once, at its own line, and the next record keeps its line number; where a record or a
    /// blank line follows the CR (a string left open), the CR ends the line, so the records
    /// after it are read. Whatever the reads' sizes, the lines are the same.
    #[test]
    fn a_raw_cr_inside_a_string_is_one_failed_record() {
        let data: &[u8] = b"{\"text\":\"a\"}\n{\"text\":\"bad\rstring\"}\n{\"text\":\"b\"}\r\
            {\"text\":\"open\r{\"text\":\"c\"}\r{\"text\":\"x\\\\\ry\"}\r\n\
            {\"text\":\"z\r\r{\"text\":\"d\"}\r{\"text\":\"q\\\"\r\"}\n{\"text\":\"e\"}";
        let lines = |capacity: usize| {
            let it = reading_jsonl(
                "cr.jsonl",
                Box::new(BufReader::with_capacity(capacity, data)),
            );
            it.map(|r| match r {
                Ok(r) => format!("{}@{}", r.text, r.source_line),
                Err(e) => format!("{} {}", e.kind, e.location),
            })
            .collect::<Vec<_>>()
        };
        let fail = |n: usize| format!("invalid-json cr.jsonl:{n}");
        assert_eq!(
            lines(1 << 16),
            [
                "a@1".to_string(),
                fail(2),
                "b@3".into(),
                fail(4),
                "c@5".into(),
                fail(6),
                fail(7),
                "d@9".into(),
                fail(10),
                "e@11".into()
            ]
        );
        for capacity in 1..=8 {
            assert_eq!(lines(capacity), lines(1 << 16), "capacity {capacity}");
        }
        // the head's reading (sniffing an input without an extension) cuts the same lines
        assert_eq!(jsonl_line_end(b"{\"t\":\"a\rb\"}\r{"), Some((11, 12)));
        assert_eq!(jsonl_line_end(b"{\"t\":\"a\r{\"t\":1}"), Some((7, 8)));
        assert_eq!(jsonl_line_end(b"{\"t\":\"a\\\"\rb\"}\n"), Some((13, 14)));
        assert_eq!(jsonl_line_end(b"{\"t\":1}\rx"), Some((7, 8)));
    }

    #[test]
    fn missing_text_field_names_the_fields_there_are() {
        let opts = InputOptions::default();
        let e = |line: &str| {
            parse_jsonl_line(line.as_bytes(), "in.jsonl", 3, 0, &opts)
                .err()
                .unwrap()
        };
        let got = e(r#"{"doc_id":"a","content":"body"}"#);
        assert_eq!(got.kind, "missing-text-field");
        assert_eq!(
            got.to_string(),
            "in.jsonl:3: expected a JSON object with a \"text\" string; the field \"text\" is \
             missing (fields: doc_id, content; see --text-field)"
        );
        assert!(e("{}").message.ends_with("(no fields; see --text-field)"));
        let many: serde_json::Map<String, Value> =
            (0..12).map(|i| (format!("f{i}"), Value::Null)).collect();
        let m = e(&Value::Object(many).to_string()).message;
        assert!(m.contains("(fields: f0, f1, "), "{m}");
        assert!(m.ends_with("f9, and 2 more; see --text-field)"), "{m}");
        // valid JSON nested past serde_json's limit is said to be so, not called invalid
        let deep = format!(
            "{{\"text\":\"body\",\"x\":{}{}}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        let got = e(&deep);
        assert_eq!(got.kind, "invalid-json");
        assert!(
            got.message
                .contains("nested 128 or more levels deep; deboil reads up to 127"),
            "{}",
            got.message
        );
        // the limit as the message gives it (trial23 repro-11): the record's object and 126
        // arrays in it, 127 levels, are read; 128 levels are not
        let nested = |levels: usize| {
            format!(
                "{{\"text\":\"body\",\"x\":{}{}}}",
                "[".repeat(levels - 1),
                "]".repeat(levels - 1)
            )
        };
        assert!(parse_jsonl_line(nested(127).as_bytes(), "t.jsonl", 1, 0, &opts).is_ok());
        let m = e(&nested(128)).message;
        assert!(m.contains("nested 128 or more levels deep"), "{m}");
        assert!(e("{\"text\": tru}").message.contains("(invalid JSON: "));
    }

    #[test]
    fn compressed_inputs() {
        let d = tmpdir("comp");
        let a = write(
            &d,
            "a.jsonl.gz",
            &gz(b"{\"text\":\"one\"}\n{\"text\":\"two\"}\n"),
        );
        let mut two = gz(b"{\"text\":\"three\"}\n");
        two.extend(gz(b"{\"text\":\"four\"}\n"));
        let b = write(&d, "b.jsonl.gz", &two);
        let c = write(
            &d,
            "c.txt.zst",
            &zstd::encode_all(&b"zst text"[..], 3).unwrap(),
        );
        let items = read(&[a, b, c]);
        let texts: Vec<&str> = items
            .iter()
            .map(|i| i.as_ref().unwrap().text.as_str())
            .collect();
        assert_eq!(texts, ["one", "two", "three", "four", "zst text"]);
    }

    /// `n` JSONL records `{"text":"line <i> <pad repeated i % modulo times>"}`, one per line.
    fn numbered_jsonl(n: usize, pad: &str, modulo: usize) -> Vec<u8> {
        let mut lines = Vec::new();
        for i in 0..n {
            writeln!(
                lines,
                "{{\"text\":\"line {i} {}\"}}",
                pad.repeat(i % modulo)
            )
            .unwrap();
        }
        lines
    }

    #[test]
    fn truncated_and_fake_archives() {
        let d = tmpdir("trunc");
        let lines = numbered_jsonl(5000, "x", 97);
        let full = gz(&lines);
        let t = write(&d, "t.jsonl.gz", &full[..full.len() * 2 / 3]);
        let items = read(&[t]);
        assert!(items.len() > 10);
        assert!(items[..items.len() - 1].iter().all(|i| i.is_ok()));
        assert_eq!(
            items.last().unwrap().as_ref().unwrap_err().kind,
            "truncated-archive"
        );

        let z = zstd::encode_all(&lines[..], 3).unwrap();
        let tz = write(&d, "t.jsonl.zst", &z[..z.len() / 2]);
        let items = read(&[tz]);
        assert!(items.len() > 1);
        assert_eq!(
            items.last().unwrap().as_ref().unwrap_err().kind,
            "truncated-archive"
        );

        let fg = write(&d, "f.txt.gz", b"this is not gzip at all");
        let fz = write(&d, "f.txt.zst", b"this is not zstd at all");
        let tiny = write(&d, "tiny.txt.gz", &gz(b"hello")[..5]);
        assert_eq!(
            kinds(&read(&[fg, fz, tiny])),
            ["invalid-gzip", "invalid-zstd", "truncated-archive"]
        );
    }

    /// A damaged archive (a checksum that does not match, a bad zstd block) is `corrupt-archive`,
    /// not `truncated-archive`: one reading alone yields the records before the fault and then
    /// the error; a reading that reuses a first one's decompression fails the source whole.
    #[test]
    fn damaged_archives_are_corrupt_and_a_second_reading_uses_none_of_them() {
        let d = tmpdir("damaged");
        let lines = numbered_jsonl(3000, "z", 83);
        let mut bad_crc = gz(&lines);
        let at = bad_crc.len() - 8;
        bad_crc[at] ^= 1;
        let z = zstd::encode_all(&lines[..], 3).unwrap();
        let mut bad_block = z.clone();
        let mid = bad_block.len() * 9 / 10;
        bad_block[mid] ^= 0x55;
        let good = gz(&lines);
        let paths = [
            write(&d, "a.jsonl.gz", &bad_crc),
            write(&d, "b.jsonl.zst", &bad_block),
            write(&d, "c.jsonl.gz", &good[..good.len() / 2]),
            write(&d, "d.txt.gz", &bad_crc),
        ];
        // one reading: what came out first, then the error where it surfaced
        for path in &paths[..2] {
            let items = read(std::slice::from_ref(path));
            let (last, before) = items.split_last().unwrap();
            assert!(!before.is_empty(), "{path:?}");
            let e = last.as_ref().unwrap_err();
            assert_eq!(e.kind, "corrupt-archive", "{e}");
            assert!(e.message.contains("may be damaged"), "{e}");
        }
        // two readings: the first notes the damage, the second fails those sources whole (an
        // archive cut short still yields what came before the cut)
        let sources = discover(&paths).unwrap();
        let store = unpacked::Unpacked::new(1 << 30);
        let first: Vec<_> = open_all(sources.clone(), InputOptions::default())
            .keep_decompressed(&store)
            .collect();
        assert!(first.len() > 3000);
        let second: Vec<_> = open_all(sources, InputOptions::default())
            .reuse_decompressed(&store)
            .collect();
        let k = kinds(&second);
        assert_eq!(k[..2], ["corrupt-archive", "corrupt-archive"]);
        assert!(k[2..k.len() - 2].iter().all(|&k| k == "ok"), "{k:?}");
        assert_eq!(k[k.len() - 2..], ["truncated-archive", "corrupt-archive"]);
        for e in second.iter().filter_map(|i| i.as_ref().err()) {
            if e.kind == "corrupt-archive" {
                assert_eq!(e.location, e.input, "no line: {e}");
                assert!(e.message.contains("none of its records are used"), "{e}");
            }
        }
    }

    /// Bytes after a complete gzip member or zstd frame that start no other one (an appended
    /// line) end the stream with a `trailing-data` error after every record, in one reading and
    /// in a second one reusing the first's decompression: the records are sound and used.
    #[test]
    fn trailing_bytes_after_an_archive_keep_its_records() {
        let d = tmpdir("trailing");
        let lines = numbered_jsonl(300, "t", 40);
        let mut gzipped = gz(&lines);
        gzipped.extend(b"GARBAGE\n");
        let mut zstded = zstd::encode_all(&lines[..], 3).unwrap();
        // a second frame, then the tail
        zstded.extend(zstd::encode_all(&b"{\"text\":\"last\"}\n"[..], 3).unwrap());
        zstded.extend(b"<html>error</html>");
        let paths = [
            write(&d, "a.jsonl.gz", &gzipped),
            write(&d, "b.jsonl.zst", &zstded),
        ];
        let expect = |items: &[Result<Record, InputError>], n: usize| {
            let k = kinds(items);
            assert_eq!(k.len(), n + 1, "{k:?}");
            assert!(k[..n].iter().all(|&k| k == "ok"), "{k:?}");
            let e = items[n].as_ref().unwrap_err();
            assert_eq!(e.kind, "trailing-data", "{e}");
            assert!(e.message.contains("records before them are used"), "{e}");
        };
        expect(&read(&paths[..1]), 300);
        expect(&read(&paths[1..]), 301);
        let sources = discover(&paths[..1]).unwrap();
        let store = unpacked::Unpacked::new(1 << 30);
        let _: Vec<_> = open_all(sources.clone(), InputOptions::default())
            .keep_decompressed(&store)
            .collect();
        let second: Vec<_> = open_all(sources, InputOptions::default())
            .reuse_decompressed(&store)
            .collect();
        expect(&second, 300);
    }

    #[test]
    fn short_fake_archives_are_invalid_not_truncated() {
        let d = tmpdir("shortfake");
        let paths = [
            write(&d, "a.gz", b"hello"),
            write(&d, "b.jsonl.gz", b"h"),
            write(&d, "c.zst", b"hello"),
            write(&d, "d.txt.zst", b"hi"),
            // the start of a magic number: an archive cut short
            write(&d, "e.gz", b"\x1f"),
            write(&d, "f.zst", b"\x28\xb5"),
            // nothing at all: an empty file, as an empty text file is
            write(&d, "g.gz", b""),
            write(&d, "h.jsonl.zst", b""),
        ];
        let items = read(&paths);
        assert_eq!(
            kinds(&items),
            [
                "invalid-gzip",
                "invalid-gzip",
                "invalid-zstd",
                "invalid-zstd",
                "truncated-archive",
                "truncated-archive",
                "empty",
                "empty"
            ]
        );
        let e = items[0].as_ref().unwrap_err();
        assert_eq!(e.location, paths[0].display().to_string());
        assert!(e.message.contains("magic bytes (1f 8b)"), "{}", e.message);
    }

    #[test]
    fn sources_decompressed_ahead_read_as_the_files_do() {
        let d = tmpdir("ahead");
        let lines = numbered_jsonl(3000, "y", 89);
        let full = gz(&lines);
        let paths = [
            write(&d, "a.jsonl.gz", &full),
            write(&d, "b.jsonl.gz", &full[..full.len() / 2]),
            write(&d, "c.jsonl", &lines),
            write(
                &d,
                "d.txt.zst",
                &zstd::encode_all(&b"zst text"[..], 3).unwrap(),
            ),
            write(&d, "e.txt.gz", b"not gzip"),
            write(&d, "f.jsonl.gz", &full),
        ];
        let show = |items: Vec<Result<Record, InputError>>| format!("{items:?}");
        let expected = show(read(&paths));
        let sources = discover(&paths).unwrap();
        let store = unpacked::Unpacked::new(1 << 30);
        // the last source is not decompressed ahead: the reading decompresses it
        let ahead: Vec<_> = sources[..5]
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, src)| {
                let (promise, store) = (store.promise(i), store.clone());
                std::thread::spawn(move || {
                    decompress_ahead(&src, i, InputFormat::default(), &store);
                    drop(promise);
                })
            })
            .collect();
        let first = open_all(sources.clone(), InputOptions::default()).keep_decompressed(&store);
        assert_eq!(show(first.collect()), expected);
        for t in ahead {
            t.join().unwrap();
        }
        // kept: the whole gzip, the zstd text and the last source (by the reading itself)
        let kept = 2 * lines.len() + b"zst text".len();
        assert_eq!(store.held(), kept);
        let second = open_all(sources, InputOptions::default()).reuse_decompressed(&store);
        assert_eq!(show(second.collect()), expected);
        assert_eq!(store.held(), 0);
    }

    #[test]
    fn binary_empty_and_whitespace() {
        let d = tmpdir("bin");
        let b = write(&d, "b.txt", b"\x7fELF\x02\x01\0\0\0\0garbage");
        let bj = write(&d, "b.jsonl", b"\x7fELF\x02\x01\0\0{\"text\":\"a\"}\n");
        let e = write(&d, "e.txt", b"");
        let w = write(&d, "w.txt", b" \n\t\r\n");
        let ej = write(&d, "e.jsonl", b"\n\n");
        let eg = write(&d, "e.txt.gz", &gz(b""));
        assert_eq!(
            kinds(&read(&[b, bj, e, w, ej, eg])),
            ["binary", "binary", "empty", "empty", "empty", "empty"]
        );
        // JSONL that starts as JSONL: a NUL byte is one bad record, the others are read
        let nul = write(
            &d,
            "nul.jsonl",
            b"{\"text\":\"one\"}\n{\"text\":\"a\0\"}\0\n{\"text\":\"three\"}\n",
        );
        let items = read(&[nul]);
        assert_eq!(kinds(&items), ["ok", "invalid-json", "ok"]);
        let texts: Vec<&str> = items
            .iter()
            .filter_map(|i| i.as_ref().ok())
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(texts, ["one", "three"]);
        // a NUL after the sniffed head is removed by normalisation
        let mut late = vec![b'a'; 9000];
        late.extend(b"\0b");
        let l = write(&d, "l.txt", &late);
        let items = read(&[l]);
        assert!(items[0].as_ref().unwrap().text.ends_with("ab"));
    }

    /// The warnings of reading `paths` with `opts`, as (kind, location, message).
    fn warnings_of(paths: &[PathBuf], opts: InputOptions) -> Vec<(&'static str, String, String)> {
        let mut it = open_all(discover(paths).unwrap(), opts);
        it.by_ref().for_each(drop);
        it.take_warnings()
            .into_iter()
            .map(|w| (w.kind, w.location, w.message))
            .collect()
    }

    #[test]
    fn stray_nul_bytes_are_dropped_with_a_warning_at_their_line() {
        let d = tmpdir("nul");
        let one = write(
            &d,
            "one.txt",
            b"Home | News\nBy Tom\n14 Ma\0y 2025\n\nThe text.\n",
        );
        let items = read(std::slice::from_ref(&one));
        assert_eq!(
            items[0].as_ref().unwrap().text,
            "Home | News\nBy Tom\n14 May 2025\n\nThe text."
        );
        let w = warnings_of(std::slice::from_ref(&one), InputOptions::default());
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(
            (w[0].0, w[0].1.as_str()),
            ("nul-bytes", &*format!("{}:3", one.display()))
        );
        assert!(w[0].2.starts_with("1 NUL byte(s) dropped"), "{}", w[0].2);
        // several, on lines counted as the report counts them (a lone CR ends a line), and one
        // past the sniffed head
        let mut many = b"a\0b\rc\0\nd\0\n".to_vec();
        many.extend(b"x".repeat(9000));
        many.extend(b"\n\0z\n");
        let m = write(&d, "many.txt", &many);
        let w = warnings_of(std::slice::from_ref(&m), InputOptions::default());
        assert_eq!(w[0].1, format!("{}:1", m.display()));
        assert!(
            w[0].2
                .starts_with("4 NUL byte(s) on 4 lines (1, 2, 3, 5) dropped"),
            "{}",
            w[0].2
        );
        // a file made of NULs and control bytes is still binary
        let b = write(&d, "b.txt", &b"\0\x01\x02text".repeat(20));
        assert_eq!(kinds(&read(&[b])), ["binary"]);
    }

    #[test]
    fn utf16_without_a_bom_is_read_with_a_warning() {
        let d = tmpdir("utf16-nobom");
        let text = "Hello world, this is a plain sentence.\r\nA second line.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let l = write(&d, "le.txt", &le);
        let b = write(&d, "be.txt", &be);
        let items = read(&[l.clone(), b.clone()]);
        for i in &items {
            assert_eq!(
                i.as_ref().unwrap().text,
                "Hello world, this is a plain sentence.\nA second line."
            );
        }
        let w = warnings_of(&[l.clone(), b], InputOptions::default());
        let got: Vec<(&str, bool)> = w.iter().map(|w| (w.0, w.2.contains("UTF-16"))).collect();
        assert_eq!(
            got,
            [("utf16-without-bom", true), ("utf16-without-bom", true)]
        );
        assert_eq!(w[0].1, format!("{}:1", l.display()));
        assert!(w[0].2.starts_with("read as UTF-16LE") && w[1].2.starts_with("read as UTF-16BE"));
        // as JSONL, it is refused as UTF-16 JSONL with a mark is
        let j: Vec<u8> = "{\"text\": \"a\"}\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let j = write(&d, "u.jsonl", &j);
        assert_eq!(kinds(&read(&[j])), ["unsupported-encoding"]);
    }

    #[test]
    fn dotted_text_and_id_fields_reach_into_nested_objects() {
        let opts = |text: &str, id: &str| InputOptions {
            text_field: text.into(),
            id_field: id.into(),
            ..InputOptions::default()
        };
        let line = br#"{"id": 0, "doc": {"meta": {"key": "k1"}, "html_text": "Body.", "lang": "en"}, "n": 1}"#;
        let p = parse_jsonl_line(
            line,
            "f.jsonl",
            1,
            0,
            &opts("doc.html_text", "doc.meta.key"),
        )
        .unwrap();
        assert_eq!(
            (p.record.text.as_str(), p.record.id.as_str()),
            ("Body.", "k1")
        );
        // the field is taken out of its place; the rest of the record is carried as it was
        let carried = serde_json::to_string(&*p.record.fields).unwrap();
        assert_eq!(carried, r#"{"id":0,"doc":{"meta":{},"lang":"en"},"n":1}"#);
        // a top-level key spelled with the dot wins
        let dotted = br#"{"doc.html_text": "Top.", "doc": {"html_text": "Nested."}}"#;
        let p = parse_jsonl_line(dotted, "f.jsonl", 1, 0, &opts("doc.html_text", "id")).unwrap();
        assert_eq!(p.record.text, "Top.");
        // what is missing, or in the way, is said
        let why = |line: &[u8], field: &str| {
            let Err(e) = parse_jsonl_line(line, "f.jsonl", 3, 0, &opts(field, "id")) else {
                panic!("{field} should fail");
            };
            (e.kind, e.message)
        };
        let (kind, m) = why(line, "doc.body");
        assert_eq!(kind, "missing-text-field");
        assert!(m.contains(r#"the field "doc.body" is missing ("doc" holds fields: meta, html_text, lang; see --text-field)"#), "{m}");
        let (_, m) = why(line, "page.body");
        assert!(m.contains("(fields: id, doc, n; see --text-field)"), "{m}");
        let (_, m) = why(line, "n.body");
        assert!(m.contains(r#"("n" is a number; see"#), "{m}");
        let (kind, m) = why(line, "doc.meta");
        assert_eq!(kind, "text-not-a-string");
        assert!(m.contains(r#""doc.meta" is an object"#), "{m}");
        // a dotted id that is missing falls back to <path>:<line>, as a top-level one does
        let p =
            parse_jsonl_line(line, "f.jsonl", 1, 0, &opts("doc.html_text", "doc.nope")).unwrap();
        assert_eq!((p.record.id.as_str(), p.had_id), ("f.jsonl:1", false));
    }

    #[test]
    fn deboil_reports_among_the_inputs_are_left_out() {
        let d = tmpdir("reports");
        let report =
            b"{\n\"version\": 1,\n\"documents\": [\n{\"id\":\"a\"}\n],\n\"totals\": {}\n}\n";
        let r = write(&d, "report.json", report);
        write(&d, "old.json.gz", &gz(report));
        let a = write(&d, "a.txt", b"Some text.\n");
        // records that only start like a report's key are input
        let j = write(
            &d,
            "v.jsonl",
            b"{\"version\": 1, \"text\": \"documents\"}\n",
        );
        let srcs = discover(std::slice::from_ref(&d.to_path_buf())).unwrap();
        let shown: Vec<(String, bool)> = srcs
            .iter()
            .map(|s| {
                (
                    s.path.file_name().unwrap().to_string_lossy().into(),
                    s.is_skipped(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("a.txt".into(), false),
                ("old.json.gz".into(), true),
                ("report.json".into(), true),
                ("v.jsonl".into(), false)
            ]
        );
        assert!(srcs[2].is_deboil_report());
        let w = warnings_of(&[d.to_path_buf()], InputOptions::default());
        assert_eq!(
            w.iter().filter(|w| w.0 == "deboil-report").count(),
            2,
            "{w:?}"
        );
        // named on the command line too; other files named are read as they are
        let srcs = discover(&[r, a, j]).unwrap();
        let skipped: Vec<bool> = srcs.iter().map(Source::is_skipped).collect();
        assert_eq!(skipped, [true, false, false]);
    }

    #[test]
    fn html_and_jsonl_read_as_text_get_a_hint() {
        let d = tmpdir("format-hint");
        let html = write(
            &d,
            "page.txt",
            b"\n <!DOCTYPE html>\n<html><body>Hi</body></html>\n",
        );
        let json = write(&d, "records.txt", b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
        let plain = write(&d, "plain.txt", b"{Breaking} news\n<html> is a tag name.\n");
        let mut it = open_all(
            discover(&[html.clone(), json.clone(), plain]).unwrap(),
            InputOptions::default(),
        );
        // each is still read, as a text dump
        assert_eq!(it.by_ref().filter(|r| r.is_ok()).count(), 3);
        let w = it.take_warnings();
        let kinds: Vec<_> = w.iter().map(|w| (w.kind, w.location.clone())).collect();
        assert_eq!(
            kinds,
            [
                ("looks-like-html", format!("{}:2", html.display())),
                ("looks-like-jsonl", format!("{}:1", json.display())),
            ]
        );
        // forced to text, JSONL is what the user asked for: no hint
        let forced = InputOptions {
            format: InputFormat::Text,
            ..InputOptions::default()
        };
        let mut it = open_all(discover(&[json]).unwrap(), forced);
        assert_eq!(it.by_ref().count(), 1);
        assert!(it.take_warnings().is_empty());
    }

    #[test]
    fn utf16_and_invalid_utf8() {
        let d = tmpdir("enc");
        let mut le = vec![0xFF, 0xFE];
        le.extend(
            "h\u{e9}llo\r\nw"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        let u = write(&d, "u.txt", &le);
        let bad = write(&d, "bad.txt", b"caf\xe9 ok\xff");
        let badj = write(
            &d,
            "bad.jsonl",
            b"{\"text\":\"a\xffb\"}\n{\"text\":\"c\xfe\"}\n",
        );
        let mut it = open_all(
            discover(&[u, bad.clone(), badj.clone()]).unwrap(),
            InputOptions::default(),
        );
        let items: Vec<_> = it.by_ref().collect();
        assert_eq!(items[0].as_ref().unwrap().text, "h\u{e9}llo\nw");
        // lines with no UTF-8 in them read as Windows-1252
        assert_eq!(items[1].as_ref().unwrap().text, "caf\u{e9} ok\u{ff}");
        assert_eq!(items[1].as_ref().unwrap().repaired_utf8, 2);
        assert_eq!(items[2].as_ref().unwrap().text, "a\u{ff}b");
        assert_eq!(items[3].as_ref().unwrap().repaired_utf8, 1);
        let w = it.take_warnings();
        assert_eq!(w.len(), 2);
        assert!(w.iter().all(|w| w.kind == "repaired-utf8"));
        assert_eq!(w[0].location, format!("{}:1", bad.display()));
        assert_eq!(w[1].location, format!("{}:1", badj.display()));
        assert_eq!(
            w[1].message,
            "2 invalid UTF-8 sequence(s) on 2 lines (1, 2) repaired: a line that reads as Windows-1252 is decoded so, other bytes become U+FFFD"
        );
    }

    #[test]
    fn strict_utf8_fails_the_record_at_its_line() {
        let d = tmpdir("strictutf8");
        let j = write(
            &d,
            "s.jsonl",
            b"{\"text\":\"good\"}\n{\"text\":\"bad \xff\"}\n{\"text\":\"ok\"}\n",
        );
        let t = write(&d, "s.txt", b"one\ntwo \xfe\xfe\n");
        let u = write(&d, "u.txt", b"all good\n");
        let opts = InputOptions {
            strict_utf8: true,
            ..Default::default()
        };
        let items = read_with(&[j.clone(), t.clone(), u], opts.clone());
        assert_eq!(
            kinds(&items),
            ["ok", "invalid-utf8", "ok", "invalid-utf8", "ok"]
        );
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.location, format!("{}:2", j.display()));
        assert!(
            e.message.starts_with("invalid UTF-8 (1 byte sequence(s)"),
            "{}",
            e.message
        );
        let e = items[3].as_ref().unwrap_err();
        assert_eq!(e.location, format!("{}:2", t.display()));
        assert!(
            e.message.starts_with("invalid UTF-8 (2 byte sequence(s)"),
            "{}",
            e.message
        );
        assert!(is_data_failure("invalid-utf8"));
        // the parallel parsing fails the same line
        let p = parse_jsonl_line(b"{\"text\":\"\xff\"}", "x.jsonl", 7, 0, &opts);
        assert_eq!(
            p.err().map(|e| (e.kind, e.location)),
            Some(("invalid-utf8", "x.jsonl:7".into()))
        );
        // without --strict: repaired
        assert_eq!(kinds(&read(&[j, t])), ["ok"; 4]);
    }

    #[test]
    fn an_empty_directory_is_a_warning_not_a_document() {
        let d = tmpdir("emptydir");
        let e = d.join("e");
        std::fs::create_dir_all(e.join("sub")).unwrap();
        let t = write(&d, "t.txt", b"text");
        let srcs = discover(&[e.clone(), t]).unwrap();
        assert!(srcs[0].is_skipped(), "{srcs:?}");
        assert!(!srcs[1].is_skipped());
        let mut it = open_all(srcs, InputOptions::default());
        let items: Vec<_> = it.by_ref().collect();
        assert_eq!(kinds(&items), ["ok"]);
        let w = it.take_warnings();
        assert_eq!(w.len(), 1);
        assert_eq!(
            (w[0].kind, w[0].location.as_str()),
            ("no-inputs", e.to_str().unwrap())
        );
        assert!(w[0].message.starts_with("directory holds no input files"));
    }

    #[test]
    fn a_pretty_printed_json_document_is_one_not_jsonl_error() {
        let d = tmpdir("pretty");
        let arr = write(
            &d,
            "p.json",
            b"[\n  {\n    \"text\": \"a\"\n  },\n  {\n    \"text\": \"b\"\n  }\n]\n",
        );
        let obj = write(&d, "o.jsonl", b"\xEF\xBB\xBF\n\n{\n  \"text\": \"a\"\n}\n");
        let arr2 = write(&d, "q.json", b"[{\"text\": \"a\"},\n {\"text\": \"b\"}]\n");
        // a one-line array is one line's error, as before; an ordinary JSONL file reads on
        let one = write(&d, "r.json", b"[{\"text\": \"a\"}]\n");
        let ok = write(&d, "s.jsonl", b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
        let items = read(&[arr.clone(), obj.clone(), arr2, one, ok]);
        assert_eq!(
            kinds(&items),
            [
                "not-jsonl",
                "not-jsonl",
                "not-jsonl",
                "not-an-object",
                "ok",
                "ok"
            ]
        );
        let e = items[0].as_ref().unwrap_err();
        assert_eq!(e.location, format!("{}:1", arr.display()));
        assert_eq!(
            e.message,
            "a JSON document (an array) spread over several lines, not JSON Lines (one object \
             per line); convert it with `jq -c '.[]'`; skipped"
        );
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.location, format!("{}:3", obj.display()));
        assert!(e.message.contains("(an object)") && e.message.contains("`jq -c .`"));
        assert!(is_data_failure("not-jsonl"));
        // with old Mac line ends (lone CRs) too, at the line the CRs count
        let mac = write(&d, "m.jsonl", b"\r\r\n{\r  \"text\": \"a\"\r}\r");
        let items = read(std::slice::from_ref(&mac));
        let e = items[0].as_ref().unwrap_err();
        assert_eq!(
            (e.kind, e.location.clone()),
            ("not-jsonl", format!("{}:3", mac.display()))
        );
        // forced JSONL reads the same way; a text dump is not concerned
        let forced = InputOptions {
            format: InputFormat::Jsonl,
            ..Default::default()
        };
        let t = write(&d, "p.txt", b"[\nnot json\n");
        assert_eq!(
            kinds(&read_with(std::slice::from_ref(&t), forced)),
            ["not-jsonl"]
        );
        assert_eq!(kinds(&read(&[t])), ["ok"]);
    }

    #[test]
    fn repaired_utf8_warning_names_the_first_line() {
        let d = tmpdir("repairline");
        let j = write(
            &d,
            "bad8b.jsonl",
            b"{\"text\":\"good\"}\n\n{\"text\":\"bad \xff\xfe here\"}\n{\"text\":\"ok\"}\n",
        );
        // lines end at LF, CRLF, a lone CR, a form feed or U+2028, as the report counts them
        let t = write(
            &d,
            "bad.txt",
            b"one\r\ntwo\rthree \xff\nfour\x0cfour-b\xe2\x80\xa8four-c\nfive \xfe\xfe\n",
        );
        let mut many = Vec::new();
        for i in 1..=8 {
            many.extend_from_slice(format!("{{\"text\":\"{i} ").as_bytes());
            many.extend_from_slice(b"\xff\"}\n");
        }
        let m = write(&d, "many.jsonl", &many);
        let mut it = open_all(
            discover(&[j.clone(), t.clone(), m.clone()]).unwrap(),
            InputOptions::default(),
        );
        assert_eq!(kinds(&it.by_ref().collect::<Vec<_>>()), ["ok"; 12]);
        let w: Vec<(String, String)> = it
            .take_warnings()
            .into_iter()
            .map(|w| (w.location, w.message))
            .collect();
        assert_eq!(
            w,
            [
                (
                    format!("{}:3", j.display()),
                    "2 invalid UTF-8 sequence(s) repaired: a line that reads as Windows-1252 is decoded so, other bytes become U+FFFD".into()
                ),
                (
                    format!("{}:3", t.display()),
                    "3 invalid UTF-8 sequence(s) on 2 lines (3, 7) repaired: a line that reads as Windows-1252 is decoded so, other bytes become U+FFFD".into()
                ),
                (
                    format!("{}:1", m.display()),
                    "8 invalid UTF-8 sequence(s) on 8 lines (1, 2, 3, 4, \
                     5, ...) repaired: a line that reads as Windows-1252 is decoded so, other bytes become U+FFFD"
                        .into()
                ),
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_warnings_not_failures() {
        let d = tmpdir("dup");
        let a = write(
            &d,
            "a.jsonl",
            b"{\"id\":\"x\",\"text\":\"1\"}\n{\"id\":\"y\",\"text\":\"2\"}\n",
        );
        let b = write(
            &d,
            "b.jsonl",
            b"{\"text\":\"3\"}\n{\"id\":\"x\",\"text\":\"4\"}\n",
        );
        let mut it = open_all(
            discover(&[a.clone(), b.clone()]).unwrap(),
            InputOptions::default(),
        );
        let items: Vec<_> = it.by_ref().collect();
        assert_eq!(kinds(&items), ["ok"; 4]);
        let w = it.take_warnings();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].kind, "duplicate-id");
        assert_eq!(w[0].location, format!("{}:2", b.display()));
        // the warning says where the id was first seen
        let first = format!("(first at {}:1)", a.display());
        assert!(w[0].message.contains(&first), "{}", w[0].message);
    }

    /// Items and warnings, each warning shown after the item it was taken with.
    fn trace(
        mut next: impl FnMut() -> Option<Result<Record, InputError>>,
        mut warnings: impl FnMut() -> Vec<InputError>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(item) = next() {
            out.push(match item {
                Ok(r) => format!(
                    "ok {} {} {} {} {:?} {:?}",
                    r.seq, r.id, r.source, r.source_line, r.repaired_utf8, r.text
                ),
                Err(e) => format!("err {e:?}"),
            });
            out.extend(warnings().into_iter().map(|w| format!("warn {w:?}")));
        }
        out.extend(warnings().into_iter().map(|w| format!("warn {w:?}")));
        out
    }

    #[test]
    fn parallel_replays_the_serial_reading() {
        let d = tmpdir("parallel");
        let mut paths = vec![
            write(
                &d,
                "a.jsonl",
                b"\xEF\xBB\xBF{\"id\":\"x\",\"text\":\"1 \xff\"}\n\n{\"id\":\"y\",\"text\":\"2\"}\nnot json\n",
            ),
            write(&d, "b.jsonl", b"{\"text\":\"3\"}\n{\"id\":\"x\",\"text\":\"4\xfe\"}\n"),
            write(&d, "c.jsonl", b"\n\n"),
            write(&d, "d.txt", b"a text dump \xff with a bad byte\n"),
            write(&d, "e.jsonl.gz", &gz(b"{\"id\":\"y\",\"text\":\"5\"}\n")[..20]),
            write(&d, "f.jsonl", b"[1]\n{\"id\":\"z\",\"text\":\"6\xff\"}"),
            // a byte order mark alone on the first line is a blank line, no record
            write(&d, "g.jsonl", b"\xEF\xBB\xBF\n{\"id\":\"w\",\"text\":\"7\"}\n"),
        ];
        paths.sort();
        let sources = discover(&paths).unwrap();
        // the default id field, and one no record has (a `missing-id-field` warning per file)
        let id_fields = [
            InputOptions::default(),
            InputOptions {
                id_field: "key".into(),
                ..Default::default()
            },
        ];
        for opts in id_fields {
            let mut serial = open_all(sources.clone(), opts.clone());
            let want = {
                let s = std::cell::RefCell::new(&mut serial);
                trace(|| s.borrow_mut().next(), || s.borrow_mut().take_warnings())
            };
            let id_warning = if opts.id_field == "id" {
                "duplicate-id"
            } else {
                "missing-id-field"
            };
            assert!(want.iter().any(|l| l.contains(id_warning)), "{want:#?}");
            assert!(
                want.iter().any(|l| l.contains("repaired-utf8")),
                "{want:#?}"
            );
            let g: Vec<&String> = want.iter().filter(|l| l.contains("g.jsonl")).collect();
            assert!(
                g[0].starts_with("ok ") && !g.iter().any(|l| l.starts_with("err")),
                "{g:#?}"
            );
            for (threads, chunk) in [(1, 1), (2, 1), (2, 3), (3, 100)] {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .unwrap();
                let (tx, rx) = std::sync::mpsc::sync_channel(1);
                let mut events = open_all(sources.clone(), opts.clone());
                let reader = std::thread::spawn(move || loop {
                    let c: Vec<RawEvent> = std::iter::from_fn(|| events.next_event())
                        .take(chunk)
                        .collect();
                    if c.is_empty() || tx.send(c).is_err() {
                        return;
                    }
                });
                let mut par = Parallel::new(rx, &pool, opts.clone());
                let got = {
                    let p = std::cell::RefCell::new(&mut par);
                    trace(|| p.borrow_mut().next(), || p.borrow_mut().take_warnings())
                };
                reader.join().unwrap();
                assert_eq!(got, want, "threads {threads}, chunks of {chunk}");
            }
        }
    }

    #[test]
    fn size_limits() {
        let d = tmpdir("limits");
        let big = write(&d, "big.txt", &[b'a'; 100]);
        let j = write(
            &d,
            "j.jsonl",
            format!(
                "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
                "a".repeat(100)
            )
            .as_bytes(),
        );
        let opts = InputOptions {
            max_record_bytes: 50,
            ..Default::default()
        };
        let items = read_with(&[big, j.clone()], opts);
        assert_eq!(kinds(&items), ["too-large", "line-too-long", "ok"]);
        assert_eq!(
            items[1].as_ref().unwrap_err().location,
            format!("{}:1", j.display())
        );
        assert_eq!(items[2].as_ref().unwrap().source_line, 2);
    }

    #[test]
    fn unknown_extension_given_explicitly_is_text() {
        let d = tmpdir("ext");
        let p = write(&d, "page.html", b"{\"text\":\"not parsed\"}");
        let items = read(std::slice::from_ref(&p));
        assert_eq!(items[0].as_ref().unwrap().text, "{\"text\":\"not parsed\"}");
        // but walking a directory skips it
        let mut it = open_all(
            discover(std::slice::from_ref(&d)).unwrap(),
            InputOptions::default(),
        );
        let items: Vec<_> = it.by_ref().collect();
        assert!(items.is_empty());
        // and says so: warnings, not failures, for the file and the directory left empty
        let w = it.take_warnings();
        assert_eq!(
            w.iter()
                .map(|w| (w.kind, w.location.as_str()))
                .collect::<Vec<_>>(),
            [
                ("no-inputs", d.to_str().unwrap()),
                ("unknown-extension", p.to_str().unwrap())
            ]
        );
    }

    /// The texts of the records read, in order (errors as their kinds).
    fn texts(items: &[Result<Record, InputError>]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Ok(r) => r.text.clone(),
                Err(e) => e.kind.to_string(),
            })
            .collect()
    }

    #[test]
    fn formats_by_name_ignoring_case_then_by_content() {
        let d = tmpdir("formats");
        let jl = b"{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
        let braced = b"{Breaking} A text dump\nwhose first line starts with a brace\n";
        let paths = [
            write(&d, "a.ndjson", jl),
            write(&d, "b.JSONL", jl),
            write(&d, "c.NDJSON.GZ", &gz(jl)),
            write(&d, "d", jl),
            write(&d, "e", braced),
            write(&d, "f.Txt", jl),
            // compressed whatever the name says
            write(&d, "g.jsonl", &gz(jl)),
            write(&d, "h", &zstd::encode_all(&jl[..], 3).unwrap()),
            write(&d, "i.txt.zst", &gz(b"gzip in a .zst")),
        ];
        let items = read(&paths);
        let want = ["one", "two", "one", "two", "one", "two", "one", "two"]
            .iter()
            .map(|s| s.to_string())
            .chain([String::from_utf8_lossy(braced).trim_end().to_string()])
            .chain([String::from_utf8_lossy(jl).trim_end().to_string()])
            .chain(["one", "two", "one", "two", "gzip in a .zst"].map(String::from))
            .collect::<Vec<_>>();
        assert_eq!(texts(&items), want);
        let jsonl: Vec<bool> = items.iter().map(|i| i.as_ref().unwrap().jsonl).collect();
        assert_eq!(jsonl.iter().filter(|j| !**j).count(), 3, "{jsonl:?}");

        // --input-format forces the reading
        let forced = |format, p: &PathBuf| {
            let opts = InputOptions {
                format,
                ..Default::default()
            };
            texts(&read_with(std::slice::from_ref(p), opts))
        };
        assert_eq!(forced(InputFormat::Jsonl, &paths[5]), ["one", "two"]);
        assert_eq!(
            forced(InputFormat::Jsonl, &paths[4]),
            ["invalid-json", "invalid-json"]
        );
        assert_eq!(
            forced(InputFormat::Text, &paths[6]),
            [String::from_utf8_lossy(jl).trim_end()]
        );
    }

    #[test]
    fn sniffing_reads_the_first_line() {
        assert!(sniff_jsonl(b"\n  \n{\"text\": \"a\"}\r\nnot json"));
        assert!(sniff_jsonl(b"\xEF\xBB\xBF{\"a\":1}"));
        // a first line longer than the head: a valid beginning is enough
        assert!(sniff_jsonl(b"{\"text\": \"a long line cut he"));
        assert!(!sniff_jsonl(b"{Breaking} news\n"));
        assert!(!sniff_jsonl(b"[1, 2]\n"));
        assert!(!sniff_jsonl(b"Plain text\n{\"a\":1}\n"));
        assert!(!sniff_jsonl(b""));
        // a lone CR ends the first line as LF does (old Mac line ends)
        assert!(sniff_jsonl(b"\r\r{\"text\": \"a\"}\r{\"text\": \"b\"}\r"));
    }

    #[test]
    fn sniffing_reads_past_a_cut_off_first_record() {
        // a first record cut short, records after it: JSONL, the broken one fails at its line
        assert!(sniff_jsonl(b"{\"text\": \"cut\"\n{\"text\":\"b\"}\n"));
        assert!(sniff_jsonl(b"{\"text\": \"cut\"\r{\"text\":\"b\"}\r"));
        assert!(sniff_jsonl(
            b"{\"id\":\"r1\",\"text\":\"cut by\n\n{\"id\":\"r2\",\"text\":\"b\"}\n{\"id\":\"r3\"}\n"
        ));
        // the record after it runs past the head: a valid beginning counts
        assert!(sniff_jsonl(b"{\"text\": \"cut\n{\"text\": \"a long li"));
        // no whole record among the first lines, or too few: a text dump
        assert!(!sniff_jsonl(b"{\"text\": \"cut\n{\"text\": \"cut too\n"));
        assert!(!sniff_jsonl(
            b"{\"a\": 1,\nsome prose\nmore prose\n{\"b\":2}\n"
        ));
        // a first line that opens no keyed object is read as before
        assert!(!sniff_jsonl(
            b"{Breaking news\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n"
        ));
        assert!(!sniff_jsonl(b"Plain text\n{\"a\":1}\n{\"a\":2}\n"));
        assert!(opens_with_key(b"{ \"id\" : \"r1"));
        assert!(opens_with_key(b"{\"a\\\"b\":"));
        assert!(!opens_with_key(b"{\"id\" and more"));
        assert!(!opens_with_key(b"{id: 1"));
    }

    /// A reader that hands out its bytes a few at a time, as a pipe may, then an error if
    /// given one.
    struct Trickle {
        data: Vec<u8>,
        pos: usize,
        error_at_end: bool,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.pos == self.data.len() {
                return match std::mem::take(&mut self.error_at_end) {
                    true => Err(std::io::Error::other("broken pipe")),
                    false => Ok(0),
                };
            }
            let n = 3.min(buf.len()).min(self.data.len() - self.pos);
            buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    #[test]
    fn the_head_is_the_same_however_the_bytes_arrive() {
        let data: Vec<u8> = b"{\"text\": \"cut\n{\"text\":\"b\"}\n".repeat(5000);
        let mut r = HeadFilled::new(Trickle {
            data: data.clone(),
            pos: 0,
            error_at_end: false,
        });
        assert_eq!(r.fill_buf().unwrap().len(), HEAD_BYTES);
        assert_eq!(r.fill_buf().unwrap(), &data[..HEAD_BYTES]);
        r.consume(10);
        let mut all = Vec::new();
        r.read_to_end(&mut all).unwrap();
        assert_eq!(all, data[10..]);
        // an error while filling the head comes after the bytes read before it
        let mut r = HeadFilled::new(Trickle {
            data: b"one\ntwo\n".to_vec(),
            pos: 0,
            error_at_end: true,
        });
        assert_eq!(r.fill_buf().unwrap(), b"one\ntwo\n");
        r.consume(8);
        assert!(r.fill_buf().is_err());
        // nothing read before the error: it comes at once
        let mut r = HeadFilled::new(Trickle {
            data: Vec::new(),
            pos: 0,
            error_at_end: true,
        });
        assert!(r.fill_buf().is_err());
    }

    #[test]
    fn a_sniffed_source_read_as_text_that_opens_like_jsonl_gets_a_hint() {
        let d = tmpdir("sniff-hint");
        // one broken line and prose after it: a text dump, with a warning at its first line
        let bare = write(
            &d,
            "records",
            b"\n{\"id\": \"r1\", \"text\": \"cut\nprose\nprose\n",
        );
        let mut it = open_all(
            discover(std::slice::from_ref(&bare)).unwrap(),
            InputOptions::default(),
        );
        assert_eq!(it.by_ref().filter(|r| r.is_ok()).count(), 1);
        let kinds: Vec<_> = it
            .take_warnings()
            .iter()
            .map(|w| (w.kind, w.location.clone()))
            .collect();
        assert_eq!(
            kinds,
            [("looks-like-jsonl", format!("{}:2", bare.display()))]
        );
        // plain prose gets none
        let plain = write(&d, "plain", b"{Breaking} news\nprose\n");
        let mut it = open_all(discover(&[plain]).unwrap(), InputOptions::default());
        assert_eq!(it.by_ref().count(), 1);
        assert!(it.take_warnings().is_empty());
    }

    #[test]
    fn walks_read_input_names_in_any_case_and_report_the_rest() {
        let d = tmpdir("walkcase");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        write(&d.join("sub"), "b.JSONL", b"{\"text\":\"b\"}\n");
        write(&d, "a.ndjson.gz", &gz(b"{\"text\":\"a\"}\n"));
        write(&d, "c.TXT", b"c");
        write(&d, "notes.md", b"not an input");
        write(&d, "README", b"not an input either");
        let srcs = discover(std::slice::from_ref(&d)).unwrap();
        let skipped: Vec<_> = srcs
            .iter()
            .filter(|s| s.is_skipped())
            .map(|s| s.path.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(skipped, ["README", "notes.md"]);
        let mut it = open_all(srcs, InputOptions::default());
        let items: Vec<_> = it.by_ref().collect();
        assert_eq!(texts(&items), ["a", "c", "b"]);
        let w = it.take_warnings();
        assert_eq!(
            w.iter().map(|w| w.kind).collect::<Vec<_>>(),
            ["unknown-extension"; 2]
        );
    }

    /// A named pipe met while walking is reported, not opened (opening it would wait for a
    /// writer forever); the rest of the walk goes on.
    #[cfg(unix)]
    #[test]
    fn walks_report_named_pipes_instead_of_blocking_on_them() {
        let dir = tmpdir("walk-fifo");
        std::fs::write(dir.join("a.txt"), "x").unwrap();
        let fifo = dir.join("p.jsonl");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let items = discover(&[dir.to_path_buf()]).unwrap();
        let pipe = items.iter().find(|s| s.path.ends_with("p.jsonl")).unwrap();
        let problem = pipe.problem.as_ref().expect("reported");
        assert_eq!(problem.kind, "unreadable");
        assert!(
            problem.message.contains("named pipe"),
            "{}",
            problem.message
        );
        assert!(items
            .iter()
            .any(|s| s.path.ends_with("a.txt") && s.problem.is_none()));
    }

    #[test]
    fn walks_leave_out_hidden_files_and_folders_but_a_named_one_is_read() {
        let d = tmpdir("walkhidden");
        std::fs::create_dir_all(d.join(".git")).unwrap();
        write(&d.join(".git"), "config.txt", b"not an input");
        write(&d, ".draft.txt", b"hidden");
        write(&d, ".deboil-manifest", b"# bookkeeping");
        write(&d, "a.txt", b"a");
        write(&d, ".swap", b"hidden, no input's name");
        let srcs = discover(std::slice::from_ref(&d)).unwrap();
        let names: Vec<_> = srcs
            .iter()
            .map(|s| s.path.file_name().unwrap().to_owned())
            .collect();
        // a hidden file with an input's name is said (a warning, read nowhere); the rest and
        // hidden folders are left out unsaid
        assert_eq!(names, [".draft.txt", "a.txt"]);
        assert_eq!(srcs[0].problem.as_ref().map(|p| p.kind), Some("hidden"));
        assert!(srcs[0].is_skipped() && srcs[1].problem.is_none());
        let named = discover(&[d.join(".draft.txt"), d.join(".git")]).unwrap();
        let names: Vec<_> = named
            .iter()
            .map(|s| s.path.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, [".draft.txt", "config.txt"]);
    }

    #[test]
    fn directories_sorted_and_missing_path() {
        let d = tmpdir("walk");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        write(&d, "b.txt", b"b");
        write(&d.join("sub"), "a.txt", b"sa");
        write(&d, "a.txt", b"a");
        write(&d, "skip.bin", b"x");
        let srcs = discover(std::slice::from_ref(&d)).unwrap();
        let rel: Vec<_> = srcs
            .iter()
            .filter(|s| !s.is_skipped())
            .map(|s| s.relative.clone())
            .collect();
        assert_eq!(
            rel,
            [
                PathBuf::from("a.txt"),
                "b.txt".into(),
                PathBuf::from("sub").join("a.txt")
            ]
        );
        assert!(matches!(
            discover(&[d.join("nope")]),
            Err(Error::MissingInput(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_once() {
        let d = tmpdir("loop");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        write(&d.join("sub"), "a.txt", b"a");
        std::os::unix::fs::symlink(&d, d.join("sub").join("up")).unwrap();
        std::os::unix::fs::symlink(d.join("sub"), d.join("again")).unwrap();
        std::os::unix::fs::symlink(d.join("self"), d.join("self")).unwrap();
        let items = read(std::slice::from_ref(&d));
        let ok: Vec<_> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
        assert_eq!(ok.len(), 1, "{items:?}");
        assert!(kinds(&items).contains(&"symlink-loop"), "{items:?}");
    }

    /// Several symlinks to one folder: it is walked at the first of them in name order (the
    /// read_dir order is the file system's) and each other one is a `named-twice` warning.
    #[cfg(unix)]
    #[test]
    fn a_folder_linked_twice_is_walked_at_its_first_place() {
        let d = tmpdir("linked-twice");
        std::fs::create_dir_all(d.join("other")).unwrap();
        std::fs::create_dir_all(d.join("in")).unwrap();
        write(&d.join("other"), "b.txt", b"a sentence");
        for name in ["z9", "a1", "m5"] {
            std::os::unix::fs::symlink(d.join("other"), d.join("in").join(name)).unwrap();
        }
        let sources = discover(&[d.join("in")]).unwrap();
        let shown: Vec<(String, Option<&str>)> = sources
            .iter()
            .map(|s| (s.display.clone(), s.problem.as_ref().map(|p| p.kind)))
            .collect();
        let at = |name: &str| d.join("in").join(name).display().to_string();
        assert_eq!(
            shown,
            [
                (at("a1/b.txt"), None),
                (at("m5"), Some(NAMED_TWICE)),
                (at("z9"), Some(NAMED_TWICE)),
            ],
        );
        assert!(sources[1].problem.as_ref().unwrap().message.contains("a1"));
    }

    #[test]
    fn utf16_jsonl_is_an_unsupported_encoding() {
        let d = tmpdir("utf16jsonl");
        let mut bytes = vec![0xFF, 0xFE];
        for u in "{\"text\":\"a\"}\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let p = write(&d, "u.jsonl", &bytes);
        assert_eq!(kinds(&read(&[p])), ["unsupported-encoding"]);
        // without a name that says JSONL, it is sniffed as it reads, not cleaned as text
        let p = write(&d, "u", &bytes);
        assert_eq!(kinds(&read(&[p])), ["unsupported-encoding"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_broken_symlink_is_named_as_one() {
        let d = tmpdir("dangling");
        write(&d, "a.txt", b"a");
        std::os::unix::fs::symlink(d.join("gone.txt"), d.join("b.txt")).unwrap();
        let srcs = discover(std::slice::from_ref(&d)).unwrap();
        let p = srcs
            .iter()
            .find_map(|s| s.problem.as_ref())
            .expect("the broken link is reported");
        assert_eq!(p.kind, "unreadable");
        assert!(p.message.contains("broken symlink"), "{}", p.message);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file() {
        use std::os::unix::fs::PermissionsExt;
        let d = tmpdir("perm");
        let p = write(&d, "p.txt", b"secret");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&p).is_ok() {
            return; // running as root: permissions do not apply
        }
        let items = read(&[p]);
        assert_eq!(kinds(&items), ["unreadable"]);
    }

    /// Yields one JSONL line, then fails: reading the first record must not read further.
    struct FailAfterFirst(usize, &'static [u8]);
    impl Read for FailAfterFirst {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.0 += 1;
            if self.0 > 1 {
                return Err(std::io::Error::other("read past the first record"));
            }
            let line = self.1;
            buf[..line.len()].copy_from_slice(line);
            Ok(line.len())
        }
    }

    #[test]
    fn records_are_lazy() {
        // with an LF, a CRLF, or a CR, which might be the first half of a CRLF
        for line in [
            &b"{\"text\":\"first\"}\n"[..],
            b"{\"text\":\"first\"}\r\n",
            b"{\"text\":\"first\"}\r",
        ] {
            let mut it = reading_jsonl(
                "lazy.jsonl",
                Box::new(BufReader::new(FailAfterFirst(0, line))),
            );
            assert_eq!(it.next().unwrap().unwrap().text, "first");
            let e = it.next().unwrap().unwrap_err();
            assert_eq!(
                (e.kind, e.location.as_str()),
                ("unreadable", "lazy.jsonl:2")
            );
            assert!(it.next().is_none());
        }
    }

    #[test]
    fn many_lines_stream_with_one_buffer() {
        let d = tmpdir("many");
        let mut s = Vec::new();
        for i in 0..100_000 {
            writeln!(s, "{{\"text\":\"{i}\"}}").unwrap();
        }
        let p = write(&d, "m.jsonl", &s);
        let mut it = open_all(discover(&[p]).unwrap(), InputOptions::default());
        assert_eq!(it.next().unwrap().unwrap().text, "0");
        assert!(it.current.as_ref().unwrap().buf.capacity() < 1024);
        assert_eq!(it.count(), 99_999);
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        let d = tmpdir("odd");
        let blobs: [&[u8]; 6] = [
            b"\xFF\xFE\x00",
            b"\xFE\xFF\xD8",
            b"\r\r\r",
            b"{",
            b"{\"text\":\"\\ud800\"}",
            b"\xEF\xBB\xBF",
        ];
        for (i, b) in blobs.iter().enumerate() {
            let t = write(&d, &format!("{i}.txt"), b);
            let j = write(&d, &format!("{i}.jsonl"), b);
            let _ = read(&[t, j]);
        }
    }
}
