//! BAT210 unquoted-compare: an unquoted `%var%` operand of an IF comparison.

use crate::diagnostic::{Diagnostic, Severity};
use rustc_hash::FxHashMap as HashMap;

use crate::rules::bat_util::{
    expansion_name, is_delim, message_or_screen, snippet, text, word_is_only_expansions, Repeats,
    Siblings,
};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{
    CallTarget, CmpOp, Condition, Connector, ExpansionKind, JumpTarget, SetKind, StmtId, StmtKind,
    Word,
};

pub static RULE: Rule = Rule {
    code: "BAT210",
    name: "unquoted-compare",
    severity: Severity::Warning,
    summary: "An IF comparison operand that is only an unquoted `%var%` / `%1`",
    what: "Reports an unquoted operand of `==` (or `EQU` …) made only of expansions when it \
           can really be empty or hold spaces (the right operand only before a `(` block: \
           an empty right operand otherwise makes IF compare with the next word, `if 1== \
           goto x`, which is no syntax error): a batch argument (`%1`-`%9`, `%~1`, `%*`) no \
           emptiness test guards (inside a `call :label` subroutine: one of its call sites \
           passes it on from its own arguments or not at all; a quoted literal it passes \
           counts as a value for `%2`, which keeps the quotes, and for `%~2` when it holds \
           text without blanks), a variable \
           set to a constant with spaces (and not unconditionally set again), copied from an \
           argument, or never set in the file (nor possibly set by a `set` with a computed \
           name, or by another batch file the script calls); and, in code Windows 9x clients run, `%OS%`, `%ERRORLEVEL%`, \
           `%COMPUTERNAME%` (COMMAND.COM does not set them). A variable the file sets to a \
           non-empty constant without spaces (or with `set /a`, or defaults with \
           `if not defined x set x=0`) before the test, in file order, is not reported, nor \
           one the file sets only further down. One finding per IF. A `set /p` answer \
           typed at the console is BAT219's (on by default); a default set before the \
           prompt stays, because Enter leaves the variable as it was.",
    why: "Variables are expanded before IF parses the line. When the value is empty, \
          `if %1==x goto a` becomes `if ==x goto a`, and cmd.exe stops the script with \
          \"goto was unexpected at this time\" (COMMAND.COM: \"Syntax error\"); a value with a \
          space breaks the line the same way. Logon scripts run with no arguments and with \
          unset variables on some clients (`%OS%` is empty on Windows 9x), so the script aborts \
          exactly there.",
    example: "if %OS%==Windows_NT goto nt\n",
    fix: "if \"%OS%\"==\"Windows_NT\" goto nt\n",
    sources: &[
        "cmd-semantics §1.11 (kb-note: \"quote both sides\"), T42",
        "IF /? (IF-help)",
        "Q136073, Q121388 (`if \"%OS%\" == \"Windows_NT\"`, quoted, in Microsoft's SMS scripts)",
    ],
    check: Some(check),
    opt_in: Some(
        "On 2,030 real scripts about 6 in 10 of its findings were real, most of them menus comparing `set /p` input, which BAT219 now reports by default; the rest compare values that are never empty in practice, so the rule stays opt-in until its precision reaches 90 %.",
    ),
};

/// What the linear walk knows about a variable at a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Set to a non-empty constant without delimiters (or by `set /a`, or defaulted by a
    /// guard) on the way here.
    Safe,
    /// May be empty or hold spaces here; the reason for the message.
    Unsafe(Why),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Why {
    /// `set /p` on this line: Enter leaves it empty, a typed space splits it.
    Prompt(usize),
    /// Set to a constant with spaces or specials on this line.
    Value(usize),
    /// Copied from a batch argument on this line.
    Argument(usize),
}

/// cmd.exe's variables that are always set and hold no delimiter on NT.
const NT_ALWAYS_SET: &[&[u8]] = &[
    b"errorlevel",
    b"random",
    b"cmdextversion",
    b"number_of_processors",
    b"processor_architecture",
    b"computername",
    b"os",
    b"systemdrive",
];

/// Variables Windows NT sets in every cmd.exe session (besides [`NT_ALWAYS_SET`]); their
/// values may hold spaces, so they are no safe operands, but they are never empty.
const WINDOWS_SETS: &[&[u8]] = &[
    b"temp",
    b"tmp",
    b"path",
    b"pathext",
    b"windir",
    b"systemroot",
    b"comspec",
    b"username",
    b"userprofile",
    b"programfiles",
    b"allusersprofile",
    // Dynamic: cmd.exe gives them a value whenever no variable of the name exists.
    b"date",
    b"time",
    b"cd",
    b"cmdcmdline",
];

/// The file's variables, walked once in source order (a simple, conservative stand-in for
/// "on every path": a later assignment in the file never makes an earlier test unsafe, and a
/// variable set only further down is left alone because subroutines and init blocks often
/// stand below the code that uses them).
#[derive(Default)]
struct Vars {
    /// Lower-case names set anywhere in the file (any form).
    ever_set: rustc_hash::FxHashSet<Vec<u8>>,
    /// Names set through an expansion (`set _O%1MSI=0`, `set %%#=0`): lower-case literal
    /// prefix and suffix around it; any name with both may be set.
    patterns: Vec<(Vec<u8>, Vec<u8>)>,
    /// The file runs another batch file (`call x.cmd`, `call %cfg%`), which may set anything.
    calls_out: bool,
}

impl Vars {
    fn build(ctx: &Ctx<'_>) -> Vars {
        let script = ctx.script;
        let src = ctx.source;
        let mut ever_set = rustc_hash::FxHashSet::default();
        let mut patterns = Vec::new();
        let mut calls_out = false;
        for id in script.ids() {
            match &script.stmt(id).kind {
                StmtKind::Set(set) => {
                    if let Some(n) = set.name {
                        let exps = script.expansions_in(n);
                        if let (Some(first), Some(last)) = (exps.first(), exps.last()) {
                            patterns.push((
                                src.slice(crate::source::Span::new(n.start(), first.span.start()))
                                    .to_ascii_lowercase(),
                                trim(src.slice(crate::source::Span::new(last.span.end(), n.end())))
                                    .to_ascii_lowercase(),
                            ));
                            continue;
                        }
                    }
                    ever_set.extend(assigned_names(ctx, id).into_iter().map(|(n, _)| n));
                }
                StmtKind::Call(c) if matches!(c.target, CallTarget::External { .. }) => {
                    calls_out = true;
                }
                _ => {}
            }
        }
        Vars {
            ever_set,
            patterns,
            calls_out,
        }
    }

