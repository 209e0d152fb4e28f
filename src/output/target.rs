//! Where a run may write, checked before it reads or writes anything: an output or report path
//! that is an input, or a directory that holds one, would overwrite what the run reads; the two
//! targets must differ; text output with `-o` is a directory and JSONL output a file; and the
//! folder a file goes into must exist (only the text output directory itself is created).
//! Paths are compared by what they resolve to (symlinks, `..`, relative spellings), also for
//! targets that do not exist yet.

use std::path::{Path, PathBuf};

use crate::error::Error;

/// What a run writes.
#[derive(Debug, Clone, Copy)]
pub struct Targets<'a> {
    /// `-o`: a directory (`output_is_dir`, text format) or a file (JSONL); `None` for stdout.
    pub output: Option<&'a Path>,
    pub output_is_dir: bool,
    /// `--report`.
    pub report: Option<&'a Path>,
}

/// Whether a path given for an output means stdout.
pub fn is_stdout(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Refuses targets that would overwrite an input (`inputs`: the input files found, stdin left
/// out) or each other, or that cannot be written as their flag says. Usage errors name the flag
/// and the path.
pub fn check(t: &Targets, inputs: &[&Path]) -> Result<(), Error> {
    let inputs: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    // a target naming an open descriptor (`/dev/stdout`, `>(...)`) is written where it stands
    let output_fd = t.output.and_then(super::descriptor_named);
    let report_fd = t.report.and_then(super::descriptor_named);
    if let (Some(shown), Some(_)) = (t.output, output_fd) {
        if t.output_is_dir {
            return Err(usage(format!(
                "-o {}: names an open descriptor, and text output goes to a directory (one \
                 file per document); leave out -o to write to stdout, or use --format jsonl",
                shown.display()
            )));
        }
    }
    if let (Some(shown), Some(fd)) = (t.report, report_fd) {
        if output_fd == Some(fd) {
            return Err(usage(format!(
                "--report {}: is also the output (-o); write them to different places",
                shown.display()
            )));
        }
        if fd == 1 && t.output.is_none() {
            return Err(usage(format!(
                "--report {}: the documents (or the listing) go to stdout too; give -o, or \
                 write the report elsewhere",
                shown.display()
            )));
        }
    }
    let output = t
        .output
        .filter(|_| output_fd.is_none())
        .map(|p| (p, resolved(p)));
    if let Some((shown, out)) = &output {
        if t.output_is_dir {
            output_dir(shown, out)?;
            if let Some(i) = inputs.iter().find(|i| i.starts_with(out)) {
                return Err(usage(format!(
                    "-o {}: the output directory holds the input {}, which the run would \
                     overwrite or remove; write to a directory outside the inputs",
                    shown.display(),
                    i.display()
                )));
            }
        } else {
            file("-o", shown, out)?;
            if inputs.contains(out) {
                return Err(usage(format!(
                    "-o {}: is an input of this run, which writing would overwrite; write to \
                     another file",
                    shown.display()
                )));
            }
        }
    }
    if let Some(shown) = t.report.filter(|_| report_fd.is_none()) {
        if is_stdout(shown) {
            return Err(usage(
                "--report -: the report is written to a file; give its path".into(),
            ));
        }
        let rep = resolved(shown);
        // the report may go into the text output directory, which is created first
        let made_first = output
            .as_ref()
            .filter(|_| t.output_is_dir)
            .is_some_and(|(_, out)| rep.parent() == Some(out.as_path()));
        // inside the text output directory, a report named like a document (`*.txt`) or like
        // the directory's manifest would be overwritten by the run, or overwrite its files
        let in_out_dir = output
            .as_ref()
            .filter(|_| t.output_is_dir)
            .is_some_and(|(_, out)| rep.starts_with(out));
        let name = rep
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if in_out_dir && (name.ends_with(".txt") || name.starts_with(".deboil-manifest")) {
            return Err(usage(format!(
                "--report {}: is inside the output directory with a name its documents or its \
                 manifest take (*.txt, .deboil-manifest); name it report.json, or write it \
                 elsewhere",
                shown.display()
            )));
        }
        if made_first {
            if rep.is_dir() {
                return Err(usage(format!(
                    "--report {}: is a directory; give a file path",
                    shown.display()
                )));
            }
        } else {
            file("--report", shown, &rep)?;
        }
        if inputs.contains(&rep) {
            return Err(usage(format!(
                "--report {}: is an input of this run, which writing the report would \
                 overwrite; write it to another file",
                shown.display()
            )));
        }
        if output.as_ref().is_some_and(|(_, out)| *out == rep) {
            return Err(usage(format!(
                "--report {}: is also the output (-o); write them to different files",
                shown.display()
            )));
        }
    }
    Ok(())
}

/// Checks a file target of `flag` (a JSONL output, a report, a `dedup` file): it is not a
/// directory, and the folder it goes into exists.
pub fn file(flag: &str, shown: &Path, resolved: &Path) -> Result<(), Error> {
    if resolved.is_dir() {
        return Err(usage(format!(
            "{flag} {}: is a directory; give a file path{}",
            shown.display(),
            if flag == "-o" {
                " (JSONL output is one file; text output, the default format, goes to a directory)"
            } else {
                ""
            }
        )));
    }
    let parent = resolved.parent().unwrap_or(Path::new("/"));
    if !parent.is_dir() {
        let what = if parent.exists() {
            "is not a directory"
        } else {
            "does not exist"
        };
        return Err(usage(format!(
            "{flag} {}: the folder {} {what}",
            shown.display(),
            parent.display()
        )));
    }
    Ok(())
}

/// Checks a text output directory: it is a directory, or can be made one (no file on the way
/// to it), and its name does not look like a file's ([`crate::input::is_input_name`]).
fn output_dir(shown: &Path, resolved: &Path) -> Result<(), Error> {
    if resolved.exists() {
        if resolved.is_dir() {
            return Ok(());
        }
        if !resolved.is_file() {
            // `/dev/null`, a FIFO: written in place as a stream, which text output with -o is not
            return Err(usage(format!(
                "-o {}: is a device or a pipe, not a directory, and text output with -o goes \
                 to a directory (one file per document); to write it as one stream, leave out \
                 -o and redirect stdout (`> {}`), or use --format jsonl -o {}",
                shown.display(),
                shown.display(),
                shown.display()
            )));
        }
        return Err(usage(format!(
            "-o {}: is a file, but text output goes to a directory (one file per document); \
             name a directory, use --format jsonl for one file, or leave out -o to write to \
             stdout",
            shown.display()
        )));
    }
    if let Some(file) = resolved
        .ancestors()
        .skip(1)
        .find(|a| a.exists() && !a.is_dir())
    {
        return Err(usage(format!(
            "-o {}: {} is a file, not a directory",
            shown.display(),
            file.display()
        )));
    }
    // a name with an input extension (`clean.txt`, `out.jsonl.gz`, any case) is a file's
    if crate::input::is_input_name(resolved) {
        let compressed = resolved
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz") || e.eq_ignore_ascii_case("zst"));
        let instead = if compressed {
            // stdout is never compressed: a redirect would put plain text under this name
            format!(
                "for one compressed file, use --format jsonl -o {}",
                shown.display()
            )
        } else {
            format!(
                "for one file, leave out -o and redirect stdout (`> {}`), or use --format jsonl",
                shown.display()
            )
        };
        return Err(usage(format!(
            "-o {}: text output goes to a directory (one file per document), and this names \
             a file; {instead}",
            shown.display(),
        )));
    }
    Ok(())
}

/// The absolute path `p` names once it exists: the existing part resolved (symlinks, `..`),
/// the rest appended.
pub fn resolved(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut rest = Vec::new();
    let mut at = abs.as_path();
    loop {
        if let Ok(c) = at.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                match part {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::CurDir => {}
                    c => out.push(c),
                }
            }
            return out;
        }
        match (at.parent(), at.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                at = parent;
            }
            _ => return abs,
        }
    }
}

