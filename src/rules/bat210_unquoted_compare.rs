//! BAT210 unquoted-compare: an unquoted `%var%` operand of an IF comparison.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{snippet, word_is_only_expansions};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{Condition, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT210",
    name: "unquoted-compare",
    severity: Severity::Warning,
    summary: "An IF comparison operand that is only an unquoted `%var%` / `%1`",
    what: "Reports an operand of `==` (or `EQU` …) that consists only of `%var%`, `%1`, `%*` \
           or `%~…` expansions, without quotes. cmd.exe's `%ERRORLEVEL%`, `%RANDOM%` and \
           `%CMDEXTVERSION%` are never empty and are not reported, except in code Windows 9x \
           clients run (COMMAND.COM does not define them).",
    why: "Variables are expanded before IF parses the line. When the value is empty, \
          `if %1==x goto a` becomes `if ==x goto a`, and cmd.exe stops the script with \
          \"goto was unexpected at this time\" (COMMAND.COM: \"Syntax error\"); a value with a \
          space breaks the line the same way. Logon scripts run with no arguments and with \
          unset variables on some clients (`%OS%` is empty on Windows 9x), so the script aborts \
          exactly there.",
    example: "if %OS%==Windows_NT goto nt\n",
    fix: "if \"%OS%\"==\"Windows_NT\" goto nt\n",
    sources: &[
        "cmd-semantics §1.11 (kb-note: \"quote both sides\"), T42",
        "IF /? (IF-help)",
        "Q136073, Q121388 (`if \"%OS%\" == \"Windows_NT\"`, quoted, in Microsoft's SMS scripts)",
    ],
    check: Some(check),
    opt_in: Some(
        "Most unquoted comparisons in working scripts compare values that are never empty, so the rule stays opt-in until its precision on real scripts reaches 90 %.",
    ),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let StmtKind::If(i) = &stmt.kind else {
            continue;
        };
        let Condition::Compare { lhs, rhs, .. } = &*i.condition else {
            continue;
        };
        for w in [lhs, rhs] {
            if !word_is_only_expansions(ctx.script, src, w) {
                continue;
            }
            // cmd.exe's dynamic variables that are never empty and have no spaces; COMMAND.COM
            // has none of them, so they count only where Windows 9x cannot run the line.
            let always_set = matches!(
                src.slice(w.span).to_ascii_lowercase().as_slice(),
                b"%errorlevel%" | b"%random%" | b"%cmdextversion%"
            );
            if always_set && (!ctx.settings.targets.win9x || ctx.flow.is_nt_only(id)) {
                continue;
            }
            let shown = snippet(src, w.span, 60, false);
            out.push(
                RULE.diag(
                    w.span,
                    format!(
                        "if `{shown}` is empty or contains a space, this IF line becomes a \
                         syntax error: cmd.exe stops the script here (\"… was unexpected at this \
                         time\"), COMMAND.COM prints \"Syntax error\""
                    ),
                )
                .with_label("unquoted, may be empty")
                .with_help(format!("quote both sides: `\"{shown}\"==\"…\"`")),
            );
        }
    }
}