    /// Might the file (or a batch file it calls) set `name`?
    fn may_be_set(&self, name: &[u8]) -> bool {
        self.calls_out
            || self.ever_set.contains(name)
            || self.patterns.iter().any(|(p, s)| {
                name.len() >= p.len() + s.len() && name.starts_with(p) && name.ends_with(s)
            })
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    walk(ctx, Reasons::AllButPrompts, out);
}

/// Which unsafe operands a walk reports: BAT210 every reason but a `set /p` answer, BAT219
/// only those.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reasons {
    AllButPrompts,
    Prompts,
}

/// The file's IF comparisons walked in source order with what is known of each variable;
/// reports the operands that may be empty for the `reasons` asked.
pub(crate) fn walk(ctx: &Ctx<'_>, reasons: Reasons, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    let script = ctx.script;
    // BAT219 follows only the names the file prompts for at the console (lower case); with
    // none, nothing to report.
    let prompted: Option<rustc_hash::FxHashSet<Vec<u8>>> = match reasons {
        Reasons::AllButPrompts => None,
        Reasons::Prompts => {
            let names = prompted_names(ctx);
            if names.is_empty() {
                return;
            }
            Some(names)
        }
    };
    let follows = |name: &[u8]| prompted.as_ref().map_or(true, |p| p.contains(name));
    let mut repeats: Repeats<Vec<u8>> = Repeats::new();
    // Answers (name, prompt line) whose first unquoted test is where an empty answer stops
    // the script: the line reported for another answer, or a yes/no test whose "no" ends the
    // script anyway. Later tests of that answer never see it empty.
    let mut covered: rustc_hash::FxHashSet<(Vec<u8>, usize)> = rustc_hash::FxHashSet::default();
    // Cheap exit: no candidate operand, no analysis.
    let candidates: Vec<StmtId> = script
        .ids()
        .filter(|&id| match &script.stmt(id).kind {
            StmtKind::If(i) => match &i.condition {
                Condition::Compare { lhs, rhs, .. } => [lhs, rhs].iter().any(|w| {
                    // BAT219: a `%name%` operand starts with `%` (a cheap first look).
                    (prompted.is_none() || src.slice(w.span).first() == Some(&b'%'))
                        && word_is_only_expansions(script, src, w)
                        && (prompted.is_none()
                            || script.expansions_in(w.span).iter().any(|e| {
                                e.kind == ExpansionKind::Var
                                    && expansion_name(src, e)
                                        .is_some_and(|n| follows(&n.to_ascii_lowercase()))
                            }))
                }),
                _ => false,
            },
            _ => false,
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    // BAT219 needs neither (arguments and never-set names are BAT210's).
    let (vars, calls) = if prompted.is_some() {
        (Vars::default(), HashMap::default())
    } else {
        (Vars::build(ctx), call_sites(ctx))
    };
    let mut state: HashMap<Vec<u8>, State> = HashMap::default();
    // Batch-argument positions (1-9, 0 = `%*`) known non-empty here, per "frame": the script
    // body, or a subroutine entered by `call :label`.
    let mut args_guarded = [false; 10];
    // The call sites of the subroutine we are in (`None`: the script's own arguments).
    let mut sub: Option<&Vec<Vec<Word>>> = None;
    let mut next = candidates.iter().peekable();
    // Values derived from a prompted answer since its prompt: (the derived name, the answer,
    // the prompt's line), at most the 32 latest.
    let mut derived: Vec<(Vec<u8>, Vec<u8>, usize)> = Vec::new();
    // Names whose last assignment on the way here was `set x=` (no value), with no CALL
    // since: a prompt after that has no default to fall back on.
    let mut cleared: Vec<Vec<u8>> = Vec::new();
    let mut siblings: Option<Siblings<'_>> = None;
    for id in script.ids() {
        // Only the candidates report: what follows the last one changes nothing.
        if next.peek().is_none() {
            break;
        }
        let stmt = script.stmt(id);
        if matches!(stmt.kind, StmtKind::Call(_)) {
            cleared.clear();
        }
        if let (StmtKind::Label(l), false) = (&stmt.kind, calls.is_empty()) {
            let key = src.slice(l.name).to_ascii_lowercase();
            if let Some(sites) = calls.get(&key) {
                sub = Some(sites);
                args_guarded = [false; 10];
            }
        }
        if next.peek() == Some(&&id) {
            next.next();
            if ctx.flow.is_reachable(id) {
                let at = Place {
                    id,
                    vars: &vars,
                    state: &state,
                    args_guarded: &args_guarded,
                    sub,
                };
                report(ctx, &at, reasons, &mut repeats, &mut covered, out);
            }
        }
        // A `set /a` reading `%x%` validates it as a number (`set /a _t=%x%` then
        // `if errorlevel 1 goto ask`): an empty or spaced input fails there.
        if let StmtKind::Set(set) = &stmt.kind {
            if let (SetKind::Arith, Some(expr)) = (set.kind, set.expr) {
                for e in script.expansions_in(expr) {
                    if let Some(n) = expansion_name(src, e) {
                        let n = n.to_ascii_lowercase();
                        if follows(&n) {
                            state.insert(n, State::Safe);
                        }
                    }
                }
            }
        }
        // `echo %x%| findstr /r "^[0-9]*$"` (then `if errorlevel 1 goto ask`): the answer is
        // checked by the filter, as by `set /a`.
        if let StmtKind::Echo(e) = &stmt.kind {
            let piped_to_filter = script.stmts.get(id.index() + 1).is_some_and(|n| {
                n.connector == Connector::Pipe
                    && matches!(&n.kind, StmtKind::Simple(sm) if {
                        let name = crate::syntax::names::program_file_name(src.slice(sm.name.span));
                        matches!(
                            crate::syntax::names::split_ext(&name).0,
                            b"findstr" | b"find"
                        )
                    })
            });
            if piped_to_filter {
                for x in script.expansions_in(e.text) {
                    if let Some(n) = expansion_name(src, x) {
                        let n = n.to_ascii_lowercase();
                        if follows(&n) {
                            state.insert(n, State::Safe);
                        }
                    }
                }
            }
        }
        // A prompted answer checked through a value derived from it, which asks again when
        // the check fails: `for /l %%n in (1,1,24) do if "%h%"=="%%n" set ok=1` then `if not
        // "%ok%"=="1" goto ask`; a count of `*.%ext%` then `if %n% equ 0 goto start`.
        if let Some((from, to)) = derived_read_span(script, stmt) {
            let mut read: Vec<(Vec<u8>, usize)> = Vec::new();
            for e in script.expansions_in(crate::source::Span::new(from, to)) {
                if let Some(n) = expansion_name(src, e) {
                    let n = n.to_ascii_lowercase();
                    if let Some(State::Unsafe(Why::Prompt(pl))) = state.get(&n) {
                        read.push((n, *pl));
                    }
                }
            }
            if !read.is_empty() {
                for d in derived_names(ctx, id) {
                    for (n, pl) in &read {
                        if derived.len() == 32 {
                            derived.remove(0);
                        }
                        derived.push((d.clone(), n.clone(), *pl));
                    }
                }
            }
        }
        if let StmtKind::If(i) = &stmt.kind {
            if !derived.is_empty() {
                if let Some(back) = asks_again(ctx, i) {
                    // The test, with those of the IFs this one is inside (`if %a%==1 if
                    // exist x goto ask`, `if %a%==1 ( … if %b%==1 goto ask`).
                    let mut top = stmt;
                    while let Some(up) = top.parent().map(|p| script.stmt(p)) {
                        match &up.kind {
                            StmtKind::If(_) | StmtKind::Block(_) => top = up,
                            _ => break,
                        }
                    }
                    let cond = crate::source::Span::new(
                        top.span.start(),
                        i.then
                            .map_or(stmt.span.end(), |t| script.stmt(t).span.start()),
                    );
                    let tested: Vec<Vec<u8>> = script
                        .expansions_in(cond)
                        .iter()
                        .filter_map(|e| expansion_name(src, e).map(|n| n.to_ascii_lowercase()))
                        .collect();
                    derived.retain(|(d, n, pl)| {
                        if back <= *pl && tested.contains(d) && !tested.contains(n) {
                            state.insert(n.clone(), State::Safe);
                            false
                        } else {
                            true
                        }
                    });
                }
            }
        }
        // `for %%w in (alpha beta) do if "%k%"=="%%w" goto ok` / `echo Not valid` / `goto
        // ask`: only a quoted match with a word jumps on; every other answer (Enter too)
        // is asked again.
        if let StmtKind::If(i) = &stmt.kind {
            if let Some(n) = quoted_answer_test(ctx, i) {
                if let Some(State::Unsafe(Why::Prompt(pl))) = state.get(&n) {
                    let sib = siblings.get_or_insert_with(|| Siblings::build(script));
                    if others_asked_again(ctx, sib, id, &n, *pl) {
                        state.insert(n, State::Safe);
                    }
                }
            }
            // Guards: `if "%x%"==""`, `if [%1]==[]`, `if defined x`, `if not defined x`,
            // `if "%x%" leq "¬" goto ask`.
            for g in guarded(ctx, i) {
                match g {
                    Guarded::Var(n) => {
                        if follows(&n) {
                            state.insert(n, State::Safe);
                        }
                    }
                    // Arguments are positional: when `%3` is there, so are `%1` and `%2`.
                    Guarded::Arg(k) => args_guarded[..=k].iter_mut().for_each(|g| *g = true),
                }
            }
        }
        let names = if matches!(stmt.kind, StmtKind::Set(_)) {
            assigned_names(ctx, id)
        } else {
            Vec::new()
        };
        for (name, mut how) in names {
            if !follows(&name) {
                continue;
            }
            let line = src.line_of(stmt.span.start());
            let conditional = is_conditional(script, id);
            if how == Assign::Argument {
                if let StmtKind::Set(set) = &stmt.kind {
                    let v = set.value.unwrap_or(stmt.span);
                    let all_safe = script
                        .expansions_in(v)
                        .iter()
                        .all(|e| arg_safe(ctx, e, &args_guarded, sub));
                    if all_safe {
                        how = Assign::Copy;
                    }
                }
            }
            let before = state.get(&name).copied();
            // `set /p x=Choice: || set x=3`: the `||` branch runs exactly when the prompt
            // got no answer (SET /P fails on Enter), so the answer is never empty.
            let default_on_enter = how == Assign::Safe
                && stmt.connector == Connector::OrOr
                && matches!(before, Some(State::Unsafe(Why::Prompt(l))) if l == line);
            let new = match how {
                Assign::Safe if default_on_enter => State::Safe,
                // A constant set under a condition does not repair a value known to be
                // empty (`set x=` then `if … set x=1`); a variable set only conditionally
                // is left alone (the conditions are often exhaustive).
                Assign::Safe | Assign::Copy | Assign::Clear => match before {
                    Some(u @ State::Unsafe(_)) if conditional => u,
                    // A copy of another variable or a FOR token: its value is not known,
                    // and not reported.
                    _ => State::Safe,
                },
                // Enter leaves the variable as it was: a default set before the prompt
                // stays (`set c=1` then `set /p c=Choice [1]: `).
                Assign::Prompt if before == Some(State::Safe) && !cleared.contains(&name) => {
                    State::Safe
                }
                // So does a variable Windows itself sets (`set /p temp=Class: `): Enter keeps
                // the TEMP folder's path, never an empty value.
                Assign::Prompt
                    if matches!(before, None | Some(State::Unsafe(Why::Prompt(_))))
                        && !cleared.contains(&name)
                        && (NT_ALWAYS_SET.contains(&name.as_slice())
                            || WINDOWS_SETS.contains(&name.as_slice())) =>
                {
                    State::Safe
                }
                Assign::Prompt => {
                    derived.retain(|(_, n, _)| *n != name);
                    State::Unsafe(Why::Prompt(line))
                }
                Assign::Value => State::Unsafe(Why::Value(line)),
                // An argument copied under a condition (argument parsing: `if /i "%~1"=="-x"
                // set x=%~2`) over a default keeps the default's verdict.
                Assign::Argument if conditional && before == Some(State::Safe) => State::Safe,
                Assign::Argument => State::Unsafe(Why::Argument(line)),
            };
            if how == Assign::Clear {
                if !cleared.contains(&name) {
                    cleared.push(name.clone());
                }
            } else {
                cleared.retain(|c| *c != name);
            }
            state.insert(name, new);
        }
    }
    repeats.finish(out, "the file compares it unquoted");
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Assign {
    /// A non-empty constant without delimiters, or `set /a`.
    Safe,
    /// `set /p`.
    Prompt,
    /// A constant with delimiters or specials.
    Value,
    /// Copied from `%1`…`%9`, `%~1`, `%*`.
    Argument,
    /// Copied from another variable or a FOR variable (value unknown).
    Copy,
    /// `set x=`: no value (treated as [`Assign::Safe`] for the tests after it, since a
    /// subroutine usually sets the name again; a prompt right after it has no default).
    Clear,
}

/// Inside an IF or FOR, or after `&&` / `||`: it may not run.
fn is_conditional(script: &crate::syntax::ast::Script, id: StmtId) -> bool {
    let mut cur = Some(id);
    while let Some(c) = cur {
        let s = script.stmt(c);
        if matches!(s.connector, Connector::AndAnd | Connector::OrOr) {
            return true;
        }
        if c != id && matches!(s.kind, StmtKind::If(_) | StmtKind::For(_)) {
            return true;
        }
        cur = s.parent();
    }
    false
}

/// The variables a statement sets, with how.
fn assigned_names(ctx: &Ctx<'_>, id: StmtId) -> Vec<(Vec<u8>, Assign)> {
    let src = ctx.source;
    let StmtKind::Set(set) = &ctx.script.stmt(id).kind else {
        return Vec::new();
    };
    match set.kind {
        SetKind::Arith => {
            let Some(expr) = set.expr else {
                return Vec::new();
            };
            arith_targets(src.slice(expr))
                .into_iter()
                .map(|n| (n, Assign::Safe))
                .collect()
        }
        SetKind::Prompt => match set.name {
            // `set /p v=<file`: the file's first line, not a typed answer (value unknown).
            Some(n) => {
                // The prompt's own `<`, or one on a block around it (`< save.txt ( set /p a=
                // … )` reads the file's lines).
                let from_file = std::iter::successors(Some(id), |&c| ctx.script.stmt(c).parent())
                    .any(|c| {
                        ctx.script
                            .stmt(c)
                            .redirects()
                            .iter()
                            .any(|r| r.op == crate::syntax::ast::RedirectOp::In)
                    });
                let how = if from_file {
                    Assign::Copy
                } else {
                    Assign::Prompt
                };
                vec![(trim(src.slice(n)).to_ascii_lowercase(), how)]
            }
            None => Vec::new(),
        },
        SetKind::Assign => {
            let (Some(n), Some(v)) = (set.name, set.value) else {
                return Vec::new();
            };
            let name = src.slice(n).to_ascii_lowercase();
            let value = src.slice(v);
            let exps = ctx.script.expansions_in(v);
            let how = if exps.is_empty() {
                // `set x=` clears a variable, usually before a subroutine sets it again; only
                // a constant with spaces or specials is known to break an unquoted test.
                // Blanks around the value are harmless (`set x=0 ` gives `if 0  EQU 1`), and so
                // are delimiters before it: IF skips them before an operand (`set c==0`, a
                // typo for `set c=0`, gives `if =0==0`, read as `0==0`).
                let inner = trim(value);
                let inner = &inner[inner
                    .iter()
                    .position(|&b| !is_delim(b))
                    .unwrap_or(inner.len())..];
                let empty = inner.is_empty();
                // `set M=""`: a pair of quotes round a word is one operand (`if ""==1`).
                let inner = match inner {
                    [b'"', mid @ .., b'"'] => mid,
                    _ => inner,
                };
                let spaced = inner.iter().any(|&b| {
                    is_delim(b) || matches!(b, b'&' | b'|' | b'<' | b'>' | b'(' | b')' | b'"')
                });
                if spaced {
                    Assign::Value
                } else if empty {
                    Assign::Clear
                } else {
                    Assign::Safe
                }
            } else if word_span_is(ctx, v, |k| {
                matches!(
                    k,
                    ExpansionKind::Arg | ExpansionKind::AllArgs | ExpansionKind::ArgModifier
                )
            }) {
                Assign::Argument
            } else {
                Assign::Copy
            };
            vec![(name, how)]
        }
        SetKind::List => Vec::new(),
    }
}

/// Argument position `pos` (0 for `%*`) is known to be non-empty: an emptiness test guarded
/// it, or, in a subroutine, every `call :label` passes a word there that is not itself
/// passed through from the caller's arguments (a literal, a FOR token, another variable).
fn arg_safe(
    ctx: &Ctx<'_>,
    e: &crate::syntax::ast::Expansion,
    args_guarded: &[bool; 10],
    sub: Option<&Vec<Vec<Word>>>,
) -> bool {
    let pos = arg_pos(ctx, e);
    // `%2` keeps the quotes a call site passes (`call :item x "T"` gives `if "T" equ …`);
    // `%~2` drops them.
    let keeps_quotes = e.kind == ExpansionKind::Arg;
    if args_guarded[pos] {
        return true;
    }
    let Some(sites) = sub else {
        return false;
    };
    pos > 0
        && sites.iter().all(|args| {
            args.get(pos - 1).is_some_and(|w| {
                let b = ctx.source.slice(w.span);
                let whole_quoted = w.quoted
                    && b.len() >= 2
                    && b[0] == b'"'
                    && b[b.len() - 1] == b'"'
                    && !b[1..b.len() - 1].contains(&b'"');
                let plain_inside = whole_quoted
                    && b.len() > 2
                    && !b[1..b.len() - 1].iter().any(|&c| {
                        is_delim(c) || matches!(c, b'&' | b'|' | b'<' | b'>' | b'(' | b')')
                    });
                (!w.quoted || (whole_quoted && keeps_quotes) || plain_inside)
                    && !w.span.is_empty()
                    && !word_span_is(ctx, w.span, |k| {
                        matches!(
                            k,
                            ExpansionKind::Arg
                                | ExpansionKind::AllArgs
                                | ExpansionKind::ArgModifier
                        )
                    })
            })
        })
}

/// The argument position of an `%N` / `%~…N` / `%*` atom (0 for `%*` and `%0`).
fn arg_pos(ctx: &Ctx<'_>, e: &crate::syntax::ast::Expansion) -> usize {
    if e.kind == ExpansionKind::AllArgs {
        return 0;
    }
    let b = ctx.source.slice(e.span);
    usize::from(b.last().copied().unwrap_or(b'0').wrapping_sub(b'0')).min(9)
}

/// Is `span` made only of expansion atoms whose kind satisfies `want`?
fn word_span_is(
    ctx: &Ctx<'_>,
    span: crate::source::Span,
    want: impl Fn(ExpansionKind) -> bool,
) -> bool {
    let mut pos = span.start();
    for e in ctx.script.expansions_in(span) {
        if e.span.start() != pos || !want(e.kind) {
            return false;
        }
        pos = e.span.end();
    }
    pos == span.end() && pos > span.start()
}

/// Names assigned by a `set /a` expression: `x=1`, `x+=1`, `"x=1, y=2"`.
fn arith_targets(expr: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for part in expr.split(|&b| b == b',') {
        let part: Vec<u8> = part.iter().copied().filter(|&b| b != b'"').collect();
        let Some(eq) = part.iter().position(|&b| b == b'=') else {
            continue;
        };
        if part.get(eq + 1) == Some(&b'=') {
            continue;
        }
        let lhs = &part[..eq];
        let lhs = lhs
            .iter()
            .rposition(|&b| {
                b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'#' | b'[' | b']')
            })
            .map_or(&lhs[..0], |e| &lhs[..=e]);
        let start = lhs
            .iter()
            .rposition(|&b| {
                !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'#' | b'[' | b']'))
            })
            .map_or(0, |p| p + 1);
        let name = &lhs[start..];
        if !name.is_empty() && !name[0].is_ascii_digit() {
            out.push(name.to_ascii_lowercase());
        }
    }
    out
}

