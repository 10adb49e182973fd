//! Parse snapshots: one per file in `testdata/parse/`, rendered with `smslint dump`'s
//! renderer. Adding a case is adding a file (and reviewing its new snapshot).

use smslint::source::Source;
use smslint::syntax::dump::render_with;
use smslint::syntax::labels::{LabelIndex, Profile};

fn dump(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).expect("test input is readable");
    let source = Source::new(bytes);
    let script = smslint::syntax::parse(&source);
    let labels = LabelIndex::build(&source);
    // Files named `*win9x*` are also read with COMMAND.COM's label rules.
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut out = render_with(&source, &script, &labels, Profile::Nt);
    if name.contains("win9x") || name.contains("significance") {
        out.push_str("\n==== with --target win9x ====\n");
        out.push_str(&render_with(&source, &script, &labels, Profile::Win9x));
    }
    out
}

#[test]
fn parse_snapshots() {
    insta::glob!("../testdata/parse", "*.{bat,cmd}", |path| {
        insta::assert_snapshot!(dump(path));
    });
}

#[test]
fn dump_command_prints_the_reading() {
    let out = assert_cmd::Command::cargo_bin("smslint")
        .expect("binary builds")
        .args(["dump", "testdata/parse/t19_label_significance.bat"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("dump prints UTF-8");
    assert!(text.contains("goto `latestch` -> line 4"), "{text}");

    let out = assert_cmd::Command::cargo_bin("smslint")
        .expect("binary builds")
        .args([
            "dump",
            "--target",
            "win9x",
            "testdata/parse/t19_label_significance.bat",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("dump prints UTF-8");
    assert!(text.contains("goto `latestch` -> line 2"), "{text}");
}

#[test]
fn dump_of_a_missing_file_is_a_tool_failure() {
    assert_cmd::Command::cargo_bin("smslint")
        .expect("binary builds")
        .args(["dump", "testdata/parse/does-not-exist.bat"])
        .assert()
        .code(2);
}
