//! The KB hazards of issue 10, end to end, as data: every `testdata/kb/Q<n>/` folder holds a
//! `README.md` (the article and a line of why) and its cases:
//!
//! - `fire_<CODE>_*` / `ok_<CODE>_*`: a batch file, a folder (a tree with its smslint.toml,
//!   scripts, SMSLOGON copies) or an inventory `.csv` (audited against the folder's
//!   smslint.toml). `fire_` must give a `<CODE>` finding, `ok_` none.
//! - `version_*.args`: the arguments of a `smslint version` run.
//!
//! Batch files and folders run as `smslint check CASE --select CODE`; every output is
//! snapshotted (`kb@Q<n>__<case>.snap`).

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("smslint")
        .expect("binary")
        .current_dir(root())
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("runs");
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "smslint {args:?} failed ({code}): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "$ smslint {}\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

fn check_case(article: &str, case: &Path) {
    let name = case
        .file_name()
        .and_then(|n| n.to_str())
        .expect("case name")
        .to_string();
    let shown = rel(case);
    let (output, expect) = if let Some(rest) = name.strip_prefix("version_") {
        assert!(
            rest.ends_with(".args"),
            "{shown}: version cases are .args files"
        );
        let text = std::fs::read_to_string(case).expect("args readable");
        let mut args = vec!["version"];
        args.extend(text.split_whitespace());
        (run(&args), None)
    } else {
        let (fire, rest) = if let Some(r) = name.strip_prefix("fire_") {
            (true, r)
        } else if let Some(r) = name.strip_prefix("ok_") {
            (false, r)
        } else {
            panic!("{shown}: case names start with fire_, ok_ or version_");
        };
        let code = rest.split('_').next().unwrap_or_default().to_string();
        assert!(
            smslint::rules::find(&code).is_some_and(|r| r.code == code),
            "{shown}: `{code}` is no rule code"
        );
        let output = if name.ends_with(".csv") {
            run(&[
                "audit",
                "--inventory",
                &shown,
                "--format",
                "concise",
                "--exit-zero",
            ])
        } else {
            run(&[
                "check",
                &shown,
                "--select",
                &code,
                "--format",
                "concise",
                "--exit-zero",
            ])
        };
        (output, Some((fire, code)))
    };
    if let Some((fire, code)) = expect {
        let tag = format!("[{code}]");
        if fire {
            assert!(
                output.contains(&tag),
                "{shown}: expected a {code} finding:\n{output}"
            );
        } else {
            assert!(
                !output.contains(&tag),
                "{shown}: expected no {code} finding:\n{output}"
            );
        }
    }
    let stem = name.trim_end_matches(".args");
    insta::with_settings!({
        snapshot_suffix => format!("{article}__{stem}"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("kb", output);
    });
}

#[test]
fn kb_cases() {
    let dir = root().join("testdata/kb");
    let mut articles: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("testdata/kb")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    articles.sort();
    assert!(!articles.is_empty());
    for a in &articles {
        let article = a.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        assert!(
            article.starts_with('Q') && article[1..].bytes().all(|b| b.is_ascii_digit()),
            "{}: folders are named by KB article (Qnnnnnn)",
            rel(a)
        );
        let readme = std::fs::read_to_string(a.join("README.md"))
            .unwrap_or_else(|_| panic!("{}: README.md with the article and why", rel(a)));
        assert!(
            readme.contains(article),
            "{}: README.md must name {article}",
            rel(a)
        );
        let mut cases: Vec<PathBuf> = std::fs::read_dir(a)
            .expect("article folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                let n = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                n.starts_with("fire_") || n.starts_with("ok_") || n.starts_with("version_")
            })
            .collect();
        cases.sort();
        assert!(!cases.is_empty(), "{}: no cases", rel(a));
        for c in &cases {
            check_case(article, c);
        }
    }
}

#[test]
fn missing_smslogon_copy_is_a_failure_naming_it() {
    let out = Command::cargo_bin("smslint")
        .expect("binary")
        .current_dir(root())
        .args([
            "check",
            "testdata/logon-points/missing-copy",
            "--format",
            "concise",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no-such-dir") && err.contains("logon point DC01"),
        "{err}"
    );
}
