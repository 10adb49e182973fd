//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Every registered rule is
//! listed in `tool.driver.rules`; result columns are byte columns, which are code points of the
//! one-char-per-byte display decoding (`columnKind: unicodeCodePoints`).

use std::path::Path;

use serde::Serialize;
use serde_json::{json, Value};

use crate::diagnostic::{FileReport, Finding, Severity};
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

/// The `results` of the log: a SARIF result per finding, written as it comes
/// ([`Results::write`]) between the rest of the log, which [`Results::start`] and
/// [`Results::finish`] write around them.
pub(crate) struct Results {
    /// The log after the opening `[` of `results` (`]` and the rest).
    tail: String,
    /// The last path and its URI (a report's findings share one).
    uri: Option<(String, String)>,
    /// The last code and its index in the rule table.
    rule: Option<(&'static str, Option<usize>)>,
}

/// One result. Its fields are in the order a `serde_json::Value` sorts its keys, so the output
/// is that of the same result built as a JSON value (a test checks it).
#[derive(Serialize)]
struct SarifResult<'a> {
    level: &'static str,
    locations: [Location<'a>; 1],
    message: Text<'a>,
    #[serde(
        rename = "partialFingerprints",
        skip_serializing_if = "Option::is_none"
    )]
    partial_fingerprints: Option<Fingerprints>,
    #[serde(rename = "relatedLocations", skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
    #[serde(rename = "ruleId")]
    rule_id: &'a str,
    #[serde(rename = "ruleIndex", skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
}

/// `{ FINGERPRINT_KEY: "hash:occurrence" }`.
struct Fingerprints(String);

impl Serialize for Fingerprints {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(FINGERPRINT_KEY, &self.0)?;
        m.end()
    }
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Location<'a> {
    #[serde(rename = "physicalLocation")]
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
struct PhysicalLocation<'a> {
    #[serde(rename = "artifactLocation")]
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

/// A place in `relatedLocations` (keys in sorted order, as in [`SarifResult`]).
#[derive(Serialize)]
struct RelatedLocation<'a> {
    id: usize,
    message: Text<'a>,
    #[serde(rename = "physicalLocation")]
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
struct Region {
    #[serde(rename = "endColumn")]
    end_column: usize,
    #[serde(rename = "endLine")]
    end_line: usize,
    #[serde(rename = "startColumn")]
    start_column: usize,
    #[serde(rename = "startLine")]
    start_line: usize,
}

/// The `results` array of a pretty-printed log without results.
const EMPTY_RESULTS: &str = "\"results\": []";

impl Results {
    /// Write the log up to the opening `[` of its `results`.
    pub(crate) fn start(opts: &RenderOptions, out: &mut Vec<u8>) -> Results {
        let text = log_without_results(opts);
        let at = text
            .find(EMPTY_RESULTS)
            .map(|i| i + EMPTY_RESULTS.len() - 1)
            .unwrap_or(text.len());
        out.extend_from_slice(&text.as_bytes()[..at]);
        Results {
            tail: text[at..].to_string(),
            uri: None,
            rule: None,
        }
    }

    /// The results of a piece of the log written apart ([`super::stream::write_all`]): only
    /// the caches of [`Results::write`], no log around them.
    pub(crate) fn piece() -> Results {
        Results {
            tail: String::new(),
            uri: None,
            rule: None,
        }
    }

