//! BAT211 label-in-block: a label inside a parenthesised block.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Resolution;
use crate::rules::bat_util::{jump_target, snippet};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{Connector, ExpansionKind, JumpTarget, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT211",
    name: "label-in-block",
    severity: Severity::Warning,
    summary: "A label inside a `( … )` block: jumping to it breaks the block",
    what: "Reports a `:label` (with a name a GOTO can jump to) inside a parenthesised block \
           when jumping to it goes wrong: the block is a FOR body and a jump to it comes from \
           inside the body (the GOTO ends the loop) or a FOR variable is used after it (no \
           longer substituted); an \
           `) else (` follows the label in the same IF (the else-branch runs too), a jump comes \
           from outside the block and an IF further out has an ELSE after the label (that \
           else-branch runs too), or a jump from inside the \
           block back to the label has no condition of its own (the loop no longer tests the \
           block's condition); a jump forward to it from inside the block (the break out of a \
           nested FOR) runs the lines after it once, and is not reported, nor is a label in \
           a FOR body that only jumps from outside the body reach, with no FOR variable after \
           it (the lines after it run once, as plain lines). \
           An in-IF retry loop whose jump is guarded by its own IF, or that leaves on its own \
           (a GOTO elsewhere or an EXIT between the label and the jump back, as in a prompt), \
           or that runs a program or a subroutine each time (a job repeated for ever by \
           design, not a wait for the block's condition to change), \
           with no ELSE after the label, works as meant and is not reported; nor is a label \
           from which every path leaves (EXIT, GOTO, a batch file run without CALL) before \
           the `) else (` line; nor is a handler shared by two paths \
           whose own commands leave the block (GOTO out of it, or EXIT) before its `)`, nor a \
           jump from outside into an IF's block with no ELSE after the label (the lines after \
           it run once, as plain lines, and cmd.exe ignores the `)` line: the \"either \
           condition\" join `if \"%1\"==\"a\" goto both` / `if \"%1\"==\"b\" ( :both …`), nor a \
           label in a block never closed (BAT101's finding) or closed early by a `)` with text \
           after it, which makes cmd.exe reject the whole statement (BAT216's finding), nor a \
           label nothing jumps to (no GOTO or CALL names it, and no `goto %var%` could: its \
           literal start differs, or the name is written again and again as a note).",
    why: "cmd.exe reads a whole block before it runs any of it, and a GOTO abandons the block it \
          is in. A GOTO to a label inside a block still finds the line, but continues from there \
          as plain top-level lines: the IF/FOR around it is forgotten, `%%i` is no longer \
          substituted, and the block's closing `)` is then ignored. Inside a block, the line \
          after a label is also read in surprising ways (a following `::` line or `)` can break \
          the block).",
    example: "if exist %TEMP%\\sms.flg (\n:again\n  del %TEMP%\\sms.flg\n  goto again\n)\n",
    fix: ":again\nif exist %TEMP%\\sms.flg (\n  del %TEMP%\\sms.flg\n  goto again\n)\n",
    sources: &[
        "cmd-semantics §1.4 (pb-goto: GOTO makes cmd forget the loop; SS64-rem: GOTO inside brackets breaks their context), §1.8 (SO-broken-label), §1.2 (SO-dcolon)",
        "cmd-semantics T61, T62",
    ],
    check: Some(check),
    opt_in: None,
};

