//! Parse throughput on a generated ~10 MB corpus of realistic logon-script lines.
//!
//! `cargo bench --bench parse` prints the throughput (criterion's `thrpt`, in MiB/s) of
//! `Source::new` + `parse` + `LabelIndex::build` over the whole corpus, and of dropping what
//! they built (the copy of the input they are given is made outside the timing).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use smslint::source::Source;
use smslint::syntax::labels::LabelIndex;

/// The allocator the `smslint` binary runs with (src/main.rs): parsing is measured as the
/// program parses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Lines in the style of NETLOGON scripts and SMSLS.BAT, with a label per script.
const LINES: &[&str] = &[
    "@echo off",
    "REM Logon script for the accounting department",
    "if \"%OS%\"==\"Windows_NT\" goto NT_{n}",
    "%0\\..\\SMSBOOT1.EXE",
    "goto END_{n}",
    ":NT_{n}",
    "%0\\..\\CheckRAS.exe",
    "if errorlevel 1 goto END_{n}",
    "net use H: \\\\FS01\\home\\%USERNAME% /persistent:no >nul 2>&1",
    "net use P: \\\\FS01\\public",
    "if exist \"%SystemRoot%\\system32\\smsman.exe\" (",
    "  echo SMS client found",
    ") else (",
    "  call %0\\..\\SMSLS",
    ")",
    "for /f \"tokens=1,2 delims=.\" %%a in ('ver') do set VER=%%a",
    "set \"LOGONSERVER_SHARE=%LOGONSERVER%\\NETLOGON\"",
    "if /i \"%COMPUTERNAME:~0,3%\"==\"LAB\" call :lab_{n} & goto END_{n}",
    "echo %DATE% %TIME% %USERNAME% >> \\\\FS01\\logs$\\logon.log",
    "xcopy /d /y %0\\..\\templates\\*.dot \"%APPDATA%\\Microsoft\\Templates\\\" >nul",
    ":: refresh the printer mappings",
    "rundll32 printui.dll,PrintUIEntry /in /n \\\\PRN01\\Floor2",
    "goto END_{n}",
    ":lab_{n}",
    "setlocal EnableDelayedExpansion",
    "for %%d in (C D E) do if exist %%d:\\lab.flag (set LAB=%%d) else echo no flag on %%d",
    "endlocal & set LAB=%LAB%",
    "goto :eof",
    ":END_{n}",
];

fn corpus(target: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(target + 4096);
    let mut n = 0usize;
    while out.len() < target {
        let tag = n.to_string();
        for line in LINES {
            out.extend_from_slice(line.replace("{n}", &tag).as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        n += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let bytes = corpus(10 << 20);
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.sample_size(10);
    g.bench_function("logon_scripts_10MB", |b| {
        // The copy of the input handed to `Source::new` is made outside the timing; dropping
        // the source, the tree and the labels is timed.
        b.iter_batched(
            || bytes.clone(),
            |input| {
                let source = Source::new(input);
                let script = smslint::syntax::parse(&source);
                let labels = LabelIndex::build(&source);
                let sizes = (script.stmts.len(), labels.defs.len());
                drop((script, labels, source));
                sizes
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
