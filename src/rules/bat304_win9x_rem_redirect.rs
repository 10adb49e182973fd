//! BAT304 win9x-rem-redirect: `REM` with `>` or `|`, which COMMAND.COM executes.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat302_win9x_incompatible::dos_reason;
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{CommentStyle, RedirectOp, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT304",
    name: "win9x-rem-redirect",
    severity: Severity::Warning,
    summary: "A `REM` line with `>` or `|`, which COMMAND.COM on Windows 9x partly executes",
    what: "Only in files Windows 9x clients run (see BAT302) and that BAT302 does not report \
           once as written for cmd.exe only, or that have a DOS 8.3 file name and use no cmd.exe-only \
           syntax at all and no NT-only command or variable (`title`, `pushd`, `reg`, \
           `%COMPUTERNAME%`, …) and no program of today's toolchains (`python`, `git`, \
           `node`, …) and no document started by its file association (`todo.pl`, \
           `setup.vbs`) and no folder only 64-bit Windows has (`Program Files (x86)`, \
           `SysWOW64`, or a later Windows has: `\\AppData\\`, `\\WindowsApps\\`) and no long folder or file name in a path from a drive letter (`D:\\batch_files\\…`), so COMMAND.COM runs them as written, and only for REM lines Windows \
           9x reaches. Reports a `REM` comment containing a pipe `|` (warning: COMMAND.COM runs \
           the command after it) or an output redirection to a file: `>` (warning: the file is \
           created or emptied) or `>>` (info: the file is created if missing). A REM with nothing \
           before its `>` (`rem > empty.txt`, the DOS idiom that makes an empty file) is \
           written for that effect: not reported. Redirections to \
           `NUL`, `CON` or a printer (`PRN`, `LPT1`), `>>` to a file the script writes anyway, and input redirections \
           change nothing and are not reported.",
    why: "cmd.exe ignores the whole REM line, but MS-DOS and Windows 9x COMMAND.COM still \
          process redirections and pipes on it: `REM copy a > b` creates or empties a file `b` \
          (the DOS idiom `rem > file` creates an empty file), and `REM a | b` runs `b`. On \
          Windows 9x clients the comment changes files or prints errors during logon. Use `::` \
          (a label COMMAND.COM never executes) or remove the characters.",
    example: "REM Output goes to > %TEMP%\\sms.log\n",
    fix: ":: Output goes to %TEMP%\\sms.log\n",
    sources: &[
        "cmd-semantics §1.7, §1.16 (msdos7-rem: \"everything up to the symbol is ignored BUT the symbol itself and everything following is interpreted\")",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // Whether this file runs under COMMAND.COM is decided at the first candidate.
    let mut dos: Option<Option<&'static str>> = None;
    let src = ctx.source;
    // The files the script writes, collected at the first `>>` candidate.
    let mut writes: Option<rustc_hash::FxHashSet<Vec<u8>>> = None;
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let StmtKind::Comment(c) = &stmt.kind else {
            continue;
        };
        if c.style != CommentStyle::Rem {
            continue;
        }
        let text = src.slice(c.text);
        let Some((off, effect, target)) = first_effect(text) else {
            continue;
        };
        // `rem > stamp.` (no comment before the `>`): the DOS idiom that makes an empty
        // file, written for its effect.
        if effect != Effect::Pipe && text[..off].trim_ascii().is_empty() {
            continue;
        }
        if !ctx.win9x().runs(id) {
            continue;
        }
        // `>>` to a file the script writes anyway (`echo … >> %VBFILE%` around a
        // commented-out line) appends nothing to it: no effect.
        if effect == Effect::Append && writes.get_or_insert_with(|| written(ctx)).contains(&target)
        {
            continue;
        }
        let reason = *dos.get_or_insert_with(|| dos_reason(ctx));
        let Some(reason) = reason else {
            return;
        };
        if crate::rules::bat302_win9x_incompatible::written_for_cmd_only(ctx) {
            return;
        }
        let at = c.text.start() + off;
        let (op_len, what, severity) = match effect {
            Effect::Pipe => (1, "runs the text after `|` as a command", Severity::Warning),
            Effect::Truncate => (
                1,
                "performs the redirection, creating or emptying the file named after it",
                Severity::Warning,
            ),
            Effect::Append => (
                2,
                "performs the redirection, creating the file named after it if it is missing",
                Severity::Info,
            ),
        };
        let op = src.display(Span::new(at, at + op_len));
        let mut d = RULE
            .diag(
                Span::new(at, at + op_len),
                format!(
                    "COMMAND.COM on Windows 9x does not ignore this `{op}` in a REM line: it \
                     {what}{reason}"
                ),
            )
            .with_label("executed by COMMAND.COM")
            .with_help(
                "use a `::` comment, or remove the `>` and `|` characters from the REM text",
            );
        d.severity = severity;
        out.push(d);
    }
}

