//! BAT221 errorlevel-variable-set: `set ERRORLEVEL=1` makes an ordinary variable that hides
//! the exit code from every later `%ERRORLEVEL%`, and sets no exit code.

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::{Node, Resolution};
use crate::rules::bat_util::{expansion_name, kids, own_ranges, snippet, Kids};
use crate::rules::{Ctx, Rule};
use crate::source::{Source, Span};
use crate::syntax::ast::{Connector, JumpTarget, Script, SetKind, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT221",
    name: "errorlevel-variable-set",
    severity: Severity::Warning,
    summary: "`set ERRORLEVEL=…` makes a variable that hides the exit code from `%ERRORLEVEL%` \
              and sets no exit code",
    what: "Reports a `set ERRORLEVEL=value`, `set \"ERRORLEVEL=value\"` or `set /a \
           ERRORLEVEL=…` with a value, in code that runs. Not reported: clearing it (`set \
           ERRORLEVEL=`, the fix); and inside a SETLOCAL, a value used as a plain variable that \
           ends with its scope before any command runs and reads it back (`set \"ErrorLevel=3\"` \
           … `endlocal & exit /b %ErrorLevel%`), unless it stands for an exit code the script \
           then never sets; nor the exit code saved from a clean-up and returned (`set \
           ERRORLEVEL=%ERRORLEVEL%` … `del *.obj` … `exit %ERRORLEVEL%`, by an `exit` that ends \
           cmd.exe, or inside a SETLOCAL).",
    why: "ERRORLEVEL is not a variable: `%ERRORLEVEL%` expands to the exit code of the last \
          command only while no variable of that name exists. `set ERRORLEVEL=0` creates one, \
          and from then on `%ERRORLEVEL%` reads `0` whatever a command returns, so `if \
          %ERRORLEVEL% neq 0` after a failed copy or build never sees the failure. Nor does it \
          set an exit code: `set ERRORLEVEL=1` before the end of a script leaves the caller \
          the code of the last command that ran, usually 0. Without SETLOCAL the variable \
          outlives the script: the batch file that CALLed it, or the console it ran in, reads \
          the frozen value for `%ERRORLEVEL%` from then on. (`if errorlevel 1` still tests \
          the real code.)",
    example: "@echo off\nset ERRORLEVEL=0\nxcopy /e /y src dst\nif %ERRORLEVEL% neq 0 echo Copy \
              failed & exit /b 1\n",
    fix: "@echo off\nxcopy /e /y src dst\nif errorlevel 1 echo Copy failed & exit /b 1\n",
    sources: &[
        "SET /? (cmd.exe): \"If the user explicitly defines a variable with one of these names, \
         then that definition will override the dynamic one\" (ERRORLEVEL, CD, DATE, TIME, \
         RANDOM)",
        "Raymond Chen, The Old New Thing, 2008-09-26: \"ERRORLEVEL is not %ERRORLEVEL%\"",
        "held-out sets 31, 33 and 34 (a build script that \"resets ERRORLEVEL between runs\" \
         and then never sees a failed build; cleaners whose every `exit /b %ERRORLEVEL%` \
         returns 0)",
    ],
    check: Some(check),
    opt_in: None,
};