/// Why jumping to a label inside a block goes wrong.
enum Harm {
    /// The block is (inside) a FOR body: the GOTO ends the loop.
    ForBody,
    /// An `) else (` follows the label in the same IF: the else branch runs too.
    ElseAfter { else_line: usize },
    /// A jump comes from outside the block, and an IF around it has an ELSE after the label:
    /// that else-branch runs too.
    FromOutside { line: usize, else_line: usize },
    /// A jump from inside the block that no IF of its own guards: it loops without the
    /// block's condition (`if exist f ( :again … goto again )` never stops).
    Unguarded { line: usize },
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    let script = ctx.script;
    // Most scripts have no label inside a block.
    let in_block = |s: &crate::syntax::ast::Stmt| matches!(&s.kind, StmtKind::Label(l) if s.parent().is_some() && !l.name.is_empty());
    if !script.stmts.iter().any(in_block) {
        return;
    }
    let mut def_at: HashMap<usize, usize> = HashMap::default();
    for (i, d) in ctx.labels.defs.iter().enumerate() {
        def_at.insert(d.name.start(), i);
    }
    // The jumps that land on each definition.
    let mut jumps_to: Vec<Vec<StmtId>> = vec![Vec::new(); ctx.labels.defs.len()];
    for (i, r) in ctx.flow.jumps.iter().enumerate() {
        if let Some(Resolution::Label { def, .. }) = r {
            if let Some(v) = jumps_to.get_mut(*def) {
                v.push(StmtId(i as u32));
            }
        }
    }
    // A `goto %target%` may land on any label, `goto Debug.%DEBUG%` on a label that starts
    // with `Debug.`: the literal start of each dynamic target (lower case).
    let mut dynamic: Vec<Vec<u8>> = script
        .stmts
        .iter()
        .filter_map(|s| match jump_target(s) {
            Some(JumpTarget::Dynamic { name }) => Some(literal_start(src.slice(*name))),
            _ => None,
        })
        .collect();
    dynamic.sort_unstable();
    dynamic.dedup();
    // Past a few dozen different starts, any label may be a target (and each label is
    // compared with a bounded number of them: linear).
    if dynamic.len() > 64 {
        dynamic = vec![Vec::new()];
    }
    // How many times each label name is defined (built when first needed).
    let mut copies: Option<HashMap<&[u8], usize>> = None;
    let mut memo = Memo::default();
    for id in script.ids() {
        let stmt = script.stmt(id);
        let StmtKind::Label(l) = &stmt.kind else {
            continue;
        };
        let Some(block) = stmt.parent() else {
            continue;
        };
        if l.name.is_empty() {
            continue;
        }
        let jumps = def_at
            .get(&l.name.start())
            .and_then(|&d| jumps_to.get(d))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        // A label nothing jumps to is only a comment (`:# note` lines in a FOR body): no
        // static jump names it, and no dynamic one can reach it (its literal start differs,
        // or the name is written many times over as a note, which no jump target is).
        if jumps.is_empty() {
            let name = src.slice(l.name);
            let reachable = dynamic.iter().any(|p| starts_with_folded(name, p))
                && def_at.get(&l.name.start()).is_some_and(|&d| {
                    let copies = copies.get_or_insert_with(|| {
                        let mut n: HashMap<&[u8], usize> = HashMap::default();
                        for d in &ctx.labels.defs {
                            *n.entry(d.folded.as_slice()).or_default() += 1;
                        }
                        n
                    });
                    copies.get(ctx.labels.defs[d].folded.as_slice()) == Some(&1)
                });
            if !reachable {
                continue;
            }
        }
        let Some(harm) = harm(ctx, id, block, jumps, &mut memo) else {
            continue;
        };
        let shown = snippet(src, l.name, 60, false);
        let message = match harm {
            Harm::ForBody => format!(
                "label `:{shown}` is inside a FOR body: a GOTO to it ends the loop (cmd.exe \
                 forgets the FOR), so the remaining iterations never run and `%%` variables are \
                 no longer substituted"
            ),
            Harm::ElseAfter { else_line } => format!(
                "label `:{shown}` is inside an IF block with an ELSE: a GOTO to it continues \
                 from there as plain lines, so the else-branch on line {else_line} runs too"
            ),
            Harm::FromOutside { line, else_line } => format!(
                "label `:{shown}` is inside a parenthesised block, and the jump on line {line} \
                 comes from outside it: the rest of the block runs as plain lines, and so does \
                 the else-branch of the IF around it (line {else_line})"
            ),
            Harm::Unguarded { line } => format!(
                "label `:{shown}` is inside a parenthesised block, and the jump on line {line} \
                 loops back to it without the block's IF/FOR condition: the rest of the block \
                 then runs as plain lines every time, so the loop never stops on that condition"
            ),
        };
        out.push(
            RULE.diag(l.colon.cover(l.name), message)
                .with_label("label inside a block")
                .with_help("move the label out of the block (before the IF/FOR), or use `call :sub` for a loop body"),
        );
    }
}

