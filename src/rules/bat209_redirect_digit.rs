//! BAT209 redirect-digit: a digit glued to `>` is read as a handle number.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat302_win9x_incompatible::{written_for_dos, written_for_freedos};
use crate::rules::bat_util::{handle_char, is_delim};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{SetKind, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT209",
    name: "redirect-digit",
    severity: Severity::Warning,
    summary: "A digit that starts a token before `>` or `<` is a handle number, not text",
    what: "Reports a redirection handle digit that follows `=`, `,` or `;` in ECHO or SET text \
           (`echo Revision=1>>gp1.inf`, `set LEVEL=2>nul`), where it was meant as the end of \
           the value. As info, an ECHO whose last word is a lone digit other than 1 or 2 \
           before the redirection (`echo Count 5>file`). A digit glued to a word \
           (`echo value1>out.txt`, `ping 127.0.0.1>nul`) or belonging to `%1` / `%~nx0` is \
           text, and is not reported; nor is code only the Windows 9x side of an `%OS%` test \
           reaches (COMMAND.COM has no handle numbers: `1>` is the text `1`, then `>`), nor a \
           script written for FreeDOS's FreeCOM (it runs the V8Power tools `vstr`, `vecho`, \
           … or uses `set /e`) or for MS-DOS (cmd.exe would reach `lh`, `loadhigh`, `ctty`, \
           `deltree`, `mscdex` or `smartdrv`, which Windows NT lacks), whose shells have none \
           either.",
    why: "cmd.exe reads a single digit before `>` or `<` as the handle to redirect (`1>` is \
          standard output, `2>` standard error) when the digit starts a token: after a space or \
          one of the token delimiters `=`, `,` and `;`. `echo Revision=1>>gp1.inf` therefore \
          appends `Revision=` to the file, and `set LEVEL=2>nul` sets LEVEL to nothing: the \
          value the script wrote or reads later is wrong on every client. A digit glued to \
          other text stays text (`echo foo1>x` writes `foo1`), and `%1` is expanded before \
          redirections are read.",
    example: "echo Revision=1>>%TEMP%\\gp1.inf\nset LEVEL=2>nul\n",
    fix: ">>%TEMP%\\gp1.inf echo Revision=1\nset LEVEL=2\n",
    sources: &[
        "cmd-semantics §1.4 (ms-redir, fyi-handles: \"a single digit immediately before > or < is a handle number\"), as corrected by the precision study",
        "precision study, portability.md F1 (Wine's cmd tests run on Windows: `echo foo1> foo` writes `foo1`; ReactOS ParseToken: a handle digit starts a token), F2 (`%1>>log`)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    let bytes = src.bytes();
    let mut freedos = None;
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        // For ECHO, its text (trailing redirections are not part of it).
        let echo_text = match &stmt.kind {
            StmtKind::Echo(e) => Some(e.text),
            StmtKind::Set(s) if s.kind == SetKind::Assign => None,
            _ => continue,
        };
        // COMMAND.COM has no handle numbers (`1>` is the text `1`, then `>`): only code
        // cmd.exe runs, not the Windows 9x side of an `%OS%` test.
        if !stmt.redirects().iter().any(|r| r.handle.is_some()) || !ctx.flow.nt_reachable(id) {
            continue;
        }
        // A script written for FreeDOS's FreeCOM (V8Power tools, `set /e`) or for MS-DOS
        // (`lh`, `ctty`, `deltree`, …), whose shells have no handle numbers either: asked
        // once per file, at the first candidate.
        if *freedos.get_or_insert_with(|| written_for_freedos(ctx) || written_for_dos(ctx)) {
            return;
        }
        for r in stmt.redirects() {
            let Some(h) = r.handle else { continue };
            let at = r.span.start();
            if at == 0 || at <= stmt.span.start() {
                continue;
            }
            let before = bytes[at - 1];
            let h = handle_char(h);
            if matches!(before, b'=' | b',' | b';') {
                out.push(
                    RULE.diag(
                        Span::new(at, at + 1),
                        format!(
                            "this `{h}` after `{b}` is read as the handle number of the \
                             redirection, not as part of the value: the command runs without \
                             it, so the value ends at the `{b}`",
                            b = before as char,
                        ),
                    )
                    .with_label(format!("handle {h}, not text"))
                    .with_help("put the redirection first (`>file echo Revision=1`) or add a space before `>`"),
                );
            } else if let Some(text) =
                echo_text.filter(|t| !matches!(h, '1' | '2') && is_delim(before) && t.end() <= at)
            {
                out.push(
                    Diagnostic::new(
                        RULE.code,
                        Severity::Info,
                        Span::new(at, at + 1),
                        if src.slice(text).iter().all(|&b| is_delim(b)) {
                            format!(
                                "this lone `{h}` before `>` is the handle number {h}, not text: \
                                 ECHO is left with nothing to print and shows its state (\"ECHO \
                                 is on.\" or \"ECHO is off.\") on the screen, and the file \
                                 stays empty"
                            )
                        } else {
                            format!(
                                "this lone `{h}` before `>` is the handle number {h}, not text: \
                                 ECHO prints the line without it, to the screen, and the file \
                                 stays empty"
                            )
                        },
                    )
                    .with_label(format!("handle {h}, not text"))
                    .with_help(format!("put the redirection first (`>file echo … {h}`)")),
                );
            }
        }
    }
}
