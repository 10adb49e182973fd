//! SMS106 missing-netlogon-helper: a `%0\..\X` whose target is not next to the script.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "SMS106",
    name: "missing-netlogon-helper",
    severity: Severity::Warning,
    summary: "A `%0\\..\\X` helper is not in the script's directory",
    what: "Reports a reachable `%0\\..\\X` (run directly, through `call`, `start` or \
           `command /c`) whose target is not in the calling script's directory: no file of \
           that name, and for a bare name none of `X.com`, `X.exe`, `X.bat`, `X.cmd` \
           (case-insensitive). For `.bat`/`.cmd` targets always. For SMSLS and the \
           `.exe`/`.com` helpers (CHECKRAS, SNBOOT, NETSPEED…) only with \
           `netlogon_complete = true` in smslint.toml, which says the checked tree is a full \
           copy of the NETLOGON share rather than a repository of user scripts.",
    why: "`%0\\..\\` is the directory the logon script runs from, NETLOGON (Q121387, \
          Q138348): the helper must be copied there, and onto every logon server, by the \
          Directory Replicator or by hand (Q134956, Q285206). A missing helper prints \"Bad \
          command or file name\" during logon and leaves the previous errorlevel behind: a \
          missing CHECKRAS lets the RAS guard wave every client through, a missing SMSLS \
          means no client is ever installed, and a missing user helper skips whatever it \
          was meant to do (Q192660).",
    example: "REM NETLOGON holds alice.bat and SMSLS.BAT only\r\ncall %0\\..\\drives.bat\r\n",
    fix: "REM copy drives.bat into NETLOGON next to alice.bat (and replicate it)\r\ncall %0\\..\\drives.bat\r\n",
    sources: &["Q192660", "Q134956", "Q285206", "Q121387", "Q138348"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for m in &ctx.settings.tree.missing {
        let consequence = if m.batch {
            "the call prints \"Bad command or file name\" at logon and whatever the helper \
             does never happens"
        } else {
            "the program is not found at logon (\"Bad command or file name\") and the \
             errorlevel of the previous program is left behind for the next test"
        };
        out.push(
            RULE.diag(
                m.span,
                format!(
                    "`{}` is not next to this script, and `%0\\..\\` is the directory the \
                     script runs from: {consequence} (Q192660, Q134956)",
                    m.name
                ),
            )
            .with_label("no such file next to the script")
            .with_help(format!(
                "copy `{}` into the NETLOGON share next to this script (and onto every logon \
                 server), or fix the name",
                m.name
            )),
        );
    }
}
