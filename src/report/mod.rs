//! The JSON report: totals (documents and bytes in and out, per-rule counts, failures) and, per
//! document, every removal with its rule, input line range, byte span, removed text and, for a
//! duplicate, the kept copy. Keys come out in a fixed order; fixture mode leaves out timings.
//! Depends only on the document types.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::doc::{Field, KeptRef};

/// The title taken from a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleEntry {
    /// Input line number.
    pub line: usize,
    pub text: String,
}

/// One applied removal.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovalEntry {
    pub code: &'static str,
    pub name: &'static str,
    /// First and last input line (1-based, within the record's text).
    pub lines: [usize; 2],
    /// Byte span in the record's normalised text.
    pub bytes: [usize; 2],
    /// Non-blank lines removed.
    pub removed_lines: usize,
    pub removed_bytes: usize,
    /// The removed text, truncated.
    pub text: String,
    pub note: Option<String>,
    pub moved_to_value: Option<(Field, String)>,
    pub kept: Option<KeptRef>,
}

impl Serialize for RemovalEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("rule", self.code)?;
        m.serialize_entry("name", self.name)?;
        m.serialize_entry("lines", &self.lines)?;
        m.serialize_entry("bytes", &self.bytes)?;
        m.serialize_entry("removed_lines", &self.removed_lines)?;
        m.serialize_entry("text", &self.text)?;
        if let Some(n) = &self.note {
            m.serialize_entry("note", n)?;
        }
        if let Some((f, v)) = &self.moved_to_value {
            m.serialize_entry(
                "moved_to",
                &serde_json::json!({"field": f.as_str(), "value": v}),
            )?;
        }
        if let Some(k) = &self.kept {
            m.serialize_entry(
                "kept",
                &serde_json::json!({
                    "id": k.id, "source": k.source, "record_line": k.record_line, "part": k.part, "para": k.para, "line": k.line,
                    "similarity": (k.similarity * 1000.0).round() / 1000.0, "diff": k.diff,
                }),
            )?;
        }
        m.end()
    }
}

/// Most characters of the reason a `--dry-run` line quotes from a removal's note.
pub const LISTED_NOTE_CHARS: usize = 100;

impl RemovalEntry {
    /// Why the removal was made, in one line for the `--dry-run` listing (`None` when its rule
    /// gives no note and kept no copy): the note's first clause ([`short_note`]), then, for a
    /// duplicate, where the kept copy is: `kept at PATH:LINE` for a text dump,
    /// `kept at PATH:RECORD_LINE (id ID) line N` for a JSONL record, with the word similarity
    /// of a near copy that has no note. No `[`, `]` or line end: the listing sets the reason in
    /// brackets.
    pub fn listed_reason(&self) -> Option<String> {
        let mut s = self.note.as_deref().map(short_note).unwrap_or_default();
        if let Some(k) = &self.kept {
            if !s.is_empty() {
                s.push_str("; ");
            }
            s.push_str("kept at ");
            s.push_str(&kept_location(k));
            if k.similarity < 1.0 && self.note.is_none() {
                s.push_str(&format!(", similarity {:.3}", k.similarity));
            }
        }
        if s.is_empty() {
            return None;
        }
        Some(
            s.chars()
                .map(|c| match c {
                    '[' => '(',
                    ']' => ')',
                    '\n' | '\r' => ' ',
                    c => c,
                })
                .collect(),
        )
    }
}

/// Where a kept copy is, as the `--dry-run` listing names a document's lines: `PATH:LINE` in a
/// text dump (whose documents' ids are their paths), `PATH:RECORD_LINE (id ID) line N` in a
/// JSONL file.
fn kept_location(k: &KeptRef) -> String {
    if k.id == k.source {
        format!("{}:{}", k.source, k.line)
    } else {
        format!(
            "{}:{} (id {}) line {}",
            k.source, k.record_line, k.id, k.line
        )
    }
}

/// A note's first clause: up to its first `; ` outside quotes (the reason; what follows are
/// the figures behind it), and when that is longer than [`LISTED_NOTE_CHARS`], up to its first
/// `: ` (a long statement's head), with the brackets open there closed; at most
/// [`LISTED_NOTE_CHARS`] characters (then `…`). `outside the article core (short line, weight
/// -8.0; 1 word, stopwords 0.00 ru)` becomes `outside the article core (short line, weight
/// -8.0)`.
pub fn short_note(note: &str) -> String {
    let mut s = clause(note, ';');
    if s.chars().count() > LISTED_NOTE_CHARS {
        s = clause(&s, ':');
    }
    if let Some((cut, _)) = s.char_indices().nth(LISTED_NOTE_CHARS) {
        s.truncate(cut);
        s.push('…');
    }
    s
}

