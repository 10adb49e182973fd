//! SMS103 gate-left-in-place.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms;

pub static RULE: Rule = Rule {
    code: "SMS103",
    name: "gate-left-in-place",
    severity: Severity::Warning,
    summary: "A logon script is gated off although no upgrade window is open",
    what: "With no upgrade window declared, reports the gate of a logon script (its first \
           executable statement is an unconditional `goto`) when no SMS client program is \
           reachable after it.",
    why: "The `GOTO END` gate switches off Windows Networking Logon Discovery and Logon Client \
          Installation for every client that runs the script. Left in place after the upgrade, \
          new computers are never discovered or installed, and clients whose SMS client broke \
          are never repaired from the logon point. Q238780 tells admins to re-enable logon \
          processing (gradually) once the site upgrade is done.",
    example: "@echo off\r\nGOTO END\r\n%0\\..\\SNBOOT.EXE %0\r\n:END\r\n",
    fix: "@echo off\r\n%0\\..\\SNBOOT.EXE %0\r\n:END\r\n\r\n`smslint gate off SMSLS.BAT` removes the gate; \
          or declare `upgrade_window = true` while the window lasts.",
    sources: &["Q238780", "Q237543"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.settings.upgrade_window {
        return;
    }
    let Some(gate) = sms::gate(ctx.script, ctx.source, ctx.settings) else {
        return;
    };
    let analysis = ctx.sms();
    if !analysis.client_calls(ctx.flow).is_empty() {
        return;
    }
    out.push(
        RULE.diag(
            gate.span,
            "this logon script is gated off but no upgrade window is declared: no client runs \
             SMS logon discovery or client installation, so new computers are never discovered \
             or installed and broken clients are not repaired (Q238780)",
        )
        .with_label("gate: nothing after it runs SMS")
        .with_help(
            "remove the gate once the upgrade is done (`smslint gate off FILE`), or set \
             `upgrade_window = true` while the window lasts",
        ),
    );
}
