//! SMS403 cli-nt-force.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "SMS403",
    name: "cli-nt-force",
    severity: Severity::Error,
    summary: "CLI_NT is run with `/f`",
    what: "Reports a `/f` switch given to CLI_NT.EXE, the SMS 1.2 Windows NT client setup: run \
           directly (`cli_nt.exe /f`) or through SETLS (`setls32 … -p:%SMS_BIN%\\CLI_NT.EXE \
           -pa:/f`). Reported whether or not the statement is reachable.",
    why: "`CLI_NT /f` forces the client setup to run in full at every logon. Q270697: never add \
          it to SMSLS.BAT or RUNSMS.BAT; the clients prompt the user to restart the computer \
          over and over.",
    example: "%0\\..\\x86.bin\\setls32 -m:E -i -p:%SMS_BIN%\\CLI_NT.EXE -pa:/f\r\n",
    fix: "%0\\..\\x86.bin\\setls32 -m:E -i -p:%SMS_BIN%\\CLI_NT.EXE\r\n",
    sources: &["Q270697"],
    check: Some(check),
    opt_in: None,
};

fn is_force(text: &[u8]) -> bool {
    let t: Vec<u8> = text
        .iter()
        .filter(|&&b| b != b'"')
        .map(|b| b.to_ascii_lowercase())
        .collect();
    t == b"/f" || t.ends_with(b":/f")
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // CLI_NT is named in the text (quotes and carets aside).
    if !ctx.mentions(b"cli_nt") {
        return;
    }
    for inv in &ctx.sms().invocations {
        let words = std::iter::once(&inv.word).chain(inv.args(ctx.script).iter());
        let Some(cli) = words.clone().position(|w| {
            let text = ctx.source.slice(w.span).to_ascii_lowercase();
            let text: Vec<u8> = text.into_iter().filter(|&b| b != b'"').collect();
            if std::ptr::eq(w, &inv.word) {
                inv.name == "cli_nt"
            } else {
                text.ends_with(b"cli_nt.exe") || text.ends_with(b"\\cli_nt")
            }
        }) else {
            continue;
        };
        for w in words.skip(cli + 1) {
            if is_force(ctx.source.slice(w.span)) {
                out.push(
                    RULE.diag(
                        w.span,
                        "CLI_NT.EXE is run with /f: clients rerun the full client setup at every \
                         logon and prompt the user to restart again and again (Q270697)",
                    )
                    .with_label("forced client setup")
                    .with_help("remove `/f`; never add it in SMSLS.BAT or RUNSMS.BAT (Q270697)"),
                );
            }
        }
    }
}
