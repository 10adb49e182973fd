//! `smslint check` as users and CI call it: exit codes, formats, stdin, config discovery,
//! suppressions, bad config, unreadable inputs, `--force-exclude`, `--show-config`.

use serde_json::Value;

const BOM: &[u8] = b"\xEF\xBB\xBF@echo off\r\necho hi\r\n";
const OK: &[u8] = b"@echo off\r\necho hi\r\n";

mod common;

use common::{run, run_stdin, tree, write};
use tempfile::TempDir;

#[test]
fn exit_codes() {
    let t = tree(&[("ok.bat", OK)]);
    let o = run(t.path(), &["check"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""), "{}", o.stderr);

    write(t.path(), "sub/bom.bat", BOM);
    let o = run(t.path(), &["check"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stdout.starts_with("sub/bom.bat:1:1: error[BAT102] "),
        "{}",
        o.stdout
    );
    assert_eq!(o.stdout.lines().count(), 1);

    assert_eq!(run(t.path(), &["check", "--exit-zero"]).code, 0);
    assert_eq!(run(t.path(), &["check", "--select", "SML001"]).code, 0);
    assert_eq!(run(t.path(), &["check", "--ignore", "BAT1"]).code, 0);

    // A warning fails by default, not with --fail-on error; info never fails.
    let t = tree(&[("w.bat", b"REM smslint: disable=NOPE42\r\necho\r\n")]);
    let o = run(t.path(), &["check"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("warning[SML001]"), "{}", o.stdout);
    assert_eq!(run(t.path(), &["check", "--fail-on", "error"]).code, 0);
    write(t.path(), "smslint.toml", b"[severity]\nSML001 = \"info\"\n");
    let o = run(t.path(), &["check"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("info[SML001]"), "{}", o.stdout);
    write(t.path(), "smslint.toml", b"[severity]\nSML = \"error\"\n");
    let o = run(t.path(), &["check", "--fail-on", "error"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("error[SML001]"), "{}", o.stdout);

    // Tool failures: bad flag values, unknown rule codes, a missing path.
    assert_eq!(run(t.path(), &["check", "--select", "NOPE1"]).code, 2);
    assert_eq!(run(t.path(), &["check", "--format", "xml"]).code, 2);
    let o = run(t.path(), &["check", "missing.bat"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("missing.bat"), "{}", o.stderr);
}

#[test]
fn every_format() {
    let t = tree(&[
        ("bom.bat", BOM),
        ("b/u.cmd", b"rem smslint: disable=XYZ1\r\necho\r\n"),
    ]);

    let o = run(t.path(), &["check", "--format", "concise"]);
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("b/u.cmd:1:22: warning[SML001] "));
    assert!(lines[1].starts_with("bom.bat:1:1: error[BAT102] "));

    let o = run(t.path(), &["check", "--format", "json"]);
    assert_eq!(o.code, 1);
    let v: Value = serde_json::from_str(&o.stdout).expect("json");
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 2);
    let keys: Vec<&str> = items[1]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = [
        "code",
        "name",
        "severity",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "help",
        "url",
    ];
    want.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, want);
    let f = &items[1];
    assert_eq!(f["code"], "BAT102");
    assert_eq!(f["name"], "utf8-bom");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["path"], "bom.bat");
    assert_eq!(
        (&f["line"], &f["column"]),
        (&Value::from(1), &Value::from(1))
    );
    assert_eq!(
        (&f["end_line"], &f["end_column"]),
        (&Value::from(1), &Value::from(4))
    );
    // No repository in Cargo.toml and no `docs-url`: the rule's anchor in the installed docs.
    assert_eq!(f["url"], "docs/rules.md#bat102");

    let o = run(t.path(), &["check", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&o.stdout).expect("sarif json");
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "bom.bat"
    );
    assert_eq!(results[1]["ruleId"], "BAT102");

    let o = run(t.path(), &["check", "--format", "github"]);
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert!(
        lines[1].starts_with(
            "::error file=bom.bat,line=1,endLine=1,col=1,endColumn=4,title=BAT102::bom.bat:1:1: BAT102 (utf8-bom) "
        ),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("%0Ahelp: "), "{}", lines[1]);
    assert!(
        lines[0].starts_with("::warning file=b/u.cmd,"),
        "{}",
        lines[0]
    );

    let o = run(t.path(), &["check", "--format", "full", "--color", "never"]);
    assert!(o.stdout.contains("╭─[bom.bat:1:1]"), "{}", o.stdout);
    assert!(o.stdout.contains("BAT102 (docs/rules.md#bat102)"));
    assert!(
        o.stdout.contains("help: save the file without a BOM"),
        "{}",
        o.stdout
    );
    assert!(!o.stdout.contains('\x1b'), "no escapes with --color never");
    let o = run(
        t.path(),
        &["check", "--format", "full", "--color", "always"],
    );
    assert!(o.stdout.contains('\x1b'), "colour with --color always");

    let o = run(t.path(), &["check", "--statistics"]);
    assert_eq!(
        o.stdout,
        "1  BAT102  utf8-bom\n1  SML001  unused-suppression\n"
    );
    assert_eq!(o.code, 1);

    let out = t.path().join("report.json");
    let o = run(
        t.path(),
        &[
            "check",
            "--format",
            "json",
            "-o",
            out.to_str().expect("utf-8 path"),
        ],
    );
    assert_eq!((o.code, o.stdout.as_str()), (1, ""));
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("report")).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(2));
}

