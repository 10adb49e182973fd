//! SMS203 ras-guard-weak.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms::WeakGuardKind;

pub static RULE: Rule = Rule {
    code: "SMS203",
    name: "ras-guard-weak",
    severity: Severity::Warning,
    summary: "The only RAS guard tests that RAS is installed, or an IPCONFIG subnet mask",
    what: "Reports `if exist …\\rasapi32.dll` tests and `ipconfig | find …` tests in a script \
           that reaches an SMS client program and has no real RAS check (`checkras` or a \
           `ras_guards` program followed by an errorlevel test): the weak test is the only \
           guard. Used as a pre-check before CHECKRAS, as in Q224388, they are fine and not \
           reported.",
    why: "RASAPI32.DLL exists on every machine with Dial-Up Networking installed, docked \
          laptops on the LAN included: the test says RAS is installed, not that this logon \
          came over RAS (Q224388). Used alone it either skips SMS on every such machine, so \
          they are never discovered, installed or upgraded from the logon script, or (tested \
          the other way round) lets dial-in clients through. The IPCONFIG test only works on Windows NT (Windows 95 has \
          no IPCONFIG) and depends on the mask: Q185346 looks for 255.255.0.0 but the Windows \
          2000 dial-up adapter always has 255.255.255.255 (Q235797). Dial-in clients that the \
          test misses run SMS client setup over the RAS link.",
    example: "if exist %windir%\\system32\\rasapi32.dll goto SKIPSMS\r\ncall %0\\..\\smsls\r\n:SKIPSMS\r\n",
    fix: "if not exist %windir%\\system32\\rasapi32.dll goto RUNSMS\r\n%0\\..\\checkras.exe > nul\r\n\
          if errorlevel 1 goto SKIPSMS\r\n:RUNSMS\r\ncall %0\\..\\smsls\r\n:SKIPSMS\r\n",
    sources: &["Q224388", "Q185346", "Q235797"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // A weak guard names RASAPI32 or IPCONFIG.
    if !ctx.mentions(b"rasapi32") && !ctx.mentions(b"ipconfig") {
        return;
    }
    let analysis = ctx.sms();
    let guards = &analysis.weak_guards;
    if guards.is_empty() || !analysis.ras_checks.is_empty() {
        return;
    }
    let calls = analysis.client_calls(ctx.flow);
    let Some(exposed) = calls
        .iter()
        .find(|c| c.state.has_unknown())
        .or(calls.first())
    else {
        return;
    };
    for g in guards {
        let (message, label) = match g.kind {
            WeakGuardKind::RasInstalled => (
                "this is the only RAS guard and it tests whether RAS is installed, not whether \
                 this logon came over RAS: every client with Dial-Up Networking installed, docked \
                 laptops on the LAN included, is handled as a dial-in client (or, tested the \
                 other way round, dial-in clients run SMS client setup over the link) (Q224388)",
                "RAS installed, not connected",
            ),
            WeakGuardKind::IpconfigMask => (
                "this guard reads a subnet mask from IPCONFIG: Windows 95 has no IPCONFIG and \
                 the Windows 2000 dial-up adapter's mask is 255.255.255.255, so dial-in clients \
                 it misses run SMS client setup over the RAS link (Q185346, Q235797)",
                "subnet-mask heuristic",
            ),
        };
        out.push(
            RULE.diag(g.span, message)
                .with_label(label)
                .with_related(
                    exposed.inv.word.span,
                    "SMS client program with no CHECKRAS test before it",
                )
                .with_help(
                    "test the connection with `%0\\..\\checkras.exe > nul` and `if errorlevel 1 \
                     goto SKIPSMS` (keep this test only as a pre-check)",
                ),
        );
    }
}
