//! The `smslint` command line: parse the flags, run the command, exit with its status.
//! The command layer lives in the binary, so the `smslint` library knows no flags.

use clap::Parser;

mod commands;

/// mimalloc, without transparent huge pages: its per-thread free lists make the many small
/// AST and analysis allocations of a run about a tenth cheaper than glibc's malloc, and
/// without huge pages its peak memory stays with glibc's (see bench/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    warm_up_workers();
    let cli = match commands::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap's own exit for --help/--version is 0; usage errors are tool failures.
            exit_now(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match commands::run(cli) {
        Ok(exit) => exit.code(),
        Err(report) => {
            eprintln!("{report:?}");
            2
        }
    };
    exit_now(code)
}

/// Bring the worker threads up on a helper thread while the flags are parsed and the files
/// are found, for the commands that read files in parallel: creating them where the first
/// file is read kept that file waiting about 0.3 ms (the threads' stacks, their first
/// scheduling), a fifth of the wall time of a run over a dozen scripts.
fn warm_up_workers() {
    let parallel = std::env::args_os()
        .nth(1)
        .is_some_and(|a| ["check", "gate", "audit"].iter().any(|c| a == *c));
    if parallel {
        std::thread::spawn(|| rayon::broadcast(|_| ()));
    }
}

/// End the process with `code` once standard output is flushed, skipping the exit handlers:
/// the only one is the allocator's, which returns every page of the run to the kernel one
/// range at a time just before the kernel drops them all at once (about 2 % of a 150-file
/// run). Every file the command writes is closed (and renamed into place) before `run`
/// returns, and standard error is unbuffered.
fn exit_now(code: u8) -> ! {
    use std::io::Write;
    // What returning from `main` does too: a failed flush does not change the status.
    let _ = std::io::stdout().flush();
    // SAFETY: `_exit` ends the process at once; nothing of this process runs after it, and
    // no other buffered output is pending.
    unsafe { libc::_exit(i32::from(code)) }
}