fn trim(b: &[u8]) -> &[u8] {
    let e = b
        .iter()
        .rposition(|&c| !matches!(c, b' ' | b'\t'))
        .map_or(0, |p| p + 1);
    &b[..e]
}

enum Guarded {
    Var(Vec<u8>),
    Arg(usize),
}

/// `if /i "%n%" leq "¬" goto ask`, `if "%n%" lss "1" exit`, `if "z" geq "%n%" goto ask`: a
/// quoted `"%name%"` compared by order with a quoted constant that an empty value (`""`)
/// always satisfies, and the command leaves (GOTO or EXIT). The variable's name.
fn empty_sent_away(ctx: &Ctx<'_>, i: &crate::syntax::ast::If) -> Option<Vec<u8>> {
    let Condition::Compare { lhs, op, rhs, .. } = &i.condition else {
        return None;
    };
    if i.not.is_some() {
        return None;
    }
    let (var, bound) = match op {
        CmpOp::Lss | CmpOp::Leq => (lhs, rhs),
        CmpOp::Gtr | CmpOp::Geq => (rhs, lhs),
        _ => return None,
    };
    // The bound: `"c…"`, no expansion; its first character sorts after the closing `"` of
    // `""` (not a blank or `!`, which sort before it).
    let b = ctx.source.slice(bound.span);
    if !one_quoted_text(b)
        || matches!(b[1], b' ' | b'\t' | b'!')
        || !ctx.script.expansions_in(bound.span).is_empty()
    {
        return None;
    }
    let name = quoted_var_name(ctx, var)?;
    let mut then = i.then?;
    if let StmtKind::Block(b) = &ctx.script.stmt(then).kind {
        then = *b.body.last()?;
    }
    matches!(
        ctx.script.stmt(then).kind,
        StmtKind::Goto(_) | StmtKind::Exit(_)
    )
    .then_some(name)
}