/// The value a `set` gives the variable ERRORLEVEL, when it gives one: its span (empty value
/// or whitespace only: `None`, that clears it or is of no harm).
fn errorlevel_set(src: &Source, kind: &StmtKind) -> Option<SetValue> {
    let StmtKind::Set(set) = kind else {
        return None;
    };
    match set.kind {
        SetKind::Assign => {
            let name = src.slice(set.name?);
            if !name.eq_ignore_ascii_case(b"errorlevel") {
                return None;
            }
            match set.value {
                Some(v) if !src.slice(v).iter().all(u8::is_ascii_whitespace) => {
                    Some(SetValue::Value(v))
                }
                _ => Some(SetValue::Cleared),
            }
        }
        SetKind::Arith => {
            // `set /a errorlevel=1`, `set /a "errorlevel=1"`: the first assignment only.
            let expr = set.expr?;
            let b = src.slice(expr);
            let start = b
                .iter()
                .position(|c| !matches!(c, b' ' | b'\t' | b'"'))
                .unwrap_or(b.len());
            let rest = &b[start..];
            let eq = rest.iter().position(|&c| c == b'=')?;
            let name = rest[..eq].trim_ascii_end();
            if !name.eq_ignore_ascii_case(b"errorlevel") || rest.get(eq + 1) == Some(&b'=') {
                return None;
            }
            // The value: to a comma or a quote.
            let from = start + eq + 1;
            let to = b[from..]
                .iter()
                .position(|c| matches!(c, b',' | b'"'))
                .map_or(b.len(), |k| from + k);
            let v = Span::new(expr.start() + from, expr.start() + to);
            if src.slice(v).iter().all(u8::is_ascii_whitespace) {
                return None;
            }
            Some(SetValue::Value(v))
        }
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum SetValue {
    Value(Span),
    Cleared,
}

/// Statement `id` reads `%ERRORLEVEL%` or `!ERRORLEVEL!` in its own text (not in the
/// statements nested in it).
fn reads_errorlevel(src: &Source, script: &Script, kids: &Kids, id: StmtId) -> bool {
    own_ranges(script, kids, id).any(|r| {
        script
            .expansions_in(r)
            .iter()
            .any(|e| expansion_name(src, e).is_some_and(|n| n.eq_ignore_ascii_case(b"errorlevel")))
    })
}

/// What happens to the variable after the `set` at index `at`, in the order of the text.
enum Fate {
    /// A command ran, then statement `read` reads `%ERRORLEVEL%`: it gets the variable.
    ReadAfter { command: StmtId, read: StmtId },
    /// The variable is cleared, or its SETLOCAL scope ends, before any such read; `exit_code`:
    /// the scope ends with an `exit` that gives a code.
    Ends { exit_code: bool, command_ran: bool },
    /// The end of the file, the variable still set.
    Lives,
    /// Set again before anything else happened to it: the later `set` is judged. Also where
    /// the walk gives up (too many jumps followed): not reported.
    Superseded,
}

/// `scoped`: a SETLOCAL is in effect; `local`: it was opened in the same subroutine (after
/// the last label), so an `exit /b` or `goto :eof` there ends it too.
fn fate(
    ctx: &Ctx<'_>,
    kids: &Kids,
    at: usize,
    scoped: bool,
    local: bool,
    budget: &mut usize,
) -> Fate {
    let script = ctx.script;
    let src = ctx.source;
    let mut command: Option<StmtId> = None;
    // The statements in the order they run: in text order, on at the label a plain GOTO
    // names (each label followed once, so a loop ends). A jump back walks statements again:
    // `budget` bounds the statements walked again in a file, so the rule stays linear (past
    // it, the walk ends at a GOTO with no finding).
    let mut next = at + 1;
    let mut followed: Vec<usize> = Vec::new();
    // A GOTO in the SET's own block runs right after it too (`if "%2"=="" ( set
    // ERRORLEVEL=3` / `goto :end` / `)`): the walk goes on at its label.
    let home = script.stmt(StmtId(at as u32)).parent();
    while next < script.stmts.len() {
        let id = StmtId(next as u32);
        next += 1;
        let stmt = script.stmt(id);
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        if let (StmtKind::Goto(_), Connector::None | Connector::Amp) = (&stmt.kind, stmt.connector)
        {
            // (A GOTO under another condition: the walk goes on past it.)
            if stmt.parent().is_none() || stmt.parent() == home {
                match ctx.flow.resolution(id) {
                    Some(Resolution::Label {
                        to: Node::Stmt(t), ..
                    }) => {
                        // A loop back over statements already looked at: nothing read or ended
                        // the variable there.
                        if followed.contains(&t.index()) {
                            return Fate::Lives;
                        }
                        // Past the bounds the path is not known: no finding.
                        if followed.len() > 8 {
                            return Fate::Superseded;
                        }
                        if t.index() < next {
                            let again = next - t.index();
                            if again > *budget {
                                return Fate::Superseded;
                            }
                            *budget -= again;
                        }
                        followed.push(t.index());
                        next = t.index();
                        continue;
                    }
                    Some(Resolution::Label { to: Node::End, .. }) => return Fate::Lives,
                    _ => {}
                }
            }
        }
        if let Some(c) = command {
            if reads_errorlevel(src, script, kids, id) {
                return Fate::ReadAfter {
                    command: c,
                    read: id,
                };
            }
        }
        match &stmt.kind {
            StmtKind::Endlocal if scoped => {
                // `endlocal & exit /b %ErrorLevel%`: the line passes the value on as it ends
                // the scope.
                let line = src.line_of(stmt.span.start());
                let passed = (id.index() + 1..script.stmts.len().min(id.index() + 3)).any(|n| {
                    let n = StmtId(n as u32);
                    src.line_of(script.stmt(n).span.start()) == line
                        && reads_errorlevel(src, script, kids, n)
                });
                return Fate::Ends {
                    exit_code: passed,
                    command_ran: command.is_some(),
                };
            }
            StmtKind::Exit(e) if scoped && local && stmt.parent().is_none() => {
                return Fate::Ends {
                    exit_code: e.code.is_some(),
                    command_ran: command.is_some(),
                }
            }
            // `exit` without `/b` ends cmd.exe, and the variable with it.
            StmtKind::Exit(e) if e.b.is_none() && stmt.parent().is_none() => {
                return Fate::Ends {
                    exit_code: true,
                    command_ran: command.is_some(),
                }
            }
            StmtKind::Goto(g)
                if scoped && local && stmt.parent().is_none() && g.target == JumpTarget::Eof =>
            {
                return Fate::Ends {
                    exit_code: false,
                    command_ran: command.is_some(),
                }
            }
            k => match errorlevel_set(src, k) {
                Some(SetValue::Cleared) => {
                    return Fate::Ends {
                        exit_code: true,
                        command_ran: command.is_some(),
                    }
                }
                // Set again: what follows belongs to that `set`, judged on its own (so each
                // statement is looked at for one `set` only).
                Some(SetValue::Value(_)) => return Fate::Superseded,
                None => {
                    if matches!(stmt.kind, StmtKind::Simple(_) | StmtKind::Call(_)) {
                        command = Some(id);
                    }
                }
            },
        }
    }
    Fate::Lives
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let script = ctx.script;
    let src = ctx.source;
    // Most files never set it: one cheap look at the SET statements first.
    let is_errorlevel = |n: Span| n.len() == 10 && src.slice(n).eq_ignore_ascii_case(b"errorlevel");
    if !ctx.assignments().iter().any(|&(n, _)| is_errorlevel(n))
        && !script.stmts.iter().any(|s| {
            matches!(&s.kind, StmtKind::Set(set) if set.kind == SetKind::Arith
                && matches!(errorlevel_set(src, &s.kind), Some(SetValue::Value(_))))
        })
    {
        return;
    }
    let mut kids_: Option<Kids> = None;
    let mut open = false;
    let mut local = false;
    let mut first: Option<Diagnostic> = None;
    let mut more = 0usize;
    let mut budget = 2 * script.stmts.len() + 1024;
    for (at, id) in script.ids().enumerate() {
        let stmt = script.stmt(id);
        match &stmt.kind {
            StmtKind::Setlocal(_) if ctx.flow.is_reachable(id) => (open, local) = (true, true),
            StmtKind::Endlocal if ctx.flow.is_reachable(id) => open = false,
            StmtKind::Label(_) => local = false,
            _ => {}
        }
        let Some(SetValue::Value(value)) = errorlevel_set(src, &stmt.kind) else {
            continue;
        };
        if !ctx.runs(id) {
            continue;
        }
        let kids = kids_.get_or_insert_with(|| kids(script));
        let shown = snippet(src, stmt.span, 50, false);
        let v = if src
            .slice(value)
            .to_ascii_lowercase()
            .windows(10)
            .any(|w| w == b"errorlevel")
        {
            "the value it had here".to_string()
        } else {
            format!("`{}`", snippet(src, value, 30, false))
        };
        let d = match fate(ctx, kids, at, open, local, &mut budget) {
            Fate::ReadAfter { command, read } => {
                // `set ERRORLEVEL=%ERRORLEVEL%` / `del *.obj` / `exit %ERRORLEVEL%`: the code
                // saved from the clean-up's, and returned by an `exit` that ends cmd.exe (or
                // inside a SETLOCAL, whose end drops the variable): kept on purpose.
                let saved = src
                    .slice(value)
                    .trim_ascii()
                    .eq_ignore_ascii_case(b"%errorlevel%");
                let returned = matches!(&script.stmt(read).kind,
                    StmtKind::Exit(e) if e.b.is_none() || open);
                if saved && returned {
                    continue;
                }
                let line = src.line_of(script.stmt(read).span.start());
                let cmd = snippet(src, script.stmt(command).span, 40, false);
                RULE.diag(
                    stmt.span,
                    format!(
                        "`{shown}` makes an ordinary variable named ERRORLEVEL: line {line} reads \
                         it after `{cmd}` ran, and gets the value set here, not that command's \
                         exit code, so a failure there goes unseen"
                    ),
                )
                .with_related(
                    script.stmt(read).span,
                    "reads the variable, not the exit code",
                )
            }
            Fate::Ends {
                exit_code,
                command_ran,
            } => {
                // A scratch variable inside SETLOCAL, gone before anything reads it after a
                // command; or one that stands for an exit code (`set ERRORLEVEL=1` before the
                // end) the script never sets.
                let zero = src.slice(value).trim_ascii() == b"0";
                if !open || exit_code || command_ran || zero {
                    continue;
                }
                RULE.diag(
                    stmt.span,
                    format!(
                        "`{shown}` makes an ordinary variable, not an exit code: the variable \
                         ends with the SETLOCAL, and the script's caller gets the exit code of \
                         the last command that ran, not {v}"
                    ),
                )
            }
            Fate::Superseded => continue,
            Fate::Lives if open => {
                let zero = src.slice(value).trim_ascii() == b"0";
                if zero {
                    continue;
                }
                RULE.diag(
                    stmt.span,
                    format!(
                        "`{shown}` makes an ordinary variable, not an exit code: the script's \
                         caller gets the exit code of the last command that ran, not {v}"
                    ),
                )
            }
            Fate::Lives => RULE.diag(
                stmt.span,
                format!(
                    "`{shown}` makes an ordinary variable named ERRORLEVEL and sets no exit code: \
                     with no SETLOCAL it outlives the script, so a batch file that CALLs it, \
                     or a console it runs in, reads {v} for `%ERRORLEVEL%` from then on, \
                     whatever a command returns"
                ),
            ),
        };
        if first.is_none() {
            first = Some(
                d.with_label("hides the exit code from `%ERRORLEVEL%`")
                    .with_help(
                        "set an exit code with `exit /b 1` (or `cmd /c exit 1` to go on); \
                         test a command with `if errorlevel 1` or `%ERRORLEVEL%` right after \
                         it; to remove a variable of that name, write `set ERRORLEVEL=`",
                    ),
            );
        } else if more < 8 {
            more += 1;
            if let Some(f) = first.take() {
                first = Some(f.with_related(stmt.span, "also sets the variable"));
            }
        }
    }
    out.extend(first);
}
