//! BAT216 paren-in-text-closes-block: a `)` in message text ends the block early.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::always_leaves;
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{SetKind, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT216",
    name: "paren-in-text-closes-block",
    severity: Severity::Warning,
    summary: "A `)` in `echo` or `set /p` text inside a block closes the block early",
    what: "Reports a parenthesised block (of an IF, an ELSE or a FOR) that cmd.exe closes at a \
           `)` of the text of its last `echo` or `set` (`echo Continue? (Y/N)`, `set /p \
           a=Choose (1-3): `), when that text opens a `(` it never closes (so the `)` was \
           meant as text) and a `)` later on the same line or a `)` line further down closes \
           nothing (so the block was meant to end there: `( echo Mode (fast) & set \
           \"SPEED=9\" )` now sets SPEED whatever the test), with a command between the two or after that `)` (with none, only \
           the text's `)` is lost, the flow is as meant: not reported). Quoted or escaped parentheses (`^(Y/N^)`) are text and are not \
           reported.",
    why: "Inside a block, cmd.exe ends the block at the first `)` that is not quoted or \
          escaped, also in the middle of an `echo`. The lines after it up to the `)` meant to \
          close the block are no longer part of it: they run whether the IF's test is true or \
          not (or once after the FOR, not for each item), and the later `)` line is skipped. \
          An elevation prompt or an error exit that should run only on failure then runs on \
          every client. When text follows that `)` on its line (`echo Check (needs a \
          restart)...`), the text is a syntax error: cmd.exe prints \"... was unexpected at \
          this time.\" and stops the script when it reaches the outermost IF or FOR around the block (cmd.exe reads all of it before running any).",
    example: "net session >nul 2>&1\r\nif errorlevel 1 (\r\n  echo Run this as administrator (right-click, Run as administrator)\r\n  pause\r\n  exit /b 1\r\n)\r\n",
    fix: "net session >nul 2>&1\r\nif errorlevel 1 (\r\n  echo Run this as administrator ^(right-click, Run as administrator^)\r\n  pause\r\n  exit /b 1\r\n)\r\n",
    sources: &[
        "cmd-semantics §1.4 (\"Inside a block, the first unquoted, unescaped `)` closes the block, wherever it appears\": `(ECHO Some(more)Potatoes)` closes after `more`)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let script = ctx.script;
    let src = ctx.source;
    // The first `)` line closing nothing, searched once: blocks come in source order.
    let strays: Vec<usize> = script
        .stmts
        .iter()
        .filter(|s| matches!(s.kind, StmtKind::StrayClose))
        .map(|s| s.span.start())
        .collect();
    for id in script.ids() {
        let StmtKind::Block(b) = &script.stmt(id).kind else {
            continue;
        };
        let (Some(close), Some(&last)) = (b.close, b.body.last()) else {
            continue;
        };
        let last_stmt = script.stmt(last);
        let text = match &last_stmt.kind {
            StmtKind::Echo(e) => e.text,
            StmtKind::Set(s) if matches!(s.kind, SetKind::Assign | SetKind::Prompt) => {
                match s.value {
                    Some(v) => v,
                    None => continue,
                }
            }
            _ => continue,
        };
        // The block ends at the `)` right after the text (no redirection in between).
        if text.end() != close.start() || !last_stmt.redirects().is_empty() {
            continue;
        }
        let Some(open) = unclosed_paren(src.slice(text)) else {
            continue;
        };
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        // The `)` the block was meant to close at: a later `)` on the same line (`( echo opt
        // (big) & set "X=1" )`, now text of the command after the block), or the next `)`
        // line that closes nothing.
        let same_line = later_close_on_line(src.bytes(), close.end());
        let k = strays.partition_point(|&s| s < close.end());
        let Some(stray) = same_line.or_else(|| strays.get(k).copied()) else {
            continue;
        };
        // Nothing between the text's `)` and a `)` line with nothing after it: no command
        // leaves the block, and only the text's last `)` is lost (a message's cosmetic flaw,
        // not a change of flow). An `) else (` line is not that: its else-branch then runs.
        let blank = |b: &[u8]| {
            b.iter()
                .all(|&c| matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'@'))
        };
        let stray_rest = &src.bytes()[stray + 1..];
        let stray_rest = &stray_rest[..stray_rest
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
            .unwrap_or(stray_rest.len())];
        if blank(src.slice(Span::new(close.end(), stray))) && blank(stray_rest) {
            continue;
        }
        // The else-branch of a top-level IF whose then-branch always jumps away, with the
        // stray `)` alone on its line: the commands now outside the block run only when
        // the else-branch would have run them (`) else (` / `echo No config (app.cfg)` /
        // `pause` / `)`, after a then-branch ending in `goto :eof`).
        if blank(stray_rest) && else_after_leaving_then(ctx, id) {
            continue;
        }
        let open_line = src.line_of(b.open.start());
        // Where the block was meant to close: the next `)` that closes an enclosing block
        // (each later `)` now closes one level further out), or the stray `)` line.
        let meant = std::iter::successors(script.stmt(id).parent(), |&p| script.stmt(p).parent())
            .find_map(|p| match &script.stmt(p).kind {
                StmtKind::Block(outer) => Some(outer.close),
                _ => None,
            })
            .flatten()
            .map_or(stray, |c| c.start().min(stray));
        let stray_line = src.line_of(meant);
        let there = if same_line.is_some_and(|c| c == meant) {
            "later on this line: what follows it up to that `)`".to_string()
        } else {
            format!("on line {stray_line}: what follows it up to that line")
        };
        let paren = Span::new(text.start() + open, text.start() + open + 1);
        // Text after that `)` on its line: cmd.exe rejects the whole command (the parser
        // records it as a stray close at this `)`).
        let rejected = script.errors.iter().find(|e| {
            e.kind == crate::syntax::ast::SyntaxErrorKind::StrayClose
                && e.span.start() == close.start()
                && e.span.end() > close.end()
        });
        let message = match rejected {
            Some(e) => {
                // cmd.exe names the first token after the `)`: delimiters (blanks, `;`,
                // `,`, `=`) are skipped, and the token ends at the next one
                // (`…(exit 1); skipping.` prints "skipping. was unexpected …").
                let rest = src.slice(Span::new(close.end(), e.span.end()));
                let delim = |c: &u8| matches!(c, b' ' | b'\t' | b';' | b',' | b'=');
                let from = rest.iter().position(|c| !delim(c)).unwrap_or(rest.len());
                let len = rest[from..]
                    .iter()
                    .position(|c| delim(c) || matches!(c, b'\r' | b'\n'))
                    .unwrap_or(rest.len() - from);
                let at = close.end() + from;
                let after =
                    crate::rules::bat_util::snippet(src, Span::new(at, at + len), 30, false);
                let after = after.trim();
                // cmd.exe reads the whole statement the block is part of (the outermost IF
                // or FOR around it) before it runs any of it: the error comes there.
                let top = std::iter::successors(Some(id), |&p| script.stmt(p).parent())
                    .last()
                    .unwrap_or(id);
                let top_line = src.line_of(script.stmt(top).span.start());
                let top_what = match script.stmt(top).kind {
                    StmtKind::If(_) => "the IF on line",
                    StmtKind::For(_) => "the FOR on line",
                    StmtKind::Block(_) => "the block on line",
                    _ => "line",
                };
                format!(
                    "this `)` in the text closes the block opened on line {open_line}: \
                     `{after}` after it is then a syntax error, so cmd.exe prints \"{after} \
                     was unexpected at this time.\" and stops the script when it reaches \
                     {top_what} {top_line}"
                )
            }
            None => {
                // `) else (` meant to end the then-block, now at the top level: cmd.exe
                // ignores a `)` line there, `else` and all, so the else-branch's lines run
                // every time too.
                let top_if = script
                    .stmt(id)
                    .parent()
                    .is_some_and(|p| script.stmt(p).parent().is_none());
                let else_line = stray == meant
                    && same_line.is_none()
                    && top_if
                    && stray_rest
                        .trim_ascii_start()
                        .get(..4)
                        .is_some_and(|w| w.eq_ignore_ascii_case(b"else"));
                let also = if else_line {
                    format!(
                        "; the `) else (` on line {stray_line} is then a `)` line, which cmd.exe \
                         ignores, so the else-branch after it runs every time as well"
                    )
                } else {
                    String::new()
                };
                format!(
                    "this `)` in the text closes the block opened on line {open_line} here, not \
                     at the `)` {there} is no longer part of the block and runs regardless of \
                     the block's test (or once, not for each item of a FOR), and the text loses \
                     its `)`{also}"
                )
            }
        };
        out.push(
            RULE.diag(close, message)
                .with_label("closes the block")
                .with_related(paren, "opened as text here")
                .with_help("escape the parentheses of the text: `^(` and `^)`"),
        );
    }
}

