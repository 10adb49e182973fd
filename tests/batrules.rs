//! Behaviour of the batch rules beyond the fixtures: exact spans, the semantics the issue
//! spells out (runs, the gate exception, targets, NT-only code, label significance), rule
//! independence, and robustness on hostile input.

use std::path::Path;

use proptest::prelude::*;
use smslint::diagnostic::Diagnostic;
use smslint::rules::{self, LintSettings, Rule, Targets, RULES};
use smslint::source::Source;

/// Settings with the targets fixed as a `targets` list in smslint.toml fixes them.
fn settings(nt: bool, win9x: bool) -> LintSettings {
    LintSettings {
        targets: Targets { nt, win9x },
        tree: std::sync::Arc::new(smslint::tree::FileFacts {
            decided_by: smslint::tree::Decider::Config,
            win9x,
            ..Default::default()
        }),
        ..LintSettings::default()
    }
}

fn run_with(text: &[u8], s: &LintSettings, codes: &[&str]) -> Vec<Diagnostic> {
    let rules: Vec<&'static Rule> = codes
        .iter()
        .map(|c| rules::find(c).unwrap_or_else(|| panic!("no rule {c}")))
        .collect();
    rules::run_rules(Path::new("t.bat"), &Source::new(text.to_vec()), s, &rules)
}

fn run(text: &str, codes: &[&str]) -> Vec<Diagnostic> {
    run_with(text.as_bytes(), &settings(true, true), codes)
}

fn bat_rules() -> Vec<&'static Rule> {
    RULES
        .iter()
        .copied()
        .filter(|r| r.code.starts_with("BAT"))
        .collect()
}

fn run_all(bytes: Vec<u8>, s: &LintSettings) -> Vec<Diagnostic> {
    rules::run_rules(Path::new("t.bat"), &Source::new(bytes), s, &bat_rules())
}

fn text_of<'a>(src: &'a str, d: &Diagnostic) -> &'a str {
    &src[d.span.start()..d.span.end()]
}

fn line_of(src: &str, d: &Diagnostic) -> usize {
    1 + src[..d.span.start()].matches('\n').count()
}

#[test]
fn every_batch_rule_is_registered_with_a_check() {
    let bat = bat_rules();
    for code in [
        "BAT101", "BAT102", "BAT103", "BAT201", "BAT202", "BAT203", "BAT301", "BAT302", "BAT303",
    ] {
        let r = bat
            .iter()
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert!(r.check.is_some(), "{code} has no check");
    }
    let names: Vec<(&str, &str)> = bat.iter().map(|r| (r.code, r.name)).collect();
    for pair in [
        ("BAT101", "unclosed-block"),
        ("BAT102", "utf8-bom"),
        ("BAT103", "nul-byte"),
        ("BAT201", "undefined-label"),
        ("BAT202", "duplicate-label"),
        ("BAT203", "unreachable-code"),
        ("BAT301", "lf-line-endings"),
        ("BAT302", "win9x-incompatible"),
        ("BAT303", "win9x-label-collision"),
    ] {
        assert!(names.contains(&pair), "{pair:?} not registered as such");
    }
    assert!(bat.len() >= 20, "the extra rules are registered");
}

#[test]
fn bat101_reports_each_unclosed_open_paren() {
    let src = "@echo off\r\nif 1==1 (\r\n  (\r\n    echo x\r\n  )\r\n";
    let d = run(src, &["BAT101"]);
    assert_eq!(d.len(), 1);
    assert_eq!(text_of(src, &d[0]), "(");
    assert_eq!(line_of(src, &d[0]), 2);
    assert!(run("(\r\necho x\r\n)\r\necho(\r\n", &["BAT101"]).is_empty());
}

#[test]
fn bat102_and_bat103_point_at_the_bytes() {
    let d = run_with(
        b"\xEF\xBB\xBF@echo off\r\n",
        &settings(true, true),
        &["BAT102"],
    );
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].span.start(), d[0].span.end()), (0, 3));
    let d = run_with(
        b"echo a\r\necho b\x00c\x00\r\n",
        &settings(true, true),
        &["BAT103"],
    );
    assert_eq!(d.len(), 1, "one finding per file");
    assert_eq!(d[0].span.start(), 14);
    assert!(d[0].message.contains("2 in the file"), "{}", d[0].message);
}

