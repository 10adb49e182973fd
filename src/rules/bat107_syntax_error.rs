//! BAT107 syntax-error: a line cmd.exe rejects or ignores as a whole.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat217_for_variable_single_percent::single_percent_fors;
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::SyntaxErrorKind;

pub static RULE: Rule = Rule {
    code: "BAT107",
    name: "syntax-error",
    severity: Severity::Error,
    summary: "A line cmd.exe rejects as a syntax error, or ignores as a whole",
    what: "Reports the syntax errors the parser finds that no more specific rule covers: an IF \
           condition that cannot be read, a FOR without `in (…) do`, a command made only of \
           redirections, a `)` that closes nothing (a top-level `)` line with text after it, \
           text after a block's closing `)`, a `)` right after a label line inside a block), \
           and a `(` that a command took as its argument (`if not exist x do (`) where a later \
           stray `)` shows a block was meant. A bare `)` line at top level is harmless (cmd.exe \
           skips it) and is not reported. Unclosed blocks are BAT101 and misplaced ELSE is \
           BAT105; a FOR variable written with one `%` (`for %a in (…)`) is BAT217.",
    why: "cmd.exe parses a whole line (a whole block) before it runs any of it. A syntax error \
          stops the batch file with a message such as \"… was unexpected at this time.\" or \
          \"The syntax of the command is incorrect.\"; a block with such an error runs none of \
          its commands, and a top-level line starting with `)` is skipped entirely. Whatever the \
          logon script was meant to do from there on does not happen.",
    example: "if exist %TEMP%\\sms.flg (\n  :: remove the flag\n)\n>nul\nfor %%i do echo %%i\n",
    fix: "if exist %TEMP%\\sms.flg (\n  REM remove the flag\n  del %TEMP%\\sms.flg\n)\nfor %%i in (a b) do echo %%i\n",
    sources: &[
        "cmd-semantics §1.2 (SO-parse, DT-3587: phase 2, the parenthesis counter; ios12-issue, docon-comments: `)` after a label in a block)",
        "cmd-semantics §1.4 (batch-spec: \"Live cmd rejects a statement that is only redirects\"; a top-level `)` line is ignored), §1.11, §1.12",
        "cmd-semantics T25, T26, T50",
    ],
    check: Some(check),
    opt_in: Some(
        "On 2,030 real scripts 18 of its 48 findings in code that runs were real syntax errors (single-% FOR variables, `if … do (`, lines of only redirections); the rest are deliberate probes in shell test suites, COMMAND.COM-only branches, `/?` help forms and macro bodies that smslint does not read yet, so the rule stays opt-in until its precision reaches 90 %.",
    ),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // FOR lines BAT217 reports (`for %a in (…)`): from the statement's start to its variable,
    // gathered at the first FOR error.
    let mut single_percent: Option<Vec<Span>> = None;
    for err in &ctx.script.errors {
        if err.kind == SyntaxErrorKind::BadFor
            && single_percent
                .get_or_insert_with(|| {
                    single_percent_fors(ctx)
                        .map(|(stmt, var)| Span::new(stmt.start(), var.end()))
                        .collect()
                })
                .iter()
                .any(|s| s.start() <= err.span.start() && err.span.start() < s.end())
        {
            continue;
        }
        let (label, help) = match err.kind {
            SyntaxErrorKind::StrayClose => (
                "closes nothing",
                "match every `)` with its `(` (escape a literal one as `^)`); use REM, not `::`, for comments inside blocks",
            ),
            SyntaxErrorKind::ParenArgument => (
                "`(` taken as an argument",
                "put the `(` right after the IF condition or the FOR's `do` (remove the stray word before it), so it opens the block",
            ),
            SyntaxErrorKind::RedirectOnly => (
                "no command",
                "put the command the redirection belongs to on this line, or remove the line",
            ),
            SyntaxErrorKind::BadIf => (
                "syntax error",
                "write the condition as `if [not] \"a\"==\"b\"`, `if [not] exist file` or `if [not] errorlevel n`",
            ),
            SyntaxErrorKind::BadFor => (
                "incomplete FOR",
                "write `for %%v in (set) do command`",
            ),
            SyntaxErrorKind::UnclosedBlock
            | SyntaxErrorKind::MisplacedElse
            | SyntaxErrorKind::UnterminatedQuote
            | SyntaxErrorKind::TooDeep => continue,
        };
        out.push(
            RULE.diag(err.span, err.message.clone())
                .with_label(label)
                .with_help(help),
        );
    }
}