    /// Write the result of one finding of the file shown as `path`.
    pub(crate) fn write(
        &mut self,
        path: &str,
        f: &Finding,
        first: bool,
        opts: &RenderOptions,
        out: &mut Vec<u8>,
    ) -> std::io::Result<()> {
        if !matches!(&self.uri, Some((p, _)) if p == path) {
            self.uri = Some((path.to_string(), relative_uri(path, &opts.cwd)));
        }
        let code = f.diag.code;
        let rule_index = match self.rule {
            Some((c, i)) if c == code => i,
            _ => {
                let i = super::rule_index(code);
                self.rule = Some((code, i));
                i
            }
        };
        let uri = self.uri.as_ref().map_or("", |(_, u)| u.as_str());
        // Places in other files have URIs of their own (rare: no cache).
        let other_uris: Vec<Option<String>> = f
            .diag
            .elsewhere
            .iter()
            .map(|l| l.path.as_deref().map(|p| relative_uri(p, &opts.cwd)))
            .collect();
        let related = f
            .diag
            .elsewhere
            .iter()
            .zip(&other_uris)
            .enumerate()
            .map(|(i, (l, other))| RelatedLocation {
                id: i,
                message: Text { text: &l.label },
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: other.as_deref().unwrap_or(uri),
                    },
                    region: Region {
                        end_column: l.end_column,
                        end_line: l.end_line,
                        start_column: l.column,
                        start_line: l.line,
                    },
                },
            })
            .collect();
        let result = SarifResult {
            level: level(f.diag.severity),
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri },
                    region: Region {
                        end_column: f.end_column,
                        end_line: f.end_line,
                        start_column: f.column,
                        start_line: f.line,
                    },
                },
            }],
            message: Text {
                text: &f.diag.message,
            },
            partial_fingerprints: f.fingerprint.map(|fp| Fingerprints(fp.to_string())),
            related_locations: related,
            rule_id: code,
            rule_index,
        };
        // runs[0].results[i] is four levels deep.
        out.extend_from_slice(if first { b"\n        " } else { b",\n        " });
        super::stream::write_pretty_at(out, &result, 4)
    }

    /// Close `results` (`any`: a result was written) and write the rest of the log.
    pub(crate) fn finish(self, any: bool, out: &mut Vec<u8>) {
        if any {
            out.extend_from_slice(b"\n      ");
        }
        out.extend_from_slice(self.tail.as_bytes());
    }
}

/// The whole log with an empty `results` array, pretty-printed.
fn log_without_results(opts: &RenderOptions) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| rule_descriptor(r, &opts.docs))
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
            "results": [],
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

pub fn render(reports: &[FileReport], opts: &RenderOptions) -> String {
    let mut out = Vec::new();
    let _ = super::stream::write_all(reports, opts, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::source::{Source, Span};

    #[test]
    fn results_stream_into_the_log_as_one_value_would() {
        let src = Source::new(b"a\nbb\n".to_vec());
        let d = Diagnostic::new("BAT101", Severity::Error, Span::new(2, 4), "two \"q\"\n");
        let f = Finding::locate(d, &src);
        let mut g = f.clone();
        g.fingerprint = None;
        g.diag.elsewhere = vec![
            crate::diagnostic::Location {
                path: Some("other dir/b.cmd".into()),
                line: 1,
                column: 2,
                end_line: 1,
                end_column: 3,
                label: "there".into(),
            },
            crate::diagnostic::Location {
                path: None,
                line: 2,
                column: 1,
                end_line: 2,
                end_column: 2,
                label: "here".into(),
            },
        ];
        let rep = FileReport {
            path: "dir/x y.bat".into(),
            source: None,
            secrets: Vec::new(),
            findings: vec![f.clone(), g, f],
        };
        let opts = RenderOptions::plain(super::super::Format::Sarif);
        for reports in [vec![], vec![rep]] {
            let text = render(&reports, &opts);
            let v: Value = serde_json::from_str(&text).unwrap();
            // Re-printing the parsed log (keys sorted) gives the same bytes.
            let mut again = serde_json::to_string_pretty(&v).unwrap();
            again.push('\n');
            assert_eq!(text, again);
            let n = v["runs"][0]["results"].as_array().unwrap().len();
            assert_eq!(n, reports.iter().map(|r| r.findings.len()).sum::<usize>());
            if n > 0 {
                let results = &v["runs"][0]["results"];
                assert!(results[0]["partialFingerprints"][FINGERPRINT_KEY].is_string());
                assert!(results[1].get("partialFingerprints").is_none());
                let related = &results[1]["relatedLocations"];
                assert_eq!(
                    related[0]["physicalLocation"]["artifactLocation"]["uri"],
                    "other%20dir/b.cmd"
                );
                assert_eq!(
                    related[1]["physicalLocation"]["artifactLocation"]["uri"],
                    "dir/x%20y.bat"
                );
                assert_eq!(related[1]["message"]["text"], "here");
            }
        }
    }
}
