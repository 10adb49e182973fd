//! `--format json`: one JSON array; each finding has exactly the fields `code`, `name`,
//! `severity`, `path`, `line`, `column`, `end_line`, `end_column`, `message`, `help`, `url`.

use serde::Serialize;

use crate::diagnostic::FileReport;

/// The fields of a finding in `json` and `csv`, in order (the contract).
pub const FIELDS: [&str; 11] = [
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

/// One finding as `json` and `csv` write it: exactly [`FIELDS`], in that order.
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub severity: &'a str,
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: &'a str,
    pub help: &'a str,
    pub url: String,
}

impl<'a> JsonFinding<'a> {
    /// The row of a finding; `docs` is the rules page its `url` points into.
    pub fn new(r: &'a FileReport, f: &'a crate::diagnostic::Finding, docs: &str) -> Self {
        JsonFinding::of(&r.path, f, docs)
    }

    /// The row of a finding of the file shown as `path`.
    pub fn of(path: &'a str, f: &'a crate::diagnostic::Finding, docs: &str) -> Self {
        JsonFinding {
            code: f.diag.code,
            name: super::rule_name(f.diag.code),
            severity: f.diag.severity.as_str(),
            path,
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
            message: &f.diag.message,
            help: &f.diag.help,
            url: crate::rules::docs_url_at(docs, f.diag.code),
        }
    }
}

pub fn render(reports: &[FileReport], docs: &str) -> String {
    super::to_string(|r, w| write(r, docs, w), reports)
}

/// Stream the array, pretty-printed exactly as `serde_json::to_string_pretty` prints it.
pub fn write(
    reports: &[FileReport],
    docs: &str,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let opts = super::RenderOptions {
        docs: docs.to_string(),
        ..super::RenderOptions::plain(super::Format::Json)
    };
    super::stream::write_all(reports, &opts, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Finding, Severity};
    use crate::source::{Source, Span};

    #[test]
    fn streamed_json_equals_serde_pretty() {
        let src = Source::new(b"a\nbb\n".to_vec());
        let f = |s, e, m: &str| {
            Finding::locate(
                Diagnostic::new("SML001", Severity::Info, Span::new(s, e), m).with_help("h\"x"),
                &src,
            )
        };
        let rep = FileReport {
            path: "p\\q.bat".into(),
            source: None,
            secrets: Vec::new(),
            findings: vec![f(0, 1, "one\nline"), f(2, 4, "two")],
        };
        let items: Vec<JsonFinding<'_>> = rep
            .findings
            .iter()
            .map(|f| JsonFinding::new(&rep, f, "d"))
            .collect();
        let mut want = serde_json::to_string_pretty(&items).unwrap();
        want.push('\n');
        assert_eq!(render(std::slice::from_ref(&rep), "d"), want);
        assert_eq!(render(&[], "d"), "[]\n");
    }

    #[test]
    fn csv_rows_have_the_json_fields_in_order() {
        let src = Source::new(b"a,b\n".to_vec());
        let d = Diagnostic::new("SML001", Severity::Warning, Span::new(0, 3), "x, \"y\"");
        let rep = FileReport {
            path: "p.bat".into(),
            source: None,
            secrets: Vec::new(),
            findings: vec![Finding::locate(d, &src)],
        };
        let v = serde_json::to_value(JsonFinding::new(&rep, &rep.findings[0], "d")).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = FIELDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "JsonFinding serialises exactly FIELDS");
        let out = super::super::csv::render(std::slice::from_ref(&rep), "d");
        let mut rdr = ::csv::Reader::from_reader(out.as_bytes());
        let head: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(head, FIELDS);
        let row = rdr.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "SML001");
        assert_eq!(&row[2], "warning");
        assert_eq!(&row[3], "p.bat");
        assert_eq!(&row[4], "1");
        assert_eq!(&row[8], "x, \"y\"");
        assert_eq!(super::super::csv::render(&[], "d").lines().count(), 1);
    }
}
