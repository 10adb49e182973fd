//! BAT217 for-variable-single-percent: `for %a in (…)` in a batch file.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::source::{Source, Span};
use crate::syntax::ast::{For, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT217",
    name: "for-variable-single-percent",
    severity: Severity::Error,
    summary: "`for %a in (…)`: one `%` is right at the prompt, but a batch file needs `%%a`",
    what: "Reports a FOR in code that runs whose loop variable is written with one percent \
           sign, a letter, then `in (` (`for %a in (*.txt) do …`, `for /f \"tokens=1\" %i in \
           ('ver') do …`): the form typed at the command prompt, pasted into a batch file. \
           Other malformed FOR lines are BAT107 (opt-in).",
    why: "In a batch file cmd.exe (and COMMAND.COM) first expands `%…%` pairs: the `%` before \
          the loop letter pairs with the next `%` on the line and the text between them is \
          read as a variable name, which is not set, so it vanishes. What is left (`for a`, or \
          `for /f \"…\" c`) is no FOR at all: cmd.exe prints \"… was unexpected at this \
          time.\" and stops the batch file at that line. Nothing after it runs; in a block, the \
          whole block fails.",
    example: "for %f in (*.log) do del \"%f\"\r\necho logs removed\r\n",
    fix: "for %%f in (*.log) do del \"%%f\"\r\necho logs removed\r\n",
    sources: &[
        "FOR /? (FOR-help): \"To use the FOR command in a batch program, specify %%variable instead of %variable\"",
        "cmd-semantics §1.3 (\"a batch file must use `%%x`, the command line `%x`\"; phase 1 runs before special characters are processed), §1.12",
    ],
    check: Some(check),
    opt_in: None,
};

/// The `%a` of `for … %a in (` (one `%`, an ASCII letter, blanks, `in`, blanks, `(`).
pub(crate) fn single_percent_var(src: &Source, f: &For) -> Option<Span> {
    let at = f.var.start();
    let rest = src.bytes().get(at..)?;
    let [b'%', letter, tail @ ..] = rest else {
        return None;
    };
    if !letter.is_ascii_alphabetic() {
        return None;
    }
    let blank = |b: &u8| matches!(b, b' ' | b'\t');
    let gap = tail.iter().take_while(|b| blank(b)).count();
    let tail = &tail[gap..];
    if gap == 0 || tail.len() < 2 || !tail[..2].eq_ignore_ascii_case(b"in") {
        return None;
    }
    let tail = &tail[2..];
    let gap = tail.iter().take_while(|b| blank(b)).count();
    (gap > 0 && tail.get(gap) == Some(&b'(')).then(|| Span::new(at, at + 2))
}

/// The FOR statements BAT217 reports, each as the statement's span and its `%a`: BAT107 and
/// BAT108 leave these lines to BAT217.
pub(crate) fn single_percent_fors<'a>(ctx: &'a Ctx<'_>) -> impl Iterator<Item = (Span, Span)> + 'a {
    ctx.script.stmts.iter().filter_map(|s| match &s.kind {
        StmtKind::For(f) => single_percent_var(ctx.source, f).map(|v| (s.span, v)),
        _ => None,
    })
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    for id in ctx.script.ids() {
        let StmtKind::For(f) = &ctx.script.stmt(id).kind else {
            continue;
        };
        let Some(var) = single_percent_var(src, f) else {
            continue;
        };
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        let shown = src.display(var);
        let letter = &shown[1..];
        out.push(
            RULE.diag(
                var,
                format!(
                    "`{shown}` is the command prompt's form: in a batch file percent expansion \
                     drops the single `%` (or reads it as the start of a `%…%` variable), so \
                     cmd.exe stops the script here with \"… was unexpected at this time.\""
                ),
            )
            .with_label("needs `%%` in a batch file")
            .with_help(format!(
                "write `%%{letter}` here and wherever the loop body reads the variable"
            )),
        );
    }
}
