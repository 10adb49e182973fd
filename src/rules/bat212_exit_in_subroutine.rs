//! BAT212 exit-in-subroutine: a bare `exit` in code run by `call :label`, or in SMSLS.BAT,
//! which user logon scripts run with `CALL`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::{EdgeKind, Node};
use crate::rules::bat_util::{argument_digit, mentions, nothing_runs_from, ping_wait};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{CallTarget, JumpTarget, SetKind, StmtId, StmtKind};
use crate::syntax::names::{program_file_name_into, split_ext};

pub static RULE: Rule = Rule {
    code: "BAT212",
    name: "exit-in-subroutine",
    severity: Severity::Warning,
    summary: "`exit` without `/b` in a subroutine ends the whole script, not the subroutine",
    what: "Reports an `exit` without `/b` that is reachable from the entry of a `call :label` \
           subroutine, and every reachable `exit` without `/b` in SMSLS.BAT, which user logon \
           scripts start with `CALL %0\\..\\SMSLS`. Not reported: an `exit` right after a \
           `pause` (or the script's own `call :pause`), a `timeout` (or a `ping -n 3 127.0.0.1 \
           >nul` delay), a `choice` or `set /p` prompt or a `shutdown` in the same straight-line code \
           (a deliberate \"press any key to exit\" end; a label between does not break it) or a command that starts the script \
           again (`powershell Start-Process … %~f0 … -Verb RunAs`, or an `echo`ed VBS line \
           `ShellExecute … \"runas\"`: the elevated copy goes on), \
           an `exit` right after an error message under an IF (an `echo`, or a call of an \
           error routine: `call :show_error \"…\"`, `%print_error% \"…\"`), or after the \
           message and up to two commands (an `endlocal` or a REM line among them), or as all the branch of an `if exist` / `if defined` \
           test that runs when the file or variable is missing (`if defined host (…) else \
           (exit)`: a missing input stops the run), or as all the branch of a test that the \
           last command failed (`if %errorlevel% neq 0 (exit 1)`, `if errorlevel 1 exit`: the \
           IF form of `command || exit 1`), in a script \
           that returns with \
           `exit /b` or `goto :eof` elsewhere (`if errorlevel 1 echo No network & exit`, or an \
           `exit` chained with `||` after a command, `curl … || exit 1`, or ending a block \
           chained that way, `find … ||( echo … ` / `exit )`: the \"die\" idiom), an `exit N` with a code in a script that runs itself as a child \
           (`cmd /c \"%~f0\" child`, or `\"%~f0\" a | \"%~f0\" b`: each side of a pipe runs in a cmd.exe of its own; the code is the child's answer), an `exit` the main code reaches without entering a subroutine (the \
           menu's quit handler, even when a subroutine jumps there), and an `exit` that never \
           runs (after `(goto)`, which already left the subroutine), an `exit` under a label \
           named for ending the script (`:exit_door`, `:die`, `:FatalError`, `:error`, \
           `:quitout`: a word of the name is exit, quit, die, abort, fatal, terminate, bail, \
           error, err, fail, failed or failure, or exit, quit or abort glued to out, now, all, \
           do or go), nor an `exit` in a \
           subroutine whose \
           every CALL sits in the main code followed only by `exit /b`, `goto :eof`, \
           `endlocal`, `popd`, `cd`, `cls`, `color`, `title`, comments or the end of the file (ending the script there loses \
           nothing).",
    why: "EXIT without /B does not return from a `call :label` subroutine: it ends cmd.exe \
          itself, so the caller never continues after its CALL (and when the logon script was \
          started from another script or a console, that console closes too). The commands \
          after the CALL, often the SMS client call or the clean-up, silently never run. The \
          same holds one level up: SMS tells admins to start SMSLS.BAT from users' logon \
          scripts with `CALL %0\\..\\SMSLS`, so a bare EXIT in SMSLS.BAT also ends the user's \
          script, and whatever it does after the CALL (drive mappings, other tools) never runs. \
          (`exit /b` is cmd.exe-only; a `goto END` to a label at the end works on Windows 9x too.)",
    example: "call :map\ncall %0\\..\\smsls\ngoto :eof\n:map\nnet use h: /home\nexit\n",
    fix: "call :map\ncall %0\\..\\smsls\ngoto :eof\n:map\nnet use h: /home\nexit /b\n",
    sources: &[
        "cmd-semantics §1.14 (SS64-exit: \"If EXIT without /B is used within a subroutine, then it will terminate the entire batch script\"), T66",
        "EXIT /? and CALL /? (CALL-help)",
        "Q138348 (\"CALL %0\\..\\SMSLS\" from an existing logon script)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // Only a bare `exit` (no `/b`) is reported, and not a deliberate end: "Press any key to
    // exit" + `pause`, a `choice` prompt, `set /p`, or `shutdown` just before it. Without
    // one there is nothing to search.
    let bare_exit =
        |s: &crate::syntax::ast::Stmt| matches!(&s.kind, StmtKind::Exit(e) if e.b.is_none());
    if !ctx.script.stmts.iter().any(bare_exit) {
        return;
    }
    let is_smsls = ctx
        .path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.eq_ignore_ascii_case("smsls.bat"));
    // Subroutines are entered by `call :label` only: without one (and outside SMSLS.BAT,
    // where every bare `exit` is reported), no `exit` is in one.
    let calls_label = ctx.script.stmts.iter().any(|s| {
        matches!(&s.kind, StmtKind::Call(c)
            if matches!(c.target, crate::syntax::ast::CallTarget::Label { .. }))
    });
    if !calls_label && !is_smsls {
        return;
    }
    // The script returns from subroutines elsewhere (`exit /b`, `goto :eof`): its author knows
    // how, so a bare `exit` right after an error message under an IF is a deliberate abort.
    let knows_return = ctx.script.stmts.iter().any(|s| match &s.kind {
        StmtKind::Exit(e) => e.b.is_some(),
        StmtKind::Goto(g) => matches!(g.target, crate::syntax::ast::JumpTarget::Eof),
        _ => false,
    });
    // The label of the section each statement is in (the last top-level label before it):
    // an `exit` in a subroutine named for ending the script (`:exit_door`, `:die`,
    // `:FatalError`) ends it on purpose.
    let mut section: Option<&[u8]> = None;
    let mut exits: Vec<StmtId> = ctx
        .script
        .ids()
        .filter(|&id| {
            let stmt = ctx.script.stmt(id);
            if let (StmtKind::Label(l), None) = (&stmt.kind, stmt.parent()) {
                section = Some(ctx.source.slice(l.name));
            }
            if !bare_exit(stmt) {
                return false;
            }
            // `curl … || exit 1`, or `find … ||( echo message` / `exit )`: the command's
            // failure stops everything, on purpose.
            let on_failure = stmt.connector == crate::syntax::ast::Connector::OrOr
                || ends_failure_block(ctx, id);
            let deliberate = section.is_some_and(names_an_exit)
                || after_prompt(ctx, id)
                || (knows_return
                    && (on_failure || aborts_after_message(ctx, id) || guard_exit(ctx, id)));
            !deliberate
        })
        .collect();
    if exits.is_empty() {
        return;
    }

    // A script that runs itself as a child cmd.exe ends the child with `exit N` on purpose:
    // the parent reads N (`%=exitcode%`, `errorlevel`).
    if exits.iter().any(|&id| has_code(ctx, id)) && runs_itself_in_child(ctx) {
        exits.retain(|&id| !has_code(ctx, id));
        if exits.is_empty() {
            return;
        }
    }

    let n = ctx.script.stmts.len();
    // Statements reachable from any subroutine entry (multi-source search, linear).
    let in_sub = subroutine_code(ctx, n, |_| true).0;
    if !is_smsls && !exits.iter().any(|id| in_sub[id.index()]) {
        return;
    }
    // The same, from the entries of subroutines that have a caller that goes on after its
    // CALL: a CALL in the main body followed only by `exit /b`, `goto :eof`, `endlocal`,
    // `popd`, comments or the end of the file loses nothing when the subroutine ends the script
    // (a subroutine's own CALL returns to its caller, which goes on).
    // A CALL whose return runs straight back into the label it called (`call :size "%f%"`
    // on the line right above `:size`) does not count either: the code after the label is
    // the script's own main line, which the CALL merely starts early, so its `exit` is the
    // script's end (the missing return is the slip, and `exit /b` there would run that code
    // again without the CALL's arguments).
    // (So does one inside a subroutine, `:init` / `if exist a.ini call :ask` / `:ask`: the
    // code after `:ask` runs as the rest of `:init` anyway.)
    let (reported, entry_line) = subroutine_code(ctx, n, |call| {
        !returns_into_callee(ctx, call)
            && (in_sub[call.index()]
                || ctx
                    .flow
                    .successors(call)
                    .iter()
                    .filter(|e| e.kind != EdgeKind::Call)
                    // A bare `exit` ends cmd.exe itself, and its folder stack with it: a
                    // `popd` after the CALL has nothing left to restore (`true`).
                    .any(|e| !nothing_runs_from(ctx, e.to, true)))
    });
    let mut main: Option<Vec<bool>> = None;
    for id in exits {
        let StmtKind::Exit(e) = &ctx.script.stmt(id).kind else {
            continue;
        };
        // The main code's own ends: reached from the top without entering a subroutine (no
        // CALL edge, no label a CALL enters). A subroutine that jumps there (`goto close`, the
        // menu's quit handler) means to end the script.
        if !reported[id.index()] || main.get_or_insert_with(|| main_code(ctx))[id.index()] {
            if is_smsls && ctx.flow.is_reachable(id) {
                out.push(
                    RULE.diag(
                        e.keyword,
                        "users' logon scripts run SMSLS.BAT with `CALL %0\\..\\SMSLS`: this bare \
                         `exit` ends the calling script too, so nothing after their CALL runs",
                    )
                    .with_label("ends the caller too")
                    .with_help(
                        "jump to a label at the end instead (`goto END` … `:END`), which works \
                         on Windows NT and 9x; `exit /b` works on NT only",
                    ),
                );
            }
            continue;
        }
        out.push(
            RULE.diag(
                e.keyword,
                format!(
                    "this `exit` runs inside the subroutine entered at line {}: it ends the whole \
                     script instead of returning, so the caller never continues after its CALL",
                    entry_line[id.index()]
                ),
            )
            .with_label("ends the whole script")
            .with_help("write `exit /b` (or `goto :eof`) to return from the subroutine"),
        );
    }
}

