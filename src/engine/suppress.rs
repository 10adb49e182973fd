//! Suppression comments: `REM smslint: disable=CODE[,CODE]` / `:: smslint: disable=…` for the
//! next statement, `REM smslint: disable-file=CODE[,…]` for the whole file.

use crate::diagnostic::Diagnostic;
use crate::source::{Source, Span};
use crate::syntax::ast::Script;

/// What a directive covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole file.
    File,
    /// Physical lines `first..=last` (1-based): the next statement's whole logical line.
    Lines { first: usize, last: usize },
    /// A `disable=` with no statement after it.
    Nothing,
}

/// One code named in a directive.
#[derive(Clone, Debug)]
pub struct DirectiveCode {
    /// Upper-cased code.
    pub code: String,
    /// The code's bytes in the directive.
    pub span: Span,
    /// Set when the code suppressed at least one finding.
    pub used: bool,
}

#[derive(Clone, Debug)]
pub struct Directive {
    pub scope: Scope,
    pub codes: Vec<DirectiveCode>,
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | 0x0B | 0x0C | b';' | b',' | b'=')
}

/// If the physical line is a comment (`REM …`, `:: …`, after blanks and `@`), the offset of
/// the comment text.
fn comment_text(bytes: &[u8], span: Span) -> Option<usize> {
    let line = &bytes[span.start()..span.end()];
    let mut i = 0;
    while i < line.len() && (is_blank(line[i]) || line[i] == b'@') {
        i += 1;
    }
    let rest = &line[i..];
    if rest.starts_with(b"::") {
        return Some(span.start() + i + 2);
    }
    if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"rem") {
        match rest.get(3) {
            None => return Some(span.start() + i + 3),
            Some(b' ' | b'\t' | b'\r') => return Some(span.start() + i + 4),
            _ => {}
        }
    }
    None
}

fn is_blank_line(bytes: &[u8], span: Span) -> bool {
    bytes[span.start()..span.end()]
        .iter()
        .all(|&b| matches!(b, b' ' | b'\t' | b'\r' | 0x0B | 0x0C))
}

