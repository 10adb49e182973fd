//! `--format concise`: `path:line:col: severity[CODE] message`, one line per finding.

use std::borrow::Cow;

use crate::diagnostic::{FileReport, Finding};

pub fn render(reports: &[FileReport]) -> String {
    super::to_string(write, reports)
}

pub fn write(reports: &[FileReport], w: &mut dyn std::io::Write) -> std::io::Result<()> {
    for (r, f) in super::all(reports) {
        write_one(&r.path, f, w)?;
    }
    Ok(())
}

/// The line of one finding of the file shown as `path`.
pub fn write_one<W: std::io::Write + ?Sized>(
    path: &str,
    f: &Finding,
    w: &mut W,
) -> std::io::Result<()> {
    let message = &f.diag.message;
    let message = if message.contains(['\n', '\r']) {
        Cow::Owned(one_line(message))
    } else {
        Cow::Borrowed(&**message)
    };
    writeln!(
        w,
        "{}:{}:{}: {}[{}] {}",
        path, f.line, f.column, f.diag.severity, f.diag.code, message
    )
}

/// Messages are one line in line-oriented formats.
pub(crate) fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}