fn usage(message: String) -> Error {
    Error::Usage(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TempDir;

    fn message(r: Result<(), Error>) -> String {
        match r {
            Err(Error::Usage(m)) => m,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    fn dir_target(o: &Path) -> Targets<'_> {
        Targets {
            output: Some(o),
            output_is_dir: true,
            report: None,
        }
    }

    fn report_target(r: &Path) -> Targets<'_> {
        Targets {
            output: None,
            output_is_dir: false,
            report: Some(r),
        }
    }

    #[test]
    fn resolved_paths_agree_for_existing_and_new_targets() {
        let d = TempDir::new("target-resolved");
        std::fs::create_dir_all(d.path().join("a")).unwrap();
        let base = d.path().canonicalize().unwrap();
        assert_eq!(resolved(&d.path().join("a/../a")), base.join("a"));
        assert_eq!(
            resolved(&d.path().join("a/new/x.json")),
            base.join("a/new/x.json")
        );
        assert_eq!(resolved(&d.path().join("new/../a")), base.join("a"));
    }

    #[test]
    fn an_output_directory_holding_an_input_is_refused() {
        let d = TempDir::new("target-holds");
        let input = d.path().join("in/a.txt");
        std::fs::create_dir_all(input.parent().unwrap()).unwrap();
        std::fs::write(&input, "x").unwrap();
        let t = dir_target;
        let m = message(check(&t(&d.path().join("in")), &[&input]));
        assert!(m.contains("holds the input") && m.contains("a.txt"), "{m}");
        // spelled differently, same directory
        assert!(check(&t(&d.path().join("in/../in/.")), &[&input]).is_err());
        assert!(check(&t(d.path()), &[&input]).is_err());
        // a sibling directory, or one inside the inputs' directory, is fine
        check(&t(&d.path().join("out")), &[&input]).unwrap();
        check(&t(&d.path().join("in/out")), &[&input]).unwrap();
    }

    #[test]
    fn a_file_output_or_report_that_is_an_input_is_refused() {
        let d = TempDir::new("target-same");
        let input = d.path().join("in.jsonl");
        std::fs::write(&input, "{}").unwrap();
        let jsonl = Targets {
            output: Some(&input),
            output_is_dir: false,
            report: None,
        };
        assert!(message(check(&jsonl, &[&input])).contains("is an input"));
        let report = Targets {
            output: None,
            output_is_dir: false,
            report: Some(&input),
        };
        assert!(message(check(&report, &[&input])).contains("is an input"));
        let out = d.path().join("out.jsonl");
        let both = Targets {
            output: Some(&out),
            output_is_dir: false,
            report: Some(&out),
        };
        assert!(message(check(&both, &[&input])).contains("also the output"));
    }

    #[test]
    fn file_targets_need_an_existing_folder_and_no_directory() {
        let d = TempDir::new("target-folder");
        let t = report_target;
        let m = message(check(&t(&d.path().join("nope/r.json")), &[]));
        assert!(m.contains("does not exist"), "{m}");
        assert!(message(check(&t(d.path()), &[])).contains("is a directory"));
        assert!(message(check(&t(Path::new("-")), &[])).contains("give its path"));
        check(&t(&d.path().join("r.json")), &[]).unwrap();
    }

    #[test]
    fn text_output_must_be_a_directory() {
        let d = TempDir::new("target-dir");
        let f = d.path().join("f");
        std::fs::write(&f, "x").unwrap();
        let t = dir_target;
        assert!(message(check(&t(&f), &[])).contains("is a file"));
        assert!(message(check(&t(&f.join("sub")), &[])).contains("is a file, not a directory"));
        assert!(message(check(&t(&d.path().join("clean.txt")), &[])).contains("--format jsonl"));
        assert!(message(check(&t(&d.path().join("OUT.JSONL.gz")), &[])).contains("--format jsonl"));
        check(&t(&d.path().join("new/out")), &[]).unwrap();
        // the report may go into the output directory before it exists
        let out = d.path().join("out");
        let rep = out.join("report.json");
        let with_report = Targets {
            output: Some(&out),
            output_is_dir: true,
            report: Some(&rep),
        };
        check(&with_report, &[]).unwrap();
    }
}
