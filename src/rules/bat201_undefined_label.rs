//! BAT201 undefined-label: `goto`/`call :` to a label that does not exist.

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Resolution;
use crate::rules::bat302_win9x_incompatible::dos_reason;
use crate::rules::bat_util::{
    result_tested, sibling_exists, snippet, static_label, stderr_silenced,
};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{CallTarget, Connector, StmtId, StmtKind, SyntaxErrorKind};
use crate::syntax::labels::{LabelIndex, Profile};

pub static RULE: Rule = Rule {
    code: "BAT201",
    name: "undefined-label",
    severity: Severity::Error,
    summary: "`goto` or `call :` to a label that does not exist",
    what: "Reports a `goto label` or `call :label` whose static target matches no label of the \
           file, comparing names as cmd.exe does (case-insensitive, the first 127 characters). \
           `goto :eof` (with the colon) is the built-in end of file and is not reported; \
           `goto eof` without the colon is a jump to a real label `:eof` and is reported when \
           there is none. Targets built from variables (`goto %choice%`) are not checked. \
           Not reported: a jump in code that never runs (also after a `call :label` of a \
           subroutine that always ends the script with a bare `exit`: `call :bye & goto \
           done`); any jump of a file that renames \
           itself (`ren \"%~nx0\" temp.bat`, the include trick: cmd.exe searches the file \
           now at the script's path, another file's labels); a deliberate probe (standard error \
           sent to `nul`, or the result tested with `&&`/`||`); a `call :name` in a library \
           module (a file whose entry is a dispatching `call %*` / `call %~1`) when \
           `name.bat`/`name.cmd` (or the part of `name` before its first `.`) exists beside \
           the script or in its `lib` folder: the library joins the modules or calls the \
           sibling; a jump only COMMAND.COM runs (on the Windows 9x side of an OS test, as in \
           the RubyGems stub's `if not \"%~f0\" == \"~f0\" goto WinNT`) whose label COMMAND.COM \
           finds by its first 8 characters, or whose label names an ending (`goto eof` after \
           a \"does not work on Windows 9x\" message: COMMAND.COM stops there, as meant, with \
           \"Label not found\"); the jumps after a FOR or IF cmd.exe cannot read, with no label \
           between (cmd.exe stops the script at that statement); a label that is there, after a NUL byte where \
           cmd.exe stops reading (BAT103 reports the NUL); a jump under an IF that repeats, \
           word for word, the test of the IF right before it, whose command already left \
           (`if not exist %d%: goto bad` twice: the second never runs); a jump after `&&` on a \
           line commented out with `//` (`//if … && goto x`: cmd.exe finds no program \
           `//if`, so the `&&` never runs). A jump under a test of two fixed \
           words (`if ans==n goto END`, the `%` forgotten) never runs when the words differ. \
           A `goto` to a missing `:eof`, `:exit` or `:quit` is a warning, not an error, in a \
           script that is no logon script and has no `call :label` subroutines: the script \
           stops there, as the name says it should, but with an error message.",
    why: "When GOTO cannot find its label, cmd.exe prints \"The system cannot find the batch \
          label specified - END\" and stops the whole batch file at that line (inside a \
          subroutine entered with `call :label`, only the subroutine ends and its caller goes \
          on); COMMAND.COM prints \"Label not found\" and stops too. In a logon script that means everything \
          after the jump (drive mappings, the SMS client call, clean-up) silently never runs on \
          any client that takes this path. A `call :label` to a missing label prints the same \
          message and the subroutine never runs. The classic case is an upgrade gate `GOTO END` \
          added to SMSLS.BAT without an `:END` label.",
    example: "@echo off\nGOTO END\ncall %0\\..\\smsls\n",
    fix: "@echo off\nGOTO END\ncall %0\\..\\smsls\n:END\n",
    sources: &[
        "cmd-semantics §1.9 (minikube-2394, ZipRipper-15: \"The system cannot find the batch label specified\"; fragglet-goto: \"the batch program stops\")",
        "cmd-semantics §1.8 (SO-labellen: 127 significant characters)",
        "GOTO /? (GOTO-help): `goto :eof` needs the colon",
        "Q237543, Q238780 (the `GOTO END` gate)",
    ],
    check: Some(check),
    opt_in: None,
};

