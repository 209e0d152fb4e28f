//! Writing cleaned documents: text (stdout with form-feed separators, or one file per document
//! under a directory) or JSONL (stdout or one file). Files are written to a temporary name beside
//! the target and renamed when complete, so an interrupted run leaves no half-written file. A
//! directory run keeps a [`manifest`] of the files it wrote, so a rerun removes its stale ones.

pub mod lock;
pub mod manifest;
pub mod target;

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::pipeline::apply::CleanDoc;

/// Output format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Jsonl,
}

/// Temporary files being written right now, so an interrupt handler can remove them.
static TEMP_FILES: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Creates a temporary file and registers it for removal on interrupt, both under the lock
/// the interrupt handler takes ([`interrupted`]), so no temporary file exists unregistered.
pub(crate) fn create_temp(p: &Path) -> std::io::Result<File> {
    let mut v = TEMP_FILES.lock().unwrap_or_else(|e| e.into_inner());
    let f = File::create(p)?;
    v.push(p.to_path_buf());
    Ok(f)
}

/// Forgets a temporary file removed by its owner.
pub(crate) fn unregister_temp(p: &Path) {
    let mut v = TEMP_FILES.lock().unwrap_or_else(|e| e.into_inner());
    v.retain(|q| q != p);
}

/// For SIGINT/SIGTERM: removes every temporary file still being written and ends the process
/// with `code`, holding the lock [`create_temp`] takes, so no thread creates another one
/// meanwhile. Targets are only ever renamed into place whole, so no half-written file remains;
/// documents already complete stay (a text output directory may hold some, listed in its
/// journal). On a terminal the line is cleared first: a progress bar may be drawn on it.
pub fn interrupted(code: i32) -> ! {
    let v = TEMP_FILES.lock().unwrap_or_else(|e| e.into_inner());
    for p in v.iter() {
        let _ = std::fs::remove_file(p);
    }
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        eprint!("\r\x1b[2K");
    }
    eprintln!("deboil: interrupted; no half-written file left");
    std::process::exit(code)
}

/// A file being written under a temporary name; `commit` renames it into place.
///
/// - A symlink is followed: the file it points to is replaced, the link stays.
/// - A FIFO, a device (`/dev/null`) or another file that is not a regular file cannot be
///   replaced by a rename: it is opened and written in place, as a shell's `>` would.
/// - A name ending in `.gz` or `.zst` is written compressed (gzip level 6, zstd level 3), so
///   that deboil reads back what it wrote.
pub struct AtomicFile {
    /// The temporary file, renamed onto `dest` by `commit`; `None` when written in place.
    tmp: Option<PathBuf>,
    /// The path as given, for messages.
    target: PathBuf,
    /// Where the data ends up: `target` with its symlinks followed.
    dest: PathBuf,
    w: Option<Encoded>,
    sync: bool,
}

/// The writer of an [`AtomicFile`], compressed as its name says.
enum Encoded {
    Plain(BufWriter<File>),
    Gzip(Box<flate2::write::GzEncoder<BufWriter<File>>>),
    Zstd(Box<zstd::Encoder<'static, BufWriter<File>>>),
}

impl Encoded {
    fn new(f: File, name: &Path) -> std::io::Result<Encoded> {
        let w = BufWriter::new(f);
        let ext = name
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        Ok(match ext.as_deref() {
            Some("gz") => Encoded::Gzip(Box::new(flate2::write::GzEncoder::new(
                w,
                flate2::Compression::new(6),
            ))),
            Some("zst") => Encoded::Zstd(Box::new(zstd::Encoder::new(w, 3)?)),
            _ => Encoded::Plain(w),
        })
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Encoded::Plain(w) => w,
            Encoded::Gzip(w) => w,
            Encoded::Zstd(w) => w,
        }
    }

    /// Ends the compressed stream and flushes everything to the file.
    fn finish(self) -> std::io::Result<File> {
        let w = match self {
            Encoded::Plain(w) => w,
            Encoded::Gzip(w) => (*w).finish()?,
            Encoded::Zstd(w) => (*w).finish()?,
        };
        w.into_inner().map_err(|e| e.into_error())
    }
}

/// The descriptor `p` names when it names one of this process's open descriptors:
/// `/dev/stdout` (1), `/dev/stderr` (2), `/dev/fd/N`, `/proc/self/fd/N` (what a shell's
/// `>(...)` gives), or a link to one of them.
pub fn descriptor_named(p: &Path) -> Option<u32> {
    let mut at = p.to_path_buf();
    for _ in 0..=40 {
        let s = at.to_str()?;
        match s {
            "/dev/stdout" => return Some(1),
            "/dev/stderr" => return Some(2),
            _ => {}
        }
        let own = format!("/proc/{}/fd/", std::process::id());
        let n = [
            "/dev/fd/",
            "/proc/self/fd/",
            "/proc/thread-self/fd/",
            own.as_str(),
        ]
        .iter()
        .find_map(|prefix| s.strip_prefix(prefix));
        if let Some(n) = n {
            return n.parse().ok();
        }
        match std::fs::read_link(&at) {
            Ok(to) if to.is_absolute() => at = to,
            Ok(to) => at = at.parent().unwrap_or(Path::new("")).join(to),
            Err(_) => return None,
        }
    }
    None
}