#[test]
fn bat201_undefined_labels_and_goto_eof() {
    // Each jump under an IF: a failing GOTO ends the script, and the lines after it never
    // run (a jump there cannot fail).
    let src = "if a==%1 goto END\r\nif b==%1 goto :eof\r\nif c==%1 goto eof\r\ncall :nosub\r\n\
               goto %x%\r\ngoto Start\r\n:START\r\n";
    let d = run(src, &["BAT201"]);
    let got: Vec<&str> = d.iter().map(|d| text_of(src, d)).collect();
    assert_eq!(got, ["END", "eof", "nosub"]);
    assert!(d[0]
        .message
        .contains("The system cannot find the batch label specified - END"));
    // `goto eof` without colon: the fix depends on the targets.
    assert!(d[1].help.contains("goto :eof") || d[1].help.contains(":EOF"));
    let nt_only = run_with(src.as_bytes(), &settings(true, false), &["BAT201"]);
    assert!(
        nt_only[1].help.contains("`goto :eof`"),
        "{}",
        nt_only[1].help
    );
    let w9x = run_with(src.as_bytes(), &settings(true, true), &["BAT201"]);
    assert!(w9x[1].help.contains(":EOF"), "{}", w9x[1].help);
    // A user `:eof` label makes `goto eof` valid.
    assert!(run("goto eof\r\n:eof\r\n", &["BAT201"]).is_empty());
}

#[test]
fn bat201_uses_127_significant_characters() {
    let a = "a".repeat(127);
    let src = format!("goto {a}X\r\n:{a}Y\r\n");
    assert!(run(&src, &["BAT201"]).is_empty());
    let b = "b".repeat(126);
    let src = format!("goto {b}X\r\n:{b}Y\r\n");
    assert_eq!(run(&src, &["BAT201"]).len(), 1);
}

#[test]
fn bat202_says_which_definition_each_jump_reaches() {
    let src = "goto end\r\n:end\r\necho one\r\ngoto end\r\n:END\r\necho two\r\ngoto end\r\n";
    let d = run(src, &["BAT202"]);
    assert_eq!(d.len(), 1);
    assert_eq!(line_of(src, &d[0]), 5);
    let m = &d[0].message;
    assert!(m.contains("line 1 reaches line 2"), "{m}");
    assert!(m.contains("line 4 reaches this one"), "{m}");
    // The last jump searches forward from line 7, finds nothing, wraps to the top: line 2.
    assert!(m.contains("line 7 reaches line 2"), "{m}");
    assert_eq!(d[0].related.len(), 1);
    assert_eq!(
        text_of(
            src,
            &Diagnostic {
                span: d[0].related[0].0,
                ..d[0].clone()
            }
        ),
        "end"
    );
}

#[test]
fn bat202_three_definitions_give_two_findings() {
    // The jump on line 3 belongs to the copy on line 1 but runs forward to line 5.
    let d = run(
        ":a\r\necho x\r\nif x==%1 goto a\r\nexit /b\r\n:A\r\n:a\r\n",
        &["BAT202"],
    );
    assert_eq!(d.len(), 2);
    // Names no static jump uses are separators or comments, not duplicates.
    assert!(run(":_\r\n:_\r\n:_\r\n", &["BAT202"]).is_empty());
}

#[test]
fn bat203_one_finding_per_run() {
    let src = "@echo off\r\n\
               goto main\r\n\
               net use x: /delete\r\n\
               \r\n\
               REM comments neither start nor end a run\r\n\
               echo dead 2\r\n\
               :nobody_jumps_here\r\n\
               echo dead 3\r\n\
               :main\r\n\
               echo live\r\n\
               exit /b\r\n\
               REM trailing comment only: no run\r\n\
               :sub2\r\n\
               net use h: /home\r\n";
    let d = run(src, &["BAT203"]);
    let lines: Vec<usize> = d.iter().map(|d| line_of(src, d)).collect();
    assert_eq!(lines, [3, 14], "{d:#?}");
    assert!(d[0].message.contains("lines 3-8"), "{}", d[0].message);
    // A subroutine nothing calls is an info note, not a warning.
    assert_eq!(d[1].severity, smslint::diagnostic::Severity::Info);
    assert!(d[1].message.contains("never used"), "{}", d[1].message);
}

#[test]
fn bat203_skips_code_inside_a_never_closed_block() {
    let src = "if %1==x goto :eof\r\nif 1==1 (\r\necho a\r\necho b\r\n";
    assert!(run(src, &["BAT203"]).is_empty());
    assert_eq!(run(src, &["BAT101"]).len(), 1);
    // Behind an unconditional `goto :eof`, cmd.exe never reads the block: no BAT101.
    assert!(run("goto :eof\r\nif 1==1 (\r\necho a\r\n", &["BAT101"]).is_empty());
}