/// Parse `smslint: disable[-file]=CODE, CODE` at `at`. Returns (file scope?, codes).
fn parse_directive(bytes: &[u8], at: usize, end: usize) -> Option<(bool, Vec<DirectiveCode>)> {
    let text = &bytes[at..end];
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < text.len() && matches!(text[*i], b' ' | b'\t') {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    let kw = b"smslint:";
    if text.len() < i + kw.len() || !text[i..i + kw.len()].eq_ignore_ascii_case(kw) {
        return None;
    }
    i += kw.len();
    skip_ws(&mut i);
    let file = if text[i..].len() >= 13 && text[i..i + 13].eq_ignore_ascii_case(b"disable-file=") {
        i += 13;
        true
    } else if text[i..].len() >= 8 && text[i..i + 8].eq_ignore_ascii_case(b"disable=") {
        i += 8;
        false
    } else {
        return None;
    };
    let mut codes = Vec::new();
    loop {
        skip_ws(&mut i);
        let start = i;
        while i < text.len() && text[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i > start {
            codes.push(DirectiveCode {
                code: String::from_utf8_lossy(&text[start..i]).to_ascii_uppercase(),
                span: Span::new(at + start, at + i),
                used: false,
            });
        }
        skip_ws(&mut i);
        if i < text.len() && text[i] == b',' {
            i += 1;
        } else {
            break;
        }
    }
    Some((file, codes))
}

/// Find every directive in the file. `script` gives the extent of the statement after a
/// `disable=` directive (a parenthesised block is one logical line).
pub fn collect(source: &Source, script: &Script) -> Vec<Directive> {
    let bytes = source.bytes();
    // Fast path: most files have no directive at all.
    if !contains_directive_keyword(bytes) {
        return Vec::new();
    }
    let n = source.line_count();
    let mut out = Vec::new();
    let mut ends: Option<Vec<usize>> = None;
    for line in 1..=n {
        let span = source.line_span(line);
        let Some(at) = comment_text(bytes, span) else {
            continue;
        };
        let Some((file, codes)) = parse_directive(bytes, at, span.end()) else {
            continue;
        };
        if codes.is_empty() {
            continue;
        }
        let scope = if file {
            Scope::File
        } else {
            // The next line that is neither blank nor a comment.
            let mut next = line + 1;
            while next <= n {
                let s = source.line_span(next);
                if !is_blank_line(bytes, s) && comment_text(bytes, s).is_none() {
                    break;
                }
                next += 1;
            }
            if next > n {
                Scope::Nothing
            } else {
                let ends = ends.get_or_insert_with(|| logical_ends(source, script));
                let mut last = ends.get(next).copied().unwrap_or(next).max(next);
                // Caret continuations join physical lines into one logical line.
                loop {
                    let s = source.line_span(last);
                    let content = &bytes[s.start()..s.end()];
                    let carets = content.iter().rev().take_while(|&&b| b == b'^').count();
                    if carets % 2 == 1 && last < n {
                        last += 1;
                        last = last.max(ends.get(last).copied().unwrap_or(last));
                    } else {
                        break;
                    }
                }
                Scope::Lines { first: next, last }
            }
        };
        out.push(Directive { scope, codes });
    }
    out
}

/// For each physical line, the last line of the statements that start on it.
fn logical_ends(source: &Source, script: &Script) -> Vec<usize> {
    let mut ends = vec![0usize; source.line_count() + 2];
    for st in &script.stmts {
        let first = source.line_of(st.span.start());
        let last = source.line_of(st.span.end().saturating_sub(1).max(st.span.start()));
        if let Some(e) = ends.get_mut(first) {
            *e = (*e).max(last);
        }
    }
    ends
}

/// Does `hay` contain `smslint:` in any case (`tree::calls::smslint_keyword`)?
fn contains_directive_keyword(hay: &[u8]) -> bool {
    crate::tree::calls::smslint_keyword(hay).is_some()
}

/// Drop the diagnostics a directive covers, marking the codes that were used.
pub fn apply(source: &Source, directives: &mut [Directive], diags: &mut Vec<Diagnostic>) {
    if directives.is_empty() {
        return;
    }
    diags.retain(|d| {
        let line = source.line_of(d.span.start());
        let mut suppressed = false;
        for dir in directives.iter_mut() {
            let covers = match dir.scope {
                Scope::File => true,
                Scope::Lines { first, last } => first <= line && line <= last,
                Scope::Nothing => false,
            };
            if !covers {
                continue;
            }
            for c in dir.codes.iter_mut() {
                if c.code == d.code {
                    c.used = true;
                    suppressed = true;
                }
            }
        }
        !suppressed
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_are_found_with_their_scope() {
        let src = Source::new(
            b"@echo off\r\nREM smslint: disable=BAT201, bat202 because\r\n\r\n:: note\r\ngoto x ^\r\n  more\r\necho\r\n  :: SMSLINT: DISABLE-FILE=SML001\r\n"
                .to_vec(),
        );
        let d = collect(&src, &Script::default());
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].scope, Scope::Lines { first: 5, last: 6 });
        let codes: Vec<_> = d[0].codes.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["BAT201", "BAT202"]);
        assert_eq!(src.slice(d[0].codes[1].span), b"bat202");
        assert_eq!(d[1].scope, Scope::File);
    }

    #[test]
    fn a_directive_at_the_end_covers_nothing() {
        let src = Source::new(b"echo\nrem smslint: disable=BAT101\n\n".to_vec());
        let d = collect(&src, &Script::default());
        assert_eq!(d[0].scope, Scope::Nothing);
    }

    #[test]
    fn not_a_directive() {
        let src =
            Source::new(b"echo smslint: disable=BAT101\nremark smslint: disable=X\n".to_vec());
        assert!(collect(&src, &Script::default()).is_empty());
    }
}