/// The variables and arguments an IF tests for emptiness or definition (also by an order
/// test that sends an empty value away: [`empty_sent_away`]).
fn guarded(ctx: &Ctx<'_>, i: &crate::syntax::ast::If) -> Vec<Guarded> {
    let src = ctx.source;
    let mut out: Vec<Guarded> = empty_sent_away(ctx, i)
        .map(Guarded::Var)
        .into_iter()
        .collect();
    let mut atoms_of = |w: &Word| {
        for e in ctx.script.expansions_in(w.span) {
            match e.kind {
                ExpansionKind::Var | ExpansionKind::Delayed => {
                    if let Some(n) = expansion_name(src, e) {
                        out.push(Guarded::Var(n.to_ascii_lowercase()));
                    }
                }
                ExpansionKind::Arg | ExpansionKind::ArgModifier => {
                    let b = src.slice(e.span);
                    if let Some(d) = b.last().filter(|d| d.is_ascii_digit()) {
                        out.push(Guarded::Arg(usize::from(d - b'0')));
                    }
                }
                ExpansionKind::AllArgs => out.push(Guarded::Arg(0)),
                _ => {}
            }
        }
    };
    match &i.condition {
        Condition::Defined { var, .. } => {
            out.push(Guarded::Var(src.slice(var.span).to_ascii_lowercase()));
        }
        Condition::Compare {
            lhs,
            op: CmpOp::EqEq,
            rhs,
            ..
        } => {
            // `"%x%"==""`, `[%1]==[]`, `%1.==.`: one side has no expansion and only quotes
            // or brackets or a dot.
            // `""`, `[]`, `.`, `!`, `x`: a side with no expansion, only punctuation (or one
            // letter) that the other side wraps around the value.
            let bare = |w: &Word| {
                let b = src.slice(w.span);
                ctx.script.expansions_in(w.span).is_empty()
                    && (b.iter().all(|c| c.is_ascii_punctuation())
                        || (b.len() == 1 && b[0].is_ascii_alphabetic()))
            };
            if bare(rhs) {
                atoms_of(lhs);
            } else if bare(lhs) {
                atoms_of(rhs);
            }
        }
        _ => {}
    }
    out
}