#[test]
fn bat203_gate_exception_in_logon_scripts_only() {
    let src = "@echo off\r\nGOTO END\r\ncall %0\\..\\smsls\r\n:END\r\n";
    let plain = run(src, &["BAT203"]);
    assert_eq!(plain.len(), 1);
    for window in [false, true] {
        let s = LintSettings {
            targets: Targets {
                nt: true,
                win9x: true,
            },
            logon_script: true,
            upgrade_window: window,
            ..LintSettings::default()
        };
        let d = run_with(src.as_bytes(), &s, &["BAT203"]);
        assert!(d.is_empty(), "window {window}: {d:#?}");
        // Code that is dead for another reason is still reported in a logon script.
        let other = format!("{src}goto :eof\r\nnet use z: /delete\r\n");
        let d = run_with(other.as_bytes(), &s, &["BAT203"]);
        assert_eq!(d.len(), 1, "window {window}: {d:#?}");
    }
}

#[test]
fn bat301_needs_lf_lines_and_a_distant_label_jump() {
    // The label search misses a label only 512 bytes or more away (F4 of the study).
    let pad = "rem padding padding padding padding padding padding padding\n".repeat(10);
    let far = format!("goto x\n{pad}:x\n");
    assert_eq!(run(&far, &["BAT301"]).len(), 1);
    assert!(run(&far.replace('\n', "\r\n"), &["BAT301"]).is_empty());
    assert!(run("goto x\n:x\n", &["BAT301"]).is_empty(), "a near label");
    assert!(run(&format!("echo a\n{pad}goto :eof\n"), &["BAT301"]).is_empty());
    let d = run(&far, &["BAT301"]);
    assert_eq!(d[0].span.start(), 0, "reported on line 1");
}

