//! The progress bar of `check` and `audit`: never on a standard error that is not a terminal,
//! never with `--quiet`/`-q`, never in the report. `SMSLINT_PROGRESS_DELAY_MS=0` makes the bar
//! appear at once (instead of after about a second), so a short run would draw it if it could.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn smslint(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("smslint")
        .expect("binary")
        .current_dir(dir)
        .env("SMSLINT_PROGRESS_DELAY_MS", "0")
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("runs")
}

/// The runs of this file: a check of the sample logon share and an audit of the fleet.
fn runs() -> Vec<(PathBuf, Vec<&'static str>)> {
    vec![
        (
            root().join("testdata/sample-netlogon"),
            vec!["check", ".", "--format", "concise"],
        ),
        (
            root().join("testdata/inventory"),
            vec!["audit", "--inventory", "fleet.csv", "--format", "json"],
        ),
        (
            root().join("testdata/inventory"),
            vec!["audit", "--inventory", "fleet.csv", "--format", "full"],
        ),
    ]
}

#[test]
fn nothing_extra_when_stderr_is_not_a_terminal() {
    for (dir, args) in runs() {
        let o = smslint(&dir, &args);
        assert_eq!(
            String::from_utf8_lossy(&o.stderr),
            "",
            "{args:?}: stderr is a pipe, so no progress"
        );
        assert!(!o.stdout.is_empty(), "{args:?}: a report");
        assert!(
            !String::from_utf8_lossy(&o.stdout).contains("rows/s")
                && !String::from_utf8_lossy(&o.stdout).contains("files/s"),
            "{args:?}: no progress in the report"
        );
    }
}

#[test]
fn quiet_parses_and_changes_nothing_else() {
    for (dir, args) in runs() {
        let plain = smslint(&dir, &args);
        for flag in ["--quiet", "-q"] {
            let mut with = args.clone();
            with.push(flag);
            let quiet = smslint(&dir, &with);
            assert_eq!(quiet.status.code(), plain.status.code(), "{with:?}");
            assert_eq!(quiet.stdout, plain.stdout, "{with:?}: the same report");
            assert_eq!(String::from_utf8_lossy(&quiet.stderr), "", "{with:?}");
        }
    }
}

/// The same runs under a pseudo-terminal (`script` from util-linux), report to a file: the
/// terminal shows the bar, and nothing with `--quiet`.
#[test]
fn bar_on_a_terminal_unless_quiet() {
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("no `script` command: the terminal half of this test cannot run here");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("smslint");
    let out = tempfile::tempdir().expect("tempdir");
    for (dir, args) in runs() {
        let report = out.path().join("report");
        for quiet in [false, true] {
            let mut line = format!("'{}'", bin.display());
            for a in &args {
                line.push_str(&format!(" '{a}'"));
            }
            line.push_str(&format!(" -o '{}'", report.display()));
            if quiet {
                line.push_str(" --quiet");
            }
            let o = std::process::Command::new("script")
                .args(["-q", "-e", "-c", &line, "/dev/null"])
                .current_dir(&dir)
                .env("SMSLINT_PROGRESS_DELAY_MS", "0")
                .env("TERM", "xterm")
                .output()
                .expect("script runs");
            let shown = String::from_utf8_lossy(&o.stdout);
            let unit = if args[0] == "check" { "files" } else { "rows" };
            let bar = format!(" {unit}/s");
            if quiet {
                assert!(!shown.contains(&bar), "{args:?} --quiet: {shown:?}");
            } else {
                assert!(
                    shown.contains(&bar),
                    "{args:?}: a bar on the terminal: {shown:?}"
                );
            }
            let written = std::fs::read_to_string(&report).expect("report written");
            assert!(
                !written.contains(&bar),
                "{args:?}: no progress in the report"
            );
        }
    }
}