/// `call :label args` sites per lower-case label name.
fn call_sites(ctx: &Ctx<'_>) -> HashMap<Vec<u8>, Vec<Vec<Word>>> {
    let mut m: HashMap<Vec<u8>, Vec<Vec<Word>>> = HashMap::default();
    for stmt in &ctx.script.stmts {
        let StmtKind::Call(c) = &stmt.kind else {
            continue;
        };
        if let CallTarget::Label {
            target: JumpTarget::Label { key, .. },
            args,
        } = &c.target
        {
            m.entry(key.to_ascii_lowercase())
                .or_default()
                .push(args.clone());
        }
    }
    m
}

/// Can an expansion atom be empty or hold a delimiter at this IF? `Some(reason)` if so.
fn unsafe_atom(
    ctx: &Ctx<'_>,
    at: &Place<'_>,
    e: &crate::syntax::ast::Expansion,
    reasons: Reasons,
) -> Option<(String, Option<Vec<u8>>)> {
    let Place {
        id,
        vars,
        state,
        args_guarded,
        sub,
    } = *at;
    let src = ctx.source;
    let others = reasons == Reasons::AllButPrompts;
    let b = src.slice(e.span);
    match e.kind {
        ExpansionKind::Arg | ExpansionKind::ArgModifier | ExpansionKind::AllArgs => {
            let pos = arg_pos(ctx, e);
            // `%~z0`: the script's size, never empty.
            if pos == 0 && e.kind == ExpansionKind::ArgModifier && b.eq_ignore_ascii_case(b"%~z0") {
                return None;
            }
            if !others || arg_safe(ctx, e, args_guarded, sub) {
                return None;
            }
            if sub.is_some() {
                return Some((
                    format!(
                        "`{}` is an argument of a `call` that may pass it empty or with spaces",
                        text(src, e.span)
                    ),
                    None,
                ));
            }
            Some((
                format!(
                    "`{}` is a batch argument: a logon script is usually run with none, so it \
                     is empty",
                    text(src, e.span)
                ),
                None,
            ))
        }
        ExpansionKind::Var => {
            let name = expansion_name(src, e)?.to_ascii_lowercase();
            let atom = text(src, e.span);
            // `%ans:~-1%` of a variable with no value: in a batch file cmd.exe drops `%ans:`
            // and the lone `%`, and `~-1` stays, a word the test reads fine; only a delimiter
            // in what stays (`%v:~0,1%` leaves `~0,1`) or a later `%` on the line that the
            // leftover `%` pairs with breaks the line.
            let undefined_stays_a_word = || {
                let Some(colon) = b.iter().position(|&c| c == b':') else {
                    return false;
                };
                let stays = &b[colon + 1..b.len().saturating_sub(1)];
                let line_end = src.bytes()[e.span.end()..]
                    .iter()
                    .position(|&c| c == b'\n' || c == b'\r')
                    .map_or(src.bytes().len(), |p| e.span.end() + p);
                !stays.is_empty()
                    && !stays
                        .iter()
                        .any(|c| matches!(c, b' ' | b'\t' | b',' | b';' | b'=' | b'"'))
                    && !src.bytes()[e.span.end()..line_end].contains(&b'%')
            };
            if NT_ALWAYS_SET.contains(&name.as_slice()) {
                if !others {
                    return None;
                }
                let nine_x = ctx.settings.targets.win9x && !ctx.flow.is_nt_only(id);
                if !nine_x {
                    return None;
                }
                if matches!(
                    name.as_slice(),
                    b"errorlevel" | b"random" | b"cmdextversion" | b"os" | b"computername"
                ) {
                    return Some((
                        format!("`{atom}` is not set by COMMAND.COM on Windows 9x clients"),
                        None,
                    ));
                }
                return None;
            }
            let msg = match state.get(&name) {
                Some(State::Safe) => return None,
                // Read when cmd.exe reads the block (or line) that also holds the prompt:
                // the answer is never what this test sees, whatever the user types. That is
                // BAT215's finding, not an Enter at the prompt.
                Some(State::Unsafe(Why::Prompt(l))) if read_with_prompt(ctx, id, *l) => {
                    return None
                }
                Some(State::Unsafe(Why::Prompt(_))) if undefined_stays_a_word() => return None,
                Some(State::Unsafe(Why::Prompt(l))) => {
                    return (!others).then(|| {
                        (
                            format!(
                                "`{atom}` is typed by the user (`set /p` on line {l}) and has no \
                                 value before: pressing Enter leaves it empty"
                            ),
                            Some(name),
                        )
                    });
                }
                _ if !others => return None,
                Some(State::Unsafe(Why::Value(l))) => format!(
                    "`{atom}` is set to a value with spaces or special characters on line {l}"
                ),
                Some(State::Unsafe(Why::Argument(l))) => format!(
                    "`{atom}` is copied from a batch argument on line {l}, which may be empty"
                ),
                None if vars.may_be_set(&name) || undefined_stays_a_word() => return None,
                None => format!(
                    "`{atom}` is never set in this script, so it is empty unless the caller sets it"
                ),
            };
            Some((msg, None))
        }
        _ => None,
    }
}

