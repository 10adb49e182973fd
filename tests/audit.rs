//! `smslint audit --inventory FILE.csv` and the site manifest, end to end: every output format
//! snapshotted over `testdata/inventory/`, the manifest fixtures in `testdata/sites/` through
//! `smslint check`, CSV edge cases, exit codes, manifest discovery.

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
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn inv_dir() -> PathBuf {
    root().join("testdata/inventory")
}

fn snap(name: &str, text: &str) {
    insta::with_settings!({
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

/// The SARIF results, checked against `tool.driver.rules` and without the rule indexes and
/// the rule table (both change whenever a rule is added anywhere in the registry).
fn sarif_results(bytes: &[u8]) -> String {
    let mut v: serde_json::Value = serde_json::from_slice(bytes).expect("sarif is json");
    let run = &mut v["runs"][0];
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .clone();
    for code in [
        "SMS204", "SMS301", "SMS302", "SMS304", "SMS305", "SMS307", "SMS402",
    ] {
        assert!(
            rules.iter().any(|r| r["id"] == code),
            "{code} not in tool.driver.rules"
        );
    }
    let results = run["results"].as_array_mut().expect("results");
    for r in results.iter_mut() {
        let idx = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(
            rules[idx]["id"], r["ruleId"],
            "ruleIndex points at the rule"
        );
        r.as_object_mut().unwrap().remove("ruleIndex");
    }
    serde_json::to_string_pretty(&run["results"]).unwrap() + "\n"
}

#[test]
fn fleet_every_format() {
    for format in ["full", "concise", "json", "sarif", "github", "csv"] {
        let o = smslint(
            &inv_dir(),
            &[
                "audit",
                "--inventory",
                "fleet.csv",
                "--format",
                format,
                "--color",
                "never",
            ],
        );
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
        let text = if format == "sarif" {
            sarif_results(&o.stdout)
        } else {
            stdout(&o)
        };
        snap(&format!("audit_fleet_{format}"), &text);
    }
}

#[test]
fn fleet_findings_are_the_table_of_the_issue() {
    let o = smslint(
        &inv_dir(),
        &["audit", "--inventory", "fleet.csv", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let got: Vec<(String, u64)> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let want: Vec<(String, u64)> = [
        ("SMS302", 4),
        ("SMS302", 5),
        ("SMS204", 5),
        ("SMS304", 6),
        ("SMS305", 7),
        ("SMS301", 8),
        ("SMS402", 9),
        ("SMS402", 10),
        ("SMS402", 11),
        ("SMS402", 12),
        ("SMS307", 13),
    ]
    .iter()
    .map(|(c, l)| (c.to_string(), *l))
    .collect();
    assert_eq!(got, want);
    for f in v.as_array().unwrap() {
        assert_eq!(f["path"], "fleet.csv");
    }
}

#[test]
fn fleet_statistics() {
    let o = smslint(
        &inv_dir(),
        &["audit", "--inventory", "fleet.csv", "--statistics"],
    );
    assert_eq!(o.status.code(), Some(1));
    snap("audit_fleet_statistics", &stdout(&o));
}

#[test]
fn clean_inventory_exits_zero_with_summary_table() {
    let o = smslint(
        &inv_dir(),
        &["audit", "--inventory", "clean.csv", "--format", "full"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    snap("audit_clean_full", &stdout(&o));
    let o = smslint(
        &inv_dir(),
        &["audit", "--inventory", "clean.csv", "--format", "concise"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
}

#[test]
fn bom_crlf_quoted_blank_lines() {
    let o = smslint(
        &inv_dir(),
        &[
            "audit",
            "--inventory",
            "edge_bom_crlf_quoted.csv",
            "--format",
            "concise",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("edge_bom_crlf_quoted.csv:3:1: warning[SMS302] client WS, 001 "));
    assert!(out.contains("edge_bom_crlf_quoted.csv:4:1: warning[SMS302] client multi line name "));
    assert!(out.contains("edge_bom_crlf_quoted.csv:9:7: error[SMS305]"));
    snap("audit_edge_concise", &out);
}

#[test]
fn missing_column_is_a_failure_naming_it() {
    let o = smslint(&inv_dir(), &["audit", "--inventory", "missing_column.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no `clicore` column"), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "",
        "nothing is written before the header is checked"
    );
}

#[test]
fn unreadable_inventory_is_a_failure() {
    let o = smslint(&inv_dir(), &["audit", "--inventory", "no-such-file.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-file.csv"), "{}", stderr(&o));
}

#[test]
fn fail_on_and_exit_zero() {
    // Only warnings: SMS302 rows.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        inv_dir().join("smslint.toml"),
        dir.path().join("smslint.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("inv.csv"),
        "client,site,clicore\nWS1,B01,2.00.1380.1000\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let mut a = vec!["audit", "--inventory", "inv.csv", "--format", "concise"];
        a.extend_from_slice(extra);
        smslint(dir.path(), &a).status.code()
    };
    assert_eq!(run(&[]), Some(1));
    assert_eq!(run(&["--fail-on", "error"]), Some(0));
    assert_eq!(run(&["--exit-zero"]), Some(0));
}

#[test]
fn config_severity_and_ignore_apply() {
    let dir = tempfile::tempdir().unwrap();
    let mut toml = std::fs::read_to_string(inv_dir().join("smslint.toml")).unwrap();
    toml = toml.replace(
        "significance = \"release\"\n",
        "significance = \"release\"\nignore = [\"SMS305\"]\n\n[severity]\nSMS302 = \"info\"\n",
    );
    std::fs::write(dir.path().join("smslint.toml"), toml).unwrap();
    std::fs::write(
        dir.path().join("inv.csv"),
        "client,site,clicore\nWS1,B01,2.00.1380.1000\nWS2,Z99,2.00.1380.1000\n",
    )
    .unwrap();
    let o = smslint(
        dir.path(),
        &["audit", "--inventory", "inv.csv", "--format", "concise"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("inv.csv:2:9: info[SMS302]"), "{out}");
    assert!(!out.contains("SMS305"), "{out}");
}

#[test]
fn manifest_found_from_inventory_dir_else_cwd_else_config() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("exports");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        sub.join("inv.csv"),
        "client,site,clicore\nWS1,Q01,2.00.1493.2009\n",
    )
    .unwrap();
    // From the inventory's directory upwards: the toml beside the parent dir.
    std::fs::write(
        dir.path().join("smslint.toml"),
        "[[site]]\ncode = \"Q01\"\nclicore = \"2.00.1493.2009\"\n",
    )
    .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let inv = sub.join("inv.csv");
    let inv = inv.to_str().unwrap();
    let o = smslint(elsewhere.path(), &["audit", "--inventory", inv]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // --config wins: a manifest without Q01 makes the row an unknown site.
    std::fs::write(
        elsewhere.path().join("other.toml"),
        "[[site]]\ncode = \"Z01\"\nclicore = \"2.00.1493.2009\"\n",
    )
    .unwrap();
    let o = smslint(
        elsewhere.path(),
        &[
            "audit",
            "--inventory",
            inv,
            "--config",
            "other.toml",
            "--format",
            "concise",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("SMS305"), "{}", stdout(&o));
    // Else from the current directory: an inventory outside any manifest's tree.
    let lone = tempfile::tempdir().unwrap();
    std::fs::write(
        lone.path().join("inv.csv"),
        "client,site,clicore\nWS1,Z01,2.00.1493.2009\n",
    )
    .unwrap();
    let lone_inv = lone.path().join("inv.csv");
    let o = smslint(
        elsewhere.path(),
        &[
            "audit",
            "--inventory",
            lone_inv.to_str().unwrap(),
            "--format",
            "concise",
        ],
    );
    // No smslint.toml in `elsewhere` (only other.toml): nothing is found unless a parent of
    // the temp dir has one, which a test machine does not.
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("no smslint.toml"), "{}", stderr(&o));
    std::fs::copy(
        elsewhere.path().join("other.toml"),
        elsewhere.path().join("smslint.toml"),
    )
    .unwrap();
    let o = smslint(
        elsewhere.path(),
        &["audit", "--inventory", lone_inv.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn manifest_findings_are_reported_by_audit() {
    let o = smslint(
        &inv_dir(),
        &[
            "audit",
            "--inventory",
            "clean.csv",
            "--config",
            "../sites/mixed_release/smslint.toml",
            "--format",
            "concise",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("mixed_release/smslint.toml:6:6: warning[SMS303]"),
        "{out}"
    );
    // clean.csv names B01 and C01: both exist in that manifest, C01 at SP3.
    assert!(out.contains("clean.csv:4:11: error[SMS304]"), "{out}");
}

#[test]
fn output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.csv");
    let o = smslint(
        &inv_dir(),
        &[
            "audit",
            "--inventory",
            "fleet.csv",
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("code,name,severity,path,line"));
    assert_eq!(text.lines().count(), 12);
}

#[test]
fn streamed_csv_has_one_header_across_chunks() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        inv_dir().join("smslint.toml"),
        dir.path().join("smslint.toml"),
    )
    .unwrap();
    let mut csv = String::from("client,site,clicore\n");
    for i in 0..10_000 {
        csv.push_str(&format!("WS{i},B01,2.00.1380.1000\n"));
    }
    std::fs::write(dir.path().join("big.csv"), csv).unwrap();
    let o = smslint(
        dir.path(),
        &["audit", "--inventory", "big.csv", "--format", "csv"],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 10_001);
    assert_eq!(out.matches("code,name,severity").count(), 1);
    assert!(out.lines().last().unwrap().contains("big.csv,10001,12,"));
    // The same findings, collected, in json.
    let o = smslint(
        dir.path(),
        &["audit", "--inventory", "big.csv", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 10_000);
}

#[test]
fn ten_megabyte_row() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        inv_dir().join("smslint.toml"),
        dir.path().join("smslint.toml"),
    )
    .unwrap();
    let mut csv = b"client,site,clicore,os\n".to_vec();
    csv.extend_from_slice(b"HUGE,B01,2.00.1380.1000,\"Windows 98 ");
    csv.extend(std::iter::repeat(b'y').take(10 * 1024 * 1024));
    csv.extend_from_slice(b"\"\nNEXT,Z99,2.00.1493.2009,\n");
    std::fs::write(dir.path().join("huge.csv"), csv).unwrap();
    let o = smslint(
        dir.path(),
        &["audit", "--inventory", "huge.csv", "--format", "concise"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("huge.csv:2:1: warning[SMS302] client HUGE "),
        "{out}"
    );
    assert!(
        out.contains("huge.csv:3:6: error[SMS305] client NEXT "),
        "{out}"
    );
    assert!(
        out.len() < 2000,
        "the huge field is not copied: {}",
        out.len()
    );
}

// ---- the site manifest through `smslint check` ---------------------------------------------

#[test]
fn site_fixtures() {
    let sites = root().join("testdata/sites");
    let mut dirs: Vec<_> = std::fs::read_dir(&sites)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("smslint.toml").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 8);
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let concise = smslint(&dir, &["check", "--format", "concise"]);
        let full = smslint(&dir, &["check", "--format", "full", "--color", "never"]);
        let json = smslint(&dir, &["check", "--format", "json"]);
        let expect_clean = matches!(name.as_str(), "clean" | "build_policy" | "unknown_release");
        assert_eq!(
            concise.status.code(),
            Some(if expect_clean { 0 } else { 1 }),
            "{name}: {}",
            stderr(&concise)
        );
        let codes: Vec<String> = serde_json::from_slice::<serde_json::Value>(&json.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect();
        let want: &[&str] = match name.as_str() {
            "clean" | "build_policy" => &[],
            "invalid_version" => &["SMS301", "SMS301", "SMS301"],
            "duplicate_site" => &["SMS306", "SMS310"],
            "mixed_release" => &["SMS303", "SMS303", "SMS303"],
            "mixed_release_pre_sp2" => &["SMS303"],
            "not_clicore" => &["SMS307", "SMS307"],
            "unknown_release" => &["SMS308", "SMS308"],
            other => panic!("testdata/sites/{other}: add its expected codes here"),
        };
        assert_eq!(codes, want, "{name}");
        snap(
            &format!("sites_{name}"),
            &format!(
                "--- concise\n{}--- full\n{}",
                stdout(&concise),
                stdout(&full)
            ),
        );
    }
}

#[test]
fn streamed_json_is_one_valid_array() {
    // No findings: an empty array, as the collected reporter writes it.
    let o = smslint(
        &inv_dir(),
        &["audit", "--inventory", "clean.csv", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "[]\n");
    // Manifest findings and inventory findings spliced into one array.
    let o = smslint(
        &inv_dir(),
        &[
            "audit",
            "--inventory",
            "clean.csv",
            "--config",
            "../sites/mixed_release/smslint.toml",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid json");
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["SMS303", "SMS303", "SMS303", "SMS304"]);
}

#[test]
fn streamed_sarif_is_one_valid_log() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        inv_dir().join("smslint.toml"),
        dir.path().join("smslint.toml"),
    )
    .unwrap();
    let mut csv = String::from("client,site,clicore\n");
    for i in 0..9_000 {
        csv.push_str(&format!("WS{i},B01,2.00.1380.1000\n"));
    }
    std::fs::write(dir.path().join("big.csv"), csv).unwrap();
    let o = smslint(
        dir.path(),
        &["audit", "--inventory", "big.csv", "--format", "sarif"],
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid sarif json");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 9_000);
    assert_eq!(
        results[8_999]["locations"][0]["physicalLocation"]["region"]["startLine"],
        9_001
    );
    assert!(
        v["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len()
            >= 9
    );
    // No findings: the same log with an empty results array.
    let o = smslint(
        &inv_dir(),
        &["audit", "--inventory", "clean.csv", "--format", "sarif"],
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid sarif json");
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 0);
    assert_eq!(v["version"], "2.1.0");
}