/// A label in a FOR body (`body`: the FOR's command, the block that holds the label):
/// jumping to it does harm when any jump to it comes from inside the body (back to it, a
/// retry, or forward to it, a "continue" or a skip: either way the GOTO ends the loop), when
/// the body uses a FOR variable after the label (`%%f` is no longer substituted once the GOTO
/// has made cmd.exe forget the FOR), or when only a `goto %var%` can reach it. Jumps that all
/// come from outside the body (a retry from after the loop), with no FOR variable after the
/// label, run the lines after it once as plain lines, as meant: no iteration is cut short.
fn for_body_harm(ctx: &Ctx<'_>, label: StmtId, body: Span, jumps: &[StmtId]) -> Option<Harm> {
    let script = ctx.script;
    let label_start = script.stmt(label).span.start();
    let from_inside = jumps.iter().any(|&j| {
        let js = script.stmt(j).span;
        body.start() <= js.start() && js.end() <= body.end()
    });
    // (Bounded, so a body of many labels stays linear; past the bound the label counts as
    // harmful, as it always did.)
    let vars_after = || {
        let after = script.expansions_in(Span::new(label_start, body.end()));
        after.len() > 4096 || after.iter().any(|e| e.kind == ExpansionKind::ForVar)
    };
    (jumps.is_empty() || from_inside || vars_after()).then_some(Harm::ForBody)
}

/// Per-file answers [`harm`] reuses across labels (each built once, so the rule stays linear
/// however many labels a block holds).
#[derive(Default)]
struct Memo {
    /// Per block: for each position of its body, whether a statement from there on leaves
    /// before the block's `)` ([`leaves_before_close`]).
    leaves_from: HashMap<StmtId, Vec<bool>>,
    /// For each statement index, the first statement at or after it that is an EXIT or a
    /// GOTO with a target ([`loop_exit_after`]).
    next_leave: Option<Vec<u32>>,
    /// For each statement index, how many statements before it run a program or a
    /// subroutine ([`does_work`]).
    work_before: Option<Vec<u32>>,
    /// Per block: for each position of its body, whether a command from there on always
    /// leaves ([`always_leaves_stmt`]).
    always_leaves_from: HashMap<StmtId, Vec<bool>>,
}