/// The statement `id` is read by cmd.exe together with the `set /p` on line `prompt_line`:
/// both on one line, or the prompt inside the outermost block that holds `id`.
fn read_with_prompt(ctx: &Ctx<'_>, id: StmtId, prompt_line: usize) -> bool {
    let script = ctx.script;
    let mut top = id;
    let mut steps = 0usize;
    while let Some(p) = script.stmt(top).parent() {
        steps += 1;
        if steps > 4096 {
            break;
        }
        top = p;
    }
    let span = script.stmt(top).span;
    let first = ctx.source.line_of(span.start());
    let last = ctx
        .source
        .line_of(span.end().saturating_sub(1).max(span.start()));
    first <= prompt_line && prompt_line <= last
}

/// A test of a yes/no answer `name` (`if [not] %name%==Y`, `if %name% equ 1`, `if %name%
/// neq 0`, either side): whether it holds when the user answered "no" (`n`, `no`, `0`, …);
/// `None` when it tests another word (a menu's options) or something else. `digits` notes
/// a test against `0` and against `1`.
fn holds_for_no(
    ctx: &Ctx<'_>,
    i: &crate::syntax::ast::If,
    name: &[u8],
    digits: &mut [bool; 2],
) -> Option<bool> {
    let src = ctx.source;
    let Condition::Compare { lhs, op, rhs, .. } = &i.condition else {
        return None;
    };
    let negated = match op {
        CmpOp::EqEq | CmpOp::Equ => false,
        CmpOp::Neq => true,
        _ => return None,
    };
    let is_answer = |w: &Word| {
        word_is_only_expansions(ctx.script, src, w)
            && matches!(ctx.script.expansions_in(w.span), [e]
                if expansion_name(src, e).is_some_and(|n| n.eq_ignore_ascii_case(name)))
    };
    let word = if is_answer(lhs) {
        rhs
    } else if is_answer(rhs) {
        lhs
    } else {
        return None;
    };
    let t = src.slice(word.span).to_ascii_lowercase();
    let equal_to_no = match t.as_slice() {
        b"y" | b"yes" | b"j" | b"ja" | b"s" | b"si" | b"o" | b"oui" => false,
        b"n" | b"no" | b"nein" | b"nee" | b"non" => true,
        // `1`/`0`: yes/no only when both are tested (a menu's option 1 is no "yes").
        b"1" => {
            digits[1] = true;
            false
        }
        b"0" => {
            digits[0] = true;
            true
        }
        _ => return None,
    };
    Some(equal_to_no != (negated != i.not.is_some()))
}

/// The IF `id` tests a yes/no answer `name`, and the path a "no" takes from it ends the
/// script, through messages, pauses, GOTOs and other yes/no tests of the same answer: an
/// empty answer stopping the script with a syntax error at the test ends it where "no"
/// would (a destructive step confirmed with `Y`, a "play again?" at the end), so nothing is
/// lost. When a subroutine's code reaches the test, `exit /b` and `goto :eof` may only
/// return: not counted as the end (in the main code they end the script).
///
/// With `unmatched`, the path followed is that of an answer no test expects instead: the
/// else-branch of each `==` / `EQU` test of the answer (the then-branch of a `NEQ` or
/// `not`), as a menu's "anything else" (`if %c%==1 goto one` / `if %c%==2 goto two` /
/// `echo Invalid & pause & exit`).
fn no_answer_ends(ctx: &Ctx<'_>, id: StmtId, name: &[u8], unmatched: bool) -> bool {
    use crate::flow::{EdgeKind, Node, Resolution};
    let script = ctx.script;
    let subroutines = script.stmts.iter().any(
        |s| matches!(&s.kind, StmtKind::Call(c) if matches!(c.target, CallTarget::Label { .. })),
    ) && {
        let in_sub = ctx.shared.in_subroutine.get_or_init(|| {
            crate::rules::bat212_exit_in_subroutine::subroutine_code(
                ctx,
                script.stmts.len(),
                |_| true,
            )
            .0
        });
        in_sub.get(id.index()).copied().unwrap_or(true)
    };
    let take = |at: StmtId, holds: bool| {
        let kind = if holds {
            EdgeKind::Then
        } else {
            EdgeKind::Else
        };
        ctx.flow
            .successors(at)
            .iter()
            .find(|e| e.kind == kind)
            .map(|e| e.to)
    };
    let mut node = Node::Stmt(id);
    // Tests against `0` and `1` seen: those words are a yes/no only when both are tested.
    let mut digits = [false; 2];
    let ends = |digits: &[bool; 2], end: bool| end && digits[0] == digits[1];
    for _ in 0..64 {
        let Node::Stmt(at) = node else {
            return ends(&digits, node == Node::End && !subroutines);
        };
        let stmt = script.stmt(at);
        let next = match &stmt.kind {
            StmtKind::Exit(e) => return ends(&digits, e.b.is_none() || !subroutines),
            StmtKind::Goto(_) => match ctx.flow.resolution(at) {
                Some(Resolution::Label { to, .. }) => Some(*to),
                Some(Resolution::Eof) => return ends(&digits, !subroutines),
                _ => return false,
            },
            StmtKind::If(t) => match if unmatched {
                tests_answer(ctx, t, name)
            } else {
                holds_for_no(ctx, t, name, &mut digits)
            } {
                Some(holds) => match take(at, holds) {
                    Some(n) => Some(n),
                    None => return false,
                },
                None => return false,
            },
            // A block goes on to its first command.
            StmtKind::Label(_) | StmtKind::Block(_) => None,
            _ if crate::rules::bat_util::message_or_screen(ctx, at) => None,
            _ => return false,
        };
        node = match next {
            Some(n) => n,
            None => match ctx.flow.successors(at) {
                [only] => only.to,
                _ => return false,
            },
        };
    }
    false
}