/// `block` is the else-branch of an IF at the top level whose then-branch always jumps
/// away or exits ([`always_leaves`]), so nothing after the IF runs when the then-branch does.
fn else_after_leaving_then(ctx: &Ctx<'_>, block: StmtId) -> bool {
    let script = ctx.script;
    let Some(parent) = script.stmt(block).parent() else {
        return false;
    };
    let p = script.stmt(parent);
    let StmtKind::If(i) = &p.kind else {
        return false;
    };
    p.parent().is_none() && i.else_.map(|(_, e)| e) == Some(block) && always_leaves(ctx, parent, i)
}

/// The offset of the first `)` after `from` on its line, outside double quotes and not
/// escaped by a caret.
fn later_close_on_line(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quoted = false;
    let mut i = from;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'\r' | b'\n' => return None,
            b'"' => quoted = !quoted,
            b'^' if !quoted => i += 1,
            b')' if !quoted => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The offset of a `(` of `text` that no later `)` closes, outside double quotes and not
/// escaped by a caret.
fn unclosed_paren(text: &[u8]) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'"' => quoted = !quoted,
            b'^' if !quoted => i += 1,
            b'(' if !quoted => open.push(i),
            b')' if !quoted => {
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    open.last().copied()
}

#[cfg(test)]
mod tests {
    use super::unclosed_paren;

    #[test]
    fn only_a_bare_unmatched_open_paren_counts() {
        assert_eq!(unclosed_paren(b"Continue? (Y/N"), Some(10));
        assert_eq!(unclosed_paren(b"a (b) (c"), Some(6));
        for none in [
            &b"a (b)"[..],
            b"no parens",
            b"\"(quoted\"",
            b"^(escaped",
            b"",
        ] {
            assert_eq!(
                unclosed_paren(none),
                None,
                "{}",
                String::from_utf8_lossy(none)
            );
        }
    }
}
