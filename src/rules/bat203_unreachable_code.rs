//! BAT203 unreachable-code: statements no path reaches.

use rustc_hash::FxHashSet as HashSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::looks_like_batch;
use crate::flow::Resolution;
use crate::rules::bat_util::{in_unclosed_block, is_inert, snippet};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{CallTarget, Connector, JumpTarget, StmtId, StmtKind};
use crate::syntax::names::{program_file_name, split_ext};

pub static RULE: Rule = Rule {
    code: "BAT203",
    name: "unreachable-code",
    severity: Severity::Warning,
    summary: "Statements that no path from the top of the script reaches",
    what: "Follows control flow as cmd.exe does (GOTO with cmd.exe's label search, `call :x` \
           returning, IF branches, `exit`, `goto :eof`, a GOTO to a missing label ending the \
           script) and reports each run of consecutive unreachable statements once, at its \
           first statement. Blank lines and comments neither start nor end a run; a label that \
           reachable code jumps to ends it. A dispatcher (`goto %1`, `call %*`, `call %~1`, \
           `for … do call %%x`) or a jump written in a variable (`%onerror%`, `%_nul% call :x`) \
           may reach every label. A region that starts at a label nothing uses is an unused \
           subroutine: reported at `info` severity when it changes something on the client, not \
           at all when it only prints or returns. Not reported: text that does not read as \
           batch (notes, tables, art, file lists, PowerShell/JScript/VBScript/XML payloads) and \
           everything after the batch part of a file that feeds itself to another engine \
           (`cscript //E:JScript \"%~f0\"`, `ReadAllText('%~f0')`, `\"%~f0?.wsf\"`); a region of \
           only `exit`/`goto`/`endlocal`/`pause`/`popd` (a redundant terminator); a region \
           skipped by a jump the author annotated (`GOTO START & REM …`) or named for skipping \
           (`GOTO SkipHelp`, `GOTO ////`); a region after a `:name:` payload marker; `echo` sentinels on lines of their own after a GOTO to a label; \
           statements inside a block that never closes (BAT101 reports those); and in a logon \
           script the code that only its upgrade gate (`GOTO END` as the first command) makes \
           unreachable. A fallback after a computed GOTO (`goto %os%` then `goto end`) is \
           reported: a computed GOTO never falls through.",
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
    opt_in: Some(
        "Most unreachable code in working scripts is deliberate (bypassed checks, unused helpers, demos and notes kept after an exit), so the rule stays opt-in until its precision on real scripts reaches 90 %.",
    ),
};

