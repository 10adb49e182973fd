//! BAT205 set-spaces: `set name = value` with spaces around `=`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{argument_digit, reachable_reads_of, snippet};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{Expansion, ExpansionKind, SetKind, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT205",
    name: "set-spaces",
    severity: Severity::Warning,
    summary: "`set name = value`: the spaces become part of the variable name and the value",
    what: "Reports a reachable `set` (or `set /p`) assignment whose variable name ends in a \
           space or tab before the `=`, quoted or not, when the script reads the name without \
           the space (`%name%` or `!name!`) in code that runs. Not reported: a value built \
           from the script's arguments (`set params = %*`, the widely copied UAC-elevation \
           snippet) in a script that reads no argument anywhere else and never shifts them, \
           since the arguments it fails to pass on are ones nothing uses.",
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
    // The `set name = …` lines first (few files have any), then one look at what the
    // script reads, for just those names.
    let mut found: Vec<(Span, Span, usize, Option<Span>)> = Vec::new();
    // How many argument reads the file has, counted at the first `set name = %*`.
    let all_arguments = std::cell::OnceCell::new();
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
        // The copied UAC snippet's `set params = %*:"=""` in a script that reads no argument
        // anywhere else: the arguments it fails to pass on are ones nothing uses.
        if s.value.is_some_and(|v| argument_reads(ctx, v) > 0)
            && *all_arguments.get_or_init(|| arguments(ctx))
                <= argument_reads(ctx, ctx.script.stmt(id).span)
        {
            continue;
        }
        // `set /p name = prompt`: the text after `=` is the prompt, not the value.
        let value = s.value.filter(|_| s.kind == SetKind::Assign);
        found.push((name, eq, trimmed, value));
    }
    if found.is_empty() {
        return;
    }
    // Only a name the script then reads (`%name%`, `!name!`) misses its value; a
    // VBScript `Set x = …` in a payload or a variable nobody reads changes nothing.
    let names: Vec<&[u8]> = found
        .iter()
        .map(|&(name, _, trimmed, _)| &src.slice(name)[..trimmed])
        .collect();
    let read = reachable_reads_of(ctx, &names);
    for (&(name, eq, trimmed, value), read) in found.iter().zip(read) {
        if !read {
            continue;
        }
        let bare = snippet(
            src,
            Span::new(name.start(), name.start() + trimmed),
            60,
            false,
        );
        let value_space = value
            .map(|v| {
                src.slice(v)
                    .first()
                    .is_some_and(|&b| b == b' ' || b == b'\t')
            })
            .unwrap_or(false);
        // `%time%`, `%date%`, `%random%`, …: with no variable of that name cmd.exe gives its
        // own value.
        let own = match bare.to_ascii_lowercase().as_str() {
            "time" => Some("the current time"),
            "date" => Some("the current date"),
            "random" => Some("a random number"),
            "cd" => Some("the current folder"),
            "errorlevel" => Some("the last exit code"),
            _ => None,
        };
        let mut msg = match own {
            Some(what) => format!(
                "this sets a variable named `{bare} ` (with a trailing space), not `{bare}`: \
                 `%{bare}%` still gives cmd.exe's own value, {what}"
            ),
            None => format!(
                "this sets a variable named `{bare} ` (with a trailing space), not `{bare}`: \
                 `%{bare}%` stays unset or keeps its old value"
            ),
        };
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

/// An expansion that reads one of the script's arguments: `%1`…`%9`, `%~1`…, `%*` (not the
/// script's own name, `%0`, `%~dp0`).
fn is_argument(ctx: &Ctx<'_>, e: &Expansion) -> bool {
    e.kind == ExpansionKind::AllArgs || argument_digit(ctx.source, e).is_some_and(|d| d >= 1)
}

/// How many of the script's arguments the text `span` reads.
fn argument_reads(ctx: &Ctx<'_>, span: Span) -> usize {
    ctx.script
        .expansions_in(span)
        .iter()
        .filter(|e| is_argument(ctx, e))
        .count()
}

/// The argument reads of the whole file; `usize::MAX` when it shifts them.
fn arguments(ctx: &Ctx<'_>) -> usize {
    if ctx.mentions(b"shift") {
        return usize::MAX;
    }
    ctx.script
        .expansions
        .iter()
        .filter(|e| is_argument(ctx, e))
        .count()
}
