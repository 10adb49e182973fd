//! SMS105 netlogon-relative-path.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms;

pub static RULE: Rule = Rule {
    code: "SMS105",
    name: "netlogon-relative-path",
    severity: Severity::Info,
    summary: "A NETLOGON helper is run by bare name or from a hard-coded `Z:` drive instead of `%0\\..\\`",
    what: "In logon scripts (SMSLS.BAT, `logon_scripts`) and the scripts they call. Reports \
           CHECKRAS, NETSPEED, CHOICE, CHECK20, CHECKVER, CLRLEVEL, DOSVER, KIX32, \
           SMSLS, SNBOOT, SMSBOOT1 and SLWNT16/32/32A run with no directory (`checkras`, \
           `call smsls`) or from drive Z: (`z:\\snboot.exe`). CHOICE only when a CHOICE.COM or \
           CHOICE.EXE sits next to the script: elsewhere it is the operating system's command.",
    why: "These programs sit in NETLOGON next to the logon script. Windows NT runs logon \
          scripts over UNC (\\\\server\\NETLOGON) and does not map Z:, so a bare name is looked \
          up in the current directory and PATH, where it is usually missing, and `Z:` names \
          nothing. Windows 9x maps NETLOGON to Z: (Q136073). `%0\\..\\` names the script's own \
          directory on every client; SMS uses it since it stopped hard-coding Z: (Q121387), and \
          Q138348 recommends `CALL %0\\..\\SMSLS`. A missing CHECKRAS leaves errorlevel 0 behind \
          (or the previous program's), so the RAS guard lets every client through.",
    example: "checkras > nul\r\nif errorlevel 1 goto SKIPSMS\r\ncall z:\\smsls\r\n:SKIPSMS\r\n",
    fix: "%0\\..\\checkras > nul\r\nif errorlevel 1 goto SKIPSMS\r\ncall %0\\..\\smsls\r\n:SKIPSMS\r\n",
    sources: &["Q121387", "Q136073", "Q138348"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let tree = &ctx.settings.tree;
    if !ctx.settings.logon_script && !tree.logon_reached {
        return;
    }
    for inv in &ctx.sms().invocations {
        if !inv.name.is_one_of(sms::NETLOGON_HELPERS) {
            continue;
        }
        // CHOICE is part of the operating system (Windows 9x COMMAND\CHOICE.COM, NT
        // resource kits, System32 from Server 2003): only the SMS 1.x NETLOGON copy next
        // to the script needs `%0\..\`.
        if inv.name == "choice" && !tree.netlogon_choice {
            continue;
        }
        let raw: Vec<u8> = ctx
            .source
            .slice(inv.word.span)
            .iter()
            .copied()
            .filter(|&b| b != b'"')
            .collect();
        let bare = !raw.iter().any(|&b| matches!(b, b'\\' | b'/' | b':' | b'%'));
        let z_drive = raw.len() >= 2 && raw[0].eq_ignore_ascii_case(&b'z') && raw[1] == b':';
        if !bare && !z_drive {
            continue;
        }
        let name = ctx.source.display(inv.word.span);
        let (message, label) = if bare {
            (
                format!(
                    "`{name}` is run by bare name: Windows NT runs the logon script over UNC, so \
                     it is looked up in the current directory and PATH, not in NETLOGON, and is \
                     usually not found (Q121387, Q138348)"
                ),
                "no directory: not found on NT clients",
            )
        } else {
            (
                format!(
                    "`{name}` is run from a hard-coded Z: drive: only Windows 9x maps NETLOGON \
                     to Z:, Windows NT runs the logon script over UNC, so the program is not \
                     found there (Q136073, Q121387)"
                ),
                "hard-coded Z: drive",
            )
        };
        out.push(
            RULE.diag(inv.word.span, message)
                .with_label(label)
                .with_help(format!("run it as `%0\\..\\{}`", inv.name)),
        );
    }
}
