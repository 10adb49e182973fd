//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Every registered rule is
//! listed in `tool.driver.rules`; result columns are byte columns, which are code points of the
//! one-char-per-byte display decoding (`columnKind: unicodeCodePoints`).

use std::path::Path;

use serde_json::{json, Value};

use crate::diagnostic::{FileReport, Severity};
use crate::rules::{docs_url_at, is_absolute_url, Rule, RULES};

use super::RenderOptions;

/// The `partialFingerprints` key of smslint's fingerprint (`hash:occurrence` of the flagged
/// line's text, as in the baseline). Not `primaryLocationLineHash`: GitHub computes that one
/// itself and warns when a tool's value differs from its own.
pub const FINGERPRINT_KEY: &str = "smslintLineHash/v1";

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// GitHub caps descriptions at 1024 characters.
fn cap(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max - 1).collect();
    t.push('…');
    t
}

/// A rule's metadata: its full documentation as `help` (text and Markdown, so code scanning
/// shows it offline) and, when the rules page is a web page, its link as `helpUri`.
fn rule_descriptor(r: &Rule, docs: &str) -> Value {
    let help_text = crate::rules::docs::rule_text(r);
    let help_md = crate::rules::docs::rule_markdown(r, false);
    let mut v = json!({
        "id": r.code,
        "name": r.name,
        "shortDescription": { "text": cap(r.summary, 1024) },
        "fullDescription": { "text": cap(r.what, 1024) },
        "help": { "text": help_text, "markdown": help_md },
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": { "problem.severity": match r.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "recommendation",
        } }
    });
    if is_absolute_url(docs) {
        v["helpUri"] = json!(docs_url_at(docs, r.code));
    }
    v
}

/// A report path as a URI relative to `cwd`, with `/` separators.
pub fn relative_uri(path: &str, cwd: &Path) -> String {
    let p = Path::new(path);
    let rel = if p.is_absolute() {
        p.strip_prefix(cwd).unwrap_or(p)
    } else {
        p
    };
    let s = rel.to_string_lossy().replace('\\', "/");
    let s = s.trim_start_matches("./").to_string();
    // Percent-encode the characters that are not allowed in a URI reference.
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn render(reports: &[FileReport], opts: &RenderOptions) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| rule_descriptor(r, &opts.docs))
        .collect();
    let results: Vec<Value> = super::all(reports)
        .map(|(r, f)| {
            let mut result = json!({
                "ruleId": f.diag.code,
                "level": level(f.diag.severity),
                "message": { "text": f.diag.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": relative_uri(&r.path, &opts.cwd) },
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        }
                    }
                }],
            });
            if let Some(i) = RULES.iter().position(|x| x.code == f.diag.code) {
                result["ruleIndex"] = json!(i);
            }
            if !f.diag.elsewhere.is_empty() {
                let related: Vec<Value> = f
                    .diag
                    .elsewhere
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let path = l.path.as_deref().unwrap_or(&r.path);
                        json!({
                            "id": i,
                            "physicalLocation": {
                                "artifactLocation": { "uri": relative_uri(path, &opts.cwd) },
                                "region": {
                                    "startLine": l.line,
                                    "startColumn": l.column,
                                    "endLine": l.end_line,
                                    "endColumn": l.end_column,
                                }
                            },
                            "message": { "text": l.label },
                        })
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            if let Some(fp) = f.fingerprint {
                result["partialFingerprints"] = json!({ FINGERPRINT_KEY: fp.to_string() });
            }
            result
        })
        .collect();
    let mut driver = json!({
        "name": "smslint",
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    // Where the tool is described: its repository, else a web rules page (`docs-url`); none
    // when neither is known (the validator then notes SARIF2005, a warning).
    let repository = env!("CARGO_PKG_REPOSITORY").trim();
    if is_absolute_url(repository) {
        driver["informationUri"] = json!(repository);
    } else if is_absolute_url(&opts.docs) {
        driver["informationUri"] = json!(opts.docs);
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}
