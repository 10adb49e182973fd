//! BAT204 missing-call: another batch file run without CALL.

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Node;
use crate::rules::bat_util::{
    always_leaves, in_block, nothing_runs_from, snippet, unquoted_lower, Siblings,
};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{Condition, Connector, JumpTarget, StmtId, StmtKind};
use crate::syntax::names::{file_name, program_file_name_is};

pub static RULE: Rule = Rule {
    code: "BAT204",
    name: "missing-call",
    severity: Severity::Warning,
    summary: "Another batch file is run without CALL, so control never comes back",
    what: "Reports a command that runs a batch file (a program name ending in `.bat` or \
           `.cmd`, or SMS's `smsls`, which is always SMSLS.BAT) without `call`, when there is \
           something after it that would run next. Inside a `( … )` block, an IF or a FOR the \
           rest of that logical line still runs (in a FOR body cmd.exe runs the batch file for \
           each item: it has read the loop and goes on with it), so only what follows the line \
           counts; in a script that must run on Windows 9x (its targets) a FOR body's hand-off \
           outside NT-only code is always reported, since COMMAND.COM leaves the loop at its \
           first item. A tail \
           call is not reported: when only `exit`, `exit /b`, `goto :eof`, a GOTO to such an \
           ending, the clean-up a script's end does anyway or that matters to no later command \
           (`endlocal`, `echo off`/`echo on`, `cd`, `cls`, `color`, `title`, a last wait with \
           `timeout` or a `ping … >nul` delay, clearing a variable with `set X=`, \
           and `popd` under a SETLOCAL, whose end restores the folder), comments or the end of \
           the file follow (also past a next line that tests the opposite of the IF that runs \
           it: `if /i \"%a%\"==\"Y\" next.bat` then `if /i not \"%a%\"==\"Y\" goto end`, false \
           on that path), chaining behaves like CALL; nor when the lines after it are an \
           abort handler it falls into (a label some `goto` lands on, messages, then an \
           explicit `exit`). Nor is a batch file whose first \
           argument is this script's own name (`ctrlc.bat %0`), the DOS way of asking it to \
           run this script again when it is done; nor `if exist x.bat x.bat` (hand over to it \
           when it is there: the lines after it are the fallback); nor the \"done already\" side \
           of a run-once guard (`if \"%init%\"==\"1\" (clink.bat inject) else (set init=1)`: the \
           else side marks the work done and the lines after the IF do it); nor the script's own file \
           run with a first argument the script compares `%1` with (`setup.bat NextStep` in a \
           SETUP.BAT that tests `if %1#==NextStep# goto …`: a restart at a stage); nor a batch file on either \
           side of a pipe, which a child cmd.exe runs and which returns; nor a step of an errorlevel \
           ladder (`IF ERRORLEVEL 3 BACKUP.BAT` next to `IF ERRORLEVEL 2 …`: handing over is \
           that step's branch, and with CALL the lower steps would run too) or of a ladder of \
           tests of one variable against different words whose other steps leave too (`if \
           \"%ans%\"==\"Yes\" next.bat` next to `if \"%ans%\"==\"No\" goto no`; or against the same \
           word when that step hands over as well: a copied step, of which only one is meant \
           to run), nor the script's \
           own file run right after such a ladder (the DOS menu loop); nor the hand-off that ends a \
           menu option (`:1` / `cd tools` / `first.cmd` / `cd..` / `:2` …, where one ladder of \
           `if … goto` tests jumps to both labels and only messages, comments, `cls` and folder \
           changes follow the hand-off: the options are alternatives, and with CALL the next \
           one would run too); nor one side of a two-way test (`if \"%1\"==\"\" goto noarg` / \
           `boot.bat %1` / `:noarg` / `boot.bat default`: the IF above jumps to the label right \
           after the hand-off, and the other side runs the same batch file); nor `./setup.bat`, whose \
           unquoted `/` ends the command name (cmd.exe runs `.`, fails and goes on). `if \"%OS%\"==\"Windows_NT\" \
           endlocal` and `%COMSPEC% /C exit /B %ERRORLEVEL%` after it count as clean-up.",
    why: "Running a batch file by name from another batch file transfers control to it for good: \
          when it ends, the calling script does not continue. Everything after the line (the \
          rest of the logon script: drive mappings, other tools, clean-up) silently never runs \
          on any client. This is why SMS's documentation says to start SMSLS from an existing \
          script with `CALL %0\\..\\SMSLS`. COMMAND.COM on Windows 9x behaves the same way.",
    example: "%0\\..\\smsls\nnet use h: /home\n",
    fix: "call %0\\..\\smsls\nnet use h: /home\n",
    sources: &[
        "Q138348 (\"CALL %0\\..\\SMSLS\" to run SMSLS from an existing logon script)",
        "CALL /? (CALL-help): \"Calls one batch program from another\"",
        "sms-domain §5 LS008",
    ],
    check: Some(check),
    opt_in: None,
};

