//! SMS411 client-deinstall-in-script: CLI_NT /R, CLI_DOS /R or DEINSTAL in a logon script.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::unquoted_is;
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "SMS411",
    name: "client-deinstall-in-script",
    severity: Severity::Error,
    summary: "A logon script removes the SMS client (CLI_NT /R, CLI_DOS /R, DEINSTAL.BAT)",
    what: "In a logon script, or a script that also runs the SMS logon machinery (SMSLS, \
           RUNSMS, SNBOOT, SMSBOOT1, SETLS…), reports `cli_nt`, `cli_dos` or `cli_os2` run \
           with `/r`, any program given `-pa:/r` (the SETLS form that passes `/r` to CLI_*), \
           DEINSTAL.BAT / DEINSTAL.CMD run directly or with CALL, and `reg add` of the \
           `SMS Client Deinstall` value (Client Properties) with data `True`.",
    why: "These remove the SMS client. Left in a logon script they deinstall every client at \
          every logon, and the next logon script run may install it again (Q124361, Q125978). \
          The `SMS Client Deinstall=True` flag marks a pending deinstallation: the client then \
          accepts no new site assignment and installation fails (Q293117, Q199078).",
    example: "call %0\\..\\smsls\r\n%0\\..\\x86.bin\\cli_nt.exe /r\r\n",
    fix: "call %0\\..\\smsls\r\n",
    sources: &[
        "Q124361 (removing SMS clients: CLI_* /R)",
        "Q125978 (DEINSTAL.BAT)",
        "Q293117, Q199078 (the SMS Client Deinstall flag blocks new assignments)",
    ],
    check: Some(check),
    opt_in: None,
};

const LOGON_MACHINERY: &[&str] = &[
    "smsls", "runsms", "snboot", "smsboot1", "setls", "setls16", "setls32", "setlsos2",
];

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let invs = &ctx.sms().invocations;
    let logon = ctx.settings.logon_script || invs.iter().any(|i| i.name.is_one_of(LOGON_MACHINERY));
    if !logon {
        return;
    }
    for inv in invs {
        if inv.name == "reg" {
            deinstall_flag(ctx, inv, out);
            continue;
        }
        let is_cli = matches!(inv.name.as_bytes(), b"cli_nt" | b"cli_dos" | b"cli_os2");
        let mut hit = None;
        for a in inv.args(ctx.script) {
            let t = ctx.source.slice(a.span);
            if (is_cli && unquoted_is(t, b"/r"))
                || unquoted_is(t, b"-pa:/r")
                || unquoted_is(t, b"/pa:/r")
            {
                hit = Some(a.span);
                break;
            }
        }
        let (span, what) = match hit {
            Some(s) => (
                s,
                format!(
                    "`{}` with `{}`",
                    ctx.source.display(inv.word.span),
                    ctx.source.display(s)
                ),
            ),
            None if inv.name == "deinstal" => (
                inv.word.span,
                format!("`{}`", ctx.source.display(inv.word.span)),
            ),
            None => continue,
        };
        out.push(
            RULE.diag(
                span,
                format!(
                    "{what} removes the SMS client: from a logon script it deinstalls the \
                     client at every logon (Q124361, Q125978)"
                ),
            )
            .with_label("SMS client removal")
            .with_help(
                "remove the client once, from a separate script or an advertised package, and \
                 take this line out of the logon script",
            ),
        );
    }
}

/// `reg add <key> /v "SMS Client Deinstall" … /d True` (Q293117).
fn deinstall_flag(ctx: &Ctx<'_>, inv: &crate::sms::Invocation, out: &mut Vec<Diagnostic>) {
    let unquoted = |w: &crate::syntax::ast::Word| -> Vec<u8> {
        crate::rules::bat_util::unquoted_lower(ctx.source, w.span)
    };
    let args = inv.args(ctx.script);
    if !args.first().is_some_and(|w| unquoted(w) == b"add") {
        return;
    }
    let after = |flag: &[u8]| {
        let i = args.iter().position(|w| unquoted(w) == flag)?;
        args.get(i + 1)
    };
    let (Some(v), Some(d)) = (after(b"/v"), after(b"/d")) else {
        return;
    };
    if unquoted(v) != b"sms client deinstall" || unquoted(d) != b"true" {
        return;
    }
    out.push(
        RULE.diag(
            d.span,
            "this sets `SMS Client Deinstall=True`: the client is marked for deinstallation and \
             accepts no new site assignment, so installation fails at every logon (Q293117, \
             Q199078)",
        )
        .with_label("client deinstall flag set")
        .with_help(
            "remove this line; delete the `SMS Client Deinstall` value on clients that have it",
        ),
    );
}