/// The harm of a label in a block, or `None` when jumping to it does what the author
/// meant: an in-IF retry loop whose jump is guarded by its own IF or that leaves on its own,
/// with no ELSE after it, or a handler whose own commands leave the block.
fn harm(
    ctx: &Ctx<'_>,
    label: StmtId,
    block: StmtId,
    jumps: &[StmtId],
    memo: &mut Memo,
) -> Option<Harm> {
    let script = ctx.script;
    let label_start = script.stmt(label).span.start();
    // Ancestors: a FOR anywhere above, the nearest IF and which branch the label is in.
    let mut cur = Some(block);
    let mut below = label;
    let mut steps = 0usize;
    let mut nearest_if: Option<StmtId> = None;
    // An IF further out whose `else` comes after the label: read as plain lines, its
    // else-branch runs too.
    let mut outer_else_after: Option<usize> = None;
    while let Some(c) = cur {
        match &script.stmt(c).kind {
            StmtKind::For(_) => return for_body_harm(ctx, label, script.stmt(below).span, jumps),
            // A block never closed (BAT101's finding) holds the rest of the file: the label
            // is in it by accident, not by design, and what cmd.exe then runs is BAT101's
            // story.
            StmtKind::Block(b) if b.close.is_none() => return None,
            // A block whose `)` has text after it (`echo Choose a file (exe) to tweak` closing
            // it early): cmd.exe rejects the whole statement ("to was unexpected"), so the
            // block never runs as one, and a GOTO lands on the label as a plain line
            // (BAT216's finding).
            StmtKind::Block(b) if b.close.is_some_and(|c| rejected_after(ctx, c)) => return None,
            StmtKind::If(_) if nearest_if.is_none() => nearest_if = Some(c),
            StmtKind::If(i) => {
                if let Some((kw, _)) = i.else_.filter(|(kw, _)| kw.start() > label_start) {
                    outer_else_after = Some(ctx.source.line_of(kw.start()));
                }
            }
            _ => {}
        }
        steps += 1;
        below = c;
        cur = script
            .stmt(c)
            .parent()
            .filter(|p| p.index() < c.index() && steps < 4096);
    }
    // A handler shared by two paths: from the label, the block's own commands jump away or
    // exit before its `)` or any `else` (`:bad_arg` / `echo …` / `goto fail`). Landing there
    // from outside runs exactly those lines, as meant.
    if leaves_before_close(ctx, label, block, &mut memo.leaves_from) {
        return None;
    }
    if let Some(i) = nearest_if {
        if let StmtKind::If(ifs) = &script.stmt(i).kind {
            // The else-branch runs only when it goes on past the `) else` line: a `)` read as
            // a plain line makes cmd.exe ignore the rest of that line (`) else set x=1`).
            if let Some((kw, els)) = ifs.else_ {
                // `if … ( … goto :other ) else ( :other …`: the IF's own command jumps into
                // its else-branch, whose lines then run once as plain lines: as meant.
                if label_start > kw.start() {
                    if let Some(t) = ifs.then.map(|t| script.stmt(t).span) {
                        if !jumps.is_empty()
                            && jumps.iter().all(|&j| {
                                let js = script.stmt(j).span;
                                t.start() <= js.start() && js.end() <= t.end()
                            })
                        {
                            return None;
                        }
                    }
                }
                let else_line = ctx.source.line_of(kw.start());
                let last = script
                    .stmt(els)
                    .span
                    .end()
                    .saturating_sub(1)
                    .max(kw.start());
                if label_start < kw.start()
                    && ctx.source.line_of(last) > else_line
                    && !leaves_before_else(ctx, label, ifs.then, memo)
                {
                    return Some(Harm::ElseAfter { else_line });
                }
            }
        }
    }
    let area = script.stmt(block).span;
    let exit_at = loop_exit_after(ctx, label, block, &mut memo.next_leave);
    for &j in jumps {
        let js = script.stmt(j).span;
        let line = ctx.source.line_of(js.start());
        // A jump from outside into an IF's block (no FOR around it, no ELSE after the label)
        // runs the lines after the label once, as plain lines, and cmd.exe ignores the `)`
        // line: the author's "either condition" join (`if "%1"=="a" goto both` / `if
        // "%1"=="b" ( :both … )`) or a shared handler, as meant.
        if !(area.start() <= js.start() && js.end() <= area.end()) {
            if let Some(else_line) = outer_else_after {
                return Some(Harm::FromOutside { line, else_line });
            }
            continue;
        }
        // A jump forward from inside the block (out of a FOR nested in it: the "break"
        // idiom) runs the lines after the label once, as plain lines: no loop.
        if j.index() < label.index() {
            continue;
        }
        // A loop that leaves on its own (a GOTO elsewhere or an EXIT between the label and
        // this jump: a prompt's answers) does not need the block's condition to stop.
        let leaves_first = exit_at.is_some_and(|e| e < j.index());
        if !guarded(ctx, j, block) && !leaves_first && !does_work(ctx, label, j, memo) {
            return Some(Harm::Unguarded { line });
        }
    }
    None
}

/// From `label` on, read as plain lines, control never reaches the end of the IF's
/// then-branch `then` (and so never its `) else (` line): a command after the label, in its
/// own block or in a block around it up to `then`, always leaves ([`always_leaves_stmt`]):
/// `if errorlevel 1 ( … exit /b 1 ) else ( … exit /b 0 )` after a retry label.
fn leaves_before_else(ctx: &Ctx<'_>, label: StmtId, then: Option<StmtId>, memo: &mut Memo) -> bool {
    let script = ctx.script;
    let Some(then) = then else {
        return false;
    };
    let mut below = label;
    let mut steps = 0usize;
    while let Some(p) = script.stmt(below).parent() {
        if let StmtKind::Block(b) = &script.stmt(p).kind {
            // The body is in source order, as are statement ids.
            let at = b.body.partition_point(|&s| s.index() <= below.index());
            let from = memo.always_leaves_from.entry(p).or_insert_with(|| {
                let mut v = vec![false; b.body.len() + 1];
                for k in (0..b.body.len()).rev() {
                    v[k] = v[k + 1] || always_leaves_stmt(ctx, b.body[k], 0);
                }
                v
            });
            if from[at] {
                return true;
            }
        }
        steps += 1;
        if p == then || steps > 4096 || p.index() >= below.index() {
            return false;
        }
        below = p;
    }
    false
}