/// Statement `id` is in the then-branch of a run-once guard: `if "%NAME%"=="value" (…) else
/// (… set NAME=… …)` or `if defined NAME (…) else (… set NAME=…)`. The else side marks the
/// work done and lets the lines after the IF do it; the then side is the "done already" exit.
fn run_once_guard(ctx: &Ctx<'_>, id: StmtId) -> bool {
    let script = ctx.script;
    let Some(mut up) = script.stmt(id).parent() else {
        return false;
    };
    let mut branch = id;
    if matches!(script.stmt(up).kind, StmtKind::Block(_)) {
        branch = up;
        let Some(p) = script.stmt(up).parent() else {
            return false;
        };
        up = p;
    }
    let StmtKind::If(i) = &script.stmt(up).kind else {
        return false;
    };
    let (Some(then), Some((_, other))) = (i.then, i.else_) else {
        return false;
    };
    if then != branch || i.not.is_some() {
        return false;
    }
    let plain = |w: &crate::syntax::ast::Word| {
        let b = ctx.source.slice(w.span);
        let b = b.strip_prefix(b"\"").unwrap_or(b);
        b.strip_suffix(b"\"").unwrap_or(b)
    };
    // `%NAME%` alone on one side, a constant on the other.
    let var_of = |b: &'_ [u8]| -> Option<Vec<u8>> {
        let inner = b.strip_prefix(b"%")?.strip_suffix(b"%")?;
        (!inner.is_empty() && !inner.iter().any(|c| matches!(c, b'%' | b':' | b'!')))
            .then(|| inner.to_ascii_lowercase())
    };
    let name = match &i.condition {
        Condition::Defined { var, .. } => ctx.source.slice(var.span).to_ascii_lowercase(),
        Condition::Compare { lhs, rhs, .. } => {
            let (l, r) = (plain(lhs), plain(rhs));
            match (var_of(l), var_of(r)) {
                (Some(n), None) if !r.contains(&b'%') => n,
                (None, Some(n)) if !l.contains(&b'%') => n,
                _ => return false,
            }
        }
        _ => return false,
    };
    let sets_name = |s: StmtId| match &script.stmt(s).kind {
        StmtKind::Set(set) => set.name.is_some_and(|n| {
            let n = ctx.source.slice(n);
            n.eq_ignore_ascii_case(&name) && set.value.is_some_and(|v| !v.is_empty())
        }),
        _ => false,
    };
    match &script.stmt(other).kind {
        StmtKind::Block(b) => b.body.iter().any(|&s| sets_name(s)),
        _ => sets_name(other),
    }
}

