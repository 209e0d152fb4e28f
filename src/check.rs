//! `deboil check`: golden fixtures. Each case is a folder `<dir>/<case>/` holding one `input.*`
//! (any input format deboil reads), optionally an `args` file (extra `clean` flags, whitespace
//! separated) and a `deboil.toml`, and the expected results: `expected.txt` (what `clean` prints
//! to stdout) and `expected-report.json` (the report's totals). Every case runs through the same
//! code as `deboil clean`; a mismatch prints a unified diff. `--bless` rewrites expected files
//! that differ, and the last line says which cases it blessed and how many were unchanged.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::parse_clean_words;
use crate::error::Error;
use crate::pipeline;

/// Outcome of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseResult {
    Pass,
    /// Differences, as unified diffs.
    Fail(String),
    /// Rewritten under `--bless`: the expected files that changed (`expected.txt`, ...), and
    /// what to print under the case's line ([`bless_notes`]: what the run said).
    Blessed(Vec<String>, String),
}

/// The files that make a folder a case (any one of them): its input, expected results,
/// arguments or configuration.
fn is_case_file(name: &str) -> bool {
    is_input_name(name)
        || matches!(
            name,
            "expected.txt" | "expected-report.json" | "args" | "deboil.toml"
        )
}

/// Whether `name` is a case's input: `input` or `input.*` in any case, not an editor's backup
/// (`input.txt~`, `input.txt.orig`, `.bak`, `.rej`, `.swp`).
fn is_input_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let backup = lower.ends_with('~')
        || [".orig", ".bak", ".rej", ".swp"]
            .iter()
            .any(|b| lower.ends_with(b));
    (lower == "input" || lower.starts_with("input.")) && !backup
}

/// The fixture cases under `dir`, and the folders there that are no case (they hold no case
/// file: `__pycache__`, a tool's folder), both sorted; `dir` itself when it is a case. Hidden
/// folders (`.git`) are neither, as a directory walk of `clean` skips them.
pub fn cases(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), Error> {
    if !dir.exists() {
        return Err(Error::Usage(format!(
            "{}: no such directory",
            dir.display()
        )));
    }
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{}: not a fixtures directory (or a case directory holding an input.* file)",
            dir.display()
        )));
    }
    let names = |d: &Path| -> Result<Vec<String>, Error> {
        Ok(std::fs::read_dir(d)
            .map_err(|e| Error::io(d, e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect())
    };
    let entries = names(dir)?;
    let mut folders: Vec<PathBuf> = entries
        .iter()
        .filter(|n| !n.starts_with('.'))
        .map(|n| dir.join(n))
        // a link that leads nowhere is listed too, as no case
        .filter(|p| p.is_dir() || (p.is_symlink() && !p.exists()))
        .collect();
    folders.sort();
    let (mut cases, mut other) = (Vec::new(), Vec::new());
    for f in folders {
        if f.is_dir() && names(&f)?.iter().any(|n| is_case_file(n)) {
            cases.push(f);
        } else {
            other.push(f);
        }
    }
    if let Some(input) = entries.iter().find(|n| is_input_name(n)) {
        if !cases.is_empty() {
            let shown: Vec<String> = cases.iter().take(3).map(|c| case_name(c)).collect();
            return Err(Error::Usage(format!(
                "{}: holds an input file ({input}) and case folders ({}{}): it is either one \
                 case or a fixtures directory; move {input} into a case folder or out of it",
                dir.display(),
                shown.join(", "),
                if cases.len() > 3 { ", ..." } else { "" }
            )));
        }
        return Ok((vec![dir.to_path_buf()], Vec::new()));
    }
    Ok((cases, other))
}

/// Why `folder` (a folder under the fixtures directory that holds no case file) is no case,
/// and whether that is worth saying under `-q`: a link that leads nowhere, or a folder whose
/// own folders are cases (only the folders directly under the fixtures directory are read).
fn not_a_case(folder: &Path) -> (String, bool) {
    match std::fs::metadata(folder) {
        Err(e) if crate::error::is_symlink_loop(&e) => {
            return (
                "a symlink loop (the link leads back to itself)".into(),
                true,
            )
        }
        Err(_) => return ("a link that leads nowhere".into(), true),
        Ok(_) => {}
    }
    let mut nested: Vec<String> = std::fs::read_dir(folder)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .filter(|e| {
                    std::fs::read_dir(e.path()).is_ok_and(|rd| {
                        rd.filter_map(|f| f.ok())
                            .any(|f| is_case_file(&f.file_name().to_string_lossy()))
                    })
                })
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    if nested.is_empty() {
        return (
            "no input.*, expected.*, args or deboil.toml in it".into(),
            false,
        );
    }
    nested.sort();
    let n = nested.len();
    nested.truncate(3);
    (
        format!(
            "holds {} one level down ({}{}), which are not run: check reads the folders \
             directly under the directory it is given (run `deboil check {}`)",
            crate::report::counted(n, "case"),
            nested.join(", "),
            if n > 3 { ", ..." } else { "" },
            folder.display()
        ),
        true,
    )
}

/// The single `input.*` file of a case.
fn input_of(case: &Path) -> Result<PathBuf, Error> {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(case)
        .map_err(|e| Error::io(case, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_input_name)
        })
        .collect();
    inputs.sort();
    match inputs.len() {
        1 => Ok(inputs.remove(0)),
        0 => Err(Error::Usage(format!(
            "{}: no input.* file{}",
            case.display(),
            files_found(case)
        ))),
        _ => {
            let names: Vec<String> = inputs
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            Err(Error::Usage(format!(
                "{}: more than one input file ({}); keep one",
                case.display(),
                names.join(", ")
            )))
        }
    }
}

/// What a case folder without an input holds, for its error: `; it holds page.txt,
/// expected.txt (name the input input.* ...)`, so a renamed input shows; hidden files left out.
fn files_found(case: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(case)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    if names.is_empty() {
        return "; the folder is empty".into();
    }
    names.sort();
    format!(
        "; it holds {} (the case reads the file named input.*, e.g. input.txt or input.jsonl)",
        names.join(", ")
    )
}

