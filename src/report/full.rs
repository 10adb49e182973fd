//! `--format full`: miette's graphical report with the source lines, a label on the exact
//! bytes, help, and the rule's code and docs link.
//!
//! Sources are bytes, not UTF-8. For each finding a window of the lines around its labels is
//! decoded for display (one char per byte, `source::decode_display`, or one char per UTF-8
//! sequence in a file that is valid UTF-8) and the label spans are remapped from byte
//! offsets to offsets in that UTF-8 text. Line and column numbers in the
//! header come from the original bytes.

use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{FileReport, Finding, Severity};
use crate::source::{display_char, utf8_char_at, Source, Span};

use super::RenderOptions;

/// Lines of a span shown at most; longer spans are cut (the label stays on its first bytes).
const MAX_SPAN_LINES: usize = 12;
/// Width of the rendering.
const WIDTH: usize = 100;

/// Lines longer than this many bytes are shown in part: their start and the bytes around the
/// labels, with `…` for the rest (miette's cost grows with the line length).
const MAX_LINE: usize = 400;
/// Bytes kept at the start of a long line.
const LONG_LINE_HEAD: usize = 80;
/// Bytes kept on each side of a label's start and end in a long line.
const LONG_LINE_CONTEXT: usize = 60;

/// A decoded window of a source's lines.
struct Window {
    name: String,
    source: Arc<Source>,
    text: String,
    /// `(original byte offset, offset in text)` for every shown byte and for the start of
    /// every elided run (which maps to its `…`), sorted by both; the last entry is the
    /// window's end.
    map: Vec<(usize, usize)>,
}

impl Window {
    /// Lines `first_line..=last_line`; in long lines only the bytes near `focus` are kept.
    /// Bytes inside `secrets` (sorted, disjoint: see [`Secrets`]) are shown as `*`.
    fn new(
        name: &str,
        source: Arc<Source>,
        first_line: usize,
        last_line: usize,
        focus: &[Span],
        secrets: &Secrets,
    ) -> Window {
        let bytes = source.bytes();
        let utf8 = source.facts().utf8_text;
        let mut text = String::new();
        let mut map = Vec::new();
        for line in first_line..=last_line {
            let full = source.line_full_span(line);
            let content = source.line_span(line);
            let mut end = full.end();
            if line == last_line {
                // Leave the final line ending out: no empty line after the window.
                end = content.end();
            }
            let mut keep: Vec<(usize, usize)> = Vec::new();
            if content.len() <= MAX_LINE {
                keep.push((full.start(), end));
            } else {
                keep.push((full.start(), full.start() + LONG_LINE_HEAD));
                for f in focus {
                    for at in [f.start(), f.end()] {
                        if at >= full.start() && at <= content.end() {
                            keep.push((
                                at.saturating_sub(LONG_LINE_CONTEXT).max(full.start()),
                                (at + LONG_LINE_CONTEXT).min(content.end()),
                            ));
                        }
                    }
                }
                keep.push((content.end(), end));
                keep.sort_unstable();
            }
            let mut pos = full.start();
            for (a, b) in keep {
                let a = a.max(pos);
                if b <= a {
                    continue;
                }
                if a > pos {
                    map.push((pos, text.len()));
                    text.push('…');
                }
                let mut i = a;
                while i < b {
                    map.push((i, text.len()));
                    let byte = bytes[i];
                    i += 1;
                    // The CR of a CR LF is the ordinary line ending: not shown.
                    if byte == b'\r' && bytes.get(i) == Some(&b'\n') {
                        continue;
                    }
                    if secrets.contains(i - 1) {
                        text.push('*');
                        continue;
                    }
                    // In a UTF-8 file a whole sequence is one character; its other bytes map
                    // to the same text offset.
                    match utf8.then(|| utf8_char_at(&bytes[..b], i - 1)).flatten() {
                        Some((c, n)) if !(i..i - 1 + n).any(|j| secrets.contains(j)) => {
                            let at = text.len();
                            for j in i..i - 1 + n {
                                map.push((j, at));
                            }
                            text.push(c);
                            i += n - 1;
                        }
                        _ => text.push(display_char(byte)),
                    }
                }
                pos = b;
            }
            if pos < end {
                map.push((pos, text.len()));
                text.push('…');
            }
            if line == last_line {
                map.push((end, text.len()));
            }
        }
        Window {
            name: name.to_string(),
            source,
            text,
            map,
        }
    }

    /// The text offset of an original byte offset (clamped to the window).
    fn text_offset(&self, orig: usize) -> usize {
        let i = self.map.partition_point(|&(o, _)| o <= orig);
        match i {
            0 => 0,
            _ => self.map[i - 1].1,
        }
    }

