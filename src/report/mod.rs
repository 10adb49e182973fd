//! Reporters: one file per output format. Reporters never compute findings.

pub mod concise;
pub mod csv;
pub mod full;
pub mod github;
pub mod json;
pub mod sarif;
pub mod statistics;
pub mod stream;

use std::path::PathBuf;

use crate::diagnostic::{FileReport, Finding};

/// An output format.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Graphical report with source lines (default on a terminal).
    Full,
    /// One line per finding: path:line:col: severity[CODE] message.
    Concise,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
    /// CSV, one row per finding (audit only).
    Csv,
}

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
    /// The rules page findings link to (`docs-url` in smslint.toml, else
    /// [`crate::rules::default_docs_base`]); `#code` selects a rule.
    pub docs: String,
}

impl RenderOptions {
    /// Plain options for tests: no colour, no links, the current directory.
    pub fn plain(format: Format) -> RenderOptions {
        RenderOptions {
            format,
            color: false,
            links: false,
            statistics: false,
            cwd: std::env::current_dir().unwrap_or_default(),
            docs: crate::rules::default_docs_base(),
        }
    }
}

/// Render every report in the chosen format.
pub fn render(reports: &[FileReport], opts: &RenderOptions) -> String {
    if opts.statistics {
        return statistics::render(reports, opts);
    }
    match opts.format {
        Format::Full => full::render(reports, opts),
        Format::Concise => concise::render(reports),
        Format::Json => json::render(reports, &opts.docs),
        Format::Sarif => sarif::render(reports, opts),
        Format::Github => github::render(reports),
        Format::Csv => csv::render(reports, &opts.docs),
    }
}

/// Render every report in the chosen format to a writer. The formats [`stream::streamable`]
/// are written finding by finding, so a large run needs no second copy of its report.
pub fn render_to(
    reports: &[FileReport],
    opts: &RenderOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if opts.statistics {
        return w.write_all(render(reports, opts).as_bytes());
    }
    if stream::streamable(opts) {
        return stream::write_all(reports, opts, w);
    }
    w.write_all(render(reports, opts).as_bytes())
}

/// A streaming writer's output as a string (the `render` of the streamed formats).
pub(crate) fn to_string(
    write: impl Fn(&[FileReport], &mut dyn std::io::Write) -> std::io::Result<()>,
    reports: &[FileReport],
) -> String {
    let mut out = Vec::new();
    let _ = write(reports, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Every finding with its report, in report order.
pub(crate) fn all(reports: &[FileReport]) -> impl Iterator<Item = (&FileReport, &Finding)> {
    reports
        .iter()
        .flat_map(|r| r.findings.iter().map(move |f| (r, f)))
}

/// The registry name of a code (empty when the code is not registered).
pub(crate) fn rule_name(code: &str) -> &'static str {
    rule_index(code)
        .map(|i| crate::rules::RULES[i].name)
        .unwrap_or("")
}

/// The position of a code in the registry (a hash lookup: reporters ask once per finding).
pub(crate) fn rule_index(code: &str) -> Option<usize> {
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, usize>> =
        std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            crate::rules::RULES
                .iter()
                .enumerate()
                .map(|(i, r)| (r.code, i))
                .collect()
        })
        .get(code)
        .copied()
}
