//! Command-line flags as data (clap derive) and their translation into library options. The
//! binary in `main.rs` parses, calls the library, and maps errors to exit codes.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::Config;
use crate::dedup::DedupOptions;
use crate::error::Error;
use crate::input::{InputFormat, InputOptions};
use crate::output::Format;
use crate::pipeline::{CleanOptions, Mode};
use crate::rules::Strictness;

#[derive(Debug, Parser)]
#[command(
    name = "deboil",
    version,
    about = "Turns scraped text dumps into clean documents, and says what it removed and why."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean dumps: split articles, strip debris, merge repeats; write text or JSONL and a report.
    Clean(Box<CleanArgs>),
    /// Run golden fixtures (`<dir>/<case>/input.*` against `expected.txt` and `expected-report.json`).
    Check(CheckArgs),
    /// List every rule with its code.
    Rules(RulesArgs),
    /// Print a rule's documentation.
    Explain(ExplainArgs),
    /// Print duplicate groups as JSON lines (`{"kept", "copies"}`); no text is changed.
    Dups(Box<DupsArgs>),
    /// The corpus stage in three steps, each on its own (for sharded runs).
    #[command(subcommand)]
    Dedup(DedupCommand),
}

#[derive(Debug, Subcommand)]
pub enum DedupCommand {
    /// Step 1: signatures of every paragraph, one document per JSON line (`-o FILE` or stdout).
    Sigs(Box<SigsArgs>),
    /// Step 2: decisions from signature files given in input order (`-o FILE` or stdout).
    Decide(Box<DecideArgs>),
    /// Step 3: `clean` with the decisions of step 2 instead of an in-process dedup.
    Apply(Box<ApplyArgs>),
}

/// `deboil clean`: every flag group.
#[derive(Debug, Clone, Args)]
pub struct CleanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub write: WriteArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    #[command(flatten)]
    pub scope: DedupScopeArgs,
    #[command(flatten)]
    pub near: NearArgs,
    #[command(flatten)]
    pub decide: DecideFlags,
}

/// `deboil dups`: reads and splits like `clean`; takes `clean`'s reading and dedup flags, and
/// its rule flags only with `--rules`.
#[derive(Debug, Clone, Args)]
pub struct DupsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the groups to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// `paragraph`: repeated paragraphs; `document`: documents at least half of whose words are
    /// copies of one earlier document.
    #[arg(long, value_enum, default_value_t = crate::pipeline::stages::DupLevel::Paragraph)]
    pub level: crate::pipeline::stages::DupLevel,
    /// Apply `clean`'s rules first, so groups are exactly what `clean`'s dedup merges (by default
    /// rules are off and repeats the rules remove, like doubled captions, are shown too). The rule
    /// flags (`--select`, `--ignore`, `--strictness`, `--config`, `--no-config`) need it.
    #[arg(long)]
    pub rules: bool,
    #[command(flatten)]
    pub rule_flags: RuleArgs,
    #[command(flatten)]
    pub scope: DedupScopeArgs,
    #[command(flatten)]
    pub near: NearArgs,
    #[command(flatten)]
    pub decide: DecideFlags,
    #[command(flatten)]
    pub quiet: QuietArgs,
}

/// `deboil dedup sigs`: reads, splits and strips like `clean`; only the dedup flags that shape
/// signatures.
#[derive(Debug, Clone, Args)]
pub struct SigsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the signatures to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    #[command(flatten)]
    pub scope: DedupScopeArgs,
    #[command(flatten)]
    pub near: NearArgs,
    #[command(flatten)]
    pub quiet: QuietArgs,
}

/// `deboil dedup decide`: signature files in, decisions out; only the dedup flags that decide.
#[derive(Debug, Clone, Args)]
pub struct DecideArgs {
    /// Signature files written by `deboil dedup sigs`, in input order.
    #[arg(required = true, value_name = "SIGS")]
    pub signatures: Vec<PathBuf>,
    /// Write the decisions to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub scope: DedupScopeArgs,
    #[command(flatten)]
    pub decide: DecideFlags,
    #[command(flatten)]
    pub quiet: QuietArgs,
}

