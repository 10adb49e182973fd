//! BAT212 exit-in-subroutine: a bare `exit` in code run by `call :label`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::{EdgeKind, Node};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::StmtKind;

pub static RULE: Rule = Rule {
    code: "BAT212",
    name: "exit-in-subroutine",
    severity: Severity::Warning,
    summary: "`exit` without `/b` in a subroutine ends the whole script, not the subroutine",
    what: "Reports an `exit` without `/b` that is reachable from the entry of a `call :label` \
           subroutine.",
    why: "EXIT without /B does not return from a `call :label` subroutine: it ends cmd.exe \
          itself, so the caller never continues after its CALL (and when the logon script was \
          started from another script or a console, that console closes too). The commands \
          after the CALL, often the SMS client call or the clean-up, silently never run.",
    example: "call :map\ncall %0\\..\\smsls\ngoto :eof\n:map\nnet use h: /home\nexit\n",
    fix: "call :map\ncall %0\\..\\smsls\ngoto :eof\n:map\nnet use h: /home\nexit /b\n",
    sources: &[
        "cmd-semantics §1.14 (SS64-exit: \"If EXIT without /B is used within a subroutine, then it will terminate the entire batch script\"), T66",
        "EXIT /? and CALL /? (CALL-help)",
    ],
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let n = ctx.script.stmts.len();
    // Statements reachable from any subroutine entry (multi-source search, linear).
    let mut in_sub = vec![false; n];
    let mut entry_line = vec![0usize; n];
    let mut stack = Vec::new();
    for id in ctx.script.ids() {
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        for e in ctx.flow.successors(id) {
            if let (EdgeKind::Call, Node::Stmt(t)) = (e.kind, e.to) {
                if !in_sub[t.index()] {
                    in_sub[t.index()] = true;
                    entry_line[t.index()] = ctx.source.line_of(ctx.script.stmt(t).span.start);
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
    for id in ctx.script.ids() {
        if !in_sub[id.index()] {
            continue;
        }
        let StmtKind::Exit(e) = &ctx.script.stmt(id).kind else {
            continue;
        };
        if e.b.is_some() {
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
