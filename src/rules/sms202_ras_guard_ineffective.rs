//! SMS202 ras-guard-ineffective.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "SMS202",
    name: "ras-guard-ineffective",
    severity: Severity::Warning,
    summary: "A RAS check exists but the RAS branch still reaches an SMS client program",
    what: "Reports a reachable SMS client-program call site that every path reaches through a \
           RAS check (its state set has no `unknown`) but that the RAS branch of a check still \
           reaches (the set contains `ras`). Typical cases: `if errorlevel 1 goto X` followed \
           directly by `:X` (the Q185346 sample), a jump to a label above the SMS call, the \
           polarity reversed (`if not errorlevel 1 goto SKIP`), or both branches joining \
           before the call. The RAS branch may come from a script of the tree that calls this one \
           (a called script starts in its callers' states). Not reported: SMSRUN16/SMSRUN32 \
           reached on the RAS branch only, the deliberate Q185344 workaround that gets SMS 1.2 \
           RAS clients their service pack (SMS401 reports the 1.2 agent). The severity is error \
           while an upgrade window is open.",
    why: "The script looks guarded, so nobody checks it again, but dial-in clients still run \
          SMS client setup over the RAS link and download the client or the upgrade over it \
          (Q237543). The Q185346 IPCONFIG sample is this no-op: its `IF errorlevel 1 GOTO \
          SKIP_RAS` is followed directly by `:SKIP_RAS`.",
    example: "%0\\..\\checkras.exe > nul\r\nif errorlevel 1 goto SKIPRAS\r\n:SKIPRAS\r\ncall %0\\..\\smsls\r\n",
    fix: "%0\\..\\checkras.exe > nul\r\nif errorlevel 1 goto SKIPRAS\r\ncall %0\\..\\smsls\r\n:SKIPRAS\r\n",
    sources: &["Q185346", "Q237543", "Q224388", "Q185344 (the RAS-only SMSRUN16 call)"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let analysis = ctx.sms();
    let severity = ctx.ras_severity(&RULE);
    // Spans of the errorlevel tests of the RAS checks, in source order (at the first
    // finding).
    let mut tests: Option<Vec<crate::source::Span>> = None;
    for call in analysis.client_calls(ctx.flow) {
        if call.state.has_unknown() || !call.state.has_ras() {
            continue;
        }
        // A call into another script of the tree: the callee reports it.
        if ctx.settings.tree.callee(call.inv.stmt).is_some() {
            continue;
        }
        // Q185344: SMS 1.2 runs SMSRUN16/SMSRUN32 again on the RAS branch only, on purpose, so
        // RAS clients get their service pack (SMS401 reports the 1.2 agent itself).
        if !call.state.has_lan() && matches!(call.inv.name.as_bytes(), b"smsrun16" | b"smsrun32") {
            continue;
        }
        let name = ctx.source.display(call.inv.word.span);
        let mut d = RULE
            .diag(
                call.inv.word.span,
                format!(
                    "`{name}` is reached on the RAS branch of the RAS check: the guard does not \
                     skip it, so dial-in clients still run SMS client setup over the RAS link \
                     (Q185346, Q237543)"
                ),
            )
            .with_label(format!(
                "SMS client program reached in state {}",
                call.state.describe()
            ))
            .with_help(
                "make the RAS branch (errorlevel >= N after checkras) jump past every SMS call, \
                 e.g. `if errorlevel 1 goto SKIPSMS` with `:SKIPSMS` after the calls",
            );
        // The RAS check nearest before the call (else the first one).
        let call_start = ctx.script.stmt(call.inv.stmt).span.start();
        let tests = tests.get_or_insert_with(|| {
            let mut t: Vec<crate::source::Span> = ctx
                .sms()
                .ras_checks
                .iter()
                .map(|c| ctx.script.stmt(c.test).span)
                .collect();
            t.sort();
            t
        });
        let i = tests.partition_point(|t| t.start() < call_start);
        if let Some(t) = tests.get(i.saturating_sub(1)) {
            d = d.with_related(*t, "RAS check whose RAS branch reaches the call");
        } else {
            // The check is in a script that calls this one.
            d.append_message(
                " (the RAS check whose RAS branch gets here is in a script that calls this one)",
            );
        }
        d.severity = severity;
        out.push(d);
    }
}