/// A note for an error in a case's `args` when a word there is wrapped in quotes (`"C001"`):
/// `args` is split at whitespace with no shell quoting, so the quotes are part of the word.
fn quoting_hint(args_words: &[String]) -> String {
    let quoted = args_words.iter().find(|w| {
        let w = w.split_once('=').map_or(w.as_str(), |(_, v)| v);
        w.len() >= 2 && (w.starts_with('"') || w.starts_with('\'')) && w.ends_with(&w[..1])
    });
    quoted.map_or_else(String::new, |w| {
        format!(
            " (args takes no shell quoting: {w} is read with its quotes; write the word \
             without them)"
        )
    })
}

/// The words of a case's `args` file (none without one); a line starting with `#` is a
/// comment.
fn args_words(case: &Path) -> Result<Vec<String>, Error> {
    let args_file = case.join("args");
    if !args_file.is_file() {
        return Ok(Vec::new());
    }
    let a = std::fs::read_to_string(&args_file).map_err(|e| Error::io(&args_file, e))?;
    let lines = a.lines().filter(|l| !l.trim_start().starts_with('#'));
    Ok(lines
        .flat_map(str::split_whitespace)
        .map(String::from)
        .collect())
}

/// `word` as a POSIX shell reads it back: as it is when it holds only characters no shell
/// treats specially, else in single quotes (a quote in it as `'\''`).
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// The configuration words a case runs with: `--config <case>/deboil.toml` when the case has
/// one, else `--no-config` (the configuration of the directory `check` runs from never counts).
fn config_words(case: &Path) -> Vec<String> {
    let cfg = case.join("deboil.toml");
    if cfg.is_file() {
        vec!["--config".into(), cfg.display().to_string()]
    } else {
        vec!["--no-config".into()]
    }
}

/// The command that lists what each rule removed from a case's input and why: `deboil clean
/// --dry-run` on its input, with its `args` and its configuration (`--config <case>/deboil.toml`,
/// or `--no-config` as the case runs without one). A diff shows only that a line went or
/// stayed; this says which rule took it. `None` when the case's input or `args` cannot be read
/// (the case's error says so).
fn dry_run_command(case: &Path) -> Option<String> {
    let input = input_of(case).ok()?;
    let mut words = vec![
        "deboil".to_string(),
        "clean".into(),
        "--dry-run".into(),
        input.display().to_string(),
    ];
    words.extend(args_words(case).ok()?);
    words.extend(config_words(case));
    Some(
        words
            .iter()
            .map(|w| shell_word(w))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Runs one case: returns its stdout, the report totals as pretty JSON, and what the run printed
/// on stderr (its input errors and warnings).
/// What [`run_case`] gives: the output, the report, what the run printed to stderr, and the
/// documents written, in output order, with whether the output is JSONL (one per line) or text
/// (separated by form-feed lines).
pub type CaseRun = (Vec<u8>, String, String, (Vec<String>, bool));

/// Runs one case's `clean` into memory.
pub fn run_case(case: &Path, threads: Option<usize>) -> Result<CaseRun, Error> {
    let input = input_of(case)?;
    let mut words: Vec<String> = vec![input.display().to_string()];
    let args_file = case.join("args");
    words.extend(args_words(case)?);
    let refused = |word: &str, why: &str| {
        Err(Error::Usage(format!(
            "{}: {word}: {why}",
            args_file.display()
        )))
    };
    for w in &words[1..] {
        if w == "-" {
            return refused(w, "a case reads its files, not stdin");
        }
        if w == "--fail-on-removal" {
            return refused(
                w,
                "`check` compares the output and the report, not the exit code; leave it out",
            );
        }
        if w == "--dry-run" || w == "--diff" {
            return refused(
                w,
                "`check` compares the cleaned output, which this flag does not write; leave it \
                 out",
            );
        }
    }
    if let Some(flag) = words.iter().find(|w| {
        let name = w.split('=').next().unwrap_or_default();
        name == "--config" || name == "--no-config"
    }) {
        return Err(Error::Usage(format!(
            "{}: {flag}: a case's configuration is the deboil.toml in its folder (without one, \
             none is read); put the settings there",
            args_file.display()
        )));
    }
    words.extend(config_words(case));
    let args = parse_clean_words(&words).map_err(|e| match e {
        Error::Usage(m) => {
            // clap's first line is the error; its usage line names the words check added
            let first = m.lines().next().unwrap_or_default();
            let first = first.strip_prefix("error: ").unwrap_or(first);
            Error::Usage(format!(
                "{}: {first} (the case runs `deboil clean <its input> <args>`; see `deboil \
                 clean --help`){}",
                args_file.display(),
                quoting_hint(&words[1..])
            ))
        }
        e => e,
    })?;
    let mut opts = args.to_options().map_err(|e| match e {
        Error::Usage(m) if args_file.is_file() => Error::Usage(format!(
            "{}: {m}{}",
            args_file.display(),
            quoting_hint(&words[1..])
        )),
        e => e,
    })?;
    // further inputs named in `args` are relative to the case folder, as the input is, so a
    // case runs the same from any directory
    for extra in opts.inputs.iter_mut().skip(1) {
        let given = extra.clone();
        if extra.is_relative() {
            *extra = case.join(&*extra);
        }
        // a missing one is the `args` file's error, as any other word there is
        if std::fs::symlink_metadata(&*extra).is_err() {
            return Err(Error::Usage(format!(
                "{}: {}: input path does not exist ({}; an input named in args is relative \
                 to the case folder)",
                args_file.display(),
                given.display(),
                extra.display()
            )));
        }
    }
    // a case's output and report are compared from memory; files would land in the cwd
    if opts.output.is_some() || opts.report.is_some() {
        return Err(Error::Usage(format!(
            "{}: `-o`/`--report` would write files; a case's output and report are compared \
             from memory: remove them",
            args_file.display()
        )));
    }
    opts.reproducible = true;
    opts.summary = false;
    opts.threads = threads.or(opts.threads);
    // ids and sources relative to the case folder, so expected files do not depend on the cwd
    opts.display_base = Some(case.to_path_buf());
    // an input that cannot be read is the case's error (exit 2), not a golden result: `--bless`
    // would write an empty expected output
    let opened = std::fs::File::open(&input).map_err(|e| {
        if crate::error::is_symlink_loop(&e) {
            Error::SymlinkLoop(input.clone())
        } else {
            Error::io(&input, e)
        }
    })?;
    if opened.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Error::Usage(format!(
            "{}: is a directory, not a case's input",
            input.display()
        )));
    }
    opts.collect_labels = true;
    // `--select`/`--ignore` are checked against the rules when the run starts: an unknown code
    // there is the `args` file's, as the flags it refuses above are
    let (out, totals, messages, labels) = pipeline::run_to_memory(&opts).map_err(|e| match e {
        Error::Usage(m)
            if args_file.is_file()
                && (m.starts_with("--select: ") || m.starts_with("--ignore: ")) =>
        {
            Error::Usage(format!(
                "{}: {m}{}",
                args_file.display(),
                quoting_hint(&words[1..])
            ))
        }
        e => e,
    })?;
    let report = serde_json::to_string_pretty(&totals).unwrap_or_default() + "\n";
    let jsonl = opts.format == crate::output::Format::Jsonl;
    Ok((out, report, messages, (labels, jsonl)))
}

