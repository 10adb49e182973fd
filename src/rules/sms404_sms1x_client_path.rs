//! SMS404 sms1x-client-path.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{Condition, StmtKind};

pub static RULE: Rule = Rule {
    code: "SMS404",
    name: "sms1x-client-path",
    severity: Severity::Warning,
    summary: "A hard-coded SMS 1.x client path `X:\\MS\\SMS\\BIN\\`",
    what: "Reports `\\MS\\SMS\\BIN` after a drive letter (`C:\\MS\\SMS\\BIN\\SMSRUN16.EXE`) or at \
           the start of a path (`\\MS\\SMS\\BIN`) in commands, `call`, `set`, `if exist` and \
           redirected `echo` statements. Paths built on a variable (`%WINDIR%\\MS\\SMS\\…`, \
           `%SMS_LOCAL_DIR%\\…`) are not reported. Reported whether or not the statement is \
           reachable.",
    why: "SMS 1.x installed its client under `MS\\SMS\\BIN` on the install drive. SMS 2.0 moved \
          the client tree under `%WINDIR%\\MS\\SMS` (`CORE\\BIN`, `LOGS`; white paper, \"MS\\SMS \
          Tree Moved\"). On a 2.0 client the hard-coded path names nothing, or a stale 1.x \
          copy: the command fails or runs the old agent (Q185344 used `c:\\ms\\sms\\bin\\smsrun16` \
          as a 1.2-only workaround).",
    example: "if exist c:\\ms\\sms\\bin\\smsrun16.exe c:\\ms\\sms\\bin\\smsrun16.exe\r\n",
    fix: "if exist %windir%\\MS\\SMS\\CORE\\BIN\\slownet.exe goto OK_TO_PROCEED\r\n",
    sources: &[
        "upgrading-sms-1.2-to-2.0-whitepaper",
        "Q185344",
        "sms-domain.md §5 (LS011)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.mentions(b"\\ms\\sms\\bin") {
        return;
    }
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let span = match &stmt.kind {
            StmtKind::Simple(_) | StmtKind::Call(_) | StmtKind::Set(_) => stmt.span,
            StmtKind::Echo(_) if !stmt.redirects().is_empty() => stmt.span,
            StmtKind::If(i) => match &i.condition {
                Condition::Exist { path, .. } => path.span,
                _ => continue,
            },
            _ => continue,
        };
        let text = ctx.source.slice(span);
        let needle = b"\\ms\\sms\\bin";
        let mut from = 0;
        while let Some(rel) = text[from..]
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
        {
            let at = from + rel;
            from = at + needle.len();
            // Followed by a path end: `\`, a delimiter, a quote or the end of the text.
            let after_ok = matches!(
                text.get(from),
                None | Some(b'\\' | b' ' | b'\t' | b'"' | b';' | b'=' | b',')
            );
            if !after_ok {
                continue;
            }
            let start = if at >= 2 && text[at - 1] == b':' && text[at - 2].is_ascii_alphabetic() {
                at - 2
            } else if at == 0 || matches!(text[at - 1], b' ' | b'\t' | b'"' | b'=' | b';' | b',') {
                at
            } else {
                continue;
            };
            out.push(
                RULE.diag(
                    Span::new(span.start() + start, span.start() + from),
                    "hard-coded SMS 1.x client directory: SMS 2.0 moved the client tree under \
                     %WINDIR%\\MS\\SMS, so on 2.0 clients this path is missing or holds a stale \
                     1.x agent (white paper \"Upgrading SMS 1.2 to 2.0\", Q185344)",
                )
                .with_label("SMS 1.x client path")
                .with_help("use the SMS 2.0 location under %WINDIR%\\MS\\SMS (e.g. %WINDIR%\\MS\\SMS\\CORE\\BIN), or drop the 1.x step"),
            );
        }
    }
}
