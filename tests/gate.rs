//! `smslint gate` and `check --fix`: the byte-exact round trip over every script in the test
//! corpus, property tests over generated scripts, and the command line.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use proptest::prelude::*;
use smslint::edit::{gate_off, gate_on, gate_status, GateOff, GateOn, END_MARK};

fn corpus() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [
        "testdata/parse",
        "testdata/rules",
        "testdata/sample-netlogon",
    ] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for e in walkdir::WalkDir::new(root).sort_by_file_name() {
            let Ok(e) = e else { continue };
            let p = e.path();
            let ext = p
                .extension()
                .map(|x| x.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            if e.file_type().is_file() && (ext == "bat" || ext == "cmd") {
                out.push(p.to_path_buf());
            }
        }
    }
    out
}

/// `new` is `old` with bytes inserted only (no byte removed or changed); the number of
/// inserted bytes.
fn inserted_only(old: &[u8], new: &[u8]) -> usize {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, old, new);
    let mut inserted = 0;
    for op in ops {
        match op {
            similar::DiffOp::Equal { .. } => {}
            similar::DiffOp::Insert { new_len, .. } => inserted += new_len,
            other => panic!("gate_on changed existing bytes: {other:?}"),
        }
    }
    inserted
}

fn check_round_trip(x: &[u8]) -> &'static str {
    match gate_on(x) {
        GateOn::Applied(y) => {
            assert!(gate_status(&y).is_some(), "gate_on result is not gated");
            assert_eq!(
                gate_off(&y),
                GateOff::Removed(x.to_vec()),
                "off(on(x)) != x"
            );
            // `GOTO END` and its line break, and maybe the marked `:END` and a line break.
            let n = inserted_only(x, &y);
            let gate = [9, 10];
            let mark = [END_MARK.len() + 1, END_MARK.len() + 2];
            let ok = gate.contains(&n) || gate.iter().any(|g| mark.iter().any(|m| g + m == n));
            assert!(ok, "gate_on inserted {n} bytes");
            "applied"
        }
        GateOn::AlreadyGated => {
            assert!(gate_status(x).is_some());
            "gated"
        }
        GateOn::NothingToGate => "nothing",
        GateOn::Unsupported(_) => "unsupported",
    }
}

#[test]
fn on_then_off_returns_every_corpus_file_exactly() {
    let files = corpus();
    assert!(files.len() >= 40, "corpus too small: {}", files.len());
    let mut applied = 0;
    for f in &files {
        let x = std::fs::read(f).expect("readable");
        let outcome = std::panic::catch_unwind(|| check_round_trip(&x))
            .unwrap_or_else(|_| panic!("{}: round trip failed", f.display()));
        if outcome == "applied" {
            applied += 1;
        }
    }
    // Most scripts start with an ordinary statement and must be gated.
    assert!(
        applied * 2 > files.len(),
        "only {applied} of {} files could be gated",
        files.len()
    );
}

fn line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"@echo off".to_vec()),
        Just(b"REM SMS logon script".to_vec()),
        Just(b":: comment".to_vec()),
        Just(b":END".to_vec()),
        Just(b":start".to_vec()),
        Just(b"goto end".to_vec()),
        Just(b"GOTO START".to_vec()),
        Just(b"call %0\\..\\smsls".to_vec()),
        Just(b"%0\\..\\checkras.exe > nul".to_vec()),
        Just(b"if errorlevel 1 goto end".to_vec()),
        Just(b"if \"%OS%\"==\"Windows_NT\" (".to_vec()),
        Just(b")".to_vec()),
        Just(b"net use h: \\\\fs\\home & echo done".to_vec()),
        Just(b"echo x ^".to_vec()),
        Just(b"cls".to_vec()),
        Just(b"".to_vec()),
        Just(b"   ".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..12),
    ]
}

