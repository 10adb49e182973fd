//! BAT207 errorlevel-zero: `if errorlevel 0` is always true.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{Condition, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT207",
    name: "errorlevel-zero",
    severity: Severity::Warning,
    summary: "`if errorlevel 0` is always true (and `if not errorlevel 0` never)",
    what: "Reports `if errorlevel 0 …` and `if not errorlevel 0 …`.",
    why: "`IF ERRORLEVEL n` is true for exit codes n or higher, and programs exit with 0 or \
          more, so `if errorlevel 0` is true after every program: it does not test for \
          success. Its command always runs (and with `not`, never). A logon script meant to \
          skip SMS on failure, or to run it on success, then does the same thing on every \
          client.",
    example: "%0\\..\\checkras.exe\nif errorlevel 0 goto lan\n",
    fix: "%0\\..\\checkras.exe\nif not errorlevel 1 goto lan\n",
    sources: &[
        "IF /? (IF-help): \"equal to or greater than the number specified\"",
        "cmd-semantics T51 (\"Lint info when `if errorlevel 0` is used (always true)\")",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in &ctx.script.stmts {
        let StmtKind::If(i) = &stmt.kind else {
            continue;
        };
        let Condition::Errorlevel {
            keyword,
            level,
            value: Some(0),
        } = &*i.condition
        else {
            continue;
        };
        let span = keyword.cover(level.span);
        let (msg, help) = if i.not.is_some() {
            (
                "`if not errorlevel 0` is never true: every exit code is 0 or higher, so this \
                 command never runs",
                "to test for failure write `if errorlevel 1`",
            )
        } else {
            (
                "`if errorlevel 0` is always true: it means exit code 0 or higher, which every \
                 program returns, so this command always runs",
                "to test for success write `if not errorlevel 1`",
            )
        };
        out.push(
            RULE.diag(span, msg)
                .with_label(if i.not.is_some() {
                    "never true"
                } else {
                    "always true"
                })
                .with_help(help),
        );
    }
}
