//! The one finding type every rule, the site manifest and the inventory audit produce.

use std::sync::Arc;

use crate::source::{Source, Span};

/// How bad a finding is. Ordered: `Info < Warning < Error`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A finding as a rule produces it: byte spans into the checked file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `BAT201`.
    pub code: &'static str,
    pub severity: Severity,
    /// What is wrong and what happens on the client because of it.
    pub message: String,
    /// The exact bytes the finding is about.
    pub span: Span,
    /// Text of the label on `span` (short).
    pub label: String,
    /// How to fix it.
    pub help: String,
    /// Further labelled places (e.g. the other definition of a duplicate label).
    pub related: Vec<(Span, String)>,
    /// Located places, in this file or another file of the tree (the calls that lead a
    /// Windows 9x client or an unguarded RAS path into this file). The engine adds the
    /// `related` spans here too once it has located them, so SARIF can list every place.
    pub elsewhere: Vec<Location>,
}

/// A located, labelled place for related locations: in another file (`path`), or in the
/// finding's own file (`path: None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: Option<String>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub label: String,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            span,
            label: String::new(),
            help: String::new(),
            related: Vec::new(),
            elsewhere: Vec::new(),
        }
    }
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }
    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }
    /// A located place in another file (see [`Location`]).
    pub fn with_elsewhere(mut self, loc: Location) -> Self {
        self.elsewhere.push(loc);
        self
    }
}

/// A located finding, ready for the reporters: 1-based line/column (byte columns) of the
/// span's start and end.
#[derive(Clone, Debug)]
pub struct Finding {
    pub diag: Diagnostic,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Finding {
    /// Locate a diagnostic in its source. `end_*` is the position just past the last byte
    /// (an empty span ends where it starts).
    pub fn locate(mut diag: Diagnostic, source: &Source) -> Self {
        // The same-file related spans, located, join the other related places (SARIF lists
        // them all; `full` draws the same-file ones as labels).
        let own: Vec<Location> = diag
            .related
            .iter()
            .map(|(span, label)| {
                let (line, column) = source.line_col(span.start);
                let (end_line, end_column) = source.line_col(span.end.max(span.start));
                Location {
                    path: None,
                    line,
                    column,
                    end_line,
                    end_column,
                    label: label.clone(),
                }
            })
            .collect();
        diag.elsewhere.splice(0..0, own);
        let (line, column) = source.line_col(diag.span.start);
        let (end_line, end_column) = source.line_col(diag.span.end.max(diag.span.start));
        Finding {
            diag,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// Everything found in one input file (a script, a smslint.toml or an inventory CSV).
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path as given on the command line or discovered (or the stdin file name).
    pub path: String,
    /// The file's bytes, for reporters that show source lines. `None` for streamed inputs
    /// (inventories), whose findings are shown without a snippet.
    pub source: Option<Arc<Source>>,
    pub findings: Vec<Finding>,
}