/// `p` with its symlinks followed, link after link (a dangling link gives the path it names);
/// more than 40 links (a loop) is an error, as the system's own lookup would say.
fn follow_links(p: &Path) -> std::io::Result<PathBuf> {
    let mut at = p.to_path_buf();
    for _ in 0..=40 {
        match std::fs::read_link(&at) {
            Ok(to) if to.is_absolute() => at = to,
            Ok(to) => at = at.parent().unwrap_or(Path::new("")).join(to),
            Err(_) => return Ok(at),
        }
    }
    Err(std::io::Error::other(
        "too many levels of symbolic links (a loop?)",
    ))
}

impl AtomicFile {
    /// Starts writing `target`, whose folder must exist; `commit` syncs its data to disk
    /// before renaming it into place.
    pub fn create(target: &Path) -> Result<AtomicFile, Error> {
        Self::open(target, true)
    }

    /// [`AtomicFile::create`] without the sync: for the many small files of a text output
    /// directory, where a sync per file costs more than the cleaning (an interrupted run still
    /// leaves no half-written file; a crash of the machine may leave the last files empty).
    pub fn create_unsynced(target: &Path) -> Result<AtomicFile, Error> {
        Self::open(target, false)
    }

    fn open(target: &Path, sync: bool) -> Result<AtomicFile, Error> {
        if descriptor_named(target).is_some() {
            // an open descriptor (`/dev/stdout`, `>(gzip > r.gz)`): appended to where it
            // stands, as a shell's `>>` would, so a file behind it keeps what it holds
            let f = File::options()
                .append(true)
                .open(target)
                .map_err(|e| Error::io(target, e))?;
            let w = Encoded::new(f, target).map_err(|e| Error::io(target, e))?;
            return Ok(AtomicFile {
                tmp: None,
                target: target.to_path_buf(),
                dest: target.to_path_buf(),
                w: Some(w),
                sync,
            });
        }
        let dest = follow_links(target).map_err(|e| Error::io(target, e))?;
        let in_place = std::fs::metadata(&dest).is_ok_and(|m| !m.is_file() && !m.is_dir());
        let (tmp, f) = if in_place {
            let f = File::options()
                .write(true)
                .truncate(true)
                .open(&dest)
                .map_err(|e| Error::io(target, e))?;
            (None, f)
        } else {
            let name = dest
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if sync {
                // what a killed run left while writing this target (see [`lock`])
                lock::sweep_beside(&dest);
            }
            let tmp = dest.with_file_name(format!(".{name}.deboil-{}.tmp", std::process::id()));
            let f = create_temp(&tmp).map_err(|e| Error::io(target, e))?;
            (Some(tmp), f)
        };
        let w = Encoded::new(f, &dest).map_err(|e| Error::io(target, e))?;
        Ok(AtomicFile {
            tmp,
            target: target.to_path_buf(),
            dest,
            w: Some(w),
            sync,
        })
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        self.w
            .as_mut()
            .expect("AtomicFile used after commit")
            .writer()
    }

    pub fn commit(mut self) -> Result<(), Error> {
        let w = self.w.take().expect("AtomicFile committed twice");
        let f = match w.finish() {
            Ok(f) => f,
            Err(e) => {
                self.discard();
                return Err(Error::io(&self.target, e));
            }
        };
        let Some(tmp) = self.tmp.take() else {
            return Ok(());
        };
        // a file replaced keeps its permissions (a private file stays private)
        if let Ok(m) = std::fs::metadata(&self.dest) {
            let _ = f.set_permissions(m.permissions());
        }
        if self.sync {
            f.sync_data().ok();
        }
        drop(f);
        let r = std::fs::rename(&tmp, &self.dest).map_err(|e| Error::io(&self.target, e));
        if r.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        unregister_temp(&tmp);
        r
    }

    fn discard(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = std::fs::remove_file(&tmp);
            unregister_temp(&tmp);
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer().write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer().flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.w.is_some() {
            self.discard();
        }
    }
}

/// The JSONL record of a document: `id, source, part, title, date, text`, then the carried
/// input fields in input order (`date` only when the document has one). `id` is
/// [`CleanDoc::output_id`]: the articles of a split record get `<id>#<part>`.
/// A carried field named like one of the first six (`title`, `source`, `part`, `id` or `text`
/// when `--id-field`/`--text-field` name another field, `date` when a date was found in the
/// text) is kept as `input_<name>`, with `_` appended while that name is an input field of its
/// own ([`carried_name`]); an input `date` with no date found in the text stays `date`.
/// Serialised straight from the document: building a `serde_json::Value` first would copy its
/// text and every carried field, and hash each key into a map.
pub struct JsonlRecord<'a>(pub &'a CleanDoc);