/// One unreachable region: its counted statements in source order, and whether it starts
/// at a label nothing jumps to (an unused subroutine or handler).
struct Region {
    ids: Vec<StmtId>,
    at_label: bool,
    /// The label it starts at is a payload marker `:name:` (an embedded file that the
    /// script extracts, not a subroutine).
    at_marker: bool,
    cause: Option<StmtId>,
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let script = ctx.script;
    let unclosed = in_unclosed_block(script);
    let exempt = crate::rules::bat_util::gate_exempt(ctx);
    // Label definitions that a reachable jump lands on (by the label's name offset).
    let mut jumped: HashSet<usize> = HashSet::default();
    for id in script.ids() {
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        if let Some(Resolution::Label { def, .. }) = ctx.flow.resolution(id) {
            if let Some(d) = ctx.labels.defs.get(*def) {
                jumped.insert(d.name.start());
            }
        }
    }
    let last_reachable_index = script
        .ids()
        .filter(|&id| ctx.flow.is_reachable(id))
        .map(|id| id.index())
        .max();
    let mut regions: Vec<Region> = Vec::new();
    let mut run: Option<Region> = None;
    let mut last_reachable: Option<StmtId> = None;
    let mut pending_label = false;
    let mut pending_marker = false;
    for id in script.ids() {
        let stmt = script.stmt(id);
        let reachable = ctx.flow.is_reachable(id);
        let ends = if unclosed[id.index()] {
            true
        } else if is_inert(&stmt.kind) {
            false
        } else if let StmtKind::Label(l) = &stmt.kind {
            reachable || jumped.contains(&l.name.start())
        } else {
            reachable || exempt.as_ref().is_some_and(|e| e[id.index()])
        };
        if ends {
            regions.extend(run.take());
            pending_label = false;
            pending_marker = false;
            if reachable && !is_inert(&stmt.kind) {
                last_reachable = Some(id);
            }
            continue;
        }
        if let StmtKind::Label(l) = &stmt.kind {
            if run.is_none() {
                pending_label = true;
                pending_marker = ctx.source.bytes().get(l.name.end()) == Some(&b':');
            }
            continue;
        }
        if is_inert(&stmt.kind) {
            continue;
        }
        match &mut run {
            Some(r) => r.ids.push(id),
            None => {
                run = Some(Region {
                    ids: vec![id],
                    at_label: pending_label,
                    at_marker: pending_label && pending_marker,
                    cause: last_reachable,
                });
            }
        }
    }
    regions.extend(run);
    for region in regions {
        let (Some(&first), Some(&last)) = (region.ids.first(), region.ids.last()) else {
            continue;
        };
        // Notes, tables, art and other languages' text after the last exit are data that
        // cmd.exe never reads, not code.
        if !looks_like_batch(ctx.source, script, &region.ids) {
            continue;
        }
        // Everything after the batch part of a file that feeds itself to another engine is
        // its payload.
        if ctx.flow.reads_itself && last_reachable_index.map_or(true, |r| r < first.index()) {
            continue;
        }
        // Code after a batch file run without CALL is BAT204's finding (which knows what
        // is harmless to skip there: `@echo off`, `exit /b`, notes).
        if region
            .cause
            .is_some_and(|c| ctx.flow.chained.binary_search_by_key(&c, |e| e.0).is_ok())
        {
            continue;
        }
        let dynamic_cause = region.cause.is_some_and(|c| {
            matches!(&script.stmt(c).kind, StmtKind::Goto(g) if matches!(g.target, JumpTarget::Dynamic { .. }))
        });
        if !dynamic_cause {
            // A redundant terminator (`exit /b` after `… & exit /b`, `endlocal` after
            // `goto :eof`) changes nothing.
            if region
                .ids
                .iter()
                .filter(|&&i| !matches!(script.stmt(i).kind, StmtKind::Block(_)))
                .all(|&i| is_terminator(ctx, i))
            {
                continue;
            }
            // A bypass the author annotated: `GOTO START & REM <-- leave this in`, or a
            // jump to a label named for skipping (`GOTO SkipHelp` over the help text).
            if region
                .cause
                .is_some_and(|c| annotated(ctx, c) || skips_by_name(ctx, c))
            {
                continue;
            }
            // Only messages on lines of their own after a GOTO to a label (`ECHO If you see
            // me, the GOTO failed`): a test sentinel, and nothing on the client changes. A dead `echo` on the
            // jump's own line (`goto x & echo never`) is still reported.
            let cause_line = region
                .cause
                .map(|c| ctx.source.line_of(script.stmt(c).span.start()));
            let first_line = ctx.source.line_of(script.stmt(first).span.start());
            let after_goto = region
                .cause
                .is_some_and(|c| matches!(&script.stmt(c).kind, StmtKind::Goto(g) if matches!(g.target, JumpTarget::Label { .. })));
            if after_goto
                && cause_line != Some(first_line)
                && region.ids.iter().all(|&i| is_message(ctx, i))
            {
                continue;
            }
        }
        // `:name:` … : an embedded file the script writes out or hands to another engine.
        if region.at_marker {
            continue;
        }
        let unused_sub = region.at_label && !dynamic_cause;
        if unused_sub && !region.ids.iter().any(|&i| has_effect(ctx, i)) {
            // An unused subroutine or handler that only prints or returns: deliberate.
            continue;
        }
        report(ctx, first, last, region.cause, unused_sub, out);
    }
}

/// `exit`, `goto`, `endlocal`, `pause`, `popd`: a statement that only ends or unwinds.
fn is_terminator(ctx: &Ctx<'_>, id: StmtId) -> bool {
    match &ctx.script.stmt(id).kind {
        StmtKind::Exit(_) | StmtKind::Goto(_) | StmtKind::Endlocal => true,
        StmtKind::Simple(s) => {
            let name = program_file_name(ctx.source.slice(s.name.span));
            name == b"pause" || name == b"popd"
        }
        _ => false,
    }
}