    /// The window-text span of an original byte span (clamped to the window).
    fn span(&self, span: Span) -> SourceSpan {
        let s = self.text_offset(span.start());
        let e = self.text_offset(span.end().max(span.start())).max(s);
        SourceSpan::new(s.into(), e - s)
    }

    /// The original byte offset of an offset in the window text.
    fn original(&self, text_offset: usize) -> usize {
        let i = self.map.partition_point(|&(_, t)| t < text_offset);
        self.map
            .get(i)
            .or(self.map.last())
            .map(|&(o, _)| o)
            .unwrap_or(0)
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

/// The secret bytes of a file's findings (passwords), merged into sorted disjoint spans:
/// every source window of the file shows them as `*`, so miette never sees them.
#[derive(Clone, Debug, Default)]
pub struct Secrets(Vec<Span>);

impl Secrets {
    /// The secrets of a report: its own (also those of hidden findings) and its findings'.
    pub fn of(report: &FileReport) -> Secrets {
        Secrets::from_spans(
            report
                .secrets
                .iter()
                .chain(report.findings.iter().flat_map(|f| f.diag.secrets.iter()))
                .copied(),
        )
    }

    /// Secret spans in any order, merged.
    fn from_spans(spans: impl Iterator<Item = Span>) -> Secrets {
        let mut spans: Vec<Span> = spans.filter(|s| !s.is_empty()).collect();
        spans.sort_unstable();
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match merged.last_mut() {
                Some(last) if s.start() <= last.end() => last.set_end(last.end().max(s.end())),
                _ => merged.push(s),
            }
        }
        Secrets(merged)
    }

    /// Is the byte at `offset` secret? (A binary search.)
    fn contains(&self, offset: usize) -> bool {
        let i = self.0.partition_point(|s| s.start() <= offset);
        i > 0 && self.0[i - 1].contains(offset)
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
    let first = source.line_of(span.start());
    let last_allowed = first + MAX_SPAN_LINES - 1;
    if source.line_of(span.end().max(span.start())) > last_allowed
        && last_allowed < source.line_count()
    {
        Span::new(
            span.start(),
            source.line_span(last_allowed).end().max(span.start()),
        )
    } else {
        span
    }
}

fn build(
    path: &str,
    source: Option<&Arc<Source>>,
    f: &Finding,
    secrets: &Secrets,
    docs: &str,
) -> FindingDiagnostic {
    let d = &f.diag;
    let mut help = d.help.to_string();
    let mut window = None;
    let mut labels = Vec::new();
    if let Some(src) = source {
        let primary = clip(src, d.span);
        let p_first = src.line_of(primary.start());
        let p_last = src.line_of(primary.end().max(primary.start()));
        let mut first = p_first;
        let mut last = p_last;
        let mut shown_related = Vec::new();
        for (span, label) in &d.related {
            let span = clip(src, *span);
            let r_first = src.line_of(span.start());
            let r_last = src.line_of(span.end().max(span.start()));
            // Related places far away are named in the help instead of widening the window.
            if r_first + 2 * MAX_SPAN_LINES >= p_first && r_last <= p_last + 2 * MAX_SPAN_LINES {
                first = first.min(r_first);
                last = last.max(r_last);
                shown_related.push((span, label.clone()));
            } else {
                let (line, col) = src.line_col(span.start());
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
        let mut focus = vec![primary];
        focus.extend(shown_related.iter().map(|(s, _)| *s));
        let w = Window::new(path, src.clone(), first, last.max(first), &focus, secrets);
        let label = if d.label.is_empty() {
            None
        } else {
            Some(d.label.to_string())
        };
        labels.push(LabeledSpan::new_primary_with_span(label, w.span(primary)));
        for (span, label) in shown_related {
            labels.push(LabeledSpan::new_with_span(
                Some(label.to_string()),
                w.span(span),
            ));
        }
        window = Some(w);
    }
    // Places in other files of the tree are named after the help.
    for l in d.elsewhere.iter().filter(|l| l.path.is_some()) {
        let note = format!(
            "{}:{}:{}: {}",
            l.path.as_deref().unwrap_or(path),
            l.line,
            l.column,
            l.label
        );
        help = if help.is_empty() {
            note
        } else {
            format!("{help}\nsee also {note}")
        };
    }
    // Streamed inputs (inventories) have no source to show: name the place in the message.
    let message = if source.is_none() {
        format!("{path}:{}:{}: {}", f.line, f.column, d.message)
    } else {
        d.message.to_string()
    };
    FindingDiagnostic {
        message,
        code: d.code,
        severity: d.severity,
        help: if help.is_empty() { None } else { Some(help) },
        url: crate::rules::docs_url_at(docs, d.code),
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

/// Render one finding of a file; `secrets` (of the whole file) are masked in its window;
/// `docs` is the rules page the code links to.
pub fn render_finding(
    handler: &GraphicalReportHandler,
    path: &str,
    source: Option<&Arc<Source>>,
    f: &Finding,
    secrets: &Secrets,
    docs: &str,
) -> String {
    let diag = build(path, source, f, secrets, docs);
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
        let secrets = Secrets::of(r);
        for f in &r.findings {
            match f.diag.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
            out.push_str(&render_finding(
                &h,
                &r.path,
                r.source.as_ref(),
                f,
                &secrets,
                &opts.docs,
            ));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn one(bytes: &[u8], span: Span) -> String {
        let src = Arc::new(Source::new(bytes.to_vec()));
        let d = Diagnostic::new("SML001", Severity::Warning, span, "msg").with_label("here");
        let f = Finding::locate(d, &src);
        render_finding(
            &handler(false, false),
            "t.bat",
            Some(&src),
            &f,
            &Secrets::default(),
            "d",
        )
    }

    #[test]
    fn secrets_never_reach_the_window() {
        let bytes = b"@echo off\r\nnet use T: \\\\s\\t Hunter2 /user:x\r\necho Hunter2 ok\r\n";
        let src = Arc::new(Source::new(bytes.to_vec()));
        let at = bytes.windows(7).position(|w| w == b"Hunter2").unwrap_or(0);
        let secret = Span::new(at, at + 7);
        let d = Diagnostic::new("NET101", Severity::Error, secret, "password `****`")
            .with_label("password in clear text")
            .with_secret(secret);
        // A second finding on the next line: its window shows line 2 too.
        let other = Diagnostic::new(
            "SML001",
            Severity::Warning,
            Span::new(at + 30, at + 32),
            "m",
        );
        let findings = vec![Finding::locate(d, &src), Finding::locate(other, &src)];
        let secrets = Secrets::from_spans(findings.iter().flat_map(|f| f.diag.secrets.clone()));
        for f in &findings {
            let out = render_finding(
                &handler(false, false),
                "t.bat",
                Some(&src),
                f,
                &secrets,
                "d",
            );
            let line2 = out.lines().find(|l| l.contains("net use")).unwrap_or("");
            assert!(line2.contains("\\t ******* /user:x"), "{out}");
            assert_eq!(
                out.matches("Hunter2").count(),
                1,
                "only line 3 echoes it: {out}"
            );
        }
    }

    #[test]
    fn high_bytes_and_cr_lf_are_shown_with_true_columns() {
        let out = one(b"echo caf\xe9 x\r\nnext\r\n", Span::new(10, 11));
        assert!(out.contains("[t.bat:1:11]"), "{out}");
        assert!(out.contains("echo café x\n"), "{out}");
        assert!(!out.contains('␍'), "{out}");
        // The label is under the `x` (the é is one column).
        let line = out
            .lines()
            .find(|l| l.contains("echo café x"))
            .unwrap_or("");
        let under = out.lines().find(|l| l.contains('┬')).unwrap_or("");
        let col_x = line.chars().position(|c| c == 'x').unwrap_or(0);
        let col_mark = under.chars().position(|c| c == '┬').unwrap_or(1);
        assert_eq!(col_x, col_mark, "{out}");
    }

    #[test]
    fn long_lines_are_elided_around_the_label() {
        let mut bytes = vec![b'a'; 100_000];
        bytes.extend_from_slice(b"BAD");
        bytes.extend(vec![b'b'; 100_000]);
        bytes.extend_from_slice(b"\r\n");
        let out = one(&bytes, Span::new(100_000, 100_003));
        assert!(out.contains("[t.bat:1:100001]"), "{out}");
        assert!(out.contains("…") && out.contains("BAD"), "{out}");
        assert!(out.len() < 2_000, "{} bytes", out.len());
        let line = out.lines().find(|l| l.contains("BAD")).unwrap_or("");
        let under = out.lines().find(|l| l.contains('┬')).unwrap_or("");
        let col = line.chars().position(|c| c == 'B').unwrap_or(0);
        let first_mark = under
            .chars()
            .position(|c| c == '─' || c == '┬')
            .unwrap_or(1);
        assert_eq!(col, first_mark, "{out}");
    }
}