/// An IF comparing the answer `name` for (in)equality, either side (`if %c%==1`, `if %pw%
/// neq %good%`, `if not %c%==x`): whether it holds for an answer it does not expect (`true`
/// for `NEQ` or `not`); `None` for another test.
fn tests_answer(ctx: &Ctx<'_>, i: &crate::syntax::ast::If, name: &[u8]) -> Option<bool> {
    let src = ctx.source;
    let Condition::Compare { lhs, op, rhs, .. } = &i.condition else {
        return None;
    };
    let negated = match op {
        CmpOp::EqEq | CmpOp::Equ => i.not.is_some(),
        CmpOp::Neq => i.not.is_none(),
        _ => return None,
    };
    let is_answer = |w: &Word| {
        word_is_only_expansions(ctx.script, src, w)
            && matches!(ctx.script.expansions_in(w.span), [e]
                if expansion_name(src, e).is_some_and(|n| n.eq_ignore_ascii_case(name)))
    };
    (is_answer(lhs) || is_answer(rhs)).then_some(negated)
}

/// The names the file's `set /p` prompts set at the console (lower case; not a `set /p x=<file`
/// read): what BAT219 follows, and what BAT204 counts as a menu answer.
pub fn prompted_names(ctx: &Ctx<'_>) -> rustc_hash::FxHashSet<Vec<u8>> {
    let script = ctx.script;
    script
        .ids()
        .filter(|&id| {
            matches!(&script.stmt(id).kind, StmtKind::Set(set) if set.kind == SetKind::Prompt)
        })
        .flat_map(|id| assigned_names(ctx, id))
        .filter(|(_, how)| *how == Assign::Prompt)
        .map(|(n, _)| n)
        .collect()
}

/// Where an IF stands in the walk: what is known of the variables and arguments there.
#[derive(Clone, Copy)]
struct Place<'a> {
    id: StmtId,
    vars: &'a Vars,
    state: &'a HashMap<Vec<u8>, State>,
    args_guarded: &'a [bool; 10],
    sub: Option<&'a Vec<Vec<Word>>>,
}

fn report(
    ctx: &Ctx<'_>,
    at: &Place<'_>,
    reasons: Reasons,
    repeats: &mut Repeats<Vec<u8>>,
    covered: &mut rustc_hash::FxHashSet<(Vec<u8>, usize)>,
    out: &mut Vec<Diagnostic>,
) {
    let src = ctx.source;
    let StmtKind::If(i) = &ctx.script.stmt(at.id).kind else {
        return;
    };
    let Condition::Compare { lhs, rhs, .. } = &i.condition else {
        return;
    };
    // One finding per IF, on the first operand that can break it. An empty (or split)
    // left operand always breaks the line. With the right one empty, IF takes the next word
    // as the operand (`if 1== goto done` compares `1` with `goto` and runs `done`): a wrong
    // test but no syntax error, so the right operand counts only before a `(` block, which
    // IF then reads as its operand.
    let block_after = i
        .then
        .is_some_and(|t| matches!(ctx.script.stmt(t).kind, StmtKind::Block(_)));
    let operands: &[&Word] = if block_after { &[lhs, rhs] } else { &[lhs] };
    for &w in operands {
        if !word_is_only_expansions(ctx.script, src, w) {
            continue;
        }
        let why = ctx
            .script
            .expansions_in(w.span)
            .iter()
            .find_map(|e| unsafe_atom(ctx, at, e, reasons));
        let Some((why, prompt)) = why else { continue };
        let shown = snippet(src, w.span, 60, false);
        if let Some(name) = prompt {
            // The answer of one prompt (a name asked again later is a new answer).
            let asked = |n: &Vec<u8>| match at.state.get(n) {
                Some(State::Unsafe(Why::Prompt(l))) => *l,
                _ => 0,
            };
            if covered.contains(&(name.clone(), asked(&name))) {
                continue;
            }
            // A yes/no confirmation whose "no" ends the script: Enter stops it there too.
            // Or an answer the tests do not expect ends it (a menu's "Invalid choice" and
            // `exit`, a wrong password's `exit`).
            if no_answer_ends(ctx, at.id, &name, false) || no_answer_ends(ctx, at.id, &name, true) {
                // This test is where an empty answer stops the script: later tests of it
                // never see it empty.
                covered.insert((name.clone(), asked(&name)));
                return;
            }
            // The IF's other typed answers: this line is where they break too.
            for other in [lhs, rhs] {
                if other.span == w.span || !word_is_only_expansions(ctx.script, src, other) {
                    continue;
                }
                for e in ctx.script.expansions_in(other.span) {
                    if let Some((_, Some(n))) = unsafe_atom(ctx, at, e, reasons) {
                        if n != name && !repeats.seen(n.as_slice()) {
                            let line = asked(&n);
                            covered.insert((n, line));
                        }
                    }
                }
            }
            // BAT219: one finding per answer, the other tests of it as related places.
            if repeats
                .again(name.as_slice(), out, w.span, "compared unquoted here too")
                .is_some()
            {
                return;
            }
            repeats.first(name, out.len());
            out.push(
                crate::rules::bat219_prompt_compare_unquoted::RULE
                    .diag(
                        w.span,
                        format!(
                            "{why}; then this IF line becomes a syntax error and cmd.exe stops \
                             the script here (\"… was unexpected at this time\")"
                        ),
                    )
                    .with_label("typed answer, unquoted")
                    .with_help(format!(
                        "quote both sides (`if \"{shown}\"==\"…\"`: an empty answer then \
                         compares as empty), or ask again on an empty answer (`if not defined \
                         {bare} goto …`) before the first test",
                        bare = shown.trim_matches('%')
                    )),
            );
            return;
        }
        out.push(
            RULE.diag(
                w.span,
                format!(
                    "{why}; then this IF line becomes a syntax error: cmd.exe stops the script \
                     here (\"… was unexpected at this time\"), COMMAND.COM prints \"Syntax error\""
                ),
            )
            .with_label("unquoted, may be empty")
            .with_help(format!("quote both sides: `\"{shown}\"==\"…\"`")),
        );
        return;
    }
}