/// `text` up to its first `mark` followed by a space outside quotes and brackets' quotes, with
/// the brackets open there closed; all of `text` when it has none.
fn clause(text: &str, mark: char) -> String {
    let mut open: Vec<char> = Vec::new();
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if open.last() == Some(&'"') {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    open.pop();
                }
                _ => {}
            }
            continue;
        }
        match c {
            '"' => open.push('"'),
            '(' => open.push(')'),
            ')' if open.last() == Some(&')') => {
                open.pop();
            }
            _ if c == mark && text[at + 1..].starts_with(' ') => {
                let mut s = text[..at].trim_end().to_string();
                s.extend(open.iter().rev());
                return s;
            }
            _ => {}
        }
    }
    text.to_string()
}

/// What happened to one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocReport {
    pub id: String,
    pub source: String,
    /// Line of the record in its source (JSONL), 1 for a text dump.
    pub record_line: usize,
    pub part: usize,
    /// `written`, `kept` (a run that writes nothing: `--dry-run`, `--diff`), or
    /// `dropped: <reason>`.
    pub status: String,
    /// Non-blank input lines.
    pub lines_in: usize,
    pub lines_out: usize,
    pub bytes_in: usize,
    pub bytes_out: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<TitleEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub removals: Vec<RemovalEntry>,
}

/// Per-rule totals.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RuleTotals {
    pub name: String,
    /// Removal entries (runs of lines, or partial cuts).
    pub removals: usize,
    /// Non-blank lines removed.
    pub lines: usize,
    pub bytes: usize,
}

/// Run totals. The accounting identity `documents_in == documents_out + dropped + failed`
/// holds at record level; `articles_out` counts the written documents after splitting.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub inputs: usize,
    pub documents_in: usize,
    pub documents_out: usize,
    pub documents_dropped: BTreeMap<String, usize>,
    pub documents_failed: BTreeMap<String, usize>,
    pub articles_out: usize,
    pub articles_dropped: usize,
    /// Of `articles_dropped`, those split from inputs still written (a split dump's copied
    /// third article), which the record-level counts do not show; the summary says them.
    #[serde(skip)]
    pub articles_dropped_from_written: usize,
    /// Bytes read from the inputs (JSONL lines whole, before decoding and normalisation).
    pub bytes_read: usize,
    /// Bytes of the documents' normalised text: the sum of the documents' `bytes_in`.
    pub bytes_in: usize,
    pub bytes_out: usize,
    pub lines_in: usize,
    pub lines_out: usize,
    pub repaired_utf8: usize,
    pub warnings: BTreeMap<String, usize>,
    pub rules: BTreeMap<String, RuleTotals>,
}

impl Totals {
    pub fn dropped(&self) -> usize {
        self.documents_dropped.values().sum()
    }

    pub fn failed(&self) -> usize {
        self.documents_failed.values().sum()
    }

    /// documents in = out + dropped + failed.
    pub fn balanced(&self) -> bool {
        self.documents_in == self.documents_out + self.dropped() + self.failed()
    }

    pub fn add_doc(&mut self, d: &DocReport, written: bool) {
        if written {
            self.articles_out += 1;
            self.lines_out += d.lines_out;
            self.bytes_out += d.bytes_out;
        } else {
            self.articles_dropped += 1;
        }
        self.lines_in += d.lines_in;
        self.bytes_in += d.bytes_in;
        for r in &d.removals {
            // looked up first: the key is allocated once per rule, not once per removal
            let t = match self.rules.get_mut(r.code) {
                Some(t) => t,
                None => self.rules.entry(r.code.to_string()).or_default(),
            };
            if t.name.is_empty() {
                t.name = r.name.to_string();
            }
            t.removals += 1;
            t.lines += r.removed_lines;
            t.bytes += r.removed_bytes;
        }
    }
}

/// An input error as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FailureEntry {
    pub location: String,
    pub kind: String,
    pub message: String,
}

/// The JSON of one document's report entry, as [`ReportWriter::doc`] writes it (serialised on
/// a worker thread, written in order by [`ReportWriter::doc_json`]).
pub fn doc_json(d: &DocReport) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(d)
}