/// Running statement `id` never goes on to the next line: an EXIT, a GOTO (any target: a
/// missing label ends the script too), a batch file run without CALL (control never comes
/// back), a block with such a command among its own, or an IF whose then- and else-branch
/// both leave. A command chained with `&&`/`||` may not run, so it never counts.
fn always_leaves_stmt(ctx: &Ctx<'_>, id: StmtId, depth: usize) -> bool {
    let st = ctx.script.stmt(id);
    if !matches!(st.connector, Connector::None | Connector::Amp) || depth > 64 {
        return false;
    }
    match &st.kind {
        StmtKind::Exit(_) => true,
        StmtKind::Goto(g) => !matches!(g.target, JumpTarget::Missing),
        StmtKind::Simple(s) => crate::flow::runs_batch_file(ctx.source.slice(s.name.span)),
        StmtKind::Block(b) => b
            .body
            .iter()
            .any(|&s| always_leaves_stmt(ctx, s, depth + 1)),
        StmtKind::If(i) => match (i.then, i.else_) {
            (Some(t), Some((_, e))) => {
                always_leaves_stmt(ctx, t, depth + 1) && always_leaves_stmt(ctx, e, depth + 1)
            }
            _ => false,
        },
        _ => false,
    }
}

/// Between the label and the jump back, the loop runs a program or a subroutine (not only
/// messages, waits and changes to files and variables): a job repeated for ever by design
/// (`:loop` / `powershell … gpupdate.ps1` / `timeout /t 300` / `goto loop` under a one-time
/// `if exist`), not a wait for the block's condition to change (`if exist lock ( :wait` /
/// `timeout 5` / `goto wait )`, or `del flag` / `goto again`).
fn does_work(ctx: &Ctx<'_>, label: StmtId, jump: StmtId, memo: &mut Memo) -> bool {
    let (from, to) = (label.index() + 1, jump.index());
    if from >= to {
        return false;
    }
    // How many statements before each index do work: built once per file, so each loop is
    // answered in one subtraction.
    let before = memo.work_before.get_or_insert_with(|| {
        let mut v = Vec::with_capacity(ctx.script.stmts.len() + 1);
        let mut n = 0u32;
        v.push(0);
        for st in &ctx.script.stmts {
            n += u32::from(is_work(ctx, st));
            v.push(n);
        }
        v
    });
    before[to] > before[from]
}

fn is_work(ctx: &Ctx<'_>, st: &crate::syntax::ast::Stmt) -> bool {
    match &st.kind {
        StmtKind::Call(_) => true,
        StmtKind::Simple(sm) => {
            let name = crate::syntax::names::program_file_name(ctx.source.slice(sm.name.span));
            let stem = crate::syntax::names::split_ext(&name).0;
            !matches!(
                stem,
                b"cls"
                    | b"title"
                    | b"color"
                    | b"pause"
                    | b"timeout"
                    | b"ping"
                    | b"sleep"
                    | b"choice"
                    | b"waitfor"
                    | b"del"
                    | b"erase"
                    | b"rd"
                    | b"rmdir"
                    | b"md"
                    | b"mkdir"
                    | b"move"
                    | b"ren"
                    | b"rename"
                    | b"copy"
                    | b"type"
                    | b"ver"
            )
        }
        _ => false,
    }
}

/// The first statement after `label` in `block` (by source order) that leaves a loop back to
/// the label: an EXIT, or a GOTO to any other place. `next_leave` is built once per file;
/// the GOTOs back to the label itself that it steps over are the label's own jumps.
fn loop_exit_after(
    ctx: &Ctx<'_>,
    label: StmtId,
    block: StmtId,
    next_leave: &mut Option<Vec<u32>>,
) -> Option<usize> {
    let script = ctx.script;
    let end = script.stmt(block).span.end();
    let own = match &script.stmt(label).kind {
        StmtKind::Label(l) => l.name.start(),
        _ => return None,
    };
    // A GOTO that lands on this label (as cmd.exe resolves it) is the loop's own jump back.
    let back = |k: usize| match ctx.flow.resolution(StmtId(k as u32)) {
        Some(Resolution::Label { def, .. }) => ctx
            .labels
            .defs
            .get(*def)
            .is_some_and(|d| d.name.start() == own),
        _ => false,
    };
    let next = next_leave.get_or_insert_with(|| {
        let n = script.stmts.len();
        let mut v = vec![u32::MAX; n + 1];
        for i in (0..n).rev() {
            let leaves = match &script.stmts[i].kind {
                StmtKind::Exit(_) => true,
                StmtKind::Goto(g) => !matches!(g.target, JumpTarget::Missing),
                _ => false,
            };
            v[i] = if leaves { i as u32 } else { v[i + 1] };
        }
        v
    });
    let mut k = next[label.index() + 1];
    while (k as usize) < script.stmts.len() && script.stmts[k as usize].span.start() < end {
        match &script.stmts[k as usize].kind {
            StmtKind::Goto(_) if back(k as usize) => k = next[k as usize + 1],
            _ => return Some(k as usize),
        }
    }
    None
}

