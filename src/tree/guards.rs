//! Which statements of one script a Windows 9x client runs: the flow graph with the NT side
//! of every recognised OS guard cut off (portability study §3.4, "Region").
//!
//! Guards recognised, each giving the `if` edge that only cmd.exe takes:
//! * `if [not] "%OS%"=="Windows_NT"` in any quoting, `.`/`x`/`[]` decoration, `/i` or case
//!   (`%OS%.==Windows_NT.`); COMMAND.COM never jumps on it (`%OS%` is empty there, and it
//!   reads `/i` as the first string);
//! * `if [not] "%OS%"==""` (true on Windows 9x);
//! * `if [not] cmdextversion N` (COMMAND.COM has no such test: the line fails, no jump);
//! * the cmd.exe probe `if '^(' == '('` (the caret escapes only in cmd.exe);
//! * `ver | find "Windows NT"` (or "Version 5", "Windows 95", …) followed directly by
//!   `if [not] errorlevel 1`.
//!
//! One linear pass over the statements and one reachability walk: no recursion.

use crate::flow::{EdgeKind, Flow, Node, NtGuards};
use crate::sms::{program_name, sequence_next};
use crate::source::Source;
use crate::syntax::ast::{
    CallTarget, CmpOp, Condition, Connector, ExpansionKind, Script, StmtId, StmtKind, Word,
};
use crate::syntax::names::{program_stem_into, NT_ONLY_COMMANDS};

/// The 9x view of one script.
#[derive(Clone, Debug, Default)]
pub struct Win9xView {
    /// `runs[i]`: statement `StmtId(i)` is reachable on Windows 9x.
    pub runs: Vec<bool>,
    /// The `if` statements that are OS guards, with the edge kind only cmd.exe takes.
    pub guards: Vec<(StmtId, EdgeKind)>,
    /// The file compares `%OS%` somewhere (it says it runs on both kinds of client); an
    /// `if "%OS%"=="Windows_NT" setlocal` alone does not count ([`only_scopes`]).
    pub tests_os: bool,
}

impl Win9xView {
    /// `flow` must be the flow of `script`: it keeps the guards found ([`nt_guards_of`], or
    /// `nt_guards_named` before this) and the statements they leave to Windows 9x, each found
    /// once per flow.
    pub fn build(source: &Source, script: &Script, flow: &Flow) -> Win9xView {
        let (guards, tests_os) = nt_guards_of(source, script, flow);
        let runs = flow
            .win9x_runs
            .get_or_init(|| {
                let fixed = win9x_fixed_tests(source, script);
                let mut runs = match flow.entry {
                    Some(entry) if !guards.is_empty() || !fixed.is_empty() => {
                        let mut cut = nt_sides(flow.len(), guards);
                        for (id, kind) in fixed {
                            if let Some(c) = cut.get_mut(id.index()) {
                                *c |= 1 << kind as u8;
                            }
                        }
                        flow.reach_from(entry, |from, e| {
                            cut.get(from.index())
                                .map_or(true, |c| c & (1 << e.kind as u8) == 0)
                        })
                    }
                    _ => flow.reachable.clone(),
                };
                // Only batch code that runs at all (no foreign payload after `exit`/`goto :eof`).
                for (i, r) in runs.iter_mut().enumerate() {
                    *r = *r && flow.runs(StmtId(i as u32));
                }
                runs
            })
            .clone();
        Win9xView {
            runs,
            guards: guards.clone(),
            tests_os: *tests_os,
        }
    }

    /// Statement `id` runs on Windows 9x.
    pub fn runs(&self, id: StmtId) -> bool {
        self.runs.get(id.index()).copied().unwrap_or(false)
    }

    /// The file has an OS guard of any recognised kind.
    pub fn guarded(&self) -> bool {
        !self.guards.is_empty()
    }

    /// The file has an OS guard that gives Windows 9x a path of its own: one whose command
    /// COMMAND.COM can read (not a `( … )` block: COMMAND.COM fails on the opener and runs
    /// the body lines anyway) and that guards more than the SETLOCAL or ENDLOCAL of the
    /// `if "%OS%"=="Windows_NT" setlocal` idiom, which leaves both kinds of client on the
    /// same path.
    pub fn splits_paths(&self, script: &Script) -> bool {
        self.guards
            .iter()
            .any(|&(id, _)| match &script.stmt(id).kind {
                StmtKind::If(i) => i.then.is_some_and(|t| {
                    !matches!(
                        script.stmt(t).kind,
                        StmtKind::Block(_) | StmtKind::Setlocal(_) | StmtKind::Endlocal
                    )
                }),
                _ => true,
            })
    }
}

impl Win9xView {
    /// Of the programs and batch files the file runs on Windows 9x, at least one is an NT-only
    /// command (`pushd`, `cmd`, `reg`, …: [`NT_ONLY_COMMANDS`]) and none is anything else
    /// (a program, a batch file, `copy`, `net`, …): its Windows 9x path does nothing there
    /// but fail, as in a Java launcher whose `%OS%` test only picks how to set `DIRNAME` and
    /// which then runs `pushd "%DIRNAME%"` and `cmd /C …`. Such a test is a copied idiom, no
    /// sign that the file is meant to run on Windows 9x. Messages, `cd`, `set`, `goto`,
    /// `call :label` and the like do no work either way.
    pub fn runs_only_nt_programs(&self, source: &Source, script: &Script) -> bool {
        let mut name = Vec::new();
        let mut nt = false;
        for id in script.ids().filter(|&id| self.runs(id)) {
            match &script.stmt(id).kind {
                StmtKind::Call(c) if !matches!(c.target, CallTarget::Label { .. }) => return false,
                StmtKind::Simple(s) => {
                    match program_stem_into(source.slice(s.name.span), &mut name) {
                        Some(stem) if NT_ONLY_COMMANDS.contains(&stem) => nt = true,
                        Some(stem) if NO_WORK.contains(&stem) => {}
                        _ => return false,
                    }
                }
                _ => {}
            }
        }
        nt
    }

