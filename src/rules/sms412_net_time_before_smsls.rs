//! SMS412 net-time-before-smsls: NET TIME runs before SMSLS / RUNSMS.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms::Via;
use crate::syntax::ast::StmtKind;

pub static RULE: Rule = Rule {
    code: "SMS412",
    name: "net-time-before-smsls",
    severity: Severity::Info,
    summary: "NET TIME runs before the script calls SMSLS or RUNSMS",
    what: "Reports a reachable `net time …` that comes, in the file, before a reachable call of \
           SMSLS or RUNSMS. The finding is on the NET TIME command, with the SMS call as a \
           related label.",
    why: "On some network cards NET TIME drops the connection to the logon server; the SMS \
          logon script that follows then fails with \"Invalid drive request\" and the client \
          is not inventoried or installed (Q161293).",
    example: "net time \\\\dc1 /set /yes\r\ncall %0\\..\\smsls\r\n",
    fix: "call %0\\..\\smsls\r\nnet time \\\\dc1 /set /yes\r\n",
    sources: &["Q161293 (NET TIME may cause the logon script to fail)"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let analysis = ctx.sms();
    let Some(last_sms) = analysis
        .invocations
        .iter()
        .filter(|i| {
            matches!(i.name.as_bytes(), b"smsls" | b"runsms")
                && analysis.reachable(ctx.flow, i.stmt)
        })
        .map(|i| i.word.span)
        .max_by_key(|s| s.start())
    else {
        return;
    };
    // A plain `net …` command is a direct invocation of `net`.
    for inv in &analysis.invocations {
        if inv.via != Via::Direct || inv.name != "net" {
            continue;
        }
        let id = inv.stmt;
        let StmtKind::Simple(s) = &ctx.script.stmt(id).kind else {
            continue;
        };
        let Some(sub) = s.args.first() else {
            continue;
        };
        if !ctx.source.slice(sub.span).eq_ignore_ascii_case(b"time")
            || sub.span.start() > last_sms.start()
            || !analysis.reachable(ctx.flow, id)
        {
            continue;
        }
        out.push(
            RULE.diag(
                s.name.span.cover(sub.span),
                "NET TIME runs before the SMS logon script: on some network cards it drops the \
                 connection, and SMSLS then fails with \"Invalid drive request\" (Q161293)",
            )
            .with_label("NET TIME before SMSLS")
            .with_related(last_sms, "SMS logon script called here")
            .with_help("move NET TIME after the SMSLS / RUNSMS call"),
        );
    }
}