/// The command is the then-command of `if exist NAME` that tests the very file it runs.
fn handoff_if_present(ctx: &Ctx<'_>, id: StmtId, s: &crate::syntax::ast::Simple) -> bool {
    let Some(parent) = ctx.script.stmt(id).parent() else {
        return false;
    };
    let StmtKind::If(f) = &ctx.script.stmt(parent).kind else {
        return false;
    };
    let crate::syntax::ast::Condition::Exist { path, .. } = &f.condition else {
        return false;
    };
    f.not.is_none()
        && f.then == Some(id)
        && unquoted_lower(ctx.source, path.span) == unquoted_lower(ctx.source, s.name.span)
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // [`setlocal_open_before`], made at the first batch file run without CALL.
    let mut setlocal: Option<Vec<bool>> = None;
    // The first `cd`, `chdir` or `pushd` of the file (index), found at the first self-run.
    let mut first_cd: Option<Option<usize>> = None;
    // Statement lists for the ladder tests, made at the first batch file that needs them.
    let mut siblings: Option<Siblings> = None;
    // The words the script compares `%1` with, found at the first self-run.
    let mut stages = None;
    // The labels each menu's ladder of tests jumps to, found at the first hand-off that
    // needs them.
    let mut menu_ladders: Option<MenuLadders> = None;
    // The names `set /p` prompts for (lower case), found at the first ladder step that needs
    // them.
    let mut prompts: Option<rustc_hash::FxHashSet<Vec<u8>>> = None;
    // The flow knows them (`Flow::chained`), with where each would have gone on.
    for &(id, resume) in &ctx.flow.chained {
        let StmtKind::Simple(s) = &ctx.script.stmt(id).kind else {
            continue;
        };
        // Harmless when nothing would run after it anyway. Inside a `( … )` block, an IF or a
        // FOR, the rest of the logical line still runs first (cmd.exe has read it): what is
        // lost is what follows that line.
        let setlocal_open = setlocal.get_or_insert_with(|| setlocal_open_before(ctx))[id.index()];
        // In a FOR body cmd.exe runs the batch file for each item (the loop is read already
        // and goes on); what is lost is what follows the loop.
        let in_loop = std::iter::successors(ctx.script.stmt(id).parent(), |&p| {
            ctx.script.stmt(p).parent()
        })
        .any(|p| matches!(ctx.script.stmt(p).kind, StmtKind::For(_)));
        // COMMAND.COM (Windows 9x, MS-DOS) leaves the loop for good at the first item: in a
        // script Windows 9x clients run, the loop's other items are lost whatever follows it.
        let dos_loop = in_loop && ctx.settings.targets.win9x && !ctx.flow.is_nt_only(id);
        if !dos_loop
            && (nothing_runs_from(ctx, resume, setlocal_open)
                || (ctx.script.stmt(id).parent().is_some()
                    && nothing_runs_from(ctx, after_logical_line(ctx, id), setlocal_open))
                || past_opposite_test(ctx, id, resume)
                    .is_some_and(|n| nothing_runs_from(ctx, n, setlocal_open)))
        {
            continue;
        }
        // `if "%init%"=="1" (clink.bat inject) else (set init=1)`: a run-once guard whose
        // "done already" side hands over for good, as its `goto :eof` would.
        if run_once_guard(ctx, id) {
            continue;
        }
        // `if exist postinst.bat postinst.bat`: "hand over to it if it is there"; the lines
        // after it are what runs when it is missing.
        if handoff_if_present(ctx, id, s) {
            continue;
        }
        // `ctrlc.bat %0`: the script hands its own name over (first) so the other file can
        // run it again when it is done (the DOS way back before CALL): the hand-off is meant.
        if s.args.first().is_some_and(|a| {
            crate::tree::calls::target_spec(ctx.source.slice(a.span))
                == crate::tree::calls::TargetSpec::SelfFile
        }) {
            continue;
        }
        // `setup.bat NextStep` in a SETUP.BAT that tests `if %1#==NextStep# goto …`: a
        // multi-stage script starting itself over at a stage (often from another folder or
        // drive): the lines after it belong to other stages.
        if restarts_at_stage(ctx, s, &mut stages) {
            continue;
        }
        // `IF ERRORLEVEL 32 TERM.BAT` / `IF ERRORLEVEL 31 DOOR.BAT`: a step of an errorlevel
        // ladder that hands over, as its other steps `goto`; the next steps must not run.
        let sib = siblings.get_or_insert_with(|| Siblings::build(ctx.script));
        if ladder_step(ctx, sib, id, &mut prompts) {
            continue;
        }
        // `:1` / `cd tools` / `first.cmd` / `:2` …, both labels jumped to by one menu's tests:
        // the options are alternatives, and with CALL the next option would run too.
        let ladders = menu_ladders.get_or_insert_with(|| MenuLadders::of(ctx));
        if ladders.ends_option(ctx, sib, id) {
            continue;
        }
        // `if "%1"=="" goto noarg` / `runner.bat %1` / `:noarg` / `runner.bat default`: the
        // two hand-offs are the two sides of one test; with CALL the second would run too.
        if two_way_split(ctx, sib, id, s) {
            continue;
        }
        let shown = snippet(ctx.source, s.name.span, 60, false);
        // Inside a `( … )` block the rest of the block still runs after it.
        let nested = in_block(ctx.script, ctx.script.stmt(id));
        let name = ctx.source.slice(s.name.span);
        if runs_itself(ctx, id, name, &mut first_cd) {
            // The DOS menu loop: `MENU.BAT` right after the menu's errorlevel ladder (two
            // steps or more; no step matched) starts the menu over, as `goto top` would.
            let step = |b: &StmtId| is_level_test(ctx, *b);
            if sib
                .before(id)
                .filter(step)
                .and_then(|b| sib.before(b))
                .is_some_and(|b| step(&b))
            {
                continue;
            }
            out.push(
                RULE.diag(
                    s.name.span,
                    format!(
                        "`{shown}` is this script's own file run without CALL: it starts this \
                         script again from the top and never comes back here, so nothing after \
                         this line runs"
                    ),
                )
                .with_label("this script run again without CALL")
                .with_help(
                    "to start over, `goto` a label at the top of the script; to run it again \
                     and come back, write `call`; if running it again is not meant, delete the \
                     line",
                ),
            );
            continue;
        }
        out.push(
            RULE.diag(
                s.name.span,
                if dos_loop {
                    format!(
                        "`{shown}` is a batch file run without CALL inside a FOR loop: \
                         COMMAND.COM (Windows 9x, MS-DOS) passes control to it at the first item \
                         and never comes back, so the loop handles only one of its items (cmd.exe \
                         runs it for each item, but does not go on after the loop either)"
                    )
                } else if in_loop {
                    format!(
                        "`{shown}` is a batch file run without CALL inside a FOR loop: cmd.exe \
                         runs it for each item, but this script does not go on after the loop, \
                         so nothing after the loop runs"
                    )
                } else if nested {
                    format!(
                        "`{shown}` is a batch file run without CALL: cmd.exe runs it and then \
                         the rest of this block, but this script does not go on after the block, \
                         so nothing after the block runs"
                    )
                } else {
                    format!(
                        "`{shown}` is a batch file run without CALL: control passes to it and \
                         never comes back, so nothing after this line runs"
                    )
                },
            )
            .with_label("batch file without CALL")
            .with_help(format!("write `call {shown}`")),
        );
    }
}