/// The key a carried input field `k` is written under: `k` itself, or `input_<k>` (then
/// `input_<k>_`, `input_<k>__`, ...: the first name no input field has) when `k` is one of the
/// record's own keys. Own keys hold no `_`, so two renamed fields never meet either.
pub fn carried_name<'k>(d: &CleanDoc, k: &'k str) -> std::borrow::Cow<'k, str> {
    let own = matches!(k, "id" | "source" | "part" | "title" | "text")
        || (k == "date" && d.date.is_some());
    if !own {
        return std::borrow::Cow::Borrowed(k);
    }
    let mut name = format!("input_{k}");
    while d.fields.contains_key(&name) {
        name.push('_');
    }
    std::borrow::Cow::Owned(name)
}

impl serde::Serialize for JsonlRecord<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let d = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &d.output_id())?;
        m.serialize_entry("source", &d.source)?;
        m.serialize_entry("part", &d.part)?;
        m.serialize_entry("title", &d.title)?;
        if let Some(date) = &d.date {
            m.serialize_entry("date", date)?;
        }
        m.serialize_entry("text", &d.text)?;
        for (k, v) in d.fields.iter() {
            m.serialize_entry(carried_name(d, k).as_ref(), v)?;
        }
        m.end()
    }
}

/// A document's bytes in `format`: the text rendering, or one JSONL line (with its newline).
/// Called on the worker threads so that writing is only copying.
pub fn render(d: &CleanDoc, format: Format) -> Vec<u8> {
    match format {
        Format::Text => d.render_text().into_bytes(),
        Format::Jsonl => {
            let mut v = serde_json::to_vec(&JsonlRecord(d)).unwrap_or_default();
            v.push(b'\n');
            v
        }
    }
}

/// Stdout of a run whose report or exit code depends on the whole run (`--report`,
/// `--fail-on-removal`, `--strict`, `check`). Once the reader closes it (a broken pipe,
/// `| head`), the rest of the output is dropped and the run goes on, so that the report still
/// accounts for every input and the exit code says what it would have said.
pub struct UntilClosed<'a> {
    inner: &'a mut dyn Write,
    closed: bool,
}

impl<'a> UntilClosed<'a> {
    pub fn new(inner: &'a mut dyn Write) -> Self {
        UntilClosed {
            inner,
            closed: false,
        }
    }

    /// Whether the reader has closed the stream.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    fn closing<T>(&mut self, r: std::io::Result<T>, ok: T) -> std::io::Result<T> {
        match r {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(ok)
            }
            r => r,
        }
    }
}

impl Write for UntilClosed<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let r = self.inner.write(buf);
        self.closing(r, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.inner.flush();
        self.closing(r, ())
    }
}

/// Where documents go.
pub enum Sink<'a> {
    /// A stream (stdout): text documents separated by a form-feed line, or JSONL.
    Stream {
        out: &'a mut dyn Write,
        format: Format,
        first: bool,
    },
    /// One file per document under a directory (text format); `written` are the files written,
    /// relative to `dir`, for the directory's [`manifest`].
    Dir {
        dir: PathBuf,
        names: DirNames,
        written: Vec<PathBuf>,
        /// The names written so far, also on disk for a run that is interrupted.
        journal: manifest::Journal,
        /// What earlier runs' manifest and journal list: the only files a run may overwrite.
        previous: std::collections::HashSet<PathBuf>,
        /// Inputs that failed in part or whole this run, and the files kept for them.
        failed: Box<FailedInputs>,
    },
    /// One JSONL file.
    File { file: AtomicFile },
    /// No documents (`--dry-run`, `--diff`): the stream gets the listing instead.
    Listing { out: &'a mut dyn Write },
}

