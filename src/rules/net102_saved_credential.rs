//! NET102 saved-credential.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "NET102",
    name: "saved-credential",
    severity: Severity::Error,
    summary: "`runas /savecred` saves a credential that any later program of the user can reuse",
    what: "Reports `runas … /savecred …` (run directly, with `call`, `start` or `cmd /c`).",
    why: "The first `runas /savecred /user:ADMIN` asks for ADMIN's password once and stores it \
          in the user's credential store. From then on every program and script that user \
          runs, including one the user writes, can run anything as ADMIN with \
          `runas /savecred /user:ADMIN`, without the password. In a logon script the \
          saved credential is spread to every user who logs on after an administrator typed \
          it once at their desk.",
    example: "runas /user:CORP\\deskadmin /savecred \"%0\\..\\setup.exe\"\r\n",
    fix: "rem install from a computer startup script or a scheduled task that runs as the\r\n\
          rem service account, not with the user's saved credential\r\n",
    sources: &[
        "Windows command reference: runas /savecred",
        "MITRE ATT&CK T1078 (Valid Accounts), T1555.004 (Windows Credential Manager)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for inv in &ctx.sms().invocations {
        if inv.name != "runas" {
            continue;
        }
        let Some(flag) = inv
            .args(ctx.script)
            .iter()
            .find(|w| ctx.source.slice(w.span).eq_ignore_ascii_case(b"/savecred"))
        else {
            continue;
        };
        let user = inv
            .args(ctx.script)
            .iter()
            .map(|w| ctx.source.slice(w.span))
            .find_map(|t| {
                let lower = t.to_ascii_lowercase();
                lower
                    .strip_prefix(b"/user:")
                    .map(|_| crate::source::decode_display(&t[6..]))
            })
            .filter(|u| !u.is_empty());
        let who = match &user {
            Some(u) => format!("`{u}`"),
            None => "the account".to_string(),
        };
        out.push(
            RULE.diag(
                flag.span,
                format!(
                    "`runas /savecred` stores the password of {who} in the user's credential \
                     store: after the first run, any program or script this user runs can act \
                     as {who} with `runas /savecred`, without knowing the password"
                ),
            )
            .with_label("saves the credential for every later runas")
            .with_help(
                "remove `/savecred` and run the task from a computer startup script or a \
                 scheduled task under its own account; delete the saved credential on the \
                 clients (`cmdkey /list`, `cmdkey /delete:…`)",
            ),
        );
    }
}
