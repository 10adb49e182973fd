use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match smslint::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap's own exit for --help/--version is 0; usage errors are tool failures.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match smslint::run(cli) {
        Ok(exit) => ExitCode::from(exit.code()),
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(2)
        }
    }
}
