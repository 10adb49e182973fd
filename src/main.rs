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
/// scheduling). Each worker is placed on a CPU of its own ([`place_worker`]). Other commands
/// (`dump --calls` is the only other user) start rayon's default pool when they first need it.
fn warm_up_workers() {
    if std::env::args_os().nth(1).is_some_and(|a| a == "check") {
        std::thread::spawn(|| {
            // Fails only if the pool exists already, which cannot happen this early.
            let _ = rayon::ThreadPoolBuilder::new()
                .start_handler(place_worker)
                .build_global();
            rayon::broadcast(|_| ())
        });
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

/// Put worker `index` of the global pool on a CPU of its own, when the pool has one worker
/// for each CPU the process may run on. Without it, on the 2-core VMs of bench/README.md the
/// kernel often woke both workers on the same core while the other stayed idle (up to 5 ms of
/// a 17 ms run; `perf sched timehist`). A pool smaller than the allowed set (a cgroup CPU
/// quota, `RAYON_NUM_THREADS`) is left to the scheduler: its workers could be held to busy
/// cores while others idle.
#[cfg(target_os = "linux")]
fn place_worker(index: usize) {
    let size = std::mem::size_of::<libc::cpu_set_t>();
    // SAFETY: `cpu_set_t` is plain bits (all zero is the empty set); the calls read or write
    // only the sets owned by this frame, of the size given.
    unsafe {
        let mut allowed: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, size, &mut allowed) != 0 {
            return;
        }
        let cpus: Vec<usize> = (0..libc::CPU_SETSIZE as usize)
            .filter(|&c| libc::CPU_ISSET(c, &allowed))
            .collect();
        if cpus.len() < 2 || cpus.len() != rayon::current_num_threads() {
            return;
        }
        let mut own: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpus[index % cpus.len()], &mut own);
        libc::sched_setaffinity(0, size, &own);
    }
}

#[cfg(not(target_os = "linux"))]
fn place_worker(_index: usize) {}
