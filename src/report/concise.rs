//! `--format concise`: `path:line:col: severity[CODE] message`, one line per finding.

use crate::diagnostic::FileReport;

pub fn render(reports: &[FileReport]) -> String {
    super::to_string(write, reports)
}

pub fn write(reports: &[FileReport], w: &mut dyn std::io::Write) -> std::io::Result<()> {
    for (r, f) in super::all(reports) {
        writeln!(
            w,
            "{}:{}:{}: {}[{}] {}",
            r.path,
            f.line,
            f.column,
            f.diag.severity,
            f.diag.code,
            one_line(&f.diag.message)
        )?;
    }
    Ok(())
}

/// Messages are one line in line-oriented formats.
pub(crate) fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}
