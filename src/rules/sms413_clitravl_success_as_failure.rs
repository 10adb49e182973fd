//! SMS413 clitravl-success-as-failure: errorlevel 1 after CLITRAVL /TRAVEL=ON read as failure.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms::{self, env};
use crate::syntax::ast::{JumpTarget, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "SMS413",
    name: "clitravl-success-as-failure",
    severity: Severity::Warning,
    summary: "The script treats errorlevel 1 after CLITRAVL /TRAVEL=ON as a failure",
    what: "Reports `if errorlevel 1 …` right after `clitravl … /TRAVEL=ON` when its command \
           looks like an error path: a `goto` to a label whose name contains err, fail, bad or \
           abort, an `exit` with a non-zero code, or an `echo` of an error message.",
    why: "CLITRAVL returns 1 when travelling mode is on (success), 0 when it is off and -1 on \
          an error; `if errorlevel 1` after `/TRAVEL=ON` is always the success case. Scripts \
          and software distribution report every successful run as failed (Q324721).",
    example: "clitravl.exe /TRAVEL=ON\r\nif errorlevel 1 goto FAILED\r\n",
    fix: "clitravl.exe /TRAVEL=ON\r\nif errorlevel 1 exit 0\r\n",
    sources: &["Q324721 (Clitravl.exe returns error code 1 even if successful)"],
    check: Some(check),
    opt_in: None,
};

/// A statement that looks like the start of an error path.
fn looks_like_failure(ctx: &Ctx<'_>, id: StmtId) -> bool {
    let stmt = ctx.script.stmt(id);
    match &stmt.kind {
        StmtKind::Goto(g) => match &g.target {
            JumpTarget::Label { key, .. } => {
                let k = String::from_utf8_lossy(key).to_ascii_lowercase();
                ["err", "fail", "bad", "abort"]
                    .iter()
                    .any(|w| k.contains(w))
            }
            _ => false,
        },
        StmtKind::Exit(e) => e.code.is_some_and(|c| {
            let t = ctx.source.slice(c.span);
            !t.is_empty() && t.iter().all(u8::is_ascii_digit) && t.iter().any(|&b| b != b'0')
        }),
        StmtKind::Echo(e) => {
            let t = ctx.source.display(e.text).to_ascii_lowercase();
            ["fail", "error"].iter().any(|w| t.contains(w))
        }
        StmtKind::Block(b) => b.body.iter().any(|&c| looks_like_failure(ctx, c)),
        _ => false,
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // The statement sequences, at the first `/travel=on`.
    let mut seq = None;
    for (inv, p) in env::clitravl_switches(ctx.script, ctx.source, &ctx.sms().invocations) {
        if !ctx.source.slice(p.name).eq_ignore_ascii_case(b"travel")
            || !ctx.source.slice(p.value).eq_ignore_ascii_case(b"on")
        {
            continue;
        }
        let seq = seq.get_or_insert_with(|| sms::sequence_next(ctx.script));
        let Some(next) = sms::next_sibling(ctx.script, seq, inv.stmt) else {
            continue;
        };
        let stmt = ctx.script.stmt(next);
        let Some((1, false)) = sms::errorlevel_test(stmt) else {
            continue;
        };
        let StmtKind::If(i) = &stmt.kind else {
            continue;
        };
        let Some(then) = i.then else {
            continue;
        };
        if !looks_like_failure(ctx, then) {
            continue;
        }
        out.push(
            RULE.diag(
                sms::head_span(ctx.source, stmt.span),
                "errorlevel 1 after `CLITRAVL /TRAVEL=ON` means travelling mode is now on (the \
                 success case), yet this branch handles it as a failure (Q324721)",
            )
            .with_label("success read as failure")
            .with_related(inv.word.span, "returns 1 on success")
            .with_help("treat errorlevel 1 as success (`if errorlevel 1 exit 0`); CLITRAVL returns -1 on an error"),
        );
    }
}
