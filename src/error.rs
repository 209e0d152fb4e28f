//! Typed errors of the library: what went wrong with which input, and where.

use std::path::PathBuf;

/// A problem with one input (a file, or one line of a JSONL file). The run goes on with the rest
/// unless `--strict` is set; the report counts it by `kind`.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("{location}: {message}")]
pub struct InputError {
    /// `path` or `path:line`.
    pub location: String,
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
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error(
        "unknown rule code or name: {0} (codes: {codes}; `deboil rules` lists them with their \
         names)",
        codes = crate::explain::known_codes()
    )]
    UnknownRule(String),
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