/// The file renames the script itself: a `ren` or `rename` (any case) whose arguments (up to
/// the next `&`, `|`, `)` or line end) name the script (`%0`, `%~0`, `%~nx0`, `%~f0`,
/// `%~dpnx0`, …), in a command or in the value of a variable run as one.
fn renames_itself(bytes: &[u8]) -> bool {
    // `%0`, or `%~` and modifier letters then `0`.
    let self_ref = |cmd: &[u8]| {
        cmd.iter().enumerate().any(|(i, &c)| {
            c == b'%'
                && match cmd.get(i + 1) {
                    Some(b'0') => true,
                    Some(b'~') => {
                        let letters = cmd[i + 2..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphabetic())
                            .count();
                        cmd.get(i + 2 + letters) == Some(&b'0')
                    }
                    _ => false,
                }
        })
    };
    // A `ren`/`rename` command word, and its arguments up to the next `&`, `|`, `)` or
    // line end.
    bytes.windows(4).enumerate().any(|(i, w)| {
        if !w[..3].eq_ignore_ascii_case(b"ren") || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            return false;
        }
        let args = if matches!(w[3], b' ' | b'\t' | b'"') {
            i + 3
        } else if bytes.len() >= i + 7
            && bytes[i + 3..i + 6].eq_ignore_ascii_case(b"ame")
            && matches!(bytes[i + 6], b' ' | b'\t' | b'"')
        {
            i + 6
        } else {
            return false;
        };
        let rest = &bytes[args..];
        let end = memchr::memchr3(b'&', b'|', b')', rest)
            .into_iter()
            .chain(memchr::memchr(b'\n', rest))
            .min()
            .unwrap_or(rest.len());
        self_ref(&rest[..end])
    })
}