/// `deboil dedup apply`: `clean`'s reading, rule and output flags; the dedup flags belong to
/// `sigs` and `decide`.
#[derive(Debug, Clone, Args)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub write: WriteArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Decisions written by `deboil dedup decide`.
    #[arg(long)]
    pub decisions: PathBuf,
    /// The `--dedup` scope `decide` ran with: whole records repeated (D004) are dropped here,
    /// and only with `corpus`, as `clean` does.
    #[arg(long, value_enum, default_value_t = crate::dedup::DedupMode::Corpus)]
    pub dedup: crate::dedup::DedupMode,
}

/// Reading the inputs (every command that reads dumps).
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or directories (walked recursively in sorted order); `-` or nothing for stdin.
    pub inputs: Vec<PathBuf>,
    /// Worker threads (default: all cores). Output is identical at any count.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// How inputs are read: `auto` by name (`.jsonl`/`.ndjson`/`.json` are JSONL, any case),
    /// sniffing stdin and names without an extension; `text` or `jsonl` for every input.
    /// gzip and zstd are recognised by their first bytes either way.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// JSONL field holding the text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSONL field holding the record id.
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// Largest record (a text dump, or one JSONL line) processed; larger ones are reported and
    /// skipped (`too-large`, `line-too-long`). Bytes, or with a unit: `64k`, `16M`, `1G` (powers
    /// of 1024; `KiB`, `MB`... are read the same way).
    #[arg(long, value_name = "BYTES", default_value = "256M", value_parser = parse_bytes)]
    pub max_record_bytes: usize,
    /// Any bad input is fatal (exit 2), invalid UTF-8 included (repaired without it).
    #[arg(long)]
    pub strict: bool,
    /// Input bytes per batch (a tuning knob; output does not depend on it).
    #[arg(long, default_value_t = crate::pipeline::BATCH_BYTES, hide = true)]
    pub batch_bytes: usize,
}

/// Writing documents and the report (`clean`, `dedup apply`).
#[derive(Debug, Clone, Args)]
pub struct WriteArgs {
    /// Output: a directory for `--format text`, a file for `--format jsonl`; stdout if absent.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the JSON report here.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Write nothing; list what would be removed.
    #[arg(long, conflicts_with = "diff")]
    pub dry_run: bool,
    /// Write nothing; print a unified diff per document.
    #[arg(long)]
    pub diff: bool,
    /// Exit 1 when anything was removed (for CI over a scraper's output).
    #[arg(long)]
    pub fail_on_removal: bool,
    /// No summary on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Leave timings out of the report and summary.
    #[arg(long)]
    pub reproducible: bool,
}

