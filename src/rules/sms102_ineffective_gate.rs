//! SMS102 ineffective-gate.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms;

pub static RULE: Rule = Rule {
    code: "SMS102",
    name: "ineffective-gate",
    severity: Severity::Error,
    summary: "The logon script's upgrade gate still lets an SMS client program run",
    what: "With an upgrade window open, reports the gate of a logon script (its first \
           executable statement, an unconditional `goto`) when an SMS client program \
           (SMSLS, SNBOOT, SMSBOOT1, SLOWNET/SLWNT*, BOOT32WN, CLICORE, SMSMAN, CLI_NT, \
           SETLS* …) is still reachable after it, following labels as cmd.exe resolves them. \
           Typical cases: `GOTO START` where `:START` precedes the SMS calls, or a gate to a \
           label placed before the client setup. The related location is the first call \
           still reachable.",
    why: "The gate exists so that no client starts the service-pack upgrade from the logon \
          script during the window (Q237543, Q238780). A gate that jumps to a label before \
          the SMS calls looks right in review but disables nothing: every client that logs on \
          still runs client setup and upgrades.",
    example: "GOTO START\r\n:START\r\n%0\\..\\SNBOOT.EXE %0\r\n:END\r\n",
    fix: "GOTO END\r\n:START\r\n%0\\..\\SNBOOT.EXE %0\r\n:END\r\n",
    sources: &["Q237543", "Q238780"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.settings.upgrade_window {
        return;
    }
    let Some(gate) = sms::gate(ctx.script, ctx.source, ctx.settings) else {
        return;
    };
    let analysis = ctx.sms();
    let calls = analysis.client_calls(ctx.flow);
    let Some(first) = calls.first() else {
        return;
    };
    out.push(
        RULE.diag(
            gate.span,
            format!(
                "this upgrade gate does not stop SMS: `{}` is still reachable after it, so every \
                 client that logs on during the upgrade window still runs client setup and \
                 upgrades (Q237543, Q238780)",
                ctx.source.display(first.inv.word.span)
            ),
        )
        .with_label("gate that lets SMS client setup run")
        .with_related(first.inv.word.span, "still reachable after the gate")
        .with_help("make the gate `GOTO END` with `:END` after the last SMS call (at the end of the script)"),
    );
}
