//! BAT207 errorlevel-zero: `if errorlevel 0` is always true.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat302_win9x_incompatible::dos_reason;
use crate::rules::bat_util::Siblings;
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{CmpOp, Condition, Connector, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT207",
    name: "errorlevel-zero",
    severity: Severity::Warning,
    summary: "`if errorlevel 0` is always true (and `if not errorlevel 0` never)",
    what: "Reports `if errorlevel 0 …`, and `if not errorlevel 0 …` in code Windows 9x \
           clients run or in a script with a DOS 8.3 file name that uses no cmd.exe-only syntax at all (a DOS build or \
           test script, which COMMAND.COM runs as written); elsewhere on NT it detects \
           negative exit codes and is not reported. Not reported: `if errorlevel 0` first in \
           a branch that runs only on exit code 0 (inside `if %errorlevel% equ 0 (`, or the \
           else of `if errorlevel 1`), where it is redundant \
           but runs its command exactly when it should; nor `if errorlevel 0 goto x` right \
           above `:x` (or above `goto x`), which lands where falling through goes; nor `if errorlevel 0 set X=…` followed \
           by `if errorlevel 1 set X=…` (the default step of a rising ladder, which the higher \
           tests overwrite); nor the last step of a falling ladder whose steps down to \
           `if errorlevel 1` all leave (`goto`, `exit`, or `echo failed & goto end` on the \
           test's line), where only exit code 0 is left, or, followed by a label, down to a \
           higher step after XCOPY or ROBOCOPY, whose codes below the lowest step are not \
           failures (XCOPY 1: no file found; ROBOCOPY 1 to 7: copied: `if errorlevel 8 goto \
           failed` / `if errorlevel 0 goto done` / `:fatal`: the ladder's \"otherwise\"), or \
           down to two or more higher steps, which dispatch on the code's value (a detection \
           tool's `if errorlevel 5 goto vga` / `if errorlevel 2 goto cga` / `if errorlevel 0 \
           goto mono` / `:mono`, a CHOICE menu); nor \
           an `if errorlevel 0` joined to \
           the command before it with `&&` or `||` (`find \"XP\" >nul && if errorlevel 0 \
           set sys=xp`), which that operator already gates; nor one with an else-branch in a \
           script that itself exits with a negative code (`exit /b -255`), where the else \
           catches those codes on purpose (elsewhere the else-branch is a failure path that \
           never runs, and is reported); nor any `if errorlevel 0` on NT in a script that \
           also tests a negative level (`if errorlevel -1 goto help`), which knows about \
           negative exit codes.",
    why: "`IF ERRORLEVEL n` is true for exit codes n or higher. Programs report failure with \
          1 or more, so `if errorlevel 0` is true after success and failure alike: it does \
          not test for success, and its command runs either way (on NT only a negative exit \
          code, from `exit /b -1` or a crash, makes it false). COMMAND.COM's exit codes are 0 \
          to 255, so there `if not errorlevel 0` never runs its command. A logon script meant \
          to skip SMS on failure, or to run it on success, then does the same thing on every \
          client.",
    example: "%0\\..\\checkras.exe\nif errorlevel 0 goto lan\n",
    fix: "%0\\..\\checkras.exe\nif not errorlevel 1 goto lan\n",
    sources: &[
        "IF /? (IF-help): \"equal to or greater than the number specified\"",
        "cmd-semantics T51 (\"Lint info when `if errorlevel 0` is used (always true)\")",
        "precision study, portability.md F7 (negative exit codes on NT; MS-DOS 4.0 TBATCH2.ASM IFERLEV: the errorlevel is a byte)",
    ],
    check: Some(check),
    opt_in: None,
};

/// The name `set NAME=…` assigns, when `id` is such a statement.
fn set_name<'s>(ctx: &Ctx<'s>, id: Option<StmtId>) -> Option<&'s [u8]> {
    match &ctx.script.stmt(id?).kind {
        StmtKind::Set(set) => set.name.map(|n| ctx.source.slice(n).trim_ascii()),
        _ => None,
    }
}

