//! SMS101 missing-upgrade-gate.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms;

pub static RULE: Rule = Rule {
    code: "SMS101",
    name: "missing-upgrade-gate",
    severity: Severity::Error,
    summary: "An SMS upgrade window is open and the logon script does not start with a `GOTO END` gate",
    what: "With `upgrade_window = true` (smslint.toml) or `--upgrade-window`, reports a logon \
           script (SMSLS.BAT, or a file matching `logon_scripts`) whose first executable \
           statement is not an unconditional `goto`. Blank lines, `REM`, `::`, labels, \
           `@echo off`/`echo off`, `cls` and `setlocal` are skipped when looking for the first \
           executable statement. The finding points at that statement. A logon script whose \
           only SMS client programs are calls to scripts of the tree that run no client setup \
           (a gated SMSLS.BAT) needs no gate of its own.",
    why: "While a site is being upgraded to a new service pack, every client that runs the \
          logon script starts the client upgrade (8 to 24 MB per client, Q237543) at logon, \
          all at once and over any link, including RAS. Microsoft's upgrade procedure is to put \
          `GOTO END` at the top of SMSLS.BAT for the duration of the upgrade and to re-enable \
          logon processing gradually afterwards (Q237543, Q238780).",
    example: "@echo off\r\nREM SMS 2.0 logon script\r\n%0\\..\\SNBOOT.EXE %0 /s\r\n:END\r\n",
    fix: "@echo off\r\nREM SMS 2.0 logon script\r\nGOTO END\r\n%0\\..\\SNBOOT.EXE %0 /s\r\n:END\r\n\r\n\
          `smslint gate on SMSLS.BAT` or `smslint check --fix --upgrade-window` makes this \
          edit; `smslint gate off` removes it after the window.",
    sources: &["Q237543", "Q238780", "sms-domain.md §1.5, §4.1"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.settings.upgrade_window || !ctx.settings.logon_script {
        return;
    }
    if sms::gate(ctx.script, ctx.source, ctx.settings).is_some() {
        return;
    }
    // Every client program it runs is another script of the tree that runs no client setup
    // (a gated SMSLS.BAT): that script's gate already holds logons back.
    let calls = ctx.sms().client_calls(ctx.flow);
    let tree = &ctx.settings.tree;
    if !calls.is_empty()
        && calls
            .iter()
            .all(|c| tree.callee(c.inv.stmt).is_some_and(|k| !k.runs_setup))
    {
        return;
    }
    let Some(first) = sms::first_executable(ctx.script, ctx.source) else {
        return;
    };
    let span = sms::head_span(ctx.source, ctx.script.stmt(first).span);
    out.push(
        RULE.diag(
            span,
            "the SMS upgrade window is open but this logon script has no `GOTO END` gate: every \
             client that logs on runs SMS client setup and starts the service-pack upgrade \
             (8-24 MB each) at logon, over any link (Q237543, Q238780)",
        )
        .with_label("first executable statement: logon processing runs from here")
        .with_help(
            "insert `GOTO END` before this statement and a `:END` label at the end \
             (`smslint gate on FILE` or `smslint check --fix`); remove it after the window",
        ),
    );
}