    /// The file's OS guards only turn Windows 9x away: past every guard Windows 9x runs
    /// (the `setlocal` idiom aside), its side of the test leads only to messages and ends
    /// (`echo`, `rem`, labels, `goto`, `exit`, `pause`, `cls`, `endlocal`, `popd`) up to the
    /// end of the script:
    /// `if "%OS%"=="Windows_NT" goto nt` / `echo This tool needs Windows NT` / `goto end`.
    /// Such a test says the file is not meant to run there, so it is no sign that it is (the
    /// `tests %OS%` intent of [`Summary`]). A guard whose Windows 9x side skips a step and
    /// goes on with the script (`echo skipping step 6` / `goto done_6`) is not a refusal.
    ///
    /// One backward pass over the graph: a statement refuses when it is a message or an end
    /// and everything it leads to on Windows 9x refuses.
    ///
    /// [`Summary`]: super::calls::Summary
    pub fn only_refuses(&self, source: &Source, script: &Script, flow: &Flow) -> bool {
        if self.guards.is_empty() {
            return false;
        }
        let n = flow.len();
        // Per guard, the edge kind only cmd.exe takes, cut here.
        let cut = nt_sides(n, &self.guards);
        let kept = |from: usize, kind: EdgeKind| cut[from] & (1 << kind as u8) == 0;
        let scope_only = |id: StmtId| match &script.stmt(id).kind {
            StmtKind::If(i) => cut[id.index()] != 0 && only_scopes(script, id, i),
            _ => false,
        };
        // Predecessors along kept edges; a statement that may jump anywhere never refuses.
        let mut ok: Vec<bool> = (0..n)
            .map(|i| {
                let id = StmtId(i as u32);
                refuses(source, script.stmt(id)) || scope_only(id)
            })
            .collect();
        // The predecessors of `t` are `preds[starts[t]..starts[t + 1]]`: one array for all
        // statements (counted, then placed), not one list each.
        let kept_to = |i: usize| {
            flow.successors(StmtId(i as u32))
                .iter()
                .filter(move |e| kept(i, e.kind))
                .map(|e| e.to)
        };
        let mut starts = vec![0u32; n + 1];
        for (i, ok_i) in ok.iter_mut().enumerate() {
            for to in kept_to(i) {
                match to {
                    Node::Stmt(t) if t.index() < n => starts[t.index() + 1] += 1,
                    Node::AnyLabel => *ok_i = false,
                    _ => {}
                }
            }
        }
        for t in 0..n {
            starts[t + 1] += starts[t];
        }
        let mut fill: Vec<u32> = starts[..n].to_vec();
        let mut preds = vec![0u32; starts[n] as usize];
        for i in 0..n {
            for to in kept_to(i) {
                if let Node::Stmt(t) = to {
                    if t.index() < n {
                        preds[fill[t.index()] as usize] = i as u32;
                        fill[t.index()] += 1;
                    }
                }
            }
        }
        let mut stack: Vec<usize> = (0..n).filter(|&i| !ok[i]).collect();
        while let Some(t) = stack.pop() {
            for &p in &preds[starts[t] as usize..starts[t + 1] as usize] {
                if ok[p as usize] {
                    ok[p as usize] = false;
                    stack.push(p as usize);
                }
            }
        }
        let mut refusals = 0;
        for &(id, _) in &self.guards {
            if !self.runs(id) || scope_only(id) {
                continue;
            }
            let refused = flow
                .successors(id)
                .iter()
                .filter(|e| {
                    matches!(e.kind, EdgeKind::Then | EdgeKind::Else) && kept(id.index(), e.kind)
                })
                .all(|e| match e.to {
                    Node::Stmt(t) => ok.get(t.index()).copied().unwrap_or(false),
                    Node::End => true,
                    Node::AnyLabel => false,
                });
            if !refused {
                return false;
            }
            refusals += 1;
        }
        if refusals == 0 {
            return false;
        }
        // And the script does its work on cmd.exe's side: more commands only cmd.exe runs
        // than commands Windows 9x runs off the refusal paths (before it is turned away).
        // A logon script that does its work on both and only ends with `echo skipping step
        // 6 on Windows 9x` is meant to run there.
        let Some(entry) = flow.entry else {
            return false;
        };
        let nt = flow.reach_from(entry, |from, e| {
            let side = cut[from.index()];
            side == 0
                || !matches!(e.kind, EdgeKind::Then | EdgeKind::Else)
                || side & (1 << e.kind as u8) != 0
        });
        let (mut nt_work, mut win9x_work) = (0usize, 0usize);
        for i in 0..n {
            let id = StmtId(i as u32);
            let stmt = script.stmt(id);
            // Jumps are no work (the guard's own `goto nt` is on cmd.exe's side).
            if matches!(
                stmt.kind,
                StmtKind::Comment(_) | StmtKind::Label(_) | StmtKind::Goto(_)
            ) {
                continue;
            }
            if self.runs(id) {
                // Not the guards, not the refusal paths.
                if !ok[i] && cut[i] == 0 {
                    win9x_work += 1;
                }
            } else if nt[i] {
                nt_work += 1;
            }
        }
        nt_work > win9x_work
    }
}

/// The tests whose outcome on Windows 9x is known, with the side COMMAND.COM never takes:
/// `if [not] A==B` without `/i` whose sides are literal text and `%X:~n,m%` / `%X:a=b%`
/// edits. COMMAND.COM has no such edits: it looks up a variable named `X:~-1`, which nothing
/// sets, so the edit expands to nothing (Ant's `if not _%ANT_HOME:~-1%==_\ goto next`, which
/// strips a trailing backslash on cmd.exe, always jumps on Windows 9x). Most files have
/// no such test: one pass over the IF statements.
fn win9x_fixed_tests(source: &Source, script: &Script) -> Vec<(StmtId, EdgeKind)> {
    let mut out = Vec::new();
    for id in script.ids() {
        let StmtKind::If(i) = &script.stmt(id).kind else {
            continue;
        };
        let Condition::Compare {
            lhs,
            op: CmpOp::EqEq,
            rhs,
            ..
        } = &i.condition
        else {
            continue;
        };
        if i.case_insensitive.is_some() || !(lhs.dynamic || rhs.dynamic) {
            continue;
        }
        let (Some(a), Some(b)) = (
            text_on_win9x(source, script, *lhs),
            text_on_win9x(source, script, *rhs),
        ) else {
            continue;
        };
        let holds = (a == b) != i.not.is_some();
        out.push((
            id,
            if holds {
                EdgeKind::Else
            } else {
                EdgeKind::Then
            },
        ));
    }
    out
}