/// The top-level hand-off `id` is one side of a two-way split: the lines after it (past
/// comments) are labels that an IF a few lines above jumps to, with no label between that IF
/// and `id`, and the first command after those labels runs the same batch file (`if "%1"==""
/// goto noarg` / `runner.bat %1` / `:noarg` / `runner.bat default`).
fn two_way_split(
    ctx: &Ctx<'_>,
    sib: &Siblings<'_>,
    id: StmtId,
    s: &crate::syntax::ast::Simple,
) -> bool {
    let script = ctx.script;
    if script.stmt(id).parent().is_some() {
        return false;
    }
    let mut names: Vec<Vec<u8>> = Vec::new();
    let mut other = None;
    for &n in sib.after(id).iter().take(8) {
        match &script.stmt(n).kind {
            StmtKind::Label(l) => names.push(ctx.source.slice(l.name).to_ascii_lowercase()),
            StmtKind::Comment(_) => {}
            _ => {
                other = Some(n);
                break;
            }
        }
    }
    let same_program = other.is_some_and(|n| match &script.stmt(n).kind {
        StmtKind::Simple(o) => ctx
            .source
            .slice(o.name.span)
            .eq_ignore_ascii_case(ctx.source.slice(s.name.span)),
        _ => false,
    });
    if names.is_empty() || !same_program {
        return false;
    }
    let mut at = id;
    for _ in 0..8 {
        let Some(b) = sib.before(at) else {
            return false;
        };
        match &script.stmt(b).kind {
            StmtKind::Label(_) => return false,
            StmtKind::If(i) => {
                let jumps_there = i.then.is_some_and(|t| {
                    matches!(&script.stmt(t).kind, StmtKind::Goto(g)
                        if matches!(&g.target, JumpTarget::Label { key, .. }
                            if names.contains(&key.to_ascii_lowercase())))
                });
                if jumps_there {
                    return true;
                }
            }
            _ => {}
        }
        at = b;
    }
    false
}

