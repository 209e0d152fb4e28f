//! The `deboil` binary: parses arguments, calls the library, prints errors with their chain,
//! and maps outcomes to exit codes (0 ok, 1 differences or `--fail-on-removal`, 2 error).
//! A closed stdout (broken pipe) ends a run quietly with 0, unless its exit code depends on the
//! whole run (`check`; `clean` with `--report`, `--fail-on-removal` or `--strict`): those go on
//! to the end, dropping the rest of the output, and exit as they would have.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use deboil::cli::{CheckArgs, Cli, Command, DedupCommand, ListFormat};
use deboil::error::Error;
use deboil::pipeline::Written;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Err(e) = deboil::cli::check_flag_effects(&matches) {
        eprintln!("deboil: error: {e}");
        return ExitCode::from(2);
    }
    // SIGINT/SIGTERM: drop temporary output files (targets are only ever renamed into place)
    let _ = ctrlc::set_handler(|| deboil::output::interrupted(130));
    let near_flags = deboil::cli::near_flags_given(&matches);
    match run(cli, &near_flags) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let mut msg = format!("deboil: error: {e}");
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                let part = s.to_string();
                if !msg.contains(&part) {
                    msg.push_str(&format!(": {part}"));
                }
                src = s.source();
            }
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Runs a command; `near_flags` are the near-duplicate flags given on its command line.
fn run(cli: Cli, near_flags: &[&str]) -> Result<u8, Error> {
    // the commands that read stdin when no input is named (`dedup decide` reads signature files)
    let reads = match &cli.command {
        Command::Clean(a) => Some(&a.input),
        Command::Dedup(DedupCommand::Sigs(a)) => Some(&a.input),
        Command::Dups(a) => Some(&a.input),
        Command::Dedup(DedupCommand::Apply(a)) => Some(&a.input),
        _ => None,
    };
    if let Some(hint) = reads.and_then(|a| a.stdin_hint(std::io::stdin().is_terminal())) {
        eprintln!("{hint}");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let code = match cli.command {
        Command::Clean(args) => {
            let opts = args.to_options()?;
            let mut err = std::io::stderr();
            let o = deboil::pipeline::run(&opts, &mut out, &mut err)?;
            o.exit_code as u8
        }
        Command::Check(args) => {
            let CheckArgs {
                dir,
                bless,
                threads,
                quiet,
                max_diff_lines,
            } = &args;
            // a reader that closes stdout (`| head`) does not stop the cases nor hide a failure
            let mut until_closed = deboil::output::UntilClosed::new(&mut out);
            deboil::check::check_all(
                dir,
                *bless,
                *threads,
                *quiet,
                *max_diff_lines,
                &mut until_closed,
            )?
            .exit_code()
        }
        Command::Rules(args) => {
            let metas = deboil::explain::metas_with(&args.config.load()?)?;
            let s = match args.format {
                ListFormat::Text => deboil::explain::rules_text(&metas),
                ListFormat::Json => deboil::explain::rules_json(&metas),
                ListFormat::Markdown => deboil::explain::rules_markdown(&metas),
            };
            out.write_all(s.as_bytes())
                .map_err(|e| Error::io("<stdout>", e))?;
            0
        }
        Command::Explain(args) => {
            let config = args.config.load()?;
            let metas = deboil::explain::metas_with(&config)?;
            match deboil::explain::explain(&args.code, &metas) {
                Some(s) => {
                    out.write_all(s.as_bytes())
                        .map_err(|e| Error::io("<stdout>", e))?;
                    0
                }
                None if is_pattern_code(&args.code) => {
                    let read = match &config.path {
                        Some(p) => format!(
                            "{} has {}",
                            p.display(),
                            deboil::report::counted(config.patterns.len(), "pattern")
                        ),
                        None => "no configuration file was read (none in the current \
                                 directory, or --no-config)"
                            .into(),
                    };
                    return Err(Error::Usage(format!(
                        "{}: no such pattern: U codes number the [[pattern]] entries of \
                         deboil.toml, and {read}",
                        args.code,
                    )));
                }
                None => return Err(Error::unknown_rule(&args.code, &metas)),
            }
        }
        Command::Dups(args) => {
            let opts = args.to_options()?;
            let mut err = std::io::stderr();
            let read = deboil::pipeline::sources_writing(&opts, Written::Groups)?;
            let mut sink = output_to(opts.output.as_deref(), &read, &mut out)?;
            let groups = deboil::pipeline::stages::dups(&opts, args.level, args.rules, &mut err)?;
            for g in groups {
                serde_json::to_writer(&mut sink, &g).map_err(|e| Error::io("<dups>", e.into()))?;
                sink.write_all(b"\n").map_err(|e| Error::io("<dups>", e))?;
            }
            sink.commit()?;
            0
        }
        Command::Dedup(DedupCommand::Sigs(args)) => {
            let opts = args.to_options()?;
            let mut err = std::io::stderr();
            let read = deboil::pipeline::sources_writing(&opts, Written::Signatures)?;
            let mut sink = output_to(opts.output.as_deref(), &read, &mut out)?;
            deboil::pipeline::stages::write_sigs(&opts, &mut sink, &mut err)?;
            sink.commit()?;
            0
        }
        Command::Dedup(DedupCommand::Decide(args)) => {
            let dedup = args.dedup_options()?;
            let read = deboil::input::discover(&args.signatures)?;
            let mut sink = output_to(args.output.as_deref(), &read, &mut out)?;
            deboil::pipeline::stages::decide_files(
                &args.signatures,
                &dedup,
                near_flags,
                &mut sink,
            )?;
            sink.commit()?;
            0
        }
        Command::Dedup(DedupCommand::Apply(args)) => {
            let opts = args.to_options()?;
            let mut err = std::io::stderr();
            let o = deboil::pipeline::run(&opts, &mut out, &mut err)?;
            o.exit_code as u8
        }
    };
    match out.flush() {
        // a reader that closed stdout early changes no verdict the command reached
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        r => r.map(|_| code).map_err(|e| Error::io("<stdout>", e)),
    }
}

/// A file written atomically, or stdout.
enum Out<'a> {
    File(deboil::output::AtomicFile),
    Stdout(&'a mut dyn Write),
}

impl Out<'_> {
    fn commit(self) -> Result<(), Error> {
        match self {
            Out::File(f) => f.commit(),
            Out::Stdout(_) => Ok(()),
        }
    }
}

