//! BAT205 set-spaces: `set name = value` with spaces around `=`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{reachable_reads, snippet};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{SetKind, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT205",
    name: "set-spaces",
    severity: Severity::Warning,
    summary: "`set name = value`: the spaces become part of the variable name and the value",
    what: "Reports a reachable `set` (or `set /p`) assignment whose variable name ends in a \
           space or tab before the `=`, quoted or not, when the script reads the name without \
           the space (`%name%` or `!name!`) in code that runs.",
    why: "SET takes everything before `=` as the name and everything after it as the value, \
          spaces included. `set SMS_BIN = x86.bin` defines a variable named `SMS_BIN ` (with a \
          trailing space) whose value starts with a space; `%SMS_BIN%` stays empty (or keeps its \
          old value), so paths built from it point nowhere and the commands using them fail on \
          the client. The same holds for COMMAND.COM.",
    example: "set SMS_BIN = x86.bin\n%0\\..\\%SMS_BIN%\\smsboot1.exe\n",
    fix: "set SMS_BIN=x86.bin\n%0\\..\\%SMS_BIN%\\smsboot1.exe\n",
    sources: &[
        "Q26719 (KB26719, \"Using '=' in Environment Variables\": no spaces between the variable, the equal sign and the value)",
        "cmd-semantics §1.13 (bat-to-exe-set: \"The number one problem people run into with SET\")",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    let reads = std::cell::OnceCell::new();
    for id in ctx.script.ids() {
        let StmtKind::Set(s) = &ctx.script.stmt(id).kind else {
            continue;
        };
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        if !matches!(s.kind, SetKind::Assign | SetKind::Prompt) {
            continue;
        }
        let (Some(name), Some(eq)) = (s.name, s.eq) else {
            continue;
        };
        let bytes = src.slice(name);
        let trimmed = bytes.len()
            - bytes
                .iter()
                .rev()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
        if trimmed == bytes.len() || trimmed == 0 {
            continue;
        }
        // Only a name the script then reads (`%name%`, `!name!`) misses its value; a
        // VBScript `Set x = …` in a payload or a variable nobody reads changes nothing.
        let key = bytes[..trimmed].to_ascii_lowercase();
        if !reads.get_or_init(|| reachable_reads(ctx)).contains(&key) {
            continue;
        }
        let bare = snippet(
            src,
            Span::new(name.start(), name.start() + trimmed),
            60,
            false,
        );
        let value_space = s
            .value
            .map(|v| {
                src.slice(v)
                    .first()
                    .is_some_and(|&b| b == b' ' || b == b'\t')
            })
            .unwrap_or(false);
        let mut msg = format!(
            "this sets a variable named `{bare} ` (with a trailing space), not `{bare}`: \
             `%{bare}%` stays unset or keeps its old value"
        );
        if value_space {
            msg.push_str(", and the value starts with a space");
        }
        let span = Span::new(name.start() + trimmed, eq.end());
        out.push(
            RULE.diag(span, msg)
                .with_label("space before `=` is part of the name")
                .with_help(format!("remove the spaces around `=`: `set {bare}=…`")),
        );
    }
}