/// The text of `w` as COMMAND.COM expands it, when it is literal text and `%X:…%` edits
/// only (those expand to nothing there); `None` for any other expansion.
fn text_on_win9x(source: &Source, script: &Script, w: Word) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = w.span.start();
    for e in script.expansions_in(w.span) {
        let atom = source.slice(e.span);
        let edit = e.kind == ExpansionKind::Var
            && atom.len() > 2
            && atom[1..atom.len() - 1].contains(&b':');
        if !edit || e.span.start() < at {
            return None;
        }
        out.extend_from_slice(source.bytes().get(at..e.span.start())?);
        at = e.span.end();
    }
    out.extend_from_slice(source.bytes().get(at..w.span.end())?);
    Some(out)
}

/// Per statement, a bit per edge kind (`1 << kind as u8`) that only cmd.exe takes: the NT
/// side of each guard.
fn nt_sides(n: usize, guards: &[(StmtId, EdgeKind)]) -> Vec<u16> {
    let mut sides = vec![0u16; n];
    for (id, kind) in guards {
        if let Some(c) = sides.get_mut(id.index()) {
            *c |= 1 << *kind as u8;
        }
    }
    sides
}

/// A statement of a refusal path: a message, a comment, a label, a jump, an end, or the
/// clean-up before the end (`endlocal`, `popd`); or a `( … )` block, which does nothing of
/// its own (what it holds is checked as the statements after it: `if not "%OS%"=="Windows_NT"
/// ( echo … & exit /b 1 )`).
fn refuses(source: &Source, stmt: &crate::syntax::ast::Stmt) -> bool {
    match &stmt.kind {
        StmtKind::Block(_)
        | StmtKind::Echo(_)
        | StmtKind::Comment(_)
        | StmtKind::Label(_)
        | StmtKind::Goto(_)
        | StmtKind::Exit(_)
        | StmtKind::Endlocal => true,
        StmtKind::Simple(s) => {
            let raw = source.slice(s.name.span);
            ["pause", "cls", "popd"]
                .iter()
                .any(|name| crate::sms::program_name_is(raw, name))
        }
        _ => false,
    }
}

/// Word bytes with quotes and carets handled as cmd.exe reads them (carets outside quotes
/// escape the next byte), ASCII lower case.
fn cmd_text(source: &Source, w: &Word) -> Vec<u8> {
    cmd_bytes(source, w).collect()
}

/// [`cmd_text`] without building it.
fn cmd_bytes<'s>(source: &'s Source, w: &Word) -> impl Iterator<Item = u8> + 's {
    let mut quoted = false;
    let mut it = source.slice(w.span).iter();
    std::iter::from_fn(move || loop {
        match *it.next()? {
            b'"' => quoted = !quoted,
            b'^' if !quoted => {
                if let Some(&n) = it.next() {
                    return Some(n.to_ascii_lowercase());
                }
            }
            b => return Some(b.to_ascii_lowercase()),
        }
    })
}

/// Decoration around compared strings: quotes, brackets, dots, apostrophes.
fn is_decoration(b: u8) -> bool {
    matches!(
        b,
        b'"' | b'\'' | b'.' | b'[' | b']' | b'{' | b'}' | b'(' | b')'
    )
}

/// The two operands with decoration removed and a shared literal prefix/suffix (`x%OS%`
/// against `xWindows_NT`) cut off, built in `buf` (reused from one call to the next).
fn operands<'b>(
    source: &Source,
    lhs: &Word,
    rhs: &Word,
    buf: &'b mut (Vec<u8>, Vec<u8>),
) -> (&'b [u8], &'b [u8]) {
    let (l, r) = buf;
    l.clear();
    l.extend(cmd_bytes(source, lhs).filter(|&b| !is_decoration(b)));
    r.clear();
    r.extend(cmd_bytes(source, rhs).filter(|&b| !is_decoration(b)));
    let head = l
        .iter()
        .zip(r.iter())
        .take_while(|(a, b)| a == b && **a != b'%')
        .count();
    let (l, r) = (&l[head..], &r[head..]);
    let tail = l
        .iter()
        .rev()
        .zip(r.iter().rev())
        .take_while(|(a, b)| a == b && **a != b'%')
        .count();
    (&l[..l.len() - tail], &r[..r.len() - tail])
}

/// What an `if` condition says about the interpreter: `Some(true)` when it is true only on
/// cmd.exe, `Some(false)` when it is true only on COMMAND.COM (Windows 9x), `None` when it
/// is no OS test. The second value: the condition reads `%OS%`.
fn os_condition(
    source: &Source,
    cond: &Condition,
    buf: &mut (Vec<u8>, Vec<u8>),
) -> (Option<bool>, bool) {
    match cond {
        Condition::CmdExtVersion { .. } => (Some(true), false),
        Condition::Compare {
            lhs,
            op: CmpOp::EqEq | CmpOp::Equ,
            rhs,
            ..
        } => {
            let raw_l = source.slice(lhs.span);
            // The cmd.exe probe `if '^(' == '('`: equal only when the caret escapes.
            if raw_l.contains(&b'^') && !raw_l.contains(&b'"') {
                let raw_r = source.slice(rhs.span);
                if raw_l != raw_r && cmd_text(source, lhs) == cmd_text(source, rhs) {
                    return (Some(true), false);
                }
            }
            // Only the bytes `%`, `o`, `s`, `%` in that order (any case, others between) can
            // make `%OS%`: cleaning drops and unescapes bytes, adds none.
            if !may_read_os(source.slice(lhs.span)) && !may_read_os(source.slice(rhs.span)) {
                return (None, false);
            }
            let (l, r) = operands(source, lhs, rhs, buf);
            let (var, other) = if l == b"%os%" {
                (true, r)
            } else if r == b"%os%" {
                (true, l)
            } else {
                let reads = |w: &Word| {
                    source
                        .slice(w.span)
                        .windows(4)
                        .any(|x| x.eq_ignore_ascii_case(b"%os%"))
                };
                return (None, reads(lhs) || reads(rhs));
            };
            // Windows 9x defines no OS variable: any other fixed text (`Windows_NT`, or the
            // `WINNT` some scripts also test) differs from the empty `%OS%` there. A test
            // against a bitness (`32BIT`, `x64`) tells no systems apart: it reads a variable
            // of the script's family that holds something else (`set OS=64BIT` in the script
            // that calls it), and says nothing of Windows 9x.
            let bitness = {
                let o = other.to_ascii_lowercase();
                o.windows(3).any(|w| w == b"bit")
                    || matches!(
                        o.as_slice(),
                        b"x86" | b"x64" | b"amd64" | b"arm64" | b"ia64" | b"32" | b"64" | b"wow64"
                    )
            };
            let about_9x = var && !bitness;
            match other {
                b"" => (Some(false), about_9x),
                _ if !other.contains(&b'%') && !other.contains(&b'!') => (Some(true), about_9x),
                _ => (None, about_9x),
            }
        }
        _ => (None, false),
    }
}

