//! BAT101 unclosed-block: a `(` block that is never closed.

use rustc_hash::FxHashSet as HashSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::SyntaxErrorKind;

pub static RULE: Rule = Rule {
    code: "BAT101",
    name: "unclosed-block",
    severity: Severity::Error,
    summary: "A `(` block is never closed",
    what: "Reports every `(` that opens a block (in command position, after `if …`, `else` or \
           `do`) and has no matching `)` before the end of the file. The finding is on the \
           opening `(`.",
    why: "cmd.exe keeps appending lines to an open block until its parenthesis counter drops \
          back to zero. When the file ends first, every line after the `(` has been swallowed \
          into a block that never completes, and cmd.exe runs none of it: the commands after the \
          `(` (often the SMS client call at the end of a logon script) silently never run, and \
          labels below it are only reachable by a GOTO that loses the block context.",
    example: "if exist %windir%\\system32\\rasapi32.dll (\n    goto ras\n:lan\ncall %0\\..\\smsls\n",
    fix: "if exist %windir%\\system32\\rasapi32.dll (\n    goto ras\n)\n:lan\ncall %0\\..\\smsls\n",
    sources: &[
        "cmd-semantics §1.2 (DT-3587: \"If the line end is reached and the parenthesis counter is > 0 the next line will be appended\")",
        "cmd-semantics §1.4 (blocks, first unquoted `)` closes)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::default();
    let mut push = |open: crate::source::Span, out: &mut Vec<Diagnostic>| {
        if !seen.insert(open.start()) {
            return;
        }
        let line = ctx.source.line_of(open.start());
        out.push(
            RULE.diag(
                open,
                format!(
                    "the `(` on line {line} is never closed: cmd.exe reads every following line \
                     to the end of the file into this block, so none of them runs as written"
                ),
            )
            .with_label("this `(` has no matching `)`")
            .with_help("add the closing `)` where the block should end (on its own line or after the last command of the block)"),
        );
    };
    // The parser records every block still open at the end of the file, except one it
    // opened only on a guess (a `(` after a `%var%` command the file never sets).
    for err in &ctx.script.errors {
        if err.kind == SyntaxErrorKind::UnclosedBlock {
            push(err.span, out);
        }
    }
}
