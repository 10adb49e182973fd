//! BAT305 win9x-multiline-nt-block: a multi-line `if "%OS%"=="Windows_NT" (` block, whose inner
//! lines Windows 9x runs anyway.

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::os_test_is_nt;
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::StmtKind;

pub static RULE: Rule = Rule {
    code: "BAT305",
    name: "win9x-multiline-nt-block",
    severity: Severity::Warning,
    summary: "A multi-line `if \"%OS%\"==\"Windows_NT\" (` block: Windows 9x runs its inner lines anyway",
    what: "Only in files Windows 9x clients run (see BAT302), and not in a file BAT302 reports \
           once as written for cmd.exe only (that finding covers the file). Reports an `if \"%OS%\"==\"Windows_NT\" (` (any \
           quoting, spacing, `/i` or case) whose parenthesised then-block spans several lines, \
           when Windows 9x clients reach the IF.",
    why: "COMMAND.COM on Windows 95/98/ME has no `( … )` blocks: it reads a batch file one line \
          at a time. The OS test is false there, so it skips the IF line only, then runs every \
          line inside the block, the code meant for Windows NT, as ordinary commands, and fails \
          on the closing `)` line (\"Bad command or file name\"). The NT-only commands (often \
          cmd.exe-only syntax) run on the clients the test was meant to protect.",
    example: "if \"%OS%\"==\"Windows_NT\" (\n  setlocal\n  net use h: /home /persistent:no\n)\n",
    fix: "if not \"%OS%\"==\"Windows_NT\" goto not_nt\nsetlocal\nnet use h: /home /persistent:no\n:not_nt\n",
    sources: &[
        "cmd-semantics §1.16 (`( … )` blocks and ELSE are cmd.exe-only; DOS622-IF, IF-help)",
        "sms-domain §1.2 (the `if \"%OS%\"==\"Windows_NT\"` idiom, Q136073, Q121388, Q200791)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.settings.targets.win9x {
        return;
    }
    let src = ctx.source;
    // [`crate::flow::script_sets_os`], found at the first candidate.
    let mut own_os: Option<bool> = None;
    for id in ctx.script.ids() {
        let StmtKind::If(i) = &ctx.script.stmt(id).kind else {
            continue;
        };
        if i.not.is_some() || !ctx.win9x().runs(id) || !os_test_is_nt(src, &i.condition) {
            continue;
        }
        let Some(then) = i.then else { continue };
        let StmtKind::Block(b) = &ctx.script.stmt(then).kind else {
            continue;
        };
        // `%OS%` is the script's own variable (`set OS=64BIT`): no test of the system.
        if *own_os.get_or_insert_with(|| crate::flow::script_sets_os(src, ctx.script)) {
            return;
        }
        let open_line = src.line_of(b.open.start());
        let Some(close) = b.close else { continue };
        if crate::rules::bat302_win9x_incompatible::written_for_cmd_only(ctx) {
            return;
        }
        let close_line = src.line_of(close.start());
        if close_line <= open_line {
            continue;
        }
        let inner = match close_line - open_line {
            1 => String::new(),
            2 => format!(
                "runs line {} (meant for Windows NT) as an ordinary command and ",
                open_line + 1
            ),
            _ => format!(
                "runs lines {}-{} (meant for Windows NT) as ordinary commands and ",
                open_line + 1,
                close_line - 1
            ),
        };
        out.push(
            RULE.diag(
                b.open,
                format!(
                    "COMMAND.COM on Windows 9x has no `( … )` blocks: it skips only line \
                     {open_line}, then {inner}fails on the `)` on line {close_line}"
                ),
            )
            .with_label("Windows 9x does not skip the block")
            .with_related(close, "\"Bad command or file name\" on Windows 9x")
            .with_help(
                "jump over the NT code instead: `if not \"%OS%\"==\"Windows_NT\" goto <label>`, the NT \
                 commands, then `:<label>` (or keep the whole block on one line)",
            ),
        );
    }
}