/// `text` holds `%`, `o`, `s`, `%` in that order (any case, other bytes between): the
/// least a word needs to read `%OS%` once quotes and carets are gone.
fn may_read_os(text: &[u8]) -> bool {
    let mut want = b"%os%".iter();
    let mut next = want.next();
    for &b in text {
        match next {
            Some(&w) if b.to_ascii_lowercase() == w => next = want.next(),
            Some(_) => {}
            None => break,
        }
    }
    next.is_none()
}

/// `find`'s search text names NT (`Some(true)`) or Windows 9x (`Some(false)`).
fn ver_marker(text: &[u8]) -> Option<bool> {
    let t = text.to_ascii_lowercase();
    let has = |n: &[u8]| t.windows(n.len()).any(|w| w == n);
    if has(b"windows 9") || has(b"windows me") || has(b"millennium") || has(b"4.10.") {
        return Some(false);
    }
    if has(b"windows nt")
        || has(b"version 5")
        || has(b"version 6")
        || has(b"version 10")
        || has(b"windows 2000")
        || has(b"windows xp")
        || t.split(|b| !b.is_ascii_alphanumeric())
            .any(|w| w == b"nt" || w == b"xp")
    {
        return Some(true);
    }
    None
}

/// [`nt_guards`] of the script whose flow is `flow`, found once and kept in the flow.
pub fn nt_guards_of<'f>(source: &Source, script: &Script, flow: &'f Flow) -> &'f NtGuards {
    flow.nt_guards.get_or_init(|| nt_guards(source, script))
}

/// [`nt_guards_of`] with the script's invocations already found (those of its SMS analysis,
/// in statement order): the name of each plain command is read from them.
pub(crate) fn nt_guards_named<'f>(
    source: &Source,
    script: &Script,
    flow: &'f Flow,
    invocations: &[crate::sms::Invocation],
) -> &'f NtGuards {
    flow.nt_guards.get_or_init(|| {
        let mut k = 0;
        nt_guards_by(source, script, |id, raw| {
            while invocations.get(k).is_some_and(|i| i.stmt < id) {
                k += 1;
            }
            // A plain command started directly is its own invocation, with its name; one
            // that is not (`start`, `cmd`, `command` with or without a program) is none of
            // `ver`, `find` and `findstr`.
            match invocations.get(k) {
                Some(i) if i.stmt == id && i.via == crate::sms::Via::Direct => {
                    command_of(raw, i.name.as_bytes())
                }
                _ => Command::Other,
            }
        })
    })
}

/// The commands the `ver | find` guard is made of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Command {
    Ver,
    Find,
    Other,
}

/// The command a plain command's name word `raw` (program name `name`) is. Only a short
/// word spelling `ver` or `fin` (any case) counts.
fn command_of(raw: &[u8], name: &[u8]) -> Command {
    let command = match name {
        b"ver" => Command::Ver,
        b"find" | b"findstr" => Command::Find,
        _ => return Command::Other,
    };
    if spells_ver_or_fin(raw) {
        command
    } else {
        Command::Other
    }
}

/// A short command word with `ver` or `fin` in it (any case): the only words that can name
/// `ver`, `find` or `findstr`.
fn spells_ver_or_fin(raw: &[u8]) -> bool {
    raw.len() < 64
        && raw
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"ver") || w.eq_ignore_ascii_case(b"fin"))
}

/// Every OS guard of the script, with the edge only cmd.exe takes; and whether the script
/// reads `%OS%` in a comparison.
pub fn nt_guards(source: &Source, script: &Script) -> NtGuards {
    nt_guards_by(source, script, |_, raw| {
        // Only `ver` and `find`/`findstr` matter: skip the name's normalisation for every
        // other command.
        if spells_ver_or_fin(raw) {
            command_of(raw, program_name(raw).as_bytes())
        } else {
            Command::Other
        }
    })
}

/// `if "%OS%"=="Windows_NT" setlocal` (or `endlocal`), with nothing else under the `if`:
/// the launcher-template line (Ant, Gradle's `gradlew.bat`, Groovy, Maven) that opens a
/// local scope where the shell has one. It says nothing about running on Windows 9x, so it
/// does not make the file one that "tests %OS%" (portability study §3.4, step 4, read
/// narrowly: a test that branches, sets a variable or runs another command still counts).
pub(crate) fn only_scopes(script: &Script, id: StmtId, i: &crate::syntax::ast::If) -> bool {
    let Some(then) = i.then else {
        return false;
    };
    i.else_.is_none()
        && matches!(
            script.stmt(then).kind,
            StmtKind::Setlocal(_) | StmtKind::Endlocal
        )
        // `if … setlocal & set X=1`: the `&` command is under the `if` too.
        && script
            .stmts
            .get(then.index() + 1)
            .map_or(true, |next| next.parent() != Some(id))
}

