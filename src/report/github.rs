//! `--format github`: GitHub Actions workflow commands, one per finding:
//! `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=CODE::message`.

use crate::diagnostic::{FileReport, Finding, Severity};

/// Escaping of the message part (actions/toolkit `escapeData`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a property value (actions/toolkit `escapeProperty`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(reports: &[FileReport]) -> String {
    super::to_string(write, reports)
}

pub fn write(reports: &[FileReport], w: &mut dyn std::io::Write) -> std::io::Result<()> {
    for (r, f) in super::all(reports) {
        write_one(&r.path, f, w)?;
    }
    Ok(())
}

/// The workflow command of one finding of the file shown as `path`.
pub fn write_one<W: std::io::Write + ?Sized>(
    path: &str,
    f: &Finding,
    w: &mut W,
) -> std::io::Result<()> {
    let level = match f.diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    // `col`/`endColumn` are only allowed when the finding is on one line.
    let position = if f.line == f.end_line {
        format!(
            "line={},endLine={},col={},endColumn={}",
            f.line, f.end_line, f.column, f.end_column
        )
    } else {
        format!("line={},endLine={}", f.line, f.end_line)
    };
    let mut message = format!(
        "{}:{}:{}: {} ({}) {}",
        path,
        f.line,
        f.column,
        f.diag.code,
        super::rule_name(f.diag.code),
        f.diag.message
    );
    if !f.diag.help.is_empty() {
        message.push_str("\nhelp: ");
        message.push_str(&f.diag.help);
    }
    writeln!(
        w,
        "::{level} file={},{position},title={}::{}",
        escape_property(path),
        escape_property(f.diag.code),
        escape_data(&message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(escape_data("50%\r\nx"), "50%25%0D%0Ax");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