/// What [`compare`] does when an expected file differs: rewrite it (`--bless`), or show a
/// unified diff of at most `max_lines` lines (0: all of them; `--max-diff-lines`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnDiff {
    Bless,
    Show { max_lines: usize },
}

/// Whether `path` (an expected file of `case`) holds `actual`; if not, rewrites it under
/// [`OnDiff::Bless`] (naming it in `blessed`), else appends a unified diff to `diffs`, cut to
/// its first lines ([`capped`]). With `docs` (the labels of the documents in `actual`, and
/// whether it is JSONL), each hunk header names the documents its changes lie in.
fn compare(
    case: &Path,
    path: &Path,
    actual: &[u8],
    docs: Option<(&[String], bool)>,
    on_diff: OnDiff,
    diffs: &mut String,
    blessed: &mut Vec<String>,
) -> Result<bool, Error> {
    let expected = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        // an expected file that exists but cannot be read is the case's error, not a difference
        Err(e) => return Err(Error::io(path, e)),
    };
    if expected.as_deref() == Some(actual) || same_json_report(path, expected.as_deref(), actual) {
        return Ok(true);
    }
    let max_lines = match on_diff {
        OnDiff::Show { max_lines } => max_lines,
        OnDiff::Bless => 0,
    };
    if on_diff == OnDiff::Bless {
        std::fs::write(path, actual).map_err(|e| Error::io(path, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        blessed.push(if expected.is_none() {
            format!("{name} created")
        } else {
            name
        });
        return Ok(false);
    }
    let mut exp = String::from_utf8_lossy(expected.as_deref().unwrap_or(b"")).into_owned();
    let act = String::from_utf8_lossy(actual);
    let name = path.display().to_string();
    let mut notes = Vec::new();
    // a report reformatted by hand is diffed as deboil writes it, so only values show
    if let Some(pretty) = reformatted_report(path, expected.as_deref()) {
        if pretty != exp {
            exp = pretty;
            notes.push("is compared as JSON: shown as deboil formats it".to_string());
        }
    }
    diffs.push_str(&capped(unified_diff(&exp, &act, &name, docs), max_lines));
    notes.extend(what_differs(case, expected.as_deref(), actual, path));
    for note in notes {
        diffs.push_str(&format!("({name} {note})\n"));
    }
    Ok(false)
}

/// The expected report at `path` as deboil formats a report, when it is JSON.
fn reformatted_report(path: &Path, expected: Option<&[u8]>) -> Option<String> {
    if path.extension().is_none_or(|e| e != "json") {
        return None;
    }
    let value = serde_json::from_slice::<serde_json::Value>(expected?).ok()?;
    Some(serde_json::to_string_pretty(&value).ok()? + "\n")
}

/// Whether `path` is a report whose expected and actual JSON hold the same values: a report
/// reformatted by hand (compacted, keys reordered) still passes.
fn same_json_report(path: &Path, expected: Option<&[u8]>, actual: &[u8]) -> bool {
    let parse = |b: &[u8]| serde_json::from_slice::<serde_json::Value>(b).ok();
    path.extension().is_some_and(|e| e == "json")
        && expected
            .and_then(parse)
            .is_some_and(|e| Some(e) == parse(actual))
}

/// A line said under a diff whose lines may look alike: the expected file is missing, its
/// line endings are CRLF (an editor or a checkout's `autocrlf` rewrote it), it starts with a
/// byte order mark, it is not UTF-8, or, for a report, it is not JSON at all; or the case's
/// input has CRLF line endings (a checkout rewrote it, and deboil reads other bytes).
fn what_differs(
    case: &Path,
    expected: Option<&[u8]>,
    actual: &[u8],
    path: &Path,
) -> Option<String> {
    let bless = format!(
        "run `deboil check {} --bless` and review it",
        case.display()
    );
    let Some(expected) = expected else {
        return Some(format!("is missing; {bless}"));
    };
    let lf = |b: &[u8]| -> Vec<u8> {
        let mut v = Vec::with_capacity(b.len());
        for (i, &c) in b.iter().enumerate() {
            if !(c == b'\r' && b.get(i + 1) == Some(&b'\n')) {
                v.push(c);
            }
        }
        v
    };
    const GITATTRIBUTES: &str = "keep fixtures as committed, e.g. with a `.gitattributes` line \
                                 `fixtures/** -text`";
    if expected.windows(2).any(|w| w == b"\r\n") && lf(expected) == lf(actual) {
        return Some(format!(
            "differs only in its line endings: it has CRLF where deboil writes LF (a checkout \
             with core.autocrlf, or an editor, rewrote it; {GITATTRIBUTES})"
        ));
    }
    if let Some(rest) = expected.strip_prefix(b"\xef\xbb\xbf") {
        let same = if rest == actual {
            " and is otherwise the same"
        } else {
            ""
        };
        return Some(format!(
            "starts with a byte order mark (U+FEFF, an editor added it), which deboil does not \
             write{same}"
        ));
    }
    if let Err(e) = std::str::from_utf8(expected) {
        let at = e.valid_up_to();
        let line = expected[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        return Some(format!(
            "is not UTF-8: byte 0x{:02X} on line {line} (an editor saved it in another \
             encoding); deboil writes UTF-8, where the diff shows U+FFFD",
            expected[at]
        ));
    }
    let is_report = path.extension().is_some_and(|e| e == "json");
    if is_report {
        // where the parser stopped (`... at line 5 column 18`): a hand edit's stray comma
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(expected) {
            return Some(format!("is not valid JSON ({e}); {bless}, or restore it"));
        }
    }
    let input = input_of(case).ok().and_then(|p| std::fs::read(p).ok());
    let input = input.as_deref().unwrap_or_default();
    if input.windows(2).any(|w| w == b"\r\n") {
        return Some(format!(
            "differs, and the case's input has CRLF line endings: if it was committed with LF, \
             a checkout with core.autocrlf rewrote it ({GITATTRIBUTES})"
        ));
    }
    if input.starts_with(b"\xef\xbb\xbf") {
        return Some(
            "differs, and the case's input starts with a byte order mark (U+FEFF), which \
             deboil reads past but counts in `bytes_read`: if the input was committed without \
             one, an editor or a change in the scraper added it"
                .to_string(),
        );
    }
    None
}

/// A unified diff from `exp` to `act` (3 lines of context), headed `name (expected)` and `name
/// (actual)`. Control characters show as their Unicode pictures (a form feed, the text
/// output's document separator, as `␌`; a CR as `␍`), so that a CI log shows them. With `docs`,
/// each hunk header ends with the labels of the documents of `act` its changes lie in (`@@ -1267,8
/// +1267,6 @@ input.jsonl:212 (id page-0211)`), counted by form-feed lines in text output, by
/// lines in JSONL.
fn unified_diff(exp: &str, act: &str, name: &str, docs: Option<(&[String], bool)>) -> String {
    let diff = similar::TextDiff::from_lines(exp, act);
    let mut out = format!("--- {name} (expected)\n+++ {name} (actual)\n");
    // the document each line of `act` belongs to (a separator ends its document)
    let act_lines: Vec<&str> = act.lines().collect();
    let doc_of_line: Vec<usize> = match docs {
        Some((_, true)) => (0..act_lines.len()).collect(),
        _ => {
            let mut at = 0;
            act_lines
                .iter()
                .map(|l| {
                    let d = at;
                    at += usize::from(*l == "\x0c");
                    d
                })
                .collect()
        }
    };
    let labels = docs
        .map(|(l, _)| l)
        .filter(|l| !l.is_empty() && doc_of_line.last().is_none_or(|&d| d < l.len()));
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        let mut header = hunk.header().to_string();
        if let Some(labels) = labels {
            let mut named: Vec<usize> = Vec::new();
            for op in hunk.ops() {
                if op.tag() == similar::DiffTag::Equal {
                    continue;
                }
                let r = op.new_range();
                // a deletion lies where it would be in `act`: before line `r.start`
                let lines = if r.is_empty() {
                    r.start..r.start + 1
                } else {
                    r
                };
                for j in lines {
                    let d = doc_of_line
                        .get(j)
                        .or(doc_of_line.last())
                        .copied()
                        .unwrap_or(0);
                    if !named.contains(&d) {
                        named.push(d);
                    }
                }
            }
            let shown: Vec<&str> = named.iter().take(3).map(|&d| labels[d].as_str()).collect();
            header.push(' ');
            header.push_str(&shown.join(", "));
            if named.len() > 3 {
                header.push_str(&format!(" and {} more", named.len() - 3));
            }
        }
        out.push_str(&header);
        out.push('\n');
        for change in hunk.iter_changes() {
            let sign = match change.tag() {
                similar::ChangeTag::Equal => ' ',
                similar::ChangeTag::Delete => '-',
                similar::ChangeTag::Insert => '+',
            };
            let value = change.value();
            let line = value.strip_suffix('\n').unwrap_or(value);
            out.push(sign);
            out.push_str(&visible(line));
            out.push('\n');
            if !value.ends_with('\n') {
                out.push_str("\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// `line` with its control characters (but tabs) shown: C0 ones and DEL as their Unicode
/// pictures (`␌` for a form feed, `␍` for a CR), C1 ones as `<U+0085>`.
fn visible(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.chars().any(|c| c != '\t' && c.is_control()) {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut s = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        match c {
            '\t' => s.push(c),
            '\x7f' => s.push('\u{2421}'),
            c if (c as u32) < 0x20 => s.push(char::from_u32(0x2400 + c as u32).unwrap_or(c)),
            c if c.is_control() => s.push_str(&format!("<U+{:04X}>", c as u32)),
            c => s.push(c),
        }
    }
    std::borrow::Cow::Owned(s)
}

/// `diff` (whole lines) cut to its first `max` lines (0: all of them), then a line saying how
/// many more there are, so one case whose output changed throughout does not bury the others.
fn capped(diff: String, max: usize) -> String {
    let total = diff.lines().count();
    if max == 0 || total <= max {
        return diff;
    }
    let cut = diff
        .match_indices('\n')
        .nth(max - 1)
        .map_or(diff.len(), |(i, _)| i + 1);
    let more = total - max;
    format!(
        "{}... {more} more line{} (`--max-diff-lines 0` shows them all)\n",
        &diff[..cut],
        if more == 1 { "" } else { "s" }
    )
}

/// Checks one case; a diff it shows is cut after `max_diff_lines` lines (0: never).
pub fn check_case(
    case: &Path,
    bless: bool,
    threads: Option<usize>,
    max_diff_lines: usize,
) -> Result<CaseResult, Error> {
    let (out, report, messages, (labels, jsonl)) = run_case(case, threads)?;
    let on_diff = if bless {
        OnDiff::Bless
    } else {
        OnDiff::Show {
            max_lines: max_diff_lines,
        }
    };
    let mut diffs = String::new();
    let mut blessed = Vec::new();
    let a = compare(
        case,
        &case.join("expected.txt"),
        &out,
        Some((&labels, jsonl)),
        on_diff,
        &mut diffs,
        &mut blessed,
    )?;
    let b = compare(
        case,
        &case.join("expected-report.json"),
        report.as_bytes(),
        None,
        on_diff,
        &mut diffs,
        &mut blessed,
    )?;
    Ok(match (a && b, bless) {
        (true, _) => CaseResult::Pass,
        (false, true) => CaseResult::Blessed(blessed, bless_notes(&out, &report, &messages)),
        (false, false) => {
            // the errors and warnings the run printed (`path:line: ...`), which the report's
            // counts alone do not show
            push_what_the_run_said(&mut diffs, &messages);
            if let Some(command) = dry_run_command(case) {
                diffs.push_str(&format!("which rule removed what, and why: {command}\n"));
            }
            CaseResult::Fail(diffs)
        }
    })
}

/// What `--bless` prints under a blessed case's line: the errors and warnings its run printed
/// (`input.jsonl:1: ...`), which the blessed files do not show, and a loud line when the
/// blessed output is empty because every record failed (still blessed: a fixture may test
/// failures). Empty when the run said nothing.
fn bless_notes(out: &[u8], report: &str, messages: &str) -> String {
    let mut notes = String::new();
    let totals: serde_json::Value = serde_json::from_str(report).unwrap_or_default();
    let failed: u64 = totals["documents_failed"]
        .as_object()
        .map_or(0, |m| m.values().filter_map(|v| v.as_u64()).sum());
    if out.is_empty() && failed > 0 && Some(failed) == totals["documents_in"].as_u64() {
        notes.push_str(&format!(
            "  WARNING: the blessed expected.txt is empty: every record failed ({failed} of \
             {failed}); if the case is not meant to test failures, fix its input or args and \
             bless again\n"
        ));
    }
    push_what_the_run_said(&mut notes, messages);
    notes
}

/// Appends the errors and warnings a case's run printed (`input.jsonl:1: ...`), indented under
/// `what the run said:`; nothing when it said nothing.
fn push_what_the_run_said(buf: &mut String, messages: &str) {
    if messages.is_empty() {
        return;
    }
    buf.push_str("what the run said:\n");
    for l in messages.lines() {
        buf.push_str("  ");
        buf.push_str(l);
        buf.push('\n');
    }
}

/// What [`check_all`] found: cases that failed (their output differs, or they could not run),
/// and of those the ones that could not run (`ERROR`: bad args, no input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CheckCounts {
    pub failed: usize,
    pub errors: usize,
}

impl CheckCounts {
    /// `deboil check`'s exit code: 2 when a case could not run, 1 when one differs, else 0.
    pub fn exit_code(self) -> u8 {
        if self.errors > 0 {
            2
        } else {
            u8::from(self.failed > 0)
        }
    }
}

/// Runs every case under `dir`, printing diffs to `out`. The last line counts the cases and
/// failures; under `--bless` it also says what was blessed ([`bless_summary`]). `quiet` leaves
/// out the lines of cases that pass and of folders that are simply no case (`ok`, `skip`); a
/// folder whose own folders are cases, or a link that leads nowhere, is named even then. Each
/// diff of a failing case shows at most `max_diff_lines` lines (0: all; `--max-diff-lines`).
pub fn check_all(
    dir: &Path,
    bless: bool,
    threads: Option<usize>,
    quiet: bool,
    max_diff_lines: usize,
    out: &mut dyn Write,
) -> Result<CheckCounts, Error> {
    crate::cli::check_threads(threads)?;
    let (cases, not_cases) = cases(dir)?;
    if cases.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no fixture cases (a case is a folder holding an input.* file)",
            dir.display()
        )));
    }
    // case files at the top of a fixtures directory are read by no case
    if cases.first().is_some_and(|c| c != dir) {
        let mut stray: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| is_case_file(n))
            .collect();
        stray.sort();
        if !stray.is_empty() {
            let line = format!(
                "skip    {}: no case reads these at the top of a fixtures directory; each case \
                 folder has its own\n",
                stray.join(", ")
            );
            out.write_all(line.as_bytes())
                .map_err(|e| Error::io("<stdout>", e))?;
        }
    }
    // cases and the folders that are no case, in one sorted sequence: a folder added to the
    // fixtures directory adds its line in its place, so two runs' logs diff cleanly
    let mut folders: Vec<(&PathBuf, bool)> = cases
        .iter()
        .map(|c| (c, true))
        .chain(not_cases.iter().map(|f| (f, false)))
        .collect();
    folders.sort();
    let (mut failed, mut errors) = (0, 0);
    let mut failing = Vec::new();
    let (mut blessed, mut unchanged) = (Vec::new(), 0);
    for (case, is_case) in folders {
        if !is_case {
            let (why, even_quiet) = not_a_case(case);
            if quiet && !even_quiet {
                continue;
            }
            let name = case.file_name().unwrap_or_default().to_string_lossy();
            let line = format!("skip    {name}: {why}\n");
            out.write_all(line.as_bytes())
                .map_err(|e| Error::io("<stdout>", e))?;
            continue;
        }
        let name = case_name(case);
        let line = match check_case(case, bless, threads, max_diff_lines) {
            Ok(CaseResult::Pass) => {
                unchanged += 1;
                if quiet {
                    continue;
                }
                format!("ok      {name}\n")
            }
            Ok(CaseResult::Blessed(files, notes)) => {
                let line = format!("blessed {name} ({})\n{notes}", files.join(", "));
                blessed.push(name);
                line
            }
            Ok(CaseResult::Fail(d)) => {
                failed += 1;
                failing.push(name.clone());
                format!("FAIL    {name}\n{d}")
            }
            Err(e) => {
                failed += 1;
                errors += 1;
                failing.push(format!("{name} (error)"));
                format!("ERROR   {name}: {e}\n")
            }
        };
        out.write_all(line.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))?;
    }
    let mut summary = format!(
        "{}, {} failed",
        crate::report::counted(cases.len(), "case"),
        failed
    );
    if !failing.is_empty() {
        summary.push_str(": ");
        summary.push_str(&failing[..failing.len().min(BLESS_NAMES)].join(", "));
        if failing.len() > BLESS_NAMES {
            summary.push_str(&format!(" and {} more", failing.len() - BLESS_NAMES));
        }
    }
    if bless {
        summary.push_str("; ");
        summary.push_str(&bless_summary(&blessed, unchanged));
    }
    summary.push('\n');
    out.write_all(summary.as_bytes())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(CheckCounts { failed, errors })
}