impl<'a> Sink<'a> {
    /// Writes one document. `rel` is the input's path relative to its argument; `record_line`
    /// names documents of a JSONL input in directory output. Returns the file written, relative
    /// to the output directory, for a directory sink.
    pub fn write(
        &mut self,
        d: &CleanDoc,
        rendered: &[u8],
        rel: &Path,
        record_line: Option<usize>,
    ) -> Result<Option<PathBuf>, Error> {
        match self {
            Sink::Stream { out, format, first } => {
                let sep: &[u8] = if *first || *format == Format::Jsonl {
                    b""
                } else {
                    b"\x0c\n"
                };
                *first = false;
                out.write_all(sep)
                    .and_then(|_| out.write_all(rendered))
                    .map_err(|e| Error::io("<stdout>", e))?;
                Ok(None)
            }
            Sink::Dir {
                dir,
                names,
                written,
                journal,
                previous,
                ..
            } => {
                let name = names.name(rel, &d.source, record_line, d.part, d.parts);
                let path = dir.join(&name);
                if std::fs::symlink_metadata(&path).is_ok() && !previous.contains(&name) {
                    return Err(Error::Usage(format!(
                        "-o {}: {} is already there, and no earlier deboil run into {} wrote it \
                         (its {} does not list it); deboil does not overwrite it: move it away, \
                         or write to another directory",
                        dir.display(),
                        path.display(),
                        dir.display(),
                        manifest::MANIFEST
                    )));
                }
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                }
                let mut f = AtomicFile::create_unsynced(&path)?;
                f.writer()
                    .write_all(rendered)
                    .map_err(|e| Error::io(&path, e))?;
                // listed before it is put in place: an interrupt between the two leaves a name
                // the next run finds missing, never a file no journal lists
                journal.add(dir, &name)?;
                f.commit()?;
                written.push(name.clone());
                Ok(Some(name))
            }
            Sink::File { file } => {
                let target = file.target.clone();
                file.writer()
                    .write_all(rendered)
                    .map_err(|e| Error::io(target, e))?;
                Ok(None)
            }
            Sink::Listing { .. } => Ok(None),
        }
    }

    /// Notes that the input `source` (at `rel` relative to its argument) failed in part or
    /// whole this run:
    /// what earlier runs wrote for it stays (a directory sink's rerun would otherwise remove the
    /// documents it did not read this time as gone from the input).
    pub fn keep_outputs_of(&mut self, source: &str, rel: &Path) {
        if let Sink::Dir {
            failed,
            previous,
            names,
            ..
        } = self
        {
            let FailedInputs {
                inputs,
                kept,
                index,
            } = &mut **failed;
            if inputs.insert(rel.to_path_buf()) {
                let index = index.get_or_insert_with(|| PreviousByInput::new(previous.iter()));
                // the kept files' names stay taken, so no later document is written over them
                for p in index.written_for(rel) {
                    names.keep_for(p, source);
                    kept.push(p.clone());
                }
            }
        }
    }

    /// Writes dry-run or diff output (only a `Listing` sink shows it).
    pub fn listing(&mut self, bytes: &[u8]) -> Result<(), Error> {
        match self {
            Sink::Listing { out } => out.write_all(bytes).map_err(|e| Error::io("<stdout>", e)),
            _ => Ok(()),
        }
    }

    /// Ends a run that wrote nothing worth keeping: a JSONL file is not put in place (its
    /// temporary file is removed) and a directory's manifest is left as it was.
    pub fn abandon(self) {
        drop(self);
    }

    pub fn finish(self) -> Result<(), Error> {
        match self {
            Sink::Stream { out, .. } | Sink::Listing { out } => {
                out.flush().map_err(|e| Error::io("<stdout>", e))
            }
            Sink::File { file } => file.commit(),
            // files an earlier run into the directory wrote and this one did not are removed,
            // except those of inputs that failed this time
            Sink::Dir {
                dir,
                mut written,
                failed,
                ..
            } => {
                let mut kept = failed.kept;
                let now: std::collections::HashSet<&PathBuf> = written.iter().collect();
                kept.retain(|p| !now.contains(p));
                kept.sort();
                kept.dedup();
                written.extend(kept);
                manifest::update(&dir, &written).map(|_| ())
            }
        }
    }
}

/// `<stem>.txt`, `<stem>.<part>.txt` for a split dump, `<stem>.<record line>[.<part>].txt` for a
/// JSONL record; the input's folder structure below its argument is kept.
pub fn doc_file_name(rel: &Path, record_line: Option<usize>, part: usize, parts: usize) -> PathBuf {
    let stem = stem_of(rel);
    named(rel, &stem, record_line, part, parts, 1)
}

/// The input's file name without its input extensions (`a.jsonl.gz` -> `a`).
fn stem_of(rel: &Path) -> String {
    crate::input::input_stem(&file_name(rel)).to_string()
}

fn file_name(rel: &Path) -> String {
    rel.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into())
}

/// `<stem>[.<record line>][.<part>][~<n>].txt` beside `rel` (`~<n>` only for `n` > 1).
fn named(
    rel: &Path,
    stem: &str,
    record_line: Option<usize>,
    part: usize,
    parts: usize,
    n: usize,
) -> PathBuf {
    let mut file = fitted_stem(stem);
    if let Some(l) = record_line {
        file.push_str(&format!(".{l}"));
    }
    if parts > 1 {
        file.push_str(&format!(".{part}"));
    }
    if n > 1 {
        file.push_str(&format!("~{n}"));
    }
    file.push_str(".txt");
    rel.with_file_name(file)
}

/// Stems longer than this many bytes are cut for a document's file name, so that with its
/// suffixes (record line, part, `~n`, `.txt`) it stays within the 255 bytes file systems allow.
const STEM_BYTES: usize = 180;

/// `stem` as a document's file name starts: itself, or when longer than [`STEM_BYTES`] its
/// start (cut at a character boundary), `-` and the xxh3 of the whole stem in hex, so two long
/// stems that share their start still differ.
fn fitted_stem(stem: &str) -> String {
    if stem.len() <= STEM_BYTES {
        return stem.to_string();
    }
    let mut cut = STEM_BYTES - 17;
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(
        "{}-{:016x}",
        &stem[..cut],
        xxhash_rust::xxh3::xxh3_64(stem.as_bytes())
    )
}