/// `-q` for the commands that print no summary or progress (`dups`, `dedup sigs`, `dedup
/// decide`): accepted, so that a script can pass it to every step as it does to `clean`, `check`
/// and `dedup apply` (whose `-q` is in [`WriteArgs`] and [`CheckArgs`]), and changes nothing.
#[derive(Debug, Clone, Default, Args)]
pub struct QuietArgs {
    /// Accepted as `clean`'s is; this command prints no summary or progress anyway (warnings
    /// and errors still go to stderr).
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Which rules run (`clean`, `dedup sigs`, `dedup apply`, `dups --rules`).
#[derive(Debug, Clone, Default, Args)]
pub struct RuleArgs {
    /// Configuration file (default: ./deboil.toml when present).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Do not read ./deboil.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Only these rules (codes, code prefixes, names or categories, in any case; comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Not these rules.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    // help from `strictness_help`: the default comes from the code, and deboil.toml can set it
    #[arg(long, value_enum, help = strictness_help())]
    pub strictness: Option<Strictness>,
    /// Keep reader comments and forum replies (C001 leaves a comment thread's text; its
    /// chrome, `Reply`, `Leave a comment`, comment counts, still goes) [or `keep_comments =
    /// true` in deboil.toml].
    #[arg(long)]
    pub keep_comments: bool,
}

/// The corpus stage's scope (every dedup step).
#[derive(Debug, Clone, Args)]
pub struct DedupScopeArgs {
    /// Paragraph deduplication scope.
    #[arg(long, value_enum, default_value_t = crate::dedup::DedupMode::Corpus)]
    pub dedup: crate::dedup::DedupMode,
    /// No learned boilerplate (a single pass over the input).
    #[arg(long)]
    pub no_boilerplate: bool,
}

/// Near-duplicate signatures (`clean`, `dups`, `dedup sigs`).
#[derive(Debug, Clone, Args)]
pub struct NearArgs {
    /// No near-duplicate matching (exact repeats only).
    #[arg(long)]
    pub no_near: bool,
}

/// Deciding which copies go (`clean`, `dups`, `dedup decide`).
#[derive(Debug, Clone, Args)]
pub struct DecideFlags {
    /// Which copy of a near-duplicate group is kept: `first`, the earliest in input order, or
    /// `longest`, the copy with the most words. `longest` needs every signature before deciding,
    /// so only `deboil dedup decide` and `deboil dups` apply it; `clean` decides in one streaming
    /// pass and refuses `longest`.
    #[arg(
        long,
        value_enum,
        default_value_t = crate::dedup::Prefer::First,
        hide_possible_values = true
    )]
    pub prefer: crate::dedup::Prefer,
    /// Word diff ratio at or above which a candidate is a near duplicate (0 to 1).
    #[arg(long, value_name = "RATIO", default_value_t = DedupOptions::default().threshold,
          allow_negative_numbers = true)]
    pub near_threshold: f64,
    /// A line is learned boilerplate when it recurs in at least this many documents of a source
    /// (at least 2)...
    #[arg(long, value_name = "N", default_value_t = DedupOptions::default().boilerplate_min_docs)]
    pub boilerplate_min_docs: usize,
    /// ...and in at least this share of them (0 to 1).
    #[arg(long, value_name = "SHARE", default_value_t = DedupOptions::default().boilerplate_min_share,
          allow_negative_numbers = true)]
    pub boilerplate_min_share: f64,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Fixtures directory, or the directory of one case.
    #[arg(default_value = "fixtures")]
    pub dir: PathBuf,
    /// Rewrite the expected files from the current output (review the diff before committing).
    #[arg(long)]
    pub bless: bool,
    /// Worker threads.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Print only failing cases (and blessed ones) and the last line; no `ok` or `skip` lines.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Show at most N lines of each diff of a failing case, then `... M more lines` (0: all).
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub max_diff_lines: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// Rule code (`R001`, `U001`) or name.
    pub code: String,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Which configuration file's user patterns `rules` and `explain` show besides the built-in
/// rules.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigArgs {
    /// Configuration file whose patterns to list too (default: ./deboil.toml when present).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Do not read ./deboil.toml: the built-in rules only.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

impl ConfigArgs {
    /// The configuration file as `clean` would read it.
    pub fn load(&self) -> Result<Config, Error> {
        load_config(self.config.as_deref(), self.no_config)
    }
}

/// `--config FILE`, else ./deboil.toml when present unless `--no-config`, else no file.
fn load_config(config: Option<&std::path::Path>, no_config: bool) -> Result<Config, Error> {
    match (config, no_config) {
        (Some(p), _) => Config::load(p, Some("--config")),
        (None, false) if std::path::Path::new("deboil.toml").is_file() => {
            Config::load(std::path::Path::new("deboil.toml"), None)
        }
        _ => Ok(Config::default()),
    }
}

/// Printed to stderr before reading a terminal's stdin, so that `deboil clean` typed alone does
/// not look hung.
pub const STDIN_HINT: &str =
    "deboil: reading from stdin (Ctrl-D to end; give files or directories to clean them)";

/// Most worker threads a run starts: more only costs the time to start them (a count in the
/// thousands took seconds to start before any work) and changes no output.
pub const MAX_THREADS: usize = 1024;

