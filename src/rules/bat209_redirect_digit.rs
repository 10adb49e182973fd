//! BAT209 redirect-digit: a digit glued to `>` is read as a handle number.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::handle_char;
use crate::rules::{Ctx, Rule};
use crate::source::Span;

pub static RULE: Rule = Rule {
    code: "BAT209",
    name: "redirect-digit",
    severity: Severity::Warning,
    summary: "A digit glued to `>` or `<` is a handle number, not text",
    what: "Reports a redirection whose handle digit is glued to the text before it, as in \
           `echo value1>out.txt` or `set LEVEL=2>nul`.",
    why: "A single digit directly before `>` or `<` is read as the handle to redirect (`1>` is \
          standard output, `2>` standard error), even when it is glued to a word. \
          `echo Build=1380>ver.txt` writes `Build=138` to the file, and `set N=2>nul` sets N to \
          nothing: the value the script wrote or read later is wrong on every client.",
    example: "echo %SMS_VER%1>%TEMP%\\ver.txt\n",
    fix: ">%TEMP%\\ver.txt echo %SMS_VER%1\n",
    sources: &[
        "cmd-semantics §1.4 (ms-redir, fyi-handles: \"a single digit immediately before > or < is a handle number\")",
        "cmd-semantics T50",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    let bytes = src.bytes();
    for stmt in &ctx.script.stmts {
        for r in &stmt.redirects {
            let Some(h) = r.handle else { continue };
            let at = r.span.start;
            if at == 0 || at <= stmt.span.start {
                continue;
            }
            let before = bytes[at - 1];
            // After a space, the digit is clearly meant as a handle; after text, `=`, `,` or
            // `;` it was meant as part of the value.
            if matches!(
                before,
                b' ' | b'\t' | 0x0B | 0x0C | 0xFF | b'&' | b'|' | b'(' | b')' | b'<' | b'>' | b'@'
            ) {
                continue;
            }
            let h = handle_char(h);
            out.push(
                RULE.diag(
                    Span::new(at, at + 1),
                    format!(
                        "this `{h}` is read as the handle number of the redirection, not as text: \
                         the command runs without the `{h}`, and {}",
                        if h == '1' {
                            "its output still goes to the file"
                        } else {
                            "only that handle is redirected"
                        }
                    ),
                )
                .with_label(format!("handle {h}, not text"))
                .with_help(
                    "put the redirection first (`>file echo text1`) or add a space before it",
                ),
            );
        }
    }
}