/// The file names of a `-o DIR` run, unique within the run. Inputs whose stems are the same
/// (`same.txt` and `same.jsonl`; compared ignoring case, for case-insensitive file systems) keep
/// their whole file name as the stem (`same.txt.0.txt`, `same.jsonl.1.txt`); a name still taken
/// by an earlier document (in input order, so the same at any thread count) gets `~2`, `~3`, ...
/// before `.txt`.
pub struct DirNames {
    /// Stems (with their folders, lowercased) of more than one input.
    shared: std::collections::HashSet<String>,
    /// xxh3 of every name given out (lowercased).
    used: rustc_hash::FxHashSet<u64>,
    /// Names of files kept from an earlier run for an input that failed this time (by xxh3,
    /// lowercased), with that input: only its own documents may be given them.
    kept_for: rustc_hash::FxHashMap<u64, String>,
}

impl DirNames {
    /// For the inputs' paths relative to their arguments (any order). The folders their
    /// documents go into are taken names from the start: a document named like one
    /// (`a.1.txt` beside a folder `a.1.txt` of inputs) gets `~2`, in a fresh run as in a rerun.
    pub fn new<'a>(rels: impl IntoIterator<Item = &'a Path>) -> DirNames {
        let mut seen = std::collections::HashSet::new();
        let mut shared = std::collections::HashSet::new();
        let mut used = rustc_hash::FxHashSet::default();
        for rel in rels {
            let key = stem_key(rel);
            if !seen.insert(key.clone()) {
                shared.insert(key);
            }
            for folder in rel.ancestors().skip(1) {
                if folder.as_os_str().is_empty() {
                    break;
                }
                let h =
                    xxhash_rust::xxh3::xxh3_64(folder.to_string_lossy().to_lowercase().as_bytes());
                if !used.insert(h) {
                    break;
                }
            }
        }
        DirNames {
            shared,
            used,
            kept_for: Default::default(),
        }
    }

    /// Keeps `name` (a file an earlier run wrote for the input `source`, which failed this
    /// time) for that input's own documents: no other document is given it.
    pub fn keep_for(&mut self, name: &Path, source: &str) {
        let h = xxhash_rust::xxh3::xxh3_64(name.to_string_lossy().to_lowercase().as_bytes());
        self.kept_for.entry(h).or_insert_with(|| source.to_string());
    }

    /// The name of a document, unique among the names given so far.
    pub fn name(
        &mut self,
        rel: &Path,
        source: &str,
        record_line: Option<usize>,
        part: usize,
        parts: usize,
    ) -> PathBuf {
        let stem = if self.shared.contains(&stem_key(rel)) {
            file_name(rel)
        } else {
            stem_of(rel)
        };
        let mut n = 1;
        loop {
            let p = named(rel, &stem, record_line, part, parts, n);
            let h = xxhash_rust::xxh3::xxh3_64(p.to_string_lossy().to_lowercase().as_bytes());
            let kept_for_another = self.kept_for.get(&h).is_some_and(|s| s != source);
            if !kept_for_another && self.used.insert(h) {
                return p;
            }
            n += 1;
        }
    }
}

/// The inputs of a directory sink that failed in part or whole (relative to their arguments),
/// and the files earlier runs wrote for them, which stay: found through `index`, built on the
/// first failure.
#[derive(Default)]
pub struct FailedInputs {
    inputs: std::collections::HashSet<PathBuf>,
    kept: Vec<PathBuf>,
    index: Option<PreviousByInput>,
}

/// The files earlier runs wrote into an output directory, looked up by the input they may have
/// been written for: a document of input `rel` is beside it and named
/// `<stem>[.<record line>][.<part>][~<n>].txt` ([`named`]), its stem the input's (or, when
/// inputs share it, its file name; see [`DirNames::name`]). So each file is listed under its
/// folder and each stem its name can be read as: the name without `.txt` and `~<n>`, and
/// without one or two numbers after a `.`. `crawl.retry.1.txt` is no document of `crawl.jsonl`
/// (before, every start of a name that ended before a `.` counted, so a failed `crawl.jsonl`
/// kept `crawl.retry.jsonl`'s files and that input's documents were written again beside them).
/// A stem that is another's and a number (`data.jsonl`, `data.1.jsonl`) is still read both ways,
/// which only keeps a file longer.
pub struct PreviousByInput {
    by_start: HashMap<(PathBuf, String), Vec<PathBuf>>,
}

impl PreviousByInput {
    pub fn new<'a>(previous: impl IntoIterator<Item = &'a PathBuf>) -> Self {
        let mut by_start: HashMap<(PathBuf, String), Vec<PathBuf>> = HashMap::new();
        for p in previous {
            let folder = p.parent().unwrap_or(Path::new("")).to_path_buf();
            for stem in stems_of_document(&file_name(p)) {
                by_start
                    .entry((folder.clone(), stem.to_string()))
                    .or_default()
                    .push(p.clone());
            }
        }
        PreviousByInput { by_start }
    }

    /// The files that may have been written for the input `rel`, sorted.
    pub fn written_for(&self, rel: &Path) -> Vec<&PathBuf> {
        let folder = rel.parent().unwrap_or(Path::new("")).to_path_buf();
        let mut found: Vec<&PathBuf> = [stem_of(rel), file_name(rel)]
            .iter()
            .filter_map(|stem| self.by_start.get(&(folder.clone(), fitted_stem(stem))))
            .flatten()
            .collect();
        found.sort();
        found.dedup();
        found
    }
}