/// Per statement: reachable from the entry of a subroutine that a `call :label` statement
/// accepted by `counts` enters, and the line of the first such entry found.
pub(crate) fn subroutine_code(
    ctx: &Ctx<'_>,
    n: usize,
    counts: impl Fn(StmtId) -> bool,
) -> (Vec<bool>, Vec<usize>) {
    let mut in_sub = vec![false; n];
    let mut entry_line = vec![0usize; n];
    let mut stack = Vec::new();
    for id in ctx.script.ids() {
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        for e in ctx.flow.successors(id) {
            if let (EdgeKind::Call, Node::Stmt(t)) = (e.kind, e.to) {
                if !in_sub[t.index()] && counts(id) {
                    in_sub[t.index()] = true;
                    entry_line[t.index()] = ctx.source.line_of(ctx.script.stmt(t).span.start());
                    stack.push(t);
                }
            }
        }
    }
    while let Some(id) = stack.pop() {
        let from = entry_line[id.index()];
        for e in ctx.flow.successors(id) {
            if let Node::Stmt(t) = e.to {
                if !in_sub[t.index()] {
                    in_sub[t.index()] = true;
                    entry_line[t.index()] = from;
                    stack.push(t);
                }
            }
        }
    }
    (in_sub, entry_line)
}

/// The statement after `call` in straight-line order, past comments and labels, is where the
/// CALL enters: its return falls right back into the subroutine.
fn returns_into_callee(ctx: &Ctx<'_>, call: StmtId) -> bool {
    let along = |id: StmtId, kind: EdgeKind| ctx.flow.successor_stmt(id, kind);
    let Some(entry) = along(call, EdgeKind::Call) else {
        return false;
    };
    let mut at = along(call, EdgeKind::Next);
    for _ in 0..64 {
        let Some(id) = at else {
            return false;
        };
        if id == entry {
            return true;
        }
        if !matches!(
            ctx.script.stmt(id).kind,
            StmtKind::Comment(_) | StmtKind::Label(_)
        ) {
            return false;
        }
        at = along(id, EdgeKind::Next);
    }
    false
}

