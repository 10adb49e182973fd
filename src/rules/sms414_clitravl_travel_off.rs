//! SMS414 clitravl-travel-off: CLITRAVL /TRAVEL=OFF in a script.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms::env;

pub static RULE: Rule = Rule {
    code: "SMS414",
    name: "clitravl-travel-off",
    severity: Severity::Warning,
    summary: "CLITRAVL /TRAVEL=OFF turns travelling mode off",
    what: "Reports `clitravl … /TRAVEL=OFF` (any case).",
    why: "With travelling mode off, automatic site assignment is on again: a laptop is assigned \
          to every site whose boundaries it visits and is managed by all of them (Q276531).",
    example: "clitravl.exe /TRAVEL=OFF\r\n",
    fix: "clitravl.exe /TRAVEL=ON\r\nif errorlevel 1 exit 0\r\n",
    sources: &["Q276531 (mobile client assigned to every site it visits)"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (_, p) in env::clitravl_switches(ctx.script, ctx.source, &ctx.sms().invocations) {
        if !ctx.source.slice(p.name).eq_ignore_ascii_case(b"travel")
            || !ctx.source.slice(p.value).eq_ignore_ascii_case(b"off")
        {
            continue;
        }
        out.push(
            RULE.diag(
                p.span,
                "travelling mode off: automatic site assignment is back on, and the laptop is \
                 assigned to every site it visits (Q276531)",
            )
            .with_label("travelling mode off")
            .with_help("keep mobile clients in travelling mode (`/TRAVEL=ON`); remove this line"),
        );
    }
}
