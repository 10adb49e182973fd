//! BAT203 unreachable-code: statements no path reaches.

use std::collections::HashSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Resolution;
use crate::rules::bat_util::{in_unclosed_block, is_inert};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT203",
    name: "unreachable-code",
    severity: Severity::Warning,
    summary: "Statements that no path from the top of the script reaches",
    what: "Follows control flow as cmd.exe does (GOTO with cmd.exe's label search, `call :x` \
           returning, IF branches, `exit`, `goto :eof`, a GOTO to a missing label ending the \
           script) and reports each run of consecutive unreachable statements once, at its \
           first statement. Blank lines and comments neither start nor end a run; a label that \
           reachable code jumps to ends it. Not reported: statements inside a block that never \
           closes (BAT101 reports those), and in a logon script the code that only its upgrade \
           gate (`GOTO END` as the first command) makes unreachable.",
    why: "Code after an unconditional GOTO or EXIT that no label leads back to never runs on any \
          client. In logon scripts it is usually a sign of a jump to the wrong label, a label \
          that was renamed or deleted, or a `goto end` left in by mistake: the drive mappings or \
          the SMS client call below it silently stop happening for every user.",
    example: "@echo off\ngoto end\nnet use h: \\\\server\\home\n:end\n",
    fix: "@echo off\nnet use h: \\\\server\\home\ngoto end\n:end\n",
    sources: &[
        "cmd-semantics §1.9 (GOTO search and missing labels), §1.10 (CALL :label returns), §1.14 (EXIT)",
        "cmd-semantics T63 (`goto next & echo never`)",
        "Q237543, Q238780 (the upgrade gate is intentional dead code)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let script = ctx.script;
    let unclosed = in_unclosed_block(script);
    let exempt = crate::rules::bat_util::gate_exempt(ctx);
    // Label definitions that a reachable jump lands on (by the label's name offset).
    let mut jumped: HashSet<usize> = HashSet::new();
    for id in script.ids() {
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        if let Some(Resolution::Label { def, .. }) = ctx.flow.resolution(id) {
            if let Some(d) = ctx.labels.defs.get(*def) {
                jumped.insert(d.name.start);
            }
        }
    }
    // The current run: (first, last) statement.
    let mut run: Option<(StmtId, StmtId)> = None;
    let mut last_reachable: Option<StmtId> = None;
    let mut cause: Option<StmtId> = None;
    for id in script.ids() {
        let stmt = script.stmt(id);
        let reachable = ctx.flow.is_reachable(id);
        let ends = if unclosed[id.index()] {
            true
        } else if is_inert(&stmt.kind) {
            false
        } else if let StmtKind::Label(l) = &stmt.kind {
            reachable || jumped.contains(&l.name.start)
        } else {
            reachable || exempt.as_ref().is_some_and(|e| e[id.index()])
        };
        if ends {
            if let Some((first, last)) = run.take() {
                report(ctx, first, last, cause, out);
            }
            if reachable && !is_inert(&stmt.kind) {
                last_reachable = Some(id);
            }
            continue;
        }
        let counts = !is_inert(&stmt.kind) && !matches!(stmt.kind, StmtKind::Label(_));
        if !counts {
            continue;
        }
        match &mut run {
            Some((_, last)) => *last = id,
            None => {
                run = Some((id, id));
                cause = last_reachable;
            }
        }
    }
    if let Some((first, last)) = run {
        report(ctx, first, last, cause, out);
    }
}

fn report(
    ctx: &Ctx<'_>,
    first: StmtId,
    last: StmtId,
    cause: Option<StmtId>,
    out: &mut Vec<Diagnostic>,
) {
    let src = ctx.source;
    let s = ctx.script.stmt(first);
    let line = src.line_of(s.span.start);
    let last_span = ctx.script.stmt(last).span;
    let last_line = src.line_of(last_span.end.saturating_sub(1).max(last_span.start));
    // Label the statement's first line only (a block may span many).
    let line_end = src.line_span(line).end.max(s.span.start);
    let span = Span::new(s.span.start, s.span.end.min(line_end).max(s.span.start));
    let lines = if last_line > line {
        format!("lines {line}-{last_line}")
    } else {
        format!("line {line}")
    };
    // Only an unconditional jump or exit explains the gap (not one under an `if`).
    let cause = cause.filter(|c| {
        ctx.script.stmt(*c).parent.map_or(true, |p| {
            !matches!(ctx.script.stmt(p).kind, StmtKind::If(_))
        })
    });
    let why = match cause.map(|c| (c, &ctx.script.stmt(c).kind)) {
        Some((c, StmtKind::Goto(_))) => format!(
            ": control never falls through the `goto` on line {} and no reachable jump lands here",
            src.line_of(ctx.script.stmt(c).span.start)
        ),
        Some((c, StmtKind::Exit(_))) => format!(
            ": the `exit` on line {} ends the script and no reachable jump lands here",
            src.line_of(ctx.script.stmt(c).span.start)
        ),
        _ => ": no path from the top of the script reaches it".to_string(),
    };
    out.push(
        RULE.diag(
            span,
            format!("this code ({lines}) never runs on any client{why}"),
        )
        .with_label("unreachable")
        .with_help("remove the dead code, or add the label / jump that should lead here"),
    );
}