/// The command before this `&&` is a line commented out with `//` (C-style), which cmd.exe
/// runs as a program it cannot find ("'//if' is not recognized …"): it always fails.
fn after_failing_comment<'s>(
    ctx: &Ctx<'s>,
    id: StmtId,
    sib: &mut Option<crate::rules::bat_util::Siblings<'s>>,
) -> bool {
    let sib = sib.get_or_insert_with(|| crate::rules::bat_util::Siblings::build(ctx.script));
    sib.before(id).is_some_and(|p| {
        matches!(&ctx.script.stmt(p).kind,
            StmtKind::Simple(s) if ctx.source.slice(s.name.span).starts_with(b"//"))
    })
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut after_nul = None;
    let mut past_exits: Option<Vec<bool>> = None;
    let mut subroutines: Option<bool> = None;
    let mut dos_too: Option<bool> = None;
    let mut sib: Option<crate::rules::bat_util::Siblings<'_>> = None;
    let mut self_renamed: Option<bool> = None;
    let mut fatal: Option<Vec<(usize, usize)>> = None;
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let (target, is_call) = match &stmt.kind {
            StmtKind::Goto(g) => (&g.target, false),
            StmtKind::Call(c) => match &c.target {
                CallTarget::Label { target, .. } => (target, true),
                _ => continue,
            },
            _ => continue,
        };
        let Some((name, key)) = static_label(target) else {
            continue;
        };
        if ctx.flow.resolution(id) != Some(&Resolution::Unresolved) {
            continue;
        }
        // The file renames itself (the include trick: `ren "%~nx0" temp.bat & ren
        // "Library.bat" "%~nx0"`): cmd.exe reads every label search from the file now at
        // that path, so the labels may be another file's.
        if *self_renamed.get_or_insert_with(|| renames_itself(ctx.source.bytes())) {
            return;
        }
        // `goto : x`, `call :`: no name at all is a deliberate probe or a way to leave the
        // context (like a GOTO with no target), never a misspelt label.
        if key.is_empty() {
            continue;
        }
        // `//if not exist x ((call bad.cmd) && goto top)`: a line "commented out" with `//`
        // is a command cmd.exe cannot find, so the `&&` after it never runs the jump.
        if stmt.connector == Connector::AndAnd && after_failing_comment(ctx, id, &mut sib) {
            continue;
        }
        // `call :bye & goto done` where `:bye` always ends the script with a bare `exit`:
        // the jump never runs.
        let past_exits = past_exits
            .get_or_insert_with(|| crate::rules::bat_util::reachable_past_exiting_calls(ctx));
        if !past_exits.get(id.index()).copied().unwrap_or(true) {
            continue;
        }
        // `if not exist %d%: goto bad` then the same test again: the second jump never runs.
        if repeated_leaving_test(ctx, id, &mut sib) {
            continue;
        }
        // `for<TAB>REM note` then `goto<TAB>REM note` (a cheat sheet of commands): cmd.exe
        // stops the script at the FOR it cannot read, and only a label could bring it here.
        let fatal = fatal.get_or_insert_with(|| fatal_errors(ctx));
        if after_fatal_syntax_error(ctx, fatal, id) {
            continue;
        }
        // A probe (`call :x 2>nul && …`, `goto :nolabel >nul 2>&1 || …`): the author
        // silenced the message and branches on the result.
        if stderr_silenced(ctx.source, ctx.script, id) || result_tested(ctx.script, id) {
            continue;
        }
        // A library module (entered through `call %*`) whose subroutine lives in a sibling file (`call :input_string`
        // beside `input_string.bat`, `call :wcdir._find` beside `wcdir.bat`): the library
        // is assembled or called through that file.
        if is_call && ctx.flow.call_dispatch && in_sibling_module(ctx, key) {
            continue;
        }
        // The label is there, after a NUL byte: cmd.exe stops reading at the NUL, which
        // BAT103 reports as the cause. (The names after it are read once per file.)
        let after_nul = after_nul.get_or_insert_with(|| LabelIndex::keys_after_nul(ctx.source));
        if !after_nul.is_empty()
            && after_nul.contains(&crate::syntax::labels::key(key, Profile::Nt))
        {
            continue;
        }
        // Only COMMAND.COM runs this jump (it sits on the Windows 9x side of an OS test, as
        // in the RubyGems stub's `goto endofruby`): it finds its label by the first 8
        // characters (`:endofrubybat`).
        let win9x_only = !ctx.flow.nt_reachable(id);
        // `goto eof` after "Does not work on Windows 9x" on the Windows 9x side of the OS
        // test: COMMAND.COM prints "Label not found" and stops, which is where the script
        // meant to stop there anyway.
        if win9x_only && !is_call && names_an_ending(key) {
            continue;
        }
        if win9x_only {
            let line = ctx.source.line_of(stmt.span.start());
            if ctx.labels.resolve(key, line, Profile::Win9x).is_some() {
                continue;
            }
        }
        // The name cmd.exe looks for: carets and a lone `%` (`goto errorL%`) are gone by then.
        let shown = if key.len() == name.len() || key.len() > 60 {
            snippet(ctx.source, name, 60, false)
        } else {
            String::from_utf8_lossy(key).into_owned()
        };
        // A script COMMAND.COM runs too (a Windows 9x target, or a `.bat` with a DOS 8.3 name
        // and no cmd.exe-only syntax) gets that shell's message beside cmd.exe's.
        let dos = if *dos_too.get_or_insert_with(|| dos_reason(ctx).is_some()) {
            " (COMMAND.COM: \"Label not found\")"
        } else {
            ""
        };
        let is_eof = key.eq_ignore_ascii_case(b"eof") && !is_call;
        let (message, help) = if is_eof {
            (
                format!(
                    "there is no `:eof` label: `goto {shown}` without a colon looks for one, and \
                     cmd.exe prints \"The system cannot find the batch label specified - \
                     {shown}\"{dos} and stops the script here (when it runs under CALL, it \
                     returns to the caller)"
                ),
                if ctx.settings.targets.win9x {
                    "add a label `:EOF` as the last line (works on cmd.exe and COMMAND.COM)"
                        .to_string()
                } else {
                    "write `goto :eof` (with the colon) to jump to the end of the file".to_string()
                },
            )
        } else if win9x_only && !is_call {
            (
                format!(
                    "no label `:{shown}` in this file: only COMMAND.COM runs this jump (cmd.exe \
                     takes the other side of the OS test above), and on Windows 9x it prints \
                     \"Label not found\" and stops the script here"
                ),
                format!("add the line `:{shown}` where the jump should land, or fix the name"),
            )
        } else if is_call {
            (
                format!(
                    "no label `:{shown}` in this file: cmd.exe prints \"The system cannot find the \
                     batch label specified - {shown}\" and the subroutine never runs"
                ),
                if sibling_exists(ctx, key, &["bat", "cmd"], &[]) {
                    format!(
                        "a batch file `{shown}` sits beside this script: write `call {shown}` \
                         (no colon) to run it, or define the subroutine with a line `:{shown}`"
                    )
                } else {
                    format!(
                        "define the subroutine with a line `:{shown}`, or fix the name in the call"
                    )
                },
            )
        } else {
            (
                format!(
                    "no label `:{shown}` in this file: cmd.exe prints \"The system cannot find \
                     the batch label specified - {shown}\"{dos} and stops the script here (when it runs under \
                     CALL, it returns to the caller)"
                ),
                format!("add the line `:{shown}` where the jump should land, or fix the name"),
            )
        };
        // In a script with subroutines, a failed jump there returns to the caller, which
        // goes on: not the end the name promises.
        let has_subroutines = *subroutines.get_or_insert_with(|| {
            ctx.script.stmts.iter().any(|s| {
                matches!(&s.kind, StmtKind::Call(c) if matches!(c.target, CallTarget::Label { .. }))
            })
        });
        let mut d = RULE
            .diag(name, message)
            .with_label("label not defined")
            .with_help(help);
        // `goto EOF` / `goto :Exit` / `goto quit` with no such label, outside a logon script:
        // the script stops here, which is what a jump to its end means; what goes wrong is the
        // error message on the screen. (`goto END` stays an error: the upgrade gate's missing
        // `:END` of the KB, which stops the logon script instead of skipping a part of it.)
        if !is_call && !ctx.settings.logon_script && names_an_ending(key) && !has_subroutines {
            d.severity = Severity::Warning;
        }
        out.push(d);
    }
}