/// A case's name: its folder's name, also when the case is given as `.` or `dir/.`.
fn case_name(case: &Path) -> String {
    let named = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    named(case)
        .or_else(|| case.canonicalize().ok().as_deref().and_then(named))
        .unwrap_or_else(|| case.display().to_string())
}

/// What `--bless` did, for `check`'s last line: `blessed 2 cases: a, b (41 unchanged)`, the
/// names in case order, at most [`BLESS_NAMES`] of them and then how many more.
pub fn bless_summary(blessed: &[String], unchanged: usize) -> String {
    let n = blessed.len();
    let mut s = format!("blessed {n} case{}", if n == 1 { "" } else { "s" });
    if n > 0 {
        s.push_str(": ");
        s.push_str(&blessed[..n.min(BLESS_NAMES)].join(", "));
        if n > BLESS_NAMES {
            s.push_str(&format!(" and {} more", n - BLESS_NAMES));
        }
    }
    s.push_str(&format!(" ({unchanged} unchanged)"));
    s
}

/// How many blessed (or failing) cases the last line names.
pub const BLESS_NAMES: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_given_as_dot_is_named_by_its_folder() {
        assert_eq!(case_name(Path::new("fixtures/news")), "news");
        assert_eq!(case_name(Path::new("fixtures/news/")), "news");
        let here = std::env::current_dir().unwrap();
        let folder = here.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(case_name(Path::new(".")), folder);
        assert_eq!(case_name(&here.join(".")), folder);
    }

    #[test]
    fn bless_summary_names_what_was_blessed() {
        let names = |n: usize| (1..=n).map(|i| format!("c{i}")).collect::<Vec<_>>();
        assert_eq!(bless_summary(&[], 5), "blessed 0 cases (5 unchanged)");
        assert_eq!(
            bless_summary(&names(1), 0),
            "blessed 1 case: c1 (0 unchanged)"
        );
        assert_eq!(
            bless_summary(&names(2), 41),
            "blessed 2 cases: c1, c2 (41 unchanged)"
        );
        assert_eq!(
            bless_summary(&names(12), 3),
            "blessed 12 cases: c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 and 2 more (3 unchanged)"
        );
    }

    /// A `check` diff names the document each hunk changes (trial22 repro-08: a JSONL case's
    /// record by its file, line and id) and shows the form-feed separator, and any other
    /// control character, visibly.
    #[test]
    fn a_diff_names_the_changed_document_and_shows_control_characters() {
        let exp =
            "One\n\nbody one.\n\x0c\nTwo\n\nbody two.\nlost line.\n\x0c\nThree\n\nbody three.\n";
        let act = "One\n\nbody one.\n\x0c\nTwo\n\nbody two.\n\x0c\nThree\n\nbody three.\n";
        let labels: Vec<String> = [
            "in.jsonl:1 (id a)",
            "in.jsonl:2 (id b)",
            "in.jsonl:3 (id c)",
        ]
        .map(String::from)
        .to_vec();
        let d = unified_diff(exp, act, "x/expected.txt", Some((&labels, false)));
        assert!(d.starts_with("--- x/expected.txt (expected)\n+++ x/expected.txt (actual)\n"));
        assert!(d.contains("@@ -5,7 +5,6 @@ in.jsonl:2 (id b)\n"), "{d}");
        assert!(d.contains("-lost line.\n \u{240c}\n"), "{d}");
        assert!(!d.contains('\x0c'), "{d}");
        // a change at a document's start belongs to it, not to the one before
        let act2 = act.replace("Three", "Drei");
        let d = unified_diff(act, &act2, "e", Some((&labels, false)));
        assert!(d.contains(" @@ in.jsonl:3 (id c)\n"), "{d}");
        // JSONL output: a document per line
        let d = unified_diff(
            "{}\n{\"a\":1}\n",
            "{}\n{\"a\":2}\n",
            "e",
            Some((&labels, true)),
        );
        assert!(d.contains(" @@ in.jsonl:2 (id b)\n"), "{d}");
        // no labels (a report), a CR and a missing final newline
        let d = unified_diff("a\r\nb", "a\nb", "r", None);
        assert!(
            d.contains("-a\u{240d}\n") && d.contains("\\ No newline at end of file"),
            "{d}"
        );
        assert!(d.contains("@@ -1,2 +1,2 @@\n"), "{d}");
    }

    #[test]
    fn a_diff_says_when_only_line_endings_differ_or_a_report_is_not_json() {
        let case = crate::testing::TempDir::new("deboil-check-differs");
        std::fs::write(case.join("input.txt"), "a\n").unwrap();
        let case: &Path = &case;
        let (txt, rep) = (
            &case.join("expected.txt"),
            &case.join("expected-report.json"),
        );
        let missing = what_differs(case, None, b"a\n", txt).unwrap();
        assert!(missing.starts_with("is missing"), "{missing}");
        // the hint names the case, so it blesses that case wherever the fixtures are
        assert!(
            missing.contains(&format!("run `deboil check {} --bless`", case.display())),
            "{missing}"
        );
        let crlf = what_differs(case, Some(b"a\r\nb\r\n"), b"a\nb\n", txt).unwrap();
        assert!(
            crlf.starts_with("differs only in its line endings"),
            "{crlf}"
        );
        // CRLF and another change: the diff says it all
        assert_eq!(
            what_differs(case, Some(b"a\r\nc\r\n"), b"a\nb\n", txt),
            None
        );
        assert_eq!(what_differs(case, Some(b"a\nc\n"), b"a\nb\n", txt), None);
        let bad = what_differs(case, Some(b"{\"totals\": "), b"{}\n", rep).unwrap();
        assert!(bad.starts_with("is not valid JSON"), "{bad}");
        // where the JSON breaks (trial22 repro-07): a hand edit's doubled comma
        let bad = what_differs(
            case,
            Some(b"{\n  \"a\": 1,,\n  \"b\": 2\n}\n"),
            b"{}\n",
            rep,
        );
        let bad = bad.unwrap();
        assert!(
            bad.starts_with("is not valid JSON (") && bad.contains(" at line 2 column "),
            "{bad}"
        );
        assert_eq!(
            what_differs(case, Some(b"{\"a\": 1}\n"), b"{}\n", rep),
            None
        );
        // what a diff does not show: a byte order mark, bytes that are not UTF-8
        let bom = what_differs(case, Some(b"\xef\xbb\xbfa\n"), b"a\n", txt).unwrap();
        assert!(bom.starts_with("starts with a byte order mark"), "{bom}");
        assert!(bom.contains("otherwise the same"), "{bom}");
        let latin1 = what_differs(
            case,
            Some(b"a\ncaf\xe9\n"),
            "a\ncaf\u{fffd}\n".as_bytes(),
            txt,
        );
        let latin1 = latin1.unwrap();
        assert!(
            latin1.starts_with("is not UTF-8: byte 0xE9 on line 2"),
            "{latin1}"
        );
        // an input that starts with a byte order mark is named as a likely cause (trial22
        // repro-07), as CRLF line endings are
        std::fs::write(case.join("input.txt"), "\u{feff}a\n").unwrap();
        let bom_input = what_differs(case, Some(b"a\nc\n"), b"a\nb\n", txt).unwrap();
        assert!(
            bom_input.contains("the case's input starts with a byte order mark"),
            "{bom_input}"
        );
        std::fs::write(case.join("input.txt"), "a\r\n").unwrap();
        let input = what_differs(case, Some(b"a\nc\n"), b"a\nb\n", txt).unwrap();
        assert!(
            input.contains("the case's input has CRLF line endings"),
            "{input}"
        );
    }

    /// A fixtures directory with an `input.*` beside case folders is refused (it used to be
    /// run as one case, the folders unseen); case files at its top, cases one level down and
    /// a link that leads nowhere are named, the last two even under `-q`.
    #[test]
    fn what_check_does_not_run_is_said() {
        let dir = std::env::temp_dir().join(format!("deboil-check-stray-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for case in ["a", "group/b"] {
            std::fs::create_dir_all(dir.join(case)).unwrap();
            std::fs::write(dir.join(case).join("input.txt"), "A Title\n\nSome text.\n").unwrap();
        }
        std::fs::write(dir.join("deboil.toml"), "ignore = [\"R001\"]\n").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("gone"), dir.join("dangling")).unwrap();
        let mut out = Vec::new();
        check_all(&dir, true, Some(1), true, 0, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("skip    deboil.toml: no case reads these"),
            "{text}"
        );
        assert!(
            text.contains("skip    group: holds 1 case one level down (b)"),
            "{text}"
        );
        #[cfg(unix)]
        assert!(
            text.contains("skip    dangling: a link that leads nowhere"),
            "{text}"
        );
        assert!(
            text.ends_with("1 case, 0 failed; blessed 1 case: a (0 unchanged)\n"),
            "{text}"
        );

        std::fs::write(dir.join("input.txt"), "stray\n").unwrap();
        let err = check_all(&dir, false, Some(1), true, 0, &mut Vec::new()).unwrap_err();
        assert!(
            err.to_string()
                .contains("holds an input file (input.txt) and case folders (a)"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A failing case's hint runs `clean --dry-run` as the case runs `clean`: its `args` (not
    /// its comments) and its `deboil.toml`, each word as a shell reads it back.
    #[test]
    fn the_dry_run_hint_takes_the_cases_flags_and_configuration() {
        assert_eq!(
            shell_word("fixtures/r010-x/input.txt"),
            "fixtures/r010-x/input.txt"
        );
        assert_eq!(shell_word("my case/input.txt"), "'my case/input.txt'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        let dir = std::env::temp_dir().join(format!("deboil-check-hint-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let case = dir.join("strict");
        std::fs::create_dir_all(&case).unwrap();
        std::fs::write(case.join("input.txt"), "A Title\n\nSome text.\n").unwrap();
        std::fs::write(
            case.join("args"),
            "# stricter\n--strictness high\n--ignore C001\n",
        )
        .unwrap();
        let input = shell_word(&case.join("input.txt").display().to_string());
        assert_eq!(
            dry_run_command(&case),
            Some(format!(
                "deboil clean --dry-run {input} --strictness high --ignore C001 --no-config"
            ))
        );
        std::fs::write(case.join("deboil.toml"), "").unwrap();
        let toml = shell_word(&case.join("deboil.toml").display().to_string());
        assert_eq!(
            dry_run_command(&case),
            Some(format!(
                "deboil clean --dry-run {input} --strictness high --ignore C001 --config {toml}"
            ))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_long_diff_is_cut_with_a_count_of_the_rest() {
        let diff = "a\nb\nc\nd\n".to_string();
        assert_eq!(capped(diff.clone(), 0), diff);
        assert_eq!(capped(diff.clone(), 4), diff);
        assert_eq!(
            capped(diff.clone(), 3),
            "a\nb\nc\n... 1 more line (`--max-diff-lines 0` shows them all)\n"
        );
        assert_eq!(
            capped(diff, 1),
            "a\n... 3 more lines (`--max-diff-lines 0` shows them all)\n"
        );
    }

    /// `skip` lines come in case order among the `ok`/`FAIL`/`ERROR` lines, so adding a folder
    /// adds one line in its place; a case input or a case folder that is a symlink loop is
    /// named as one (trial22 repro-07 d, e), not as a missing path.
    #[cfg(unix)]
    #[test]
    fn skip_lines_come_in_case_order_and_symlink_loops_are_named() {
        let dir = crate::testing::TempDir::new("deboil-check-order");
        for case in ["a", "c", "d"] {
            std::fs::create_dir_all(dir.join(case)).unwrap();
            std::fs::write(dir.join(case).join("input.txt"), "A Title\n\nSome text.\n").unwrap();
        }
        check_all(&dir, true, Some(1), true, 0, &mut Vec::new()).unwrap();
        std::fs::remove_file(dir.join("d/input.txt")).unwrap();
        std::os::unix::fs::symlink("input.txt", dir.join("d/input.txt")).unwrap();
        std::fs::create_dir(dir.join("b-notes")).unwrap();
        std::fs::create_dir(dir.join("m")).unwrap();
        std::os::unix::fs::symlink("loop", dir.join("loop")).unwrap();
        let run = |quiet: bool| {
            let mut out = Vec::new();
            let counts = check_all(&dir, false, Some(1), quiet, 0, &mut out).unwrap();
            (counts.exit_code(), String::from_utf8(out).unwrap())
        };
        let d_input = dir.join("d").join("input.txt");
        let error_d = format!(
            "ERROR   d: input path is a symlink loop (the link leads back to itself): {}\n",
            d_input.display()
        );
        let loop_line = "skip    loop: a symlink loop (the link leads back to itself)\n";
        let empty = "no input.*, expected.*, args or deboil.toml in it";
        assert_eq!(
            run(false),
            (
                2,
                format!(
                    "ok      a\nskip    b-notes: {empty}\nok      c\n{error_d}{loop_line}\
                     skip    m: {empty}\n3 cases, 1 failed: d (error)\n"
                )
            )
        );
        // under -q only what would silently not run stays, in its place too
        assert_eq!(
            run(true),
            (
                2,
                format!("{error_d}{loop_line}3 cases, 1 failed: d (error)\n")
            )
        );
    }

    /// A failing case shows what its run printed (a bad record's `path:line`), which the
    /// report's counts alone do not; an input that cannot be opened is the case's error, and
    /// `--bless` writes nothing for it.
    #[test]
    fn a_failing_case_shows_its_input_errors_and_an_unreadable_input_is_an_error() {
        let dir = std::env::temp_dir().join(format!("deboil-check-said-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let case = dir.join("feed");
        std::fs::create_dir_all(&case).unwrap();
        let good = "{\"id\":\"a\",\"text\":\"A Title\\n\\nSome text of the record.\"}\n";
        std::fs::write(case.join("input.jsonl"), good.repeat(2)).unwrap();
        check_all(&dir, true, Some(1), true, 0, &mut Vec::new()).unwrap();
        std::fs::write(
            case.join("input.jsonl"),
            format!("{good}{{\"id\": broken\n"),
        )
        .unwrap();
        let mut out = Vec::new();
        let counts = check_all(&dir, false, Some(1), true, 0, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(counts.exit_code(), 1, "{text}");
        assert!(text.contains("what the run said:\n  deboil: "), "{text}");
        // and the command that lists the removals, with the case's flags and configuration
        let input = case.join("input.jsonl").display().to_string();
        let hint = format!(
            "which rule removed what, and why: deboil clean --dry-run {} --no-config\n",
            shell_word(&input)
        );
        assert!(text.contains(&hint), "{text}");
        assert!(
            text.contains("input.jsonl:2: expected a JSON object"),
            "{text}"
        );

        // a directory where the input should be: it cannot be opened as a file
        std::fs::remove_file(case.join("input.jsonl")).unwrap();
        std::fs::create_dir(case.join("input.jsonl")).unwrap();
        let before = std::fs::read(case.join("expected.txt")).unwrap();
        let mut out = Vec::new();
        let counts = check_all(&dir, true, Some(1), true, 0, &mut out).unwrap();
        assert_eq!(counts.exit_code(), 2, "{}", String::from_utf8_lossy(&out));
        assert_eq!(std::fs::read(case.join("expected.txt")).unwrap(), before);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bless_rewrites_only_what_changed_and_says_so() {
        let dir = std::env::temp_dir().join(format!("deboil-check-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let case = dir.join("case");
        std::fs::create_dir_all(&case).unwrap();
        std::fs::write(
            case.join("input.txt"),
            "A Headline Here\n\nThe body text.\n",
        )
        .unwrap();
        let run = |bless| {
            let mut out = Vec::new();
            let counts = check_all(&dir, bless, Some(1), false, 0, &mut out).unwrap();
            (counts.failed, String::from_utf8(out).unwrap())
        };
        let (failed, out) = run(true);
        assert_eq!(failed, 0);
        assert_eq!(
            out,
            "blessed case (expected.txt created, expected-report.json created)\n\
             1 case, 0 failed; blessed 1 case: case (0 unchanged)\n"
        );
        std::fs::write(case.join("expected.txt"), "edited\n").unwrap();
        assert_eq!(
            run(true).1,
            "blessed case (expected.txt)\n1 case, 0 failed; blessed 1 case: case (0 unchanged)\n"
        );
        assert_eq!(
            run(true).1,
            "ok      case\n1 case, 0 failed; blessed 0 cases (1 unchanged)\n"
        );
        assert_eq!(run(false).1, "ok      case\n1 case, 0 failed\n");
        // quiet: no line for a case that passes, or for a folder that is no case
        std::fs::create_dir_all(dir.join("notes")).unwrap();
        let mut out = Vec::new();
        check_all(&dir, false, Some(1), true, 0, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "1 case, 0 failed\n");
        std::fs::remove_dir(dir.join("notes")).unwrap();
        // the report is compared as JSON: compacted by hand it passes, a changed value fails
        let rep = case.join("expected-report.json");
        let blessed: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&rep).unwrap()).unwrap();
        std::fs::write(&rep, serde_json::to_string(&blessed).unwrap()).unwrap();
        assert_eq!(run(false).1, "ok      case\n1 case, 0 failed\n");
        let mut changed = blessed.clone();
        changed["lines_out"] = serde_json::json!(99);
        std::fs::write(&rep, serde_json::to_string_pretty(&changed).unwrap()).unwrap();
        let (failed, text) = run(false);
        assert_eq!(failed, 1);
        assert!(text.contains("-  \"lines_out\": 99,"), "{text}");
        // an expected file that cannot be read is the case's error (exit 2), not a difference
        std::fs::remove_file(&rep).unwrap();
        std::fs::create_dir(&rep).unwrap();
        let mut out = Vec::new();
        let counts = check_all(&dir, false, Some(1), false, 0, &mut out).unwrap();
        assert_eq!(counts.exit_code(), 2, "{}", String::from_utf8_lossy(&out));
        std::fs::remove_dir(&rep).unwrap();
        std::fs::write(&rep, serde_json::to_string_pretty(&blessed).unwrap() + "\n").unwrap();
        // args that would write files are an error of the case (exit 2), and nothing is written
        // (names no other file in the working directory has: `make run` leaves an `out/` there)
        let (o, r) = ("deboil-check-test-out", "deboil-check-test-r.json");
        assert!(!Path::new(o).exists() && !Path::new(r).exists());
        std::fs::write(case.join("args"), format!("-o {o} --report {r}\n")).unwrap();
        let mut out = Vec::new();
        let counts = check_all(&dir, false, Some(1), false, 0, &mut out).unwrap();
        assert_eq!(
            counts,
            CheckCounts {
                failed: 1,
                errors: 1
            }
        );
        assert_eq!(counts.exit_code(), 2);
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("ERROR   case: ") && text.contains("would write files"),
            "{text}"
        );
        assert!(!Path::new(o).exists() && !Path::new(r).exists());
        assert_eq!(
            CheckCounts {
                failed: 2,
                errors: 0
            }
            .exit_code(),
            1
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