/// `if /i "%R%"=="Y" recovery.bat` then `if /i not "%R%"=="Y" goto end`: the batch file is
/// the command of an IF, and the next statement tests the opposite, which is false whenever
/// the hand-off ran. Where the path would go on past that test.
fn past_opposite_test(ctx: &Ctx<'_>, id: StmtId, resume: Node) -> Option<Node> {
    let script = ctx.script;
    let owner = script.stmt(id).parent()?;
    let StmtKind::If(first) = &script.stmt(owner).kind else {
        return None;
    };
    if first.then != Some(id) || first.else_.is_some() {
        return None;
    }
    let Node::Stmt(next) = resume else {
        return None;
    };
    let StmtKind::If(second) = &script.stmt(next).kind else {
        return None;
    };
    // The test's own text, without `/i` and `not`.
    let test = |i: &crate::syntax::ast::If, at: StmtId| {
        let start = [Some(i.keyword), i.case_insensitive, i.not]
            .into_iter()
            .flatten()
            .map(|s| s.end())
            .max()
            .unwrap_or(i.keyword.end());
        let end = i
            .then
            .map_or(script.stmt(at).span.end(), |t| script.stmt(t).span.start());
        ctx.source
            .slice(crate::source::Span::new(start, end.max(start)))
            .trim_ascii()
    };
    let (a, b) = (test(first, owner), test(second, next));
    let same = match (first.case_insensitive, second.case_insensitive) {
        (Some(_), Some(_)) => a.eq_ignore_ascii_case(b),
        (None, None) => a == b,
        _ => false,
    };
    if !same || first.not.is_some() == second.not.is_some() {
        return None;
    }
    ctx.flow
        .successors(next)
        .iter()
        .find(|e| e.kind == crate::flow::EdgeKind::Else)
        .map(|e| e.to)
}

/// The labels menus jump to: for each line a label is on, the ladders (runs of top-level
/// `if … goto label` tests, comments between them allowed) that jump there, numbered, in
/// increasing order.
struct MenuLadders {
    by_line: rustc_hash::FxHashMap<usize, Vec<u32>>,
}

impl MenuLadders {
    fn of(ctx: &Ctx<'_>) -> MenuLadders {
        let script = ctx.script;
        let mut by_line: rustc_hash::FxHashMap<usize, Vec<u32>> = Default::default();
        let mut ladder = 0u32;
        let mut in_ladder = false;
        for &t in &script.top {
            let stmt = script.stmt(t);
            if matches!(stmt.kind, StmtKind::Comment(_)) {
                continue;
            }
            let StmtKind::If(i) = &stmt.kind else {
                in_ladder = false;
                continue;
            };
            // The then-command: `goto x`, or a block holding only `goto x`.
            let mut then = i.then;
            if let Some(StmtKind::Block(b)) = then.map(|th| &script.stmt(th).kind) {
                then = match b.body.as_slice() {
                    [only] => Some(*only),
                    _ => None,
                };
            }
            let target = then.and_then(|th| match ctx.flow.resolution(th) {
                Some(crate::flow::Resolution::Label { def, .. })
                    if matches!(script.stmt(th).kind, StmtKind::Goto(_)) =>
                {
                    ctx.labels.defs.get(*def).map(|d| d.line)
                }
                _ => None,
            });
            match target {
                Some(line) => {
                    if !in_ladder {
                        ladder += 1;
                        in_ladder = true;
                    }
                    // Ladder numbers grow: each list stays sorted, without repeats.
                    let list = by_line.entry(line).or_default();
                    if list.last() != Some(&ladder) {
                        list.push(ladder);
                    }
                }
                None => in_ladder = false,
            }
        }
        MenuLadders { by_line }
    }

