//! `--format full`: miette's graphical report with the source lines, a label on the exact
//! bytes, help, and the rule's code and docs link.
//!
//! Sources are bytes, not UTF-8. For each finding a window of the lines around its labels is
//! decoded for display (one char per byte, `source::decode_display`) and the label spans are
//! remapped from byte offsets to offsets in that UTF-8 text. Line and column numbers in the
//! header come from the original bytes.

use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{FileReport, Finding, Severity};
use crate::source::{display_char, Source, Span};

use super::RenderOptions;

/// Lines of a span shown at most; longer spans are cut (the label stays on its first bytes).
const MAX_SPAN_LINES: usize = 12;
/// Width of the rendering.
const WIDTH: usize = 100;

/// A decoded window of a source's lines.
struct Window {
    name: String,
    source: Arc<Source>,
    text: String,
    /// Original byte offset of the window's first byte.
    start: usize,
    /// `map[i]`: offset in `text` of original byte `start + i` (`len + 1` entries).
    map: Vec<usize>,
}

impl Window {
    fn new(name: &str, source: Arc<Source>, first_line: usize, last_line: usize) -> Window {
        let start = source.line_full_span(first_line).start;
        let mut end = source.line_full_span(last_line).end;
        // Leave the final line ending out so no empty line is shown after the window.
        if end > start && source.bytes()[end - 1] == b'\n' {
            end -= 1;
            if end > start && source.bytes()[end - 1] == b'\r' {
                end -= 1;
            }
        }
        let bytes = &source.bytes()[start..end];
        let mut text = String::with_capacity(bytes.len());
        let mut map = Vec::with_capacity(bytes.len() + 1);
        for (i, &b) in bytes.iter().enumerate() {
            map.push(text.len());
            // The CR of a CR LF is the ordinary line ending: not shown.
            if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            text.push(display_char(b));
        }
        map.push(text.len());
        Window {
            name: name.to_string(),
            source,
            text,
            start,
            map,
        }
    }

    /// The window-text span of an original byte span (clamped to the window).
    fn span(&self, span: Span) -> SourceSpan {
        let last = self.map.len() - 1;
        let s = span.start.saturating_sub(self.start).min(last);
        let e = span.end.saturating_sub(self.start).clamp(s, last);
        SourceSpan::new(self.map[s].into(), self.map[e] - self.map[s])
    }

    /// The original byte offset of an offset in the window text.
    fn original(&self, text_offset: usize) -> usize {
        let i = self.map.partition_point(|&m| m < text_offset);
        self.start + i
    }
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        let data = inner.data();
        let cspan = *inner.span();
        let line_count = inner.line_count();
        let first = self.original(cspan.offset());
        let (line, _) = self.source.line_col(first);
        let column = if before == 0 {
            self.source.line_col(self.original(span.offset())).1 - 1
        } else {
            0
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            cspan,
            line - 1,
            column,
            line_count,
        )))
    }
}

/// One finding as a miette diagnostic.
struct FindingDiagnostic {
    message: String,
    code: &'static str,
    severity: Severity,
    help: Option<String>,
    url: String,
    window: Option<Window>,
    labels: Vec<LabeledSpan>,
}

impl fmt::Debug for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.url))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.window.as_ref().map(|w| w as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.window.as_ref()?;
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// Cut a span to at most `MAX_SPAN_LINES` lines.
fn clip(source: &Source, span: Span) -> Span {
    let first = source.line_of(span.start);
    let last_allowed = first + MAX_SPAN_LINES - 1;
    if source.line_of(span.end.max(span.start)) > last_allowed && last_allowed < source.line_count()
    {
        Span::new(
            span.start,
            source.line_span(last_allowed).end.max(span.start),
        )
    } else {
        span
    }
}

fn build(path: &str, source: Option<&Arc<Source>>, f: &Finding) -> FindingDiagnostic {
    let d = &f.diag;
    let mut help = d.help.clone();
    let mut window = None;
    let mut labels = Vec::new();
    if let Some(src) = source {
        let primary = clip(src, d.span);
        let p_first = src.line_of(primary.start);
        let p_last = src.line_of(primary.end.max(primary.start));
        let mut first = p_first;
        let mut last = p_last;
        let mut shown_related = Vec::new();
        for (span, label) in &d.related {
            let span = clip(src, *span);
            let r_first = src.line_of(span.start);
            let r_last = src.line_of(span.end.max(span.start));
            // Related places far away are named in the help instead of widening the window.
            if r_first + 2 * MAX_SPAN_LINES >= p_first && r_last <= p_last + 2 * MAX_SPAN_LINES {
                first = first.min(r_first);
                last = last.max(r_last);
                shown_related.push((span, label.clone()));
            } else {
                let (line, col) = src.line_col(span.start);
                let note = format!("{path}:{line}:{col}: {label}");
                if help.is_empty() {
                    help = note;
                } else {
                    help = format!("{help}\nsee also {note}");
                }
            }
        }
        let first = first.saturating_sub(1).max(1);
        let last = (last + 1).min(src.line_count().max(1));
        let w = Window::new(path, src.clone(), first, last.max(first));
        let label = if d.label.is_empty() {
            None
        } else {
            Some(d.label.clone())
        };
        labels.push(LabeledSpan::new_primary_with_span(label, w.span(primary)));
        for (span, label) in shown_related {
            labels.push(LabeledSpan::new_with_span(Some(label), w.span(span)));
        }
        window = Some(w);
    }
    // Streamed inputs (inventories) have no source to show: name the place in the message.
    let message = if source.is_none() {
        format!("{path}:{}:{}: {}", f.line, f.column, d.message)
    } else {
        d.message.clone()
    };
    FindingDiagnostic {
        message,
        code: d.code,
        severity: d.severity,
        help: if help.is_empty() { None } else { Some(help) },
        url: crate::rules::docs_url(d.code),
        window,
        labels,
    }
}

/// The miette handler for the options: colour or not, links or not.
pub fn handler(color: bool, links: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
        .with_links(links)
        .without_syntax_highlighting()
}

/// Render one finding of a file.
pub fn render_finding(
    handler: &GraphicalReportHandler,
    path: &str,
    source: Option<&Arc<Source>>,
    f: &Finding,
) -> String {
    let diag = build(path, source, f);
    let mut out = String::new();
    if handler.render_report(&mut out, &diag).is_err() {
        // Fall back to the concise line rather than lose the finding.
        out = format!(
            "{path}:{}:{}: {}[{}] {}\n",
            f.line, f.column, f.diag.severity, f.diag.code, f.diag.message
        );
    }
    out
}

pub fn render(reports: &[FileReport], opts: &RenderOptions) -> String {
    let h = handler(opts.color, opts.links);
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos, mut files) = (0, 0, 0, 0);
    for r in reports {
        if !r.findings.is_empty() {
            files += 1;
        }
        for f in &r.findings {
            match f.diag.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
            out.push_str(&render_finding(&h, &r.path, r.source.as_ref(), f));
            out.push('\n');
        }
    }
    let total = errors + warnings + infos;
    if total > 0 {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        out.push_str(&format!(
            "Found {} ({}, {}, {infos} info) in {}.\n",
            plural(total, "finding"),
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(files, "file")
        ));
    }
    out
}