/// Refuses a `--threads` of 0 or above [`MAX_THREADS`].
pub fn check_threads(threads: Option<usize>) -> Result<(), Error> {
    match threads {
        Some(0) => Err(Error::Usage("--threads must be at least 1".into())),
        Some(n) if n > MAX_THREADS => Err(Error::Usage(format!(
            "--threads {n}: at most {MAX_THREADS} (more threads than cores give no speed)"
        ))),
        _ => Ok(()),
    }
}

impl InputArgs {
    /// Options with the inputs and how to read them; everything else at its default.
    #[allow(clippy::needless_update)] // InputOptions grows; defaults fill new fields
    fn options(&self) -> Result<CleanOptions, Error> {
        check_threads(self.threads)?;
        let inputs = if self.inputs.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            self.inputs.clone()
        };
        Ok(CleanOptions {
            inputs,
            input: InputOptions {
                text_field: self.text_field.clone(),
                id_field: self.id_field.clone(),
                max_record_bytes: self.max_record_bytes,
                format: self.input_format,
                strict_utf8: self.strict,
                ..InputOptions::default()
            },
            threads: self.threads,
            strict: self.strict,
            batch_bytes: self.batch_bytes.max(1),
            ..CleanOptions::default()
        })
    }

    /// The hint to print before reading: when no input is named (stdin is read) and stdin is a
    /// terminal ([`std::io::IsTerminal`]); never for a pipe or a redirected file.
    pub fn stdin_hint(&self, stdin_is_terminal: bool) -> Option<&'static str> {
        (self.inputs.is_empty() && stdin_is_terminal).then_some(STDIN_HINT)
    }
}

impl RuleArgs {
    /// Whether any rule flag was given.
    fn any(&self) -> bool {
        self.config.is_some()
            || self.no_config
            || !self.select.is_empty()
            || !self.ignore.is_empty()
            || self.strictness.is_some()
            || self.keep_comments
    }

    /// Reads the configuration file and sets the rule selection (flags win over the file).
    fn apply_to(&self, o: &mut CleanOptions) -> Result<(), Error> {
        let config = load_config(self.config.as_deref(), self.no_config)?;
        o.select = selectors("--select", &self.select)?;
        o.ignore = selectors("--ignore", &self.ignore)?;
        o.strictness = self.strictness.or(config.strictness).unwrap_or_default();
        o.keep_comments = self.keep_comments || config.keep_comments.unwrap_or(false);
        o.config = config;
        Ok(())
    }
}

/// The values of `--select` or `--ignore` (already split at commas) with the spaces around each
/// trimmed (`"R001, R003"`); an empty value (`--select ""`, a stray comma) is a usage error naming
/// the flag, since it would otherwise choose every rule or none without saying so. Case is left
/// as given: the registry matches codes and names ignoring it.
fn selectors(flag: &str, values: &[String]) -> Result<Vec<String>, Error> {
    values
        .iter()
        .map(|v| {
            let v = v.trim();
            if v.is_empty() {
                Err(Error::Usage(format!(
                    "{flag}: empty rule code (an empty value or a stray comma); give codes, code \
                     prefixes, names or categories, comma-separated, e.g. {flag} R001,R003"
                )))
            } else {
                Ok(v.to_string())
            }
        })
        .collect()
}

impl WriteArgs {
    fn apply_to(&self, o: &mut CleanOptions) {
        o.output = self.output.clone();
        o.format = self.format;
        o.report = self.report.clone();
        o.mode = if self.dry_run {
            Mode::DryRun
        } else if self.diff {
            Mode::Diff
        } else {
            Mode::Write
        };
        o.fail_on_removal = self.fail_on_removal;
        o.reproducible = self.reproducible;
        o.summary = !self.quiet;
    }
}