/// The `exit` is the last command of a block run only when the command before it fails
/// (`find … ||( echo Cannot run here` / `exit )`): the block form of `… || exit`.
fn ends_failure_block(ctx: &Ctx<'_>, exit: StmtId) -> bool {
    let script = ctx.script;
    let Some(block) = script.stmt(exit).parent() else {
        return false;
    };
    let b = script.stmt(block);
    if !matches!(b.kind, StmtKind::Block(_)) || b.connector != crate::syntax::ast::Connector::OrOr {
        return false;
    }
    // Nothing but comments after the `exit` in the block.
    (exit.0 + 1..script.stmts.len() as u32)
        .map(StmtId)
        .take_while(|&id| {
            std::iter::successors(script.stmt(id).parent(), |&p| script.stmt(p).parent())
                .any(|p| p == block)
        })
        .all(|id| matches!(script.stmt(id).kind, StmtKind::Comment(_)))
}

/// Per statement: reachable from the top of the script along edges that are no CALL and lead
/// to no statement a CALL enters.
fn main_code(ctx: &Ctx<'_>) -> Vec<bool> {
    let mut entered = vec![false; ctx.script.stmts.len()];
    for e in &ctx.flow.edges {
        if let (EdgeKind::Call, Node::Stmt(t)) = (e.kind, e.to) {
            entered[t.index()] = true;
        }
    }
    match ctx.flow.entry {
        Some(entry) => ctx.flow.reach_from(entry, |_, e| {
            e.kind != EdgeKind::Call
                && !matches!(e.to, Node::Stmt(t) if entered[t.index()])
                && e.to != Node::AnyLabel
        }),
        None => vec![false; entered.len()],
    }
}