/// The jump goes to a label whose name says it skips (`:SkipHelp`, `:skip_old_checks`), or
/// to a separator label (`GOTO ////////` … `:////////` around a block of notes).
fn skips_by_name(ctx: &Ctx<'_>, id: StmtId) -> bool {
    let Some(Resolution::Label { def, .. }) = ctx.flow.resolution(id) else {
        return false;
    };
    ctx.labels.defs.get(*def).is_some_and(|d| {
        d.folded.windows(4).any(|w| w == b"skip")
            || !d
                .folded
                .iter()
                .any(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
    })
}

/// `echo`, `rem`, `pause`, `cls`, `title`: a statement that only talks to the user.
fn is_message(ctx: &Ctx<'_>, id: StmtId) -> bool {
    match &ctx.script.stmt(id).kind {
        StmtKind::Echo(_) | StmtKind::Comment(_) => true,
        StmtKind::Simple(s) => {
            let name = program_file_name(ctx.source.slice(s.name.span));
            matches!(name.as_slice(), b"pause" | b"cls" | b"title")
        }
        _ => false,
    }
}

/// The jump or exit carries a trailing `& REM …` / `& :: …` comment.
fn annotated(ctx: &Ctx<'_>, id: StmtId) -> bool {
    let next = StmtId(id.0.saturating_add(1));
    ctx.script.stmts.get(next.index()).is_some_and(|n| {
        matches!(n.kind, StmtKind::Comment(_))
            && n.connector == Connector::Amp
            && ctx.source.line_of(n.span.start())
                == ctx.source.line_of(ctx.script.stmt(id).span.start())
    })
}

/// A statement that changes something on the client (runs a program, maps a drive, copies
/// files), as opposed to printing, setting variables, prompting or returning.
fn has_effect(ctx: &Ctx<'_>, id: StmtId) -> bool {
    match &ctx.script.stmt(id).kind {
        StmtKind::Simple(s) => {
            let name = program_file_name(ctx.source.slice(s.name.span));
            let (stem, _) = split_ext(&name);
            !matches!(
                stem,
                b"pause"
                    | b"cls"
                    | b"title"
                    | b"color"
                    | b"ver"
                    | b"timeout"
                    | b"choice"
                    | b"popd"
                    | b"pushd"
                    | b"cd"
                    | b"chdir"
                    | b"prompt"
                    | b"mode"
                    | b"chcp"
                    | b"type"
                    | b"more"
                    | b"msg"
            )
        }
        StmtKind::Call(c) => matches!(c.target, CallTarget::External { .. }),
        _ => false,
    }
}

fn report(
    ctx: &Ctx<'_>,
    first: StmtId,
    last: StmtId,
    cause: Option<StmtId>,
    unused_sub: bool,
    out: &mut Vec<Diagnostic>,
) {
    let src = ctx.source;
    let s = ctx.script.stmt(first);
    let line = src.line_of(s.span.start());
    let last_span = ctx.script.stmt(last).span;
    let last_line = src.line_of(last_span.end().saturating_sub(1).max(last_span.start()));
    // Label the statement's first line only (a block may span many).
    let line_end = src.line_span(line).end().max(s.span.start());
    let span = Span::new(
        s.span.start(),
        s.span.end().min(line_end).max(s.span.start()),
    );
    let lines = if last_line > line {
        format!("lines {line}-{last_line}")
    } else {
        format!("line {line}")
    };
    if unused_sub {
        out.push(
            Diagnostic::new(
                RULE.code,
                Severity::Info,
                span,
                format!(
                    "this subroutine or handler ({lines}) is never used: no jump or CALL leads \
                     to its label, so its commands never run on any client"
                ),
            )
            .with_label("unused")
            .with_help("call it where it is needed, or delete it if it is obsolete"),
        );
        return;
    }
    // Only an unconditional jump or exit explains the gap (not one under an `if`).
    let cause = cause.filter(|c| {
        ctx.script.stmt(*c).parent().map_or(true, |p| {
            !matches!(ctx.script.stmt(p).kind, StmtKind::If(_))
        })
    });
    let why = match cause.map(|c| (c, &ctx.script.stmt(c).kind)) {
        Some((c, StmtKind::Goto(g))) => match &g.target {
            JumpTarget::Dynamic { name } => format!(
                ": a GOTO to a computed label never falls through, so this fallback never \
                 runs; if `{}` names no label, cmd.exe aborts the script at line {} instead",
                snippet(src, *name, 40, false),
                src.line_of(ctx.script.stmt(c).span.start())
            ),
            _ => format!(
                ": control never falls through the `goto` on line {} and no reachable jump lands here",
                src.line_of(ctx.script.stmt(c).span.start())
            ),
        },
        Some((c, StmtKind::Exit(_))) => format!(
            ": the `exit` on line {} ends the script and no reachable jump lands here",
            src.line_of(ctx.script.stmt(c).span.start())
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