/// Dedup options from the groups a command takes (the others keep their defaults).
fn dedup_options(
    scope: &DedupScopeArgs,
    near: Option<&NearArgs>,
    decide: Option<&DecideFlags>,
) -> Result<DedupOptions, Error> {
    let mut o = DedupOptions {
        mode: scope.dedup,
        boilerplate: !scope.no_boilerplate,
        ..DedupOptions::default()
    };
    if let Some(n) = near {
        o.near = !n.no_near;
    }
    if let Some(d) = decide {
        if !(0.0..=1.0).contains(&d.near_threshold) {
            return Err(Error::Usage(
                "--near-threshold must be between 0 and 1".into(),
            ));
        }
        if !(0.0..=1.0).contains(&d.boilerplate_min_share) {
            return Err(Error::Usage(
                "--boilerplate-min-share must be between 0 and 1".into(),
            ));
        }
        o.prefer = d.prefer;
        o.threshold = d.near_threshold;
        if d.boilerplate_min_docs < 2 {
            return Err(Error::Usage(
                "--boilerplate-min-docs must be at least 2".into(),
            ));
        }
        o.boilerplate_min_docs = d.boilerplate_min_docs;
        o.boilerplate_min_share = d.boilerplate_min_share;
    }
    Ok(o)
}

impl CleanArgs {
    /// Library options from flags and the configuration file (flags win).
    pub fn to_options(&self) -> Result<CleanOptions, Error> {
        let mut o = self.input.options()?;
        self.rules.apply_to(&mut o)?;
        self.write.apply_to(&mut o);
        o.dedup = dedup_options(&self.scope, Some(&self.near), Some(&self.decide))?;
        if o.dedup.prefer == crate::dedup::Prefer::Longest {
            return Err(Error::Usage(
                "--prefer longest: `clean` decides in one streaming pass, so it keeps the first \
                 copy; keeping the longest needs every signature first: run `deboil dedup sigs`, \
                 `deboil dedup decide --prefer longest`, then `deboil dedup apply`"
                    .into(),
            ));
        }
        Ok(o)
    }
}

impl DupsArgs {
    /// Library options; the rule flags are a usage error without `--rules` (rules do not run).
    pub fn to_options(&self) -> Result<CleanOptions, Error> {
        if !self.rules && self.rule_flags.any() {
            return Err(Error::Usage(
                "--select, --ignore, --strictness, --keep-comments, --config and --no-config \
                 choose the rules that `dups --rules` runs first: give them with --rules"
                    .into(),
            ));
        }
        let mut o = self.input.options()?;
        if self.rules {
            self.rule_flags.apply_to(&mut o)?;
        }
        o.output = self.output.clone();
        o.dedup = dedup_options(&self.scope, Some(&self.near), Some(&self.decide))?;
        Ok(o)
    }
}

impl SigsArgs {
    pub fn to_options(&self) -> Result<CleanOptions, Error> {
        let mut o = self.input.options()?;
        self.rules.apply_to(&mut o)?;
        o.output = self.output.clone();
        o.dedup = dedup_options(&self.scope, Some(&self.near), None)?;
        Ok(o)
    }
}

impl DecideArgs {
    pub fn dedup_options(&self) -> Result<DedupOptions, Error> {
        dedup_options(&self.scope, None, Some(&self.decide))
    }
}

impl ApplyArgs {
    pub fn to_options(&self) -> Result<CleanOptions, Error> {
        let mut o = self.input.options()?;
        self.rules.apply_to(&mut o)?;
        self.write.apply_to(&mut o);
        o.decisions = Some(self.decisions.clone());
        o.dedup.mode = self.dedup;
        Ok(o)
    }
}

/// `--strictness`'s help, with the default taken from [`Strictness::default`].
fn strictness_help() -> String {
    let default = Strictness::default()
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    format!(
        "How much the statistical classifier removes [default: {default}, or `strictness` in \
         deboil.toml]"
    )
}

