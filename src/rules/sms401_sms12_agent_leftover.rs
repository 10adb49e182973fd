//! SMS401 sms12-agent-leftover.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::StmtKind;

pub static RULE: Rule = Rule {
    code: "SMS401",
    name: "sms12-agent-leftover",
    severity: Severity::Warning,
    summary: "The script starts the SMS 1.2 client agent SMSRUN16/SMSRUN32, or writes it into WIN.INI or the Run/Load key",
    what: "Reports SMSRUN16 or SMSRUN32 run as a command (directly, `call`, `start`), and \
           statements that write either name into WIN.INI (`echo load=… >> win.ini`, an INI \
           tool) or into a Run or Load registry value (`reg add …\\Run …`, \
           `…\\Windows NT\\CurrentVersion\\Windows /v load …`). Reported whether or not the \
           statement is reachable: the line is a leftover either way.",
    why: "SMSRUN16 (WIN.INI `load=`) and SMSRUN32 (the Run/Load value under \
          HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows) are the SMS 1.2 \
          client launchers. When clients move to SMS 2.0 they must be removed (white paper \
          \"Upgrading SMS 1.2 to 2.0\"; SP2 release notes); a logon script that runs or \
          re-registers them keeps starting the 1.2 agent next to the 2.0 client. The Q185344 \
          RAS workaround (a second `smsrun16` call in the logon script) was meant to be \
          removed after the 1.2 rollout.",
    example: "c:\\ms\\sms\\bin\\smsrun16.exe\r\necho load=smsrun16.exe>> %windir%\\win.ini\r\n",
    fix: "REM SMS 2.0 installs and starts its own client; no SMSRUN line is needed\r\n",
    sources: &["Q185344", "Q130417", "upgrading-sms-1.2-to-2.0-whitepaper", "sms-domain.md §4.1 (IN004)"],
    check: Some(check),
    opt_in: None,
};

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // The shared analysis holds every statement's invocation, in statement order.
    let mut invs = ctx.sms().invocations.iter().peekable();
    // The startup-entry form needs the name in the text.
    let text_form = ctx.mentions(b"smsrun");
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        while invs.next_if(|i| i.stmt < id).is_some() {}
        if let Some(inv) = invs.peek().filter(|i| i.stmt == id) {
            if inv.name == "smsrun16" || inv.name == "smsrun32" {
                out.push(
                    RULE.diag(
                        inv.word.span,
                        format!(
                            "this starts the SMS 1.2 client agent {}: on clients moved to SMS \
                             2.0 the old agent keeps running next to the 2.0 client \
                             (upgrading-SMS-1.2-to-2.0 white paper, Q185344)",
                            inv.name.to_ascii_uppercase()
                        ),
                    )
                    .with_label("SMS 1.2 client launcher")
                    .with_help("remove this line once the clients are on SMS 2.0"),
                );
                continue;
            }
        }
        if !text_form || !matches!(stmt.kind, StmtKind::Simple(_) | StmtKind::Echo(_)) {
            continue;
        }
        let text = ctx.source.slice(stmt.span);
        let Some(at) = find_ci(text, b"smsrun16").or_else(|| find_ci(text, b"smsrun32")) else {
            continue;
        };
        let writes = find_ci(text, b"win.ini").is_some()
            || find_ci(text, b"\\run").is_some()
            || find_ci(text, b"load").is_some();
        if !writes {
            continue;
        }
        let span = Span::new(stmt.span.start() + at, stmt.span.start() + at + 8);
        out.push(
            RULE.diag(
                span,
                "this registers the SMS 1.2 client agent to start with Windows (WIN.INI \
                 `load=` or the Run/Load value): the 1.2 agent starts at every boot next to the \
                 SMS 2.0 client (upgrading-SMS-1.2-to-2.0 white paper)",
            )
            .with_label("SMS 1.2 agent written into the startup entries")
            .with_help("remove this line; SMS 2.0 clients must not have SMSRUN16/SMSRUN32 in WIN.INI `load=` or the Run/Load value"),
        );
    }
}
