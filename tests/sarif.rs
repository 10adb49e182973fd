//! The SARIF output is valid SARIF 2.1.0 (the JSON schema in `testdata/schemas/`) and carries
//! what GitHub code scanning requires.

use std::sync::Arc;

use serde_json::Value;
use smslint::diagnostic::{Diagnostic, Severity};
use smslint::engine::config::{Overrides, ResolvedSettings};
use smslint::engine::{finish, lint_source};
use smslint::report::Format;
use smslint::report::{render, RenderOptions};
use smslint::source::{Source, Span};

fn schema() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/testdata/schemas/sarif-2.1.0.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("schema JSON")
}

fn sample_sarif() -> Value {
    let settings = ResolvedSettings::for_file(None, &Overrides::default(), "x.bat".as_ref());
    let a = lint_source(
        "netlogon/logon script.bat",
        Arc::new(Source::new(
            b"@echo off\r\nREM smslint: disable=NOPE99\r\necho caf\xe9\r\n".to_vec(),
        )),
        &settings,
    );
    assert_eq!(a.findings.len(), 1, "the sample gives one SML001 finding");
    // Findings of every severity, with a multi-line span, at an absolute path below the cwd.
    let cwd = std::env::current_dir().expect("cwd");
    let abs = cwd.join("sub").join("b.cmd");
    let src = Arc::new(Source::new(b"a\nbb\nccc\n".to_vec()));
    let diags = vec![
        Diagnostic::new("SML001", Severity::Error, Span::new(0, 4), "e").with_help("h"),
        Diagnostic::new("SML001", Severity::Warning, Span::new(2, 2), "w"),
        Diagnostic::new("SML001", Severity::Info, Span::new(5, 9), "i"),
    ];
    let b = finish(&abs.to_string_lossy(), Some(src), diags, &settings);
    let opts = RenderOptions {
        cwd: cwd.clone(),
        ..RenderOptions::plain(Format::Sarif)
    };
    let text = render(&[a, b], &opts);
    serde_json::from_str(&text).expect("SARIF is JSON")
}

#[test]
fn sarif_matches_the_2_1_0_schema() {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let sarif = sample_sarif();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:#?}");

    // The validator does reject a broken log (so the check above means something).
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken));
    let mut broken = sarif;
    broken["version"] = Value::from("2.0.0");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_has_what_github_requires() {
    let sarif = sample_sarif();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "smslint");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(
        rules.len(),
        smslint::rules::RULES.len(),
        "every rule is listed"
    );
    for r in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            let text = r[key]["text"].as_str().unwrap_or_default();
            assert!(!text.is_empty() && text.chars().count() <= 1024 || key == "help");
        }
        assert!(r["id"].is_string() && r["name"].is_string());
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 4);
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        uris,
        [
            "netlogon/logon%20script.bat",
            "sub/b.cmd",
            "sub/b.cmd",
            "sub/b.cmd"
        ]
    );
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(levels, ["warning", "error", "warning", "note"]);
    let region = &results[1]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ),
        (
            &Value::from(1),
            &Value::from(1),
            &Value::from(2),
            &Value::from(3)
        )
    );
    for r in results {
        assert!(r["ruleId"].is_string());
        assert!(r["message"]["text"].is_string());
    }
}
