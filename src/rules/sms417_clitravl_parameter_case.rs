//! SMS417 clitravl-parameter-case: CLITRAVL parameters not in capitals.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms::env;

pub static RULE: Rule = Rule {
    code: "SMS417",
    name: "clitravl-parameter-case",
    severity: Severity::Warning,
    summary: "A CLITRAVL parameter is not written in capitals, so CLITRAVL ignores it",
    what: "Reports a `/travel=…` or `/prompt=…` parameter of CLITRAVL whose name or value has a \
           lower-case letter (`/travel=on`, `/TRAVEL=On`).",
    why: "CLITRAVL recognises its parameters only in capital letters (Q199114): a lower-case \
          `/travel=on` does nothing, and the client is not put into travelling mode.",
    example: "clitravl.exe /travel=on\r\n",
    fix: "clitravl.exe /TRAVEL=ON\r\n",
    sources: &["Q199114 (how to configure travelling mode: parameters in capitals)"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (_, p) in env::clitravl_switches(ctx.script, ctx.source, &ctx.sms().invocations) {
        let name = ctx.source.slice(p.name);
        if !name.eq_ignore_ascii_case(b"travel") && !name.eq_ignore_ascii_case(b"prompt") {
            continue;
        }
        if !ctx.source.slice(p.span).iter().any(u8::is_ascii_lowercase) {
            continue;
        }
        let shown = ctx.source.display(p.span);
        out.push(
            RULE.diag(
                p.span,
                format!(
                    "`{shown}` is not in capitals: CLITRAVL recognises its parameters only in \
                     capital letters and ignores this one (Q199114)"
                ),
            )
            .with_label("parameter not in capitals")
            .with_help(format!("write `{}`", shown.to_ascii_uppercase())),
        );
    }
}