    /// The top-level batch file run `id` ends a menu option: the lines before it up to a
    /// label run straight into it, only messages, comments, `cls` and folder changes follow
    /// it up to the next label, and one ladder of tests jumps to both labels.
    fn ends_option(&self, ctx: &Ctx<'_>, sib: &Siblings<'_>, id: StmtId) -> bool {
        let script = ctx.script;
        if self.by_line.is_empty() || script.stmt(id).parent().is_some() {
            return false;
        }
        // A menu option is a few lines: both looks stop after `STEPS` statements, which also
        // keeps a file of many hand-offs linear.
        const STEPS: usize = 64;
        let mut start = None;
        let mut p = sib.before(id);
        for _ in 0..STEPS {
            let Some(s) = p else {
                break;
            };
            match &script.stmt(s).kind {
                StmtKind::Label(_) => {
                    start = Some(s);
                    break;
                }
                StmtKind::Goto(_) | StmtKind::Exit(_) => return false,
                _ => p = sib.before(s),
            }
        }
        let mut next = None;
        for &s in sib.after(id).iter().take(STEPS) {
            let stmt = script.stmt(s);
            match &stmt.kind {
                StmtKind::Label(_) => {
                    next = Some(s);
                    break;
                }
                StmtKind::Comment(_) | StmtKind::Echo(_) => {}
                StmtKind::Simple(c) if changes_nothing_later(ctx.source.slice(c.name.span)) => {}
                _ => return false,
            }
        }
        let (Some(start), Some(next)) = (start, next) else {
            return false;
        };
        let ladders = |s: StmtId| {
            self.by_line
                .get(&ctx.source.line_of(script.stmt(s).span.start()))
                .map_or(&[][..], Vec::as_slice)
        };
        // Do the two sorted lists share a ladder? One merge.
        let (mut a, mut b) = (
            ladders(start).iter().peekable(),
            ladders(next).iter().peekable(),
        );
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// `cd`, `chdir` (also glued to a path, `cd..`), `pushd`, `popd` or `cls`: a command whose
/// effect nothing after a menu option's hand-off needs.
fn changes_nothing_later(name: &[u8]) -> bool {
    let n = name.to_ascii_lowercase();
    matches!(n.as_slice(), b"cd" | b"chdir" | b"pushd" | b"popd" | b"cls")
        || n.strip_prefix(b"cd")
            .is_some_and(|r| matches!(r.first(), Some(b'.' | b'\\' | b'/')))
}

/// Where control would go after the logical line that statement `id` is part of: after its
/// outermost enclosing statement and the commands `&`, `&&` or `||` join to it.
fn after_logical_line(ctx: &Ctx<'_>, id: StmtId) -> Node {
    let script = ctx.script;
    let mut top = id;
    while let Some(p) = script.stmt(top).parent() {
        top = p;
    }
    loop {
        match ctx.flow.seq_next.get(top.index()).copied().flatten() {
            Some(n) if script.stmt(n).connector != Connector::None => top = n,
            Some(n) => return Node::Stmt(n),
            None => return Node::End,
        }
    }
}

/// The batch file run is this script's own file name (any folder) and its first argument a
/// word the script compares `%1` with (`if %1#==NextStep# goto ret1`, `if "%1"=="stage2"`):
/// the script restarts itself at one of its stages, which is what its top dispatches on.
/// `stages` holds those words, found at the first self-run.
fn restarts_at_stage(
    ctx: &Ctx<'_>,
    s: &crate::syntax::ast::Simple,
    stages: &mut Option<rustc_hash::FxHashSet<Vec<u8>>>,
) -> bool {
    if !is_own_file_name(ctx, file_name(ctx.source.slice(s.name.span))) {
        return false;
    }
    let Some(arg) = s.args.first() else {
        return false;
    };
    let stage = unquoted_lower(ctx.source, arg.span);
    !stage.is_empty()
        && stages
            .get_or_insert_with(|| crate::rules::bat_util::first_arg_stages(ctx))
            .contains(&stage)
}

/// The program file name `file` is this script's own (any case).
fn is_own_file_name(ctx: &Ctx<'_>, file: &[u8]) -> bool {
    ctx.path.file_name().is_some_and(|own| {
        program_file_name_is(file, own.to_string_lossy().to_ascii_lowercase().as_bytes())
    })
}

/// An `if errorlevel N …` test (no `not`, no `else`): a step of an errorlevel ladder.
fn is_level_test(ctx: &Ctx<'_>, s: StmtId) -> bool {
    match &ctx.script.stmt(s).kind {
        StmtKind::If(i) => {
            i.not.is_none()
                && i.else_.is_none()
                && matches!(i.condition, Condition::Errorlevel { value: Some(_), .. })
        }
        _ => false,
    }
}

/// Statement `id` ends the branch of a ladder step next to another step: an errorlevel ladder
/// ([`is_level_test`]: `IF ERRORLEVEL 3 BACKUP.BAT` next to `IF ERRORLEVEL 2 …`), or tests of
/// one variable against different words (`if "%ans%"=="Yes" (… & next.bat -load)` next to
/// `if "%ans%"=="No" …`). Handing over there is the branch, as `goto` is on the other steps
/// (with CALL, the other steps and the lines after them would run too once it returned);
/// the lines after the last step are what runs when no step matched.
fn ladder_step(
    ctx: &Ctx<'_>,
    sib: &Siblings<'_>,
    id: StmtId,
    prompts: &mut Option<rustc_hash::FxHashSet<Vec<u8>>>,
) -> bool {
    let script = ctx.script;
    // The then-command, or the last command of the then-block.
    let Some((up, branch)) = crate::rules::bat_util::if_branch_of(script, id, false) else {
        return false;
    };
    let StmtKind::If(i) = &script.stmt(up).kind else {
        return false;
    };
    if i.then != Some(branch) {
        return false;
    }
    let next = ctx.flow.seq_next.get(up.index()).copied().flatten();
    let neighbours = [next, sib.before(up)];
    if is_level_test(ctx, up) {
        return neighbours
            .into_iter()
            .flatten()
            .any(|n| is_level_test(ctx, n));
    }
    let Some((var, word)) = value_test(ctx, up) else {
        return false;
    };
    // A neighbour that tests the same word (`if "%1"=="clean" clean.bat` then `if
    // "%1"=="clean" goto ende`) is a second step for the same answer, which the hand-off
    // skips; a step for another word must leave too (`goto`, `exit`, a hand-off), or the
    // tests are no ladder (`if "%1"=="-r" shift`).
    let steps: Vec<(Vec<u8>, Vec<u8>, StmtId)> = neighbours
        .into_iter()
        .flatten()
        .filter_map(|n| value_test(ctx, n).map(|(v, w)| (v, w, n)))
        .filter(|(v, _, _)| *v == var)
        .collect();
    if steps.iter().any(|(_, w, _)| *w == word) {
        // Unless that step hands over as well (`if "%m%"=="1" (cd a & main.bat)` then `if
        // "%m%"=="1" (cd b & main.bat)`, a copied step whose word was not changed): with CALL
        // both would run, and only one is meant to.
        return steps
            .iter()
            .any(|(_, w, n)| *w == word && hands_over(ctx, *n));
    }
    // A menu's one answer that hands over, and a plain GOTO right after it for every other
    // answer (`if "%input%"=="1" game.bat` / `goto bad`): the GOTO is the ladder's
    // "otherwise", which the hand-off is meant to skip.
    let otherwise = next.is_some_and(|n| {
        let st = script.stmt(n);
        st.parent().is_none()
            && matches!(st.connector, Connector::None)
            && matches!(&st.kind, StmtKind::Goto(g)
                if !matches!(g.target, crate::syntax::ast::JumpTarget::Missing))
    });
    steps.iter().any(|(_, _, n)| branch_leaves(ctx, *n))
        || (otherwise && prompted(ctx, &var, prompts))
}

/// `var` (`%name%` or `!name!`, lower case) holds an answer typed at a `set /p` prompt
/// (`prompts`: the names prompted for, collected once per file).
fn prompted(
    ctx: &Ctx<'_>,
    var: &[u8],
    prompts: &mut Option<rustc_hash::FxHashSet<Vec<u8>>>,
) -> bool {
    let name = match var {
        [b'%' | b'!', inner @ .., b'%' | b'!'] if !inner.is_empty() => inner,
        _ => return false,
    };
    prompts
        .get_or_insert_with(|| crate::rules::bat210_unquoted_compare::prompted_names(ctx))
        .contains(name)
}

/// The IF's branch leaves ([`always_leaves`]), or it hands over ([`hands_over`]).
fn branch_leaves(ctx: &Ctx<'_>, s: StmtId) -> bool {
    match &ctx.script.stmt(s).kind {
        StmtKind::If(i) => {
            then_last(ctx, i).is_some() && (always_leaves(ctx, s, i) || hands_over(ctx, s))
        }
        _ => false,
    }
}

/// The IF's then-command, or the last command of its then-block.
fn then_last(ctx: &Ctx<'_>, i: &crate::syntax::ast::If) -> Option<StmtId> {
    let last = i.then?;
    match &ctx.script.stmt(last).kind {
        StmtKind::Block(b) => b.body.last().copied(),
        _ => Some(last),
    }
}

/// The IF's then-command (or the last command of its then-block) is another batch file run
/// without CALL.
fn hands_over(ctx: &Ctx<'_>, s: StmtId) -> bool {
    let script = ctx.script;
    let StmtKind::If(i) = &script.stmt(s).kind else {
        return false;
    };
    let Some(last) = then_last(ctx, i) else {
        return false;
    };
    matches!(&script.stmt(last).kind, StmtKind::Simple(c)
        if crate::flow::runs_batch_file(ctx.source.slice(c.name.span)))
}

/// An `if "%x%"=="word" …` test (no `not`, no `else`; `==` or `EQU`): one side expands a
/// variable, the other is fixed text. Returns the variable side and the text (lower case, no
/// quotes).
fn value_test(ctx: &Ctx<'_>, s: StmtId) -> Option<(Vec<u8>, Vec<u8>)> {
    let (_, lhs, op, rhs) = crate::rules::bat_util::plain_compare(ctx.script, s)?;
    if !matches!(
        op,
        crate::syntax::ast::CmpOp::EqEq | crate::syntax::ast::CmpOp::Equ
    ) {
        return None;
    }
    let expands = |w: &[u8]| w.iter().any(|&b| matches!(b, b'%' | b'!'));
    let (l, r) = (
        unquoted_lower(ctx.source, lhs.span),
        unquoted_lower(ctx.source, rhs.span),
    );
    match (expands(&l), expands(&r)) {
        (true, false) if !r.is_empty() => Some((l, r)),
        (false, true) if !l.is_empty() => Some((r, l)),
        _ => None,
    }
}

/// The command name `name` (of statement `id`) is this script's own file: its file name is the
/// script's (any case) and it names the script's own folder (`%0\..\`, `%~dp0`), or no
/// folder while no `cd`, `chdir` or `pushd` before it may have changed the current one.
fn runs_itself(
    ctx: &Ctx<'_>,
    id: crate::syntax::ast::StmtId,
    name: &[u8],
    first_cd: &mut Option<Option<usize>>,
) -> bool {
    let file = file_name(name);
    if !is_own_file_name(ctx, file) {
        return false;
    }
    let folder: Vec<u8> = name[..name.len() - file.len()]
        .iter()
        .filter(|&&b| b != b'"' && b != b'^')
        .map(u8::to_ascii_lowercase)
        .collect();
    match folder.as_slice() {
        b"%0\\..\\" | b"%~dp0" | b"%~dp0\\" | b"%~dps0" | b"%~dps0\\" => true,
        b"" => {
            let cd = *first_cd.get_or_insert_with(|| {
                ctx.script.stmts.iter().position(|st| match &st.kind {
                    StmtKind::Simple(c) => {
                        let n = file_name(ctx.source.slice(c.name.span));
                        [b"cd".as_slice(), b"chdir", b"pushd"]
                            .iter()
                            .any(|w| n.eq_ignore_ascii_case(w))
                    }
                    _ => false,
                })
            });
            cd.map_or(true, |c| c > id.index())
        }
        _ => false,
    }
}

/// For each statement: a SETLOCAL that runs comes before it, with no ENDLOCAL between them
/// (when the batch file ends, its implicit ENDLOCAL restores the folder SETLOCAL saved).
fn setlocal_open_before(ctx: &Ctx<'_>) -> Vec<bool> {
    let mut open = false;
    ctx.script
        .ids()
        .map(|id| {
            let before = open;
            match ctx.script.stmt(id).kind {
                StmtKind::Setlocal(_) if ctx.flow.is_reachable(id) => open = true,
                StmtKind::Endlocal if ctx.flow.is_reachable(id) => open = false,
                _ => {}
            }
            before
        })
        .collect()
}