/// Streams the report: documents as they are written, failures, then totals at the end.
pub struct ReportWriter<W: Write> {
    out: W,
    first_doc: bool,
    failures: Vec<FailureEntry>,
    warnings: Vec<FailureEntry>,
}

impl<W: Write> ReportWriter<W> {
    pub fn new(mut out: W) -> std::io::Result<Self> {
        out.write_all(b"{\n\"version\": 1,\n\"documents\": [")?;
        Ok(ReportWriter {
            out,
            first_doc: true,
            failures: Vec::new(),
            warnings: Vec::new(),
        })
    }

    pub fn doc(&mut self, d: &DocReport) -> std::io::Result<()> {
        if !self.first_doc {
            self.out.write_all(b",")?;
        }
        self.first_doc = false;
        self.out.write_all(b"\n")?;
        serde_json::to_writer(&mut self.out, d)?;
        Ok(())
    }

    /// [`ReportWriter::doc`] of an entry serialised already (by [`doc_json`], on any thread).
    /// Writes a document's entry (as [`doc_json`] serialised it), with `output`, the file the
    /// document went to under `-o DIR`, as its last field.
    pub fn doc_json(
        &mut self,
        json: &[u8],
        output: Option<&std::path::Path>,
    ) -> std::io::Result<()> {
        if !self.first_doc {
            self.out.write_all(b",")?;
        }
        self.first_doc = false;
        self.out.write_all(b"\n")?;
        match (output, json.split_last()) {
            (Some(file), Some((b'}', fields))) => {
                self.out.write_all(fields)?;
                self.out.write_all(b",\"output\":")?;
                serde_json::to_writer(&mut self.out, &file.to_string_lossy())?;
                self.out.write_all(b"}")
            }
            _ => self.out.write_all(json),
        }
    }

    pub fn failure(&mut self, f: FailureEntry) {
        self.failures.push(f);
    }

    pub fn warning(&mut self, w: FailureEntry) {
        self.warnings.push(w);
    }