#[test]
fn stdin_with_a_file_name() {
    let t = tree(&[(
        "smslint.toml",
        b"[per-file-ignores]\n\"legacy/*.bat\" = [\"BAT102\"]\n",
    )]);
    let o = run_stdin(
        t.path(),
        &["check", "-", "--stdin-filename", "logon.bat"],
        BOM,
    );
    assert_eq!(o.code, 1);
    assert!(
        o.stdout.starts_with("logon.bat:1:1: error[BAT102]"),
        "{}",
        o.stdout
    );
    let o = run_stdin(
        t.path(),
        &["check", "-", "--stdin-filename", "LEGACY/Old.BAT"],
        BOM,
    );
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    let o = run_stdin(t.path(), &["check", "-"], BOM);
    assert!(o.stdout.starts_with("-:1:1: error[BAT102]"), "{}", o.stdout);
}

#[test]
fn config_discovery_nearest_toml_wins() {
    let t = tree(&[
        ("smslint.toml", b"ignore = [\"SML001\"]\n"),
        ("a/bom.bat", BOM),
        ("a/smslint.toml", b"ignore = [\"BAT102\"]\n"),
        ("b/bom.bat", BOM),
        ("b/unused.bat", b"REM smslint: disable=XYZ1\r\necho\r\n"),
    ]);
    let o = run(t.path(), &["check"]);
    assert_eq!(
        o.stdout.lines().collect::<Vec<_>>().len(),
        1,
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.starts_with("b/bom.bat:1:1: error[BAT102]"),
        "{}",
        o.stdout
    );
    // From inside `a`, the file's own config applies.
    let o = run(&t.path().join("a"), &["check", "bom.bat"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    // --config overrides discovery.
    write(t.path(), "other.toml", b"select = [\"SML\"]\n");
    let o = run(t.path(), &["check", "--config", "other.toml"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stdout.starts_with("b/unused.bat:1:22: warning[SML001]"),
        "{}",
        o.stdout
    );
    assert_eq!(o.stdout.lines().count(), 1);
    // Flags override the config.
    let o = run(
        t.path(),
        &["check", "--config", "other.toml", "--select", "BAT102"],
    );
    assert_eq!(o.stdout.lines().count(), 2, "{}", o.stdout);
}

#[test]
fn suppressions() {
    let t = tree(&[
        (
            "file.bat",
            b"\xEF\xBB\xBF@echo off\r\nREM smslint: disable-file=BAT102\r\n",
        ),
        (
            "line.bat",
            b"@echo off\r\n:: smslint: disable=BAT103\r\necho a\x00b\r\necho c\r\n",
        ),
        (
            "unused.bat",
            b"@echo off\r\nREM smslint: disable=BAT102\r\necho c\r\n",
        ),
    ]);
    let o = run(t.path(), &["check"]);
    assert_eq!(o.code, 1);
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", o.stdout);
    assert!(
        lines[0].starts_with("unused.bat:2:22: warning[SML001]"),
        "{}",
        o.stdout
    );
    // Without the directive the NUL is reported.
    write(
        t.path(),
        "line.bat",
        b"@echo off\r\necho a\x00b\r\necho c\r\n",
    );
    let o = run(t.path(), &["check", "line.bat"]);
    assert!(o.stdout.contains("error[BAT103]"), "{}", o.stdout);
}

#[test]
fn bad_config_is_a_tool_failure_naming_the_file() {
    for (toml, needle) in [
        ("select = [\"NOPE1\"]\n", "NOPE1"),
        ("colour = true\n", "colour"),
        ("targets = [\"dos\"]\n", "dos"),
        ("targets = []\n", "targets"),
        ("exclude = [\"a/[\"]\n", "glob"),
        ("upgrade_window = \"yes\"\n", "bool"),
        ("[severity]\nBAT102 = \"fatal\"\n", "fatal"),
        ("select = [\n", "smslint.toml"),
    ] {
        let t = tree(&[("smslint.toml", toml.as_bytes()), ("ok.bat", OK)]);
        let o = run(t.path(), &["check", "--color", "never"]);
        assert_eq!(o.code, 2, "{toml}: {}", o.stderr);
        assert!(o.stderr.contains("smslint.toml"), "{toml}: {}", o.stderr);
        assert!(o.stderr.contains(needle), "{toml}: {}", o.stderr);
        assert_eq!(o.stdout, "");
    }
}

#[cfg(unix)]
#[test]
fn unreadable_inputs_are_named_and_the_run_goes_on() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let t = tree(&[("bom.bat", BOM)]);
    symlink(t.path().join("nowhere.bat"), t.path().join("dangling.bat")).expect("symlink");
    std::fs::create_dir(t.path().join("d")).expect("mkdir");
    symlink(t.path(), t.path().join("d/loop")).expect("symlink loop");
    let o = run(t.path(), &["check"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stdout.starts_with("bom.bat:1:1: error[BAT102]"),
        "{}",
        o.stdout
    );
    assert!(o.stderr.contains("dangling.bat"), "{}", o.stderr);
    assert!(o.stderr.contains("d/loop"), "{}", o.stderr);
    // --exit-zero does not hide a tool failure.
    assert_eq!(run(t.path(), &["check", "--exit-zero"]).code, 2);

    // chmod 000 stops reads unless we run as root (CI does); assert what the OS does.
    let t = tree(&[("locked.bat", OK)]);
    let p = t.path().join("locked.bat");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = std::fs::read(&p).is_ok();
    let o = run(t.path(), &["check", "locked.bat"]);
    if readable {
        assert_eq!(o.code, 0);
    } else {
        assert_eq!(o.code, 2);
        assert!(o.stderr.contains("locked.bat"), "{}", o.stderr);
    }
}

#[test]
fn excludes_hidden_dirs_and_force_exclude() {
    let t = tree(&[
        (
            "smslint.toml",
            b"exclude = [\"skip*.bat\", \"vendor\", \"old/legacy\"]\n",
        ),
        ("skip_me.bat", BOM),
        ("vendor/x.bat", BOM),
        ("old/legacy/y.bat", BOM),
        ("old/z.BAT", BOM),
        (".hidden/h.bat", BOM),
        (".git/g.bat", BOM),
        ("notes.txt", BOM),
    ]);
    let o = run(t.path(), &["check"]);
    assert_eq!(o.stdout.lines().count(), 1, "{}", o.stdout);
    assert!(o.stdout.starts_with("old/z.BAT:1:1:"), "{}", o.stdout);
    // Named files are checked unless --force-exclude; named hidden dirs are walked.
    assert_eq!(run(t.path(), &["check", "skip_me.bat"]).code, 1);
    let o = run(
        t.path(),
        &["check", "--force-exclude", "skip_me.bat", "vendor/x.bat"],
    );
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    let o = run(t.path(), &["check", ".hidden"]);
    assert!(o.stdout.starts_with(".hidden/h.bat:1:1:"), "{}", o.stdout);
}

#[test]
fn show_config_prints_resolved_settings() {
    let t = tree(&[(
        "smslint.toml",
        b"targets = [\"win9x\"]\nlogon_scripts = [\"logon/*.bat\"]\nras_guards = ['\"C:\\Tools\\MyRas.EXE\"']\nupgrade_window = true\nignore = [\"BAT3\"]\n[severity]\nBAT2 = \"info\"\n",
    )]);
    let o = run(
        t.path(),
        &[
            "check",
            "--show-config",
            "x.cmd",
            "SMSLS.BAT",
            "logon/a.bat",
            "b.bat",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let blocks: Vec<&str> = o.stdout.split("# settings for ").skip(1).collect();
    assert_eq!(blocks.len(), 4, "{}", o.stdout);
    assert!(blocks[0].contains("targets = [\"nt\"]"), "{}", blocks[0]);
    assert!(blocks[1].contains("logon_script = true"), "{}", blocks[1]);
    assert!(blocks[1].contains("targets = [\"win9x\"]"), "{}", blocks[1]);
    assert!(blocks[2].contains("logon_script = true"), "{}", blocks[2]);
    assert!(blocks[3].contains("logon_script = false"), "{}", blocks[3]);
    assert!(
        blocks[3].contains("ras_guards = [\"myras\"]"),
        "{}",
        blocks[3]
    );
    assert!(blocks[3].contains("upgrade_window = true"), "{}", blocks[3]);
    assert!(blocks[3].contains("BAT2 = \"info\""), "{}", blocks[3]);
    // ignore = ["BAT3"]: the BAT3 rules are listed as not selected, not as selected.
    let line = |key: &str| {
        blocks[3]
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("not-selected = ").contains("\"BAT301\""),
        "{}",
        blocks[3]
    );
    assert!(!line("select = ").contains("\"BAT301\""), "{}", blocks[3]);
    let o = run(
        t.path(),
        &["check", "--show-config", "--target", "nt,win9x", "b.bat"],
    );
    assert!(
        o.stdout.contains("targets = [\"nt\", \"win9x\"]"),
        "{}",
        o.stdout
    );
}

#[test]
fn output_is_sorted_and_deterministic() {
    let files: Vec<(String, &[u8])> = (0..40)
        .map(|i| (format!("d{}/f{:02}.bat", i % 3, (i * 7) % 40), BOM))
        .collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), *b)).collect();
    let t = tree(&refs);
    let a = run(t.path(), &["check"]).stdout;
    let b = run(t.path(), &["check"]).stdout;
    assert_eq!(a, b);
    let paths: Vec<&str> = a
        .lines()
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), 40);
}