/// The file's `%OS%` tests only pick a value (`if "%OS%"=="Windows_NT" set HOME="%~dp0"`,
/// no else, no jump: no Windows 9x path of their own), and before the first of them (the
/// `setlocal` template line aside) the file already runs cmd.exe-only code at its top level
/// on every client: `SETLOCAL ENABLEDELAYEDEXPANSION`, `title`, `pushd "%~dp0"`, a `%~dp0` or
/// `%*` argument. Windows 9x has failed before the test is reached, so the test is a leftover
/// of a launcher template, no sign the file is meant to run there. A test that branches
/// (`goto nt` past a Windows 9x message) still is one, unless the file's first command is
/// `SETLOCAL ENABLEDELAYEDEXPANSION` (a Windows 10 tool with a pasted hosts-file snippet).
pub fn starts_cmd_only(source: &Source, script: &Script, flow: &Flow) -> bool {
    let mut buf = (Vec::new(), Vec::new());
    let mut name = Vec::new();
    // Cmd.exe-only code seen at the top level before the first test.
    let mut early = false;
    // The file's first command is `SETLOCAL ENABLEDELAYEDEXPANSION`: written for cmd.exe
    // from its first line (a Windows 9x client stumbles over every `!var!` after it), so
    // even a test that branches is a pasted snippet, not a Windows 9x path.
    let mut delayed_first: Option<bool> = None;
    let mut tests = 0;
    for id in script.ids() {
        let stmt = script.stmt(id);
        if let StmtKind::If(i) = &stmt.kind {
            if os_condition(source, &i.condition, &mut buf).1 && !only_scopes(script, id, i) {
                if tests == 0 && !early {
                    return false;
                }
                tests += 1;
                if !picks_a_value(script, id, i) && delayed_first != Some(true) {
                    return false;
                }
                continue;
            }
        }
        if early || tests > 0 || stmt.parent().is_some() || !flow.is_reachable(id) {
            continue;
        }
        if delayed_first.is_none() && !quiet_start(source, &stmt.kind, &mut name) {
            delayed_first = Some(match &stmt.kind {
                StmtKind::Setlocal(sl) => sl.args.iter().any(|w| {
                    source
                        .slice(w.span)
                        .eq_ignore_ascii_case(b"enabledelayedexpansion")
                }),
                _ => false,
            });
        }
        early = match &stmt.kind {
            StmtKind::Setlocal(_) | StmtKind::Endlocal => true,
            StmtKind::Simple(s) => program_stem_into(source.slice(s.name.span), &mut name)
                .is_some_and(|stem| NT_ONLY_COMMANDS.contains(&stem)),
            _ => false,
        } || script
            .expansions_in(stmt.span)
            .iter()
            .any(|e| matches!(e.kind, ExpansionKind::ArgModifier | ExpansionKind::AllArgs));
    }
    early && tests > 0
}

/// A Perl script wrapped by `pl2bat` (first line `@rem = '--*-Perl-*--`): its `%OS%` test
/// comes with the generated wrapper, not from its author. The old wrapper's Windows 9x
/// branch is one plain `perl -x -S "%0" %1 …` line; Strawberry Perl's (which runs on
/// Windows 2000 and later only) uses `%~dp0` and an IF/ELSE block there. Either way the test
/// is no sign that the file is meant to run on Windows 9x.
pub fn perl_wrapper(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The marker is at the start: 64 bytes of the first line are plenty.
    let head = &bytes[..bytes.len().min(64)];
    let line = &head[..memchr::memchr(b'\n', head).unwrap_or(head.len())];
    let squeezed: Vec<u8> = line
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .map(u8::to_ascii_lowercase)
        .collect();
    squeezed.starts_with(b"@rem='--*-perl-*--")
}

/// A line before a script's first command that does nothing for its reading: a comment, a
/// label, `echo off`, `cls`, `title`, `color`, `chcp`, `mode`.
fn quiet_start(source: &Source, kind: &StmtKind, name: &mut Vec<u8>) -> bool {
    match kind {
        StmtKind::Comment(_) | StmtKind::Label(_) | StmtKind::Echo(_) => true,
        StmtKind::Simple(s) => program_stem_into(source.slice(s.name.span), name)
            .is_some_and(|stem| matches!(stem, b"cls" | b"title" | b"color" | b"chcp" | b"mode")),
        _ => false,
    }
}

/// `if "%OS%"=="Windows_NT" set NAME=…`: one `set` under the `if`, no else.
fn picks_a_value(script: &Script, id: StmtId, i: &crate::syntax::ast::If) -> bool {
    i.else_.is_none()
        && i.then.is_some_and(|t| {
            matches!(script.stmt(t).kind, StmtKind::Set(_))
                && script
                    .stmts
                    .get(t.index() + 1)
                    .map_or(true, |next| next.parent() != Some(id))
        })
}

/// `if "%OS%" == "Windows_NT" (` with a then-block over several lines, as the Java launcher
/// templates (WildFly, TomEE, sbt) set `DIRNAME`: COMMAND.COM has no blocks and runs the
/// inner lines whatever the test says, so such a test has never worked on Windows 9x and is
/// no sign that the file is meant to run there. Where Windows 9x clients do run the file (a
/// logon script, a file one reaches, the configured targets), BAT305 reports the block.
fn multiline_block(source: &Source, script: &Script, i: &crate::syntax::ast::If) -> bool {
    i.then.is_some_and(|t| match &script.stmt(t).kind {
        StmtKind::Block(b) => b.close.map_or(true, |c| {
            source.line_of(c.start()) > source.line_of(b.open.start())
        }),
        _ => false,
    })
}

/// Internal commands that change nothing outside the batch run
/// ([`Win9xView::runs_only_nt_programs`]); `rem` is `REM=…` or `REM.…`, which cmd.exe reads
/// as a do-nothing command, not as a comment.
const NO_WORK: &[&[u8]] = &[
    b"rem", b"cd", b"chdir", b"cls", b"pause", b"shift", b"ver", b"path", b"prompt", b"break",
    b"verify",
];

