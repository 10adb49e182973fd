//! `check --baseline` / `--update-baseline` on a share of our own (`testdata/baseline/share`):
//! the round trip, lines inserted above findings, an edited flagged line, fixed findings,
//! every format, `--statistics`, stdin, `baseline = "…"` in smslint.toml and a partial run as
//! the pre-commit hook makes it.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

mod common;

use common::{run, run_stdin};

/// A scratch copy of the fixture share.
fn share() -> TempDir {
    let t = tempfile::tempdir().expect("tempdir");
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/baseline/share");
    for e in walkdir::WalkDir::new(&from) {
        let e = e.expect("walk");
        let rel = e.path().strip_prefix(&from).expect("prefix");
        let to = t.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
    t
}

/// A scratch copy of the share with every finding recorded in `base.json`.
fn recorded_share() -> TempDir {
    let t = share();
    let o = run(
        t.path(),
        &["check", "--baseline", "base.json", "--update-baseline"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    t
}

/// `(path, line, code)` of every finding of a JSON report.
fn findings(json: &str) -> Vec<(String, u64, String)> {
    let v: Value = serde_json::from_str(json).expect("JSON report");
    v.as_array()
        .expect("array")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or_default(),
                f["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn prepend_lines(path: &Path, n: usize) {
    let old = std::fs::read(path).expect("read");
    let mut new = Vec::new();
    for i in 0..n {
        new.extend_from_slice(format!("rem inserted line {i}\r\n").as_bytes());
    }
    new.extend_from_slice(&old);
    std::fs::write(path, new).expect("write");
}

fn replace(path: &Path, from: &str, to: &str) {
    let old = std::fs::read_to_string(path).expect("read");
    assert!(old.contains(from), "{} has {from:?}", path.display());
    std::fs::write(path, old.replacen(from, to, 1)).expect("write");
}

#[test]
fn round_trip_moved_lines_and_an_edited_line() {
    let t = share();
    let dir = t.path();
    let before = run(dir, &["check", "--format", "json"]);
    assert_eq!(before.code, 1, "{}", before.stderr);
    let all = findings(&before.stdout);
    assert!(all.len() >= 5, "the share has findings: {all:?}");
    assert!(all.iter().any(|f| f.2 == "NET101"));

    // Record them: nothing is reported, the run passes.
    let o = run(
        dir,
        &[
            "check",
            "--baseline",
            "base.json",
            "--update-baseline",
            "--format",
            "json",
        ],
    );
    assert_eq!((o.code, o.stdout.as_str()), (0, "[]\n"), "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!("{} findings", all.len())),
        "{}",
        o.stderr
    );
    let text = std::fs::read_to_string(dir.join("base.json")).expect("baseline written");
    assert!(
        !text.contains("Tulip42x"),
        "the baseline holds no secret:\n{text}"
    );
    // One entry per line, sorted by path then code.
    let entries: Vec<&str> = text.lines().filter(|l| l.contains("\"path\"")).collect();
    let mut sorted = entries.clone();
    sorted.sort();
    assert_eq!(entries, sorted);
    assert!(entries
        .iter()
        .any(|l| l.contains("\"path\":\"logon.bat\",\"code\":\"BAT201\",\"count\":2")));

    // Writing it again changes nothing (stable).
    let o = run(
        dir,
        &["check", "--baseline", "base.json", "--update-baseline"],
    );
    assert_eq!(o.code, 0);
    assert_eq!(
        std::fs::read_to_string(dir.join("base.json")).expect("read"),
        text
    );

    let o = run(
        dir,
        &["check", "--baseline", "base.json", "--format", "json"],
    );
    assert_eq!((o.code, o.stdout.as_str()), (0, "[]\n"), "{}", o.stderr);

    // Ten lines inserted at the top of every file: still nothing.
    for f in ["logon.bat", "dept/sales.cmd", "dept/clean.bat"] {
        prepend_lines(&dir.join(f), 10);
    }
    let o = run(
        dir,
        &["check", "--baseline", "base.json", "--format", "json"],
    );
    assert_eq!((o.code, o.stdout.as_str()), (0, "[]\n"), "{}", o.stderr);
    assert!(!o.stderr.contains("fixed"), "{}", o.stderr);

    // Editing one flagged line reports exactly that finding.
    replace(
        &dir.join("logon.bat"),
        "set SMS_BIN = x86.bin",
        "set SMS_BIN = alpha.bin",
    );
    let o = run(
        dir,
        &["check", "--baseline", "base.json", "--format", "json"],
    );
    assert_eq!(o.code, 1);
    assert_eq!(
        findings(&o.stdout),
        [("logon.bat".to_string(), 13, "BAT205".to_string())]
    );
    // ... and its old record is listed as fixed.
    assert!(o.stderr.contains("logon.bat BAT205"), "{}", o.stderr);
}

#[test]
fn fixed_findings_are_listed_and_dropped_by_update() {
    let t = recorded_share();
    let dir = t.path();
    // One of two identical lines goes: the other one still matches (occurrence 0).
    replace(
        &dir.join("logon.bat"),
        "call :cleanup\r\ncall :cleanup",
        "call :cleanup",
    );
    std::fs::remove_file(dir.join("dept/sales.cmd")).expect("rm");
    let o = run(dir, &["check", "--baseline", "base.json"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""), "{}", o.stderr);
    assert!(o.stderr.contains("logon.bat BAT201 (1)"), "{}", o.stderr);
    assert!(
        o.stderr.contains("dept/sales.cmd BAT201 (1)"),
        "{}",
        o.stderr
    );

    let o = run(
        dir,
        &["check", "--baseline", "base.json", "--update-baseline"],
    );
    assert_eq!(o.code, 0);
    let text = std::fs::read_to_string(dir.join("base.json")).expect("read");
    assert!(!text.contains("sales.cmd"), "{text}");
    assert!(
        text.contains("\"path\":\"logon.bat\",\"code\":\"BAT201\",\"count\":1"),
        "{text}"
    );
    let o = run(dir, &["check", "--baseline", "base.json"]);
    assert_eq!((o.code, o.stdout.as_str(), o.stderr.as_str()), (0, "", ""));
}

#[test]
fn every_format_statistics_and_stdin() {
    let t = share();
    let dir = t.path();
    // Only logon.bat is recorded.
    run(
        dir,
        &[
            "check",
            "logon.bat",
            "--baseline",
            "base.json",
            "--update-baseline",
        ],
    );
    for format in ["full", "concise", "github", "json", "sarif"] {
        let o = run(
            dir,
            &["check", "--baseline", "base.json", "--format", format],
        );
        assert_eq!(o.code, 1, "{format}: {}", o.stderr);
        assert!(!o.stdout.contains("logon.bat"), "{format}:\n{}", o.stdout);
        assert!(o.stdout.contains("sales.cmd"), "{format}:\n{}", o.stdout);
    }
    let o = run(dir, &["check", "--baseline", "base.json", "--statistics"]);
    assert_eq!(o.stdout.trim(), "1  BAT201  undefined-label");

    // Standard input with a file name matches the recorded file.
    let bytes = std::fs::read(dir.join("logon.bat")).expect("read");
    let args = [
        "check",
        "-",
        "--stdin-filename",
        "logon.bat",
        "--baseline",
        "base.json",
    ];
    let o = run_stdin(dir, &args, &bytes);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""), "{}", o.stderr);
    let o = run_stdin(dir, &args[..4], &bytes);
    assert_eq!(o.code, 1);
}

#[test]
fn config_names_the_baseline_and_a_partial_run_keeps_other_files() {
    let t = share();
    let dir = t.path();
    std::fs::write(
        dir.join("smslint.toml"),
        "baseline = \"ci/smslint-baseline.json\"\n",
    )
    .expect("toml");
    std::fs::create_dir_all(dir.join("ci")).expect("mkdir");
    let o = run(dir, &["check", "--update-baseline"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let text = std::fs::read_to_string(dir.join("ci/smslint-baseline.json")).expect("written");
    // Paths are relative to the baseline's directory.
    assert!(text.contains("\"path\":\"../logon.bat\""), "{text}");

    // The pre-commit hook passes only changed files: the others' entries stay, and are not
    // listed as fixed.
    replace(
        &dir.join("dept/sales.cmd"),
        "goto failed",
        "goto failed_now",
    );
    let o = run(dir, &["check", "dept/sales.cmd"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("dept/sales.cmd:3:"), "{}", o.stdout);
    assert!(!o.stderr.contains("logon.bat"), "{}", o.stderr);
    let o = run(dir, &["check", "dept/sales.cmd", "--update-baseline"]);
    assert_eq!(o.code, 0);
    let after = std::fs::read_to_string(dir.join("ci/smslint-baseline.json")).expect("read");
    assert!(after.contains("../logon.bat"), "{after}");
    let o = run(dir, &["check"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""), "{}", o.stderr);
}

#[test]
fn missing_or_broken_baseline_is_a_tool_failure() {
    let t = share();
    let dir = t.path();
    let o = run(dir, &["check", "--baseline", "nope.json"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("nope.json"), "{}", o.stderr);
    std::fs::write(dir.join("bad.json"), "{\"entries\": 3}").expect("write");
    let o = run(dir, &["check", "--baseline", "bad.json"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("bad.json"), "{}", o.stderr);
    let o = run(dir, &["check", "--update-baseline"]);
    assert_eq!(o.code, 2, "--update-baseline needs a file");
    assert!(o.stderr.contains("--baseline"), "{}", o.stderr);
}

#[test]
fn a_baselined_password_stays_masked_in_other_findings_windows() {
    let t = recorded_share();
    let dir = t.path();
    // A new finding right below the recorded NET101 line: its window shows that line.
    replace(
        &dir.join("logon.bat"),
        "/user:CORP\\svc_tools\r\n",
        "/user:CORP\\svc_tools\r\ngoto nowhere\r\n",
    );
    let o = run(
        dir,
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "full",
            "--color",
            "never",
        ],
    );
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("goto nowhere"), "{}", o.stdout);
    assert!(!o.stdout.contains("Tulip42x"), "{}", o.stdout);
    assert!(
        o.stdout.contains("\\\\APPSRV\\tools ******** /user:"),
        "{}",
        o.stdout
    );
}