/// The `exit` runs only under an IF and right after a message in the same IF (`if %n%==5
/// echo No network >> log.txt & exit`, `if errorlevel 1 (echo Copy failed & exit)`): the
/// "die" idiom, which means to end everything.
fn aborts_after_message(ctx: &Ctx<'_>, exit: StmtId) -> bool {
    let script = ctx.script;
    let parent = script.stmt(exit).parent();
    let under_if = std::iter::successors(parent, |&p| script.stmt(p).parent())
        .any(|p| matches!(script.stmt(p).kind, StmtKind::If(_)));
    if !under_if {
        return false;
    }
    // The message, or the message and up to two commands of the same block after it
    // (`echo ERROR: too large` / `%sendCmd% quit` / `exit`: telling a helper to stop too);
    // the message may come from an error routine (`call :show_error "…"`).
    let mut k = exit.index();
    for _ in 0..3 {
        let Some(prev) = k.checked_sub(1).map(|p| &script.stmts[p]) else {
            return false;
        };
        k -= 1;
        if prev.parent() != parent {
            return false;
        }
        match &prev.kind {
            StmtKind::Echo(e) => return e.mode.is_none(),
            // The message printed by an error routine: `call :show_error "…"`, or
            // `%print_error% "…"` where the variable holds such a CALL.
            StmtKind::Call(c) => {
                return matches!(
                    &c.target,
                    CallTarget::Label { target: JumpTarget::Label { name, .. }, .. }
                        if names_an_exit(ctx.source.slice(*name))
                )
            }
            StmtKind::Simple(sm) => {
                let word = ctx.source.slice(sm.name.span);
                let var = word
                    .strip_prefix(b"%")
                    .and_then(|w| w.strip_suffix(b"%"))
                    .filter(|v| !v.is_empty() && !v.contains(&b'%'));
                if var.is_some_and(names_an_exit) {
                    return true;
                }
            }
            // `echo download error` / `endlocal` / `exit 1`: closing the scope first, or a
            // REM line, is one of those commands too.
            StmtKind::Endlocal | StmtKind::Comment(_) => {}
            _ => return false,
        }
    }
    false
}