    /// Ends the report: failures, warnings, the settings that change what the rules keep
    /// (`settings`, written only when one is on: `{"keep_comments": true}`), totals and, unless
    /// reproducible, timing.
    pub fn finish(
        mut self,
        totals: &Totals,
        settings: Option<serde_json::Value>,
        timing: Option<serde_json::Value>,
    ) -> std::io::Result<W> {
        self.out.write_all(b"\n],\n\"failures\": ")?;
        serde_json::to_writer_pretty(&mut self.out, &self.failures)?;
        self.out.write_all(b",\n\"warnings\": ")?;
        serde_json::to_writer_pretty(&mut self.out, &self.warnings)?;
        if let Some(s) = settings {
            self.out.write_all(b",\n\"settings\": ")?;
            serde_json::to_writer(&mut self.out, &s)?;
        }
        self.out.write_all(b",\n\"totals\": ")?;
        serde_json::to_writer_pretty(&mut self.out, totals)?;
        if let Some(t) = timing {
            self.out.write_all(b",\n\"timing\": ")?;
            serde_json::to_writer(&mut self.out, &t)?;
        }
        self.out.write_all(b"\n}\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The one-screen summary printed to stderr. `dry` for a run that writes no documents
/// (`--dry-run`, `--diff`): they are said to be kept, not written.
pub fn summary(t: &Totals, seconds: Option<f64>, dry: bool) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    // the output may be longer than what it kept of the input (a blank line sets a title off
    // from its body): nothing removed then reads as 0%, not as a negative share
    let pct = if t.bytes_in > 0 {
        (100.0 * (t.bytes_in as f64 - t.bytes_out as f64) / t.bytes_in as f64).max(0.0)
    } else {
        0.0
    };
    let _ = writeln!(
        s,
        "deboil: {} in from {}: {} {} as {}{}, {} dropped, {} failed",
        counted(t.documents_in, "document"),
        counted(t.inputs, "input"),
        t.documents_out,
        if dry { "kept" } else { "written" },
        counted(t.articles_out, "article"),
        if dry { " (nothing written)" } else { "" },
        t.dropped(),
        t.failed()
    );
    let _ = write!(
        s,
        "  {} -> {} bytes ({:.1}% removed), {} -> {} lines",
        t.bytes_in, t.bytes_out, pct, t.lines_in, t.lines_out
    );
    if let Some(sec) = seconds {
        let _ = write!(s, " in {sec:.2}s ({})", throughput(t.bytes_read, sec));
    }
    s.push('\n');
    for (code, r) in &t.rules {
        // a rule that only cut parts of lines removed no whole line: its cuts are counted
        let (n, unit) = if r.lines > 0 || r.removals == 0 {
            (r.lines, if r.lines == 1 { "line " } else { "lines" })
        } else {
            (r.removals, if r.removals == 1 { "cut  " } else { "cuts " })
        };
        let _ = writeln!(
            s,
            "  {code} {:<32} {n:>6} {unit} {:>9} bytes",
            r.name, r.bytes
        );
    }
    for (reason, n) in &t.documents_dropped {
        let _ = writeln!(s, "  dropped: {reason}: {n}");
    }
    // articles split from an input that is still written and left empty, which the counts
    // above do not show (those of a dropped input are in its `dropped:` count)
    if t.articles_dropped_from_written > 0 {
        let _ = writeln!(
            s,
            "  {} dropped (every line removed) from inputs still written",
            counted(t.articles_dropped_from_written, "article")
        );
    }
    for (kind, n) in &t.documents_failed {
        let _ = writeln!(s, "  failed: {kind}: {n}");
    }
    for (kind, n) in &t.warnings {
        let _ = write!(s, "  warning: {kind}: {n}");
        if kind == REPAIRED_UTF8 && t.repaired_utf8 > 0 {
            let _ = write!(
                s,
                " ({} invalid UTF-8 sequence{} repaired)",
                t.repaired_utf8,
                if t.repaired_utf8 == 1 { "" } else { "s" }
            );
        }
        s.push('\n');
    }
    if t.repaired_utf8 > 0 && !t.warnings.contains_key(REPAIRED_UTF8) {
        let _ = writeln!(s, "  repaired {} invalid UTF-8 sequences", t.repaired_utf8);
    }
    s
}

/// How many input problems of one kind are printed on stderr; past that, one line says the
/// rest are not shown (the summary counts them, the report lists each).
pub const SHOWN_PER_KIND: usize = 20;

/// Prints input errors and warnings on stderr, at most [`SHOWN_PER_KIND`] of each kind, so a
/// corpus with a problem on every line (an id repeated in each of 100,000 records) does not
/// bury the summary.
#[derive(Debug, Default)]
pub struct Notices {
    shown: BTreeMap<(bool, &'static str), usize>,
    /// The command has no summary or report to count the rest (`dups`, `dedup sigs`).
    uncounted: bool,
}

impl Notices {
    /// Notices of a command that prints no summary and writes no report.
    pub fn without_report() -> Notices {
        Notices {
            uncounted: true,
            ..Notices::default()
        }
    }

    /// Prints `e`, a warning or a failure, unless its kind was printed enough already.
    pub fn print(
        &mut self,
        out: &mut dyn std::io::Write,
        warning: bool,
        e: &crate::error::InputError,
    ) {
        let n = self.shown.entry((warning, e.kind)).or_default();
        *n += 1;
        let label = if warning { "warning: " } else { "" };
        if *n <= SHOWN_PER_KIND {
            let _ = writeln!(out, "deboil: {label}{e}");
        } else if *n == SHOWN_PER_KIND + 1 {
            let what = if warning { "warnings" } else { "errors" };
            let _ = if self.uncounted {
                writeln!(out, "deboil: {label}more `{}` {what} are not shown", e.kind)
            } else {
                writeln!(
                    out,
                    "deboil: {label}more `{}` {what} are not shown: the summary counts them, \
                     and --report lists each",
                    e.kind
                )
            };
        }
    }
}

/// The warning kind of a record whose invalid UTF-8 was replaced.
const REPAIRED_UTF8: &str = "repaired-utf8";

/// `1 input`, `2 inputs`, `0 inputs`.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `bytes` read in `sec` seconds as a rate a reader can use: MB/s, or KB/s below 1 MB/s (a
/// small input read in a few milliseconds is not `0.0 MB/s`).
fn throughput(bytes: usize, sec: f64) -> String {
    let per_sec = bytes as f64 / sec.max(1e-9);
    if per_sec >= 1e6 {
        format!("{:.1} MB/s", per_sec / 1e6)
    } else {
        format!("{:.1} KB/s", per_sec / 1e3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_note_is_the_first_clause_with_its_brackets_closed() {
        assert_eq!(
            short_note(
                "outside the article core (short line, weight -8.0; 1 word, stopwords 0.00 ru)"
            ),
            "outside the article core (short line, weight -8.0)"
        );
        assert_eq!(short_note("repeats line 2"), "repeats line 2");
        // a `; ` inside a quote is the quote's
        assert_eq!(
            short_note(r#"promo "Sale; today \"only\"" (cue 2; more)"#),
            r#"promo "Sale; today \"only\"" (cue 2)"#
        );
        // a long first clause: its head, up to its first `: `
        let d005 = format!(
            "106 of the document's 117 words repeat other documents (106 of record {:?}): the rest goes with them",
            "x".repeat(20)
        );
        assert_eq!(
            short_note(&d005),
            format!(
                "106 of the document's 117 words repeat other documents (106 of record {:?})",
                "x".repeat(20)
            )
        );
        assert_eq!(
            short_note("author box: a name and its bio"),
            "author box: a name and its bio"
        );
        let long = "x".repeat(LISTED_NOTE_CHARS + 5);
        let short = short_note(&long);
        assert_eq!(short.chars().count(), LISTED_NOTE_CHARS + 1);
        assert!(short.ends_with('…'));
    }

    fn entry(note: Option<&str>, kept: Option<KeptRef>) -> RemovalEntry {
        RemovalEntry {
            code: "D002",
            name: "near-duplicate-paragraph",
            lines: [5, 5],
            bytes: [0, 1],
            removed_lines: 1,
            removed_bytes: 1,
            text: "t".into(),
            note: note.map(str::to_string),
            moved_to_value: None,
            kept,
        }
    }

    fn kept(id: &str, source: &str, similarity: f64) -> KeptRef {
        KeptRef {
            id: id.into(),
            source: source.into(),
            record_line: 3,
            part: 0,
            para: 1,
            line: 2,
            similarity,
            diff: String::new(),
        }
    }

    /// The listing's reason: the note's first clause, where a duplicate's kept copy is (as the
    /// listing names a text dump's and a JSONL record's lines), a near copy's similarity; no
    /// brackets or line ends of its own.
    #[test]
    fn the_listed_reason_names_the_note_and_the_kept_copy() {
        assert_eq!(entry(None, None).listed_reason(), None);
        assert_eq!(
            entry(Some("widget [x]\nlabel; more"), None)
                .listed_reason()
                .as_deref(),
            Some("widget (x) label")
        );
        assert_eq!(
            entry(None, Some(kept("a.txt", "a.txt", 1.0)))
                .listed_reason()
                .as_deref(),
            Some("kept at a.txt:2")
        );
        assert_eq!(
            entry(None, Some(kept("orig", "in.jsonl", 0.9766)))
                .listed_reason()
                .as_deref(),
            Some("kept at in.jsonl:3 (id orig) line 2, similarity 0.977")
        );
        assert_eq!(
            entry(
                Some("the whole record repeats record \"orig\""),
                Some(kept("orig", "in.jsonl", 1.0))
            )
            .listed_reason()
            .as_deref(),
            Some("the whole record repeats record \"orig\"; kept at in.jsonl:3 (id orig) line 2")
        );
    }

    #[test]
    fn throughput_reads_as_mb_or_kb_per_second() {
        assert_eq!(throughput(250_000_000, 10.0), "25.0 MB/s");
        assert_eq!(throughput(4_000, 0.05), "80.0 KB/s");
        assert_eq!(throughput(0, 0.0), "0.0 KB/s");
    }

    #[test]
    fn summary_counts_in_singular_and_plural() {
        let one = Totals {
            inputs: 1,
            documents_in: 1,
            documents_out: 1,
            articles_out: 1,
            ..Totals::default()
        };
        let s = summary(&one, None, false);
        assert!(
            s.starts_with("deboil: 1 document in from 1 input: 1 written as 1 article, 0 dropped"),
            "{s}"
        );
        let two = Totals {
            inputs: 2,
            documents_in: 3,
            documents_out: 3,
            articles_out: 4,
            ..Totals::default()
        };
        let s = summary(&two, None, false);
        assert!(
            s.starts_with("deboil: 3 documents in from 2 inputs: 3 written as 4 articles"),
            "{s}"
        );
        assert!(summary(&Totals::default(), None, false)
            .starts_with("deboil: 0 documents in from 0 inputs:"));
    }

    #[test]
    fn a_title_set_off_by_a_blank_line_removes_nothing() {
        // `Title\nBody` is written `Title\n\nBody`: one byte more, and nothing removed
        let t = Totals {
            bytes_in: 116,
            bytes_out: 117,
            ..Totals::default()
        };
        let s = summary(&t, None, false);
        assert!(s.contains("116 -> 117 bytes (0.0% removed)"), "{s}");
        let t = Totals {
            bytes_in: 200,
            bytes_out: 150,
            ..Totals::default()
        };
        assert!(summary(&t, None, false).contains("(25.0% removed)"));
    }

    fn rule(name: &str, removals: usize, lines: usize) -> RuleTotals {
        RuleTotals {
            name: name.into(),
            removals,
            lines,
            bytes: 10,
        }
    }

    #[test]
    fn summary_names_cuts_drops_and_repairs_once() {
        let t = Totals {
            documents_in: 3,
            documents_out: 1,
            documents_dropped: [("empty-input".to_string(), 2)].into(),
            repaired_utf8: 3,
            warnings: [("repaired-utf8".to_string(), 1)].into(),
            rules: [
                ("R001".to_string(), rule("one-line", 1, 1)),
                ("R002".to_string(), rule("cuts-only", 2, 0)),
                ("R003".to_string(), rule("both", 3, 2)),
            ]
            .into(),
            ..Totals::default()
        };
        let s = summary(&t, None, false);
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[2].ends_with("1 line         10 bytes"), "{s}");
        assert!(
            lines[3].contains("cuts-only") && lines[3].contains(" 2 cuts "),
            "{s}"
        );
        assert!(lines[4].contains(" 2 lines "), "{s}");
        assert_eq!(lines[5], "  dropped: empty-input: 2");
        assert_eq!(
            lines[6],
            "  warning: repaired-utf8: 1 (3 invalid UTF-8 sequences repaired)"
        );
        assert_eq!(lines.len(), 7, "{s}");
    }

    /// An article dropped from an input that is still written (a split dump's copied third
    /// article) is said; one dropped with its whole input is already in the `dropped:` count,
    /// however many articles that input split into and whatever else was dropped (an empty
    /// record has no article: the counts do not tell the two kinds apart).
    #[test]
    fn summary_says_articles_dropped_from_inputs_still_written() {
        let mut t = Totals {
            documents_in: 4,
            documents_out: 1,
            articles_out: 2,
            articles_dropped: 2,
            documents_dropped: [
                ("all-removed".to_string(), 1),
                ("empty-input".to_string(), 2),
            ]
            .into(),
            ..Totals::default()
        };
        assert!(!summary(&t, None, false).contains("articles dropped"));
        t.articles_dropped = 3;
        t.articles_dropped_from_written = 1;
        let s = summary(&t, None, false);
        assert_eq!(
            s.lines().last(),
            Some("  1 article dropped (every line removed) from inputs still written"),
            "{s}"
        );
    }

    #[test]
    fn notices_show_a_few_of_each_kind_then_say_the_rest_are_counted() {
        let mut n = Notices::default();
        let mut out = Vec::new();
        let dup = |i| crate::error::InputError::new("a.jsonl", Some(i), "duplicate-id", "seen");
        for i in 1..=SHOWN_PER_KIND + 5 {
            n.print(&mut out, true, &dup(i));
        }
        let bad = crate::error::InputError::new("a.jsonl", Some(3), "invalid-json", "bad");
        n.print(&mut out, false, &bad);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), SHOWN_PER_KIND + 2, "{text}");
        assert_eq!(lines[0], "deboil: warning: a.jsonl:1: seen");
        assert!(
            lines[SHOWN_PER_KIND].starts_with("deboil: warning: more `duplicate-id` warnings"),
            "{text}"
        );
        // a command without summary or report does not point to them
        let mut n = Notices::without_report();
        let mut out = Vec::new();
        for i in 1..=SHOWN_PER_KIND + 1 {
            n.print(&mut out, true, &dup(i));
        }
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text.lines().last(),
            Some("deboil: warning: more `duplicate-id` warnings are not shown")
        );
        assert_eq!(lines[SHOWN_PER_KIND + 1], "deboil: a.jsonl:3: bad");
    }

    #[test]
    fn a_dry_run_summary_says_nothing_was_written() {
        let t = Totals {
            documents_in: 2,
            documents_out: 2,
            articles_out: 3,
            ..Totals::default()
        };
        let s = summary(&t, None, true);
        assert!(
            s.contains(": 2 kept as 3 articles (nothing written), 0 dropped"),
            "{s}"
        );
        assert!(!s.contains("written as"), "{s}");
    }
}