#[test]
fn rules_and_rule_commands() {
    let t = tree(&[]);
    let o = run(t.path(), &["rules"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.lines().any(|l| l.starts_with("SML001")
        && l.contains("unused-suppression")
        && l.contains("warning")));
    let o = run(t.path(), &["rules", "--json"]);
    let v: Value = serde_json::from_str(&o.stdout).expect("json");
    assert_eq!(
        v.as_array().map(Vec::len),
        Some(smslint::rules::RULES.len())
    );
    let o = run(t.path(), &["rule", "unused-suppression"]);
    assert_eq!(o.code, 0);
    for part in [
        "SML001 unused-suppression (warning)",
        "What it checks",
        "Why it matters on a client",
        "Example",
        "Fix",
        "Sources",
    ] {
        assert!(o.stdout.contains(part), "{part}: {}", o.stdout);
    }
    assert_eq!(run(t.path(), &["rule", "sml001"]).stdout, o.stdout);
    assert_eq!(run(t.path(), &["rule", "NOPE"]).code, 2);
}

#[test]
fn site_manifest_is_checked_even_without_scripts() {
    let t = tree(&[(
        "smslint.toml",
        b"[[site]]\ncode = \"A01\"\nclicore = \"2.00.13B0.1000\"\n",
    )]);
    let o = run(t.path(), &["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stdout.starts_with("smslint.toml:3:12: error[SMS301]"),
        "{}",
        o.stdout
    );
    // Selection and severity apply to manifest findings like any other.
    assert_eq!(run(t.path(), &["check", "--ignore", "SMS301"]).code, 0);
    write(
        t.path(),
        "smslint.toml",
        b"[[site]]\ncode = \"A01\"\nclicore = \"2.00.13B0.1000\"\n[severity]\nSMS301 = \"info\"\n",
    );
    let o = run(t.path(), &["check"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("info[SMS301]"), "{}", o.stdout);
}

#[test]
fn manifest_found_above_the_working_directory_is_shown_relative() {
    let t = tree(&[
        (
            "smslint.toml",
            b"[[site]]\ncode = \"A01\"\nclicore = \"2.00.13B0.1000\"\n",
        ),
        ("sub/ok.bat", OK),
    ]);
    let sub = t.path().join("sub");
    let o = run(&sub, &["check", "--format", "concise"]);
    assert!(
        o.stdout.starts_with("../smslint.toml:3:12: error[SMS301]"),
        "{}",
        o.stdout
    );
    // SARIF URIs are relative to the working directory, never absolute paths.
    let o = run(&sub, &["check", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&o.stdout).expect("sarif json");
    let uri =
        &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "../smslint.toml");
}

/// A scratch git repository holding a NETLOGON tree: SMSLS.BAT (a logon script by name) runs
/// `common.bat` on its Windows 9x path, and `common.bat` uses `for /f`.
fn netlogon_repo() -> TempDir {
    let t = tree(&[
        (
            "netlogon/SMSLS.BAT",
            b"@echo off\r\nif \"%OS%\"==\"Windows_NT\" goto NT\r\ncall %0\\..\\common.bat\r\ngoto END\r\n:NT\r\ncall %0\\..\\common.bat\r\n:END\r\n",
        ),
        (
            "netlogon/common.bat",
            b"@echo off\r\nnet use h: /home /yes\r\nfor /f %%a in (%0\\..\\drives.txt) do net use %%a\r\n",
        ),
        ("netlogon/alice.bat", b"@echo off\r\nsetlocal\r\nnet use s: \\\\fs1\\sales\r\n"),
    ]);
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .args(args)
            .current_dir(t.path())
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    t
}

#[test]
fn pre_commit_run_reports_a_cross_file_finding_for_the_changed_script() {
    let t = netlogon_repo();
    // The hook's entry with only the changed file named (pass_filenames), from the repository
    // root as pre-commit runs it.
    let o = run(
        t.path(),
        &[
            "check",
            "--force-exclude",
            "--format",
            "concise",
            "netlogon/common.bat",
        ],
    );
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    // The rest of the tree (the git work tree) is read: SMSLS.BAT runs common.bat on Windows 9x.
    assert!(
        o.stdout
            .contains("netlogon/common.bat:3:5: warning[BAT302]"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("SMSLS.BAT"), "{}", o.stdout);
    // Findings only for the named file: alice.bat and SMSLS.BAT are not reported.
    assert!(
        o.stdout
            .lines()
            .all(|l| l.starts_with("netlogon/common.bat:")),
        "{}",
        o.stdout
    );
    // The chain is a related location in SARIF.
    let o = run(
        t.path(),
        &["check", "--format", "sarif", "netlogon/common.bat"],
    );
    let v: Value = serde_json::from_str(&o.stdout).expect("sarif json");
    let results = v["runs"][0]["results"].as_array().expect("results");
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "BAT302")
        .expect("a BAT302 result");
    let rel = &r["relatedLocations"][0]["physicalLocation"];
    assert_eq!(rel["artifactLocation"]["uri"], "netlogon/SMSLS.BAT");
    assert_eq!(rel["region"]["startLine"], 3);
}

#[test]
fn a_named_file_outside_any_project_is_a_tree_of_its_own() {
    // No smslint.toml, no git: the named file alone; nothing makes common.bat a 9x script.
    let t = tree(&[
        ("SMSLS.BAT", b"@echo off\r\ncall %0\\..\\common.bat\r\n"),
        (
            "common.bat",
            b"@echo off\r\nfor /f %%a in (x.txt) do echo %%a\r\n",
        ),
    ]);
    let o = run(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            "BAT302",
            "common.bat",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stdout);
    // Named as a directory, the tree is the directory: SMSLS.BAT reaches common.bat.
    let o = run(
        t.path(),
        &["check", "--format", "concise", "--select", "BAT302", "."],
    );
    assert!(
        o.stdout.contains("common.bat:2:5: warning[BAT302]"),
        "{}",
        o.stdout
    );
}

#[test]
fn dump_calls_prints_the_resolved_graph() {
    let t = netlogon_repo();
    let o = run(&t.path().join("netlogon"), &["dump", "--calls", "."]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout
            .contains("3:6 call %0\\..\\common.bat -> common.bat [9x path"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("6:6 call %0\\..\\common.bat -> common.bat [NT path only"),
        "{}",
        o.stdout
    );
}

#[test]
fn a_deep_chain_of_calls_names_only_the_nearest_calls() {
    // 1,500 scripts, each calling the next: every file's path is kept short (the tree stays
    // linear), and the message says the path was cut.
    let t = tempfile::tempdir().expect("tempdir");
    write(
        t.path(),
        "smslint.toml",
        b"logon_scripts = [\"s0000.bat\"]\n",
    );
    let n = 1500;
    for i in 0..n {
        let body = if i + 1 < n {
            format!("@echo off\r\ncall %0\\..\\s{:04}.bat\r\n", i + 1)
        } else {
            "@echo off\r\n%0\\..\\snboot.exe /s\r\nfor /f %%a in (x) do echo %%a\r\n".to_string()
        };
        write(t.path(), &format!("s{i:04}.bat"), body.as_bytes());
    }
    let last = format!("s{:04}.bat", n - 1);
    let o = run(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            "SMS201,BAT302",
            ".",
        ],
    );
    let line = o
        .stdout
        .lines()
        .find(|l| l.starts_with(&format!("{last}:2:1: warning[SMS201]")))
        .unwrap_or_else(|| panic!("{}", o.stdout));
    assert!(line.contains("on the path … → s1491.bat:2 → "), "{line}");
    assert!(
        o.stdout.contains(&format!("{last}:3:5: warning[BAT302]")),
        "{}",
        o.stdout
    );
}

#[test]
fn docs_links_follow_docs_url_and_sarif_carries_the_help() {
    let t = tree(&[("bom.bat", BOM)]);
    // Without a web page: SARIF has no helpUri (it must be absolute) but the full help text.
    let o = run(t.path(), &["check", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&o.stdout).expect("sarif json");
    let driver = &v["runs"][0]["tool"]["driver"];
    assert!(driver.get("informationUri").is_none(), "{driver}");
    let rule = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["id"] == "BAT102")
        .expect("BAT102 listed");
    assert!(rule.get("helpUri").is_none(), "{rule}");
    let md = rule["help"]["markdown"].as_str().unwrap_or_default();
    for part in [
        "### What it checks",
        "### Why it matters on a client",
        "### Fix",
        "### Sources",
    ] {
        assert!(md.contains(part), "{md}");
    }
    let result = &v["runs"][0]["results"][0];
    let fp = result["partialFingerprints"]["smslintLineHash/v1"]
        .as_str()
        .unwrap_or_default();
    assert!(fp.len() == 18 && fp.ends_with(":0"), "{result}");
    // `smslint rule` names the same anchor.
    let o = run(t.path(), &["rule", "BAT102"]);
    assert!(
        o.stdout.contains("Docs: docs/rules.md#bat102"),
        "{}",
        o.stdout
    );

    // A site's own mirror, from smslint.toml.
    write(
        t.path(),
        "smslint.toml",
        b"docs-url = \"https://intranet.example/smslint/rules.html\"\n",
    );
    let o = run(t.path(), &["check", "--show-config", "bom.bat"]);
    assert!(
        o.stdout
            .contains("docs-url = \"https://intranet.example/smslint/rules.html\""),
        "{}",
        o.stdout
    );
    let o = run(t.path(), &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&o.stdout).expect("json");
    assert_eq!(
        v[0]["url"],
        "https://intranet.example/smslint/rules.html#bat102"
    );
    let o = run(t.path(), &["check", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&o.stdout).expect("sarif json");
    let rules = v["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert!(rules
        .iter()
        .any(|r| r["helpUri"] == "https://intranet.example/smslint/rules.html#bat102"));
    assert_eq!(
        v["runs"][0]["tool"]["driver"]["informationUri"],
        "https://intranet.example/smslint/rules.html"
    );
    let o = run(t.path(), &["check", "--format", "full", "--color", "never"]);
    assert!(
        o.stdout
            .contains("BAT102 (https://intranet.example/smslint/rules.html#bat102)"),
        "{}",
        o.stdout
    );
}