/// A label name that means leaving the script: `eof`, `exit`, `quit` (any case).
fn names_an_ending(key: &[u8]) -> bool {
    [&b"eof"[..], b"exit", b"quit"]
        .iter()
        .any(|w| key.eq_ignore_ascii_case(w))
}

/// `name.bat`/`name.cmd` (or the part before the first `.`: `wcdir` for `wcdir._find`)
/// exists beside the script or in its `lib` folder.
fn in_sibling_module(ctx: &Ctx<'_>, key: &[u8]) -> bool {
    let exts = ["bat", "cmd"];
    let dirs = ["lib"];
    if sibling_exists(ctx, key, &exts, &dirs) {
        return true;
    }
    match key.iter().position(|&b| b == b'.') {
        Some(i) if i > 0 => sibling_exists(ctx, &key[..i], &exts, &dirs),
        _ => false,
    }
}

/// Statement `id` is the command of an IF whose test repeats, word for word, the test of the
/// IF just before it (only comments, messages and `set`s of variables the test does not read
/// between), and that one always leaves (a
/// GOTO or EXIT): when the test holds, the first IF has already left, so `id` never runs.
fn repeated_leaving_test<'a>(
    ctx: &'a Ctx<'_>,
    id: StmtId,
    sib: &mut Option<crate::rules::bat_util::Siblings<'a>>,
) -> bool {
    let script = ctx.script;
    let Some(owner) = script.stmt(id).parent() else {
        return false;
    };
    let StmtKind::If(second) = &script.stmt(owner).kind else {
        return false;
    };
    if second.then != Some(id) || second.else_.is_some() {
        return false;
    }
    let test =
        |i: &crate::syntax::ast::If, at: StmtId| crate::rules::bat_util::if_test_text(ctx, i, at);
    let sib = sib.get_or_insert_with(|| crate::rules::bat_util::Siblings::build(script));
    let mut prev = sib.before(owner);
    for _ in 0..8 {
        let Some(p) = prev else {
            return false;
        };
        match &script.stmt(p).kind {
            StmtKind::Comment(_) | StmtKind::Echo(_) => prev = sib.before(p),
            // `set msg=0` between the two: a variable the test does not read.
            StmtKind::Set(set) if set.kind == crate::syntax::ast::SetKind::Assign => {
                let Some(n) = set.name else {
                    return false;
                };
                let mut read = b"%".to_vec();
                read.extend(ctx.source.slice(n).trim_ascii().to_ascii_lowercase());
                read.push(b'%');
                if test(second, owner)
                    .to_ascii_lowercase()
                    .windows(read.len())
                    .any(|w| w == read.as_slice())
                {
                    return false;
                }
                prev = sib.before(p);
            }
            StmtKind::If(first) => {
                let leaves = first.else_.is_none()
                    && first.then.is_some_and(|t| {
                        matches!(script.stmt(t).kind, StmtKind::Goto(_) | StmtKind::Exit(_))
                    });
                // Byte for byte; under `/i` on both, without case (`/I "%a%"=="n"` then
                // `/I "%a%"=="N"`).
                let (a, b) = (test(first, p), test(second, owner));
                let same = if first.case_insensitive.is_some() && second.case_insensitive.is_some()
                {
                    a.eq_ignore_ascii_case(b)
                } else {
                    a == b
                };
                return leaves && same;
            }
            _ => return false,
        }
    }
    false
}