/// Parses `deboil clean` arguments given as words (used by `check` for a fixture's `args` file).
/// A positive byte count, optionally with a unit: `k`, `M`, `G` (any case, with or without
/// `i` and `B`), each a power of 1024.
fn parse_bytes(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    if unit.starts_with(['.', ',']) {
        return Err(format!("{s:?}: give a whole number (1536k, not 1.5M)"));
    }
    let n: usize = digits.parse().map_err(|e: std::num::ParseIntError| {
        if matches!(e.kind(), std::num::IntErrorKind::PosOverflow) {
            format!("{s:?} is too large")
        } else {
            format!("{s:?} is not a byte count (bytes, or 64k, 16M, 1G)")
        }
    })?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("{s:?}: unknown unit (use k, M or G)")),
    };
    let bytes = n
        .checked_mul(1usize << shift)
        .ok_or_else(|| format!("{s:?} is too large"))?;
    if bytes == 0 {
        return Err("must be at least 1 byte: 0 would skip every record".into());
    }
    Ok(bytes)
}

/// Flags given on the command line that other flags make pointless are a usage error, not a
/// silent no-op: the near-duplicate settings with `--dedup none` or `--no-near`, the learned
/// boilerplate's with `--dedup none` or `--no-boilerplate`. `matches` are the whole command
/// line's; the innermost subcommand's are checked.
pub fn check_flag_effects(matches: &clap::ArgMatches) -> Result<(), Error> {
    let mut m = matches;
    while let Some((_, sub)) = m.subcommand() {
        m = sub;
    }
    let given = |id: &str| {
        matches!(m.try_get_raw(id), Ok(Some(_)))
            && m.value_source(id) == Some(clap::parser::ValueSource::CommandLine)
    };
    let set = |id: &str| m.try_get_one::<bool>(id).ok().flatten() == Some(&true);
    let no_dedup = m
        .try_get_one::<crate::dedup::DedupMode>("dedup")
        .ok()
        .flatten()
        == Some(&crate::dedup::DedupMode::None);
    let checks: [(&str, &str, bool, &str); 4] = [
        (
            "near_threshold",
            "--near-threshold",
            set("no_near"),
            "--no-near",
        ),
        ("prefer", "--prefer", set("no_near"), "--no-near"),
        (
            "boilerplate_min_docs",
            "--boilerplate-min-docs",
            set("no_boilerplate"),
            "--no-boilerplate",
        ),
        (
            "boilerplate_min_share",
            "--boilerplate-min-share",
            set("no_boilerplate"),
            "--no-boilerplate",
        ),
    ];
    for (id, flag, off, off_flag) in checks {
        if !given(id) {
            continue;
        }
        if no_dedup {
            return Err(Error::Usage(format!(
                "{flag} has no effect with --dedup none"
            )));
        }
        if off {
            return Err(Error::Usage(format!(
                "{flag} has no effect with {off_flag}"
            )));
        }
    }
    Ok(())
}

/// The near-duplicate flags (`--near-threshold`, `--prefer`) given on the command line of the
/// innermost subcommand. `dedup decide` learns only from its signature files whether they carry
/// near-duplicate signatures, so it refuses these there, on signatures made with `--no-near`.
pub fn near_flags_given(matches: &clap::ArgMatches) -> Vec<&'static str> {
    let mut m = matches;
    while let Some((_, sub)) = m.subcommand() {
        m = sub;
    }
    [
        ("near_threshold", "--near-threshold"),
        ("prefer", "--prefer"),
    ]
    .into_iter()
    .filter(|(id, _)| {
        matches!(m.try_get_raw(id), Ok(Some(_)))
            && m.value_source(id) == Some(clap::parser::ValueSource::CommandLine)
    })
    .map(|(_, flag)| flag)
    .collect()
}

