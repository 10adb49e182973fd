//! BAT105 misplaced-else: an ELSE that cmd.exe does not read as the IF's else-branch.

use rustc_hash::FxHashSet as HashSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{always_leaves, Siblings};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{Connector, StmtId, StmtKind, SyntaxErrorKind};
use crate::syntax::names::program_file_name_is;

pub static RULE: Rule = Rule {
    code: "BAT105",
    name: "misplaced-else",
    severity: Severity::Error,
    summary: "ELSE on its own line or after an unparenthesised command is not an else-branch",
    what: "Reports an `else` that starts a line (after a `)` on the line before, or after an \
           `if … goto` line), and an `else` \
           after an IF's command that is not in parentheses (`if exist f del f else echo x`).",
    why: "ELSE belongs to IF only when it follows the then-command's closing `)` on the same \
          line: `) else (`. On its own line, cmd.exe runs `else` as a command (\"'else' is not \
          recognized as an internal or external command\"). The lines after `else (` then run \
          whatever the condition was; a command on the same line (`else echo x`) is only an \
          argument of the failing `else`, so it never runs. After an unparenthesised \
          command, `else …` is just more arguments of that command: `del f else echo x` tries \
          to delete files named `else`, `echo` and `x`.",
    example: "if exist %windir%\\system32\\rasapi32.dll (\n  goto ras\n)\nelse (\n  call %0\\..\\smsls\n)\n",
    fix: "if exist %windir%\\system32\\rasapi32.dll (\n  goto ras\n) else (\n  call %0\\..\\smsls\n)\n",
    sources: &[
        "IF /? (IF-help): \"The ELSE clause must occur on the same line as the command after the IF\"",
        "cmd-semantics §1.11, T52",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::default();
    let mut sib: Option<Siblings> = None;
    for (k, stmt) in ctx.script.stmts.iter().enumerate() {
        let StmtKind::Simple(s) = &stmt.kind else {
            continue;
        };
        if stmt.connector != Connector::None
            || !program_file_name_is(ctx.source.slice(s.name.span), b"else")
        {
            continue;
        }
        seen.insert(s.name.span.start());
        let line = ctx.source.line_of(s.name.span.start());
        // After `if … goto x` (a then-command that always leaves), the lines after the
        // `else` run only when the test failed, as meant: what goes wrong is the error.
        let sib = sib.get_or_insert_with(|| Siblings::build(ctx.script));
        // The IF it was meant for cannot be read (`if [ $? -eq 0 ]; then` / `else` / `fi`,
        // a shell script's lines): cmd.exe stops the script at that IF and never gets here.
        if after_unreadable_if(ctx, sib, StmtId(k as u32)) {
            continue;
        }
        let after_jump = sib.before(StmtId(k as u32)).is_some_and(|p| {
            matches!(&ctx.script.stmt(p).kind, StmtKind::If(i) if i.else_.is_none() && always_leaves(ctx, p, i))
        });
        // `else echo x`: the meant else-command is only the failing command's arguments.
        let has_command = s
            .args
            .first()
            .is_some_and(|a| ctx.source.slice(a.span) != b"(");
        let silenced =
            crate::rules::bat_util::stderr_silenced(ctx.source, ctx.script, StmtId(k as u32));
        let then = if after_jump && silenced {
            "; the lines after it still run only when the IF above did not jump, and the \
             redirection hides the error, but it sets ERRORLEVEL to 9009"
        } else if after_jump {
            "; the lines after it still run only when the IF above did not jump, but the error \
             comes every time and sets ERRORLEVEL to 9009"
        } else if has_command {
            ", and the command after it on that line is only its argument: the else-branch \
             never runs, even when the IF's test fails"
        } else {
            ", and the lines after it, meant for the else-branch, run whether the IF's test \
             held or not"
        };
        out.push(
            RULE.diag(
                s.name.span,
                format!(
                    "`else` at the start of line {line} is not part of the IF above: cmd.exe runs \
                     it as a command (\"'else' is not recognized as an internal or external \
                     command\"){then}"
                ),
            )
            .with_label("not an else-branch")
            .with_help("put `else` on the same line as the closing parenthesis: `) else (`"),
        );
    }
    for err in &ctx.script.errors {
        if err.kind != SyntaxErrorKind::MisplacedElse || !seen.insert(err.span.start()) {
            continue;
        }
        out.push(
            RULE.diag(
                err.span,
                "this `else` follows a command that is not in parentheses, so it is only another \
                 argument of that command: the else-branch never runs as one, and the \
                 then-command gets `else …` as extra arguments",
            )
            .with_label("an argument, not an else-branch")
            .with_help("put the then-command in parentheses: `if … (command) else (command)`"),
        );
    }
}

/// The nearest IF before `id` among its siblings (within 32 statements) has a condition
/// cmd.exe cannot read.
fn after_unreadable_if(ctx: &Ctx<'_>, sib: &Siblings<'_>, id: StmtId) -> bool {
    let mut at = sib.before(id);
    for _ in 0..32 {
        let Some(p) = at else {
            return false;
        };
        if let StmtKind::If(i) = &ctx.script.stmt(p).kind {
            return matches!(i.condition, crate::syntax::ast::Condition::Invalid { .. });
        }
        at = sib.before(p);
    }
    false
}