impl Write for Out<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Out::File(f) => f.write(buf),
            Out::Stdout(w) => w.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Out::File(f) => f.flush(),
            Out::Stdout(w) => w.flush(),
        }
    }
}

/// Where a command's `-o` goes: the file (checked first: not one of the files it reads,
/// `sources`, in a folder that exists), or stdout for none or `-`.
fn output_to<'a>(
    path: Option<&std::path::Path>,
    sources: &[deboil::input::Source],
    stdout: &'a mut dyn Write,
) -> Result<Out<'a>, Error> {
    use deboil::output::target;
    Ok(match path.filter(|p| !target::is_stdout(p)) {
        Some(p) => {
            let files: Vec<&std::path::Path> = sources
                .iter()
                .filter(|s| s.problem.is_none() && s.path.as_os_str() != "-")
                .map(|s| s.path.as_path())
                .collect();
            let output = target::Targets {
                output: Some(p),
                output_is_dir: false,
                report: None,
            };
            target::check(&output, &files)?;
            Out::File(deboil::output::AtomicFile::create(p)?)
        }
        None => Out::Stdout(stdout),
    })
}

/// Whether `code` has the shape of a user pattern's code (`U001`, `u7`).
fn is_pattern_code(code: &str) -> bool {
    code.len() > 1 && code.starts_with(['U', 'u']) && code[1..].bytes().all(|b| b.is_ascii_digit())
}