#[test]
fn bat302_only_for_win9x_and_not_in_nt_only_code() {
    let src = "@echo off\r\n\
               if \"%OS%\"==\"Windows_NT\" goto nt\r\n\
               if /i \"%1\"==\"x\" (echo a) else (echo b)\r\n\
               goto end\r\n\
               :nt\r\n\
               setlocal & call :sub\r\n\
               goto :eof\r\n\
               :sub\r\n\
               :end\r\n";
    assert!(run_with(src.as_bytes(), &settings(true, false), &["BAT302"]).is_empty());
    let d = run(src, &["BAT302"]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(line_of(src, &d[0]), 3);
    for name in ["`if /i`", "parenthesised block", "`else`"] {
        assert!(d[0].message.contains(name), "{name}: {}", d[0].message);
    }
    // `if not "%OS%"=="Windows_NT" goto x`: the fall-through is NT-only, any quoting/case.
    let src = "if NOT %os% == windows_nt goto w9x\r\nsetlocal\r\n:w9x\r\nendlocal\r\n";
    let d = run(src, &["BAT302"]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("`endlocal`"));
}

#[test]
fn bat302_skips_unreachable_code_and_delayed_expansion_when_off() {
    assert!(run("goto :end\r\nsetlocal\r\n:end\r\n", &["BAT302"]).is_empty());
    assert!(run("echo !x! hello\r\n", &["BAT302"]).is_empty());
    // Written for cmd.exe from its first statement: one finding for the file, with the count.
    let d = run(
        "setlocal enabledelayedexpansion\r\necho !x!\r\n",
        &["BAT302"],
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("2 statements"), "{}", d[0].message);
    assert!(d[0].message.contains("delayed"), "{}", d[0].message);
}

#[test]
fn bat303_only_under_win9x() {
    let src = "goto install_new\r\n:install_old\r\necho old\r\n:install_new\r\n";
    assert!(run_with(src.as_bytes(), &settings(true, false), &["BAT303"]).is_empty());
    let d = run(src, &["BAT303"]);
    assert_eq!(d.len(), 1);
    // Reported at the jump: COMMAND.COM searches from the top and stops at `:install_old`.
    assert_eq!(line_of(src, &d[0]), 1);
    assert!(
        d[0].message.contains("lands on `:install_old` (line 2)"),
        "{}",
        d[0].message
    );
    // The label Windows 9x lands on falls straight into the right one: the same lines run.
    let falls = "goto install_new\r\n:install_old\r\nrem the new one\r\n:install_new\r\n";
    assert!(run(falls, &["BAT303"]).is_empty());
    // Left to the tree (`targets = "auto"`) and NT only, a script with no cmd.exe-only
    // syntax still runs under COMMAND.COM as written: the collision is reported.
    let auto = LintSettings::default();
    assert_eq!(run_with(src.as_bytes(), &auto, &["BAT303"]).len(), 1);
    let nt_syntax = "setlocal\r\ngoto install_new\r\n:install_old\r\necho old\r\n:install_new\r\n";
    assert!(run_with(nt_syntax.as_bytes(), &auto, &["BAT303"]).is_empty());
    // No cmd.exe-only syntax, but an NT-only command or variable: written for NT, not DOS.
    for nt_name in [
        "title Deploy\r\n",
        "pushd \\\\srv\\share\r\n",
        "reg.exe query HKLM\\Software\r\n",
        "echo %COMPUTERNAME%>>\\\\srv\\logs\\seen.txt\r\n",
        // A program of today's toolchains: no COMMAND.COM ever ran it.
        "python tools\\gen_tables.py src\\tables.asm\r\n",
        "git.exe describe --tags >version.txt\r\n",
        "node scripts\\bundle.js\r\n",
        // A document started through its file association: only NT's shell does that.
        "todo.pl \".reboot-on 194 x.exe\"\r\n",
        // Folders of a later Windows: the Store apps (8 and later), a user profile's AppData.
        "\"C:\\Program Files\\WindowsApps\\Vendor.Player_2.1_x64__k1q2\\player.exe\" /play\r\n",
        "copy a.ini \"%USERPROFILE%\\AppData\\Roaming\\Tool\\\"\r\n",
    ] {
        let src =
            format!("{nt_name}goto install_new\r\n:install_old\r\necho old\r\n:install_new\r\n");
        assert!(
            run_with(src.as_bytes(), &auto, &["BAT303"]).is_empty(),
            "{nt_name}"
        );
        let rem = format!("{nt_name}rem old: dir c:\\ > c:\\temp\\before.txt\r\n");
        assert!(
            run_with(rem.as_bytes(), &auto, &["BAT304"]).is_empty(),
            "{nt_name}"
        );
    }
    // The same names in code that never runs, or a DOS tool named like one, change nothing.
    let dead =
        "goto install_new\r\n:install_old\r\necho old\r\n:install_new\r\ngoto done\r\ntitle x\r\n:done\r\n";
    assert_eq!(run_with(dead.as_bytes(), &auto, &["BAT303"]).len(), 1);
    let dos_tool = "regedit /s x.reg\r\nrem dir > list.txt\r\n";
    assert_eq!(run_with(dos_tool.as_bytes(), &auto, &["BAT304"]).len(), 1);
    // Back at the same `goto` from where Windows 9x lands: a loop, unless something changes.
    let again = ":install_old\r\nshift\r\ngoto install_new\r\n:install_new\r\n";
    let d = run(again, &["BAT303"]);
    assert!(
        d.iter().any(
            |d| d.message.contains("can come back to this `goto` on line 3")
                && d.message
                    .contains("unless something on the way changes its course")
        ),
        "{d:?}"
    );
    // Equal under cmd.exe's rule: that is BAT202, not BAT303.
    assert!(run(":install\r\n:INSTALL\r\n", &["BAT303"]).is_empty());
}

#[test]
fn rules_are_independent() {
    // One statement: an undefined label (BAT201) through a cmd.exe-only `call :` (BAT302).
    let d = run("call :missing\r\n", &["BAT201", "BAT302"]);
    let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
    assert!(
        codes.contains(&"BAT201") && codes.contains(&"BAT302"),
        "{codes:?}"
    );
}

#[test]
fn extra_rules_fire_on_their_cases() {
    let cases: &[(&str, &str, usize)] = &[
        ("BAT104", "echo a\recho b\r\n", 1),
        ("BAT104", "echo a\r\r\n", 0),
        (
            "BAT105",
            "if 1==1 (\r\necho a\r\n)\r\nelse (\r\necho b\r\n)\r\n",
            1,
        ),
        ("BAT204", "%0\\..\\smsls\r\necho after\r\n", 1),
        ("BAT204", "call %0\\..\\smsls\r\necho after\r\n", 0),
        ("BAT205", "set x = y\r\necho %x%\r\n", 1),
        ("BAT205", "set x = y\r\n", 0),
        ("BAT205", "set x=y z\r\n", 0),
        (
            "BAT206",
            "if errorlevel 1 goto a\r\nif errorlevel 2 goto b\r\n:a\r\n:b\r\n",
            1,
        ),
        (
            "BAT206",
            "if errorlevel 2 goto b\r\nif errorlevel 1 goto a\r\n:a\r\n:b\r\n",
            0,
        ),
        ("BAT207", "if errorlevel 0 echo x\r\n", 1),
        ("BAT208", "call sub\r\n:sub\r\n", 1),
        ("BAT208", "call :sub\r\n:sub\r\n", 0),
        ("BAT209", "echo value=1>out.txt\r\n", 1),
        ("BAT209", "echo value1>out.txt\r\n", 0),
        ("BAT209", "echo value 2>nul\r\n", 0),
        ("BAT210", "if %1==x echo y\r\n", 1),
        ("BAT210", "if \"%1\"==\"x\" echo y\r\n", 0),
        (
            "BAT211",
            "for %%i in (a b) do (\r\nif %%i==a goto in\r\necho %%i\r\n:in\r\necho x\r\n)\r\n",
            1,
        ),
        ("BAT211", "for %%i in (a) do (\r\n:in\r\necho x\r\n)\r\n", 0),
        ("BAT211", "if 1==1 (\r\n:in\r\necho x\r\n)\r\n", 0),
        (
            "BAT212",
            "call :s\r\necho back\r\ngoto :eof\r\n:s\r\nexit\r\n",
            1,
        ),
        ("BAT212", "call :s\r\ngoto :eof\r\n:s\r\nexit\r\n", 0),
        ("BAT212", "call :s\r\nexit\r\n:s\r\nexit /b\r\n", 0),
        ("BAT107", ">nul\r\n) ignored\r\n", 2),
        ("BAT107", "(echo a)\r\n", 0),
        ("BAT108", "echo \"a & pause\r\n", 1),
        ("BAT108", "echo \"a & b | c\r\n", 0),
        ("BAT109", "(\r\n:: one\r\n:: two\r\necho x\r\n)\r\n", 1),
        ("BAT109", ":: one\r\n:: two\r\n", 0),
        ("BAT304", "rem a > b\r\n", 1),
        ("BAT304", ":: a > b\r\n", 0),
        (
            "BAT305",
            "if \"%OS%\"==\"Windows_NT\" (\r\nsetlocal\r\n)\r\n",
            1,
        ),
        ("BAT305", "if \"%OS%\"==\"Windows_NT\" (setlocal)\r\n", 0),
    ];
    for (code, src, want) in cases {
        let d = run(src, &[code]);
        assert_eq!(d.len(), *want, "{code} on {src:?}: {d:#?}");
        for f in &d {
            assert!(
                !f.label.is_empty() && !f.help.is_empty(),
                "{code}: label and help"
            );
        }
    }
}

#[test]
fn bat106_counts_bytes_per_physical_line() {
    // A logon script (it starts SMSLS) runs on NT 4.0 / 2000: 2047 bytes.
    let ok = format!("set A={}\r\ncall %0\\..\\smsls\r\n", "x".repeat(2041));
    assert!(run(&ok, &["BAT106"]).is_empty());
    let long = format!("set A={}\r\ncall %0\\..\\smsls\r\n", "x".repeat(2042));
    let d = run(&long, &["BAT106"]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.start(), 2047);
    // Any other script: 8191 bytes.
    let tool = format!("set A={}\r\n", "x".repeat(2042));
    assert!(run(&tool, &["BAT106"]).is_empty());
    let huge = format!("set A={}\r\n", "x".repeat(8186));
    let d = run(&huge, &["BAT106"]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.start(), 8191);
}

#[test]
fn hostile_inputs_do_not_break_the_rules() {
    let s = settings(true, true);
    // 10,000 nested unclosed blocks: one BAT101 per `(`.
    let deep = "(\r\n".repeat(10_000);
    let d = run_all(deep.into_bytes(), &s);
    assert_eq!(d.iter().filter(|d| d.code == "BAT101").count(), 10_000);
    // 10,000 nested closed blocks.
    let closed = format!(
        "{}echo x\r\n{}",
        "(\r\n".repeat(10_000),
        ")\r\n".repeat(10_000)
    );
    let d = run_all(closed.into_bytes(), &s);
    assert!(d.iter().all(|d| d.code != "BAT101"));
    // A 5 MB line, a 5 MB run of CRs, a 5 MB label.
    let big = format!("echo {}\r\n", "x".repeat(5 << 20));
    let d = run_all(big.into_bytes(), &s);
    assert_eq!(d.iter().filter(|d| d.code == "BAT106").count(), 1);
    let crs = [b"echo a".as_slice(), &vec![b'\r'; 5 << 20], b"echo b"].concat();
    let d = run_all(crs, &s);
    assert_eq!(d.iter().filter(|d| d.code == "BAT104").count(), 1);
    let label = format!(":{0}\r\ngoto {0}\r\n:{0}\r\n", "L".repeat(5 << 20));
    let d = run_all(label.into_bytes(), &s);
    assert_eq!(d.iter().filter(|d| d.code == "BAT202").count(), 1);
    assert!(
        d.iter().all(|d| d.message.len() < 2_000),
        "messages stay short"
    );
    // Many duplicate labels and jumps.
    let many = ":x\r\ngoto x\r\n".repeat(5_000);
    let d = run_all(many.into_bytes(), &s);
    assert_eq!(d.iter().filter(|d| d.code == "BAT202").count(), 4_999);
    // Long alternating errorlevel chains (each shadowed test jumps somewhere else), and many
    // labels colliding on Windows 9x.
    let chain: String = (0..5_000)
        .map(|i| format!("if errorlevel 1 goto a{i}\r\nif not errorlevel 1 goto b\r\n"))
        .collect();
    let d = run_all(format!("{chain}:a\r\n:b\r\n").into_bytes(), &s);
    assert_eq!(d.iter().filter(|d| d.code == "BAT206").count(), 4_999);
    let collide: String = (0..5_000)
        .map(|i| format!("goto longname{i}\r\n:longname{i}\r\n"))
        .collect();
    let d = run_all(collide.into_bytes(), &s);
    assert_eq!(d.iter().filter(|d| d.code == "BAT303").count(), 4_999);
    assert!(
        d.iter().all(|d| d.message.len() < 2_000),
        "messages stay short"
    );
    // Control bytes everywhere.
    let d = run_all(b"\xFF\xFE\x00\x1a\r\r\n\x00(((^".to_vec(), &s);
    assert!(d.iter().any(|d| d.code == "BAT103"));
}

fn batchy() -> impl Strategy<Value = Vec<u8>> {
    let atoms = prop::sample::select(vec![
        "goto ",
        "goto :eof",
        "call :",
        ":",
        "::",
        "end",
        "x",
        "(",
        ")",
        "if ",
        "errorlevel 1 ",
        "not ",
        "else ",
        "%1",
        "%OS%",
        "\"",
        "==",
        "Windows_NT",
        "set a = b",
        ">",
        "2>",
        "1>",
        "&",
        "&&",
        "||",
        "|",
        "^",
        "rem ",
        "exit",
        " /b",
        "for %%i in (a) do ",
        "setlocal",
        "!x!",
        "%~dp0",
        "\r\n",
        "\n",
        "\r",
        "\x00",
        "\x1a",
        "\u{ff}",
        " ",
        ".bat ",
        "smsls",
    ]);
    prop::collection::vec(atoms, 0..80).prop_map(|v| v.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_rule_panics_and_spans_stay_in_the_file(bytes in batchy()) {
        let len = bytes.len();
        let d = run_all(bytes, &settings(true, true));
        for f in &d {
            prop_assert!(f.span.start() <= f.span.end() && f.span.end() <= len, "{f:?}");
            for (s, _) in &f.related {
                prop_assert!(s.start() <= s.end() && s.end() <= len);
            }
        }
    }

    #[test]
    fn no_rule_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let len = bytes.len();
        let d = run_all(bytes, &settings(true, true));
        for f in &d {
            prop_assert!(f.span.end() <= len);
        }
    }
}

#[test]
fn bat212_bare_exit_in_smsls_ends_the_caller() {
    let rule = rules::find("BAT212").expect("BAT212");
    let src = Source::new(b"@echo off\r\nif exist c:\\keepit12.txt exit\r\ncall :sub\r\nexit /b\r\n:sub\r\ngoto :eof\r\n".to_vec());
    let s = settings(true, true);
    let d = rules::run_rules(Path::new("NETLOGON/SMSLS.BAT"), &src, &s, &[rule]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("CALL"), "{}", d[0].message);
    let d = rules::run_rules(Path::new("NETLOGON/user.bat"), &src, &s, &[rule]);
    assert!(d.is_empty(), "only SMSLS.BAT is run with CALL: {d:#?}");
}