/// The stems a document's file name (see [`named`]) can be read as: none for a name that is no
/// document's (it does not end in `.txt`).
fn stems_of_document(file: &str) -> Vec<&str> {
    let Some(mut rest) = file.strip_suffix(".txt") else {
        return Vec::new();
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    // the whole name may be the stem (an input named `a~2.txt` or `data.1.txt`)
    let mut stems = vec![rest];
    if let Some((stem, n)) = rest.rsplit_once('~') {
        if digits(n) {
            rest = stem;
            stems.push(rest);
        }
    }
    for _ in 0..2 {
        match rest.rsplit_once('.') {
            Some((stem, n)) if digits(n) && !stem.is_empty() => {
                stems.push(stem);
                rest = stem;
            }
            _ => break,
        }
    }
    stems.retain(|s| !s.is_empty());
    stems
}

fn stem_key(rel: &Path) -> String {
    rel.with_file_name(stem_of(rel))
        .to_string_lossy()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_of_an_input_are_named_from_its_stem_beside_it() {
        let may = |name: &str, rel: &str| {
            let previous = [PathBuf::from(name)];
            !PreviousByInput::new(&previous)
                .written_for(Path::new(rel))
                .is_empty()
        };
        assert!(may("a.txt", "a.jsonl.gz"));
        assert!(may("a.12.0.txt", "a.jsonl"));
        assert!(may("a~2.txt", "a.txt"));
        assert!(may("sub/a.jsonl.3.txt", "sub/a.jsonl"));
        assert!(!may("ab.txt", "a.jsonl"));
        assert!(may("a.12.0~3.txt", "a.jsonl"));
        // another input whose stem starts like this one's is another input's
        assert!(!may("crawl.retry.1.txt", "crawl.jsonl"));
        assert!(!may("crawl.retry.2.0.txt", "crawl.jsonl"));
        assert!(!may("crawl~x.txt", "crawl.jsonl"));
        assert!(may("crawl.retry.2.0.txt", "crawl.retry.jsonl"));
        assert!(!may("a.json", "a.jsonl"));
        assert!(may("a~2.txt", "a~2.txt"));
        assert!(may("a~2.7.txt", "a~2.jsonl"));
        assert!(!may("sub/a.txt", "a.jsonl"));
        assert!(!may("a.txt", "sub/a.jsonl"));
    }

    #[test]
    fn long_stems_are_cut_to_fit_a_file_name() {
        let long = "é".repeat(150); // 300 bytes
        let rel = PathBuf::from(format!("{long}.jsonl"));
        let name = named(&rel, &stem_of(&rel), Some(123_456), 7, 9, 2);
        let file = file_name(&name);
        assert!(file.len() <= 255, "{}", file.len());
        assert!(file.ends_with(".123456.7~2.txt"), "{file}");
        let previous = [name.clone()];
        assert_eq!(PreviousByInput::new(&previous).written_for(&rel), [&name]);
        // two long stems with the same start get different names
        let other = PathBuf::from(format!("{long}x.jsonl"));
        assert_ne!(
            name,
            named(&other, &stem_of(&other), Some(123_456), 7, 9, 2)
        );
        assert_eq!(fitted_stem("short"), "short");
    }

    /// The record as a `serde_json::Value` built key by key: a carried field whose name is
    /// taken goes under `input_<name>`, with `_` appended while an input field has that name.
    fn record_value(d: &CleanDoc) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        m.insert("id".into(), d.output_id().into());
        m.insert("source".into(), d.source.clone().into());
        m.insert("part".into(), d.part.into());
        m.insert(
            "title".into(),
            d.title.clone().map_or(serde_json::Value::Null, Into::into),
        );
        if let Some(date) = &d.date {
            m.insert("date".into(), date.clone().into());
        }
        m.insert("text".into(), d.text.clone().into());
        let own: Vec<String> = m.keys().cloned().collect();
        for (k, v) in d.fields.iter() {
            let mut name = k.clone();
            if own.contains(k) {
                name = format!("input_{k}");
                while d.fields.contains_key(&name) {
                    name.push('_');
                }
            }
            assert!(m.insert(name, v.clone()).is_none(), "{k} written twice");
        }
        serde_json::Value::Object(m)
    }

    #[test]
    fn jsonl_record_is_the_value_it_stands_for() {
        let fields: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
            r#"{"url":"https://x.org/a","text":"raw","date":"2020-01-02","n":1.5,"tags":["a","\u00e9"],"id":7,"part":"x","title":null,"lang":"de"}"#,
        )
        .unwrap();
        let doc = crate::doc::Document::from_text("Headline\nBody \"quoted\" text.".into(), 1, 0);
        let mut d = crate::pipeline::apply::apply(&doc, &[]);
        d.fields = fields.into();
        for (date, title, parts) in [
            (None, None, 1),
            (
                Some("2021-03-04".to_string()),
                Some("A “title”".to_string()),
                3,
            ),
        ] {
            d.date = date;
            d.title = title;
            d.parts = parts;
            assert_eq!(
                serde_json::to_vec(&JsonlRecord(&d)).unwrap(),
                serde_json::to_vec(&record_value(&d)).unwrap()
            );
        }
    }

    #[test]
    fn file_names() {
        assert_eq!(
            doc_file_name(Path::new("a/x.txt"), None, 0, 1),
            PathBuf::from("a/x.txt")
        );
        assert_eq!(
            doc_file_name(Path::new("x.txt"), None, 1, 2),
            PathBuf::from("x.1.txt")
        );
        assert_eq!(
            doc_file_name(Path::new("x.jsonl.gz"), Some(7), 0, 1),
            PathBuf::from("x.7.txt")
        );
    }

    #[test]
    fn dir_names_are_unique_in_input_order() {
        let rels = [
            Path::new("same.jsonl"),
            Path::new("same.txt"),
            Path::new("a.1.txt"),
            Path::new("a.txt"),
            Path::new("sub/b.txt"),
        ];
        let mut n = DirNames::new(rels);
        let mut got = vec![
            n.name(rels[0], "in", Some(1), 0, 1),
            n.name(rels[1], "in", None, 0, 2),
            n.name(rels[1], "in", None, 1, 2),
            n.name(rels[2], "in", None, 0, 1),
            n.name(rels[3], "in", None, 0, 2),
            n.name(rels[3], "in", None, 1, 2),
            n.name(rels[4], "in", None, 0, 1),
        ];
        // the same input named twice (two arguments with the same file name)
        got.push(n.name(rels[3], "in", None, 1, 2));
        let want = [
            "same.jsonl.1.txt",
            "same.txt.0.txt",
            "same.txt.1.txt",
            "a.1.txt",
            "a.0.txt",
            "a.1~2.txt",
            "sub/b.txt",
            "a.1~3.txt",
        ];
        assert_eq!(got, want.map(PathBuf::from));
        // a folder of inputs is a taken name, whichever input comes first
        let (doc, nested) = (Path::new("a.jsonl"), Path::new("A.1.txt/deep/b.txt"));
        let mut n = DirNames::new([nested, doc]);
        assert_eq!(n.name(doc, "in", Some(1), 0, 1), PathBuf::from("a.1~2.txt"));
        assert_eq!(
            n.name(nested, "in", None, 0, 1),
            PathBuf::from("A.1.txt/deep/b.txt")
        );
        // an input alone keeps the plain names
        let mut n = DirNames::new([Path::new("x.jsonl.gz")]);
        assert_eq!(
            n.name(Path::new("x.jsonl.gz"), "in", Some(7), 0, 1),
            PathBuf::from("x.7.txt")
        );
    }

    #[test]
    fn descriptors_are_named_by_their_device_paths() {
        let pid = std::process::id();
        for (p, fd) in [
            ("/dev/stdout".to_string(), Some(1)),
            ("/dev/stderr".to_string(), Some(2)),
            ("/dev/fd/63".to_string(), Some(63)),
            ("/proc/self/fd/5".to_string(), Some(5)),
            (format!("/proc/{pid}/fd/7"), Some(7)),
            ("/dev/fd/x".to_string(), None),
            ("/dev/null".to_string(), None),
            ("out.jsonl".to_string(), None),
        ] {
            assert_eq!(descriptor_named(Path::new(&p)), fd, "{p}");
        }
    }

    #[test]
    fn atomic_file_renames_only_on_commit() {
        let dir = crate::testing::TempDir::new("deboil-out");
        let target = dir.join("a.txt");
        {
            let mut f = AtomicFile::create(&target).unwrap();
            f.writer().write_all(b"x").unwrap();
            // dropped without commit
        }
        assert!(!target.exists());
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        let mut f = AtomicFile::create(&target).unwrap();
        f.writer().write_all(b"y").unwrap();
        f.commit().unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"y");
    }

    #[cfg(unix)]
    #[test]
    fn atomic_file_replaces_what_a_symlink_points_to_and_keeps_the_link() {
        let dir = crate::testing::TempDir::new("deboil-out");
        let real = dir.join("real.json");
        std::fs::write(&real, "old").unwrap();
        let link = dir.join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        let mut f = AtomicFile::create(&link).unwrap();
        f.writer().write_all(b"new").unwrap();
        f.commit().unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // a dangling link: the file it names is made
        let dangling = dir.join("dangling.json");
        std::os::unix::fs::symlink("made.json", &dangling).unwrap();
        let mut f = AtomicFile::create(&dangling).unwrap();
        f.writer().write_all(b"made").unwrap();
        f.commit().unwrap();
        assert_eq!(std::fs::read(dir.join("made.json")).unwrap(), b"made");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            4,
            "no temporary file left"
        );
    }

    /// A link loop is an error naming the path, and the links stay; a replaced file keeps its
    /// permissions.
    #[cfg(unix)]
    #[test]
    fn atomic_file_refuses_a_link_loop_and_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = crate::testing::TempDir::new("deboil-out");
        let a = dir.join("a.jsonl");
        std::os::unix::fs::symlink("b.jsonl", &a).unwrap();
        std::os::unix::fs::symlink("a.jsonl", dir.join("b.jsonl")).unwrap();
        let e = AtomicFile::create(&a).err().unwrap().to_string();
        assert!(e.contains("too many levels of symbolic links"), "{e}");
        assert!(std::fs::symlink_metadata(&a)
            .unwrap()
            .file_type()
            .is_symlink());
        let private = dir.join("private.jsonl");
        std::fs::write(&private, "old").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o640)).unwrap();
        let mut f = AtomicFile::create(&private).unwrap();
        f.writer().write_all(b"new").unwrap();
        f.commit().unwrap();
        let mode = std::fs::metadata(&private).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    /// A FIFO is written in place (its reader gets the data) and stays a FIFO.
    #[cfg(unix)]
    #[test]
    fn atomic_file_writes_a_fifo_in_place() {
        use std::os::unix::fs::FileTypeExt;
        let dir = crate::testing::TempDir::new("deboil-out");
        let fifo = dir.join("r.fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("no mkfifo here; skipped");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        let mut f = AtomicFile::create(&fifo).unwrap();
        f.writer().write_all(b"through the pipe").unwrap();
        f.commit().unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        let t = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(t.is_fifo(), "{t:?}");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }

    /// `.gz` and `.zst` names are written compressed, and read back as they were written.
    #[test]
    fn atomic_file_compresses_by_its_name() {
        let dir = crate::testing::TempDir::new("deboil-out");
        for name in ["o.jsonl.gz", "o.jsonl.zst", "O.JSONL.GZ", "o.jsonl"] {
            let target = dir.join(name);
            let mut f = AtomicFile::create(&target).unwrap();
            f.writer().write_all(b"{\"text\":\"x\"}\n").unwrap();
            f.commit().unwrap();
            let raw = std::fs::read(&target).unwrap();
            let back = if name.ends_with(".jsonl") {
                String::from_utf8(raw.clone()).unwrap()
            } else if name.to_lowercase().ends_with(".gz") {
                let mut s = String::new();
                let mut r = flate2::read::MultiGzDecoder::new(&raw[..]);
                std::io::Read::read_to_string(&mut r, &mut s).unwrap();
                s
            } else {
                String::from_utf8(zstd::decode_all(&raw[..]).unwrap()).unwrap()
            };
            assert_eq!(back, "{\"text\":\"x\"}\n", "{name}");
            assert_eq!(raw == back.as_bytes(), name == "o.jsonl", "{name}");
        }
    }

    #[test]
    fn until_closed_drops_output_after_a_broken_pipe_and_passes_other_errors() {
        struct Pipe(usize, std::io::ErrorKind);
        impl Write for Pipe {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                if self.0 == 0 {
                    return Err(self.1.into());
                }
                self.0 -= 1;
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut p = Pipe(1, std::io::ErrorKind::BrokenPipe);
        let mut w = UntilClosed::new(&mut p);
        w.write_all(b"first").unwrap();
        assert!(!w.is_closed());
        w.write_all(b"second").unwrap();
        w.write_all(b"third").unwrap();
        w.flush().unwrap();
        assert!(w.is_closed());
        let mut full = Pipe(0, std::io::ErrorKind::StorageFull);
        let mut w = UntilClosed::new(&mut full);
        assert!(w.write_all(b"x").is_err());
        assert!(!w.is_closed());
    }

    #[test]
    fn colliding_input_fields_are_carried_under_input_names() {
        let fields: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
            r#"{"title":"Orig","source":"crawlerA","part":"p9","input_part":1,"input_part_":2,"text":"raw","id":"x","date":"2001-01-01","url":"u"}"#,
        )
        .unwrap();
        let doc = crate::doc::Document::from_text("Headline\n\nBody text.".into(), 1, 0);
        let mut d = crate::pipeline::apply::apply(&doc, &[]);
        d.fields = fields.into();
        d.date = None;
        let v: serde_json::Value =
            serde_json::from_slice(&serde_json::to_vec(&JsonlRecord(&d)).unwrap()).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "id",
                "source",
                "part",
                "title",
                "text",
                "input_title",
                "input_source",
                "input_part__",
                "input_part",
                "input_part_",
                "input_text",
                "input_id",
                "date",
                "url"
            ]
        );
        assert_eq!(
            (&v["input_title"], &v["input_source"], &v["input_part__"]),
            (&"Orig".into(), &"crawlerA".into(), &"p9".into())
        );
        // no date in the text: the input's stays `date`; with one, the input's is `input_date`
        assert_eq!(v["date"], "2001-01-01");
        d.date = Some("2023-08-01".into());
        let v: serde_json::Value =
            serde_json::from_slice(&serde_json::to_vec(&JsonlRecord(&d)).unwrap()).unwrap();
        assert_eq!(
            (&v["date"], &v["input_date"]),
            (&"2023-08-01".into(), &"2001-01-01".into())
        );
        assert_eq!(
            serde_json::to_vec(&JsonlRecord(&d)).unwrap(),
            serde_json::to_vec(&record_value(&d)).unwrap()
        );
    }
}