/// The `exit` is all an IF branch does, and that branch runs when a file is missing or a
/// variable is not set (`if defined server (…) else (exit)`, `if not exist %cfg% exit`): a
/// missing input stops the whole run on purpose (a script that returns elsewhere with
/// `exit /b` knows the difference; a subroutine whose output is redirected into a file has no
/// console to print a message to). Also all the branch that runs when the last command failed
/// (`if %errorlevel% neq 0 (exit 1)`): the IF form of `command || exit 1`.
fn guard_exit(ctx: &Ctx<'_>, exit: StmtId) -> bool {
    let script = ctx.script;
    let Some((owner, child)) = crate::rules::bat_util::if_branch_of(script, exit, true) else {
        return false;
    };
    let StmtKind::If(i) = &script.stmt(owner).kind else {
        return false;
    };
    // Only where the file or variable is missing: `if exist %windir%\sms.flg exit` (the work
    // is already done) means to return, and ends the caller too.
    let missing = if i.not.is_some() {
        i.then == Some(child)
    } else {
        i.else_.is_some_and(|(_, e)| e == child)
    };
    if missing
        && matches!(
            i.condition,
            crate::syntax::ast::Condition::Exist { .. }
                | crate::syntax::ast::Condition::Defined { .. }
        )
    {
        return true;
    }
    // All the branch that runs when the command before failed (`if %errorlevel% neq 0 (exit
    // 1)`, `if errorlevel 1 exit`): the IF form of `command || exit 1`.
    i.then == Some(child) && tests_failure(ctx, &i.condition, i.not.is_some())
}

/// The IF condition holds when the last command failed: `errorlevel 1` (or higher),
/// `%errorlevel% neq 0`, `gtr 0`, `geq 1`, `lss 0`, or `not %errorlevel%==0`.
fn tests_failure(ctx: &Ctx<'_>, condition: &crate::syntax::ast::Condition, not: bool) -> bool {
    use crate::syntax::ast::{CmpOp, Condition};
    match condition {
        Condition::Errorlevel { value, .. } => !not && value.is_some_and(|v| v >= 1),
        Condition::Compare { lhs, op, rhs, .. } => {
            let text = |w: &crate::syntax::ast::Word| {
                let t = ctx.source.slice(w.span);
                let t = t
                    .strip_prefix(b"\"")
                    .and_then(|t| t.strip_suffix(b"\""))
                    .unwrap_or(t);
                t.to_ascii_lowercase()
            };
            let (l, r) = (text(lhs), text(rhs));
            let level = |t: &[u8]| t == b"%errorlevel%" || t == b"!errorlevel!";
            let (value, op) = if level(&l) {
                (r, *op)
            } else if level(&r) {
                // `0 neq %errorlevel%`: the same test written the other way round.
                let flipped = match op {
                    CmpOp::Lss => CmpOp::Gtr,
                    CmpOp::Gtr => CmpOp::Lss,
                    CmpOp::Leq => CmpOp::Geq,
                    CmpOp::Geq => CmpOp::Leq,
                    o => *o,
                };
                (l, flipped)
            } else {
                return false;
            };
            match (op, value.as_slice()) {
                (CmpOp::EqEq | CmpOp::Equ, b"0") => not,
                (CmpOp::Neq | CmpOp::Gtr | CmpOp::Lss, b"0") | (CmpOp::Geq, b"1") => !not,
                _ => false,
            }
        }
        _ => false,
    }
}

