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
    let items: Vec<JsonFinding<'_>> = super::all(reports)
        .map(|(r, f)| JsonFinding {
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
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
