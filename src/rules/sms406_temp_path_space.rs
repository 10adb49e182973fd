//! SMS406 temp-path-space.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::assignments;
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "SMS406",
    name: "temp-path-space",
    severity: Severity::Warning,
    summary:
        "The script sets TEMP or TMP to a value with a space or a trailing space before running SMS",
    what: "In a script that runs an SMS client program, reports `set TEMP=…` and `set TMP=…` \
           whose value contains a space, including an invisible trailing space \
           (`set TEMP=C:\\Temp `).",
    why: "The SMS 2.0 logon script copies Slownet to %TEMP% and SMSBOOT1 writes \
          %TEMP%\\SMSBOOT1.INI. With a space in TEMP the SLOWNET section of SMSLS.BAT fails \
          (Q268586); with a trailing space SMSBOOT1 writes a broken INI and the installation \
          stops with \"No server path specified\" (Q288883). The client is never installed.",
    example: "set TEMP=C:\\Temp \r\ncall %0\\..\\smsls\r\n",
    fix: "set TEMP=C:\\Temp\r\ncall %0\\..\\smsls\r\n",
    sources: &["Q268586", "Q288883"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let runs_sms = ctx.sms().invocations.iter().any(|i| i.is_client_program());
    if !runs_sms {
        return;
    }
    for (name, value) in assignments(ctx.script, ctx.source, &[b"temp", b"tmp"]) {
        let v = ctx.source.slice(value);
        if !v.contains(&b' ') {
            continue;
        }
        let trailing = v.last() == Some(&b' ');
        let var = ctx.source.display(name).to_ascii_uppercase();
        let message = if trailing {
            format!(
                "{var} ends with a space: SMSBOOT1 writes a broken %TEMP%\\SMSBOOT1.INI and \
                 client installation stops with \"No server path specified\" (Q288883)"
            )
        } else {
            format!(
                "{var} contains a space: the SLOWNET section of the SMS logon script fails and \
                 the client is not installed (Q268586)"
            )
        };
        out.push(
            RULE.diag(value, message)
                .with_label(if trailing { "trailing space" } else { "space in the path" })
                .with_help(format!("set {var} to a path without spaces (an 8.3 name), with nothing after it on the line")),
        );
    }
}
