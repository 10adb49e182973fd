//! `--format concise`: `path:line:col: severity[CODE] message`, one line per finding.

use crate::diagnostic::FileReport;

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for (r, f) in super::all(reports) {
        out.push_str(&format!(
            "{}:{}:{}: {}[{}] {}\n",
            r.path,
            f.line,
            f.column,
            f.diag.severity,
            f.diag.code,
            one_line(&f.diag.message)
        ));
    }
    out
}

/// Messages are one line in line-oriented formats.
pub(crate) fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}