/// `if errorlevel 0 set X=A:` followed by `if errorlevel 1 set X=B:` (a rising ladder, as in
/// a boot disk's CD-drive probe): the always-true first step is the ladder's default, which
/// the later, higher tests overwrite.
fn ladder_default(ctx: &Ctx<'_>, id: StmtId, i: &crate::syntax::ast::If) -> bool {
    let Some(name) = set_name(ctx, i.then) else {
        return false;
    };
    let Some(next) = ctx.flow.seq_next.get(id.index()).copied().flatten() else {
        return false;
    };
    match &ctx.script.stmt(next).kind {
        StmtKind::If(n) => {
            n.not.is_none()
                && matches!(n.condition, Condition::Errorlevel { value: Some(v), .. } if v >= 1)
                && set_name(ctx, n.then).is_some_and(|m| m.eq_ignore_ascii_case(name))
        }
        _ => false,
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // Since the last top-level label: a top-level `if errorlevel 0` that always jumps away
    // was reported. The tests after it (a copied chain of them) run only after a negative
    // exit code: one finding for the chain.
    let mut jumped = false;
    let mut negative_tests: Option<bool> = None;
    // Built at the first test that needs it: most scripts have none.
    let mut sib: Option<Siblings> = None;
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        if matches!(stmt.kind, StmtKind::Label(_)) && stmt.parent().is_none() {
            jumped = false;
        }
        let StmtKind::If(i) = &stmt.kind else {
            continue;
        };
        let Condition::Errorlevel {
            keyword,
            level,
            value: Some(0),
        } = &i.condition
        else {
            continue;
        };
        // On NT an exit code can be negative (`exit /b -1`, NTSTATUS crash codes), and then
        // `if errorlevel 0` is false: `if not errorlevel 0` is a real test there. It is
        // never true only where COMMAND.COM (a byte-sized errorlevel) runs the line.
        // A script left to the tree and found NT only, but with no cmd.exe-only syntax at
        // all (a DOS build or test script), is one COMMAND.COM runs as written: there too.
        let mut reason = "";
        if i.not.is_some() {
            if ctx.settings.targets.win9x {
                if ctx.flow.is_nt_only(id) {
                    continue;
                }
            } else {
                match dos_reason(ctx) {
                    Some(r) if ctx.win9x().runs(id) => reason = r,
                    _ => continue,
                }
            }
        }
        // Nested where the exit code is already known to be 0 (`if %errorlevel% equ 0 (`,
        // the else of `if errorlevel 1`): the test is redundant there, not wrong.
        // `if errorlevel 0 (…) else (…)` in a script that itself exits with a negative code
        // (`exit /b -255`): the else-branch is for those (NT), so the test tells them apart
        // on purpose. Elsewhere an else-branch is the failure path (`else (echo failed`),
        // which never runs.
        // `find "XP" >nul && if errorlevel 0 set sys=xp`: the `&&` (or `||`) already decides
        // whether the IF runs, and the test adds nothing: redundant, not "either way".
        // A script that tests a negative level itself (`if errorlevel -1 goto help`) knows
        // NT's negative exit codes: `if errorlevel 0` tells them apart on purpose there.
        if i.not.is_none()
            && !ctx.settings.targets.win9x
            && *negative_tests.get_or_insert_with(|| tests_negative_level(ctx))
        {
            continue;
        }
        if i.not.is_none()
            && ((i.else_.is_some() && gives_negative_codes(ctx))
                || matches!(stmt.connector, Connector::AndAnd | Connector::OrOr)
                || jumped
                || inside_success_branch(ctx, id)
                || bounded_above(ctx, i)
                || ladder_default(ctx, id, i)
                || after_failures_left(ctx, id, &mut sib)
                || lands_where_it_falls(ctx, id, i, &mut sib))
        {
            continue;
        }
        if i.not.is_none()
            && stmt.parent().is_none()
            && crate::rules::bat_util::always_leaves(ctx, id, i)
        {
            jumped = true;
        }
        let span = keyword.cover(level.span);
        let (msg, help) = if i.not.is_some() {
            (
                format!(
                    "`if not errorlevel 0` is never true on Windows 9x: COMMAND.COM's exit \
                     codes are 0 to 255, so this command never runs there{reason}"
                ),
                "to test for failure write `if errorlevel 1`",
            )
        } else {
            (
                "`if errorlevel 0` means exit code 0 or higher, so it is true after success \
                 and after failure alike (only a negative exit code on NT makes it false): \
                 this command runs either way"
                    .to_string(),
                "to test for success write `if not errorlevel 1`",
            )
        };
        out.push(
            RULE.diag(span, msg)
                .with_label(if i.not.is_some() {
                    "never true"
                } else {
                    "always true"
                })
                .with_help(help),
        );
    }
}

