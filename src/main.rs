//! The `smslint` command line: parse the flags, run the command, exit with its status.
//! The command layer lives in the binary, so the `smslint` library knows no flags.

use clap::Parser;

mod commands;

/// mimalloc (its v2 allocator), without transparent huge pages: its per-thread free lists
/// make the many small AST and analysis allocations of a run about a tenth cheaper than
/// glibc's malloc, and without huge pages its peak memory stays with glibc's. The v2
/// allocator reuses freed pages sooner than v3: fewer page faults, a lower peak on one large
/// script (see bench/README.md, nineteenth step).
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

/// `check` reads and lints its files on rayon's workers: bring them up on a helper thread
/// while the flags are parsed and the files are found. Created where the first file is read,
/// they kept it waiting 0.25–0.45 ms on a 150-file run (two thread stacks, the threads' first
/// scheduling). Other commands (`dump --calls` is the only other user) start them when
/// they first need them.
fn warm_up_workers() {
    if std::env::args_os().nth(1).is_some_and(|a| a == "check") {
        std::thread::spawn(|| rayon::broadcast(|_| ()));
    }
}

/// End the process with `code` once standard output is flushed, skipping the exit handlers:
/// the only one is the allocator's, which returns every page of the run to the kernel one
/// range at a time just before the kernel drops them all at once (about 1 % of a 150-file
/// run, all of it after the report). Every file the command writes is closed (and renamed
/// into place) before `run` returns, and standard error is unbuffered.
fn exit_now(code: u8) -> ! {
    use std::io::Write;
    // What returning from `main` does too: a failed flush does not change the status.
    let _ = std::io::stdout().flush();
    // SAFETY: `_exit` ends the process at once; nothing of this process runs after it, and
    // no other buffered output is pending.
    unsafe { libc::_exit(i32::from(code)) }
}
