//! `smslint version`: explanations, comparisons, exit codes 0/1/2, `--format json`,
//! `--significance`.

use std::process::Output;

use assert_cmd::Command;

fn version(args: &[&str]) -> Output {
    let mut a = vec!["version"];
    a.extend_from_slice(args);
    Command::cargo_bin("smslint")
        .expect("binary")
        .args(&a)
        .output()
        .expect("runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn snap(name: &str, text: &str) {
    insta::with_settings!({
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn explain_one_release() {
    let o = version(&["2.00.1493.4009"]);
    assert_eq!(o.status.code(), Some(0));
    let t = out(&o);
    assert!(t.contains("SMS 2.0 SP4"), "{t}");
    assert!(t.contains("hotfix 9"), "{t}");
    snap("version_explain_sp4", &t);
}

#[test]
fn kb_example_1_is_significant_exit_1() {
    let o = version(&["2.00.1380.0000", "2.00.1999.2000"]);
    assert_eq!(o.status.code(), Some(1));
    let t = out(&o);
    assert!(t.contains("significant"), "{t}");
    assert!(
        t.contains("Boot32wn exits without copying the new Clicore; the client is upgraded only by CCIM from a CAP (Q262677)"),
        "{t}"
    );
    assert!(t.contains("unknown build/SP combination"), "{t}");
    snap("version_kb_example_1", &t);
}

#[test]
fn kb_example_2_is_a_hotfix_exit_0() {
    let o = version(&["2.00.1999.2000", "2.00.1999.2001"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("hotfix difference"), "{}", out(&o));
}

#[test]
fn spellings_are_equal_and_noted() {
    let o = version(&["2.0.1493.4009", "2.00.1493.4009", "2.000.1493.4009"]);
    assert_eq!(o.status.code(), Some(0));
    let t = out(&o);
    assert!(t.contains("Win32 file-version spelling"), "{t}");
    assert!(t.contains("non-canonical spelling"), "{t}");
    assert_eq!(t.matches(": equal:").count(), 2, "{t}");
}

#[test]
fn first_is_compared_with_each_other_one() {
    let o = version(&[
        "2.00.1493.2009",
        "2.00.1493.2163",
        "2.00.1493.3004",
        "2.00.1380.1000",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let t = out(&o);
    assert!(
        t.contains("2.00.1493.2009 vs 2.00.1493.2163: hotfix difference"),
        "{t}"
    );
    assert!(
        t.contains("2.00.1493.2009 vs 2.00.1493.3004: significant"),
        "{t}"
    );
    // An SP1 logon point is older than SP2: it pushes instead of refusing.
    assert!(
        t.contains("2.00.1493.2009 vs 2.00.1380.1000: significant"),
        "{t}"
    );
    snap("version_compare_many", &t);
}

#[test]
fn build_policy_is_unsafe_and_says_so() {
    let o = version(&[
        "--significance",
        "build",
        "2.00.1493.2009",
        "2.00.1493.4009",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let t = out(&o);
    assert!(t.contains("unsafe"), "{t}");
    assert!(t.contains("only the unsafe `build` policy"), "{t}");
    let o = version(&["2.00.1493.2009", "2.00.1493.4009"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn special_forms_are_explained() {
    let o = version(&[
        "2.00.1380.1",
        "2.00.0000.0000",
        "2.50.2726.0018",
        "2.0.91.7",
        "2.0.1250.3",
        "2.00.1380.2004",
    ]);
    // Not-Clicore values are not comparable; the short form (release SP1) vs the anomaly
    // (SP1, Q244410) is a hotfix difference (issue 10).
    assert_eq!(o.status.code(), Some(0));
    let t = out(&o);
    assert!(t.contains("short release form"), "{t}");
    assert!(t.contains("no COMPVER.INI"), "{t}");
    assert!(t.contains("SMS 2003"), "{t}");
    assert!(t.contains("Ccmcore.exe"), "{t}");
    assert!(t.contains("Preinst.exe"), "{t}");
    assert!(t.contains("Q240921"), "{t}");
    assert!(t.contains("not comparable"), "{t}");
    snap("version_special_forms", &t);
}

#[test]
fn unparsable_exit_2_with_field_and_byte() {
    let o = version(&["2.00.13B0.1000", "2.00.1493.2009"]);
    assert_eq!(o.status.code(), Some(2));
    let t = out(&o);
    assert!(
        t.contains("byte 8 ('B') in field 3 (build) is not a digit"),
        "{t}"
    );
    let o = version(&["2.00.1493", "", "2..1.1", "2.0.1.2.3", "2.0.99999.1"]);
    assert_eq!(o.status.code(), Some(2));
    snap("version_errors", &out(&o));
}

#[test]
fn json_format() {
    let o = version(&[
        "--format",
        "json",
        "2.00.1380.0000",
        "2.00.1999.2000",
        "2.00.13B0.1000",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["significance"], "release");
    assert_eq!(v["versions"][0]["service_pack"], 0);
    assert_eq!(v["versions"][1]["canonical"], "2.00.1999.2000");
    assert_eq!(v["versions"][2]["valid"], false);
    assert_eq!(v["versions"][2]["error"]["field"], "build");
    assert_eq!(v["versions"][2]["error"]["offset"], 7);
    assert_eq!(v["comparisons"][0]["relation"], "significant");
    assert_eq!(v["comparisons"][0]["newer"], "b");
    snap("version_json", &out(&o));
    let o = version(&["--format", "json", "2.0.1493.3442", "2.0.1493.3242"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["versions"][0]["icp"], 4);
    assert_eq!(v["versions"][0]["hotfix"], 42);
    assert_eq!(v["comparisons"][0]["relation"], "hotfix");
}