/// The parser rejected the text after this `)` (a stray close with more on its line).
fn rejected_after(ctx: &Ctx<'_>, close: crate::source::Span) -> bool {
    ctx.script.errors.iter().any(|e| {
        e.kind == crate::syntax::ast::SyntaxErrorKind::StrayClose
            && e.span.start() == close.start()
            && e.span.end() > close.end()
    })
}

/// After the label, one of the block's own commands (not one under an IF) is a GOTO or an
/// EXIT: control leaves before the block's `)`. The answer for every position of a block's
/// body is built once, from its end (`memo`).
fn leaves_before_close(
    ctx: &Ctx<'_>,
    label: StmtId,
    block: StmtId,
    memo: &mut HashMap<StmtId, Vec<bool>>,
) -> bool {
    let StmtKind::Block(b) = &ctx.script.stmt(block).kind else {
        return false;
    };
    // The body is in source order, as are statement ids.
    let Ok(at) = b.body.binary_search(&label) else {
        return false;
    };
    let from = memo.entry(block).or_insert_with(|| {
        let area = ctx.script.stmt(block).span;
        let mut v = vec![false; b.body.len() + 1];
        for k in (0..b.body.len()).rev() {
            let s = b.body[k];
            let st = ctx.script.stmt(s);
            let leaves = matches!(st.connector, Connector::None | Connector::Amp)
                && match &st.kind {
                    StmtKind::Exit(_) => true,
                    // Out of the block: a loop back into it is no way out.
                    StmtKind::Goto(_) => match ctx.flow.resolution(s) {
                        Some(Resolution::Eof) => true,
                        Some(Resolution::Label { def, .. }) => {
                            ctx.labels.defs.get(*def).is_some_and(|d| {
                                !(area.start() <= d.name.start() && d.name.end() <= area.end())
                            })
                        }
                        _ => false,
                    },
                    _ => false,
                };
            v[k] = leaves || v[k + 1];
        }
        v
    });
    from[at + 1]
}

/// The jump has its own condition inside the block: an IF between it and the block, or an
/// `&&`/`||` before it.
fn guarded(ctx: &Ctx<'_>, jump: StmtId, block: StmtId) -> bool {
    let script = ctx.script;
    if matches!(
        script.stmt(jump).connector,
        Connector::AndAnd | Connector::OrOr
    ) {
        return true;
    }
    let mut cur = script.stmt(jump).parent();
    let mut steps = 0usize;
    while let Some(c) = cur {
        if c == block {
            return false;
        }
        if matches!(script.stmt(c).kind, StmtKind::If(_)) {
            return true;
        }
        steps += 1;
        cur = script
            .stmt(c)
            .parent()
            .filter(|p| p.index() < c.index() && steps < 4096);
    }
    false
}

/// The bytes of a dynamic jump target before its first expansion, without a leading `:`,
/// quotes and carets, in lower case: what every label it can reach starts with.
fn literal_start(name: &[u8]) -> Vec<u8> {
    let name = name.strip_prefix(b":").unwrap_or(name);
    name.iter()
        .take_while(|&&b| b != b'%' && b != b'!')
        .filter(|&&b| b != b'"' && b != b'^')
        .map(u8::to_ascii_lowercase)
        .collect()
}

/// `name` starts with `prefix` (lower case), in any case.
fn starts_with_folded(name: &[u8], prefix: &[u8]) -> bool {
    name.len() >= prefix.len() && name[..prefix.len()].eq_ignore_ascii_case(prefix)
}
