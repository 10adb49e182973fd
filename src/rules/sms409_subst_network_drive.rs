//! SMS409 subst-network-drive: SUBST of a drive the script mapped to a share.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms::Via;
use crate::syntax::ast::StmtKind;

pub static RULE: Rule = Rule {
    code: "SMS409",
    name: "subst-network-drive",
    severity: Severity::Warning,
    summary: "SUBST makes a drive of a folder on a network drive this script maps",
    what: "In a logon script, or a script that runs an SMS client program, reports `subst X: \
           Y:\\…` where `Y:` is a drive the script mapped with `net use Y: \\\\server\\share` \
           earlier in the file (the NetWare MAP ROOT emulation).",
    why: "A SUBST drive on a network drive makes the SMS client service accounts \
          (SMSCliToknAcct&, SMSCCMBootAcct&) connect to the share when they look at the \
          drive, and lock out (Q241982).",
    example: "net use g: \\\\fs1\\users\r\nsubst h: g:\\%USERNAME%\r\ncall %0\\..\\smsls\r\n",
    fix: "net use h: \\\\fs1\\users\\%USERNAME%\r\ncall %0\\..\\smsls\r\n",
    sources: &["Q241982 (Subst command locks out SMSCliToknAcct& and SMSCCMBootAcct&)"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !crate::rules::sms408_network_drive_in_path::sms_script(ctx) {
        return;
    }
    let drives = ctx.mapped_drives();
    if drives.is_empty() {
        return;
    }
    // A plain `subst …` command is a direct invocation of `subst`.
    for inv in &ctx.sms().invocations {
        if inv.via != Via::Direct || inv.name != "subst" {
            continue;
        }
        let StmtKind::Simple(s) = &ctx.script.stmt(inv.stmt).kind else {
            continue;
        };
        // `subst X: Y:\…` (not `subst /d X:`).
        if !s
            .args
            .first()
            .is_some_and(|w| !ctx.source.slice(w.span).starts_with(b"/"))
        {
            continue;
        }
        let Some(target) = s.args.get(1) else {
            continue;
        };
        let t = ctx.source.slice(target.span);
        let t = t.strip_prefix(b"\"").unwrap_or(t);
        let [l, b':', ..] = t else {
            continue;
        };
        let letter = l.to_ascii_uppercase();
        let Some(m) = drives
            .iter()
            .rev()
            .find(|m| m.letter == letter && m.span.start() < target.span.start())
        else {
            continue;
        };
        let shown = ctx.source.display(target.span);
        out.push(
            RULE.diag(
                target.span,
                format!(
                    "SUBST of `{shown}`, a folder on drive {}:, which this script maps to a \
                     share: the SMS client accounts SMSCliToknAcct& and SMSCCMBootAcct& connect \
                     to the share through the SUBST drive and are locked out (Q241982)",
                    letter as char
                ),
            )
            .with_label(format!("drive {}: is mapped to a share", letter as char))
            .with_related(m.span, "mapped here")
            .with_help("map the folder itself with `net use X: \\\\server\\share\\folder` instead of SUBST"),
        );
    }
}
