//! Typed errors of the library: what went wrong with which input, and where.

use std::path::PathBuf;

/// A problem with one input (a file, or one line of a JSONL file). The run goes on with the rest
/// unless `--strict` is set; the report counts it by `kind`.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("{location}: {message}")]
pub struct InputError {
    /// `path` or `path:line`.
    pub location: String,
    /// The input's path as shown (`location` without its line).
    pub input: String,
    /// Short stable kind for the report's counts (`invalid-json`, `binary`, ...).
    pub kind: &'static str,
    pub message: String,
}

impl InputError {
    pub fn new(
        path: &str,
        line: Option<usize>,
        kind: &'static str,
        message: impl Into<String>,
    ) -> Self {
        let location = match line {
            Some(l) => format!("{path}:{l}"),
            None => path.to_string(),
        };
        InputError {
            location,
            input: path.to_string(),
            kind,
            message: message.into(),
        }
    }

    /// The error as it stops a `--strict` run: the message no longer says the input was skipped
    /// (nothing is skipped, the run ends) but that the run stopped.
    pub fn stopping_the_run(mut self) -> Self {
        if let Some(m) = self.message.strip_suffix(SKIPPED) {
            self.message = m.to_string();
        }
        self.message.push_str("; run stopped (--strict)");
        self
    }
}

/// The end of the message of an input that a run without `--strict` passes over.
pub const SKIPPED: &str = "; skipped";

/// Errors that stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("input path does not exist: {0}")]
    MissingInput(PathBuf),
    /// An input path (named on the command line, or a `check` case's input) that is a symlink
    /// leading back to itself, directly or through other links: it exists, but names no file.
    #[error("input path is a symlink loop (the link leads back to itself): {0}")]
    SymlinkLoop(PathBuf),
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error(
        "unknown rule code or name: {name} (codes: {codes}; `deboil rules` lists them with their \
         names)"
    )]
    UnknownRule { name: String, codes: String },
    #[error("{0}")]
    Usage(String),
    /// Records were found but every one failed (a wrong `--text-field`, a file of invalid
    /// JSON): a run that would write nothing from them stops with exit 2.
    #[error("nothing read: {failed} of {failed} inputs and records failed (errors above)")]
    NothingRead { failed: usize },
}

impl Error {
    /// `name` names no rule among `known` (their codes are listed in the message).
    pub fn unknown_rule(name: &str, known: &[crate::rules::RuleMeta]) -> Self {
        Error::UnknownRule {
            name: name.to_string(),
            codes: known.iter().map(|m| m.code).collect::<Vec<_>>().join(", "),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A file named by a flag could not be read: one line naming the flag and the path, with
    /// a short reason instead of the OS's wording (`--config nope.toml: no such file`).
    pub fn flag_file(flag: &str, path: &std::path::Path, source: &std::io::Error) -> Self {
        Error::Usage(format!("{flag} {}: {}", path.display(), io_reason(source)))
    }
}

/// A short, lower-case reason for an I/O error on a named file, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    if is_symlink_loop(e) {
        return "a symlink loop (the link leads back to itself)".into();
    }
    match e.kind() {
        ErrorKind::NotFound => "no such file".into(),
        ErrorKind::IsADirectory => "is a directory, not a file".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::InvalidData => "not UTF-8 text".into(),
        k => k.to_string(),
    }
}

/// Whether `e` says that a path is a symlink loop (`ELOOP`, "Too many levels of symbolic
/// links": a link leading back to itself, directly or through other links). std has no stable
/// `ErrorKind` for it, so the OS error number is compared.
pub fn is_symlink_loop(e: &std::io::Error) -> bool {
    // 40 on Linux and Android, 62 on macOS and the BSDs
    const ELOOP: i32 = if cfg!(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly"
    )) {
        62
    } else {
        40
    };
    e.raw_os_error() == Some(ELOOP)
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_file_errors_name_the_flag_and_path_without_os_numbers() {
        let e = |k| std::io::Error::new(k, "raw (os error 2)");
        let p = std::path::Path::new("nope.toml");
        assert_eq!(
            Error::flag_file("--config", p, &e(std::io::ErrorKind::NotFound)).to_string(),
            "--config nope.toml: no such file"
        );
        assert_eq!(
            Error::flag_file("--config", p, &e(std::io::ErrorKind::IsADirectory)).to_string(),
            "--config nope.toml: is a directory, not a file"
        );
        let from_os = std::io::Error::from_raw_os_error(21);
        assert!(!Error::flag_file("--decisions", p, &from_os)
            .to_string()
            .contains("os error"));
        // a symlink loop is said as one, not as the OS's "Too many levels of symbolic links"
        let looped =
            std::io::Error::from_raw_os_error(if cfg!(target_os = "linux") { 40 } else { 62 });
        assert!(is_symlink_loop(&looped));
        assert!(!is_symlink_loop(&e(std::io::ErrorKind::NotFound)));
        assert_eq!(
            Error::flag_file("--config", p, &looped).to_string(),
            "--config nope.toml: a symlink loop (the link leads back to itself)"
        );
    }
}
