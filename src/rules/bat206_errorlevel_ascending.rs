//! BAT206 errorlevel-ascending: an `if errorlevel` test shadowed by a lower one before it.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::Siblings;
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{Condition, If, JumpTarget, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT206",
    name: "errorlevel-ascending",
    severity: Severity::Warning,
    summary: "`if errorlevel` tests in ascending order: a lower test shadows a higher one",
    what: "In a run of consecutive `if errorlevel N …` lines (comments between them allowed), \
           reports a test that can never be true because an earlier test with the same or a \
           lower N already left with `goto` or `exit` for every errorlevel at or above it. Tests \
           after an `if errorlevel 0 …` that leaves are left to BAT207, which reports that \
           test once. A shadowed test that leaves to the same place as the one that catches \
           it first (the same test written twice) loses nothing and is not reported.",
    why: "`IF ERRORLEVEL n` is true when the exit code is n *or higher*, not when it equals n. \
          After `if errorlevel 1 goto slow`, a following `if errorlevel 2 goto prompt` never \
          fires: code 2 already jumped to `slow`. Tests of NETSPEED (0 fast, 1 slow, 2 prompt), \
          CHECK20 (0-3), CHOICE or IFMEMBER written in ascending order send every client to the \
          branch of the lowest code, so the other branches silently never run.",
    example: "%0\\..\\netspeed\nif errorlevel 1 goto end\nif errorlevel 2 goto prompt\n",
    fix: "%0\\..\\netspeed\nif errorlevel 2 goto prompt\nif errorlevel 1 goto end\n",
    sources: &[
        "IF /? (IF-help): \"ERRORLEVEL number: Specifies a true condition if the last program run returned an exit code equal to or greater than the number specified\"",
        "Q131011, Q121387 (NETSPEED exit codes), Q199653 (CHECK20 exit codes)",
        "sms-domain §5 LS013",
    ],
    check: Some(check),
    opt_in: None,
};

/// `if errorlevel N` without `not`: (N, the condition's span).
fn positive_test(i: &If) -> Option<(u32, Span)> {
    if i.not.is_some() {
        return None;
    }
    match &i.condition {
        Condition::Errorlevel {
            keyword,
            level,
            value: Some(n),
        } => Some((*n, keyword.cover(level.span))),
        _ => None,
    }
}

/// The `if`'s command always leaves (goto to a label or `:eof`, or exit) and it has no else.
fn leaves(ctx: &Ctx<'_>, i: &If) -> bool {
    if i.else_.is_some() {
        return false;
    }
    let Some(then) = i.then else {
        return false;
    };
    match &ctx.script.stmt(then).kind {
        StmtKind::Goto(g) => !matches!(g.target, JumpTarget::Missing),
        StmtKind::Exit(_) => true,
        _ => false,
    }
}

/// The two IFs' commands leave to the same place: a GOTO to the same label (any case) or
/// `:eof`, or the same `exit` command.
fn same_leave(ctx: &Ctx<'_>, a: &If, b: &If) -> bool {
    let (Some(x), Some(y)) = (a.then, b.then) else {
        return false;
    };
    match (&ctx.script.stmt(x).kind, &ctx.script.stmt(y).kind) {
        (StmtKind::Goto(g), StmtKind::Goto(h)) => match (&g.target, &h.target) {
            (JumpTarget::Eof, JumpTarget::Eof) => true,
            (JumpTarget::Label { key: k, .. }, JumpTarget::Label { key: l, .. }) => {
                k.eq_ignore_ascii_case(l)
            }
            _ => false,
        },
        (StmtKind::Exit(_), StmtKind::Exit(_)) => ctx
            .source
            .slice(ctx.script.stmt(x).span)
            .eq_ignore_ascii_case(ctx.source.slice(ctx.script.stmt(y).span)),
        _ => false,
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let script = ctx.script;
    // Built at the first chain: most scripts have none.
    let mut sib: Option<Siblings> = None;
    let mut walked: Vec<bool> = Vec::new();
    let is_if = |id: StmtId| match &script.stmt(id).kind {
        StmtKind::If(i) => Some(i),
        _ => None,
    };
    // `walked`: statements already walked by a chain: a chain never starts there again
    // (linear).
    for id in script.ids() {
        if walked.get(id.index()).copied().unwrap_or(false) {
            continue;
        }
        let Some(first) = is_if(id) else { continue };
        let Some((n0, span0)) = positive_test(first) else {
            continue;
        };
        if !leaves(ctx, first) {
            continue;
        }
        let sib = sib.get_or_insert_with(|| Siblings::build(script));
        if walked.is_empty() {
            walked = vec![false; script.stmts.len()];
        }
        // Start a chain only at its first leaving test (the statement before is not one).
        if let Some(prev) = sib.before(id) {
            if let Some(p) = is_if(prev) {
                if positive_test(p).is_some() && leaves(ctx, p) {
                    continue;
                }
            }
        }
        // The leaving tests so far whose N is lower than every one before them, in order (N
        // strictly decreasing): an exit code n is caught by the first of them with N ≤ n.
        let mut leavers: Vec<(u32, Span, &If)> = vec![(n0, span0, first)];
        for &next in sib.after(id) {
            walked[next.index()] = true;
            let stmt = script.stmt(next);
            if matches!(stmt.kind, StmtKind::Comment(_)) {
                continue;
            }
            let Some(i) = is_if(next) else { break };
            if i.not.is_some() && matches!(i.condition, Condition::Errorlevel { .. }) {
                // `if not errorlevel k goto x` leaves for lower codes; the chain goes on.
                if leaves(ctx, i) {
                    continue;
                }
                break;
            }
            let Some((n, span)) = positive_test(i) else {
                break;
            };
            let min = leavers[leavers.len() - 1];
            // Under `if errorlevel 0 goto …` every later test is shadowed; BAT207 reports
            // that test itself, once.
            if min.0 == 0 {
                break;
            }
            if n >= min.0 {
                let catcher = leavers[leavers.partition_point(|x| x.0 > n)];
                // The same jump as the test that catches it first (a test left twice):
                // nothing is lost.
                if same_leave(ctx, i, catcher.2) {
                    continue;
                }
                let at = ctx.source.line_of(catcher.1.start());
                out.push(
                    RULE.diag(
                        span,
                        format!(
                            "`if errorlevel {n}` is never true here: the test `if errorlevel {}` \
                             on line {at} already left for every exit code {} or higher (IF \
                             ERRORLEVEL n means n or higher), so this branch never runs",
                            catcher.0, catcher.0
                        ),
                    )
                    .with_label("shadowed by a lower test above")
                    .with_related(catcher.1, "this test catches it first")
                    .with_help("test the highest exit code first (descending order)"),
                );
                continue; // never true, so its command never runs: the chain goes on
            }
            if leaves(ctx, i) {
                leavers.push((n, span, i));
            } else {
                break; // its command may change the errorlevel
            }
        }
    }
}