/// `if not "%OS%"=="Windows_NT" goto win9xME_args` right above `:win9xME_args` (only
/// comments, labels and other `if … goto` tests between, within 64 statements), as in the older `gradlew.bat`
/// templates: both sides of the test go on at the same line, so it says nothing about running
/// on Windows 9x.
fn jumps_to_next(source: &Source, script: &Script, id: StmtId, i: &crate::syntax::ast::If) -> bool {
    let stmt = script.stmt(id);
    let (Some(then), None, None) = (i.then, &i.else_, stmt.parent()) else {
        return false;
    };
    let StmtKind::Goto(g) = &script.stmt(then).kind else {
        return false;
    };
    let crate::syntax::ast::JumpTarget::Label { key, .. } = &g.target else {
        return false;
    };
    let mut end = stmt.span.end();
    // A few statements on: a label further down is no "next line" (and a run of 20,000 such
    // tests costs no more than one each).
    for s in script.stmts[then.index() + 1..].iter().take(64) {
        if s.span.start() < end {
            continue; // chained after a jump on its test's line
        }
        match &s.kind {
            StmtKind::Comment(_) if s.parent().is_none() => {}
            // Another test that may jump elsewhere (`if "%@eval[2+2]" == "4" goto 4NT_args`):
            // past it, cmd.exe goes on where Windows 9x jumps.
            StmtKind::If(j)
                if s.parent().is_none()
                    && j.else_.is_none()
                    && j.then
                        .is_some_and(|t| matches!(script.stmt(t).kind, StmtKind::Goto(_))) =>
            {
                end = s.span.end();
            }
            StmtKind::Label(l) if s.parent().is_none() => {
                if source.slice(l.name).eq_ignore_ascii_case(key) {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// [`nt_guards`], with `command` telling which command a plain command statement is (given
/// its id and name word), in statement order.
fn nt_guards_by(
    source: &Source,
    script: &Script,
    mut command: impl FnMut(StmtId, &[u8]) -> Command,
) -> NtGuards {
    let mut out = Vec::new();
    let mut tests_os = false;
    // `ver | find "…"`: the find statement and whether a match means NT.
    let mut ver_finds: Vec<(StmtId, bool)> = Vec::new();
    // The compared operands, built here for every comparison.
    let mut buf = (Vec::new(), Vec::new());
    let mut prev_simple: Option<(StmtId, bool)> = None; // (stmt, is `ver`)
                                                        // The script's own `OS` variable (`set OS=64BIT`), found at the first `%OS%` test.
    let mut own_os: Option<bool> = None;
    for id in script.ids() {
        let stmt = script.stmt(id);
        match &stmt.kind {
            StmtKind::If(i) => {
                let (mut side, mut reads_os) = os_condition(source, &i.condition, &mut buf);
                if reads_os
                    && *own_os.get_or_insert_with(|| crate::flow::script_sets_os(source, script))
                {
                    (side, reads_os) = (None, false);
                }
                tests_os |= reads_os
                    && !only_scopes(script, id, i)
                    && !jumps_to_next(source, script, id, i)
                    && !multiline_block(source, script, i);
                if let Some(nt_when_true) = side {
                    let nt_edge = if nt_when_true != i.not.is_some() {
                        EdgeKind::Then
                    } else {
                        EdgeKind::Else
                    };
                    out.push((id, nt_edge));
                }
                prev_simple = None;
            }
            StmtKind::Simple(s) => {
                let command = command(id, source.slice(s.name.span));
                if stmt.connector == Connector::Pipe {
                    if let Some((_, true)) = prev_simple {
                        if command == Command::Find {
                            let marker = s
                                .args
                                .iter()
                                .filter(|w| !source.slice(w.span).starts_with(b"/"))
                                .find_map(|w| ver_marker(source.slice(w.span)));
                            if let Some(nt) = marker {
                                ver_finds.push((id, nt));
                            }
                        }
                    }
                }
                prev_simple = Some((id, command == Command::Ver));
            }
            _ => prev_simple = None,
        }
    }
    if !ver_finds.is_empty() {
        let next = sequence_next(script);
        for (find, nt_when_found) in ver_finds {
            let Some(test) = crate::sms::next_sibling(script, &next, find) else {
                continue;
            };
            let Some((_, negated)) = crate::sms::errorlevel_test(script.stmt(test)) else {
                continue;
            };
            // `if errorlevel 1` holds when the text was not found.
            let then_is_found = negated;
            let nt_edge = if then_is_found == nt_when_found {
                EdgeKind::Then
            } else {
                EdgeKind::Else
            };
            out.push((test, nt_edge));
        }
    }
    (out, tests_os)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::labels::LabelIndex;

    fn view(text: &str) -> (Script, Win9xView) {
        let source = Source::new(text.as_bytes().to_vec());
        let script = crate::syntax::parse(&source);
        let labels = LabelIndex::build(&source);
        let flow = Flow::build(&source, &script, &labels);
        let v = Win9xView::build(&source, &script, &flow);
        (script, v)
    }

    /// The lines of the `echo` statements Windows 9x runs.
    fn echoes(text: &str) -> Vec<usize> {
        let source = Source::new(text.as_bytes().to_vec());
        let (script, v) = view(text);
        script
            .ids()
            .filter(|id| matches!(script.stmt(*id).kind, StmtKind::Echo(_)) && v.runs(*id))
            .map(|id| source.line_of(script.stmt(id).span.start()))
            .collect()
    }

    #[test]
    fn every_guard_form_cuts_the_nt_side() {
        for text in [
            "if \"%OS%\"==\"Windows_NT\" goto nt\necho 9x\ngoto end\n:nt\necho nt\n:end\n",
            "if %OS%.==Windows_NT. goto nt\necho 9x\ngoto end\n:nt\necho nt\n:end\n",
            "if /i x%os%==xwindows_nt goto nt\necho 9x\ngoto end\n:nt\necho nt\n:end\n",
            "if not \"%OS%\"==\"\" goto nt\necho 9x\ngoto end\n:nt\necho nt\n:end\n",
            "if cmdextversion 1 goto nt\necho 9x\ngoto end\n:nt\necho nt\n:end\n",
            "if '^(' == '(' goto nt\necho 9x\ngoto end\n:nt\necho nt\n:end\n",
            "ver | find \"Windows NT\" > nul\nif not errorlevel 1 goto nt\necho 9x\ngoto end\n:nt\necho nt\n:end\n",
            "ver | find \"Windows 98\" > nul\nif errorlevel 1 goto nt\necho 9x\ngoto end\n:nt\necho nt\n:end\n",
        ] {
            assert_eq!(echoes(text), vec![2 + usize::from(text.starts_with("ver"))], "{text}");
        }
        // The 9x side: `if not "%OS%"=="Windows_NT" goto 9x` jumps on 9x.
        let t =
            "if not \"%OS%\"==\"Windows_NT\" goto w9x\necho nt\ngoto end\n:w9x\necho 9x\n:end\n";
        assert_eq!(echoes(t), vec![5]);
    }

    #[test]
    fn guards_from_the_invocations_are_the_guards() {
        let long = format!("c:\\{}\\ver.exe | find \"Windows NT\"\n", "x".repeat(70));
        for text in [
            "ver | find \"Windows NT\" > nul\nif not errorlevel 1 goto nt\n:nt\n",
            "VER.EXE | FINDSTR /i \"version 5\"\nif errorlevel 1 goto x\n:x\n",
            "v^er | find \"Windows NT\"\nif errorlevel 1 goto x\n:x\n",
            "ver | f^ind \"Windows NT\"\nif errorlevel 1 goto x\n:x\n",
            "\"ver\" | \"find\" \"Windows 98\"\nif errorlevel 1 goto x\n:x\n",
            "start ver | find \"Windows NT\"\nif errorlevel 1 goto x\n:x\n",
            "cmd /c ver | find \"Windows NT\"\nif errorlevel 1 goto x\n:x\n",
            "ver | cmd /c find \"Windows NT\"\nif errorlevel 1 goto x\n:x\n",
            "call ver | find \"Windows NT\"\nif errorlevel 1 goto x\n:x\n",
            "c:\\dos\\ver.com|c:\\dos\\find.exe \"Windows 95\"\nif not errorlevel 1 goto x\n:x\n",
            &long,
            "if \"%OS%\"==\"Windows_NT\" goto nt\nver\n:nt\n",
        ] {
            let source = Source::new(text.as_bytes().to_vec());
            let script = crate::syntax::parse(&source);
            let labels = LabelIndex::build(&source);
            let flow = Flow::build(&source, &script, &labels);
            let sms = crate::sms::Analysis::new(&script, &source, &flow, Default::default());
            let named = nt_guards_named(&source, &script, &flow, &sms.invocations);
            assert_eq!(*named, nt_guards(&source, &script), "{text}");
        }
    }

    #[test]
    fn a_bitness_held_in_os_is_no_os_test() {
        // `set OS=64BIT` in the calling script: the helper's tests read that, not Windows'.
        for value in ["32BIT", "64bit", "x64", "AMD64"] {
            let text = format!("if %OS%=={value} goto b\nver\n:b\n");
            let (_, v) = view(&text);
            assert!(!v.tests_os, "{text}");
        }
    }

    #[test]
    fn any_fixed_os_name_is_false_on_windows_9x() {
        // Windows 9x has no OS variable: `%OS%` is empty there, unequal to any fixed text.
        for name in ["WINNT", "OS2", "windows_nt"] {
            let text = format!("if \"%OS%\"==\"{name}\" goto b\nver\n:b\n");
            let (_, v) = view(&text);
            assert!(v.guarded() && v.tests_os, "{text}");
        }
    }

    #[test]
    fn only_a_guard_command_com_reads_splits_the_paths() {
        for (text, splits) in [
            ("if \"%OS%\"==\"Windows_NT\" goto nt\nver\n:nt\n", true),
            (
                "if not \"%OS%\"==\"Windows_NT\" goto w9x\nver\n:w9x\n",
                true,
            ),
            ("if \"%OS%\"==\"Windows_NT\" call nt.bat\n", true),
            // The launcher idiom: both kinds of client go on down the same lines.
            ("@if \"%OS%\"==\"Windows_NT\" setlocal\nver\n", false),
            ("@if \"%OS%\"==\"Windows_NT\" endlocal\n", false),
            // COMMAND.COM cannot read a block: it runs the body lines anyway.
            (
                "if \"%OS%\"==\"Windows_NT\" (\n  set X=%~dp0\n) else (\n  set X=.\n)\n",
                false,
            ),
        ] {
            let (script, v) = view(text);
            assert!(v.guarded(), "{text}");
            assert_eq!(v.splits_paths(&script), splits, "{text}");
        }
    }

    #[test]
    fn other_comparisons_are_no_guard() {
        let (_, v) =
            view("if \"%1\"==\"x\" goto a\nif \"%OS%\"==\"%X%\" goto b\n:a\nset Y=1\n:b\n");
        assert!(!v.guarded());
        assert!(v.tests_os);
        let (_, v) = view("if \"%~1\"==\"\" goto a\n:a\n");
        assert!(!v.guarded() && !v.tests_os);
    }

    #[test]
    fn a_test_that_only_turns_windows_9x_away_is_a_refusal() {
        let refusal =
            "setlocal\nif \"%OS%\"==\"Windows_NT\" goto nt\necho needs NT\npause\ngoto end\n\
                       :nt\nset A=1\nset B=2\ntool.exe %A% %B%\n:end\npopd\n";
        let source = Source::new(refusal.as_bytes().to_vec());
        let script = crate::syntax::parse(&source);
        let flow = Flow::build(&source, &script, &LabelIndex::build(&source));
        let v = Win9xView::build(&source, &script, &flow);
        assert!(v.only_refuses(&source, &script, &flow));
        for text in [
            // Windows 9x goes on with the script after the skipped step.
            "if \"%OS%\"==\"Windows_NT\" goto nt\necho skip\ngoto done\n:nt\nset A=1\n:done\nnet use h: \\\\s\\h\n",
            // Windows 9x has work of its own.
            "if not \"%OS%\"==\"Windows_NT\" goto w\nset A=%~1\ngoto end\n:w\nset A=%1\n:end\n",
            // More work on both before the refusal than on cmd.exe's side after it.
            "setlocal\nnet use h: \\\\s\\h\nnet use p: \\\\s\\p\nif \"%OS%\"==\"Windows_NT\" goto nt\necho 9x\ngoto end\n:nt\nset A=1\n:end\n",
            // A dynamic jump on the refusal path may go anywhere.
            "if \"%OS%\"==\"Windows_NT\" goto nt\ngoto %NEXT%\n:nt\nset A=1\nset B=1\n",
            // No guard at all.
            "set A=1\n",
        ] {
            let source = Source::new(text.as_bytes().to_vec());
            let script = crate::syntax::parse(&source);
            let flow = Flow::build(&source, &script, &LabelIndex::build(&source));
            let v = Win9xView::build(&source, &script, &flow);
            assert!(!v.only_refuses(&source, &script, &flow), "{text}");
        }
    }

    #[test]
    fn a_test_that_only_opens_a_local_scope_is_no_intent() {
        for (text, tests_os) in [
            ("if \"%OS%\"==\"Windows_NT\" setlocal\nset X=%~dp0\n", false),
            ("@if \"%OS%\"==\"Windows_NT\" @setlocal\nif \"%OS%\"==\"Windows_NT\" endlocal\n", false),
            // Anything else under the `if`, or another test, still says "runs on both".
            ("if \"%OS%\"==\"Windows_NT\" setlocal & set X=1\n", true),
            ("if \"%OS%\"==\"Windows_NT\" (setlocal) else (echo 9x)\n", true),
            ("if \"%OS%\"==\"Windows_NT\" setlocal\nif not \"%OS%\"==\"Windows_NT\" goto w\nset X=1\n:w\n", true),
            ("if \"%OS%\"==\"Windows_NT\" set NT=1\n", true),
            // A jump to the label right below (comments, labels, other jumps between) sends
            // both sides on at the same line.
            ("if not \"%OS%\"==\"Windows_NT\" goto w\n:w\nset X=%~1\n", false),
            ("if not \"%OS%\" == \"Windows_NT\" goto w\nrem x\nif \"%@eval[2+2]\" == \"4\" goto f\n\n:x\n:W\nset X=1\n:f\n", false),
            ("if not \"%OS%\"==\"Windows_NT\" goto w\nif \"%1\"==\"\" echo usage\n:w\n", true),
        ] {
            let (_, v) = view(text);
            assert!(v.guarded(), "{text}");
            assert_eq!(v.tests_os, tests_os, "{text}");
        }
    }

    #[test]
    fn a_test_with_a_block_over_several_lines_is_no_intent() {
        for (text, tests_os) in [
            // The Java launcher template: COMMAND.COM runs both blocks' lines anyway.
            (
                "if \"%OS%\" == \"Windows_NT\" (\n  set \"D=%~dp0%\"\n) else (\n  set D=.\\\n)\n",
                false,
            ),
            ("if not \"%OS%\"==\"Windows_NT\" (\n  echo 9x\n)\n", false),
            // On one line, or with another test that branches, it still says "runs on both".
            ("if \"%OS%\"==\"Windows_NT\" (set D=%~dp0) else (set D=.)\n", true),
            (
                "if \"%OS%\"==\"Windows_NT\" (\n  set D=%~dp0\n)\nif not \"%OS%\"==\"Windows_NT\" goto w\nset X=1\n:w\n",
                true,
            ),
        ] {
            let (_, v) = view(text);
            assert_eq!(v.tests_os, tests_os, "{text}");
        }
    }

    #[test]
    fn a_value_picking_test_after_cmd_only_code_is_a_leftover() {
        let run = |text: &str| {
            let source = Source::new(text.as_bytes().to_vec());
            let script = crate::syntax::parse(&source);
            let flow = Flow::build(&source, &script, &LabelIndex::build(&source));
            starts_cmd_only(&source, &script, &flow)
        };
        let pick = "if \"%OS%\"==\"Windows_NT\" set H=\"%~dp0\"\n";
        assert!(run(&format!(
            "@echo off\nsetlocal enabledelayedexpansion\n{pick}"
        )));
        assert!(run(&format!("title Tools\n{pick}")));
        assert!(run(&format!("set ARGS=%*\n{pick}")));
        // Nothing cmd.exe-only before the test, or the test branches, or has an else.
        assert!(!run(&format!("@echo off\n{pick}setlocal\n")));
        assert!(!run(
            "setlocal\nif \"%OS%\"==\"Windows_NT\" goto nt\necho 9x\n:nt\n"
        ));
        assert!(!run(
            "setlocal\nif \"%OS%\"==\"Windows_NT\" (set H=1) else (set H=2)\n"
        ));
        assert!(!run(&format!(
            "setlocal\n{pick}if not \"%OS%\"==\"Windows_NT\" goto w\n:w\n"
        )));
        // The template line `if "%OS%"=="Windows_NT" setlocal` is no test here either.
        assert!(run(&format!(
            "@if \"%OS%\"==\"Windows_NT\" setlocal\nset D=%~dp0\n{pick}"
        )));
    }

    #[test]
    fn a_windows_9x_path_that_runs_only_nt_commands_does_nothing_there() {
        let run = |text: &str| {
            let source = Source::new(text.as_bytes().to_vec());
            let script = crate::syntax::parse(&source);
            let flow = Flow::build(&source, &script, &LabelIndex::build(&source));
            Win9xView::build(&source, &script, &flow).runs_only_nt_programs(&source, &script)
        };
        let launcher = "REM==========\nif \"%OS%\"==\"Windows_NT\" (set D=%~dp0) else (set D=.)\n\
                        pushd \"%D%\"\ncd ..\nCMD.EXE /c bin\\run.bat\npopd\n";
        assert!(run(launcher));
        for text in [
            // A program, a batch file or a DOS command is work on Windows 9x.
            "if \"%OS%\"==\"Windows_NT\" goto nt\nnet use h: \\\\s\\h\n:nt\npushd x\n",
            "if \"%OS%\"==\"Windows_NT\" goto nt\ncall setup9x\n:nt\npushd x\n",
            "if \"%OS%\"==\"Windows_NT\" goto nt\ncopy a b\n:nt\npushd x\n",
            "pushd x\n\"%JAVA%\" -jar app.jar\n",
            // No NT-only command: nothing says the path is vestigial.
            "cd ..\necho hello\n",
        ] {
            assert!(!run(text), "{text}");
        }
    }

    #[test]
    fn only_words_with_percent_o_s_percent_in_order_may_read_os() {
        for yes in [
            &b"%OS%"[..],
            b"\"%os%\"",
            b"%O^S%",
            b"x%o\"s\"%y",
            b"[%Os%]",
        ] {
            assert!(may_read_os(yes), "{}", String::from_utf8_lossy(yes));
        }
        for no in [&b"%choice%"[..], b"Windows_NT", b"%so%", b"os", b"%os", b""] {
            assert!(!may_read_os(no), "{}", String::from_utf8_lossy(no));
        }
    }
}
