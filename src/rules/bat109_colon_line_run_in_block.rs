//! BAT109 colon-line-run-in-block: a `::` line inside a block that cmd.exe runs as a command.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{snippet, stderr_silenced};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{Condition, Connector, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT109",
    name: "colon-line-run-in-block",
    severity: Severity::Error,
    summary: "A `::` comment line inside a block that cmd.exe runs as a command",
    what: "Reports a `::` comment line inside a parenthesised block that cmd.exe reads as a \
           command, because it directly follows another `::` comment or label line of the \
           block. A `:label` or `:# note` line in that place is not reported: run as a command \
           it is still only a label to cmd.exe. Nor is a pair the block's own run never \
           reaches, after a GOTO or EXIT of the block itself (`goto wait` / `:finished` / `:: \
           note`): only a jump to the label gets there, and from there cmd.exe reads line by \
           line, where `::` is a comment. Nor is a line whose standard error goes to `nul` \
           (`::del /q \"%%x\\cache\\*\" 2>nul`, or the block's own `2>nul`): cmd.exe runs it, but \
           its message goes nowhere and it does nothing else. Nor a line in the side of an \
           `if errorlevel 0` test that does not run (its else side, or the then side of `if not \
           errorlevel 0`): the test holds for every exit code but a negative one (BAT207 \
           reports it).",
    why: "Inside a block, cmd.exe parses the line after a label line (and `::` comments are \
          label lines) as a command, even when it looks like a label. A second `::` comment in \
          a row is then run: cmd.exe looks for a drive named `:` and prints \"The system cannot \
          find the drive specified.\" during logon. `::` comments are only safe outside blocks.",
    example: "if \"%OS%\"==\"Windows_NT\" (\n  :: map the home drive\n  :: for NT clients\n  net use h: /home\n)\n",
    fix: "if \"%OS%\"==\"Windows_NT\" (\n  REM map the home drive\n  REM for NT clients\n  net use h: /home\n)\n",
    sources: &[
        "cmd-semantics §1.2 (SO-dcolon: \"The system cannot find the drive specified.\"), §1.7 (docon-comments, ios12-issue quoting SS64)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    for (k, stmt) in ctx.script.stmts.iter().enumerate() {
        let StmtKind::Simple(s) = &stmt.kind else {
            continue;
        };
        // Only a `::` line fails when run: cmd.exe takes `::` for a drive. A `:label` or
        // `:# note` line run as a command is still a label to it, and does nothing.
        if stmt.parent().is_none() || !src.slice(s.name.span).starts_with(b"::") {
            continue;
        }
        // Run, but silent: its own `2>nul` (or the block's) swallows the message, and the
        // line does nothing else (a commented-out `::del … 2>nul` in a cleanup loop).
        if after_leaving_jump(ctx, k) || stderr_silenced(src, ctx.script, StmtId(k as u32)) {
            continue;
        }
        // In a block that is never closed nothing runs: cmd.exe is still reading the
        // statement when the file ends (BAT101 reports that).
        if in_unclosed_block(ctx, StmtId(k as u32)) {
            continue;
        }
        // In the else side of `if errorlevel 0 (…) else (…)` (or the then side of `if not
        // errorlevel 0`): true for every exit code but a negative one, so that side does not
        // run (BAT207 reports the test).
        if in_never_run_level_branch(ctx, StmtId(k as u32)) {
            continue;
        }
        let shown = snippet(src, s.name.span, 40, false);
        out.push(
            RULE.diag(
                s.name.span,
                format!(
                    "cmd.exe runs this `{shown}` line as a command, because it follows a label or \
                     `::` line inside the block: it prints \"The system cannot find the drive \
                     specified.\""
                ),
            )
            .with_label("run as a command")
            .with_help("use REM for comments inside blocks"),
        );
    }
}

/// A branch around statement `id` is the side of an `if errorlevel 0` test that does not run:
/// its else side, or the then side of `if not errorlevel 0`.
fn in_never_run_level_branch(ctx: &Ctx<'_>, id: StmtId) -> bool {
    let script = ctx.script;
    let mut child = id;
    while let Some(up) = script.stmt(child).parent() {
        if let StmtKind::If(i) = &script.stmt(up).kind {
            if let Condition::Errorlevel { value: Some(0), .. } = i.condition {
                let dead = if i.not.is_some() {
                    i.then == Some(child)
                } else {
                    i.else_.is_some_and(|(_, e)| e == child)
                };
                if dead {
                    return true;
                }
            }
        }
        child = up;
    }
    false
}

/// A block around statement `id` has no closing `)`.
fn in_unclosed_block(ctx: &Ctx<'_>, id: StmtId) -> bool {
    std::iter::successors(ctx.script.stmt(id).parent(), |&p| {
        ctx.script.stmt(p).parent()
    })
    .any(|p| matches!(&ctx.script.stmt(p).kind, StmtKind::Block(b) if b.close.is_none()))
}

/// The block's own run never reaches statement `k`: before it in the block stands a GOTO or
/// EXIT of the block itself (`goto poll` / `:done` / `:: note`), not one chained with `&&` or
/// `||`. Only a jump to a label after it gets there, and from there cmd.exe reads line by
/// line, where `::` is a comment.
fn after_leaving_jump(ctx: &Ctx<'_>, k: usize) -> bool {
    let stmts = &ctx.script.stmts;
    let parent = stmts[k].parent();
    for j in (k.saturating_sub(256)..k).rev() {
        let prev = &stmts[j];
        if Some(StmtId(j as u32)) == parent {
            // The block's own start: nothing before `k` in it leaves.
            return false;
        }
        if prev.parent() != parent {
            // A statement nested in an earlier sibling (an IF's command): keep looking back
            // for that sibling itself.
            continue;
        }
        if matches!(prev.kind, StmtKind::Goto(_) | StmtKind::Exit(_))
            && matches!(prev.connector, Connector::None | Connector::Amp)
        {
            return true;
        }
    }
    false
}
