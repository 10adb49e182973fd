//! BAT304 win9x-rem-redirect: `REM` with `>` or `|`, which COMMAND.COM executes.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{CommentStyle, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT304",
    name: "win9x-rem-redirect",
    severity: Severity::Warning,
    summary: "A `REM` line with `>` or `|`, which COMMAND.COM on Windows 9x partly executes",
    what: "Only when `win9x` is among the targets. Reports a `REM` comment containing an \
           output redirection `>` or a pipe `|`, in code Windows 9x clients run.",
    why: "cmd.exe ignores the whole REM line, but MS-DOS and Windows 9x COMMAND.COM still \
          process redirections and pipes on it: `REM copy a > b` creates or empties a file `b` \
          (the DOS idiom `rem > file` creates an empty file), and `REM a | b` runs `b`. On \
          Windows 9x clients the comment changes files or prints errors during logon. Use `::` \
          (a label COMMAND.COM never executes) or remove the characters.",
    example: "REM Output goes to > %TEMP%\\sms.log\n",
    fix: ":: Output goes to %TEMP%\\sms.log\n",
    sources: &[
        "cmd-semantics §1.7, §1.16 (msdos7-rem: \"everything up to the symbol is ignored BUT the symbol itself and everything following is interpreted\")",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.settings.targets.win9x {
        return;
    }
    let src = ctx.source;
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let StmtKind::Comment(c) = &stmt.kind else {
            continue;
        };
        if c.style != CommentStyle::Rem || !ctx.flow.is_reachable(id) || ctx.flow.is_nt_only(id) {
            continue;
        }
        let Some(off) = src
            .slice(c.text)
            .iter()
            .position(|&b| matches!(b, b'>' | b'|'))
        else {
            continue;
        };
        let at = c.text.start + off;
        let ch = src.bytes()[at] as char;
        let what = if ch == '|' {
            "runs the text after `|` as a command"
        } else {
            "performs the redirection, creating or emptying the file named after it"
        };
        out.push(
            RULE.diag(
                Span::new(at, at + 1),
                format!(
                    "COMMAND.COM on Windows 9x does not ignore this `{ch}` in a REM line: it {what}"
                ),
            )
            .with_label("executed by COMMAND.COM")
            .with_help(
                "use a `::` comment, or remove the `>` and `|` characters from the REM text",
            ),
        );
    }
}
