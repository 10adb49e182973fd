//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Every registered rule is
//! listed in `tool.driver.rules`; result columns are byte columns, which are code points of the
//! one-char-per-byte display decoding (`columnKind: unicodeCodePoints`).

use std::path::Path;

use serde_json::{json, Value};

use crate::diagnostic::{FileReport, Severity};
use crate::rules::{docs_url, Rule, RULES};

use super::RenderOptions;

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

fn rule_descriptor(r: &Rule) -> Value {
    let help_text = crate::rules::docs::rule_text(r);
    let help_md = crate::rules::docs::rule_markdown(r, false);
    json!({
        "id": r.code,
        "name": r.name,
        "shortDescription": { "text": cap(r.summary, 1024) },
        "fullDescription": { "text": cap(r.what, 1024) },
        "help": { "text": help_text, "markdown": help_md },
        "helpUri": docs_url(r.code),
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": { "problem.severity": match r.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "recommendation",
        } }
    })
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
    let rules: Vec<Value> = RULES.iter().map(|r| rule_descriptor(r)).collect();
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
            result
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "smslint",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/smslint/smslint",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}
