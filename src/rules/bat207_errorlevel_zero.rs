//! BAT207 errorlevel-zero: `if errorlevel 0` is always true.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{Condition, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT207",
    name: "errorlevel-zero",
    severity: Severity::Warning,
    summary: "`if errorlevel 0` is always true (and `if not errorlevel 0` never)",
    what: "Reports `if errorlevel 0 …`, and `if not errorlevel 0 …` in code Windows 9x \
           clients run (on NT it detects negative exit codes and is not reported).",
    why: "`IF ERRORLEVEL n` is true for exit codes n or higher. Programs report failure with \
          1 or more, so `if errorlevel 0` is true after success and failure alike: it does \
          not test for success, and its command runs either way (on NT only a negative exit \
          code, from `exit /b -1` or a crash, makes it false). COMMAND.COM's exit codes are 0 \
          to 255, so there `if not errorlevel 0` never runs its command. A logon script meant \
          to skip SMS on failure, or to run it on success, then does the same thing on every \
          client.",
    example: "%0\\..\\checkras.exe\nif errorlevel 0 goto lan\n",
    fix: "%0\\..\\checkras.exe\nif not errorlevel 1 goto lan\n",
    sources: &[
        "IF /? (IF-help): \"equal to or greater than the number specified\"",
        "cmd-semantics T51 (\"Lint info when `if errorlevel 0` is used (always true)\")",
        "precision study, portability.md F7 (negative exit codes on NT; MS-DOS 4.0 TBATCH2.ASM IFERLEV: the errorlevel is a byte)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let StmtKind::If(i) = &stmt.kind else {
            continue;
        };
        let Condition::Errorlevel {
            keyword,
            level,
            value: Some(0),
        } = &i.condition
        else {
            continue;
        };
        // On NT an exit code can be negative (`exit /b -1`, NTSTATUS crash codes), and then
        // `if errorlevel 0` is false: `if not errorlevel 0` is a real test there. It is
        // never true only where COMMAND.COM (a byte-sized errorlevel) runs the line.
        if i.not.is_some() && (!ctx.settings.targets.win9x || ctx.flow.is_nt_only(id)) {
            continue;
        }
        let span = keyword.cover(level.span);
        let (msg, help) = if i.not.is_some() {
            (
                "`if not errorlevel 0` is never true on Windows 9x: COMMAND.COM's exit codes \
                 are 0 to 255, so this command never runs there",
                "to test for failure write `if errorlevel 1`",
            )
        } else {
            (
                "`if errorlevel 0` is true after every program that did not crash: it means \
                 exit code 0 or higher, so this command runs on success and on failure alike",
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
