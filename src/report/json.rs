//! `--format json`: one JSON array; each finding has exactly the fields `code`, `name`,
//! `severity`, `path`, `line`, `column`, `end_line`, `end_column`, `message`, `help`, `url`.

use serde::Serialize;

use crate::diagnostic::FileReport;

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

pub fn render(reports: &[FileReport]) -> String {
    let mut out = Vec::new();
    let _ = write(reports, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Stream the array: one finding per line, compact for large runs, still readable.
pub fn write(reports: &[FileReport], w: &mut dyn std::io::Write) -> std::io::Result<()> {
    w.write_all(b"[")?;
    let mut first = true;
    for (r, f) in super::all(reports) {
        let item = JsonFinding {
            code: f.diag.code,
            name: super::rule_name(f.diag.code),
            severity: f.diag.severity.as_str(),
            path: &r.path,
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
            message: &f.diag.message,
            help: &f.diag.help,
            url: crate::rules::docs_url(f.diag.code),
        };
        w.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        serde_json::to_writer(&mut *w, &item)?;
    }
    w.write_all(if first { b"]\n" } else { b"\n]\n" })
}