/// A label name that says the code under it ends the script: a word of it (split at
/// `_`, `-`, `.`, digits and lower-to-upper case changes) is `exit`, `quit`, `die`, `abort`,
/// `fatal`, `terminate`, `bail`, or names an error (`error`, `err`, `fail`, `failed`,
/// `failure`: an error handler that ends the script), or a word of it is `exit`, `quit` or
/// `abort` glued to `out`, `now`, `all`, `do`, `go`, … (`:exit_door`, `:doQuit`,
/// `:FatalError`, `:die`, `:error`, `:quitout`, `:exitnow`).
fn names_an_exit(name: &[u8]) -> bool {
    let mut words: Vec<Vec<u8>> = vec![Vec::new()];
    let mut prev_lower = false;
    for &b in name {
        if !b.is_ascii_alphabetic() {
            words.push(Vec::new());
            prev_lower = false;
            continue;
        }
        if b.is_ascii_uppercase() && prev_lower {
            words.push(Vec::new());
        }
        prev_lower = b.is_ascii_lowercase();
        if let Some(w) = words.last_mut() {
            w.push(b.to_ascii_lowercase());
        }
    }
    words.iter().any(|w| {
        matches!(
            w.as_slice(),
            b"exit"
                | b"quit"
                | b"die"
                | b"abort"
                | b"fatal"
                | b"terminate"
                | b"bail"
                | b"error"
                | b"err"
                | b"fail"
                | b"failed"
                | b"failure"
        ) || [&b"exit"[..], b"quit", b"abort"].iter().any(|k| {
            // One word glued to another that says when or what (`quitout`, `exitnow`,
            // `doquit`), not an inflection (`exiting`, `quitter`).
            let glued = |rest: &[u8]| {
                matches!(
                    rest,
                    b"out"
                        | b"now"
                        | b"all"
                        | b"app"
                        | b"script"
                        | b"batch"
                        | b"here"
                        | b"do"
                        | b"go"
                        | b"then"
                )
            };
            (w.starts_with(k) && glued(&w[k.len()..]))
                || (w.ends_with(k) && glued(&w[..w.len() - k.len()]))
        })
    })
}

/// The statement expands the script's own name: `%0`, or `%0` with `%~` modifiers (`%~f0`,
/// `%~dpnx0`), as the parser read them.
fn names_own_file(ctx: &Ctx<'_>, stmt: &crate::syntax::ast::Stmt) -> bool {
    expands_own_name(ctx, stmt.span)
}

/// `span` holds a `%0` (or `%~f0`, …) expansion.
fn expands_own_name(ctx: &Ctx<'_>, span: crate::source::Span) -> bool {
    ctx.script
        .expansions_in(span)
        .iter()
        .any(|e| argument_digit(ctx.source, e) == Some(0))
}

/// The `exit` gives an exit code (`exit 2`, `exit %rc%`).
fn has_code(ctx: &Ctx<'_>, id: StmtId) -> bool {
    matches!(&ctx.script.stmt(id).kind, StmtKind::Exit(e) if e.code.is_some())
}

/// The script starts itself again in a child cmd.exe (`cmd /c "%~f0" child`, or as a side
/// of a pipe, `"%~f0" control | "%~f0" game`: cmd.exe runs each side of a pipe in a cmd.exe
/// of its own): an `exit` with a code then ends that child on purpose and hands the code to
/// the parent copy.
fn runs_itself_in_child(ctx: &Ctx<'_>) -> bool {
    use crate::syntax::ast::Connector;
    let mut name = Vec::new();
    let stmts = &ctx.script.stmts;
    stmts.iter().enumerate().any(|(k, stmt)| match &stmt.kind {
        StmtKind::Simple(sm) => {
            let word = ctx.source.slice(sm.name.span);
            program_file_name_into(word, &mut name);
            let (stem, _) = split_ext(&name);
            if stem == b"cmd" {
                return names_own_file(ctx, stmt);
            }
            let piped = stmt.connector == Connector::Pipe
                || stmts.get(k + 1).is_some_and(|next| {
                    next.connector == Connector::Pipe && next.parent() == stmt.parent()
                });
            piped && expands_own_name(ctx, sm.name.span)
        }
        _ => false,
    })
}

