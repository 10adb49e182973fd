//! `--format csv`: one row per finding, the same columns as `json`.

use crate::diagnostic::FileReport;

pub fn render(reports: &[FileReport]) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
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
    ]);
    for (r, f) in super::all(reports) {
        let _ = w.write_record([
            f.diag.code,
            super::rule_name(f.diag.code),
            f.diag.severity.as_str(),
            &r.path,
            &f.line.to_string(),
            &f.column.to_string(),
            &f.end_line.to_string(),
            &f.end_column.to_string(),
            &f.diag.message,
            &f.diag.help,
            &crate::rules::docs_url(f.diag.code),
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}