/// Just before statement `id`, in the same sequence, a chain of `if errorlevel N goto …`
/// tests that leave: when it ends with `if errorlevel 1 …` every failure has already left,
/// so `if errorlevel 0` there means exactly success (`if errorlevel 1 goto fail` / `if
/// errorlevel 0 goto ok`). After higher steps only, it also takes the codes below the lowest
/// step, which for most programs are failures (`if errorlevel 8 goto exists` / `if
/// errorlevel 0 goto installed`); not for XCOPY (1: no file found) and ROBOCOPY (1 to 7:
/// copied, with notes), whose ladders end so by design (the example of XCOPY's help), when a
/// label follows (the lines below are the other steps' handlers). After two or more higher
/// steps the ladder dispatches on the code's value, and the last step is its "otherwise".
fn after_failures_left<'a>(ctx: &Ctx<'a>, id: StmtId, sib: &mut Option<Siblings<'a>>) -> bool {
    let sib = sib.get_or_insert_with(|| Siblings::build(ctx.script));
    let mut k = id;
    let mut steps = 0;
    // The ladder of higher steps ends at statement `cmd`, and a label follows: the catch-all
    // of a copy tool, or of two or more higher steps, which dispatch on the code's value (a
    // detection tool's `if errorlevel 5 goto vga` / `… 2 goto cga` / `… 0 goto mono`, a
    // menu's CHOICE) rather than tell failure from success.
    let otherwise_step = |sib: &Siblings<'_>, steps: usize, cmd: Option<StmtId>| {
        let tool = cmd.is_some_and(|c| match &ctx.script.stmt(c).kind {
            StmtKind::Simple(sm) => {
                let mut buf = Vec::new();
                matches!(
                    crate::syntax::names::program_stem_into(
                        ctx.source.slice(sm.name.span),
                        &mut buf
                    ),
                    Some(b"xcopy" | b"robocopy")
                )
            }
            _ => false,
        });
        let label_next = || {
            sib.after(id).first().map_or(true, |&n| {
                matches!(ctx.script.stmt(n).kind, StmtKind::Label(_))
            })
        };
        (steps >= 2 || steps > 0 && tool) && label_next()
    };
    for _ in 0..64 {
        let Some(prev) = sib.before(k) else {
            return otherwise_step(sib, steps, None);
        };
        k = prev;
        match &ctx.script.stmt(k).kind {
            StmtKind::Comment(_) => {}
            StmtKind::If(i)
                if i.not.is_none() && crate::rules::bat_util::always_leaves(ctx, k, i) =>
            {
                match i.condition {
                    Condition::Errorlevel { value: Some(1), .. } => return true,
                    Condition::Errorlevel { value: Some(n), .. } if n > 1 => steps += 1,
                    _ => return false,
                }
            }
            _ => return otherwise_step(sib, steps, Some(k)),
        }
    }
    false
}

/// `if errorlevel 0 goto run` right above `:run` (or above a `goto run`): the jump lands
/// where falling through goes too, so the test changes nothing.
fn lands_where_it_falls<'a>(
    ctx: &Ctx<'a>,
    id: StmtId,
    i: &crate::syntax::ast::If,
    sib: &mut Option<Siblings<'a>>,
) -> bool {
    let target = |g: StmtId| match ctx.flow.resolution(g) {
        Some(crate::flow::Resolution::Label {
            to: crate::flow::Node::Stmt(t),
            ..
        }) => Some(*t),
        _ => None,
    };
    let Some(to) = i
        .then
        .filter(|&t| matches!(ctx.script.stmt(t).kind, StmtKind::Goto(_)))
        .and_then(target)
    else {
        return false;
    };
    let sib = sib.get_or_insert_with(|| Siblings::build(ctx.script));
    let Some(&next) = sib
        .after(id)
        .iter()
        .find(|&&n| !matches!(ctx.script.stmt(n).kind, StmtKind::Comment(_)))
    else {
        return false;
    };
    next == to
        || (matches!(ctx.script.stmt(next).kind, StmtKind::Goto(_))
            && ctx.script.stmt(next).connector == Connector::None
            && target(next) == Some(to))
}