/// The FORs and IFs cmd.exe cannot read, in file order: where each error is and where the
/// top-level statement it is part of ends.
fn fatal_errors(ctx: &Ctx<'_>) -> Vec<(usize, usize)> {
    let mut errs: Vec<usize> = ctx
        .script
        .errors
        .iter()
        .filter(|e| matches!(e.kind, SyntaxErrorKind::BadFor | SyntaxErrorKind::BadIf))
        .map(|e| e.span.start())
        .collect();
    if errs.is_empty() {
        return Vec::new();
    }
    errs.sort_unstable();
    let tops: Vec<(usize, usize)> = ctx
        .script
        .ids()
        .map(|s| ctx.script.stmt(s))
        .filter(|s| s.parent().is_none())
        .map(|s| (s.span.start(), s.span.end()))
        .collect();
    errs.into_iter()
        .filter_map(|e| {
            let k = tops.partition_point(|&(start, _)| start <= e);
            let (start, end) = *tops.get(k.checked_sub(1)?)?;
            (start <= e && e < end).then_some((e, end))
        })
        .collect()
}

/// A FOR or IF that cmd.exe cannot read stands before the jump with no label between them:
/// cmd.exe reports the syntax error and stops the script at that statement (it reads a whole
/// statement, blocks and all, before running any of it), so nothing gets past it to the jump.
fn after_fatal_syntax_error(ctx: &Ctx<'_>, fatal: &[(usize, usize)], id: StmtId) -> bool {
    let at = ctx.script.stmt(id).span.start();
    let k = fatal.partition_point(|&(e, _)| e < at);
    let Some(&(err, top_end)) = k.checked_sub(1).and_then(|k| fatal.get(k)) else {
        return false;
    };
    // The definitions are in file order: the first one after the error must come after the
    // jump too.
    let defs = &ctx.labels.defs;
    let next = defs.partition_point(|d| d.colon.start() <= err);
    top_end <= at && defs.get(next).map_or(true, |d| d.colon.start() >= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_itself_needs_a_ren_that_names_the_script_in_its_arguments() {
        for yes in [
            &b"set \"openLib=(ren \"%~nx0\" temp.bat & ren \"Library.bat\" \"%~nx0\"\""[..],
            b"rename %0 old.bat",
            b"REN \"%~f0\" x.bat",
            b"x\r\n(ren %~dpnx0 -t.bat)\r\n",
        ] {
            assert!(renames_itself(yes), "{}", String::from_utf8_lossy(yes));
        }
        for no in [
            &b"ren a.txt b.txt"[..],
            b"echo %0 & ren a b",
            b"render %~nx0",
            b"current %~nx0 renamed",
            b"ren %~nx1 b.txt",
            b"ren\r\n%~nx0",
        ] {
            assert!(!renames_itself(no), "{}", String::from_utf8_lossy(no));
        }
    }
}