fn script() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::collection::vec((line(), 0..4u8), 0..14),
        0..4u8,
        any::<bool>(),
    )
        .prop_map(|(lines, tail, bom)| {
            let mut out = Vec::new();
            if bom {
                out.extend_from_slice(b"\xEF\xBB\xBF");
            }
            for (l, eol) in lines {
                out.extend_from_slice(&l);
                out.extend_from_slice(match eol {
                    0 => b"\r\n",
                    1 => b"\n",
                    2 => b"\r",
                    _ => b"\r\n",
                });
            }
            match tail {
                1 => out.push(0x1A),
                2 => out.extend_from_slice(b"\x1a\r\n"),
                3 => out.extend_from_slice(b"last line"),
                _ => {}
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn on_then_off_is_the_identity(x in script()) {
        check_round_trip(&x);
    }

    #[test]
    fn plain_scripts_are_always_gated(
        cmds in proptest::collection::vec("[a-z]{2,8}( [a-z0-9]{1,6}){0,2}", 1..8),
        crlf in any::<bool>(),
        final_newline in any::<bool>(),
    ) {
        let eol: &[u8] = if crlf { b"\r\n" } else { b"\n" };
        let mut x = b"@echo off".to_vec();
        for c in &cmds {
            x.extend_from_slice(eol);
            x.extend_from_slice(c.as_bytes());
        }
        if final_newline {
            x.extend_from_slice(eol);
        }
        // Words that would make a line something else than a plain command.
        prop_assume!(cmds.iter().all(|c| {
            let w = c.split(' ').next().unwrap_or("");
            !["goto", "rem", "echo", "cls", "setlocal", "if", "for", "call", "set", "exit"]
                .contains(&w)
        }));
        prop_assert_eq!(check_round_trip(&x), "applied");
    }
}

fn smslint() -> Command {
    Command::cargo_bin("smslint").expect("binary")
}

const SCRIPT: &[u8] = b"@echo off\r\nREM SMS 2.0\r\n%0\\..\\SNBOOT.EXE %0 /s\r\n\x1a";

#[test]
fn gate_on_status_off_on_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("SMSLS.BAT");
    std::fs::write(&p, SCRIPT).expect("write");

    let out = smslint()
        .args(["gate", "status", "--expect", "off"])
        .arg(&p)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains(": open"));

    let out = smslint()
        .args(["gate", "on", "--dry-run"])
        .arg(&p)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains("+GOTO END"), "{diff}");
    assert!(diff.contains("+:END added by smslint gate on"), "{diff}");
    assert_eq!(std::fs::read(&p).expect("read"), SCRIPT, "--dry-run wrote");

    let out = smslint()
        .args(["gate", "on"])
        .arg(&p)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let gated = std::fs::read(&p).expect("read");
    assert_eq!(
        gated,
        b"@echo off\r\nREM SMS 2.0\r\nGOTO END\r\n%0\\..\\SNBOOT.EXE %0 /s\r\n:END added by smslint gate on\r\n\x1a"
    );

    let out = smslint()
        .args(["gate", "status", "--expect", "off"])
        .arg(&p)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("gated (line 3: GOTO END)"));

    let out = smslint()
        .args(["gate", "off"])
        .arg(&p)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read(&p).expect("read"), SCRIPT);
}

#[test]
fn gate_on_a_directory_picks_the_logon_scripts() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("smsls.bat"), SCRIPT).expect("write");
    std::fs::write(dir.path().join("user1.bat"), b"call %0\\..\\smsls\r\n").expect("write");
    let out = smslint()
        .args(["gate", "on"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(gate_status(&std::fs::read(dir.path().join("smsls.bat")).expect("read")).is_some());
    assert_eq!(
        std::fs::read(dir.path().join("user1.bat")).expect("read"),
        b"call %0\\..\\smsls\r\n"
    );
}

#[test]
fn gate_reports_missing_files_as_failures() {
    let out = smslint()
        .args(["gate", "status", "no/such/SMSLS.BAT"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_fix_adds_the_gate_in_an_upgrade_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("SMSLS.BAT");
    std::fs::write(&p, SCRIPT).expect("write");
    let out = smslint()
        .current_dir(dir.path())
        .args([
            "check",
            "--upgrade-window",
            "--fix",
            "--format",
            "concise",
            "SMSLS.BAT",
        ])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("SMS101"), "{stdout}");
    let fixed = std::fs::read(&p).expect("read");
    assert!(gate_status(&fixed).is_some());
    assert_eq!(gate_off(&fixed), GateOff::Removed(SCRIPT.to_vec()));

    // Without the window nothing is written.
    let q = dir.path().join("smsls2.bat");
    std::fs::write(&q, SCRIPT).expect("write");
    smslint()
        .current_dir(dir.path())
        .args(["check", "--fix", "--format", "concise", "smsls2.bat"])
        .output()
        .expect("run");
    assert_eq!(std::fs::read(&q).expect("read"), SCRIPT);
}
