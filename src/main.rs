//! The `smslint` command line: parse the flags, run the command, exit with its status.
//! The command layer lives in the binary, so the `smslint` library knows no flags.

use std::process::ExitCode;

use clap::Parser;

mod commands;

/// mimalloc, without transparent huge pages: its per-thread free lists make the many small
/// AST and analysis allocations of a run about a tenth cheaper than glibc's malloc, and
/// without huge pages its peak memory stays with glibc's (see bench/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match commands::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap's own exit for --help/--version is 0; usage errors are tool failures.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match commands::run(cli) {
        Ok(exit) => ExitCode::from(exit.code()),
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(2)
        }
    }
}
