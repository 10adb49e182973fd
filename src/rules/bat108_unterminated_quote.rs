//! BAT108 unterminated-quote: a quote left open changes how the rest of the line is read.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::SyntaxErrorKind;

pub static RULE: Rule = Rule {
    code: "BAT108",
    name: "unterminated-quote",
    severity: Severity::Warning,
    summary: "A `\"` never closed on its line turns the special characters after it into text",
    what: "Reports a double quote that is not closed before the end of its line, when special \
           characters (`&`, `|`, `<`, `>`, `(`, `)`, `^`) follow it on the line.",
    why: "Inside quotes cmd.exe treats `& | < > ( )` and `^` as plain text. With an odd quote, \
          `echo \"done & call %0\\..\\smsls` echoes the text instead of running the second \
          command, a `>nul` is passed as an argument instead of redirecting, and a `)` meant to \
          close a block does not close it. Quotes never continue onto the next line, so the \
          damage is limited to this line, but the commands on it do not run as written.",
    example: "net use h: \"\\\\srv\\home & call %0\\..\\smsls\n",
    fix: "net use h: \"\\\\srv\\home\" & call %0\\..\\smsls\n",
    sources: &[
        "cmd-semantics §1.2 (DT-3587: \"A quote toggles a quote flag … special characters are ignored\"), §1.4 (quotes do not span lines)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for err in &ctx.script.errors {
        if err.kind != SyntaxErrorKind::UnterminatedQuote {
            continue;
        }
        out.push(
            RULE.diag(err.span, err.message.clone())
                .with_label("never closed on this line")
                .with_help("close the quote where the quoted text ends"),
        );
    }
}
