//! The `deboil` binary: parses arguments, calls the library, prints errors with their chain,
//! and maps outcomes to exit codes (0 ok, 1 differences or `--fail-on-removal`, 2 error).
//! A closed stdout (broken pipe) ends the run quietly with 0.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use deboil::cli::{Cli, Command, ListFormat};
use deboil::error::Error;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // SIGINT/SIGTERM: drop temporary output files (targets are only ever renamed into place)
    let _ = ctrlc::set_handler(|| {
        deboil::output::remove_temp_files();
        eprintln!("deboil: interrupted; no partial output left");
        std::process::exit(130);
    });
    match run(cli) {
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

fn run(cli: Cli) -> Result<u8, Error> {
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
            let failed = deboil::check::check_all(&args.dir, args.bless, args.threads, &mut out)?;
            u8::from(failed > 0)
        }
        Command::Rules(args) => {
            let s = match args.format {
                ListFormat::Text => deboil::explain::rules_text(),
                ListFormat::Json => deboil::explain::rules_json(),
                ListFormat::Markdown => deboil::explain::rules_markdown(),
            };
            out.write_all(s.as_bytes())
                .map_err(|e| Error::io("<stdout>", e))?;
            0
        }
        Command::Explain(args) => match deboil::explain::explain(&args.code) {
            Some(s) => {
                out.write_all(s.as_bytes())
                    .map_err(|e| Error::io("<stdout>", e))?;
                0
            }
            None => return Err(Error::UnknownRule(args.code)),
        },
    };
    out.flush().map_err(|e| Error::io("<stdout>", e))?;
    Ok(code)
}