/// The straight-line code just before `exit` (back to an unconditional jump, past labels,
/// at most 64 statements) prompts the user or shuts the machine down: ending everything is
/// the point.
fn after_prompt(ctx: &Ctx<'_>, exit: StmtId) -> bool {
    let script = ctx.script;
    let mut k = exit.index();
    let mut name = Vec::new();
    for _ in 0..64 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        k = prev;
        let stmt = &script.stmts[k];
        match &stmt.kind {
            // A label between (`pause` / `:cleanup` / `del %tmp%` / `exit`) is passed: the
            // path through the prompt runs on into it.
            StmtKind::Goto(_) | StmtKind::Exit(_) if stmt.parent().is_none() => return false,
            StmtKind::Set(set) if set.kind == SetKind::Prompt => return true,
            // The script's own pause routine (`call :pause "Press any key to exit."`).
            StmtKind::Call(c) => {
                if let CallTarget::Label {
                    target: JumpTarget::Label { name, .. },
                    ..
                } = &c.target
                {
                    let name = ctx.source.slice(*name).to_ascii_lowercase();
                    if name.starts_with(b"pause") || matches!(name.as_slice(), b"wait" | b"anykey")
                    {
                        return true;
                    }
                }
            }
            // The elevating script written out line by line (`echo …ShellExecute "%~f0", "",
            // "", "runas", 1 > elev.vbs`, then `wscript elev.vbs`; the file's name may come
            // as an argument, `"%~1"`): this copy ends.
            StmtKind::Echo(_) => {
                let text = ctx.source.slice(stmt.span);
                if mentions(text, b"runas")
                    && (names_own_file(ctx, stmt) || mentions(text, b"shellexecute"))
                {
                    return true;
                }
            }
            StmtKind::Simple(sm) => {
                program_file_name_into(ctx.source.slice(sm.name.span), &mut name);
                let (stem, _) = split_ext(&name);
                if matches!(stem, b"pause" | b"choice" | b"shutdown" | b"timeout") {
                    return true;
                }
                // `ping -n 3 127.0.0.1 >nul`: the old way to wait a few seconds, so that the
                // message above stays on screen before the window closes.
                if ping_wait(ctx, stmt, sm) {
                    return true;
                }
                // The script started again elevated or in a new window (`powershell
                // Start-Process … "%~f0" … -Verb RunAs`, `start "" "%~f0"`): this copy ends.
                if matches!(
                    stem,
                    b"powershell"
                        | b"pwsh"
                        | b"start"
                        | b"runas"
                        | b"mshta"
                        | b"cscript"
                        | b"wscript"
                ) && names_own_file(ctx, stmt)
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::names_an_exit;
    use crate::rules::bat_util::ping_delay;

    #[test]
    fn ping_delays_are_local_and_repeated() {
        let words = |t: &'static str| t.split(' ').map(str::as_bytes);
        assert!(ping_delay(words("-n 3 127.0.0.1")));
        assert!(ping_delay(words("localhost -n 5 -w 1000")));
        assert!(!ping_delay(words("-n 1 127.0.0.1")));
        assert!(!ping_delay(words("-n 3 fileserver")));
        assert!(!ping_delay(words("127.0.0.1")));
    }

    #[test]
    fn exit_handler_names_are_read_by_words() {
        for n in [
            "exit_door",
            "doQuit",
            "FatalError",
            "die",
            "ABORT",
            "_exit",
            "bail-out",
            "Exit2",
            "error",
            "ShowError",
            "err_msg",
            "install_failed",
            "quitout",
            "EXITNOW",
            "doquit",
        ] {
            assert!(names_an_exit(n.as_bytes()), "{n}");
        }
        for n in [
            "exiting", "studies", "diesel", "map", "cleanup", "end", "Quitter", "Diet", "errors",
            "terror", "failover",
        ] {
            assert!(!names_an_exit(n.as_bytes()), "{n}");
        }
    }
}
