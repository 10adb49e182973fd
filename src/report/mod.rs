//! Reporters: one file per output format. Reporters never compute findings.

use std::path::PathBuf;

use crate::cli::Format;
use crate::diagnostic::FileReport;

/// How to render a run's findings.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    pub format: Format,
    /// ANSI colour in `full` output.
    pub color: bool,
    /// Terminal hyperlinks on rule codes in `full` output.
    pub links: bool,
    /// Counts per rule instead of findings.
    pub statistics: bool,
    /// Paths in SARIF are made relative to this directory.
    pub cwd: PathBuf,
}

/// Render every report in the chosen format.
pub fn render(_reports: &[FileReport], _opts: &RenderOptions) -> String {
    String::new()
}