pub fn parse_clean_words(words: &[String]) -> Result<CleanArgs, Error> {
    #[derive(Parser)]
    struct Wrap {
        #[command(flatten)]
        args: CleanArgs,
    }
    let argv = std::iter::once("deboil clean".to_string()).chain(words.iter().cloned());
    Wrap::try_parse_from(argv)
        .map(|w| w.args)
        .map_err(|e| Error::Usage(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_counts_from_one_to_the_limit() {
        assert!(check_threads(None).is_ok() && check_threads(Some(1)).is_ok());
        assert!(check_threads(Some(MAX_THREADS)).is_ok());
        for n in [0, MAX_THREADS + 1] {
            assert!(
                matches!(check_threads(Some(n)), Err(Error::Usage(_))),
                "{n}"
            );
        }
    }
    use clap::CommandFactory;

    #[test]
    fn byte_counts_take_units_and_refuse_zero() {
        for (s, n) in [
            ("4096", 4096),
            ("64k", 64 << 10),
            ("64K", 64 << 10),
            ("16M", 16 << 20),
            ("16MiB", 16 << 20),
            ("2 mb", 2 << 20),
            ("1G", 1 << 30),
            ("5b", 5),
        ] {
            assert_eq!(parse_bytes(s), Ok(n), "{s}");
        }
        for s in [
            "0",
            "0k",
            "",
            "k",
            "1T",
            "-1",
            "1.5M",
            "99999999999999999999G",
        ] {
            assert!(parse_bytes(s).is_err(), "{s}");
        }
        assert!(parse_bytes("1.5M").unwrap_err().contains("whole number"));
        assert!(parse_bytes("99999999999999999999")
            .unwrap_err()
            .contains("too large"));
        assert!(parse_bytes("17179869184G")
            .unwrap_err()
            .contains("too large"));
    }

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn stdin_hint_only_when_no_input_is_named_and_stdin_is_a_terminal() {
        let none = parse_clean_words(&[]).unwrap();
        assert_eq!(none.input.stdin_hint(true), Some(STDIN_HINT));
        assert_eq!(none.input.stdin_hint(false), None);
        let named = parse_clean_words(&["x.txt".into()]).unwrap();
        assert_eq!(named.input.stdin_hint(true), None);
        assert_eq!(named.input.stdin_hint(false), None);
    }

    #[test]
    fn flags_become_options() {
        let a = parse_clean_words(&[
            "x.txt".into(),
            "--select".into(),
            "R001,R002".into(),
            "--diff".into(),
        ])
        .unwrap();
        let o = a.to_options().unwrap();
        assert_eq!(o.select, vec!["R001", "R002"]);
        assert_eq!(o.mode, Mode::Diff);
        assert!(parse_clean_words(&["--dry-run".into(), "--diff".into()]).is_err());
    }

    fn parse(words: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("deboil").chain(words.iter().copied()))
    }

    #[test]
    fn each_command_takes_only_the_flags_it_uses() {
        // flags a command ignores are usage errors
        for (cmd, flag) in [
            (&["dups"][..], "--format=jsonl"),
            (&["dups"], "--report=r.json"),
            (&["dups"], "--dry-run"),
            (&["dups"], "--fail-on-removal"),
            (&["dedup", "sigs"], "--prefer=longest"),
            (&["dedup", "sigs"], "--near-threshold=0.9"),
            (&["dedup", "sigs"], "--boilerplate-min-docs=3"),
            (&["dedup", "sigs"], "--format=jsonl"),
            (&["dedup", "sigs"], "--report=r.json"),
            (&["dedup", "decide"], "--select=R001"),
            (&["dedup", "decide"], "--text-field=body"),
            (&["dedup", "decide"], "--no-near"),
            (&["dedup", "decide"], "--threads=2"),
            (&["dedup", "decide"], "--no-config"),
            (&["dedup", "apply", "--decisions=d"], "--prefer=longest"),
            (&["dedup", "apply", "--decisions=d"], "--near-threshold=0.9"),
            (&["dedup", "apply", "--decisions=d"], "--no-boilerplate"),
        ] {
            let mut words = cmd.to_vec();
            words.extend(["x.jsonl", flag]);
            let e = parse(&words).expect_err(&format!("{words:?} parsed"));
            assert_eq!(
                e.kind(),
                clap::error::ErrorKind::UnknownArgument,
                "{words:?}"
            );
        }
        // and the flags they use still parse
        for words in [
            &[
                "dups",
                "x",
                "--level=document",
                "--prefer=longest",
                "--no-near",
                "-j1",
                "-q",
            ][..],
            &[
                "dups",
                "x",
                "--rules",
                "--ignore=D002",
                "--strictness=high",
                "--no-config",
            ],
            &[
                "dedup",
                "sigs",
                "x",
                "-o",
                "s",
                "--no-near",
                "--select=R0",
                "--dedup=doc",
                "--quiet",
            ],
            &[
                "dedup",
                "decide",
                "s",
                "-o",
                "d",
                "--prefer=longest",
                "--near-threshold=0.9",
                "-q",
            ],
            &[
                "dedup",
                "apply",
                "x",
                "--decisions=d",
                "--format=jsonl",
                "--report=r",
                "-q",
            ],
        ] {
            assert!(parse(words).is_ok(), "{words:?}");
        }
        // `dups` runs no rules without --rules: rule flags need it
        let Command::Dups(a) = parse(&["dups", "x", "--ignore=D002"]).unwrap().command else {
            unreachable!()
        };
        let e = a.to_options().unwrap_err();
        assert!(
            matches!(&e, Error::Usage(m) if m.contains("--rules")),
            "{e}"
        );
        // `clean` cannot keep the longest copy in its one pass: it says so
        let Command::Clean(a) = parse(&["clean", "x", "--prefer=longest"]).unwrap().command else {
            unreachable!()
        };
        let e = a.to_options().unwrap_err();
        assert!(
            matches!(&e, Error::Usage(m) if m.contains("deboil dedup decide --prefer longest")),
            "{e}"
        );
        // `decide` needs signature files
        assert!(parse(&["dedup", "decide"]).is_err());
    }

    #[test]
    fn selector_values_are_trimmed_and_empty_ones_rejected() {
        let opts = |words: &[&str]| {
            let w: Vec<String> = std::iter::once("x.txt")
                .chain(words.iter().copied())
                .map(String::from)
                .collect();
            parse_clean_words(&w).and_then(|a| a.to_options())
        };
        let o = opts(&["--select", "r001, R003 ,ui-label-line", "--ignore", " R003"]).unwrap();
        assert_eq!(o.select, vec!["r001", "R003", "ui-label-line"]);
        assert_eq!(o.ignore, vec!["R003"]);
        for (flag, value) in [
            ("--select", ""),
            ("--select", "R001,"),
            ("--select", " , "),
            ("--ignore", ""),
            ("--ignore", "R001,,R003"),
        ] {
            let e = opts(&[flag, value]).map(|_| ()).unwrap_err();
            assert!(matches!(e, Error::Usage(_)), "{flag} {value:?}: {e}");
            let msg = e.to_string();
            assert!(
                msg.starts_with(&format!("{flag}: empty rule code")),
                "{msg}"
            );
        }
    }

    #[test]
    fn boilerplate_min_docs_below_two_is_a_usage_error() {
        let opts = |n: &str| {
            let w: Vec<String> = ["x.txt", "--boilerplate-min-docs", n]
                .iter()
                .map(|s| s.to_string())
                .collect();
            parse_clean_words(&w).and_then(|a| a.to_options())
        };
        for n in ["0", "1"] {
            let e = opts(n).map(|_| ()).unwrap_err();
            assert!(matches!(e, Error::Usage(_)), "{n}: {e}");
            assert_eq!(e.to_string(), "--boilerplate-min-docs must be at least 2");
        }
        assert_eq!(opts("2").unwrap().dedup.boilerplate_min_docs, 2);
    }

    #[test]
    fn a_negative_ratio_gets_the_range_message_not_a_flag_error() {
        for flag in ["--near-threshold", "--boilerplate-min-share"] {
            let w: Vec<String> = ["x.txt", flag, "-0.1"]
                .iter()
                .map(|s| s.to_string())
                .collect();
            let e = parse_clean_words(&w)
                .and_then(|a| a.to_options())
                .map(|_| ())
                .unwrap_err();
            assert_eq!(e.to_string(), format!("{flag} must be between 0 and 1"));
        }
    }
}