/// What an operator in REM text does on COMMAND.COM.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Effect {
    Pipe,
    Truncate,
    Append,
}

/// The files the script's own commands redirect to (lower case, quotes removed).
fn written(ctx: &Ctx<'_>) -> rustc_hash::FxHashSet<Vec<u8>> {
    ctx.script
        .stmts
        .iter()
        .flat_map(|s| s.redirects().iter())
        .filter(|r| matches!(r.op, RedirectOp::Out | RedirectOp::Append))
        .filter_map(|r| r.target)
        .map(|w| crate::rules::bat_util::unquoted_lower(ctx.source, w.span))
        .collect()
}

/// The first operator in REM text that changes something: `|`, or `>`/`>>` to a file other
/// than `NUL`/`CON`. Returns its offset and the target (lower case, quotes removed).
fn first_effect(text: &[u8]) -> Option<(usize, Effect, Vec<u8>)> {
    let mut i = 0;
    // Only `|` and `>` start an operator: jump from one to the next.
    while let Some(at) = memchr::memchr2(b'|', b'>', &text[i..]) {
        i += at;
        if text[i] == b'|' {
            return Some((i, Effect::Pipe, Vec::new()));
        }
        let append = text.get(i + 1) == Some(&b'>');
        let mut j = i + if append { 2 } else { 1 };
        while j < text.len() && matches!(text[j], b' ' | b'\t') {
            j += 1;
        }
        let end = text[j..]
            .iter()
            .position(|&b| matches!(b, b' ' | b'\t' | b'|' | b'>' | b'<' | b'\r' | b'\n'))
            .map_or(text.len(), |p| j + p);
        let target: Vec<u8> = text[j..end]
            .iter()
            .filter(|&&b| b != b'"')
            .map(u8::to_ascii_lowercase)
            .collect();
        let harmless = matches!(
            target.as_slice(),
            b"" | b"nul"
                | b"nul:"
                | b"con"
                | b"con:"
                | b"&1"
                | b"&2"
                // A printer: REM writes nothing to it, and no file is made.
                | b"prn"
                | b"prn:"
                | b"lpt1"
                | b"lpt1:"
                | b"lpt2"
                | b"lpt2:"
                | b"lpt3"
                | b"lpt3:"
        );
        if !harmless {
            let effect = if append {
                Effect::Append
            } else {
                Effect::Truncate
            };
            return Some((i, effect, target));
        }
        i = end.max(i + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_effect_finds_the_first_operator_that_changes_something() {
        assert_eq!(first_effect(b"plain text, no operator"), None);
        assert_eq!(
            first_effect(b"a | more"),
            Some((2, Effect::Pipe, Vec::new()))
        );
        // `>nul`, `> con:` and `2>&1` change nothing: the next operator counts.
        assert_eq!(
            first_effect(b"x >nul y > con: 2>&1 z >> \"Log.TXT\" | w"),
            Some((23, Effect::Append, b"log.txt".to_vec()))
        );
        assert_eq!(
            first_effect(b"copy a >b.txt"),
            Some((7, Effect::Truncate, b"b.txt".to_vec()))
        );
        // A `>` at the very end has no target: nothing happens.
        assert_eq!(first_effect(b"see >"), None);
        assert_eq!(first_effect(b">>>"), None);
    }
}