/// `if errorlevel 0 if not errorlevel 1 …`: the range idiom (exit code exactly 0, negative
/// codes excluded). The `errorlevel 0` half is what keeps the negative codes out, so it is
/// right there.
fn bounded_above(ctx: &Ctx<'_>, i: &crate::syntax::ast::If) -> bool {
    i.then.is_some_and(|t| {
        matches!(
            &ctx.script.stmt(t).kind,
            StmtKind::If(inner) if inner.not.is_some()
                && matches!(inner.condition, Condition::Errorlevel { value: Some(n), .. } if n >= 1)
        )
    })
}

fn inside_success_branch(ctx: &Ctx<'_>, id: StmtId) -> bool {
    let mut child = id;
    for _ in 0..256 {
        let Some(up) = ctx.script.stmt(child).parent() else {
            return false;
        };
        match &ctx.script.stmt(up).kind {
            StmtKind::If(i) => {
                let branch = if i.then == Some(child) {
                    Some(true)
                } else if i.else_.map(|(_, e)| e) == Some(child) {
                    Some(false)
                } else {
                    None
                };
                if let (Some(then), Some(zero_when)) = (branch, zero_when(ctx, &i.condition)) {
                    // The branch taken when the test (after `not`) is `zero_when`.
                    if then == (zero_when != i.not.is_some()) {
                        return true;
                    }
                }
            }
            // Only what sets no exit code may come first in the block (a program run
            // before the test sets a new one); looked for among the block's first few
            // statements, so a long block costs no more than a short one.
            StmtKind::Block(b) => {
                let Some(at) = b.body.iter().take(16).position(|&s| s == child) else {
                    return false;
                };
                if !b.body[..at].iter().all(|&s| {
                    matches!(
                        ctx.script.stmt(s).kind,
                        StmtKind::Comment(_) | StmtKind::Label(_) | StmtKind::Echo(_)
                    )
                }) {
                    return false;
                }
            }
            _ => return false,
        }
        child = up;
    }
    false
}

/// The truth value of `condition` (before any `not`) that means the exit code is 0 (or
/// below 1), when it tests the exit code at all.
fn zero_when(ctx: &Ctx<'_>, condition: &Condition) -> Option<bool> {
    match condition {
        Condition::Errorlevel { value: Some(1), .. } => Some(false),
        Condition::Compare { lhs, op, rhs, .. } => {
            let text = |w: &crate::syntax::ast::Word| {
                let t = ctx.source.slice(w.span);
                let t = t.strip_prefix(b"\"").unwrap_or(t);
                t.strip_suffix(b"\"").unwrap_or(t).to_ascii_lowercase()
            };
            let is_level = |t: &[u8]| t == b"%errorlevel%" || t == b"!errorlevel!";
            let (l, r) = (text(lhs), text(rhs));
            // The exit code on the left; `0 equ %errorlevel%` reads the same way.
            let (level_left, number) = if is_level(&l) {
                (true, r)
            } else if is_level(&r) {
                (false, l)
            } else {
                return None;
            };
            match (op, number.as_slice()) {
                (CmpOp::EqEq | CmpOp::Equ, b"0") => Some(true),
                (CmpOp::Neq, b"0") => Some(false),
                (CmpOp::Lss, b"1") | (CmpOp::Leq, b"0") if level_left => Some(true),
                (CmpOp::Geq, b"1") | (CmpOp::Gtr, b"0") if level_left => Some(false),
                (CmpOp::Gtr, b"1") | (CmpOp::Geq, b"0") if !level_left => Some(true),
                (CmpOp::Leq, b"1") | (CmpOp::Lss, b"0") if !level_left => Some(false),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The script ends with a negative exit code somewhere (`exit /b -1`, `exit -255`).
/// The script has an `if errorlevel -N` test.
fn tests_negative_level(ctx: &Ctx<'_>) -> bool {
    ctx.script.stmts.iter().any(|s| {
        matches!(&s.kind, StmtKind::If(i) if matches!(&i.condition,
            Condition::Errorlevel { level, .. }
                if ctx.source.slice(level.span).strip_prefix(b"-").is_some_and(|d| d.first().is_some_and(u8::is_ascii_digit))))
    })
}

fn gives_negative_codes(ctx: &Ctx<'_>) -> bool {
    ctx.script.stmts.iter().any(|s| match &s.kind {
        StmtKind::Exit(e) => e
            .code
            .as_ref()
            .is_some_and(|c| ctx.source.slice(c.span).starts_with(b"-")),
        _ => false,
    })
}