/// The text of a statement that derives a value from what it reads, without the statements
/// nested in it: a FOR's header, an IF's test, a SET's value. `None` for other statements.
fn derived_read_span(
    script: &crate::syntax::ast::Script,
    stmt: &crate::syntax::ast::Stmt,
) -> Option<(usize, usize)> {
    match &stmt.kind {
        StmtKind::For(f) => Some((f.keyword.start(), f.set.end())),
        StmtKind::If(i) => Some((
            i.keyword.end(),
            i.then
                .map_or(stmt.span.end(), |t| script.stmt(t).span.start()),
        )),
        StmtKind::Set(set) => set.value.or(set.expr).map(|v| (v.start(), v.end())),
        _ => None,
    }
}

/// The IF's command is a GOTO (alone or last in its block) that goes back up: the line of the
/// label it jumps to.
fn asks_again(ctx: &Ctx<'_>, i: &crate::syntax::ast::If) -> Option<usize> {
    let script = ctx.script;
    let mut t = i.then?;
    if let StmtKind::Block(b) = &script.stmt(t).kind {
        t = *b.body.last()?;
    }
    if !matches!(script.stmt(t).kind, StmtKind::Goto(_)) {
        return None;
    }
    match ctx.flow.resolution(t) {
        Some(crate::flow::Resolution::Label { def, .. }) => {
            let line = ctx.labels.defs.get(*def)?.line;
            (line <= ctx.source.line_of(script.stmt(t).span.start())).then_some(line)
        }
        _ => None,
    }
}

/// `if [/i] "%name%"=="word" goto …` (either side; `"%%w"`, a FOR variable, counts as a
/// word): a quoted test of one answer against non-empty text whose command is a GOTO. The
/// name, lower case.
fn quoted_answer_test(ctx: &Ctx<'_>, i: &crate::syntax::ast::If) -> Option<Vec<u8>> {
    let Condition::Compare {
        lhs,
        op: CmpOp::EqEq | CmpOp::Equ,
        rhs,
        ..
    } = &i.condition
    else {
        return None;
    };
    // The command: `goto x`, or a block of only `goto x`.
    let mut then = i.then?;
    if let StmtKind::Block(b) = &ctx.script.stmt(then).kind {
        then = match b.body.as_slice() {
            [only] => *only,
            _ => return None,
        };
    }
    if i.not.is_some() || !matches!(ctx.script.stmt(then).kind, StmtKind::Goto(_)) {
        return None;
    }
    let quoted = |w: &Word| one_quoted_text(ctx.source.slice(w.span));
    if !(quoted(lhs) && quoted(rhs)) {
        return None;
    }
    match (quoted_var_name(ctx, lhs), quoted_var_name(ctx, rhs)) {
        (Some(n), None) | (None, Some(n)) => Some(n),
        _ => None,
    }
}

/// `"…"`: non-empty text between a pair of quotes, with no quote inside.
fn one_quoted_text(b: &[u8]) -> bool {
    b.len() > 2 && b[0] == b'"' && b[b.len() - 1] == b'"' && !b[1..b.len() - 1].contains(&b'"')
}

/// The word is exactly `"%name%"` (one variable atom between a pair of quotes): the name,
/// lower case.
fn quoted_var_name(ctx: &Ctx<'_>, w: &Word) -> Option<Vec<u8>> {
    let b = ctx.source.slice(w.span);
    match ctx.script.expansions_in(w.span) {
        [one]
            if one.kind == ExpansionKind::Var
                && b.first() == Some(&b'"')
                && b.last() == Some(&b'"')
                && one.span.start() == w.span.start() + 1
                && one.span.end() + 1 == w.span.end() =>
        {
            expansion_name(ctx.source, one).map(|n| n.to_ascii_lowercase())
        }
        _ => None,
    }
}

/// After the test `id` (or the FOR whose command it is, or a block of only that), every answer it did not send on is
/// asked again: up to 16 statements of other such tests of `name`, messages and pauses, then
/// a GOTO back to the prompt on line `prompt` (or before it), or an EXIT.
fn others_asked_again(
    ctx: &Ctx<'_>,
    sib: &Siblings<'_>,
    id: StmtId,
    name: &[u8],
    prompt: usize,
) -> bool {
    let script = ctx.script;
    // Up through the FOR it is the command of, and blocks holding only it (`(for %%a in
    // (…) do ( if … ( goto ok ) ))`).
    let mut at = id;
    while let Some(p) = script.stmt(at).parent() {
        match &script.stmt(p).kind {
            StmtKind::For(f) if f.body == Some(at) => at = p,
            StmtKind::Block(b) if b.body.as_slice() == [at] => at = p,
            _ => return false,
        }
    }
    let mut next = sib.after(at).iter();
    for _ in 0..16 {
        let Some(&n) = next.next() else {
            return false;
        };
        let stmt = script.stmt(n);
        match &stmt.kind {
            StmtKind::Exit(_) => return true,
            StmtKind::Goto(_) => {
                return match ctx.flow.resolution(n) {
                    Some(crate::flow::Resolution::Label { def, .. }) => {
                        ctx.labels.defs.get(*def).is_some_and(|d| d.line <= prompt)
                    }
                    Some(crate::flow::Resolution::Eof) => true,
                    _ => false,
                };
            }
            StmtKind::If(i) if quoted_answer_test(ctx, i).as_deref() == Some(name) => {}
            StmtKind::For(f)
                if f.body.is_some_and(|b| {
                    matches!(&script.stmt(b).kind, StmtKind::If(i)
                        if quoted_answer_test(ctx, i).as_deref() == Some(name))
                }) => {}
            _ if message_or_screen(ctx, n) => {}
            _ => return false,
        }
    }
    false
}

/// The names statement `id` sets: its own (`set x=…`), or those of the SET commands nested
/// in it (an IF's or FOR's command; the first 16 statements inside).
fn derived_names(ctx: &Ctx<'_>, id: StmtId) -> Vec<Vec<u8>> {
    let script = ctx.script;
    let end = script.stmt(id).span.end();
    (id.index()..script.stmts.len().min(id.index() + 17))
        .map(|n| StmtId(n as u32))
        .take_while(|&n| script.stmt(n).span.start() < end)
        .filter(|&n| matches!(script.stmt(n).kind, StmtKind::Set(_)))
        .flat_map(|n| assigned_names(ctx, n))
        .map(|(n, _)| n)
        .collect()
}
